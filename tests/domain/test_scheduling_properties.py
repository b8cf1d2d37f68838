"""Property: over random teams, availabilities and shifts, filling the gaps never breaks a hard
rule and never puts more people on a shift than its maximum.

Checked twice: on the pure algorithm against a rule-by-rule re-check written here (not the
domain's own ``check``), and end to end through the services on a real database.
"""

from __future__ import annotations

import itertools
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from volunteer_app.domain.availability import PARTS, Availability
from volunteer_app.domain.people import age_on
from volunteer_app.domain.scheduling import (
    Recurrence,
    Slot,
)
from volunteer_app.domain.shift_rules import (
    Commitment,
    Gap,
    Load,
    Member,
    Rules,
    ShiftFacts,
    fill_gaps,
)
from volunteer_app.services.scheduling import assigning, schedule
from volunteer_app.services.session import Session
from volunteer_app.store.connection import open_database
from volunteer_app.store.rows import new_uid, now_text

MONDAY = date(2026, 11, 30)
RULES = Rules(heavy_max_age=65)
slot_codes = st.frozensets(st.tuples(st.integers(1, 7), st.sampled_from(PARTS)), max_size=21)


@st.composite
def members(draw) -> list[Member]:
    count = draw(st.integers(1, 12))
    return [Member(
        id=i, name=f"队员{i}",
        birth_date=date(draw(st.integers(1945, 2004)), 6, 1),
        status=draw(st.sampled_from(("在册", "在册", "在册", "暂停", "退出"))),
        archived=draw(st.booleans()) and draw(st.booleans()),
        health_limit=draw(st.booleans()),
        availability=Availability(draw(slot_codes)),
        weekly_cap=draw(st.sampled_from((2.0, 4.0, 8.0, 20.0))),
        group=draw(st.sampled_from(("", "A", "B"))),
        in_team=draw(st.booleans()) or draw(st.booleans()),
    ) for i in range(1, count + 1)]


@st.composite
def shift_facts(draw, sid: int) -> ShiftFacts:
    start = draw(st.integers(6, 20))
    lo = draw(st.integers(1, 3))
    return ShiftFacts(
        id=sid, day=MONDAY + timedelta(days=draw(st.integers(0, 6))), start=time(start),
        end=time(min(start + draw(st.integers(1, 3)), 23)), label=f"班次{sid}",
        heavy=draw(st.booleans()), group=draw(st.sampled_from(("", "A", "B"))),
        min_people=lo, max_people=lo + draw(st.integers(0, 2)))


@st.composite
def weeks(draw):
    team = draw(members())
    shifts = [draw(shift_facts(100 + n)) for n in range(draw(st.integers(1, 15)))]
    gaps = [Gap(s, frozenset(draw(st.sets(st.sampled_from([m.id for m in team]),
                                          max_size=s.max_people)))) for s in shifts]
    held: dict[int, list[Commitment]] = {}
    for m in team:
        for n in range(draw(st.integers(0, 2))):
            start = draw(st.integers(6, 20))
            day = MONDAY + timedelta(days=draw(st.integers(0, 6)))
            held.setdefault(m.id, []).append(Commitment(900 + m.id * 10 + n, day, time(start), time(start + 1)))
    loads = {m.id: Load(week=draw(st.sampled_from((0.0, 1.0, 3.0, 7.5))), month=0.0) for m in team}
    return team, gaps, held, loads


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _hours(start: time, end: time) -> float:
    return (end.hour * 60 + end.minute - start.hour * 60 - start.minute) / 60


