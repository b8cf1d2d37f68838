"""诉求's steps and dispatches save on the one background runner (issue 16: a street's hot spot
has hundreds of tickets): 派给工作人员 clicked twice writes once and shows the handler; a worker
who left meanwhile is refused with the service's reason and nothing changes; a hot spot's
tickets are read in the background and its 建任务 clicked twice makes one task, the spot staying
chosen; 签收 clicked twice is taken once, every button waiting for it; 签收 of a ticket another
window moved on is refused and the ticket shown as it is now."""

from __future__ import annotations

import pytest
from gui_helpers import click, save_twice, settle, window_as
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from volunteer_app.services.people import volunteers

pytestmark = pytest.mark.gui

BIN_ADDRESS = "明春苑垃圾分类驿站东侧桶站"


def count(demo_session, sql: str, *args) -> int:
    return demo_session.db.execute(sql, args).fetchone()[0]


def enter_by_hand(qtbot, tab, content: str, address: str, category: str) -> int:
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    dialog.findChild(QLineEdit, "new_request.caller").setText("郑秀兰")
    dialog.findChild(QLineEdit, "new_request.phone").setText("13912345678")
    dialog.findChild(QLineEdit, "new_request.address").setText(address)
    dialog.findChild(QLineEdit, "new_request.category").setText(category)
    dialog.findChild(QPlainTextEdit, "new_request.content").setPlainText(content)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: not tab.loading)
    return dialog.saved


def tickets_tab(qtbot, demo_session):
    window = window_as(qtbot, demo_session, "staff")
    page = window.show_page("requests")
    settle(qtbot, page)
    return window, page


def chosen_ticket(qtbot, demo_session, content: str, address: str, category: str):
    """A ticket entered by hand on the 工单 tab as staff, and chosen: (window, tab, its id)."""
    window, page = tickets_tab(qtbot, demo_session)
    ticket_id = enter_by_hand(qtbot, page.tickets, content, address, category)
    page.tickets.select_ticket(ticket_id)
    return window, page.tickets, ticket_id


def test_a_ticket_sent_to_a_worker_with_a_second_click_is_dispatched_once(qtbot, demo_session):
    window, tab, ticket_id = chosen_ticket(qtbot, demo_session, "楼下夜里有人大声喧哗", "明春苑3号楼2单元", "生态环境/噪音")
    detail = tab.detail
    click(qtbot, detail.staff_button)
    dialog = detail.dialog
    worker = dialog.staff.currentText()
    save_twice(qtbot, dialog)
    assert worker in detail.fields["handler"].text() and detail.message.text() == "已派给工作人员。"
    assert count(demo_session, "SELECT count(*) FROM request_events WHERE request_id = ? AND step = '派单'",
                 ticket_id) == 1
    qtbot.waitUntil(lambda: not tab.loading)
    assert worker in tab.model.text([r["id"] for r in tab.rows].index(ticket_id), 8)
    window.close()


def test_a_worker_who_left_meanwhile_is_refused_and_the_ticket_stays_as_it_was(qtbot, demo_session):
    window, tab, ticket_id = chosen_ticket(qtbot, demo_session, "楼道里堆了很多纸箱", "明春苑3号楼2单元", "城乡建设/物业管理/楼道堆物")
    click(qtbot, tab.detail.staff_button)
    dialog = tab.detail.dialog
    staff_id = dialog.staff.currentData()
    volunteers.archive(demo_session, staff_id, "调走了")               # at another PC, meanwhile
    before = dict(next(demo_session.db.query("SELECT * FROM requests WHERE id = ?", [ticket_id])))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.error.text() == f"编号为{staff_id}的人不是在册的社区工作者，请从社区工作者中选择承办人。"
    after = dict(next(demo_session.db.query("SELECT * FROM requests WHERE id = ?", [ticket_id])))
    assert after == before
    window.close()


