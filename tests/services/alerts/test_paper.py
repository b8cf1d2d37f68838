"""The roll-call on paper and phones: a WeChat text per caller, the call sheet typed back
(all or nothing, the sheet's line named), the visits owed after a warning, and every role
against every function of closing and paper."""

from __future__ import annotations

from datetime import datetime

import pytest
from alert_close_world import as_role, attempt, open_warning, roll

from volunteer_app.services.alerts import after_visits, closing, paper, report_data
from volunteer_app.services.alerts.access import AlertError
from volunteer_app.services.permissions import PermissionDenied, Role

NOON = datetime(2026, 11, 28, 12, 0)


def audits(session, action: str = "查看点名电话") -> int:
    return session.db.execute("SELECT count(*) FROM audit_log WHERE action = ?", [action]).fetchone()[0]


def attempts(session, alert_id: int) -> list[tuple]:
    return [tuple(r) for r in session.db.execute(
        "SELECT roll_id, result, via, needs, note, caller_id FROM alert_attempts WHERE alert_id = ? ORDER BY id",
        [alert_id])]


def test_each_caller_gets_a_text_with_the_residents_still_to_reach(demo_session):
    alert_id = open_warning(demo_session)
    rows = roll(demo_session, alert_id)
    attempt(demo_session, rows[0]["id"], "平安", datetime(2026, 11, 28, 8, 0))
    staff = as_role(demo_session, Role.STAFF)
    before = audits(demo_session)
    texts = paper.wechat_texts(staff, alert_id)
    assert audits(demo_session) == before + 1                      # one entry for the batch
    callers = {r["caller_id"] for r in rows[1:] if r["caller_id"] is not None}
    assert {t["caller_id"] for t in texts} == callers
    assert sum(t["count"] for t in texts) == sum(1 for r in rows[1:] if r["caller_id"] is not None)
    second = rows[1]
    text = next(t for t in texts if t["caller_id"] == second["caller_id"])
    name = demo_session.db.execute("SELECT name FROM volunteers WHERE id = ?", [second["caller_id"]]).fetchone()[0]
    assert text["text"].startswith(f"{name}您好：请在今天18点前联系以下老人，确认平安后回复社区：\n1. ")
    resident = demo_session.db.execute("SELECT name, phone FROM residents WHERE id = ?",
                                       [second["resident_id"]]).fetchone()
    assert f"{resident[0]} " in text["text"] and f"电话{resident[1]}" in text["text"]   # full for staff
    first = demo_session.db.execute("SELECT name FROM residents WHERE id = ?", [rows[0]["resident_id"]]).fetchone()
    assert all(f". {first[0]} " not in t["text"] for t in texts)    # reached: not asked again


def test_a_text_for_tomorrow_says_so(demo_session):
    alert_id = open_warning(demo_session)
    texts = paper.wechat_texts(demo_session, alert_id, deadline=datetime(2026, 11, 29, 9, 30))
    assert "请在明天9点30分前联系以下老人" in texts[0]["text"]


def test_a_typed_sheet_logs_every_line_by_the_sheets_caller(demo_session):
    alert_id = open_warning(demo_session)
    rows = roll(demo_session, alert_id)
    lines = paper.line_ids(demo_session, alert_id)
    assert lines[1] == rows[0]["id"] and lines[3] == rows[2]["id"]
    logged = paper.log_sheet(demo_session, alert_id, [
        (lines[1], "平安", ""), (lines[2], "需要帮助", "要送药，暖气坏了要取暖"), (lines[3], "未", ""),
        (lines[4], "", ""), (lines[5], "已上门", "邻居开的门")])
    assert logged == 4
    found = attempts(demo_session, alert_id)
    assert found == [
        (rows[0]["id"], "平安", "本人", "[]", "", rows[0]["caller_id"]),
        (rows[1]["id"], "需要帮助", "本人", '["送药", "取暖"]', "要送药，暖气坏了要取暖", rows[1]["caller_id"]),
        (rows[2]["id"], "未接通", "本人", "[]", "", rows[2]["caller_id"]),
        (rows[4]["id"], "已上门", "上门", "[]", "邻居开的门", rows[4]["caller_id"])]
    states = {r["id"]: r["state"] for r in roll(demo_session, alert_id)}
    assert [states[rows[i]["id"]] for i in range(5)] == ["平安", "需要帮助", "未接通", "待联系", "已上门"]


