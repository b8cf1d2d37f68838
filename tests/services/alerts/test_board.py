"""The live board and ``status_json`` on a real demo file: the figures equal plain SQL counts
over the same file, the lists come in the order the board promises, and phones leave full
(and audited) only where calling is the purpose."""

from __future__ import annotations

import statistics
from datetime import datetime

import pytest
from alert_roll_world import at, open_warning

from volunteer_app.services.alerts import attempts, board, callers
from volunteer_app.services.permissions import Role


def _logged(demo_session):
    """Twelve on the list: four safe at different times, one needing help, one turned red
    for a door visit, two tried once, the rest waiting."""
    warning = open_warning(demo_session)
    r = warning.roll_ids
    for roll_id, minute in zip(r[:4], (10, 40, 130, 200), strict=True):
        attempts.log_attempt(demo_session, roll_id, "平安", at=datetime(2026, 11, 28, 8) + _minutes(minute))
    attempts.log_attempt(demo_session, r[4], "需要帮助", needs=["送餐"], at=at(9))
    for minute in (0, 5, 10):
        attempts.log_attempt(demo_session, r[5], "未接通", at=at(10, minute))
    attempts.log_attempt(demo_session, r[6], "未接通", at=at(10, 30))
    attempts.log_attempt(demo_session, r[7], "未接通", at=at(11))
    with demo_session.write("alert_roll"):        # one was put on the list later (an upgrade)
        demo_session.db.execute("UPDATE alert_roll SET added_at = '2026-11-28T10:00:00' WHERE id = ?", [r[11]])
    return warning


def _minutes(n: int):
    from datetime import timedelta

    return timedelta(minutes=n)


def test_the_boards_figures_equal_plain_sql(demo_session):
    warning = _logged(demo_session)
    figures = board.board(demo_session, warning.alert_id, at=at(12))
    sql = demo_session.db.execute(
        "SELECT COUNT(*), COUNT(reached_at), "
        " SUM((julianday(reached_at) - julianday(added_at)) * 1440 <= 120), "
        " SUM((julianday(reached_at) - julianday(added_at)) * 1440 <= 1440), "
        " SUM(needs != '[]'), COUNT(escalated_at), SUM(escalated_at IS NOT NULL AND door_closed_at IS NULL) "
        "FROM alert_roll WHERE alert_id = ?", [warning.alert_id]).fetchone()
    minutes = [m for (m,) in demo_session.db.execute(
        "SELECT (julianday(reached_at) - julianday(added_at)) * 1440 FROM alert_roll "
        "WHERE alert_id = ? AND reached_at IS NOT NULL", [warning.alert_id])]
    assert (figures["total"], figures["reached"], figures["within_2h"], figures["within_24h"],
            figures["needs_help"], figures["escalated"], len(figures["door_visits"])) == sql
    assert sql == (12, 5, 3, 5, 1, 1, 1)
    assert figures["median_minutes"] == pytest.approx(round(statistics.median(minutes), 1))
    assert figures["median_minutes"] == 60.0           # 10, 40, 60, 130, 200
    assert figures["reached_share"] == pytest.approx(5 / 12)


def test_the_lists_on_the_board(demo_session):
    warning = _logged(demo_session)
    figures = board.board(demo_session, warning.alert_id, at=at(12))
    unreached = figures["unreached"]
    assert len(unreached) == 7 and unreached[-1]["id"] == warning.roll_ids[11]   # on the list since 10:00
    assert [r["waiting_minutes"] for r in unreached] == [240] * 6 + [120]
    assert [r["id"] for r in figures["needs_help_rows"]] == [warning.roll_ids[4]]
    assert figures["needs_help_rows"][0]["needs"] == ["送餐"]
    door = figures["door_visits"][0]
    assert door["id"] == warning.roll_ids[5] and door["door_volunteer_name"] and door["address"]
    assert "*" in door["phone"]                        # the board masks; no audit entry for it
    assert demo_session.db.execute("SELECT COUNT(*) FROM audit_log WHERE action = '查看点名电话' "
                                   "AND detail NOT LIKE '%点名第%'").fetchone()[0] == 0


def test_status_json_is_exactly_the_issues_object(demo_session):
    assert board.status_json(demo_session) == {"alert": None, "total": 0, "reached": 0, "needs_help": 0,
                                               "median_minutes": None, "unreached": []}
    warning = _logged(demo_session)
    status = board.status_json(demo_session)       # the session's clock: noon
    assert list(status) == ["alert", "total", "reached", "needs_help", "median_minutes", "unreached"]
    assert status["alert"] == {"type": "暴雪", "level": "橙色", "started": "2026-11-28T08:00:00"}
    assert (status["total"], status["reached"], status["needs_help"], status["median_minutes"]) == (12, 5, 1, 60.0)
    first = status["unreached"][0]
    assert list(first) == ["resident_id", "waiting_minutes", "attempts", "escalated"]
    red = next(u for u in status["unreached"] if u["escalated"])
    assert red == {"resident_id": warning.resident_ids[5], "waiting_minutes": 240, "attempts": 3, "escalated": True}
    assert {u["resident_id"] for u in status["unreached"]} == set(warning.resident_ids[5:])


