"""No elder falls through: every high- and priority-tier resident is covered, by a helper
(an active 80后帮90后 pair) or by a responsible community worker (包户人), and is visited on
the cadence of their tier.

The tier is derived from today's facts (``domain/risk.py``); the 包户人 is a current
``volunteers`` row with ``is_staff = 1``. The visit list holds every covered resident and
every uncovered one who should be; the late list is the part of it that needs a visit now.
A staff member's visit is logged like a helper's (``visits`` and a service record), under
the 包户人's name.
"""

from __future__ import annotations

from typing import Any

from ...domain.risk import COVERED_TIERS, risk_sql
from ..admin import settings
from ..permissions import Permission
from ..session import Session
from .pairing_rows import ACTIVE

PAIRED, STAFF, UNCOVERED = "结对", "包户", "未覆盖"


class CoverageError(ValueError):
    """A 包户人 or a staff visit was refused; the message names the person and what to do."""


def risk_expression(session: Session, table: str = "r") -> tuple[str, list[Any]]:
    """The tier of ``residents`` rows as SQL, under the settings in force and today's date."""
    return risk_sql(settings.housing_rule(session), session.today(), table)


def uncovered_sql(session: Session, table: str = "r") -> tuple[str, list[Any]]:
    """A condition on ``residents``: of a tier that must be covered, yet covered by nobody."""
    t = f"{table}." if table else ""
    level, params = risk_expression(session, table)
    tiers = ", ".join(f"'{tier}'" for tier in COVERED_TIERS)
    return (f"({t}responsible_volunteer_id IS NULL AND {level} IN ({tiers}) AND NOT EXISTS "
            f"(SELECT 1 FROM pairings x WHERE x.resident_id = {t}id AND x.state = '{ACTIVE}'))",
            params)


def uncovered_count(session: Session) -> int:
    session.require(Permission.LEDGER_READ)
    condition, params = uncovered_sql(session)
    return session.db.execute(
        f"SELECT count(*) FROM residents r WHERE r.archived_at IS NULL AND {condition}", params
    ).fetchone()[0]


def staff_members(session: Session) -> list[dict[str, Any]]:
    """Who may be a 包户人: current community workers, by name."""
    session.require(Permission.LEDGER_READ)
    return list(session.db.query(
        "SELECT id, name FROM volunteers WHERE is_staff = 1 AND archived_at IS NULL "
        "AND status = '在册' ORDER BY name_pinyin, id"))


def check_responsible(session: Session, volunteer_id: int | None) -> str | None:
    """Why ``volunteer_id`` cannot be a 包户人 (a Chinese sentence), or None if they can."""
    if volunteer_id is None:
        return None
    row = session.row("volunteers", volunteer_id)
    if row is None or row["archived_at"]:
        return f"找不到编号为{volunteer_id}的社区工作者，请重新选择包户人。"
    if not row["is_staff"] or row["status"] != "在册":
        return f"“{row['name']}”不是在册的社区工作者，包户人只能选社区工作者。"
    return None


def responsible_values(session: Session, chosen: int | None,
                       current: dict[str, Any] | None) -> dict[str, Any]:
    """The columns to save when a resident's 包户人 is set to ``chosen`` (None: nobody)."""
    before = (current or {}).get("responsible_volunteer_id")
    if chosen == before:
        return {}
    since = session.today().isoformat() if chosen is not None else None
    return {"responsible_volunteer_id": chosen, "responsible_since": since}


def assign(session: Session, resident_ids: list[int], volunteer_id: int | None) -> int:
    """Make ``volunteer_id`` the 包户人 of several residents at once; returns how many changed."""
    session.require(Permission.RESIDENT_WRITE)
    problem = check_responsible(session, volunteer_id)
    if problem:
        raise CoverageError(problem)
    changed = 0
    with session.write("residents"):
        for resident_id in resident_ids:
            current = session.row("residents", resident_id)
            if current is None or current["archived_at"]:
                raise CoverageError(f"找不到编号为{resident_id}的在册居民，请刷新后再试。")
            values = responsible_values(session, volunteer_id, current)
            if values:
                session.db.table("residents").update(resident_id, values)
                session.audit("指定包户人", "residents", resident_id, current, {**current, **values})
                changed += 1
    return changed
