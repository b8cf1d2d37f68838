"""Service types (服务类型): 铲冰除雪, 垃圾分类值守 … with intensity, usual duration and skills.

Staff edit them. The built-in ones can be edited but not archived, since the demo, the
records and the reports name them; a staff-made type is archived, never deleted, so old
tasks and records keep their type.
"""

from __future__ import annotations

from typing import Any

from ...domain.forms import FormError
from ...store.row_versions import check_version
from ...store.rows import from_json, new_uid, now_text, to_json
from ..permissions import Permission
from ..session import Session

INTENSITIES = ("重", "轻")
_FIELDS = ("name", "intensity", "usual_minutes", "skills", "needs_insurance")


class ServiceTypeError(FormError):
    """A service type could not be saved."""


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "skills": from_json(row["skills"], []), "needs_insurance": bool(row["needs_insurance"]),
            "builtin": bool(row["builtin"])}


def list_all(session: Session, include_archived: bool = False) -> list[dict[str, Any]]:
    """Every type as a dict (skills as a list), built-in ones first."""
    session.require(Permission.LEDGER_READ)
    where = "" if include_archived else "WHERE archived_at IS NULL"
    return [_public(r) for r in session.db.query(
        f"SELECT * FROM service_types {where} ORDER BY builtin DESC, id")]


def _row(session: Session, type_id: int) -> dict[str, Any]:
    row = session.row("service_types", type_id)
    if row is None:
        raise ServiceTypeError({"id": f"找不到编号为{type_id}的服务类型，可能已被删除，请刷新。"})
    return row


def get(session: Session, type_id: int) -> dict[str, Any]:
    return _public(_row(session, type_id))


def _clean(session: Session, fields: dict[str, Any], type_id: int | None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    if "name" in fields:
        name = str(fields["name"] or "").strip()
        if not name:
            errors["name"] = "服务类型名称为空，请填写，例如“铲冰除雪”。"
        elif session.db.execute("SELECT 1 FROM service_types WHERE name = ? AND id IS NOT ?",
                                [name, type_id]).fetchone():
            errors["name"] = f"已经有名为“{name}”的服务类型了。"
        values["name"] = name
    if "intensity" in fields:
        if fields["intensity"] not in INTENSITIES:
            errors["intensity"] = "强度只能是“重”（重体力，如铲冰）或“轻”。"
        values["intensity"] = fields["intensity"]
    if "usual_minutes" in fields:
        try:
            minutes = int(fields["usual_minutes"])
        except (TypeError, ValueError):
            minutes = 0
        if not 10 <= minutes <= 24 * 60:
            errors["usual_minutes"] = "通常时长应在10分钟到24小时之间（按分钟填写）。"
        values["usual_minutes"] = minutes
    if "skills" in fields:
        raw = fields["skills"]
        words = raw.replace("，", ",").replace("、", ",").split(",") if isinstance(raw, str) else list(raw or ())
        values["skills"] = to_json(sorted({str(w).strip() for w in words if str(w).strip()}))
    if "needs_insurance" in fields:
        values["needs_insurance"] = 1 if fields["needs_insurance"] else 0
    if errors:
        raise ServiceTypeError(errors)
    return values


def create(session: Session, fields: dict[str, Any]) -> int:
    session.require(Permission.TEAM_WRITE)
    values = _clean(session, {"intensity": "轻", "usual_minutes": 120, "skills": [],
                              "needs_insurance": False, **fields}, None)
    if "name" not in values:
        raise ServiceTypeError({"name": "服务类型名称为空，请填写。"})
    row = {"uid": new_uid(), "builtin": 0, **values}
    with session.write("service_types"):
        type_id = session.db.table("service_types").insert(row).last_pk
        session.audit("新增", "service_types", type_id, None, row)
    return type_id


def update(session: Session, type_id: int, fields: dict[str, Any], *,
           version: int | None = None) -> None:
    session.require(Permission.TEAM_WRITE)
    current = _row(session, type_id)
    values = _clean(session, {k: v for k, v in fields.items() if k in _FIELDS}, type_id)
    if not values:
        return
    with session.write("service_types"):
        check_version(session.db, "service_types", type_id, version)
        session.db.table("service_types").update(type_id, values)
        session.audit("修改", "service_types", type_id, current, {**current, **values})


def archive(session: Session, type_id: int) -> None:
    session.require(Permission.TEAM_WRITE)
    current = _row(session, type_id)
    if current["builtin"]:
        raise ServiceTypeError({"id": f"“{current['name']}”是系统自带的服务类型，可以修改，但不能删除。"})
    with session.write("service_types"):
        session.db.table("service_types").update(type_id, {"archived_at": now_text()})
        session.audit("归档", "service_types", type_id, current, None)
