"""The ``residents.risk_level`` column: a copy for scripts that read the file, never read here.

The tier depends on today (a resident turns 80) and on settings, so every page, query and
report derives it from the facts through ``domain/risk.py`` (``risk_sql`` in queries,
``resident_risk`` in Python). The column is still written on every save and import, and
rewritten when a 悬空老人 setting changes, so that the copy a script reads is as fresh as
the last change; the app itself never trusts it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...domain.people import HousingRule
from ...domain.risk import resident_risk, risk_sql
from ..session import Session

HOUSING_KEYS = frozenset({"housing.floor_threshold", "housing.elder_age"})


def level_of(row: dict[str, Any], rule: HousingRule, today: date) -> str:
    return resident_risk(row, rule, today).value


def recompute(session: Session, rule: HousingRule) -> int:
    """Bring every resident's stored copy in line with today and ``rule``; call inside a write.

    Returns how many levels changed."""
    level, params = risk_sql(rule, session.today())
    cursor = session.db.execute(
        f"UPDATE residents SET risk_level = {level} WHERE risk_level IS NOT {level}",
        [*params, *params])
    return cursor.rowcount