def test_a_hot_spots_tickets_come_in_the_background_and_a_double_click_makes_one_task(qtbot, demo_session):
    window, page = tickets_tab(qtbot, demo_session)
    for text in ("桶站垃圾满溢没人管", "垃圾桶旁边堆满了装修垃圾", "桶站晚上有人乱扔垃圾"):
        enter_by_hand(qtbot, page.tickets, text, BIN_ADDRESS, "城市管理/垃圾分类")
    page.tabs.setCurrentWidget(page.hotspots)
    hot = page.hotspots
    qtbot.waitUntil(lambda: not hot.loading)
    row = next(r for r in range(hot.model.rowCount()) if hot.model.text(r, 2) == "城市管理/垃圾分类"
               and "垃圾分类驿站" in hot.model.text(r, 0))
    hot.table.selectRow(row)
    assert hot.loading and hot.tickets.rowCount() == 0                  # asked of the runner
    qtbot.waitUntil(lambda: not hot.loading)
    spot = hot.chosen()
    assert {hot.tickets.text(r, 0) for r in range(hot.tickets.rowCount())} == set(
        r[0] for r in demo_session.db.execute(
            f"SELECT ticket_no FROM requests WHERE id IN ({','.join('?' * len(spot.ticket_ids))})",
            spot.ticket_ids))
    tasks = count(demo_session, "SELECT count(*) FROM tasks")
    click(qtbot, hot.task_button)
    dialog = hot.dialog
    save_twice(qtbot, dialog, enter=False)
    assert count(demo_session, "SELECT count(*) FROM tasks") == tasks + 1
    assert "任务已建好" in hot.message.text()
    qtbot.waitUntil(lambda: not hot.loading)
    assert hot.chosen() is not None and hot.chosen().place_id == spot.place_id     # still chosen
    assert hot.remind_button.isEnabled()
    window.close()


def test_a_step_clicked_twice_is_taken_once_and_the_buttons_wait_for_it(qtbot, demo_session):
    window, tab, ticket_id = chosen_ticket(qtbot, demo_session, "3号楼楼道灯不亮", "明春苑3号楼2单元", "城乡建设/物业管理/楼道照明")
    detail = tab.detail
    assert detail.next_button.text() == "签收"
    click(qtbot, detail.next_button)
    assert detail.loading and not any(b.isEnabled() for b in detail.buttons)
    qtbot.mouseClick(detail.next_button, Qt.MouseButton.LeftButton)   # the double click's second
    qtbot.waitUntil(lambda: not detail.loading)
    assert detail.title.text().endswith("已签收") and detail.next_button.text() == "联系诉求人"
    assert detail.message.text() == "已进入“已签收”。"
    assert count(demo_session, "SELECT count(*) FROM request_events WHERE request_id = ? AND step = '已签收'",
                 ticket_id) == 1
    assert detail.next_button.isEnabled() and detail.staff_button.isEnabled()
    window.close()


def test_a_step_another_window_took_first_is_refused_and_the_ticket_shown_as_it_is(qtbot, demo_session):
    from volunteer_app.domain.requests import Status
    from volunteer_app.services.requests import tickets

    window, tab, ticket_id = chosen_ticket(qtbot, demo_session, "5号楼门禁坏了", "明春苑5号楼1单元", "城乡建设/物业管理/门禁")
    detail = tab.detail
    assert detail.next_button.text() == "签收"
    tickets.advance(demo_session, ticket_id, Status.SIGNED)     # another window, meanwhile
    click(qtbot, detail.next_button)
    assert not any(b.isEnabled() for b in detail.buttons)
    qtbot.waitUntil(lambda: not detail.loading)
    assert "已被他人修改" in detail.message.text()              # the service's refusal
    assert detail.title.text().endswith("已签收") and detail.next_button.text() == "联系诉求人"
    assert detail.next_button.isEnabled() and detail.staff_button.isEnabled()
    assert count(demo_session, "SELECT count(*) FROM request_events WHERE request_id = ? AND step = '已签收'",
                 ticket_id) == 1
    window.close()
