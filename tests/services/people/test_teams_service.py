"""Teams: one captain per team, a volunteer in two teams with a role in each, audited writes."""

from __future__ import annotations

import pytest

from volunteer_app.services.people import teams, volunteers


def _volunteer(session, name: str, phone: str) -> int:
    return volunteers.add(session, {"name": name, "birth_date": "1985-03-12", "gender": "女",
                                    "phone": phone, "availability": "1am,6pm"})


def test_one_captain_per_team_and_roles_in_two_teams(session):
    a = teams.create(session, "甲队")
    b = teams.create(session, "乙队")
    first = _volunteer(session, "李一", "13800000001")
    second = _volunteer(session, "李二", "13800000002")
    teams.add_member(session, a, first, "队长")
    teams.add_member(session, a, second)
    teams.add_member(session, b, first, "副队长")
    teams.set_role(session, a, second, "队长")
    roles_a = {m["id"]: m["role"] for m in teams.members(session, a)}
    assert roles_a == {first: "队员", second: "队长"}
    teams.add_member(session, b, second, "队长")
    teams.add_member(session, b, _volunteer(session, "李三", "13800000003"), "队长")
    assert [m["role"] for m in teams.members(session, b)].count("队长") == 1
    assert {t["name"]: t["role"] for t in volunteers.get(session, first)["teams"]} == {
        "甲队": "队员", "乙队": "副队长"}
    assert session.db.execute("SELECT count(*) FROM audit_log WHERE action = '设置队内角色'").fetchone()[0] == 1


def test_duplicate_team_name_and_double_membership_are_refused(session):
    a = teams.create(session, "甲队")
    with pytest.raises(teams.TeamError, match="已经有名为"):
        teams.create(session, " 甲队 ")
    v = _volunteer(session, "王五", "13800000004")
    teams.add_member(session, a, v)
    with pytest.raises(teams.TeamError, match="已经是"):
        teams.add_member(session, a, v)
    teams.remove_member(session, a, v)
    assert teams.members(session, a) == []
