"""Team scope fails closed: a captain acts only on their own team's volunteers and records,
and a target with no team is no captain's (on the demo community)."""

from __future__ import annotations

import pytest
from conftest import TODAY

from volunteer_app.services.admin import users
from volunteer_app.services.care import pairing
from volunteer_app.services.hours import records
from volunteer_app.services.permissions import TEAM_SCOPED, Permission, PermissionDenied
from volunteer_app.services.session import Session

GAOLI = "高立庄夕阳红志愿服务队"


def as_role(session: Session, login: str) -> Session:
    return Session(session.db, users.authenticate(session.db, login, f"{login}2026"),
                   today=lambda: TODAY)


def _ids(db) -> tuple[int, int, int, int]:
    """The captain's team, one of its members, another team's member (not in the captain's
    team), and a volunteer in no team."""
    own = db.execute("SELECT id FROM teams WHERE name = ?", [GAOLI]).fetchone()[0]
    member = db.execute("SELECT volunteer_id FROM team_members WHERE team_id = ? AND role = '队员' "
                        "AND left_on IS NULL ORDER BY id", [own]).fetchone()[0]
    stranger = db.execute(
        "SELECT volunteer_id FROM team_members WHERE team_id != ? AND left_on IS NULL AND volunteer_id "
        "NOT IN (SELECT volunteer_id FROM team_members WHERE team_id = ?) ORDER BY id", [own, own]).fetchone()[0]
    loner = db.execute("SELECT id FROM volunteers WHERE id NOT IN (SELECT volunteer_id FROM team_members "
                       "WHERE left_on IS NULL) ORDER BY id").fetchone()[0]
    return own, member, stranger, loner


def _count(db) -> tuple:
    return (db.execute("SELECT count(*), total(hours), group_concat(volunteer_id) FROM service_records").fetchone(),
            db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


HOURS = {"date": "2026-11-20", "start_time": "09:00", "end_time": "11:00", "content": "楼道清扫"}


def test_captain_cannot_add_hours_for_another_teams_volunteer(demo_session):
    captain = as_role(demo_session, "captain")
    db = captain.db
    own, member, stranger, loner = _ids(db)
    before = _count(db)
    for volunteer in (stranger, loner):
        with pytest.raises(PermissionDenied, match="不在您带领的队伍里"):
            records.add_manual(captain, {**HOURS, "team_id": own, "volunteer_id": volunteer})
    assert _count(db) == before          # nothing saved, not even an audit entry
    assert records.add_manual(captain, {**HOURS, "team_id": own, "volunteer_id": member})
    # staff are not limited to teams
    assert records.add_manual(as_role(demo_session, "staff"),
                              {**HOURS, "date": "2026-11-21", "team_id": own, "volunteer_id": stranger})


def test_captain_cannot_switch_a_record_to_another_teams_volunteer(demo_session):
    captain = as_role(demo_session, "captain")
    db = captain.db
    own, member, stranger, _ = _ids(db)
    record_id = records.add_manual(captain, {**HOURS, "team_id": own, "volunteer_id": member})
    before = _count(db)
    with pytest.raises(PermissionDenied, match="不在您带领的队伍里"):
        records.update(captain, record_id, {"volunteer_id": stranger})
    assert _count(db) == before
    assert captain.row("service_records", record_id)["volunteer_id"] == member
    records.update(captain, record_id, {"content": "楼道清扫和扫雪"})
    assert captain.row("service_records", record_id)["content"] == "楼道清扫和扫雪"


def _visit(db, volunteer: int) -> int:
    """A visit saved without its service record (as by another tool, or before a crash)."""
    resident = db.execute("SELECT id FROM residents ORDER BY id").fetchone()[0]
    db.execute("INSERT INTO visits (uid, volunteer_id, resident_id, visited_on, start_time, minutes, "
               "mode, done, created_at) VALUES (?, ?, ?, '2026-11-25', '09:00', 60, '上门', '陪同聊天', "
               "'2026-11-25T10:00:00')", [f"visit-{volunteer}", volunteer, resident])
    return db.execute("SELECT max(id) FROM visits").fetchone()[0]


def test_captain_cannot_turn_another_teams_visit_into_hours(demo_session):
    captain = as_role(demo_session, "captain")
    db = captain.db
    own, member, stranger, loner = _ids(db)
    for volunteer in (stranger, loner):
        visit = _visit(db, volunteer)
        before = _count(db)
        with pytest.raises(PermissionDenied, match="不在您带领的队伍里"):
            records.from_visit(captain, visit)
        assert _count(db) == before
    record_id = records.from_visit(captain, _visit(db, member))
    row = captain.row("service_records", record_id)
    assert row["volunteer_id"] == member and row["team_id"] == own and row["hours"] == 1


@pytest.mark.parametrize("permission", sorted(TEAM_SCOPED))
def test_team_scoped_permission_without_a_team_fails_closed(demo_session, permission):
    captain = as_role(demo_session, "captain")
    own = next(iter(captain.actor.team_ids))
    assert captain.can(permission, own)
    assert not captain.can(permission, None)        # no target team: refused
    assert not captain.can(permission, own + 1000)  # someone else's team: refused
    assert captain.holds(permission)                # the role has it, for its own teams
    with pytest.raises(PermissionDenied, match="不属于任何队伍"):
        captain.require(permission, None)
    staff = as_role(demo_session, "staff")
    assert staff.can(permission, None) and staff.can(permission, own)
    assert not as_role(demo_session, "supervisor").can(permission, None)


def test_captain_logs_no_visit_of_a_helper_in_no_team(demo_session):
    captain = as_role(demo_session, "captain")
    assert not pairing.may_log_visit(captain, {"team_ids": []})
    assert pairing.may_log_visit(captain, {"team_ids": sorted(captain.actor.team_ids)})
    assert pairing.may_log_visit(as_role(demo_session, "staff"), {"team_ids": []})
    assert Permission.RECORD_WRITE in TEAM_SCOPED
