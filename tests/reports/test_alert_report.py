"""The after-action report of a closed warning, read back from its PDF: the title, the
communities, the timeline, the figures, who needed what and who did it, the duty shifts and
the hours, the never reached and why, the visits owed after it; residents masked as 张**
and no phone on paper; a long list laid out a page at a time."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from alert_close_world import attempt, open_warning, roll
from pdftext import pdf_pages, pdf_text

from volunteer_app.domain.day_text import minute_text
from volunteer_app.reports.alert_report import (
    SHORT_ROWS,
    report_tables,
    summary_line,
    write_report,
)
from volunteer_app.services.alerts import callers, closing, report_data
from volunteer_app.services.hours.certificates import format_hours
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.session import Actor, Session


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 28, hour, minute)


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def closed(demo_session):
    """A warning with 60 reached, one needing medicine (handled), one red, the rest untried;
    start() made its 铲冰 shifts for the morning after."""
    session = demo_session
    alert_id = open_warning(session)
    rows = roll(session, alert_id)
    for minute, row in enumerate(rows[:60]):
        attempt(session, row["id"], "平安", at(8 + minute // 30, minute % 30), caller_id=row["caller_id"])
    needy = rows[60]
    attempt(session, needy["id"], "需要帮助", at(9, 40), caller_id=needy["caller_id"], needs=("送药",),
            note="降压药吃完了")
    handler = session.db.execute("SELECT id, name FROM volunteers WHERE is_staff = 1 ORDER BY id").fetchone()
    callers.assign_need(session, needy["id"], handler[0])
    callers.need_done(session, needy["id"], "已送到降压药")
    red = rows[61]
    for minute in (0, 10, 20):
        attempt(session, red["id"], "未接通", at(10, minute), caller_id=red["caller_id"])
    closing.close(session, alert_id, at(12))
    names = {r[0]: r[1] for r in session.db.execute("SELECT id, name FROM residents")}
    phones = [r[0] for r in session.db.execute(
        "SELECT phone FROM residents WHERE id IN (SELECT resident_id FROM alert_roll) AND phone != ''")]
    return {"session": session, "alert_id": alert_id, "rows": rows, "handler": handler[1],
            "needy": names[needy["resident_id"]], "red": names[red["resident_id"]], "phones": phones}


def test_the_report_reads_back_with_everything_the_issue_asks(closed, tmp_path, qapp):
    data = report_data.report_data(closed["session"], closed["alert_id"])
    path = write_report(data, tmp_path / "总结报告.pdf")
    text = flat(pdf_text(path))
    assert "暴雪橙色预警总结报告" in text
    assert "银地第二社区、明春苑社区、高立庄社区、新发地村" in text
    for kind in ("发布", "转上门", "需要帮助", "安排帮助", "帮助办结", "关闭"):
        assert kind in text
    total = len(closed["rows"])
    assert f"点名人数{total}" in text
    assert f"已联系上61（{61 / total * 100:.1f}%）" in text
    assert "2小时内联系上" in text and "中位数" in text
    assert f"{closed['needy'][0]}**" in text and "送药" in text and "降压药吃完了" in text
    assert closed["handler"] in text and "已送到降压药" in text and "未办结" not in text
    assert "雪后铲冰：" in text and "2026-11-29" in text and "07:00–10:00" in text
    assert "3次未接通，已转上门查看，未回报结果" in text and "未拨打" in text
    assert "预警解除后的探访" in text and "12:00" in text and "尚未探访" in text
    assert closed["needy"] not in text and closed["red"] not in text        # names masked
    assert not any(phone in text for phone in closed["phones"][:50])         # no phones on paper
    assert pdf_pages(path) >= 2
    assert summary_line(data).startswith(f"暴雪橙色预警：点名{total}人，已联系上61人")


def test_the_hours_of_the_calls_are_in_the_report(closed, tmp_path, qapp):
    data = report_data.report_data(closed["session"], closed["alert_id"])
    total = closed["session"].db.execute("SELECT sum(hours), count(*) FROM service_records WHERE alert_id = ?",
                                         [closed["alert_id"]]).fetchone()
    assert len(data["call_hours"]) == total[1] > 0
    text = flat(pdf_text(write_report(data, tmp_path / "r.pdf")))
    assert f"合计{total[1]}条记录{total[0]:g}" in text


@pytest.mark.parametrize("role, allowed", [(Role.STAFF, True), (Role.SUPERVISOR, True),
                                           (Role.CAPTAIN, False), (Role.ADMIN, False)])
def test_staff_and_supervisors_print_the_report(closed, role, allowed):
    session = Session(closed["session"].db, Actor(None, "某人", role, frozenset({1})), today=closed["session"].today)
    if allowed:
        assert report_data.report_data(session, closed["alert_id"])["figures"]["total"] == len(closed["rows"])
    else:
        with pytest.raises(PermissionDenied):
            report_data.report_data(session, closed["alert_id"])


def _big_data(rows: int) -> dict:
    alert = {"title": "暴雪橙色预警", "community_names": ["明春苑社区"], "started_at": "2026-11-28T07:00:00",
             "closed_at": "2026-11-29T12:00:00", "notice": ""}
    unreached = [{"line": i, "name": "张**", "where": f"明春苑{i % 30}号楼", "caller": "李社工",
                  "attempts": 3, "reason": "3次未接通"} for i in range(1, rows + 1)]
    return {"alert": alert, "title": "暴雪橙色预警 总结报告", "issuer": "明春苑社区居委会",
            "prepared_on": "2026-11-29", "until": "2026-11-29T12:00",
            "timeline": [], "needs": [], "shifts": [], "call_hours": [], "follow_ups": [],
            "figures": {"total": rows, "reached": 0, "reached_share": 0.0, "within_2h": 0, "within_24h": 0,
                        "median_minutes": None, "unreached": rows, "escalated": 0, "needs_help": 0},
            "unreached": unreached}


def test_a_list_of_2000_is_laid_out_a_page_at_a_time(tmp_path, qapp):
    gaps, last = [], [time.perf_counter()]

    def on_page(done: int, total: int) -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    data = _big_data(2000)
    assert len(report_tables(data)) == 1             # the short parts flow round the one long list
    path = write_report(data, tmp_path / "big.pdf", on_page)
    assert pdf_pages(path) > 30
    assert len(gaps) > 60
    # each callback is one page laid out or painted: well under the 100 ms aim on a quiet PC,
    # with room for a machine shared by parallel test runs
    assert max(gaps[1:]) < 0.5
    assert "第 1 页  共" in pdf_text(path, 1, 1) or "第1页" in flat(pdf_text(path, 1, 1))
    # the last row, then the text after the list (which may flow on to a page of its own)
    tail = flat(pdf_text(path, pdf_pages(path) - 1, pdf_pages(path)))
    assert "2000张**" in tail and tail.index("2000张**") < tail.index("填报人")


def test_the_sections_after_a_short_list_ending_mid_page_are_all_printed(full_demo_session, tmp_path, qapp):
    """Issue 15: the demo's closed 暴雪 warning has short lists (needs, shifts, hours, none
    unreached) printed before its long follow-up list; section 二 ends mid-page, and 三, 四, 五
    and the heading of 六 were lost because the layout took 二's table for the long one."""
    session = full_demo_session
    alert_id = session.db.execute("SELECT id FROM alerts WHERE closed_at IS NOT NULL").fetchone()[0]
    data = report_data.report_data(session, alert_id)
    assert data["needs"] and data["shifts"] and data["call_hours"] and len(data["follow_ups"]) > SHORT_ROWS
    path = write_report(data, tmp_path / "暴雪总结报告.pdf")
    text = flat(pdf_text(path))
    total_hours = sum(h["hours"] for h in data["call_hours"])
    expected = [
        "一、时间线", data["timeline"][-1]["kind"],
        "二、需要帮助的居民及处理情况", f"{data['needs'][-1]['line']}{data['needs'][-1]['name']}",
        "三、值守班次", f"{data['shifts'][-1]['start_time']}–{data['shifts'][-1]['end_time']}",
        "四、点名与上门查看计入的服务时长", f"合计{len(data['call_hours'])}条记录{format_hours(total_hours)}",
        "五、始终未联系上的居民及原因", "点名名单上的居民都已联系上",
        "六、预警解除后的探访（高风险居民）", data["follow_ups"][0]["where"], data["follow_ups"][-1]["where"],
        "填报人",
    ]
    at = 0
    for part in expected:
        found = text.find(flat(part), at)
        assert found >= 0, f"{part} missing or out of order"
        at = found + len(flat(part))
    states = text.count("按时") + text.count("逾期后探访") + text.count("待探访")
    assert states == len(data["follow_ups"])             # every visit owed, none cut
    first = pdf_text(path, 1, 1)                          # the heading's tables are not the timeline
    assert sum(minute_text(e["at"]) in first for e in data["timeline"][:5]) == 5


def test_the_head_gives_the_period_in_chinese_and_a_shift_date_stays_on_one_line(closed, tmp_path, qapp):
    data = report_data.report_data(closed["session"], closed["alert_id"])
    for shift in data["shifts"]:
        shift["date"] = "2026-12-05"     # wide digits: at the old width it broke as 2026-12-0 / 5
    text = pdf_text(write_report(data, tmp_path / "r.pdf"))
    assert "统计期间：2026年11月28日 " in text and "T0" not in text
    assert text.count("2026-12-05") >= len(data["shifts"]) > 0
