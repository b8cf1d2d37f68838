"""发布预警 on the demo community: the roll-call each type's rule selects and its order, who
calls whom, a higher level upgrading while anything else refuses, two starts at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import datetime, time
from pathlib import Path

import pytest
from conftest import TODAY
from start_world import community_id, count, expected_roll, roll

from volunteer_app.domain.weather import AlertLevel, AlertType
from volunteer_app.services.admin import users
from volunteer_app.services.alerts import start as starting
from volunteer_app.services.alerts.access import AlertError
from volunteer_app.services.alerts.start import StartRequest, start
from volunteer_app.services.permissions import PermissionDenied
from volunteer_app.services.session import Session

ROOT = Path(__file__).resolve().parents[3]
NOON = datetime.combine(TODAY, time(12))
MINGCHUN = "明春苑社区"


def snow(level=AlertLevel.ORANGE, **more) -> StartRequest:
    return StartRequest(AlertType.SNOW, level, **more)


# -- the roll-call -----------------------------------------------------------------------

def test_snow_roll_call_is_everyone_the_rule_selects_with_stranded_first(demo_session):
    s = demo_session
    archived = next(iter(expected_roll(s, AlertType.SNOW)))
    s.db.execute("UPDATE residents SET archived_at = '2026-11-01T00:00:00' WHERE id = ?", [archived])
    outcome = start(s, snow())
    rows = roll(s, outcome.alert_id)
    want = expected_roll(s, AlertType.SNOW)
    assert archived not in want and len(want) > 200
    assert {r["resident_id"]: r["reasons"] for r in rows} == want
    assert outcome.roll_count == outcome.added == len(rows) and not outcome.upgraded
    assert [r["position"] for r in rows] == list(range(len(rows)))
    stranded = [r["stranded"] for r in rows]
    assert stranded == sorted(stranded, reverse=True) and 0 < sum(stranded) < len(rows)
    assert all(r["reasons"][0] == "悬空老人" for r in rows if r["stranded"])
    assert {r["risk_level"] for r in rows if r["stranded"]} == {"高"}
    assert {r["added_at"] for r in rows} == {NOON.isoformat()}
    assert {r["state"] for r in rows} == {"待联系"}


def test_other_types_order_by_tier_not_stranded_first(demo_session):
    s = demo_session
    outcome = start(s, StartRequest(AlertType.COLD, AlertLevel.BLUE))
    rows = roll(s, outcome.alert_id)
    assert set(r["resident_id"] for r in rows) == set(expected_roll(s, AlertType.COLD))
    tiers = [{"高": 0, "重点": 1, "一般": 2}[r["risk_level"]] for r in rows]
    assert tiers == sorted(tiers)
    assert [r["stranded"] for r in rows] != sorted((r["stranded"] for r in rows), reverse=True)


def test_heat_adds_chronic_illness(demo_session):
    s = demo_session
    s.db.execute("UPDATE residents SET chronic_illness = 0, power_dependent = 0")   # whatever the demo says
    young = [r[0] for r in s.db.execute(
        "SELECT id FROM residents WHERE birth_date > '1970-01-01' AND lives_alone = 0 AND archived_at IS NULL "
        "AND serious_illness = 0 AND dementia = 0 ORDER BY id LIMIT 3")]
    s.db.execute(f"UPDATE residents SET chronic_illness = 1 WHERE id IN ({', '.join(map(str, young))})")
    cold = starting.preview(s, AlertType.COLD)
    outcome = start(s, StartRequest(AlertType.HEAT, AlertLevel.YELLOW))
    rows = {r["resident_id"]: r for r in roll(s, outcome.alert_id)}
    assert all(rows[rid]["reasons"] == ["慢性病"] for rid in young)
    assert set(rows) == set(expected_roll(s, AlertType.HEAT))
    assert outcome.roll_count == cold["roll_count"] + len(young)
    assert outcome.task_ids == [] and outcome.shift_count == 0     # 高温 has no duty template


def test_the_rule_is_a_setting(demo_session):
    s = demo_session
    from volunteer_app.services.admin import settings
    settings.put(s, "alerts.select.暴雪", "依赖电力或氧气")
    s.db.execute("UPDATE residents SET power_dependent = 0")
    s.db.execute("UPDATE residents SET power_dependent = 1 WHERE id IN (1, 2)")
    rows = roll(s, start(s, snow()).alert_id)
    assert [r["resident_id"] for r in rows] and {r["resident_id"] for r in rows} == {1, 2}


# -- who calls whom ------------------------------------------------------------------------

def _facts(s: Session, resident_id: int) -> tuple:
    helper = s.db.execute("SELECT p.volunteer_id FROM pairings p JOIN volunteers v ON v.id = p.volunteer_id "
                          "WHERE p.resident_id = ? AND p.state = '结对中' AND v.status = '在册'",
                          [resident_id]).fetchone()
    return (helper[0] if helper else None), s.row("residents", resident_id)


def test_helper_then_responsible_then_the_least_loaded_staff_of_the_community(demo_session):
    s = demo_session
    rows = roll(s, start(s, snow()).alert_id)
    staff = {}
    for vid, community in s.db.execute("SELECT id, community_id FROM volunteers WHERE is_staff = 1"):
        staff.setdefault(community, set()).add(vid)
    load = Counter(r["caller_id"] for r in rows)
    roles = Counter(r["caller_role"] for r in rows)
    assert roles["结对帮手"] and roles["包户人"] and roles["值班工作人员"]
    for r in rows:
        helper, resident = _facts(s, r["resident_id"])
        if helper is not None:
            assert (r["caller_id"], r["caller_role"]) == (helper, "结对帮手")
        elif resident["responsible_volunteer_id"] is not None:
            assert (r["caller_id"], r["caller_role"]) == (resident["responsible_volunteer_id"], "包户人")
        else:
            own = staff.get(resident["community_id"]) or set().union(*staff.values())
            assert r["caller_role"] == "值班工作人员" and r["caller_id"] in own
            # spread evenly: whoever got a duty resident had no more than the least loaded + 1
            assert load[r["caller_id"]] <= min(load[v] for v in own) + 1


def test_a_paused_helper_or_responsible_does_not_call(demo_session):
    s = demo_session
    helper, resident = s.db.execute("SELECT volunteer_id, resident_id FROM pairings WHERE state = '结对中' "
                                    "ORDER BY id LIMIT 1").fetchone()
    s.db.execute("UPDATE volunteers SET status = '暂停' WHERE id = ?", [helper])
    s.db.execute("UPDATE residents SET responsible_volunteer_id = NULL, risk_level = '高', "
                 "cannot_use_stairs = 1 WHERE id = ?", [resident])
    row = next(r for r in roll(s, start(s, snow()).alert_id) if r["resident_id"] == resident)
    assert row["caller_role"] == "值班工作人员" and row["caller_id"] != helper


def test_the_chosen_staff_on_duty_calls_everyone_without_helper_or_responsible(demo_session):
    s = demo_session
    staff = s.db.execute("SELECT id FROM volunteers WHERE is_staff = 1 ORDER BY id LIMIT 1").fetchone()[0]
    rows = roll(s, start(s, snow(duty_staff_id=staff)).alert_id)
    duty = {r["caller_id"] for r in rows if r["caller_role"] == "值班工作人员"}
    assert duty == {staff}


def test_a_duty_person_who_is_not_current_staff_is_refused(demo_session):
    s = demo_session
    volunteer = s.db.execute("SELECT id, name FROM volunteers WHERE is_staff = 0 LIMIT 1").fetchone()
    with pytest.raises(AlertError, match=f"“{volunteer[1]}”不是在册的社区工作者"):
        start(s, snow(duty_staff_id=volunteer[0]))
    assert count(s, "alerts") == 0


def test_with_no_staff_at_all_the_rest_have_no_caller_and_a_warning_says_how_many(demo_session):
    s = demo_session
    s.db.execute("UPDATE volunteers SET is_staff = 0")
    outcome = start(s, snow())
    rows = roll(s, outcome.alert_id)
    nobody = [r for r in rows if r["caller_id"] is None]
    assert nobody and all(r["caller_role"] == "" for r in nobody)
    assert len(nobody) == len(rows) - sum(r["caller_role"] == "结对帮手" for r in rows)
    assert f"没有在册的社区工作者，{len(nobody)}位居民没有指定联系人。" in outcome.warnings


# -- the warning itself, upgrades and refusals -------------------------------------------------

def test_start_writes_the_warning_its_communities_event_and_audit(demo_session):
    s = demo_session
    outcome = start(s, snow(until=datetime(2026, 11, 30, 18), notice="区气象台发布暴雪橙色预警"))
    alert = s.row("alerts", outcome.alert_id)
    assert (alert["type"], alert["level"], alert["started_at"], alert["until"]) == (
        "暴雪", "橙色", "2026-11-28T12:00:00", "2026-11-30T18:00:00")
    assert alert["notice"] == "区气象台发布暴雪橙色预警" and alert["closed_at"] is None
    assert count(s, "alert_communities") == count(s, "communities")
    events = list(s.db.query("SELECT kind, detail FROM alert_events WHERE alert_id = ?", [outcome.alert_id]))
    assert [e["kind"] for e in events] == ["发布"] and f"点名{outcome.roll_count}人" in events[0]["detail"]
    audit = s.db.execute("SELECT after FROM audit_log WHERE action = '发布预警' AND entity_id = ?",
                         [outcome.alert_id]).fetchone()
    assert json.loads(audit[0])["roll_count"] == outcome.roll_count


def test_a_higher_level_of_the_same_type_upgrades_and_tops_up_the_list(demo_session):
    s = demo_session
    first = start(s, snow(AlertLevel.YELLOW, community_ids=[community_id(s, MINGCHUN)]))
    before = roll(s, first.alert_id)
    newcomer = s.db.execute(
        "SELECT id FROM residents WHERE community_id = ? AND lives_alone = 0 AND birth_date > '1960-01-01' "
        "AND serious_illness = 0 AND dementia = 0 AND power_dependent = 0 AND archived_at IS NULL LIMIT 1",
        [community_id(s, MINGCHUN)]).fetchone()[0]
    s.db.execute("UPDATE residents SET lives_alone = 1 WHERE id = ?", [newcomer])
    later = datetime.combine(TODAY, time(15, 30))
    second = start(s, snow(AlertLevel.RED, started_at=later, community_ids=[community_id(s, MINGCHUN)]))
    assert (second.alert_id, second.upgraded, second.added) == (first.alert_id, True, 1)
    assert second.roll_count == len(before) + 1
    after = roll(s, first.alert_id)
    assert after[:-1] == before                        # nobody already on it was touched
    assert (after[-1]["resident_id"], after[-1]["added_at"]) == (newcomer, later.isoformat())
    assert after[-1]["reasons"] == ["独居"] and after[-1]["position"] == len(before)
    assert s.row("alerts", first.alert_id)["level"] == "红色"
    assert [e[0] for e in s.db.execute("SELECT detail FROM alert_events WHERE kind = '升级'")] == [
        "黄色→红色，新增点名1人"]
    assert count(s, "alerts") == 1


def test_an_upgrade_naming_more_communities_takes_them_in(demo_session):
    s = demo_session
    first = start(s, snow(AlertLevel.YELLOW, community_ids=[community_id(s, MINGCHUN)]))
    second = start(s, snow(AlertLevel.ORANGE))
    assert second.alert_id == first.alert_id and second.upgraded
    assert {r["resident_id"] for r in roll(s, first.alert_id)} == set(expected_roll(s, AlertType.SNOW))
    assert count(s, "alert_communities") == count(s, "communities")


@pytest.mark.parametrize("kind, level", [(AlertType.SNOW, AlertLevel.YELLOW), (AlertType.SNOW, AlertLevel.BLUE),
                                         (AlertType.RAIN, AlertLevel.RED)])
def test_anything_but_a_higher_level_of_the_same_type_is_refused_naming_the_open_one(demo_session, kind, level):
    s = demo_session
    start(s, snow(AlertLevel.YELLOW, started_at=datetime(2026, 11, 28, 8), community_ids=[community_id(s, MINGCHUN)]))
    tables = {t: count(s, t) for t in ("alerts", "alert_roll", "alert_events", "alert_communities", "tasks")}
    with pytest.raises(AlertError) as refused:
        start(s, StartRequest(kind, level))
    assert str(refused.value) == "明春苑社区已有进行中的暴雪黄色预警（11月28日08:00发布），请先解除或升级。"
    assert {t: count(s, t) for t in tables} == tables


def test_another_community_may_have_its_own_warning(demo_session):
    s = demo_session
    start(s, snow(community_ids=[community_id(s, MINGCHUN)]))
    other = start(s, StartRequest(AlertType.WIND, AlertLevel.BLUE, community_ids=[community_id(s, "新发地村")]))
    assert not other.upgraded and count(s, "alerts") == 2


def test_bad_requests_are_refused_in_chinese(demo_session):
    s = demo_session
    with pytest.raises(AlertError, match="找不到编号为999的社区"):
        start(s, snow(community_ids=[999]))
    with pytest.raises(AlertError, match="请至少选择一个社区"):
        start(s, snow(community_ids=[]))
    with pytest.raises(AlertError, match="预计结束时间11月28日10:00应晚于发布时间11月28日12:00"):
        start(s, snow(until=datetime(2026, 11, 28, 10)))
    assert count(s, "alerts") == 0


def test_only_staff_start_a_warning(demo_session):
    for login in ("supervisor", "captain", "admin"):
        actor = users.authenticate(demo_session.db, login, f"{login}2026")
        with pytest.raises(PermissionDenied):
            start(Session(demo_session.db, actor, today=lambda: TODAY), snow())
    staff = users.authenticate(demo_session.db, "staff", "staff2026")
    outcome = start(Session(demo_session.db, staff, today=lambda: TODAY), snow())
    assert s_row(demo_session, outcome.alert_id)["created_by"] == staff.user_id


def s_row(s: Session, alert_id: int) -> dict:
    return s.row("alerts", alert_id)


# -- two at once -----------------------------------------------------------------------------

def test_the_unique_index_refuses_a_warning_the_check_did_not_see(demo_session, monkeypatch):
    """Another PC's warning committed between the check and the insert (the check is made
    blind here): the index refuses, in Chinese, and nothing of the second is kept."""
    s = demo_session
    first = start(s, snow(AlertLevel.RED, community_ids=[community_id(s, MINGCHUN)]))
    tables = {t: count(s, t) for t in ("alerts", "alert_roll", "alert_events", "alert_communities")}
    real, calls = starting._open_in, []

    def blind_once(session, ids):
        calls.append(ids)
        return [] if len(calls) == 1 else real(session, ids)
    monkeypatch.setattr(starting, "_open_in", blind_once)
    with pytest.raises(AlertError, match="明春苑社区已有进行中的暴雪红色预警"):
        start(s, StartRequest(AlertType.RAIN, AlertLevel.BLUE))
    assert {t: count(s, t) for t in tables} == tables
    assert s.row("alerts", first.alert_id)["level"] == "红色"


def test_two_processes_starting_at_once_make_one_warning_and_one_clean_refusal(demo_session):
    path = demo_session.path
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(ROOT / "main.py"), "alert", "start", "--type", "暴雪", "--level", "橙色",
               "--db", path]
    runs = [subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    results = sorted((p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in runs)
    for p in runs:
        p.stdout.close()
        p.stderr.close()
    (ok, out, _), (refused, _, err) = results
    assert (ok, refused) == (0, 1), results
    assert out.startswith("已发布暴雪橙色预警")
    assert len(err.strip().splitlines()) == 1 and "已有进行中的暴雪橙色预警" in err and "Traceback" not in err
    s = demo_session
    assert count(s, "alerts") == 1
    alert_id = s.db.execute("SELECT id FROM alerts").fetchone()[0]
    assert {r[0] for r in s.db.execute("SELECT DISTINCT alert_id FROM alert_roll")} == {alert_id}
    assert [r[0] for r in s.db.execute("SELECT kind FROM alert_events")] == ["发布"]
    assert count(s, "alert_roll") > 200     # the subprocesses' clock is the real one: ages may differ
