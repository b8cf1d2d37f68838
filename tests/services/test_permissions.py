"""(role, action) → allowed or refused, run against the services; a refusal changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY

from volunteer_app.services import privacy
from volunteer_app.services.admin import backups, settings, users
from volunteer_app.services.care import pairing
from volunteer_app.services.hours import records
from volunteer_app.services.people import residents, teams
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.session import Session

GAOLI = "高立庄夕阳红志愿服务队"
YINDI = "银地第二社区居民志愿服务队"


def as_role(demo_session: Session, login: str) -> Session:
    actor = users.authenticate(demo_session.db, login, f"{login}2026")
    return Session(demo_session.db, actor, today=lambda: TODAY)


def team_id(db, name: str) -> int:
    return db.execute("SELECT id FROM teams WHERE name = ?", [name]).fetchone()[0]


def free_volunteer(db, team: int) -> int:
    return db.execute("SELECT id FROM volunteers WHERE id NOT IN "
                      "(SELECT volunteer_id FROM team_members WHERE team_id = ?) LIMIT 1",
                      [team]).fetchone()[0]


NEW_RESIDENT = {"name": "周桂香", "gender": "女", "birth_date": "1934-05-06"}


def _add_member(s: Session, team_name: str):
    team = team_id(s.db, team_name)
    return teams.add_member(s, team, free_volunteer(s.db, team))


def _verify_a_record(s: Session) -> int:
    record = s.db.execute("SELECT id FROM service_records WHERE status = '已记录' LIMIT 1").fetchone()[0]
    return records.verify(s, [record])


def _release_a_pair(s: Session) -> None:
    pair = s.db.execute("SELECT id FROM pairings WHERE state = '结对中' LIMIT 1").fetchone()[0]
    pairing.release(s, pair, "老人入住养老院")


def _back_up(s: Session):
    folder = Path(s.db.execute("PRAGMA database_list").fetchone()[2]).parent
    return backups.backup(s, folder / f"backup-{s.actor.login}.sqlite3")


ACTIONS = {
    "add resident": lambda s: residents.add(s, dict(NEW_RESIDENT)),
    "add member to own team": lambda s: _add_member(s, GAOLI),
    "add member to another team": lambda s: _add_member(s, YINDI),
    "create team": lambda s: teams.create(s, "明春苑助老服务队"),
    "change a setting": lambda s: settings.put(s, "security.idle_lock_minutes", 15),
    "add a user": lambda s: users.add_user(s, "newuser", "新用户", "staff", "New-pass-2026"),
    "verify and lock a record": _verify_a_record,
    "release a pair": _release_a_pair,
    "back up": _back_up,
}
# The captain leads 高立庄夕阳红志愿服务队 only.
TABLE = [
    ("admin", "add resident", False), ("admin", "change a setting", True),
    ("admin", "add a user", True), ("admin", "create team", False),
    ("staff", "add resident", True), ("staff", "add member to another team", True),
    ("staff", "create team", True), ("staff", "add a user", False),
    ("staff", "change a setting", False),
    ("captain", "add member to own team", True), ("captain", "add member to another team", False),
    ("captain", "add resident", False), ("captain", "create team", False),
    ("captain", "add a user", False),
    ("supervisor", "add resident", False), ("supervisor", "add member to own team", False),
    ("supervisor", "add a user", False), ("supervisor", "change a setting", False),
    ("supervisor", "verify and lock a record", True), ("staff", "verify and lock a record", False),
    ("captain", "verify and lock a record", False), ("admin", "verify and lock a record", False),
    ("staff", "release a pair", True), ("captain", "release a pair", False),
    ("supervisor", "release a pair", False), ("admin", "release a pair", False),
    ("admin", "back up", True), ("staff", "back up", False), ("supervisor", "back up", False),
    ("captain", "back up", False),
]


def snapshot(db) -> tuple:
    counts = tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                   for t in ("residents", "team_members", "teams", "settings", "users", "audit_log"))
    states = db.execute("SELECT group_concat(status) FROM service_records").fetchone()[0]
    pairs = db.execute("SELECT group_concat(state) FROM pairings").fetchone()[0]
    return (*counts, states, pairs)


@pytest.mark.parametrize(("login", "action", "allowed"), TABLE)
def test_role_action_table(demo_session, login, action, allowed):
    session = as_role(demo_session, login)
    before = snapshot(session.db)
    if allowed:
        ACTIONS[action](session)
        assert snapshot(session.db) != before
    else:
        with pytest.raises(PermissionDenied) as refused:
            ACTIONS[action](session)
        assert snapshot(session.db) == before  # nothing changed, not even the audit log
        assert "权" in str(refused.value)


def test_health_notes_only_for_staff_and_supervisors(demo_session):
    resident = demo_session.db.execute(
        "SELECT id FROM residents WHERE health_notes != '' LIMIT 1").fetchone()[0]
    for login, sees in (("staff", True), ("supervisor", True), ("captain", False), ("admin", False)):
        row = residents.get(as_role(demo_session, login), resident)
        assert bool(row["health_notes"]) is sees, login


def test_reveal_by_role(demo_session):
    db = demo_session.db
    resident = db.execute("SELECT id, phone FROM residents WHERE phone IS NOT NULL LIMIT 1").fetchone()
    supervisor = as_role(demo_session, "supervisor")
    assert privacy.reveal(supervisor, "residents", resident[0], "phone") == resident[1]
    admin = as_role(demo_session, "admin")
    with pytest.raises(PermissionDenied):
        privacy.reveal(admin, "residents", resident[0], "phone")
    captain = as_role(demo_session, "captain")
    assert captain.actor.role == Role.CAPTAIN
    with pytest.raises(PermissionDenied, match="只能查看本队服务对象"):
        privacy.reveal(captain, "residents", resident[0], "phone")
    # Once a member of the captain's team is paired with the resident, the phone shows.
    member = db.execute("SELECT volunteer_id FROM team_members WHERE team_id = ? LIMIT 1 OFFSET 3",
                        [team_id(db, GAOLI)]).fetchone()[0]
    db.execute("INSERT INTO pairings (uid, volunteer_id, resident_id, state, created_at) "
               "VALUES ('p-test', ?, ?, '结对中', '2026-11-01')", [member, resident[0]])
    assert privacy.reveal(captain, "residents", resident[0], "phone") == resident[1]
    with pytest.raises(PermissionDenied):
        privacy.reveal(captain, "residents", resident[0], "id_number")
    entries = db.execute("SELECT count(*) FROM audit_log WHERE action = '查看完整信息'").fetchone()[0]
    assert entries == 2


def test_lists_show_numbers_masked(demo_session):
    staff = as_role(demo_session, "staff")
    rows = residents.page(staff, residents.ResidentQuery(), 0, 50)
    with_id = [r for r in rows if r["id_number"]]
    assert with_id and all("********" in r["id_number"] for r in with_id)
    assert all("*" in r["phone"] for r in rows if r["phone"])
    full = demo_session.db.execute("SELECT phone FROM residents WHERE id = ?",
                                   [rows[0]["id"]]).fetchone()[0]
    assert rows[0]["phone"] != full
    # The edit form (get) shows every role the masked number; reveal gives it, audited.
    assert residents.get(staff, rows[0]["id"])["phone"] == rows[0]["phone"] != full
    assert residents.get(as_role(demo_session, "captain"), rows[0]["id"])["phone"] != full
    assert privacy.reveal(staff, "residents", rows[0]["id"], "phone") == full


def test_captain_records_hours_only_for_own_team(demo_session):
    from volunteer_app.services.hours import records

    captain = as_role(demo_session, "captain")
    db = captain.db
    fields = {"volunteer_id": db.execute("SELECT volunteer_id FROM team_members WHERE team_id = ?",
                                         [team_id(db, GAOLI)]).fetchone()[0],
              "date": "2026-11-20", "start_time": "09:00", "end_time": "11:00"}
    before = snapshot(db)
    for team in (team_id(db, YINDI), None):
        with pytest.raises(PermissionDenied):
            records.add_manual(captain, {**fields, "team_id": team})
    assert snapshot(db) == before
    assert records.add_manual(captain, {**fields, "team_id": team_id(db, GAOLI)})
    assert records.add_manual(as_role(demo_session, "staff"), {**fields, "date": "2026-11-21"})
