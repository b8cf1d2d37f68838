"""The 三率 tab and 打印月报… at the turn of a month, on the session's clock: early in December
no ticket has the city's 回访 yet, so the tab says why its rates are 暂无 and shows November's
beside them, and the report for the 调度会 is November's unless another month is picked;
mid-month the tab shows the month so far as it always did."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import choose_data, click, settle, shown_window
from pdftext import pdf_text
from request_world import make_world

from volunteer_app.services.permissions import Role
from volunteer_app.services.requests import rates, tickets
from volunteer_app.services.session import BUILTIN_ADMIN, Session

pytestmark = pytest.mark.gui

EARLY = date(2026, 12, 3)
MID = date(2026, 12, 20)
NOVEMBER = "2026-11"
# November's callbacks, worked by hand: 响应率 3/4, 解决率 2/4, 满意率 (1 + 1 × 1)/4
NOVEMBER_CALLBACKS = (("已联系", "已解决", "满意"), ("已联系", "已解决", "基本满意"),
                      ("已联系", "未解决", "不满意"), ("未联系", "未解决", "不满意"), None)
NOVEMBER_SHOWN = {"response_rate": "75.0%", "resolution_rate": "50.0%", "satisfaction_rate": "50.0%"}


def ticket(session: Session, received: str, callback: tuple[str, str, str] | None = None) -> int:
    ticket_id = tickets.add(session, {"source": "电话", "caller_name": "柳春燕", "caller_phone": "13911112222",
                                      "address": "明春苑5号楼", "category": "城乡建设/供暖/暖气不热",
                                      "content": "暖气片冰凉，家里有卧床老人", "received_at": received})
    if callback:
        tickets.record_callback(session, ticket_id, *callback)
    return ticket_id


def office_on(qtbot, db, day: date):
    """A community with tickets in October and November and none in December, and the window
    of its community worker on ``day`` (the session's clock), on the 三率 tab."""
    session = Session(db, BUILTIN_ADMIN, today=lambda: day)
    world = make_world(session)
    for number, callback in enumerate(NOVEMBER_CALLBACKS):
        ticket(session, f"2026-11-{10 + number:02d} 09:00", callback)
    ticket(session, "2026-10-12 09:00", ("已联系", "已解决", "满意"))
    window = shown_window(qtbot, world.as_role(Role.STAFF, "李社工"), (1366, 728))
    page = window.show_page("requests")
    page.tabs.setCurrentWidget(page.rates)
    qtbot.waitUntil(lambda: not page.rates.loading and bool(page.rates.figures))
    return window, page.rates


def test_early_in_the_month_the_tab_shows_last_months_rates_and_says_why_this_months_are_empty(qtbot, db):
    window, tab = office_on(qtbot, db, EARLY)
    assert tab.month.currentData() == "2026-12" and tab.month.currentText().startswith("2026年12月（本月")
    assert tab.period.text() == "本月至今：2026年12月1日至3日"
    assert tab.now_heading.isVisible() and tab.now_heading.text() == "本月至今"
    assert tab.last_heading.isVisible() and "2026年11月" in tab.last_heading.text()
    for key, shown in NOVEMBER_SHOWN.items():
        assert tab.rate_labels[key].text() == "暂无"
        assert tab.last_labels[key].isVisible() and tab.last_labels[key].text() == shown, key
        assert tab.last_labels[key].text() == f"{rates.month_rates(window.session, NOVEMBER)[key] * 100:.1f}%"
    assert tab.empty_note.isVisible()
    assert "本月还没有已回访的工单" in tab.empty_note.text() and "2026年11月" in tab.empty_note.text()

    # a December ticket taken but not yet called back: still nothing to rate
    december = ticket(window.session, "2026-12-02 10:00")
    settle(qtbot, tab)
    qtbot.waitUntil(lambda: tab.figures["rates"]["received"] == 1)
    assert tab.empty_note.isVisible() and tab.last_labels["response_rate"].text() == "75.0%"
    assert "本月受理 1 件，有回访结果 0 件" in tab.counts.text()

    # its callback registered: December has rates of its own and the column beside goes
    tickets.record_callback(window.session, december, "已联系", "未解决", "基本满意")
    qtbot.waitUntil(lambda: tab.figures["rates"]["rated"] == 1)
    assert [tab.rate_labels[k].text() for k in NOVEMBER_SHOWN] == ["100.0%", "0.0%", "100.0%"]
    assert not tab.empty_note.isVisible() and not tab.last_heading.isVisible()
    assert not any(label.isVisible() for label in tab.last_labels.values())

    # November picked: its whole month, as the big figures
    choose_data(tab.month, NOVEMBER)
    settle(qtbot, tab)
    assert tab.period.text() == "2026年11月全月"
    assert {k: tab.rate_labels[k].text() for k in NOVEMBER_SHOWN} == NOVEMBER_SHOWN
    assert not tab.last_heading.isVisible() and not tab.empty_note.isVisible()
    assert tab.counts.text().startswith("2026年11月受理 ")      # not 本月: that is December
    window.close()


def test_mid_month_the_tab_shows_the_month_so_far_as_before(qtbot, db):
    session = Session(db, BUILTIN_ADMIN, today=lambda: MID)
    world = make_world(session)
    ticket(session, "2026-11-10 09:00", ("已联系", "已解决", "满意"))
    ticket(session, "2026-12-05 09:00", ("已联系", "已解决", "不满意"))
    ticket(session, "2026-12-08 09:00", ("已联系", "未解决", "满意"))
    window = shown_window(qtbot, world.as_role(Role.STAFF, "李社工"), (1366, 728))
    page = window.show_page("requests")
    page.tabs.setCurrentWidget(page.rates)
    tab = page.rates
    qtbot.waitUntil(lambda: not tab.loading and bool(tab.figures))
    assert tab.month.currentData() == "2026-12"
    assert tab.period.text() == "本月至今：2026年12月1日至20日"
    assert [tab.rate_labels[k].text() for k in NOVEMBER_SHOWN] == ["100.0%", "50.0%", "50.0%"]
    assert all(tab.rate_labels[k].property("role") == "card-value" for k in NOVEMBER_SHOWN)
    assert not tab.empty_note.isVisible() and not tab.now_heading.isVisible()
    assert not any(label.isVisible() for label in (tab.last_heading, *tab.last_labels.values()))
    assert "本月受理 2 件，有回访结果 2 件" in tab.counts.text()
    assert tab.chart.trend[-1]["month"] == "2026-12"
    window.close()


def test_print_month_report_early_in_december_is_novembers(qtbot, db, tmp_path, event_loop):
    window, tab = office_on(qtbot, db, EARLY)
    click(qtbot, tab.print_button)
    dialog = tab.dialog
    assert dialog.month.currentData() == NOVEMBER
    assert dialog.month.currentText() == "2026年11月（上月）"
    assert dialog.period.text() == "上月，已结束：月报含2026年11月1日至30日受理的全部工单。"
    assert dialog.month.itemData(0) == "2026-12" and dialog.month.currentIndex() == 1   # one pick away
    path = event_loop.run_until_complete(dialog.save_pdf(tmp_path / "接诉即办.pdf"))
    text = "".join(pdf_text(path).split())
    assert "2026年11月接诉即办工作月报" in text and "本月受理诉求5件" in text
    for shown in NOVEMBER_SHOWN.values():
        assert shown in text
    # this month, one pick up, says it is not over
    dialog.month.setCurrentIndex(0)
    assert dialog.period.text().startswith("本月还没结束：月报只含2026年12月1日至3日受理的工单")
    assert dialog._default_name() == "接诉即办月报_2026-12.pdf"
    dialog.reject()

    # a past month shown on the tab is the one the dialog opens on
    choose_data(tab.month, "2026-10")
    settle(qtbot, tab)
    click(qtbot, tab.print_button)
    assert tab.dialog.month.currentData() == "2026-10"
    assert tab.dialog.period.text() == "月报含2026年10月1日至31日受理的全部工单。"
    tab.dialog.reject()
    window.close()
