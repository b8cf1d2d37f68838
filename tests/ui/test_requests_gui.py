"""诉求 as a community worker meets it on the demo community: a request taken at the counter is
entered by hand, shows in the list, is walked through every step to 已办结, the city's
callback is registered and the month's rates move; a ticket sent to a team becomes a task in
任务与排班; a hot spot becomes a 垃圾分类值守 task; the 工作台 card opens the late tickets; a
supervisor reads without buttons; captains and the administrator do not see the page."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import window_as
from pdftext import pdf_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit

from volunteer_app.domain.requests import Status
from volunteer_app.services.requests import figures, rates, tickets

pytestmark = pytest.mark.gui

MONTH = "2026-11"                   # TODAY is 2026-11-28
BIN_ADDRESS = "明春苑垃圾分类驿站东侧桶站"


def requests_page(qtbot, window):
    page = window.show_page("requests")
    qtbot.waitUntil(lambda: not page.tickets.loading)
    return page


def shown(tab) -> list[str]:
    return [tab.model.text(r, 0) for r in range(tab.model.rowCount())]


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save(qtbot, dialog) -> None:
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def refused(qtbot, dialog) -> None:
    """保存 clicked on a form the service refuses: once it answered (saves run on the runner)."""
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.busy)


def step(qtbot, detail) -> None:
    """The next step clicked; once it is saved (on the runner)."""
    click(qtbot, detail.next_button)
    qtbot.waitUntil(lambda: not detail.loading)


def enter_by_hand(qtbot, tab, content: str, address: str = "明春苑3号楼2单元",
                  category: str = "城乡建设/物业管理/楼道照明", phone: str = "１３９１２３４５６７８") -> int:
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    dialog.findChild(QLineEdit, "new_request.caller").setText("郑秀兰")
    dialog.findChild(QLineEdit, "new_request.phone").setText(phone)      # full-width digits
    dialog.findChild(QLineEdit, "new_request.address").setText(address)
    dialog.findChild(QLineEdit, "new_request.category").setText(category)
    dialog.findChild(QPlainTextEdit, "new_request.content").setPlainText(content)
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not tab.loading)
    return dialog.saved


def test_a_request_taken_by_hand_is_worked_to_closed_and_its_callback_moves_the_rates(qtbot, demo_session):
    window = window_as(qtbot, demo_session, "staff")
    page = requests_page(qtbot, window)
    tab = page.tickets
    before = rates.month_rates(demo_session, MONTH)

    # a refusal names the field and keeps the dialog open with what was typed
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    dialog.findChild(QLineEdit, "new_request.caller").setText("郑秀兰")
    refused(qtbot, dialog)
    assert dialog.isVisible() and "诉求内容" in dialog.error.text()
    dialog.reject()

    ticket_id = enter_by_hand(qtbot, tab, "3号楼2单元楼道灯坏了一周，老人晚上下楼看不见")
    ticket = tickets.get(demo_session, ticket_id)
    assert ticket["caller_phone"].endswith("5678") and ticket["status"] == Status.NEW
    assert ticket["ticket_no"] in shown(tab)
    tab.select_ticket(ticket_id)
    detail = tab.detail
    assert detail.title.text() == f"{ticket['ticket_no']}  待签收"
    assert "楼道灯坏了" in detail.fields["content"].text()
    assert "139****5678" in detail.fields["caller"].text()
    click(qtbot, detail.reveal_button)                   # to ring the caller back
    assert "13912345678" in detail.fields["caller"].text()

    for label, status in (("签收", Status.SIGNED), ("联系诉求人", Status.CONTACTED),
                          ("开始办理", Status.HANDLING)):
        assert detail.next_button.text() == label
        step(qtbot, detail)
        assert tickets.get(demo_session, ticket_id)["status"] == status
    assert detail.next_button.text() == "反馈结果…"
    click(qtbot, detail.next_button)
    note = detail.dialog
    refused(qtbot, note)                                 # no resolution text: refused
    assert note.isVisible() and note.error.text()
    note.findChild(QPlainTextEdit, "request_note.text").setPlainText("已更换楼道灯泡，诉求人确认亮了")
    save(qtbot, note)
    assert tickets.get(demo_session, ticket_id)["status"] == Status.FEEDBACK
    assert detail.next_button.text() == "办结"
    step(qtbot, detail)
    closed = tickets.get(demo_session, ticket_id)
    assert closed["status"] == Status.CLOSED and closed["resolution"].startswith("已更换")
    assert detail.title.text().endswith("已办结") and not detail.next_button.isEnabled()
    steps = [detail.steps.text(r, 1) for r in range(detail.steps.rowCount())]
    assert steps[-5:] == ["已签收", "已联系", "办理中", "已反馈", "已办结"]
    assert all(detail.steps.text(r, 2) for r in range(detail.steps.rowCount()))   # who, each time
    qtbot.waitUntil(lambda: not tab.loading)
    assert closed["ticket_no"] not in shown(tab)         # the 未办结 view lets it go
    tab.set_view("closed")
    qtbot.waitUntil(lambda: not tab.loading and closed["ticket_no"] in shown(tab))

    tab.select_ticket(ticket_id)
    click(qtbot, detail.callback_button)
    callback = detail.dialog
    callback.findChild(QComboBox, "request_callback.satisfaction").setCurrentText("基本满意")
    save(qtbot, callback)
    assert "基本满意" in detail.fields["callback"].text()

    page.tabs.setCurrentWidget(page.rates)
    qtbot.waitUntil(lambda: not page.rates.loading and bool(page.rates.figures))
    after = page.rates.figures["rates"]
    assert after["received"] == before["received"] + 1 and after["rated"] == before["rated"] + 1
    assert after["basically_satisfied"] == before["basically_satisfied"] + 1
    shown_rate = page.findChild(QLabel, "rates.resolution_rate").text()
    assert shown_rate == f"{after['resolution_rate'] * 100:.1f}%"
    assert "÷" in page.findChild(QLabel, "rates.resolution_rate.formula").text()
    assert f"本月受理 {after['received']} 件" in page.rates.counts.text()
    assert page.rates.chart.trend[-1]["month"] == MONTH and len(page.rates.chart.trend) == 12
    window.close()


def test_a_ticket_sent_to_a_team_is_a_task_in_the_schedule(qtbot, demo_session):
    window = window_as(qtbot, demo_session, "staff")
    tab = requests_page(qtbot, window).tickets
    ticket_id = enter_by_hand(qtbot, tab, "独居老人家中水管冻裂，需要帮忙找人修", category="城乡建设/供水/水管")
    tab.select_ticket(ticket_id)
    click(qtbot, tab.detail.team_button)
    dialog = tab.detail.dialog
    assert dialog.service_type.currentText() == "困难帮扶"
    team_name = dialog.team.currentText()
    save(qtbot, dialog)
    ticket = tickets.get(demo_session, ticket_id)
    assert ticket["task_id"] is not None and ticket["team_name"] == team_name
    assert team_name in tab.detail.fields["handler"].text()

    schedule = window.show_page("schedule")
    schedule.go_to(date(2026, 11, 29))
    titles = {s.task_id: s for s in schedule.shifts}
    assert ticket["task_id"] in titles
    assert titles[ticket["task_id"]].team_name == team_name
    window.close()


def test_a_hot_spot_becomes_a_bin_duty_task(qtbot, demo_session):
    window = window_as(qtbot, demo_session, "staff")
    page = requests_page(qtbot, window)
    for text in ("桶站垃圾满溢没人管", "垃圾桶旁边堆满了装修垃圾", "桶站晚上有人乱扔垃圾"):
        enter_by_hand(qtbot, page.tickets, text, address=BIN_ADDRESS, category="城市管理/垃圾分类")
    page.tabs.setCurrentWidget(page.hotspots)
    hot = page.hotspots
    qtbot.waitUntil(lambda: not hot.loading)
    rows = [r for r in range(hot.model.rowCount()) if hot.model.text(r, 2) == "城市管理/垃圾分类"
            and "垃圾分类驿站" in hot.model.text(r, 0)]
    assert rows, [hot.model.text(r, 0) for r in range(hot.model.rowCount())]
    hot.table.selectRow(rows[0])
    qtbot.waitUntil(lambda: hot.tickets.rowCount() >= 3)     # the spot's tickets come from the runner
    click(qtbot, hot.task_button)
    dialog = hot.dialog
    assert dialog.service_type.currentText() == "垃圾分类值守"
    save(qtbot, dialog)
    assert "任务已建好" in hot.message.text()
    task = demo_session.db.execute(
        "SELECT t.place_id, s.name FROM tasks t JOIN service_types s ON s.id = t.service_type_id "
        "WHERE t.id = ?", [dialog.saved]).fetchone()
    assert task[1] == "垃圾分类值守" and task[0] == hot.chosen().place_id

    click(qtbot, hot.remind_button)                     # and a worker goes to look
    remind = hot.dialog
    worker = remind.staff.currentText()
    save(qtbot, remind)
    reminder = tickets.get(demo_session, remind.saved)
    assert reminder["source"] == "网格巡查" and reminder["staff_name"] == worker
    assert "网格巡查" in hot.message.text()
    window.close()


def test_a_worker_takes_a_ticket_and_a_closed_one_is_sent_back(qtbot, demo_session):
    window = window_as(qtbot, demo_session, "staff")
    tab = requests_page(qtbot, window).tickets
    ticket_id = enter_by_hand(qtbot, tab, "楼下夜里有人大声喧哗", category="生态环境/噪音")
    tab.select_ticket(ticket_id)
    detail = tab.detail
    click(qtbot, detail.staff_button)
    dialog = detail.dialog
    worker = dialog.staff.currentText()
    save(qtbot, dialog)
    assert worker in detail.fields["handler"].text()
    qtbot.waitUntil(lambda: not tab.loading)
    assert worker in tab.model.text([r["id"] for r in tab.rows].index(ticket_id), 8)
    assert not detail.reopen_button.isEnabled()          # nothing fed back yet
    tickets.advance(demo_session, ticket_id, Status.SIGNED)
    tickets.advance(demo_session, ticket_id, Status.CONTACTED)
    tickets.advance(demo_session, ticket_id, Status.HANDLING)
    tickets.advance(demo_session, ticket_id, Status.FEEDBACK, note="已劝导")
    detail.show_ticket(ticket_id)
    click(qtbot, detail.reopen_button)
    back = detail.dialog
    back.findChild(QPlainTextEdit, "request_note.text").setPlainText("诉求人说夜里还在吵")
    save(qtbot, back)
    again = tickets.get(demo_session, ticket_id)
    assert again["status"] == Status.HANDLING and again["reopened"] == 1
    assert detail.next_button.text() == "反馈结果…"
    assert "退回重办1次" in detail.fields["risk"].text()
    qtbot.waitUntil(lambda: not tab.loading)
    row = [r["id"] for r in tab.rows].index(ticket_id)
    assert tab.model.text(row, 9) == "风险"
    tip = tab.model.index(row, 9).data(Qt.ItemDataRole.ToolTipRole)
    assert "退回重办1次" in tip
    window.close()


def test_the_dashboard_card_opens_the_late_or_risk_tickets(qtbot, demo_session):
    window = window_as(qtbot, demo_session, "staff")
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(lambda: not dashboard.loading)     # the figures come from the runner
    figure = window.findChild(QLabel, "dashboard.requests.value")
    before = int(figure.text())
    page = requests_page(qtbot, window)
    enter_by_hand(qtbot, page.tickets, "单元门禁坏了进不去", category="城乡建设/物业管理/门禁")
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: not dashboard.loading and figure.text() == str(before + 1))
    assert "超时" in dashboard.cards["requests"].hint.text()
    qtbot.mouseClick(dashboard.cards["requests"], Qt.MouseButton.LeftButton)
    assert window.page("requests").isVisible()
    tab = page.tickets
    assert tab.view.currentData() == "late_or_risk"
    qtbot.waitUntil(lambda: not tab.loading)
    assert all(tab.model.row(r)["late"] or tab.model.row(r)["risk"] for r in range(tab.model.rowCount()))
    numbers = figures.dashboard(demo_session)
    assert tab.model.rowCount() == numbers["late"] + numbers["at_risk"] > 0
    assert f"超时 {numbers['late']} 件，有风险 {numbers['at_risk']} 件" in dashboard.cards["requests"].hint.text()
    window.close()


def test_a_supervisor_reads_tickets_without_buttons_and_others_do_not_see_them(qtbot, demo_session):
    staff = window_as(qtbot, demo_session, "staff")
    enter_by_hand(qtbot, requests_page(qtbot, staff).tickets, "小区停车位被占")
    staff.close()
    window = window_as(qtbot, demo_session, "supervisor")
    page = requests_page(qtbot, window)
    tab = page.tickets
    assert not tab.new_button.isVisible()
    tab.table.selectRow(0)
    assert tab.detail.ticket is not None
    assert not any(b.isVisible() for b in (*tab.detail.buttons, tab.detail.reveal_button))
    page.tabs.setCurrentWidget(page.rates)
    assert page.rates.print_button.isVisible()
    page.tabs.setCurrentWidget(page.hotspots)
    assert not page.hotspots.task_button.isVisible()
    window.close()
    for login in ("captain", "admin"):
        other = window_as(qtbot, demo_session, login)
        assert "requests" not in other.page_keys
        other.show_page("dashboard")
        assert other.findChild(QLabel, "dashboard.requests.value") is None
        other.close()


def test_a_supervisor_prints_the_month_report_from_the_rates_tab(qtbot, demo_session, tmp_path, event_loop):
    # a 12345 ticket of three weeks ago nobody signed for: late, so on the report
    late = tickets.add(demo_session, {"source": "12345", "address": "明春苑6号楼", "content": "燃气味很重",
                                      "category": "城乡建设/燃气/燃气泄漏", "received_at": "2026-11-06 20:15"})
    number = tickets.get(demo_session, late)["ticket_no"]
    window = window_as(qtbot, demo_session, "supervisor")
    page = requests_page(qtbot, window)
    page.tabs.setCurrentWidget(page.rates)
    qtbot.waitUntil(lambda: not page.rates.loading)
    click(qtbot, page.rates.print_button)
    dialog = page.rates.dialog
    assert dialog.month.currentData() == "2026-10"      # the last complete month, by default
    dialog.month.setCurrentIndex(0)                     # this month, one pick up
    assert dialog.month.currentData() == MONTH
    preview = event_loop.run_until_complete(dialog.preview())
    assert preview is not None and preview.isVisible()
    preview.close()
    path = event_loop.run_until_complete(dialog.save_pdf(tmp_path / "接诉即办.pdf"))
    text = "".join(pdf_text(path).split())
    figures = rates.month_rates(demo_session, MONTH)
    assert "2026年11月接诉即办工作月报" in text and f"本月受理诉求{figures['received']}件" in text
    assert "已联系÷有回访结果的工单" in text
    assert number in text.split("超时工单")[1]
    dialog.reject()
    window.close()


def test_a_step_taken_meanwhile_elsewhere_is_not_overwritten(qtbot, demo_session):
    window = window_as(qtbot, demo_session, "staff")
    tab = requests_page(qtbot, window).tickets
    ticket_id = enter_by_hand(qtbot, tab, "电梯困人，已报物业", category="城乡建设/物业管理/电梯")
    tab.select_ticket(ticket_id)
    detail = tab.detail
    assert detail.next_button.text() == "签收"
    tickets.advance(demo_session, ticket_id, Status.SIGNED)     # another PC signed for it
    step(qtbot, detail)
    assert detail.message.property("role") == "error" and detail.message.text()
    assert tickets.get(demo_session, ticket_id)["status"] == Status.SIGNED
    assert detail.title.text().endswith("已签收") and detail.next_button.text() == "联系诉求人"
    window.close()


def test_a_call_entered_afterwards_keeps_its_own_time_and_deadline(qtbot, demo_session):
    from PySide6.QtCore import QDate, QTime
    from PySide6.QtWidgets import QDateEdit, QTimeEdit

    window = window_as(qtbot, demo_session, "staff")
    tab = requests_page(qtbot, window).tickets
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    day = dialog.findChild(QDateEdit, "new_request.received_date")
    at = dialog.findChild(QTimeEdit, "new_request.received_time")
    today = demo_session.today()
    assert day.date() == QDate(today.year, today.month, today.day)    # now, by default
    dialog.findChild(QLineEdit, "new_request.caller").setText("郑秀兰")
    dialog.findChild(QLineEdit, "new_request.category").setText("城乡建设/供暖/暖气不热")
    dialog.findChild(QPlainTextEdit, "new_request.content").setPlainText("暖气不热，家里有老人")
    day.setDate(QDate(today.year, today.month, today.day).addDays(1))      # a slip: tomorrow
    refused(qtbot, dialog)
    assert dialog.isVisible() and "来电时间" in dialog.error.text() and "之后" in dialog.error.text()
    day.setDate(QDate(today.year, today.month, today.day).addDays(-1))     # the call came yesterday
    at.setTime(QTime(16, 30))
    save(qtbot, dialog)
    ticket = tickets.get(demo_session, dialog.saved)
    yesterday = today.fromordinal(today.toordinal() - 1)
    assert ticket["received_at"] == f"{yesterday}T16:30:00"
    assert ticket["kind"] == "水电气热" and ticket["due_at"] == f"{today}T16:30:00"   # 24 hours on
    window.close()
