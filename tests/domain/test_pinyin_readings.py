"""The importer's pinyin table gives exactly what pypinyin gives (people.pinyin_keys), without
loading pypinyin's phrase list; and the shipped table is the one the installed pypinyin makes."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from pypinyin.constants import PHRASES_DICT

from volunteer_app.domain import pinyin_readings
from volunteer_app.domain.people import pinyin_keys

ROOT = Path(__file__).resolve().parents[2]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗单曾解查乐区仇欧阳长孙尉迟"


def test_the_shipped_table_is_the_one_the_installed_pypinyin_makes():
    sys.path.insert(0, str(ROOT / "build_scripts"))
    try:
        import pinyin_readings as generator
    finally:
        sys.path.remove(str(ROOT / "build_scripts"))
    shipped = pinyin_readings.READINGS_FILE.read_text(encoding="utf-8")
    fresh = generator.build()
    if pinyin_readings.table_is_current():
        assert shipped == fresh
    else:   # another pypinyin is installed: the table must say so and stay unused
        assert shipped.splitlines()[0] != fresh.splitlines()[0]


def test_a_table_made_from_another_pypinyin_is_not_used(monkeypatch):
    pinyin_readings.table_is_current.cache_clear()
    monkeypatch.setattr(pinyin_readings.metadata, "version", lambda _name: "0.0.1")
    try:
        assert not pinyin_readings.table_is_current()
        monkeypatch.setattr(pinyin_readings, "_table", lambda: 1 / 0)   # never read
        assert pinyin_readings.name_pinyin_keys("长乐") == pinyin_keys("长乐") == ("cl", "changle")
    finally:
        pinyin_readings.table_is_current.cache_clear()


@pytest.mark.parametrize("name", ["长乐", "单于明", "曾朝阳", "欧阳长青", "区长乐", "长孙无忌", "张建国",
                                  "王淑兰", "解放", "重庆", "乐乐", "王䶮", "阿依古丽·买买提", "Mary Smith",
                                  "张三丰张三丰张三丰", "葛长银", "", "张"])
def test_names_read_as_pypinyin_reads_them(name):
    assert pinyin_readings.name_pinyin_keys(name) == pinyin_keys(name)


def test_every_phrase_that_reads_differently_and_random_names_agree_with_pypinyin():
    readings, phrases, _longest = pinyin_readings._table()
    rng = random.Random(16)
    chars = sorted(readings)
    names = [rng.choice(SURNAMES) + p for p in phrases] + [p + rng.choice(SURNAMES) for p in phrases]
    names += rng.sample(sorted(PHRASES_DICT), 3000)
    names += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 4))) for _ in range(3000)]
    names += ["".join(rng.choice(SURNAMES + "长乐朝重行单曾") for _ in range(3)) for _ in range(3000)]
    differ = [n for n in names if pinyin_readings.name_pinyin_keys(n) != pinyin_keys(n)]
    assert differ == []
    assert len(phrases) > 1000   # 长乐, 单于…: the table did keep the phrases that matter


def test_reading_a_name_does_not_load_pypinyin():
    if not pinyin_readings.table_is_current():
        pytest.skip("the table was made from another pypinyin; names go to pypinyin itself")
    code = ("import sys\nfrom volunteer_app.domain.pinyin_readings import name_pinyin_keys\n"
            "assert name_pinyin_keys('张建国') == ('zjg', 'zhangjianguo')\n"
            "assert 'pypinyin' not in sys.modules\n"
            "assert name_pinyin_keys('长乐') == ('cl', 'changle')\n"
            "assert 'pypinyin' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
