"""The database itself refuses to change or remove a locked service record.

The services already refuse, but IT staff and scripts also open the file (design.md), so
the rule is kept by triggers too: a record that is 已锁定 or 已更正 can be neither updated
nor deleted, with one exception — an amendment supersedes a locked original by turning its
status from 已锁定 to 已更正, every other column unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

# Every column but status; an UPDATE of a locked row may change none of them.
RECORD_COLUMNS = (
    "id", "uid", "volunteer_id", "team_id", "service_type_id", "date", "start_time", "end_time",
    "hours", "counts_for_stars", "source", "assignment_id", "visit_id", "resident_id",
    "beneficiary", "place", "activity", "content", "evaluation", "lead_name", "recorder_name",
    "verified_by", "verified_at", "locked_at", "amends_record_id", "amendment_reason",
    "created_at",
)
LOCKED = "('已锁定', '已更正')"


def m_record_lock_triggers(db: sqlite_utils.Database) -> None:
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in RECORD_COLUMNS)
    db.execute(f"""
        CREATE TRIGGER service_records_locked_no_update BEFORE UPDATE ON service_records
        WHEN OLD.status IN {LOCKED}
         AND NOT (OLD.status = '已锁定' AND NEW.status = '已更正' AND {unchanged})
        BEGIN SELECT RAISE(ABORT, '服务记录已锁定，不能修改；如有错误请用“更正”，原记录会保留。'); END
    """)
    db.execute(f"""
        CREATE TRIGGER service_records_locked_no_delete BEFORE DELETE ON service_records
        WHEN OLD.status IN {LOCKED}
        BEGIN SELECT RAISE(ABORT, '服务记录已锁定，不能删除；如有错误请用“更正”，原记录会保留。'); END
    """)
    db.execute("CREATE INDEX IF NOT EXISTS service_records_amends ON service_records(amends_record_id)")
    db.execute("CREATE INDEX IF NOT EXISTS certificates_volunteer "
               "ON certificates(volunteer_id, period_from, period_to)")
