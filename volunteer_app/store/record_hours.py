"""Two columns that let a day's hours be worked out again, and keep the part of a staff
member's record that does not count.

- ``uncapped_hours``: the record's rounded hours before the daily cap. The cap is applied
  to the whole day of a volunteer whenever one of its records is added, edited or deleted,
  so a record shortened by the cap gets its hours back when another record of the day goes
  down. NULL on rows written before this migration: their hours (or their times) stand in.
- ``duty_hours``: the part of a staff member's record inside office hours on a working day
  (recorded, not counted for stars or certificates). ``counts_for_stars = 0`` keeps meaning
  "none of it counts" for the rows written before (domain.hours.DUTY_HOURS_SQL).

A locked record may not change either column (the lock triggers of ``record_locks`` list
the columns of version 2 only, so a third trigger covers these two).

The unlocked records of community workers are split at once by the new rule (default office
hours, the official calendar), so an evening record flagged whole under the old rule gets
its hours after 17:00 back; locked records keep the flag they were verified with.
"""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from ..domain.hours import duty_hours
from .record_locks import LOCKED

if TYPE_CHECKING:
    import sqlite_utils


def _start(text: str | None) -> time | None:
    try:
        return time.fromisoformat(text.strip()[:5].rjust(5, "0")) if text else None
    except ValueError:
        return None


def _split_open_staff_records(db: sqlite_utils.Database) -> None:
    rows = list(db.query(
        "SELECT r.id, r.date, r.start_time, r.hours FROM service_records r "
        "JOIN volunteers v ON v.id = r.volunteer_id WHERE v.is_staff = 1 AND r.status = '已记录'"))
    for row in rows:
        duty = duty_hours(True, date.fromisoformat(row["date"]), _start(row["start_time"]), row["hours"])
        db.execute("UPDATE service_records SET duty_hours = ?, counts_for_stars = ? WHERE id = ?",
                   [duty, 0 if row["hours"] > 0 and duty >= row["hours"] else 1, row["id"]])


def m_record_hour_columns(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE service_records ADD COLUMN uncapped_hours REAL")
    db.execute("ALTER TABLE service_records ADD COLUMN duty_hours REAL NOT NULL DEFAULT 0")
    db.execute(f"""
        CREATE TRIGGER service_records_locked_hours_fixed
        BEFORE UPDATE OF uncapped_hours, duty_hours ON service_records
        WHEN OLD.status IN {LOCKED} AND (NEW.uncapped_hours IS NOT OLD.uncapped_hours
                                        OR NEW.duty_hours IS NOT OLD.duty_hours)
        BEGIN SELECT RAISE(ABORT, '服务记录已锁定，不能修改；如有错误请用“更正”，原记录会保留。'); END
    """)
    _split_open_staff_records(db)
