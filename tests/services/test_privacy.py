"""Personal data reaches each role only as it may see it (个人信息保护法), on the demo community.

The table runs every service that returns personal fields as five viewers: the
administrator, staff, a captain of the person's team, a captain of another team, and a
supervisor. Numbers come back masked for all of them; health and hardship notes only for
staff and supervisors; a full number only through the audited reveal.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import TODAY

from volunteer_app.domain.masking import MASKERS, SENSITIVE_NOTES
from volunteer_app.services import privacy
from volunteer_app.services.admin import users
from volunteer_app.services.care import pairing
from volunteer_app.services.ledger import ledger_export
from volunteer_app.services.people import residents, teams, volunteers
from volunteer_app.services.permissions import PermissionDenied
from volunteer_app.services.scheduling import assigning
from volunteer_app.services.session import Session

GAOLI = "高立庄夕阳红志愿服务队"     # the demo captain leads this team only
EMERGENCY = "女儿 王芳 13912345678"
HEALTH = "高血压，左腿术后行动不便"
HARDSHIP = "低保户，子女在外地"
VISIT_HEALTH = "说话清楚，走路要扶"


# health notes are saved only with the resident's separate consent (who, when)
HEALTH_CONSENT = {"sensitive_consent": True, "health_consent_by": "本人", "health_consent_date": "2026-11-01"}


def as_role(session: Session, login: str) -> Session:
    return Session(session.db, users.authenticate(session.db, login, f"{login}2026"),
                   today=lambda: TODAY)


@dataclass(frozen=True)
class Side:
    """One team's people: a member, a resident the team serves, a shift of the team."""

    team: int
    volunteer: int
    resident: int
    shift: int


def _team(db, name: str | None = None, not_name: str | None = None) -> int:
    if name:
        return db.execute("SELECT id FROM teams WHERE name = ?", [name]).fetchone()[0]
    return db.execute("SELECT t.id FROM teams t WHERE t.name != ? AND EXISTS (SELECT 1 FROM "
                      "team_members m JOIN pairings p ON p.volunteer_id = m.volunteer_id "
                      "WHERE m.team_id = t.id AND p.state = '结对中') ORDER BY t.id",
                      [not_name]).fetchone()[0]


def _side(staff: Session, team: int, other: int) -> Side:
    db = staff.db
    members = ("SELECT volunteer_id FROM team_members WHERE team_id = ? AND left_on IS NULL "
               "AND volunteer_id NOT IN (SELECT volunteer_id FROM team_members WHERE team_id = ?)")
    volunteer = db.execute(f"SELECT id FROM volunteers WHERE phone != '' AND id_number != '' "
                           f"AND id IN ({members} AND role = '队员') ORDER BY id", [team, other]).fetchone()[0]
    pair_id, resident = db.execute(
        f"SELECT id, resident_id FROM pairings WHERE state = '结对中' AND volunteer_id IN ({members}) "
        "ORDER BY id", [team, other]).fetchone()
    shift = db.execute("SELECT s.id FROM shifts s JOIN tasks t ON t.id = s.task_id WHERE t.team_id = ? "
                       "AND EXISTS (SELECT 1 FROM assignments a JOIN volunteers v ON v.id = "
                       "a.volunteer_id WHERE a.shift_id = s.id AND v.phone != '') ORDER BY s.id",
                       [team]).fetchone()[0]
    form = _form(staff, resident)
    residents.update(staff, resident, {**form, "phone": form["phone"] or "13698765432",
                                       "emergency_contact": EMERGENCY, "health_notes": HEALTH,
                                       "hardship_notes": HARDSHIP, **HEALTH_CONSENT})
    pairing.log_visit(staff, pair_id, {"visited_on": "2026-11-27", "minutes": 45, "mode": "上门",
                                      "done": "陪老人聊天", "health": VISIT_HEALTH})
    return Side(team, volunteer, resident, shift)


def _form(staff: Session, resident: int) -> dict:
    """What the resident dialog sends back unchanged: the numbers as shown, masked."""
    row = residents.get(staff, resident)
    return {k: row[k] for k in ("name", "id_number", "birth_date", "gender", "phone")}


@pytest.fixture
def sides(demo_session) -> dict[str, Side]:
    staff = as_role(demo_session, "staff")
    own = _team(demo_session.db, GAOLI)
    other = _team(demo_session.db, not_name=GAOLI)
    return {"own": _side(staff, own, other), "other": _side(staff, other, own)}


