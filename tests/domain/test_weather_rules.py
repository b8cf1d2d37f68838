"""domain/weather.py: who is on a warning's roll-call, in what order, who calls them, and on
which days the duty shifts of a template fall."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from volunteer_app.domain import weather
from volunteer_app.domain.risk import RiskLevel
from volunteer_app.domain.weather import (
    DEFAULT_RULES,
    AlertLevel,
    AlertType,
    CallerRole,
    Criterion,
    ResidentFacts,
    ShiftTemplate,
    When,
    Where,
    choose_caller,
    order_key,
    parse_rule,
    reasons,
    shift_dates,
)


def facts(age=70, tier=RiskLevel.GENERAL, stranded=False, **more) -> ResidentFacts:
    return ResidentFacts(age, tier, stranded, **more)


# -- words ---------------------------------------------------------------------------------

def test_type_and_level_are_read_from_what_people_type():
    assert weather.parse_type(" 暴雪预警 ") == AlertType.SNOW
    assert weather.parse_level("橙") == weather.parse_level("橙色预警") == AlertLevel.ORANGE
    assert [level.rank for level in AlertLevel] == [0, 1, 2, 3]
    with pytest.raises(ValueError, match="预警类型“冰雹”不对，应为：暴雪、寒潮"):
        weather.parse_type("冰雹")
    with pytest.raises(ValueError, match="预警级别“紫色”不对"):
        weather.parse_level("紫色")


# -- the rules' text -----------------------------------------------------------------------

def test_a_rule_is_read_from_words_with_any_separator():
    rule = parse_rule("悬空老人优先，高风险、90岁以上 独居;依赖电力或氧气")
    assert rule.stranded_first
    assert rule.criteria == {Criterion.HIGH_TIER, Criterion.AGED_90, Criterion.LIVES_ALONE, Criterion.POWER}
    assert rule.text() == "悬空老人优先、高风险、90岁以上、独居、依赖电力或氧气"
    assert parse_rule(rule.text()) == rule


def test_an_unknown_word_or_an_empty_rule_is_refused_in_chinese():
    with pytest.raises(ValueError, match="点名条件“孤寡”不认识，可用的有：悬空老人优先、高风险"):
        parse_rule("高风险、孤寡")
    with pytest.raises(ValueError, match="至少要有一项"):
        parse_rule("悬空老人优先")
    with pytest.raises(ValueError, match="至少要有一项"):
        parse_rule("  ")


def test_default_rules_per_type():
    rules = {kind: parse_rule(text) for kind, text in DEFAULT_RULES.items()}
    assert set(rules) == set(AlertType)
    base = {Criterion.HIGH_TIER, Criterion.AGED_90, Criterion.LIVES_ALONE, Criterion.POWER}
    for kind, rule in rules.items():
        assert base <= rule.criteria, kind
        assert (Criterion.CHRONIC in rule.criteria) == (kind == AlertType.HEAT), kind
        assert rule.stranded_first == (kind in (AlertType.SNOW, AlertType.ICE)), kind


# -- reasons -------------------------------------------------------------------------------

def test_each_default_criterion_selects_on_its_own():
    rule = parse_rule(DEFAULT_RULES[AlertType.COLD])
    assert reasons(rule, facts()) == []
    assert reasons(rule, facts(tier=RiskLevel.HIGH)) == ["高风险"]
    assert reasons(rule, facts(tier=RiskLevel.PRIORITY)) == []
    assert reasons(rule, facts(age=90)) == ["90岁以上"]
    assert reasons(rule, facts(age=89)) == []
    assert reasons(rule, facts(age=None)) == []
    assert reasons(rule, facts(age=40, lives_alone=True)) == ["独居"]
    assert reasons(rule, facts(age=40, power_dependent=True)) == ["依赖电力或氧气"]
    assert reasons(rule, facts(age=95, tier=RiskLevel.HIGH, lives_alone=True)) == ["高风险", "90岁以上", "独居"]


def test_heat_adds_chronic_illness_and_no_other_type_does():
    ill = facts(chronic_illness=True)
    assert reasons(parse_rule(DEFAULT_RULES[AlertType.HEAT]), ill) == ["慢性病"]
    for kind in set(AlertType) - {AlertType.HEAT}:
        assert reasons(parse_rule(DEFAULT_RULES[kind]), ill) == [], kind


def test_stranded_is_named_whenever_a_stranded_resident_is_selected():
    snow = parse_rule(DEFAULT_RULES[AlertType.SNOW])
    stranded = facts(age=75, tier=RiskLevel.HIGH, stranded=True)
    assert reasons(snow, stranded) == ["悬空老人", "高风险"]
    # a rule that selects only 悬空老人 selects them, and nobody else who is high tier
    only = parse_rule("悬空老人")
    assert reasons(only, stranded) == ["悬空老人"]
    assert reasons(only, facts(age=85, tier=RiskLevel.HIGH, lives_alone=True)) == []
    # not selected at all: being stranded alone does not put them on a rule without it
    assert reasons(parse_rule("依赖电力或氧气"), stranded) == []


# -- order ---------------------------------------------------------------------------------

def _sorted(rule, people):
    return [name for name, f, building in sorted(people, key=lambda p: order_key(rule, p[1], "明春苑", p[2]))]


PEOPLE = [
    ("高风险85岁", facts(age=85, tier=RiskLevel.HIGH, lives_alone=True), "1号楼"),
    ("悬空70岁", facts(age=70, tier=RiskLevel.HIGH, stranded=True), "1号楼"),
    ("一般92岁", facts(age=92), "1号楼"),
    ("高风险91岁", facts(age=91, tier=RiskLevel.HIGH, lives_alone=True), "1号楼"),
]


def test_snow_and_ice_put_stranded_first():
    for kind in (AlertType.SNOW, AlertType.ICE):
        assert _sorted(parse_rule(DEFAULT_RULES[kind]), PEOPLE) == [
            "悬空70岁", "高风险91岁", "高风险85岁", "一般92岁"]


def test_other_types_order_by_tier_then_the_oldest():
    for kind in (AlertType.COLD, AlertType.RAIN, AlertType.WIND, AlertType.HEAT):
        assert _sorted(parse_rule(DEFAULT_RULES[kind]), PEOPLE) == [
            "高风险91岁", "高风险85岁", "悬空70岁", "一般92岁"]


def test_same_risk_walks_building_by_building_in_natural_order():
    rule = parse_rule(DEFAULT_RULES[AlertType.COLD])
    same = facts(age=90)
    keys = sorted([("12号楼", "1", "301"), ("3号楼", "2", "101"), ("3号楼", "1", "1201"), ("3号楼", "1", "201")],
                  key=lambda b: order_key(rule, same, "明春苑", *b))
    assert keys == [("3号楼", "1", "201"), ("3号楼", "1", "1201"), ("3号楼", "2", "101"), ("12号楼", "1", "301")]
    assert order_key(rule, same, "干休所大院", "9号楼") < order_key(rule, same, "明春苑", "1号楼")


# -- who calls -----------------------------------------------------------------------------

def test_the_helper_calls_first_then_the_responsible_then_the_staff_on_duty():
    assert choose_caller(7, 8, 9) == (7, CallerRole.HELPER)
    assert choose_caller(None, 8, 9) == (8, CallerRole.RESPONSIBLE)
    assert choose_caller(None, None, 9) == (9, CallerRole.DUTY)
    assert choose_caller(None, None, None) == (None, None)
    assert choose_caller(7, None, None) == (7, CallerRole.HELPER)


# -- shift days ----------------------------------------------------------------------------

SNOW = weather.TEMPLATES[AlertType.SNOW][0]
ICE = weather.TEMPLATES[AlertType.ICE][0]
RAIN_AM, RAIN_PM = weather.TEMPLATES[AlertType.RAIN]


def test_snow_clearing_is_the_morning_after_the_expected_end():
    started = datetime(2026, 12, 3, 8, 0)
    assert shift_dates(SNOW, started, datetime(2026, 12, 5, 18, 0)) == [date(2026, 12, 6)]
    assert shift_dates(SNOW, started, None) == [date(2026, 12, 4)]
    assert (SNOW.service_type, SNOW.start, SNOW.end) == ("铲冰除雪", time(7), time(10))


def test_ice_is_the_next_morning_whatever_the_end():
    assert shift_dates(ICE, datetime(2026, 12, 3, 22, 0), datetime(2026, 12, 8)) == [date(2026, 12, 4)]


def test_rain_patrols_every_day_of_the_warning_at_most_three():
    started = datetime(2026, 7, 20, 6, 0)
    assert shift_dates(RAIN_AM, started, datetime(2026, 7, 21, 20, 0)) == [date(2026, 7, 20), date(2026, 7, 21)]
    assert shift_dates(RAIN_AM, started, datetime(2026, 7, 30)) == [
        date(2026, 7, 20), date(2026, 7, 21), date(2026, 7, 22)]
    assert shift_dates(RAIN_AM, started, None) == [date(2026, 7, 20)]


def test_a_shift_that_ends_before_the_warning_starts_is_left_out():
    late = datetime(2026, 7, 20, 15, 0)
    until = datetime(2026, 7, 21, 20, 0)
    assert shift_dates(RAIN_AM, late, until) == [date(2026, 7, 21)]            # 08–12 is over
    assert shift_dates(RAIN_PM, late, until) == [date(2026, 7, 20), date(2026, 7, 21)]   # 14–18 is on
    # issued at 18:00 with no end: the next day's patrol rather than none
    assert shift_dates(RAIN_PM, datetime(2026, 7, 20, 18, 0), None) == [date(2026, 7, 21)]
    assert shift_dates(RAIN_PM, datetime(2026, 7, 20, 18, 0), datetime(2026, 7, 20, 22, 0)) == []


def test_templates_name_their_place_and_types_without_templates_are_empty():
    assert SNOW.title.format(place="明春苑") == "雪后铲冰：明春苑"
    assert weather.TEMPLATES[AlertType.COLD] == () and weather.TEMPLATES[AlertType.HEAT] == ()
    assert {t.where for t in weather.TEMPLATES[AlertType.RAIN]} == {Where.FLOOD}
    custom = ShiftTemplate("极端天气风险防控", "巡查：{place}", When.NEXT_MORNING, Where.ROLL, time(9), time(11))
    assert shift_dates(custom, datetime(2026, 12, 31, 9, 0), None) == [date(2027, 1, 1)]
