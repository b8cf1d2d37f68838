"""Teams (志愿服务队) and their members; a volunteer may be in several teams with a role in each."""

from __future__ import annotations

from typing import Any

from ...store.row_versions import check_version
from ...store.rows import new_uid, now_text
from .. import privacy
from ..permissions import Permission
from ..session import Session

ROLES = ("队长", "副队长", "队员")


class TeamError(ValueError):
    pass


def create(session: Session, name: str, community_id: int | None = None, description: str = "") -> int:
    session.require(Permission.TEAM_WRITE)
    name = name.strip()
    if not name:
        raise TeamError("队伍名称为空，请填写，例如“高立庄夕阳红志愿服务队”。")
    if list(session.db.query("SELECT id FROM teams WHERE name = ?", [name])):
        raise TeamError(f"已经有名为“{name}”的队伍了，请换一个名称。")
    row = {"uid": new_uid(), "name": name, "community_id": community_id,
           "description": description.strip(), "created_at": now_text()}
    with session.write("teams"):
        team_id = session.db.table("teams").insert(row).last_pk
        session.audit("新增", "teams", team_id, None, row)
    return team_id


def rename(session: Session, team_id: int, name: str, description: str | None = None, *,
           version: int | None = None) -> None:
    session.require(Permission.TEAM_WRITE)
    current = _team(session, team_id)
    name = name.strip()
    if not name:
        raise TeamError("队伍名称为空，请填写。")
    if list(session.db.query("SELECT id FROM teams WHERE name = ? AND id != ?", [name, team_id])):
        raise TeamError(f"已经有名为“{name}”的队伍了，请换一个名称。")
    values = {"name": name}
    if description is not None:
        values["description"] = description.strip()
    with session.write("teams"):
        check_version(session.db, "teams", team_id, version)
        session.db.table("teams").update(team_id, values)
        session.audit("修改", "teams", team_id, current, {**current, **values})


def archive(session: Session, team_id: int) -> None:
    session.require(Permission.TEAM_WRITE)
    current = _team(session, team_id)
    with session.write("teams"):
        session.db.table("teams").update(team_id, {"archived_at": now_text()})
        session.audit("归档", "teams", team_id, current, None)


def _team(session: Session, team_id: int) -> dict[str, Any]:
    row = session.row("teams", team_id)
    if row is None:
        raise TeamError(f"找不到编号为{team_id}的队伍。")
    return row


def add_member(session: Session, team_id: int, volunteer_id: int, role: str = "队员") -> int:
    session.require(Permission.TEAM_MEMBERS, team_id)
    team = _team(session, team_id)
    if role not in ROLES:
        raise TeamError(f"队内角色只能是{'、'.join(ROLES)}。")
    volunteer = session.row("volunteers", volunteer_id)
    if volunteer is None or volunteer["archived_at"]:
        raise TeamError(f"找不到编号为{volunteer_id}的在册志愿者。")
    existing = list(session.db.query(
        "SELECT * FROM team_members WHERE team_id = ? AND volunteer_id = ?", [team_id, volunteer_id]))
    with session.write("team_members"):
        if existing and existing[0]["left_on"] is None:
            raise TeamError(f"{volunteer['name']}已经是{team['name']}的成员了。")
        if role == "队长":      # one captain per team: the previous one becomes 队员
            session.db.execute("UPDATE team_members SET role = '队员' WHERE team_id = ? AND role = '队长' "
                               "AND left_on IS NULL", [team_id])
        if existing:
            member_id = existing[0]["id"]
            session.db.table("team_members").update(
                member_id, {"left_on": None, "role": role, "joined_on": session.today().isoformat()})
        else:
            member_id = session.db.table("team_members").insert({
                "uid": new_uid(), "team_id": team_id, "volunteer_id": volunteer_id, "role": role,
                "joined_on": session.today().isoformat()}).last_pk
        session.audit("加入队伍", "team_members", member_id, None,
                      {"team": team["name"], "volunteer": volunteer["name"], "role": role})
    return member_id


def set_role(session: Session, team_id: int, volunteer_id: int, role: str) -> None:
    """Make a member captain, vice-captain or plain member. A team has one captain."""
    session.require(Permission.TEAM_MEMBERS, team_id)
    if role not in ROLES:
        raise TeamError(f"队内角色只能是{'、'.join(ROLES)}。")
    member = _member(session, team_id, volunteer_id)
    with session.write("team_members"):
        if role == "队长":
            session.db.execute("UPDATE team_members SET role = '队员' WHERE team_id = ? AND role = '队长' "
                               "AND left_on IS NULL", [team_id])
        session.db.execute("UPDATE team_members SET role = ? WHERE id = ?", [role, member["id"]])
        session.audit("设置队内角色", "team_members", member["id"], {"role": member["role"]}, {"role": role})


def remove_member(session: Session, team_id: int, volunteer_id: int) -> None:
    session.require(Permission.TEAM_MEMBERS, team_id)
    member = _member(session, team_id, volunteer_id)
    with session.write("team_members"):
        session.db.execute("UPDATE team_members SET left_on = ? WHERE id = ?",
                           [session.today().isoformat(), member["id"]])
        session.audit("退出队伍", "team_members", member["id"], member, None)


def _member(session: Session, team_id: int, volunteer_id: int) -> dict[str, Any]:
    rows = list(session.db.query("SELECT * FROM team_members WHERE team_id = ? AND volunteer_id = ? "
                                 "AND left_on IS NULL", [team_id, volunteer_id]))
    if not rows:
        raise TeamError("该志愿者不是这支队伍的成员。")
    return rows[0]


def list_teams(session: Session, include_archived: bool = False) -> list[dict[str, Any]]:
    session.require(Permission.LEDGER_READ)
    where = "" if include_archived else "WHERE t.archived_at IS NULL"
    return list(session.db.query(
        "SELECT t.id, t.name, t.description, t.community_id, t.archived_at, t.row_version, "
        "(SELECT count(*) FROM team_members m WHERE m.team_id = t.id AND m.left_on IS NULL) AS members, "
        "(SELECT v.name FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
        " WHERE m.team_id = t.id AND m.role = '队长' AND m.left_on IS NULL) AS captain "
        f"FROM teams t {where} ORDER BY t.id"))


def members(session: Session, team_id: int) -> list[dict[str, Any]]:
    session.require(Permission.LEDGER_READ)
    return privacy.shape_all(session, session.db.query(
        "SELECT v.id, v.name, v.gender, v.birth_date, v.phone, v.status, m.role, m.rota_group, m.joined_on "
        "FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
        "WHERE m.team_id = ? AND m.left_on IS NULL "
        "ORDER BY CASE m.role WHEN '队长' THEN 0 WHEN '副队长' THEN 1 ELSE 2 END, v.name_pinyin",
        [team_id]))
