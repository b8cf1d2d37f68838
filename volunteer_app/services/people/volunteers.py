"""Volunteers' ledger: register, edit, archive, and the query behind the 志愿者 table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...domain.availability import Availability
from ...domain.forms import FormError, FormResult, parse_date, validate_person
from ...domain.identity import FieldError
from ...domain.people import age_on, pinyin_keys
from ...domain.typed_text import clean_code
from ...store.row_versions import check_version
from ...store.rows import from_json, new_uid, now_text, to_json
from .. import privacy
from ..admin import settings
from ..permissions import Permission
from ..session import Session
from . import person_community

STATUSES = ("在册", "暂停", "退出")
SKILL_CHOICES = ("驾驶", "医护", "电工", "水暖", "心理疏导", "手语", "摄影", "文艺", "体力好", "会用智能手机")


class VolunteerError(FormError):
    """A volunteer could not be saved."""


def validate(session: Session, fields: dict[str, Any]) -> FormResult:
    """Check a volunteer form; used on every keystroke by the dialog. The values come back
    with personal numbers masked; a number shown masked and left so stays as stored."""
    result = _checked(session, fields)
    result.values = privacy.mask_row(result.values)
    return result


def _checked(session: Session, fields: dict[str, Any]) -> FormResult:
    """The form's clean values (the stored number for one left masked) and its errors."""
    fields, masked_errors = privacy.restore_stored(session, "volunteers", fields.get("id"), fields)
    result = validate_person(fields, session.today(), mobile_only=False)
    values, errors = result.values, result.errors
    if "skills" in fields:
        skills = fields["skills"]
        if isinstance(skills, str):
            skills = [s for s in re.split(r"[,，、;；/\s]+", skills) if s]
        values["skills"] = to_json(sorted(set(skills)))
    if "availability" in fields:
        availability = fields["availability"]
        if isinstance(availability, Availability):
            availability = availability.to_text()
        values["availability"] = Availability.parse(availability).to_text()
    for key, label, low, high in (("weekly_hours_cap", "每周时长上限", 0, 60),
                                  ("helper_capacity", "可结对人数", 0, 3)):
        if key in fields and fields[key] not in (None, ""):
            try:
                number = float(fields[key])
            except (TypeError, ValueError):
                errors[key] = f"{label}“{fields[key]}”应为数字。"
                continue
            if not low <= number <= high:
                errors[key] = f"{label}应在{low}到{high}之间。"
            else:
                values[key] = int(number) if key == "helper_capacity" else number
    for flag in ("health_limit", "is_staff"):
        if flag in fields:
            values[flag] = 1 if fields[flag] else 0
    if "status" in fields:
        if fields["status"] not in STATUSES:
            errors["status"] = f"状态只能是{'、'.join(STATUSES)}。"
        else:
            values["status"] = fields["status"]
    if "building" in fields:
        values["building"] = clean_code(fields["building"])
    if "notes" in fields:
        values["notes"] = str(fields["notes"] or "").strip()
    person_community.settle(session, "volunteers", fields, values, errors, "community_id")
    if fields.get("joined_on"):
        try:
            values["joined_on"] = parse_date(fields["joined_on"], "加入日期").isoformat()
        except FieldError as error:
            errors["joined_on"] = error.message
    number = values.get("id_number")
    if number:
        clash = list(session.db.query("SELECT id, name FROM volunteers WHERE id_number = ? AND id IS NOT ?",
                                      [number, fields.get("id")]))
        if clash:
            errors["id_number"] = f"身份证号已登记给志愿者“{clash[0]['name']}”，请勿重复登记。"
    errors.update(masked_errors)
    return result


def _next_number(session: Session) -> str:
    year = session.today().year
    last = session.db.execute(
        "SELECT max(CAST(substr(volunteer_no, 8) AS INTEGER)) FROM volunteers WHERE volunteer_no LIKE ?",
        [f"ZY{year}-%"]).fetchone()[0] or 0
    return f"ZY{year}-{last + 1:05d}"


def add(session: Session, fields: dict[str, Any]) -> int:
    session.require(Permission.VOLUNTEER_WRITE)
    result = _checked(session, fields)
    if not result.ok:
        raise VolunteerError(result.errors)
    stamp = now_text()
    initials, full = pinyin_keys(result.values["name"])
    row = {"status": "在册", "joined_on": session.today().isoformat(), **result.values,
           "name_initials": initials, "name_pinyin": full, "uid": new_uid(),
           "created_at": stamp, "updated_at": stamp}
    with session.write("volunteers"):
        row["volunteer_no"] = fields.get("volunteer_no") or _next_number(session)
        volunteer_id = session.db.table("volunteers").insert(row).last_pk
        session.audit("新增", "volunteers", volunteer_id, None, row)
    return volunteer_id


def update(session: Session, volunteer_id: int, fields: dict[str, Any], *,
           version: int | None = None) -> None:
    """Save an edit; ``version`` is the row_version the edit was based on (StaleRecord if moved on)."""
    session.require(Permission.VOLUNTEER_WRITE)
    current = session.row("volunteers", volunteer_id)
    if current is None:
        raise VolunteerError({"id": f"找不到编号为{volunteer_id}的志愿者。"})
    result = _checked(session, {**fields, "id": volunteer_id})
    if not result.ok:
        raise VolunteerError(result.errors)
    values = {**result.values, "updated_at": now_text()}
    if "name" in values:
        values["name_initials"], values["name_pinyin"] = pinyin_keys(values["name"])
    with session.write("volunteers"):
        check_version(session.db, "volunteers", volunteer_id, version)
        session.db.table("volunteers").update(volunteer_id, values)
        session.audit("修改", "volunteers", volunteer_id, current, {**current, **values})


