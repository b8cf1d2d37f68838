"""Personal data (个人信息保护法): every service returns it already shaped for the acting user.

- ID numbers, phones and emergency contacts leave a service masked, for every role
  (110106********0035, 138****1234): :func:`shape` does it, so no page or command shows a
  full number by forgetting to mask it.
- A full value is shown only through :func:`reveal`, which checks the role and writes the
  viewing to the audit log:
  - staff and supervisors (``VIEW_FULL_IDENTITY``): any resident's or volunteer's number;
  - a captain: the *phone* of a member of a team they lead, and the phone and emergency
    contact of a resident their team serves (a pairing, visit, request or service record
    tied to their team or its members); never an ID number.
- Health and hardship notes go only to a role with ``VIEW_SENSITIVE``; others get "".
- A form that shows a masked number and saves it unchanged keeps the stored number
  (:func:`restore_stored`): a masked value never overwrites a real one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..domain.masking import MASKERS, SENSITIVE_NOTES, is_masked
from .permissions import ROLE_NAMES, Permission, PermissionDenied, Role
from .scope import volunteer_team_ids
from .session import Session

FIELDS = {"id_number": "身份证号", "phone": "联系电话", "emergency_contact": "紧急联系人"}
ENTITIES = {"residents": "居民", "volunteers": "志愿者"}
# The personal fields each kind of person has.
ENTITY_FIELDS = {"residents": ("id_number", "phone", "emergency_contact"),
                 "volunteers": ("id_number", "phone")}
# What a captain may reveal, and of whom (see the module's docstring).
CAPTAIN_FIELDS = {"residents": ("phone", "emergency_contact"), "volunteers": ("phone",)}


class RevealError(ValueError):
    pass


def masked(field: str, value: str | None) -> str:
    """The value as lists show it."""
    return MASKERS[field](value) if field in MASKERS else (value or "")


def mask_row(row: dict[str, Any]) -> dict[str, Any]:
    """A copy of a row with its personal numbers masked."""
    return {key: (MASKERS[key](value) if key in MASKERS else value) for key, value in row.items()}


def shape(session: Session, row: dict[str, Any], aliases: dict[str, str] | None = None) -> dict[str, Any]:
    """``row`` as the acting user may see it: numbers masked, notes only for VIEW_SENSITIVE.

    ``aliases`` names the personal field behind a joined column (``{"helper_phone": "phone"}``).
    """
    sees_notes = session.can(Permission.VIEW_SENSITIVE)
    aliases = aliases or {}
    shaped = dict(row)
    for key, value in row.items():
        field = aliases.get(key, key)
        if field in MASKERS:
            shaped[key] = MASKERS[field](value) if value else value
        elif field in SENSITIVE_NOTES and not sees_notes:
            shaped[key] = ""
    return shaped


def shape_all(session: Session, rows: Iterable[dict[str, Any]],
              aliases: dict[str, str] | None = None) -> list[dict[str, Any]]:
    return [shape(session, dict(row), aliases) for row in rows]


def restore_stored(session: Session, entity: str, row_id: int | None,
                   fields: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """``fields`` with each personal value that is still the masked form of the stored one
    (a form saved without retyping it) put back to the stored value, and an error for any
    other masked value: a masked value never overwrites a real one."""
    stored = session.row(entity, row_id) if row_id is not None else None
    kept, errors = dict(fields), {}
    for field in ENTITY_FIELDS[entity]:
        value = str(fields.get(field) or "")
        if field not in fields or not is_masked(value):
            continue
        if stored is not None and value == masked(field, stored[field]):
            kept[field] = stored[field]          # unchanged: the stored value stays
        else:
            errors[field] = (f"{FIELDS[field]}“{value}”是打码后的号码，请点“显示完整号码”后修改，"
                             "或重新填写完整号码。")
    return kept, errors


# -- revealing ---------------------------------------------------------------------------

def served_resident_ids_sql() -> str:
    """SQL selecting ids of residents served by the teams in ``:teams`` (a JSON list)."""
    members = ("SELECT volunteer_id FROM team_members WHERE left_on IS NULL "
               "AND team_id IN (SELECT value FROM json_each(:teams))")
    return (f"SELECT resident_id FROM pairings WHERE state = '结对中' AND volunteer_id IN ({members}) "
            f"UNION SELECT resident_id FROM visits WHERE volunteer_id IN ({members}) "
            "UNION SELECT resident_id FROM requests WHERE resident_id IS NOT NULL AND "
            "team_id IN (SELECT value FROM json_each(:teams)) "
            "UNION SELECT resident_id FROM service_records WHERE resident_id IS NOT NULL AND "
            f"(team_id IN (SELECT value FROM json_each(:teams)) OR volunteer_id IN ({members}))")


def team_serves(session: Session, resident_id: int) -> bool:
    """Whether one of the acting captain's teams serves this resident."""
    teams = "[" + ",".join(str(t) for t in sorted(session.actor.team_ids)) + "]"
    row = session.db.execute(
        f"SELECT 1 WHERE :resident IN ({served_resident_ids_sql()})",
        {"teams": teams, "resident": resident_id}).fetchone()
    return row is not None


def _captain_sees(session: Session, entity: str, row_id: int) -> bool:
    if entity == "residents":
        return team_serves(session, row_id)
    return bool(set(volunteer_team_ids(session, row_id)) & session.actor.team_ids)


def may_reveal(session: Session, entity: str, row_id: int, field: str) -> bool:
    if field not in ENTITY_FIELDS.get(entity, ()) or not session.can(Permission.LEDGER_READ):
        return False
    if session.can(Permission.VIEW_FULL_IDENTITY):
        return True
    if session.actor.role != Role.CAPTAIN or field not in CAPTAIN_FIELDS[entity]:
        return False
    return _captain_sees(session, entity, row_id)


def may_reveal_any(session: Session) -> bool:
    """Whether the role may reveal some number of someone (for enabling the action)."""
    return session.can(Permission.VIEW_FULL_IDENTITY) or (
        session.actor.role == Role.CAPTAIN and session.can(Permission.LEDGER_READ))


def revealable_fields(session: Session, entity: str, row_id: int) -> list[str]:
    """The fields of this person the acting user may reveal, in display order."""
    return [f for f in ENTITY_FIELDS.get(entity, ()) if may_reveal(session, entity, row_id, f)]


def reveal(session: Session, entity: str, row_id: int, field: str) -> str:
    """The full value of one personal field of one person, audited as 查看完整信息."""
    if entity not in ENTITIES or field not in ENTITY_FIELDS[entity]:
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
