"""Risk tiers and visit cadence (domain.md, "Visit frequency by risk", with 悬空老人 added to
the high tier): the one definition, in Python and in SQL side by side.

Both forms read today's facts: the tier is never taken from a stored value, so a resident
living alone who turns 80 today is in the high tier today, without anyone saving anything.
Where one person fits several rows of the table, the highest tier wins (dementia is in the
high row and in the priority one: it is high).

| tier     | who                                                                 | visits  |
|----------|---------------------------------------------------------------------|---------|
| high     | 悬空老人; 80+ living alone or empty-nest; serious illness or dementia | weekly  |
| priority | 60+ disabled (or with dementia); people in extreme hardship         | monthly |
| general  | the rest                                                            | quarterly |
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from .people import HousingRule, age_on, born_by_sql, years_before

HIGH_AGE = 80        # "80+ living alone or empty-nest"
PRIORITY_AGE = 60    # "60+ disabled"


class RiskLevel(StrEnum):
    """The stored words of the tiers. Their text order (一般 < 重点 < 高) is also their order
    of urgency, so sorting on the word sorts by urgency."""

    HIGH = "高"
    PRIORITY = "重点"
    GENERAL = "一般"


COVERED_TIERS = (RiskLevel.HIGH, RiskLevel.PRIORITY)   # each must have a helper or a 包户人


def risk_level(
    age: int | None,
    *,
    stranded: bool,
    lives_alone: bool,
    empty_nest: bool = False,
    serious_illness: bool = False,
    dementia: bool = False,
    disabled: bool = False,
    hardship: bool = False,
) -> RiskLevel:
    """The tier from the facts; an unknown age is neither 80+ nor 60+."""
    if stranded or serious_illness or dementia:
        return RiskLevel.HIGH
    if age is not None and age >= HIGH_AGE and (lives_alone or empty_nest):
        return RiskLevel.HIGH
    if (age is not None and age >= PRIORITY_AGE and disabled) or hardship:
        return RiskLevel.PRIORITY
    return RiskLevel.GENERAL


def is_stranded(row: Mapping[str, Any], rule: HousingRule, today: date) -> bool:
    """悬空老人 for a row of ``residents`` (the rule itself: :meth:`HousingRule.is_stranded`)."""
    return rule.is_stranded(row.get("floor"), bool(row.get("has_lift")),
                            bool(row.get("cannot_use_stairs")), age_on(row.get("birth_date"), today))


def resident_risk(row: Mapping[str, Any], rule: HousingRule, today: date) -> RiskLevel:
    """The tier of a row of ``residents`` today. Its SQL form is :func:`risk_sql`."""
    return risk_level(
        age_on(row.get("birth_date"), today), stranded=is_stranded(row, rule, today),
        lives_alone=bool(row.get("lives_alone")), empty_nest=bool(row.get("empty_nest")),
        serious_illness=bool(row.get("serious_illness")), dementia=bool(row.get("dementia")),
        disabled=bool(row.get("disabled")), hardship=bool(row.get("hardship")))


def risk_sql(rule: HousingRule, today: date, table: str = "") -> tuple[str, list[object]]:
    """:func:`resident_risk` as an SQL expression giving 高/重点/一般, with its parameters."""
    t = f"{table}." if table else ""
    stranded, stranded_params = rule.sql(today, table)
    aged_80, params_80 = born_by_sql(table, years_before(today, HIGH_AGE))
    aged_60, params_60 = born_by_sql(table, years_before(today, PRIORITY_AGE))
    sql = (f"(CASE WHEN {stranded} OR {t}serious_illness = 1 OR {t}dementia = 1 "
           f"OR ({aged_80} AND ({t}lives_alone = 1 OR {t}empty_nest = 1)) THEN '{RiskLevel.HIGH}' "
           f"WHEN ({aged_60} AND {t}disabled = 1) OR {t}hardship = 1 THEN '{RiskLevel.PRIORITY}' "
           f"ELSE '{RiskLevel.GENERAL}' END)")
    return sql, [*stranded_params, *params_80, *params_60]


@dataclass(frozen=True)
class VisitCadence:
    """Days between visits by tier; the committee's settings, with domain.md's defaults."""

    high: int = 7
    priority: int = 30
    general: int = 90

    def days(self, level: RiskLevel | str) -> int:
        return {RiskLevel.HIGH: self.high, RiskLevel.PRIORITY: self.priority}.get(
            RiskLevel(level), self.general)