def archive(session: Session, volunteer_id: int, reason: str = "", *,
            version: int | None = None) -> None:
    """A volunteer who leaves is archived: records and certificates stay."""
    session.require(Permission.VOLUNTEER_WRITE)
    current = session.row("volunteers", volunteer_id)
    if current is None:
        raise VolunteerError({"id": f"找不到编号为{volunteer_id}的志愿者。"})
    values = {"archived_at": now_text(), "status": "退出", "left_on": session.today().isoformat()}
    with session.write("volunteers", "team_members", "pairings"):
        check_version(session.db, "volunteers", volunteer_id, version)
        session.db.table("volunteers").update(volunteer_id, values)
        session.db.execute("UPDATE team_members SET left_on = ? WHERE volunteer_id = ? AND left_on IS NULL",
                           [values["left_on"], volunteer_id])
        session.db.execute(
            "UPDATE pairings SET state = '已解除', ended_on = ?, end_reason = '志愿者已退出' "
            "WHERE volunteer_id = ? AND state = '结对中'", [values["left_on"], volunteer_id])
        session.audit("归档", "volunteers", volunteer_id, current, {**current, **values}, reason)


def get(session: Session, volunteer_id: int) -> dict[str, Any] | None:
    session.require(Permission.LEDGER_READ)
    row = session.row("volunteers", volunteer_id)
    if row:
        row["skills_list"] = from_json(row["skills"], [])
        row["teams"] = list(session.db.query(
            "SELECT t.id, t.name, m.role FROM team_members m JOIN teams t ON t.id = m.team_id "
            "WHERE m.volunteer_id = ? AND m.left_on IS NULL ORDER BY t.name", [volunteer_id]))
        row = privacy.shape(session, row)  # privacy.reveal gives a full number, audited
    return row


@dataclass(frozen=True)
class VolunteerQuery:
    text: str = ""
    team_id: int | None = None
    only_helpers: bool = False      # born in the 80后 range
    include_archived: bool = False
    sort: str = "id"
    descending: bool = False


SORTABLE = {"id": "v.id", "name": "v.name_pinyin", "gender": "v.gender", "age": "v.birth_date",
            "phone": "v.phone", "status": "v.status", "teams": "teams", "volunteer_no": "v.volunteer_no",
            "is_staff": "v.is_staff"}


def _where(session: Session, query: VolunteerQuery) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if not query.include_archived:
        clauses.append("v.archived_at IS NULL")
    text = query.text.strip().lower()
    if text:
        if re.fullmatch(r"[a-z]+", text):
            clauses.append("(v.name_initials LIKE ? OR v.name_pinyin LIKE ?)")
            params += [text + "%", text + "%"]
        elif re.fullmatch(r"\d+", text):
            clauses.append("v.phone LIKE ?")
            params.append("%" + text)
        else:
            clauses.append("(v.name LIKE ? OR v.skills LIKE ?)")
            params += [f"%{text}%", f"%{text}%"]
    if query.team_id is not None:
        clauses.append("v.id IN (SELECT volunteer_id FROM team_members WHERE team_id = ? AND left_on IS NULL)")
        params.append(query.team_id)
    if query.only_helpers:
        born, more = settings.cohorts(session).helper_birth_sql("v.birth_date")
        clauses.append(born)
        params += more
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count(session: Session, query: VolunteerQuery) -> int:
    session.require(Permission.LEDGER_READ)
    where, params = _where(session, query)
    return session.db.execute(f"SELECT count(*) FROM volunteers v{where}", params).fetchone()[0]


def page(session: Session, query: VolunteerQuery, offset: int, limit: int) -> list[dict[str, Any]]:
    session.require(Permission.LEDGER_READ)
    where, params = _where(session, query)
    column = SORTABLE.get(query.sort, "v.id")
    descending = query.descending != (query.sort == "age")
    sql = (
        "SELECT v.id, v.volunteer_no, v.name, v.gender, v.birth_date, v.phone, v.skills, v.status, "
        "v.is_staff, v.health_limit, v.weekly_hours_cap, v.availability, v.archived_at, "
        "(SELECT group_concat(t.name || CASE m.role WHEN '队员' THEN '' ELSE '（' || m.role || '）' END, '、') "
        " FROM team_members m JOIN teams t ON t.id = m.team_id "
        " WHERE m.volunteer_id = v.id AND m.left_on IS NULL) AS teams "
        f"FROM volunteers v{where} ORDER BY {column} {'DESC' if descending else 'ASC'}, v.id "
        "LIMIT ? OFFSET ?")
    # privacy.reveal gives a full number, audited
    rows = privacy.shape_all(session, session.db.query(sql, params + [limit, offset]))
    today = session.today()
    for row in rows:
        row["age"] = age_on(row["birth_date"], today)
        row["skills_list"] = from_json(row["skills"], [])
        row["availability_text"] = Availability.parse(row["availability"]).describe()
    return rows
