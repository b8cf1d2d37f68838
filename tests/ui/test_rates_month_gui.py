"""打印月报… at the turn of a month, on the session's clock: early in December the report for
the 调度会 is November's, the last complete month, unless another month is picked."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import choose_data, click, settle, shown_window
from pdftext import pdf_text
from request_world import make_world

from volunteer_app.services.permissions import Role
from volunteer_app.services.requests import tickets
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
