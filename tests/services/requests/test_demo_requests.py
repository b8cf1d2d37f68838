"""The demo's six months of tickets: a real hot spot of the last 30 days, states that agree with
their times and events, dispatch to workers and teams, callbacks for older tickets, nothing
in the future, and the same tickets on every run."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time, timedelta

from conftest import TODAY

from volunteer_app.domain.requests import STEPS
from volunteer_app.services import demo
from volunteer_app.services.requests import hotspots
from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.store.connection import open_database

NOW = datetime.combine(TODAY, time(12, 0))      # the services' clock on a fixed day
TIMES = {"已签收": "signed_at", "已联系": "contacted_at", "已反馈": "feedback_at", "已办结": "closed_at"}


def _tickets(session):
    return list(session.db.query("SELECT * FROM requests ORDER BY id"))


def test_at_least_one_hot_spot_in_the_last_30_days(demo_session):
    since = (NOW - timedelta(days=30)).isoformat()
    groups = Counter((t["place_id"], t["building"], t["category"]) for t in _tickets(demo_session)
                     if t["received_at"] >= since)
    names = dict(demo_session.db.execute("SELECT id, name FROM places").fetchall())
    hot = {(names[p], b, c) for (p, b, c), n in groups.items() if n >= 3}
    assert ("明春苑垃圾分类驿站", "", "城乡建设/垃圾分类/垃圾桶满溢") in hot
    assert ("干休所大院", "3号楼", "城乡建设/物业管理/楼道灯不亮") in hot
    found = {(h.place_name, h.building, h.category) for h in hotspots.find(demo_session)}
    assert ("明春苑垃圾分类驿站", "", "城乡建设/垃圾分类/垃圾桶满溢") in found


def test_six_months_of_the_usual_topics(demo_session):
    tickets = _tickets(demo_session)
    months = {t["received_at"][:7] for t in tickets}
    assert len(months) >= 6 and len(tickets) >= 200
    topics = Counter(t["category"].split("/")[1] for t in tickets)
    assert {"物业管理", "垃圾分类", "噪声污染", "供暖", "停车管理"} <= set(topics)
    assert topics.most_common(1)[0][0] in ("物业管理", "垃圾分类")
    kinds = Counter(t["kind"] for t in tickets)
    assert 0 < kinds["紧急"] < len(tickets) / 10
    late = [t for t in tickets if (t["feedback_at"] or NOW.isoformat()) > t["due_at"]]
    assert 0 < len(late) < len(tickets) / 3
    assert any(t["status"] != "已办结" and t["due_at"] < NOW.isoformat() for t in tickets)


def test_states_agree_with_their_times_and_events(demo_session):
    events = {}
    for e in demo_session.db.query("SELECT * FROM request_events ORDER BY id"):
        events.setdefault(e["request_id"], []).append(e)
    for t in _tickets(demo_session):
        steps = events[t["id"]]
        ats = [e["at"] for e in steps]
        assert ats == sorted(ats) and ats[-1] <= NOW.isoformat(), t["ticket_no"]
        assert steps[0]["step"] == "待签收" and steps[0]["at"] >= t["received_at"]
        reached = STEPS.index(t["status"])
        for status, column in TIMES.items():
            assert (t[column] is not None) == (STEPS.index(status) <= reached or
                                               (status == "已反馈" and t["reopened"] > 0)), t["ticket_no"]
        if t["status"] == "已办结":
            assert t["closed_at"] and t["resolution"]
        last_step = [e["step"] for e in steps if e["step"] in STEPS][-1]
        assert last_step == t["status"] or (t["reopened"] and t["status"] == "办理中")
        assert (t["callback_at"] is not None) == any(e["step"] == "回访" for e in steps)
        if t["callback_at"]:
            assert t["status"] == "已办结" and t["source"] == "12345"


def test_dispatched_to_workers_and_teams_and_older_tickets_called_back(demo_session):
    db = demo_session.db
    tickets = _tickets(demo_session)
    staff = {r[0] for r in db.execute("SELECT id FROM volunteers WHERE is_staff = 1")}
    to_staff = [t for t in tickets if t["staff_id"]]
    assert len(to_staff) > len(tickets) / 2 and {t["staff_id"] for t in to_staff} <= staff
    to_teams = [t for t in tickets if t["task_id"]]
    assert 2 <= len(to_teams) <= 6
    for t in to_teams:
        task = demo_session.row("tasks", t["task_id"])
        assert task["team_id"] == t["team_id"] and t["ticket_no"] in task["title"]
        assert db.execute("SELECT count(*) FROM shifts WHERE task_id = ?", [t["task_id"]]).fetchone()[0] == 1
    old = [t for t in tickets if t["received_at"] < (NOW - timedelta(days=45)).isoformat()
           and t["source"] == "12345"]
    rated = [t for t in old if t["callback_satisfaction"]]
    assert len(rated) > 0.8 * len(old)
    assert {t["callback_satisfaction"] for t in rated} == {"满意", "基本满意", "不满意"}


def test_the_same_tickets_on_every_run(demo_session, tmp_path):
    database = open_database(tmp_path / "again.sqlite3")
    try:
        demo.build(Session(database, BUILTIN_ADMIN, today=lambda: TODAY))
        columns = "ticket_no, caller_name, received_at, status, category, callback_satisfaction"
        again = database.execute(f"SELECT {columns} FROM requests ORDER BY id").fetchall()
        first = demo_session.db.execute(f"SELECT {columns} FROM requests ORDER BY id").fetchall()
        assert again == first
    finally:
        database.close()


def test_people_work_the_tickets_by_day(demo_session):
    """Signing, calling, handling and the city's callback happen between 08:00 and 20:00; only
    a call may come in at night, and urgent tickets are worked on at any hour."""
    night = [(e["ticket_no"], e["step"], e["at"]) for e in demo_session.db.query(
        "SELECT r.ticket_no, e.step, e.at FROM request_events e JOIN requests r ON r.id = e.request_id "
        "WHERE e.step != '待签收' AND r.kind NOT IN ('紧急', '水电气热')")
        if not "08:00" <= e["at"][11:16] < "20:00"]
    assert night == []


def test_walk_ins_and_office_calls_come_while_the_office_is_open(demo_session):
    night = [(t["ticket_no"], t["received_at"]) for t in _tickets(demo_session)
             if t["source"] != "12345" and not "08:00" <= t["received_at"][11:16] < "20:00"]
    assert night == []
