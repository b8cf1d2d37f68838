"""The roll-call (点名) as lists show it: one row per resident with where they live, who
calls them, how far the calling got, and what they need.

Phones and the family contact are full while the warning is open for a role that may see
numbers (access.sees_phones: calling is the purpose), with one audit entry 查看点名电话 per
list that leaves with them; otherwise masked as every list masks them (services/privacy.py).
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

from ...domain.people import age_on
from ...store.rows import from_json
from ..privacy import masked
from ..session import Session
from . import access
from .access import AlertError, parse_stamp

# One statement for every list of the roll-call: the board, a caller's list, one row.
ROW_SQL = """
SELECT r.id, r.alert_id, r.resident_id, r.community_id, r.position, r.added_at, r.reasons,
       r.risk_level, r.stranded, r.caller_id, r.caller_role, r.state, r.attempts,
       r.last_attempt_at, r.reached_at, r.needs, r.need_note, r.need_handler_id, r.need_done_at,
       r.escalated_at, r.door_volunteer_id, r.door_closed_at, r.visit_due_by, r.unreached_reason,
       r.row_version,
       res.name AS resident_name, res.birth_date, res.phone, res.emergency_contact AS family_contact,
       res.place_id, res.building, res.unit, res.room, p.name AS place_name,
       c.name AS caller_name, d.name AS door_volunteer_name, h.name AS need_handler_name
FROM alert_roll r
JOIN residents res ON res.id = r.resident_id
LEFT JOIN places p ON p.id = res.place_id
LEFT JOIN volunteers c ON c.id = r.caller_id
LEFT JOIN volunteers d ON d.id = r.door_volunteer_id
LEFT JOIN volunteers h ON h.id = r.need_handler_id
"""
PHONE_FIELDS = {"phone": "phone", "family_contact": "emergency_contact"}


def address(place: str | None, building: str, unit: str, room: str) -> str:
    """明春苑3号楼2单元301: what a door visitor needs to find the door."""
    return "".join(part or "" for part in (place, building, unit, room))


def shape_row(raw: dict[str, Any], now: datetime, today, full_phones: bool) -> dict[str, Any]:
    """One joined row as the lists show it (``today`` for the age)."""
    row = dict(raw)
    added, reached = parse_stamp(row["added_at"]), parse_stamp(row["reached_at"])
    row["roll_id"] = row["id"]
    row["age"] = age_on(row.pop("birth_date"), today)
    row["address"] = address(row["place_name"], row["building"], row["unit"], row["room"])
    row["reasons"] = _words(row["reasons"])
    row["needs"] = _words(row["needs"])
    row["stranded"] = bool(row["stranded"])
    row["escalated"] = row["escalated_at"] is not None
    row["waiting_minutes"] = None if reached else max(0, int((now - added).total_seconds() // 60))
    if not full_phones:
        for key, field in PHONE_FIELDS.items():
            row[key] = masked(field, row[key]) if row[key] else (row[key] or "")
    else:
        row["family_contact"] = row["family_contact"] or ""
    return row


@functools.lru_cache(maxsize=256)
def _parsed(text: str) -> tuple[str, ...]:
    return tuple(from_json(text, []))


def _words(text: str | None) -> list[str]:
    """A JSON list of words (reasons, needs): a few dozen distinct texts over a whole
    roll-call, so parsed once each."""
    return list(_parsed(text or "[]"))


def fetch(session: Session, alert: dict[str, Any], where: str, params: list[Any],
          full_phones: bool, at: datetime | None = None) -> list[dict[str, Any]]:
    """Rows of ``alert``'s roll-call matching ``where`` (on ``r``), in list order."""
    rows = session.db.execute(f"{ROW_SQL} WHERE r.alert_id = ? AND ({where}) ORDER BY r.position, r.id",
                              [alert["id"], *params])
    names = [d[0] for d in rows.description]
    now, today = at or access.now(session), session.today()
    return [shape_row(dict(zip(names, values, strict=True)), now, today, full_phones) for values in rows]


def audit_phones(session: Session, alert: dict[str, Any], count: int, what: str) -> None:
    """One audit entry for a list that left a service with ``count`` residents' full phones;
    call inside a write, or alone (it opens its own)."""
    if count:
        with session.write("audit_log"):
            session.audit("查看点名电话", "alerts", alert["id"],
                          detail=f"{alert['title']}{what}：{count}位居民的完整电话")


def roll_rows(session: Session, alert_id: int, *, caller_id: int | None = None,
              state: str | None = None) -> list[dict[str, Any]]:
    """The roll-call in list order, or one caller's part of it, or the rows in one state."""
    alert = access.alert(session, alert_id)          # checks the read permission
    where, params = ["1"], []
    if caller_id is not None:
        where.append("r.caller_id = ?")
        params.append(caller_id)
    if state is not None:
        where.append("r.state = ?")
        params.append(state)
    full = access.sees_phones(session, alert)
    rows = fetch(session, alert, " AND ".join(where), params, full)
    if full:
        audit_phones(session, alert, len(rows), "点名名单")
    return rows


def roll_row(session: Session, roll_id: int) -> dict[str, Any]:
    """One roll entry as :func:`roll_rows` shows it, or :class:`AlertError`."""
    alert = access.alert(session, alert_id_of(session, roll_id))
    full = access.sees_phones(session, alert)
    rows = fetch(session, alert, "r.id = ?", [roll_id], full)
    if full:
        audit_phones(session, alert, len(rows), f"点名第{roll_id}条")
    return rows[0]


def alert_id_of(session: Session, roll_id: int) -> int:
    access.require_read(session)
    found = session.db.execute("SELECT alert_id FROM alert_roll WHERE id = ?", [roll_id]).fetchone()
    if found is None:
        raise AlertError(f"找不到编号为{roll_id}的点名记录，可能名单已更新，请刷新。")
    return found[0]