def _full(db, table: str, row_id: int, column: str) -> str:
    return db.execute(f"SELECT {column} FROM {table} WHERE id = ?", [row_id]).fetchone()[0] or ""


# Each returns (field, value the service gave, the full stored value) for the person(s) shown.
def _volunteer_get(s: Session, side: Side):
    row = volunteers.get(s, side.volunteer)
    return [(f, row[f], _full(s.db, "volunteers", side.volunteer, f)) for f in ("id_number", "phone")]


def _volunteer_page(s: Session, side: Side):
    rows = volunteers.page(s, volunteers.VolunteerQuery(team_id=side.team), 0, 500)
    return [("phone", r["phone"], _full(s.db, "volunteers", r["id"], "phone")) for r in rows]


def _resident_get(s: Session, side: Side):
    row = residents.get(s, side.resident)
    return [(f, row[f], _full(s.db, "residents", side.resident, f))
            for f in ("id_number", "phone", "emergency_contact", "health_notes", "hardship_notes")]


def _resident_page(s: Session, side: Side):
    name = _full(s.db, "residents", side.resident, "name")
    rows = residents.page(s, residents.ResidentQuery(text=name), 0, 200)
    assert side.resident in {r["id"] for r in rows}
    return [(f, r[f], _full(s.db, "residents", r["id"], f)) for r in rows for f in ("id_number", "phone")]


def _team_members(s: Session, side: Side):
    return [("phone", r["phone"], _full(s.db, "volunteers", r["id"], "phone"))
            for r in teams.members(s, side.team)]


def _active_pairs(s: Session, side: Side):
    rows = pairing.active_pairs(s)
    assert len(rows) > 2
    return [("phone", r["helper_phone"], _full(s.db, "volunteers", r["volunteer_id"], "phone")) for r in rows]


def _visits_of(s: Session, side: Side):
    return [("health", r["health"], _full(s.db, "visits", r["id"], "health"))
            for r in pairing.visits_of(s, side.resident)]


def _assignments(s: Session, side: Side):
    return [("phone", r["phone"], _full(s.db, "volunteers", r["volunteer_id"], "phone"))
            for r in assigning.assignments(s, side.shift)]


def _export(s: Session, side: Side):
    path = Path(s.db.execute("PRAGMA database_list").fetchone()[2]).with_name("residents.csv")
    ledger_export.export(s, "residents", path)
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    name = _full(s.db, "residents", side.resident, "name")
    row = next(r for r in rows if r["姓名"] == name)
    headers = {"id_number": "身份证号", "phone": "联系电话", "emergency_contact": "紧急联系人",
               "health_notes": "健康情况", "hardship_notes": "困难情况"}
    return [(f, row.get(h, ""), _full(s.db, "residents", side.resident, f)) for f, h in headers.items()]


def _proposal(s: Session, side: Side):
    """The matcher's proposal carries whole rows of helpers and residents (the pairing page
    lists the unmatched residents from them): shaped like any other service's rows."""
    proposal = pairing.propose(s, widen=True)
    assert proposal.helpers and proposal.residents
    return ([(f, r[f], _full(s.db, "volunteers", i, f))
             for i, r in proposal.helpers.items() for f in ("id_number", "phone")]
            + [(f, r[f], _full(s.db, "residents", i, f)) for i, r in proposal.residents.items()
               for f in ("id_number", "phone", "emergency_contact", "health_notes")])


SERVICES = {
    "pairing.propose": _proposal,
    "volunteers.get": _volunteer_get, "volunteers.page": _volunteer_page,
    "residents.get": _resident_get, "residents.page": _resident_page,
    "teams.members": _team_members, "pairing.active_pairs": _active_pairs,
    "pairing.visits_of": _visits_of, "assigning.assignments": _assignments,
    "ledger_export.export": _export,
}
# viewer -> (login, whose person is looked at)
VIEWERS = {"admin": ("admin", "own"), "staff": ("staff", "own"),
           "captain of the person's team": ("captain", "own"),
           "captain of another team": ("captain", "other"), "supervisor": ("supervisor", "own")}
