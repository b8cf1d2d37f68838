"""Domain rules about people: ID numbers, phones, names, ages, 悬空老人, pinyin initials."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from volunteer_app.domain.forms import validate_person
from volunteer_app.domain.identity import (
    FieldError,
    clean_id_number,
    clean_mobile,
    clean_name,
    clean_phone,
    mask_phone,
)
from volunteer_app.domain.people import HousingRule, age_on, pinyin_keys

TODAY = date(2026, 11, 28)


def test_valid_id_number_gives_birth_date_and_gender():
    facts = clean_id_number("11010519491231002x")
    assert facts.number == "11010519491231002X"
    assert facts.birth_date == date(1949, 12, 31)
    assert facts.gender == "女"          # 17th digit 2: even


@pytest.mark.parametrize(("raw", "words"), [
    ("110105194912310021", "校验位"),                    # wrong check digit
    ("110105194902310020", "出生日期不存在"),              # 1949-02-31
    ("1.10105E+17", "科学计数法"),                        # Excel turned it into a number
    ("11010519491231", "18位"),
    ("", "为空"),
])
def test_bad_id_numbers_are_refused_in_chinese(raw, words):
    with pytest.raises(FieldError) as caught:
        clean_id_number(raw)
    assert words in caught.value.message and caught.value.field == "身份证号"


@settings(max_examples=40, deadline=None)
@given(st.dates(date(1900, 1, 1), date(2020, 12, 31)), st.integers(0, 999))
def test_any_well_formed_id_number_round_trips(birth, sequence):
    body = f"110105{birth:%Y%m%d}{sequence:03d}"
    number = body + ric.calc_check_digit(body + "0")   # stdnum drops the last character
    facts = clean_id_number(number)
    assert facts.birth_date == birth
    assert facts.gender == ("男" if sequence % 2 else "女")
    wrong = "0" if number[-1] != "0" else "1"
    with pytest.raises(FieldError):
        clean_id_number(number[:-1] + wrong)


def test_phones_mobile_and_landline():
    assert clean_mobile("138 1234 1234") == "13812341234"
    assert clean_mobile("+8619912345678") == "19912345678"
    assert clean_phone("010-63712345") == "010-63712345"
    assert clean_phone("63712345") == "010-63712345"
    assert clean_phone("13812341234") == "13812341234"
    assert mask_phone("13812341234") == "138****1234"
    for bad in ("1381234123", "23812341234", "6371234"):
        with pytest.raises(FieldError):
            clean_mobile(bad)
    with pytest.raises(FieldError, match="联系电话"):
        clean_phone("12345")


@pytest.mark.parametrize("name", ["阿依古丽·买买提", "王堃", "李喆", "赵赟", "刘䶮", "𠮷野"])
def test_names_with_dot_and_rare_characters_are_kept(name):
    assert clean_name(name) == name
    name.encode("gb18030")      # every one is representable in GB18030


def test_name_rules():
    assert clean_name("阿依古丽•买买提") == "阿依古丽·买买提"     # a look-alike dot becomes U+00B7
    assert clean_name("王" * 50) == "王" * 50
    for bad in ("", "王" * 51, "张3", "·张"):
        with pytest.raises(FieldError):
            clean_name(bad)


def test_age_on_a_given_day_including_29_february():
    assert age_on("1936-11-28", TODAY) == 90
    assert age_on("1936-11-29", TODAY) == 89
    assert age_on("1940-02-29", date(2025, 2, 28)) == 84
    assert age_on("1940-02-29", date(2025, 3, 1)) == 85
    assert age_on("1940-02-29", date(2024, 2, 29)) == 84
    assert age_on(None, TODAY) is None


def test_stranded_elder_rule():
    rule = HousingRule(floor_threshold=2, elder_age=60)
    assert rule.is_stranded(5, has_lift=False, cannot_use_stairs=False, age=91)
    assert not rule.is_stranded(5, has_lift=True, cannot_use_stairs=False, age=91)
    assert not rule.is_stranded(2, has_lift=False, cannot_use_stairs=False, age=91)
    assert rule.is_stranded(1, has_lift=True, cannot_use_stairs=True, age=75)
    assert not rule.is_stranded(6, has_lift=False, cannot_use_stairs=True, age=40)
    assert HousingRule(floor_threshold=4).is_stranded(4, False, False, 80) is False
    assert rule.elder_birth_cutoff(TODAY) == "1966-11-28"


def test_pinyin_initials():
    assert pinyin_keys("张建国") == ("zjg", "zhangjianguo")
    assert pinyin_keys("阿依古丽·买买提")[0] == "aygl" + "mmt"
    assert pinyin_keys("王堃")[0] == "wk"


def test_person_form_takes_birth_and_gender_from_id_number():
    result = validate_person({"name": "张建国", "id_number": "11010519491231002X",
                              "phone": "13812341234"}, TODAY)
    assert result.ok, result.errors
    assert result.values["birth_date"] == "1949-12-31" and result.values["gender"] == "女"
    clash = validate_person({"name": "张建国", "id_number": "11010519491231002X", "gender": "男"},
                            TODAY)
    assert "不一致" in clash.errors["gender"]
    empty = validate_person({"name": ""}, TODAY)
    assert {"name", "birth_date"} <= set(empty.errors)


# Characters of names, with polyphones (长乐, 单, 曾, 解, 朴, 仇) and pieces of phrases, so that
# both ways of reading a name (character by character, or as a whole) are exercised.
_NAME_CHARS = "张王李赵刘陈杨黄周吴建国秀兰淑英桂芳长乐单于尉迟曾解查朴仇区覃翟缪重行传会种·Ab"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_NAME_CHARS, min_size=1, max_size=10))
def test_pinyin_keys_read_as_pypinyin_reads_the_whole_name(name):
    """The importer reads most names character by character (each character once); the result
    must be what pypinyin gives for the whole name."""
    from pypinyin import Style, lazy_pinyin

    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors=lambda s: list(s))
                 if s.strip() and s != "\u00b7"]
    assert pinyin_keys(name) == ("".join(s[0] for s in syllables), "".join(syllables))


def test_a_name_holding_a_phrase_is_read_as_a_phrase():
    # character by character these would be zhang-le, wei-chi-gong, zhong-yang
    assert pinyin_keys("王长乐") == ("wcl", "wangchangle")
    assert pinyin_keys("尉迟恭")[1] == "yuchigong"
    assert pinyin_keys("李重阳")[0] == "lcy"


def test_a_clean_id_number_checks_the_digit_as_stdnum_does():
    import random

    rng = random.Random(11)
    for _ in range(2000):
        body = f"110106{rng.randint(1920, 2010)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" \
               f"{rng.randint(0, 999):03d}"
        right = ric.calc_check_digit(body + "0")
        assert clean_id_number(body + right).number == body + right
        wrong = "0123456789X"[("0123456789X".index(right) + 1) % 11]
        with pytest.raises(FieldError, match="校验位"):
            clean_id_number(body + wrong)
