"""Coverage through the services: paired, staff-covered (包户) and uncovered residents, each
late by their own tier's cadence; a 包户人 must be a current community worker; a staff visit
is logged by staff (never a captain) and clears the lateness."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import TODAY

from volunteer_app.services.care import coverage, pairing, visit_list
from volunteer_app.services.people import residents, volunteers
from volunteer_app.services.people.residents import ResidentQuery
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.session import Actor, Session

AGREED = {"consent_visit": True, "consent_date": "2026-01-05"}     # to visits and pairs
THURSDAY = "2026-11-26"     # a weekday: a worker's visit in office hours is duty, not stars


def day(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).isoformat()


@pytest.fixture
def community(session):
    """A worker, a volunteer (not staff), an 80后 helper, and residents of every tier, all in
    one community (匹配 pairs only inside a community)."""
    stamp = "2026-01-01T00:00:00"
    community_id = session.db.table("communities").insert(
        {"uid": "c-gaolizhuang", "name": "高立庄社区", "created_at": stamp}).last_pk
    place_id = session.db.table("places").insert(
        {"uid": "p-gaolizhuang", "community_id": community_id, "name": "高立庄", "created_at": stamp}).last_pk
    home = {"community_id": community_id, "place_id": place_id}
    people = {
        "worker": volunteers.add(session, {"name": "梁晓燕", "birth_date": "1987-05-01",
                                           "gender": "女", "is_staff": True, "helper_capacity": 0}),
        "volunteer": volunteers.add(session, {"name": "钱大伟", "birth_date": "1960-02-01",
                                              "gender": "男", "helper_capacity": 0}),
        "helper": volunteers.add(session, {"name": "郑凯", "birth_date": "1985-03-02", "gender": "男",
                                           "helper_capacity": 1, **home}),
    }

    def resident(name: str, **facts) -> int:
        return residents.add(session, {"name": name, "gender": "女", "floor": "1",
                                       "birth_date": "1950-06-01", **home, **facts})

    people |= {
        "paired": resident("韩秀英", birth_date="1932-01-01", lives_alone=True, **AGREED),
        "staff_late": resident("冯桂兰", dementia=True, **AGREED),        # high: weekly
        "staff_ok": resident("曹玉珍", disabled=True, **AGREED),          # priority: monthly
        "uncovered": resident("彭淑芬", hardship=True),                  # priority, nobody
        "general": resident("袁建华"),                                   # general: not listed
        "archived": resident("蒋德明", serious_illness=True),
    }
    residents.archive(session, people["archived"], "迁出")
    proposal = pairing.propose(session)
    [pair] = proposal.result.pairs
    assert (pair.helper_id, pair.resident_id) == (people["helper"], people["paired"])
    pairing.accept(session, [pair])
    session.db.execute("UPDATE pairings SET started_on = ?", [day(40)])
    assert coverage.assign(session, [people["staff_late"], people["staff_ok"]], people["worker"]) == 2
    session.db.execute("UPDATE residents SET responsible_since = ? WHERE responsible_volunteer_id "
                       "IS NOT NULL", [day(60)])
    return people


def _visit(session, resident_id: int, days_ago: int) -> None:
    visit_list.log_staff_visit(session, resident_id, {"visited_on": day(days_ago), "minutes": 15,
                                                      "mode": "电话"})


def test_the_visit_list_shows_each_resident_covered_or_not_late_by_own_cadence(session, community):
    _visit(session, community["staff_late"], 10)      # weekly: three days late
    _visit(session, community["staff_ok"], 20)        # monthly: due in ten days
    rows = {r["id"]: r for r in visit_list.visit_list(session)}
    assert set(rows) == {community[k] for k in ("paired", "staff_late", "staff_ok", "uncovered")}
    paired, late, ok, nobody = (rows[community[k]] for k in ("paired", "staff_late", "staff_ok", "uncovered"))
    assert (paired["coverage"], paired["visitor"], paired["every_days"]) == ("结对", "郑凯", 7)
    assert paired["days_late"] == 40 - 7              # never visited since the pair began
    assert (late["coverage"], late["visitor"], late["every_days"], late["days_late"]) == ("包户", "梁晓燕", 7, 3)
    assert (ok["coverage"], ok["every_days"], ok["days_late"], ok["due_on"]) == ("包户", 30, 0, day(-10))
    assert (nobody["coverage"], nobody["risk_level"], nobody["visitor"]) == ("未覆盖", "重点", "")
    late_ids = [r["id"] for r in visit_list.late_list(session)]
    assert late_ids == [community["uncovered"], community["paired"], community["staff_late"]]
    assert coverage.uncovered_count(session) == 1
    assert [r["id"] for r in residents.page(session, ResidentQuery(only_uncovered=True), 0, 10)] == [
        community["uncovered"]]


def test_a_later_cadence_setting_changes_who_is_late(session, community):
    from volunteer_app.services.admin import settings

    _visit(session, community["staff_late"], 10)
    settings.put(session, "visits.days_high", 14)
    late_ids = {r["id"] for r in visit_list.late_list(session)}
    assert community["staff_late"] not in late_ids and community["paired"] in late_ids


def test_a_responsible_staff_member_must_be_a_current_community_worker(session, community):
    with pytest.raises(coverage.CoverageError, match="“钱大伟”不是在册的社区工作者"):
        coverage.assign(session, [community["uncovered"]], community["volunteer"])
    form = residents.validate(session, {"name": "彭淑芬", "birth_date": "1950-06-01", "gender": "女",
                                        "responsible_volunteer_id": community["volunteer"]})
    assert "社区工作者" in form.errors["responsible_volunteer_id"]
    assert coverage.uncovered_count(session) == 1
    residents.update(session, community["uncovered"], {
        "name": "彭淑芬", "birth_date": "1950-06-01", "gender": "女",
        "responsible_volunteer_id": community["worker"]})
    row = session.row("residents", community["uncovered"])
    assert (row["responsible_volunteer_id"], row["responsible_since"]) == (community["worker"], TODAY.isoformat())
    assert coverage.uncovered_count(session) == 0
    assert [s["name"] for s in coverage.staff_members(session)] == ["梁晓燕"]


def test_staff_log_a_visit_of_a_staff_covered_resident_and_captains_may_not(session, community):
    target = community["staff_late"]
    captain = Session(session.db, Actor(9, "队长甲", Role.CAPTAIN, frozenset({1})), today=lambda: TODAY)
    supervisor = Session(session.db, Actor(8, "督导乙", Role.SUPERVISOR), today=lambda: TODAY)
    row = next(r for r in visit_list.visit_list(session) if r["id"] == target)
    assert visit_list.may_log_visit(session, row) and not visit_list.may_log_visit(captain, row)
    with pytest.raises(PermissionDenied, match="包户居民的探访由社区工作者登记"):
        visit_list.log_staff_visit(captain, target, {"visited_on": THURSDAY, "minutes": 30})
    with pytest.raises(PermissionDenied, match="探访记录"):
        visit_list.log_staff_visit(supervisor, target, {"visited_on": THURSDAY, "minutes": 30})
    with pytest.raises(coverage.CoverageError, match="没有包户人"):
        visit_list.log_staff_visit(session, community["uncovered"], {"visited_on": THURSDAY, "minutes": 30})
    with pytest.raises(coverage.CoverageError, match="5到480分钟"):
        visit_list.log_staff_visit(session, target, {"visited_on": THURSDAY, "minutes": 1})
    assert session.db.execute("SELECT count(*) FROM visits").fetchone()[0] == 0

    staff = Session(session.db, Actor(7, "社工丙", Role.STAFF), today=lambda: TODAY)
    visit_id, record_id = visit_list.log_visit(staff, row, {
        "visited_on": THURSDAY, "start_time": "10:00", "minutes": 30, "mode": "上门", "done": "检查燃气"})
    visit = session.row("visits", visit_id)
    assert (visit["pairing_id"], visit["volunteer_id"], visit["resident_id"]) == (None, community["worker"], target)
    record = session.row("service_records", record_id)
    assert (record["activity"], record["source"], record["counts_for_stars"]) == ("包户探访", "探访", 0)
    assert target not in {r["id"] for r in visit_list.late_list(session)}