SEES_NOTES = {"staff", "supervisor"}
REFUSED = {("ledger_export.export", "admin"), ("ledger_export.export", "captain"),
           *(("pairing.propose", login) for login in ("admin", "captain", "supervisor"))}


def expected(field: str, full: str, login: str) -> str:
    if field in SENSITIVE_NOTES:
        return full if login in SEES_NOTES else ""
    return MASKERS[field](full)


@pytest.mark.parametrize("viewer", list(VIEWERS))
@pytest.mark.parametrize("service", list(SERVICES))
def test_personal_fields_by_role(demo_session, sides, service, viewer):
    login, whose = VIEWERS[viewer]
    session = as_role(demo_session, login)
    if (service, login) in REFUSED:
        with pytest.raises(PermissionDenied):
            SERVICES[service](session, sides[whose])
        return
    shown = SERVICES[service](session, sides[whose])
    assert shown and any(full for _, _, full in shown)
    for field, value, full in shown:
        assert (value or "") == expected(field, full, login), (field, value)
        if full and field not in SENSITIVE_NOTES:
            assert value != full and "*" in value, (field, value)


# (viewer, entity, field) -> may reveal; a captain: phones of own members and served residents
REVEAL = {
    "admin": set(),
    "staff": {("volunteers", "id_number"), ("volunteers", "phone"), ("residents", "id_number"),
              ("residents", "phone"), ("residents", "emergency_contact")},
    "captain of the person's team": {("volunteers", "phone"), ("residents", "phone"),
                                     ("residents", "emergency_contact")},
    "captain of another team": set(),
}
REVEAL["supervisor"] = REVEAL["staff"]


@pytest.mark.parametrize("viewer", list(VIEWERS))
def test_reveal_is_audited_and_refused_without_permission(demo_session, sides, viewer):
    login, whose = VIEWERS[viewer]
    session = as_role(demo_session, login)
    side = sides[whose]
    db = session.db
    for entity, row_id in (("volunteers", side.volunteer), ("residents", side.resident)):
        for field in privacy.ENTITY_FIELDS[entity]:
            before = db.execute("SELECT count(*) FROM audit_log WHERE action = '查看完整信息' "
                                "AND entity = ? AND entity_id = ? AND user_name = ?",
                                [entity, row_id, session.actor.name]).fetchone()[0]
            allowed = (entity, field) in REVEAL[viewer]
            assert (field in privacy.revealable_fields(session, entity, row_id)) is allowed
            if allowed:
                assert privacy.reveal(session, entity, row_id, field) == _full(db, entity, row_id, field)
            else:
                with pytest.raises(PermissionDenied):
                    privacy.reveal(session, entity, row_id, field)
            after = db.execute("SELECT count(*) FROM audit_log WHERE action = '查看完整信息' "
                               "AND entity = ? AND entity_id = ? AND user_name = ?",
                               [entity, row_id, session.actor.name]).fetchone()[0]
            assert after == before + (1 if allowed else 0), (entity, field)


def test_a_masked_number_saved_unchanged_keeps_the_stored_one(demo_session, sides):
    staff = as_role(demo_session, "staff")
    db = staff.db
    vid = sides["own"].volunteer
    full = db.execute("SELECT id_number, phone FROM volunteers WHERE id = ?", [vid]).fetchone()
    shown = volunteers.get(staff, vid)
    form = {k: shown[k] for k in ("name", "id_number", "birth_date", "gender", "phone")}
    assert volunteers.validate(staff, {**form, "id": vid}).ok
    volunteers.update(staff, vid, {**form, "notes": "改了备注"})
    assert db.execute("SELECT id_number, phone, notes FROM volunteers WHERE id = ?",
                      [vid]).fetchone() == (*full, "改了备注")
    # a masked number that is not the stored one's mask is refused with a clear message
    with pytest.raises(volunteers.VolunteerError, match="打码后的号码"):
        volunteers.update(staff, vid, {**form, "phone": "139****0000"})
    rid = sides["own"].resident
    stored = db.execute("SELECT emergency_contact, phone FROM residents WHERE id = ?", [rid]).fetchone()
    row = residents.get(staff, rid)
    residents.update(staff, rid, {**_form(staff, rid), "emergency_contact": row["emergency_contact"],
                                  "notes": "保存一次"})
    assert db.execute("SELECT emergency_contact, phone FROM residents WHERE id = ?",
                      [rid]).fetchone() == stored