def test_full_phones_while_open_each_list_audited_once(demo_session):
    warning = _logged(demo_session)
    audited = "SELECT COUNT(*) FROM audit_log WHERE action = '查看点名电话'"
    before = demo_session.db.execute(audited).fetchone()[0]
    rows = attempts.roll_rows(demo_session, warning.alert_id)
    stored = demo_session.row("residents", rows[0]["resident_id"])
    assert rows[0]["phone"] == stored["phone"] and "*" not in rows[0]["phone"]
    assert rows[0]["address"].startswith(rows[0]["place_name"] + rows[0]["building"])
    assert demo_session.db.execute(audited).fetchone()[0] == before + 1
    groups = callers.callers(demo_session, warning.alert_id)
    assert sum(len(g["residents"]) for g in groups) == 12
    assert demo_session.db.execute(audited).fetchone()[0] == before + 2
    with demo_session.write("alerts"):
        demo_session.db.execute("UPDATE alerts SET closed_at = '2026-11-28T11:30:00'")
    rows = attempts.roll_rows(demo_session, warning.alert_id)
    assert rows[0]["phone"] == stored["phone"][:3] + "****" + stored["phone"][-4:]
    assert demo_session.db.execute(audited).fetchone()[0] == before + 2


def test_a_callers_list_and_a_states_list(demo_session):
    warning = _logged(demo_session)
    caller = demo_session.row("alert_roll", warning.roll_ids[0])["caller_id"]
    mine = attempts.roll_rows(demo_session, warning.alert_id, caller_id=caller)
    assert mine and all(r["caller_id"] == caller for r in mine)
    assert [r["position"] for r in mine] == sorted(r["position"] for r in mine)
    safe = attempts.roll_rows(demo_session, warning.alert_id, state="平安")
    assert [r["id"] for r in safe] == warning.roll_ids[:4]
    groups = callers.callers(demo_session, warning.alert_id)
    roles = [g["caller_role"] for g in groups]
    assert roles == sorted(roles, key=lambda role: callers.ROLE_ORDER[role])


def test_a_supervisor_reads_the_board_and_the_full_phones(demo_session):
    warning = _logged(demo_session)
    supervisor = warning.as_role(Role.SUPERVISOR)
    assert board.board(supervisor, warning.alert_id)["total"] == 12
    assert "*" not in attempts.roll_rows(supervisor, warning.alert_id)[0]["phone"]


def test_a_warning_started_by_start_is_logged_and_counted(demo_session):
    """The whole way: start() builds the roll-call, attempts are logged on it, and the board
    agrees with SQL and with status_json."""
    from volunteer_app.domain.weather import AlertLevel, AlertType
    from volunteer_app.services.alerts.start import StartRequest, start

    outcome = start(demo_session, StartRequest(AlertType.SNOW, AlertLevel.ORANGE, started_at=at(8),
                                               community_ids=[2]))
    rows = attempts.roll_rows(demo_session, outcome.alert_id)
    assert len(rows) == outcome.roll_count > 5
    attempts.log_attempt(demo_session, rows[0]["id"], "平安", at=at(8, 20))
    attempts.log_attempt(demo_session, rows[1]["id"], "需要帮助", needs=["送餐"], at=at(9, 10))
    for minute in (0, 10, 20):
        attempts.log_attempt(demo_session, rows[2]["id"], "未接通", at=at(10, minute))
    figures = board.board(demo_session, outcome.alert_id)
    total, reached = demo_session.db.execute(
        "SELECT COUNT(*), COUNT(reached_at) FROM alert_roll WHERE alert_id = ?", [outcome.alert_id]).fetchone()
    assert (figures["total"], figures["reached"], figures["median_minutes"]) == (total, reached, 45.0)
    assert [r["id"] for r in figures["door_visits"]] == [rows[2]["id"]]
    status = board.status_json(demo_session)
    assert (status["total"], status["reached"], status["needs_help"]) == (total, 2, 1)
    assert [u["resident_id"] for u in status["unreached"]] == [r["resident_id"] for r in figures["unreached"]]


def test_the_board_lists_the_longest_waiting_and_counts_them_all(demo_session, monkeypatch):
    warning = _logged(demo_session)
    everyone = board.board(demo_session, warning.alert_id, at=at(12))["unreached"]
    monkeypatch.setattr(board, "UNREACHED_SHOWN", 3)
    shown = board.board(demo_session, warning.alert_id, at=at(12))
    assert shown["unreached_count"] == 7 and len(shown["unreached"]) == 3
    assert [r["id"] for r in shown["unreached"]] == [r["id"] for r in everyone[:3]]
    assert len(board.status_json(demo_session)["unreached"]) == 7     # the JSON lists them all
