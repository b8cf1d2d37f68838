"""Personal numbers (个人信息保护法): masked by default, shown in full only on request.

Lists show ID numbers as 110106********0035 and phones as 138****1234. :func:`reveal` gives
the full value to a role allowed to see it, and writes that viewing to the audit log:

- staff and supervisors (``VIEW_FULL_IDENTITY``): any resident's or volunteer's number;
- a captain: only the *phone* of a resident their team serves (a pairing, visit, request or
  service record tied to their team or its members), or of a member of their team.
"""

from __future__ import annotations

from typing import Any

from ..domain.identity import mask_id_number, mask_phone
from .permissions import ROLE_NAMES, Permission, PermissionDenied, Role
from .session import Session

FIELDS = {"id_number": "身份证号", "phone": "联系电话"}
ENTITIES = {"residents": "居民", "volunteers": "志愿者"}
MASKERS = {"id_number": mask_id_number, "phone": mask_phone}


class RevealError(ValueError):
    pass


def masked(field: str, value: str | None) -> str:
    """The value as lists show it."""
    return MASKERS[field](value) if field in MASKERS else (value or "")


def mask_row(row: dict[str, Any]) -> dict[str, Any]:
    """A copy of a row with its ID number and phone masked."""
    return {key: (MASKERS[key](value) if key in MASKERS else value) for key, value in row.items()}


def served_resident_ids_sql() -> str:
    """SQL selecting ids of residents served by the teams in ``:teams`` (a JSON list)."""
    members = ("SELECT volunteer_id FROM team_members WHERE left_on IS NULL "
               "AND team_id IN (SELECT value FROM json_each(:teams))")
    return (f"SELECT resident_id FROM pairings WHERE state = '结对中' AND volunteer_id IN ({members}) "
            f"UNION SELECT resident_id FROM visits WHERE volunteer_id IN ({members}) "
            "UNION SELECT resident_id FROM requests WHERE resident_id IS NOT NULL AND "
            f"(team_id IN (SELECT value FROM json_each(:teams)) OR volunteer_id IN ({members})) "
            "UNION SELECT resident_id FROM service_records WHERE resident_id IS NOT NULL AND "
            f"(team_id IN (SELECT value FROM json_each(:teams)) OR volunteer_id IN ({members}))")


def team_serves(session: Session, resident_id: int) -> bool:
    """Whether one of the acting captain's teams serves this resident."""
    teams = "[" + ",".join(str(t) for t in sorted(session.actor.team_ids)) + "]"
    row = session.db.execute(
        f"SELECT 1 WHERE :resident IN ({served_resident_ids_sql()})",
        {"teams": teams, "resident": resident_id}).fetchone()
    return row is not None


def _is_team_member(session: Session, volunteer_id: int) -> bool:
    return any(session.db.execute(
        "SELECT 1 FROM team_members WHERE volunteer_id = ? AND left_on IS NULL AND team_id = ?",
        [volunteer_id, team]).fetchone() for team in session.actor.team_ids)


def may_reveal(session: Session, entity: str, row_id: int, field: str) -> bool:
    if session.can(Permission.VIEW_FULL_IDENTITY):
        return True
    if session.actor.role != Role.CAPTAIN or field != "phone":
        return False
    if entity == "residents":
        return team_serves(session, row_id)
    return _is_team_member(session, row_id)


def reveal(session: Session, entity: str, row_id: int, field: str) -> str:
    """The full ID number or phone of one person, audited as 查看完整信息."""
    if entity not in ENTITIES or field not in FIELDS:
        raise RevealError(f"只能查看居民或志愿者的{'、'.join(FIELDS.values())}。")
    session.require(Permission.LEDGER_READ)
    row = session.row(entity, row_id)
    if row is None:
        raise RevealError(f"找不到编号为{row_id}的{ENTITIES[entity]}。")
    if not may_reveal(session, entity, row_id, field):
        role = ROLE_NAMES[session.actor.role]
        if session.actor.role == Role.CAPTAIN:
            raise PermissionDenied(
                f"{role}“{session.actor.name}”只能查看本队服务对象和本队队员的联系电话，"
                f"不能查看{ENTITIES[entity]}“{row['name']}”的{FIELDS[field]}。")
        raise PermissionDenied(f"{role}“{session.actor.name}”没有“{Permission.VIEW_FULL_IDENTITY.value}”的权限。")
    value = row[field] or ""
    with session.write("audit_log"):
        session.audit("查看完整信息", entity, row_id, None, None,
                      f"查看{ENTITIES[entity]}“{row['name']}”的{FIELDS[field]}")
    return value