@settings(max_examples=100, deadline=None)
@given(weeks())
def test_fill_never_breaks_a_hard_rule_nor_the_maximum(week):
    team, gaps, held, loads = week
    picks = fill_gaps(gaps, team, held, loads, RULES)
    by_id = {m.id: m for m in team}
    shift_of = {g.shift.id: g for g in gaps}
    on_shift = {g.shift.id: set(g.assignees) for g in gaps}
    times = {m.id: [(c.day, c.start, c.end) for c in held.get(m.id, [])] for m in team}
    week_hours = {m.id: loads[m.id].week for m in team}
    for pick in picks:
        member, gap = by_id[pick.volunteer_id], shift_of[pick.shift_id]
        shift = gap.shift
        assert pick.volunteer_id not in on_shift[shift.id]
        on_shift[shift.id].add(pick.volunteer_id)
        assert member.status == "在册" and not member.archived and member.in_team
        if shift.heavy:
            assert not member.health_limit
            assert age_on(member.birth_date, shift.day) <= RULES.heavy_max_age
        slot = (shift.day, shift.start, shift.end)
        assert not any(_overlap(slot, other) for other in times[member.id])
        times[member.id].append(slot)
        week_hours[member.id] += _hours(shift.start, shift.end)
        assert week_hours[member.id] <= member.weekly_cap + 1e-9
        assert not member.availability or member.availability.covers(
            shift.day.isoweekday(), shift.start, shift.end)
    for gap in gaps:
        added = len(on_shift[gap.shift.id]) - len(gap.assignees)
        assert len(on_shift[gap.shift.id]) <= gap.shift.max_people
        assert added <= max(0, gap.shift.min_people - len(gap.assignees))


# -- end to end through the services --------------------------------------------------------

def _team(session: Session, team: list[Member]) -> int:
    db, stamp = session.db, now_text()
    team_id = db.table("teams").insert({"uid": new_uid(), "name": "随机队", "created_at": stamp}).last_pk
    for m in team:
        db.table("volunteers").insert({
            "id": m.id, "uid": new_uid(), "name": m.name, "birth_date": m.birth_date.isoformat(),
            "status": m.status, "archived_at": stamp if m.archived else None,
            "health_limit": int(m.health_limit), "availability": m.availability.to_text(),
            "weekly_hours_cap": m.weekly_cap, "created_at": stamp, "updated_at": stamp})
        if m.in_team:
            db.table("team_members").insert({"uid": new_uid(), "team_id": team_id, "volunteer_id": m.id,
                                             "rota_group": m.group})
    return team_id


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(members(), st.lists(st.tuples(st.integers(0, 6), st.integers(6, 19), st.integers(1, 3),
                                     st.booleans(), st.integers(1, 3), st.integers(0, 2)),
                           min_size=1, max_size=8))
def test_propose_and_apply_fill_through_the_services_keep_every_rule(team, specs):
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "prop.sqlite3")
        try:
            session = Session(db, today=lambda: MONDAY)
            team_id = _team(session, team)
            types = {r[0]: r[1] for r in db.execute("SELECT intensity, id FROM service_types")}
            for n, (day, start, length, heavy, lo, extra) in enumerate(specs):
                schedule.create_task(session, {"team_id": team_id, "title": f"任务{n}",
                                               "service_type_id": types["重" if heavy else "轻"]},
                                     Recurrence("once"), [Slot(time(start), time(start + length))],
                                     MONDAY + timedelta(days=day), MONDAY + timedelta(days=day), lo, lo + extra)
            proposals = assigning.propose_fill(session, team_id, MONDAY)
            assert assigning.apply_fill(session, proposals) == len(proposals)
            _assert_no_rule_broken(session, team_id)
        finally:
            db.close()


def _assert_no_rule_broken(session: Session, team_id: int) -> None:
    for view in schedule.week(session, MONDAY, team_id):
        assert view.filled <= view.max_people
        for row in assigning.assignments(session, view.id):
            found = assigning.check(session, view.id, row["volunteer_id"])
            assert set(found.hard) == {next(r for r in found.hard if "已经在这个班次" in r)}
    rows = session.db.execute(
        "SELECT a.volunteer_id, s.date, s.start_time, s.end_time FROM assignments a "
        "JOIN shifts s ON s.id = a.shift_id").fetchall()
    by_volunteer: dict[int, list[tuple]] = {}
    for vid, day, start, end in rows:
        by_volunteer.setdefault(vid, []).append((day, start, end))
    for slots in by_volunteer.values():
        assert not any(_overlap(a, b) for a, b in itertools.combinations(slots, 2))
