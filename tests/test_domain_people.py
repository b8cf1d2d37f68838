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