@pytest.mark.parametrize("entries, message", [
    ([(1, "平安", ""), (12, "平按", "")], "第12行：结果“平按”不对，应为平安、需要帮助、未接通、已上门"),
    ([(1, "平安", ""), (1, "未接通", "")], "第1行填写了两次"),
    ([(1, "平安", ""), (99999, "平安", "")], "第2条：点名编号99999不在暴雪橙色预警的名单上"),
])
def test_a_bad_line_saves_nothing(demo_session, entries, message):
    alert_id = open_warning(demo_session)
    lines = paper.line_ids(demo_session, alert_id)
    typed = [(lines.get(line, line), result, note) for line, result, note in entries]
    with pytest.raises(ValueError, match=message):
        paper.log_sheet(demo_session, alert_id, typed)
    assert attempts(demo_session, alert_id) == []


def test_a_line_the_roll_call_refuses_rolls_back_the_whole_sheet(demo_session):
    """The checks pass but logging one line fails (a time before the start): nothing stays."""
    alert_id = open_warning(demo_session, started=datetime(2026, 11, 28, 7, 0))
    lines = paper.line_ids(demo_session, alert_id)
    demo_session.db.execute("CREATE TEMP TRIGGER no_third BEFORE INSERT ON alert_attempts "
                            f"WHEN NEW.roll_id = {lines[3]} BEGIN SELECT RAISE(ABORT, '磁盘已满'); END")
    with pytest.raises(Exception, match="磁盘已满"):
        paper.log_sheet(demo_session, alert_id, [(lines[1], "平安", ""), (lines[2], "平安", ""),
                                                 (lines[3], "平安", "")])
    assert attempts(demo_session, alert_id) == []
    assert {r["state"] for r in roll(demo_session, alert_id)} == {"待联系"}


def test_a_closed_warning_takes_no_sheet_and_no_texts(demo_session):
    alert_id = open_warning(demo_session)
    closing.close(demo_session, alert_id, NOON)
    line = paper.line_ids(demo_session, alert_id)[1]
    with pytest.raises(AlertError, match="已解除"):
        paper.log_sheet(demo_session, alert_id, [(line, "平安", "")])
    with pytest.raises(AlertError, match="已解除"):
        paper.wechat_texts(demo_session, alert_id)


def test_after_visits_lists_the_high_tier_owed_a_visit(demo_session):
    alert_id = open_warning(demo_session)
    assert after_visits.after_visits(demo_session) == []            # nothing owed while it is open
    closing.close(demo_session, alert_id, NOON)
    owed = after_visits.after_visits(demo_session)
    high = {r["resident_id"] for r in roll(demo_session, alert_id) if r["risk_level"] == "高"}
    assert owed and {r["resident_id"] for r in owed} <= high
    assert {r["visit_due_by"] for r in owed} == {"2026-11-29T12:00:00"}
    assert not any(r["late"] for r in owed)                         # due tomorrow noon


ROLES = {Role.STAFF: "all", Role.SUPERVISOR: "read", Role.CAPTAIN: "none", Role.ADMIN: "none"}


@pytest.mark.parametrize("role", list(ROLES))
def test_every_role_against_every_function(demo_session, role):
    alert_id = open_warning(demo_session)
    line = paper.line_ids(demo_session, alert_id)[1]
    session = as_role(demo_session, role)
    reads = [lambda: report_data.report_data(session, alert_id),
             lambda: paper.call_sheet_data(session, alert_id),
             lambda: paper.line_ids(session, alert_id),
             lambda: after_visits.after_visits(session)]
    runs = [lambda: paper.wechat_texts(session, alert_id),
            lambda: paper.log_sheet(session, alert_id, [(line, "平安", "")]),
            lambda: closing.close(session, alert_id, NOON)]
    for call in reads:
        if ROLES[role] == "none":
            with pytest.raises(PermissionDenied):
                call()
        else:
            call()
    for call in runs:
        if ROLES[role] == "all":
            call()
        else:
            with pytest.raises(PermissionDenied):
                call()
    closed = demo_session.db.execute("SELECT closed_at FROM alerts WHERE id = ?", [alert_id]).fetchone()[0]
    assert (closed is not None) == (role == Role.STAFF)
