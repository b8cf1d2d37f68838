"""Who is due a visit: paired residents, staff-covered ones (包户) and the uncovered high- and
priority-tier residents, each late or not by the cadence of their own tier.

One row per resident; ``id`` is the resident's. A paired resident is visited through their
pair (``pairing.log_visit``, a captain only for their own team's helpers); a staff-covered
one through :func:`log_staff_visit`, by staff (never a captain); an uncovered one needs a
helper or a 包户人 first.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from ...domain import matching
from ...domain.risk import RiskLevel, risk_sql
from ...store.rows import new_uid, now_text
from ..admin import settings
from ..alerts.after_visits import owed_sql
from ..hours import records
from ..people import consent
from ..permissions import Permission, PermissionDenied
from ..session import Session
from . import pairing
from .coverage import PAIRED, STAFF, UNCOVERED, CoverageError, risk_expression

_ROWS = (
    "SELECT r.id, r.id AS resident_id, r.name AS resident_name, r.building, "
    "p.name AS place_name, {level} AS risk_level, r.responsible_volunteer_id, r.responsible_since, "
    "s.name AS staff_name, x.id AS pairing_id, x.started_on, v.name AS helper_name, "
    "(SELECT group_concat(m.team_id) FROM team_members m WHERE m.volunteer_id = x.volunteer_id "
    " AND m.left_on IS NULL) AS team_ids, "
    "(SELECT max(w.visited_on) FROM visits w WHERE w.resident_id = r.id) AS last_visit, "
    "{owed} AS alert_visit_due "
    "FROM residents r LEFT JOIN places p ON p.id = r.place_id "
    "LEFT JOIN volunteers s ON s.id = r.responsible_volunteer_id "
    "LEFT JOIN pairings x ON x.resident_id = r.id AND x.state = '{active}' "
    "LEFT JOIN volunteers v ON v.id = x.volunteer_id "
    "WHERE r.archived_at IS NULL AND (x.id IS NOT NULL OR r.responsible_volunteer_id IS NOT NULL "
    "OR {level} <> '{general}' OR r.id IN (SELECT resident_id FROM alert_roll WHERE visit_due_by IS NOT NULL))"
)


def visit_list(session: Session) -> list[dict[str, Any]]:
    """Every resident who is covered or should be, the latest (and the uncovered) first."""
    session.require(Permission.LEDGER_READ)
    level, params = risk_expression(session)
    sql = _ROWS.format(level=level, active=pairing.ACTIVE, general=RiskLevel.GENERAL, owed=owed_sql("r"))
    rows = [dict(r) for r in session.db.query(sql, [*params, *params])]
    cadence, today = settings.visit_cadence(session), session.today()
    for row in rows:
        _fill(row, cadence.days(row["risk_level"]), today)
        _owed_after_warning(row, today)
    rows.sort(key=lambda r: (r["coverage"] != UNCOVERED, -r["days_late"], r["due_on"] or "", r["id"]))
    return rows


def _fill(row: dict[str, Any], every: int, today: date) -> None:
    """Coverage, cadence, due date and lateness of one row of the query."""
    row["every_days"] = every
    row["team_ids"] = [int(t) for t in (row["team_ids"] or "").split(",") if t]
    if row["pairing_id"] is not None:
        row["coverage"], row["visitor"] = PAIRED, row["helper_name"]
        since = row["started_on"]
    elif row["responsible_volunteer_id"] is not None:
        row["coverage"], row["visitor"] = STAFF, row["staff_name"]
        since = row["responsible_since"]
    else:
        row["coverage"], row["visitor"] = UNCOVERED, ""
        since = None
    last = date.fromisoformat(row["last_visit"]) if row["last_visit"] else None
    start = date.fromisoformat(since) if since else last
    if start is None:                    # uncovered and never visited: due since always
        row["due_on"], row["days_late"] = None, 0
        return
    row["days_late"] = matching.days_late(last, start, every, today)
    latest = max(d for d in (last, start) if d is not None)
    row["due_on"] = (latest + timedelta(days=every)).isoformat()


def _owed_after_warning(row: dict[str, Any], today: date) -> None:
    """A high-tier resident owed a visit after a weather warning (alerts/after_visits.py) is
    due by then, and late from the day after."""
    due = row["alert_visit_due"]
    if due is None:
        return
    row["due_on"] = min(row["due_on"] or due[:10], due[:10])
    row["days_late"] = max(row["days_late"], (today - date.fromisoformat(due[:10])).days)


def late_list(session: Session) -> list[dict[str, Any]]:
    """The residents who need a visit now: the uncovered, the covered ones overdue, and the
    ones owed a visit after a weather warning."""
    return [r for r in visit_list(session)
            if r["coverage"] == UNCOVERED or r["days_late"] > 0 or r["alert_visit_due"]]


def may_log_visit(session: Session, row: dict[str, Any]) -> bool:
    """Whether the acting user may log a visit of a row of :func:`visit_list`."""
    if row["coverage"] == PAIRED:
        return pairing.may_log_visit(session, row)
    return row["coverage"] == STAFF and session.can(Permission.VISIT_LOG, None)


def log_visit(session: Session, row: dict[str, Any], fields: dict[str, Any]) -> tuple[int, int]:
    """Log a visit of a row of :func:`visit_list`, through its pair or its 包户人."""
    if row["coverage"] == PAIRED:
        return pairing.log_visit(session, row["pairing_id"], fields)
    return log_staff_visit(session, row["resident_id"], fields)


def log_staff_visit(session: Session, resident_id: int, fields: dict[str, Any]) -> tuple[int, int]:
    """Save a staff member's visit of a staff-covered resident and its service record (the
    hours of a community worker on duty are recorded, not counted for stars)."""
    session.require_held(Permission.VISIT_LOG)
    # A staff-covered resident belongs to no team, so a captain's team scope fails closed.
    if not session.can(Permission.VISIT_LOG, None):
        raise PermissionDenied(f"队长“{session.actor.name}”只能为自己队员的结对登记探访；"
                               "包户居民的探访由社区工作者登记。")
    resident = session.row("residents", resident_id)
    if resident is None or resident["archived_at"] or resident["responsible_volunteer_id"] is None:
        name = resident["name"] if resident else f"编号{resident_id}"
        raise CoverageError(f"居民“{name}”没有包户人，请先在居民信息里指定包户人再登记探访。")
    refused = consent.refusal(resident)     # a withdrawn consent stops staff visits too
    if refused:
        raise CoverageError(refused)
    try:
        values = pairing.visit_fields(session, fields)
    except pairing.PairingError as error:
        raise CoverageError(str(error)) from error
    row = {"uid": new_uid(), "pairing_id": None, "volunteer_id": resident["responsible_volunteer_id"],
           "resident_id": resident_id, **values, "created_at": now_text()}
    with session.write("visits", "service_records"):
        visit_id = session.db.table("visits").insert(row).last_pk
        session.audit("登记包户探访", "visits", visit_id, None, row)
        record_id = records.from_visit(session, visit_id)
    return visit_id, record_id


def due_dates(session: Session, resident_ids: list[int], today: date) -> dict[int, str | None]:
    """The day each of ``resident_ids`` is due a visit by, as :func:`visit_list` gives it
    (``due_on``), on ``today``: None for a resident not on the list or never visited while
    uncovered. For the street office's published residents; no permission is asked, the
    caller publishes only what services/street/published.py declares."""
    level, params = risk_sql(settings.housing_rule(session), today, "r")
    sql = (_ROWS.format(level=level, active=pairing.ACTIVE, general=RiskLevel.GENERAL, owed=owed_sql("r"))
           + " AND r.id IN (SELECT value FROM json_each(?))")
    cadence = settings.visit_cadence(session)
    due: dict[int, str | None] = dict.fromkeys(resident_ids)
    for found in session.db.query(sql, [*params, *params, json.dumps(resident_ids)]):
        row = dict(found)
        _fill(row, cadence.days(row["risk_level"]), today)
        _owed_after_warning(row, today)
        if row["due_on"] is not None and (due[row["id"]] is None or row["due_on"] < due[row["id"]]):
            due[row["id"]] = row["due_on"]
    return due
