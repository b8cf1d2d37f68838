"""Stored risk levels kept true to the 悬空老人 rule in force.

A resident's risk level (高/重点/一般) is saved with the row, so that the 居民 table can
sort on it in SQL. It depends on 悬空老人, whose floor threshold and elder age are
settings: when either changes, every resident's level is computed again, in the
transaction that saves the setting (services/settings.put).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain.people import HousingRule, age_on, risk_level
from .session import Session

HOUSING_KEYS = frozenset({"housing.floor_threshold", "housing.elder_age"})


def level_of(row: dict[str, Any], rule: HousingRule, today: date) -> str:
    age = age_on(row.get("birth_date"), today)
    stranded = rule.is_stranded(row.get("floor"), bool(row.get("has_lift")),
                                bool(row.get("cannot_use_stairs")), age)
    return risk_level(age, stranded=stranded, lives_alone=bool(row.get("lives_alone")),
                      empty_nest=bool(row.get("empty_nest")),
                      serious_illness=bool(row.get("serious_illness")),
                      dementia=bool(row.get("dementia")), disabled=bool(row.get("disabled")),
                      hardship=bool(row.get("hardship"))).value


def recompute(session: Session, rule: HousingRule) -> int:
    """Bring every resident's stored level in line with ``rule``; call inside a write.

    Returns how many levels changed."""
    today = session.today()
    rows = session.db.query(
        "SELECT id, birth_date, floor, has_lift, cannot_use_stairs, lives_alone, empty_nest, "
        "serious_illness, dementia, disabled, hardship, risk_level FROM residents")
    changes = [(level, row["id"]) for row in rows
               if (level := level_of(row, rule, today)) != row["risk_level"]]
    session.db.conn.executemany("UPDATE residents SET risk_level = ? WHERE id = ?", changes)
    return len(changes)
