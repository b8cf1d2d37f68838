"""Archived people's personal data is anonymised after the retention period (个人信息保护法
art. 19; the setting ``privacy.retention_years``, 3 by default), counted from archiving.

Names, ID numbers, phones, addresses and notes go; the rows stay, so counts, hours, service
records and visits still add up in every statistic. Each anonymised person gets an audit
entry that names no personal data. It runs when the window starts and by
``python main.py check --purge``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...store.rows import now_text
from ..care.pairing_rows import VISIT_TEXTS
from ..permissions import Permission
from ..session import Session
from . import settings

PURGED_NAME = {"residents": "已匿名居民", "volunteers": "已匿名志愿者"}
# column → the value it takes; what is not listed (gender, birth date, flags, hours) stays
_CLEARED = {
    "residents": {"id_number": None, "phone": None, "phone_tail": "", "building": "", "unit": "",
                  "room": "", "emergency_contact": "", "health_notes": "", "hardship_notes": "",
                  "notes": "", "archive_reason": "", "name_initials": "", "name_pinyin": ""},
    "volunteers": {"id_number": None, "phone": None, "building": "", "notes": "",
                   "name_initials": "", "name_pinyin": ""},
}


@dataclass(frozen=True)
class PurgeResult:
    cutoff: str
    residents: int = 0
    volunteers: int = 0

    def describe(self) -> str:
        return (f"已按保存年限匿名化{self.cutoff}以前归档的人员：居民{self.residents}位，"
                f"志愿者{self.volunteers}位（服务记录、时长和统计数字保留）。")


def cutoff(session: Session) -> date:
    """People archived before this day are past the retention period."""
    years = max(int(settings.get(session, "privacy.retention_years")), 1)
    today = session.today()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def due(session: Session, table: str) -> list[int]:
    return [r[0] for r in session.db.execute(
        f"SELECT id FROM {table} WHERE archived_at IS NOT NULL AND purged_at IS NULL "
        "AND archived_at < ? ORDER BY id", [cutoff(session).isoformat()])]


def purge(session: Session) -> PurgeResult:
    """Anonymise everyone past the period, in one transaction; returns the counts."""
    session.require(Permission.SETTINGS)
    limit = cutoff(session).isoformat()
    counts = {}
    with session.write("residents", "volunteers", "visits", "service_records", "requests"):
        for table in ("residents", "volunteers"):
            ids = due(session, table)
            for row_id in ids:
                _anonymise(session, table, row_id)
            counts[table] = len(ids)
    return PurgeResult(limit, counts["residents"], counts["volunteers"])


def _anonymise(session: Session, table: str, row_id: int) -> None:
    archived = session.db.execute(f"SELECT archived_at FROM {table} WHERE id = ?",
                                  [row_id]).fetchone()[0]
    values = {**_CLEARED[table], "name": f"{PURGED_NAME[table]}{row_id}", "purged_at": now_text()}
    assignments = ", ".join(f"{key} = ?" for key in values)
    session.db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id])
    if table == "residents":
        _forget_resident_texts(session, row_id, values["name"])
    # the entry names no personal data: only the row, and why
    session.audit("到期匿名化", table, row_id, None, None,
                  f"归档于{archived[:10]}，已超过保存年限，姓名、证件号、电话、住址和备注已清除")


def _forget_resident_texts(session: Session, resident_id: int, name: str) -> None:
    """The resident's name and number where other rows copied them as text, and what the
    visits noted about them (health, mood, home); dates and minutes of the visits stay."""
    session.db.execute("UPDATE requests SET caller_name = ?, caller_phone = '' WHERE resident_id = ?",
                       [name, resident_id])
    cleared = ", ".join(f"{text} = ''" for text in VISIT_TEXTS)
    session.db.execute(f"UPDATE visits SET {cleared} WHERE resident_id = ?", [resident_id])
    session.db.execute("UPDATE service_records SET beneficiary = ? WHERE resident_id = ? "
                       "AND status NOT IN ('已锁定', '已更正')", [name, resident_id])
