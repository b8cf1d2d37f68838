"""Exporting residents, volunteers and service records to .xlsx or CSV (UTF-8 with BOM).

ID numbers and phones are masked unless the user asks for the full values and may see
them; a full export is written to the audit log. The headers are the importer's own, so an
export (a full one, for residents and volunteers) imports back to the same data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ...domain.availability import Availability
from ...domain.ledger_columns import RESIDENT_FIELDS, SENSITIVE_KEYS, VOLUNTEER_FIELDS, yes_no_text
from ...domain.masking import MASKERS
from ...store.rows import from_json
from ..audited_files import write_audited
from ..permissions import Permission, PermissionDenied
from ..session import Session
from .ledger_files import write_rows

KINDS = ("residents", "volunteers", "records")
_TEXT_KEYS = {"id_number", "phone", "volunteer_no", "building", "unit", "room", "emergency_contact"}
_WIDTHS = {"name": 12, "id_number": 22, "phone": 15, "birth_date": 12, "gender": 6, "notes": 30,
           "teams": 30, "skills": 20, "availability": 30, "place": 14, "community": 14,
           "emergency_contact": 18, "health_notes": 30, "hardship_notes": 30}


def _labels(fields) -> tuple[list[str], list[str]]:
    return [f.key for f in fields], [f.label for f in fields]


def _resident_rows(session: Session) -> list[dict[str, Any]]:
    return [dict(r) for r in session.db.query(
        "SELECT r.*, p.name AS place, c.name AS community FROM residents r "
        "LEFT JOIN places p ON p.id = r.place_id LEFT JOIN communities c ON c.id = r.community_id "
        "WHERE r.archived_at IS NULL ORDER BY r.id")]


def _volunteer_rows(session: Session) -> list[dict[str, Any]]:
    rows = [dict(r) for r in session.db.query(
        # a captain's team as 夕阳红志愿服务队（队长）, which the import reads back
        "SELECT v.*, (SELECT group_concat(t.name || CASE m.role WHEN '队员' THEN '' "
        "ELSE '（' || m.role || '）' END, '、') FROM team_members m "
        "JOIN teams t ON t.id = m.team_id WHERE m.volunteer_id = v.id AND m.left_on IS NULL) "
        "AS teams, c.name AS community, p.name AS place FROM volunteers v "
        "LEFT JOIN communities c ON c.id = v.community_id LEFT JOIN places p ON p.id = v.place_id "
        "WHERE v.archived_at IS NULL ORDER BY v.id")]
    for row in rows:
        row["skills"] = "、".join(from_json(row["skills"], []))
        row["availability"] = Availability.parse(row["availability"]).describe().replace(
            "未填写", "")
        row["weekly_hours_cap"] = f"{row['weekly_hours_cap']:g}"
    return rows


RECORD_COLUMNS = (
    ("volunteer_no", "志愿者编号"), ("volunteer", "志愿者姓名"), ("id_number", "身份证号"),
    ("team", "所属队伍"), ("service_type", "服务类别"), ("date", "服务日期"),
    ("start_time", "开始时间"), ("end_time", "结束时间"), ("hours", "服务时长（小时）"),
    ("counts_for_stars", "计入星级"), ("activity", "活动名称"), ("place", "服务地点"),
    ("beneficiary", "服务对象"), ("content", "服务内容"), ("lead_name", "活动负责人"),
    ("recorder_name", "记录人"), ("status", "状态"), ("source", "来源"),
)


def _record_rows(session: Session) -> list[dict[str, Any]]:
    rows = [dict(r) for r in session.db.query(
        "SELECT s.*, v.volunteer_no, v.name AS volunteer, v.id_number, t.name AS team, "
        "st.name AS service_type FROM service_records s JOIN volunteers v ON v.id = s.volunteer_id "
        "LEFT JOIN teams t ON t.id = s.team_id LEFT JOIN service_types st ON st.id = s.service_type_id "
        "ORDER BY s.date, s.id")]
    for row in rows:
        row["counts_for_stars"] = yes_no_text(row["counts_for_stars"])
        row["hours"] = f"{row['hours']:g}"
    return rows


def export(session: Session, kind: str, path: Path | str, *, full: bool = False) -> int:
    """Write the ledger ``kind`` to ``path`` (.xlsx or .csv); returns the number of rows."""
    session.require(Permission.EXPORT)
    if full and not session.can(Permission.VIEW_FULL_IDENTITY):
        raise PermissionDenied("您没有“查看完整证件号和电话”的权限，只能导出打码后的台账。")
    if kind == "residents":
        # health and hardship notes go out only to a role that may see them
        readable = session.can(Permission.VIEW_SENSITIVE)
        keys, headers = _labels([f for f in RESIDENT_FIELDS if f.exported
                                 and (readable or f.key not in SENSITIVE_KEYS)])
        rows = _resident_rows(session)
    elif kind == "volunteers":
        keys, headers = _labels(VOLUNTEER_FIELDS)
        rows = _volunteer_rows(session)
    elif kind == "records":
        keys, headers = [k for k, _ in RECORD_COLUMNS], [h for _, h in RECORD_COLUMNS]
        rows = _record_rows(session)
    else:
        raise ValueError(kind)
    flags = {f.key for f in (*RESIDENT_FIELDS, *VOLUNTEER_FIELDS) if f.kind == "flag"}
    maskers: dict[str, Callable[[Any], str]] = {} if full else dict(MASKERS)
    table = []
    for row in rows:
        out = []
        for key in keys:
            value = row.get(key)
            if key in flags:
                value = yes_no_text(value)
            elif key in maskers:
                value = maskers[key](value)
            out.append("" if value is None else value)
        table.append(out)
    text_columns = [i for i, k in enumerate(keys) if k in _TEXT_KEYS]
    widths = [_WIDTHS.get(k, max(8, 2 * len(h) + 4)) for k, h in zip(keys, headers, strict=True)]
    titles = {"residents": "居民台账", "volunteers": "志愿者台账", "records": "志愿服务记录"}
    def write() -> None:
        write_rows(path, headers, table, text_columns=text_columns, widths=widths,
                   sheet_title=titles[kind])

    if full:
        write_audited(session, path, write, action="完整导出", entity=kind,
                      after={"rows": len(table), "file": str(path)},
                      detail=f"导出{titles[kind]}（含完整身份证号和电话）{len(table)}行到 {path}")
    else:
        write()
    return len(table)
