"""The hours of a volunteer's day: rounded, capped by ``records.daily_cap_hours``, and for a
community worker split into hours that count and duty hours inside office hours.

The cap belongs to the day, not to a record, so the day is worked out again as a whole
whenever one of its records is added, edited or deleted (:func:`recap_day`):

- locked records (verified, or amendments, which are born locked) keep their hours — a
  locked record never changes — and count first against the cap;
- the unlocked records then take what is left in the order they were entered, each up to
  its own rounded hours (``uncapped_hours``). A record the cap shortened says so in its
  content, and gets its hours back when another record of the day goes down; when locked
  records already fill the day, an unlocked one stays at 0 hours with that note.

Duty hours follow the hours counted (domain.hours.duty_hours): a capped record loses its
last hours, so its duty part is worked out from what is left.
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any

from ...domain.hours import OfficeHours, duty_hours, parse_office_hours, round_hours, served_hours
from ..admin import settings
from ..session import Session

OPEN = "已记录"        # records.EDITABLE: the only status whose hours are worked out again
_CAP_NOTE = re.compile(r"（当日时长已达上限[\d.]+小时，本条按[\d.]+小时记录）")


def office_hours(session: Session) -> OfficeHours:
    """The office hours setting (checked when saved; a value a script broke reads as the default)."""
    try:
        return parse_office_hours(str(settings.get(session, "records.office_hours")))
    except ValueError:
        return OfficeHours()


def _time(text: str | None) -> time | None:
    try:
        return time.fromisoformat(str(text).strip()[:5].rjust(5, "0")) if text else None
    except ValueError:
        return None


def _uncapped(record: dict[str, Any], step: float) -> float:
    """The rounded hours before the cap; rows older than the column give them by their times."""
    if record.get("uncapped_hours") is not None:
        return float(record["uncapped_hours"])
    start, end = _time(record.get("start_time")), _time(record.get("end_time"))
    if start and end and end > start:
        return round_hours(served_hours(start, end), step)
    return float(record["hours"])


def _content(text: str, cap: float, hours: float, wanted: float) -> str:
    plain = _CAP_NOTE.sub("", text or "").strip()
    if hours < wanted:
        plain += f"（当日时长已达上限{cap:g}小时，本条按{hours:g}小时记录）"
    return plain


def settle(record: dict[str, Any], room: float, cap: float, step: float, is_staff: bool,
           office: OfficeHours) -> dict[str, Any]:
    """The hours columns of ``record`` given ``room`` hours left under the cap that day."""
    wanted = _uncapped(record, step)
    hours = round(max(0.0, min(wanted, room)), 2)
    duty = duty_hours(is_staff, date.fromisoformat(record["date"]), _time(record.get("start_time")),
                      hours, office)
    return {"hours": hours, "uncapped_hours": wanted, "duty_hours": duty,
            "counts_for_stars": 0 if hours > 0 and duty >= hours else 1,
            "content": _content(record.get("content") or "", cap, hours, wanted)}


def _day(session: Session, volunteer_id: int, day: str) -> list[dict[str, Any]]:
    return [dict(r) for r in session.db.query(
        "SELECT * FROM service_records WHERE volunteer_id = ? AND date = ? AND status != '已更正' "
        "ORDER BY id", [volunteer_id, day])]


def locked_hours(session: Session, volunteer_id: int, day: str) -> float:
    return sum(r["hours"] for r in _day(session, volunteer_id, day) if r["status"] != OPEN)


def rules(session: Session, volunteer_id: int) -> tuple[float, float, bool, OfficeHours]:
    """Cap, rounding step, whether the volunteer is a community worker, office hours."""
    volunteer = session.row("volunteers", volunteer_id) or {"is_staff": 0}
    return (float(settings.get(session, "records.daily_cap_hours")),
            float(settings.get(session, "records.round_to_hours")),
            bool(volunteer["is_staff"]), office_hours(session))


def recap_day(session: Session, volunteer_id: int, day: str, acting_on: int | None = None) -> None:
    """Work the day's unlocked records out again (call inside a write). Records whose hours
    change are audited, except ``acting_on``, which the caller audits with its own change."""
    cap, step, is_staff, office = rules(session, volunteer_id)
    records = _day(session, volunteer_id, day)
    room = cap - sum(r["hours"] for r in records if r["status"] != OPEN)
    for record in records:
        if record["status"] != OPEN:
            continue
        change = settle(record, room, cap, step, is_staff, office)
        room -= change["hours"]
        before = {k: record[k] for k in change}
        if before == change:
            continue
        session.db.table("service_records").update(record["id"], change)
        if record["id"] != acting_on:
            session.audit("重算时长", "service_records", record["id"], before, change,
                          f"同一天的其他记录有变动，按每日上限{cap:g}小时重算")
