"""A resident's published row holds fields derived from other rows (covered, 未覆盖, next
visit due) and from settings (tier, 悬空): every change that moves one enqueues the resident,
and the published values are the app's own (the 居民 filter's 未覆盖, the visit list's due
date, the 悬空 rule), never a second reckoning."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import TODAY
from street_outbox_world import emptied, queued, uid_of

from volunteer_app.domain.risk import risk_sql
from volunteer_app.services.admin import settings
from volunteer_app.services.care import coverage, pairing, visit_list
from volunteer_app.services.street import outbox


@pytest.fixture
def street_demo(full_demo_session):
    """The whole demo (last winter's warning included), nothing waiting to be published."""
    return emptied(full_demo_session)


def residents_queued(session) -> set[str]:
    return {uid for _, uid, _ in queued(session, "residents")}


def published_resident(session, resident_id: int) -> dict:
    uid = uid_of(session, "residents", resident_id)
    return outbox.row_data(session, "residents", [uid], None, TODAY)[uid]


def _active_pair(session) -> dict:
    """An active pair whose resident has no 包户人: the pair alone covers them."""
    pair_id, resident_id = session.db.execute(
        "SELECT x.id, x.resident_id FROM pairings x JOIN residents r ON r.id = x.resident_id "
        "WHERE x.state = '结对中' AND r.responsible_volunteer_id IS NULL ORDER BY x.id").fetchone()
    return {"id": pair_id, "resident_id": resident_id}


def test_ending_a_pair_enqueues_its_resident_who_is_no_longer_covered(street_demo):
    pair = _active_pair(street_demo)
    assert published_resident(street_demo, pair["resident_id"])["covered"] is True
    pairing.release(street_demo, pair["id"], "帮手搬家")
    assert uid_of(street_demo, "residents", pair["resident_id"]) in residents_queued(street_demo)
    after = published_resident(street_demo, pair["resident_id"])
    assert after["covered"] is False
    assert after["uncovered"] is (after["risk_level"] in ("高", "重点"))


def test_a_new_pair_and_a_deleted_one_enqueue_their_resident(street_demo):
    pair = _active_pair(street_demo)
    uid = uid_of(street_demo, "residents", pair["resident_id"])
    with street_demo.write("pairings"):
        # its visits stay, as a staff member's would: not a change of the resident's visits
        street_demo.db.execute("UPDATE visits SET pairing_id = NULL WHERE pairing_id = ?", [pair["id"]])
        assert residents_queued(street_demo) == set()
        street_demo.db.execute("DELETE FROM pairings WHERE id = ?", [pair["id"]])
    assert residents_queued(street_demo) == {uid}
    with street_demo.write("pairings"):
        street_demo.db.execute(
            "INSERT INTO pairings (uid, volunteer_id, resident_id, state, started_on, created_at) "
            "SELECT 'p-new', volunteer_id, ?, '结对中', ?, '2026-11-28T09:00:00' FROM pairings LIMIT 1",
            [pair["resident_id"], TODAY.isoformat()])
    assert [op for _, u, op in queued(street_demo, "residents") if u == uid] == ["upsert", "upsert"]


def test_moving_a_pair_to_another_resident_enqueues_both(street_demo):
    pair = _active_pair(street_demo)
    other = street_demo.db.execute("SELECT id FROM residents WHERE id <> ? ORDER BY id LIMIT 1",
                                   [pair["resident_id"]]).fetchone()[0]
    with street_demo.write("pairings"):
        street_demo.db.execute("UPDATE pairings SET resident_id = ? WHERE id = ?", [other, pair["id"]])
    assert residents_queued(street_demo) == {uid_of(street_demo, "residents", i) for i in (pair["resident_id"], other)}


def test_a_visit_enqueues_its_resident_and_moves_the_due_date(street_demo):
    pair = _active_pair(street_demo)
    before = published_resident(street_demo, pair["resident_id"])["visit_due"]
    visit_id, _ = pairing.log_visit(street_demo, pair["id"], {"visited_on": TODAY.isoformat(),
                                                              "minutes": 30, "mode": "上门"})
    uid = uid_of(street_demo, "residents", pair["resident_id"])
    assert residents_queued(street_demo) == {uid}
    after = published_resident(street_demo, pair["resident_id"])["visit_due"]
    assert after > before and after == (TODAY + timedelta(days=7)).isoformat()   # 结对: 80+, weekly
    street_demo.db.execute("DELETE FROM street_outbox")
    with street_demo.write("visits"):
        street_demo.db.execute("DELETE FROM service_records WHERE visit_id = ?", [visit_id])
        street_demo.db.execute("DELETE FROM visits WHERE id = ?", [visit_id])
    assert residents_queued(street_demo) == {uid}
    assert published_resident(street_demo, pair["resident_id"])["visit_due"] == before


def test_a_responsible_worker_covers_an_uncovered_resident(street_demo):
    rows = outbox.row_data(street_demo, "residents", outbox.all_uids(street_demo, "residents"), None, TODAY)
    uid = next(u for u, data in rows.items() if data["uncovered"] and not data["archived"])
    resident_id = street_demo.db.execute("SELECT id FROM residents WHERE uid = ?", [uid]).fetchone()[0]
    worker = street_demo.db.execute("SELECT id FROM volunteers WHERE is_staff = 1 AND status = '在册' "
                                    "AND archived_at IS NULL").fetchone()[0]
    coverage.assign(street_demo, [resident_id], worker)
    assert residents_queued(street_demo) == {uid}
    after = published_resident(street_demo, resident_id)
    assert (after["covered"], after["uncovered"]) == (True, False)
    assert after["visit_due"] is not None


def test_closing_a_warning_or_its_visit_due_enqueues_the_residents_owed_a_visit(street_demo):
    owed = {uid for (uid,) in street_demo.db.execute(
        "SELECT DISTINCT r.uid FROM alert_roll o JOIN residents r ON r.id = o.resident_id "
        "WHERE o.visit_due_by IS NOT NULL")}
    assert owed
    with street_demo.write("alerts"):
        street_demo.db.execute("UPDATE alerts SET closed_at = NULL")
    assert residents_queued(street_demo) == owed
    street_demo.db.execute("DELETE FROM street_outbox")
    roll_id, resident_id = street_demo.db.execute(
        "SELECT id, resident_id FROM alert_roll WHERE visit_due_by IS NOT NULL").fetchone()
    with street_demo.write("alert_roll"):
        street_demo.db.execute("UPDATE alert_roll SET visit_due_by = NULL WHERE id = ?", [roll_id])
    assert residents_queued(street_demo) == {uid_of(street_demo, "residents", resident_id)}


@pytest.mark.parametrize(("key", "value"), [("housing.floor_threshold", 3), ("housing.elder_age", 65),
                                            ("visits.days_high", 14), ("visits.days_general", 60)])
def test_a_setting_of_the_tier_or_the_cadence_enqueues_every_resident(street_demo, key, value):
    settings.put(street_demo, key, value)
    assert residents_queued(street_demo) == set(outbox.all_uids(street_demo, "residents"))
    street_demo.db.execute("DELETE FROM street_outbox")
    settings.put(street_demo, "certificate.leader", "王主任")
    assert queued(street_demo) == []


def test_published_figures_are_the_apps_own(street_demo):
    """未覆盖 as the 居民 filter and the 工作台 count it, 悬空 and the tier by their SQL form,
    the due date as the visit list gives it."""
    rows = outbox.row_data(street_demo, "residents", outbox.all_uids(street_demo, "residents"), None, TODAY)
    current = {u: d for u, d in rows.items() if not d["archived"]}
    assert sum(d["uncovered"] for d in current.values()) == coverage.uncovered_count(street_demo) > 0
    rule = settings.housing_rule(street_demo)
    stranded, params = rule.sql(TODAY, "r")
    tier, tier_params = risk_sql(rule, TODAY, "r")
    expected = {uid: (bool(s), level) for uid, s, level in street_demo.db.execute(
        f"SELECT r.uid, {stranded}, {tier} FROM residents r", [*params, *tier_params])}
    assert {u: (d["stranded"], d["risk_level"]) for u, d in rows.items()} == expected
    assert any(d["stranded"] for d in current.values())
    listed = {row["resident_id"]: row["due_on"] for row in visit_list.visit_list(street_demo)}
    uids = dict(street_demo.db.execute("SELECT id, uid FROM residents"))
    assert {uids[i]: due for i, due in listed.items() if due} == {
        u: d["visit_due"] for u, d in rows.items() if d["visit_due"]}
    assert all(d["covered"] is not d["uncovered"] or not d["covered"] for d in rows.values())
