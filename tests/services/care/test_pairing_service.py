"""The pairing service on the demo community: propose, accept, reject, release, visits."""

from __future__ import annotations

from collections import Counter

import pytest

from volunteer_app.domain.risk import resident_risk
from volunteer_app.services.admin import settings
from volunteer_app.services.care import pairing
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.session import Actor, Session


def test_demo_has_active_released_pairs_and_late_visits(demo_session):
    db = demo_session.db
    states = dict(db.execute("SELECT state, count(*) FROM pairings GROUP BY state").fetchall())
    assert states["结对中"] >= 15 and states["已解除"] == 2
    visits = db.execute("SELECT count(*) FROM visits").fetchone()[0]
    records = db.execute("SELECT count(*) FROM service_records WHERE source = '探访'").fetchone()[0]
    assert visits > 100 and records == visits
    late = pairing.late_list(demo_session)
    assert late and all(r["days_late"] > 0 for r in late)
    assert [r["days_late"] for r in late] == sorted((r["days_late"] for r in late), reverse=True)
    proposal = pairing.propose(demo_session)
    assert len(proposal.result.unmatched) > 20   # more seniors than places: a real list


def test_proposal_respects_capacity_and_keeps_active_pairs(demo_session):
    db = demo_session.db
    db.execute("UPDATE pairings SET state = '已解除' WHERE state = '结对中'")
    first = pairing.propose(demo_session).result
    assert first.stranded_matched > 0
    pairing.accept(demo_session, first.pairs[:5])
    second = pairing.propose(demo_session).result
    kept = {p.resident_id for p in first.pairs[:5]}
    assert not kept & {p.resident_id for p in second.pairs}
    assert not kept & {u.resident_id for u in second.unmatched}
    pairing.accept(demo_session, second.pairs)
    taken = Counter(r[0] for r in db.execute(
        "SELECT volunteer_id FROM pairings WHERE state = '结对中'"))
    for helper_id, count in taken.items():
        assert count <= demo_session.row("volunteers", helper_id)["helper_capacity"]
    assert pairing.propose(demo_session).result.pairs == []
    with pytest.raises(pairing.PairingError, match="已经有结对帮手|达到可结对人数"):
        pairing.accept(demo_session, first.pairs[:1])


def test_reject_with_do_not_repeat_is_never_proposed_again(demo_session):
    pair = pairing.propose(demo_session).result.pairs[0]
    pairing.reject(demo_session, pair, do_not_repeat=True, reason="老人不愿意")
    again = pairing.propose(demo_session).result
    assert (pair.helper_id, pair.resident_id) not in {(p.helper_id, p.resident_id) for p in again.pairs}
    audit = demo_session.db.execute("SELECT count(*) FROM audit_log WHERE action = '拒绝结对建议'")
    assert audit.fetchone()[0] == 1


def test_release_needs_a_reason_and_frees_the_place(demo_session):
    active = pairing.active_pairs(demo_session)[0]
    with pytest.raises(pairing.PairingError, match="原因"):
        pairing.release(demo_session, active["id"], "  ")
    pairing.release(demo_session, active["id"], "老人随子女搬走")
    row = demo_session.row("pairings", active["id"])
    assert row["state"] == "已解除" and row["end_reason"] == "老人随子女搬走"
    assert row["ended_on"] == demo_session.today().isoformat()
    with pytest.raises(pairing.PairingError):
        pairing.release(demo_session, active["id"], "再次")


def test_cadence_follows_risk_and_settings(demo_session):
    """Weekly, monthly, quarterly by the resident's tier today (domain/risk.py)."""
    rule, today = settings.housing_rule(demo_session), demo_session.today()

    def tiers() -> dict[int, str]:
        return {r["id"]: resident_risk(demo_session.row("residents", r["resident_id"]), rule, today)
                for r in pairing.active_pairs(demo_session)}

    rows = pairing.active_pairs(demo_session)
    days = {"高": 7, "重点": 30, "一般": 90}
    assert {tiers()[r["id"]] for r in rows} >= {"高", "一般"}
    for row in rows:
        assert row["every_days"] == days[tiers()[row["id"]]]
    settings.put(demo_session, "visits.days_high", 5)
    assert {r["every_days"] for r in pairing.active_pairs(demo_session)
            if tiers()[r["id"]] == "高"} == {5}


