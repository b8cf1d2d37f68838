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
"""

from __future__ import annotations

import sqlite_utils

from .record_locks import LOCKED


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