def test_a_logged_visit_makes_a_record_and_clears_lateness(demo_session):
    late = pairing.late_list(demo_session)[0]
    visit_id, record_id = pairing.log_visit(demo_session, late["id"], {
        "visited_on": demo_session.today().isoformat(), "start_time": "9:30", "minutes": 90,
        "mode": "上门", "done": "陪同去医院复查", "health": "血压正常", "problem": "水龙头漏水"})
    record = demo_session.row("service_records", record_id)
    assert record["visit_id"] == visit_id and record["source"] == "探访"
    assert record["hours"] == 1.5 and record["volunteer_id"] == late["volunteer_id"]
    assert record["start_time"] == "09:30" and record["end_time"] == "11:00"
    assert late["id"] not in {r["id"] for r in pairing.late_list(demo_session)}
    assert demo_session.row("visits", visit_id)["problem"] == "水龙头漏水"


def test_bad_visits_are_refused_with_reasons(demo_session):
    pairing_id = pairing.active_pairs(demo_session)[0]["id"]
    before = demo_session.db.execute("SELECT count(*) FROM visits").fetchone()[0]
    with pytest.raises(pairing.PairingError) as error:
        pairing.log_visit(demo_session, pairing_id, {"visited_on": "2027-01-01", "minutes": 2,
                                                     "mode": "写信"})
    text = str(error.value)
    assert "今天之后" in text and "5到480分钟" in text and "上门、电话、视频" in text
    assert before == demo_session.db.execute("SELECT count(*) FROM visits").fetchone()[0]


def test_permissions_are_checked(demo_session):
    captain = Session(demo_session.db, Actor(1, "队长甲", Role.CAPTAIN, frozenset({1})),
                      today=demo_session.today)
    with pytest.raises(PermissionDenied, match="结对管理"):
        pairing.propose(captain)
    supervisor = Session(demo_session.db, Actor(2, "督导乙", Role.SUPERVISOR),
                         today=demo_session.today)
    pairing_id = pairing.active_pairs(demo_session)[0]["id"]
    with pytest.raises(PermissionDenied, match="探访记录"):
        pairing.log_visit(supervisor, pairing_id, {"visited_on": "2026-11-27", "minutes": 30})


def test_a_captain_logs_visits_only_for_helpers_of_own_team(demo_session):
    db = demo_session.db
    pairs = pairing.active_pairs(demo_session)
    own = next(p for p in pairs if p["team_ids"] == [2])
    teamless = next(p for p in pairs if not p["team_ids"])
    visit = {"visited_on": "2026-11-27", "minutes": 30}

    def captain_of(*teams: int) -> Session:
        return Session(db, Actor(1, "队长甲", Role.CAPTAIN, frozenset(teams)), today=demo_session.today)

    before = db.execute("SELECT count(*) FROM visits").fetchone()[0]
    for captain, pair in ((captain_of(1), own), (captain_of(2), teamless)):
        assert not pairing.may_log_visit(captain, pair)
        with pytest.raises(PermissionDenied, match="只能为自己带领的队伍的队员登记探访"):
            pairing.log_visit(captain, pair["id"], visit)
    assert db.execute("SELECT count(*) FROM visits").fetchone()[0] == before
    assert pairing.may_log_visit(captain_of(2), own)
    visit_id, record_id = pairing.log_visit(captain_of(2), own["id"], visit)
    assert demo_session.row("service_records", record_id)["visit_id"] == visit_id
    assert pairing.may_log_visit(demo_session, teamless)   # staff and scripts: any pair
    pairing.log_visit(demo_session, teamless["id"], visit)
