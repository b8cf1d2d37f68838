"""极端天气 as a community worker runs it from the window on the demo community: 发布预警 with
its preview and insurance, a refused second warning and an upgrade; the roll-call worked with
one click or one key per attempt (平安, 需要帮助 with what is needed, three 未接通 turning a
resident red for a door visit, the door visit's outcome); the board and the 工作台 card follow
every attempt; needs assigned and done; a supervisor reads without buttons; captains and the
administrator have no page."""

from __future__ import annotations

import pytest
from gui_helpers import settle, window_as
from pdftext import pdf_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from volunteer_app.domain.weather import AlertLevel, AlertType
from volunteer_app.services.admin import users
from volunteer_app.services.alerts import access, attempts, board, start
from volunteer_app.services.session import Session
from volunteer_app.ui.pages.alert_roll_table import ESCALATED, STATE_COLUMN

pytestmark = pytest.mark.gui


def alerts_page(qtbot, window):
    page = window.show_page("alerts")
    settle(qtbot, page)
    return page


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def started(demo_session, kind=AlertType.SNOW, level=AlertLevel.ORANGE) -> start.StartOutcome:
    staff = users.authenticate(demo_session.db, "staff", "staff2026")
    return start.start(Session(demo_session.db, staff, today=demo_session.today),
                       start.StartRequest(kind, level, insurance="人保财险 PICC-2026-0088"))


def publish(qtbot, page, kind: str, level: str, insurance: str = ""):
    """发布预警… filled in as a worker would; returns the dialog (closed when it was saved)."""
    click(qtbot, page.actions.start_button)
    dialog = page.actions.dialog
    settle(qtbot, dialog)
    dialog.findChild(QComboBox, "alert_start.type").setCurrentText(kind)
    dialog.findChild(QComboBox, "alert_start.level").setCurrentText(level)
    settle(qtbot, dialog)
    dialog.findChild(QPlainTextEdit, "alert_start.notice").setPlainText(
        f"北京市丰台区气象台发布{kind}{level}预警信号：预计今天夜间至明天白天有大到暴雪。")
    if insurance:
        dialog.findChild(QLineEdit, "alert_start.insurance").setText(insurance)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    settle(qtbot, page)
    return dialog


def roll_state(demo_session, roll_id: int) -> dict:
    return dict(next(demo_session.db.query("SELECT * FROM alert_roll WHERE id = ?", [roll_id])))


def test_a_warning_is_published_refused_when_one_is_open_and_upgraded(qtbot, demo_session):
    window = window_as(qtbot, demo_session, "staff")
    page = alerts_page(qtbot, window)
    assert page.board.title.text() == "当前没有预警"
    assert not page.actions.close_button.isVisible()

    click(qtbot, page.actions.start_button)
    dialog = page.actions.dialog
    settle(qtbot, dialog)
    dialog.findChild(QComboBox, "alert_start.type").setCurrentText("暴雪")
    settle(qtbot, dialog)
    expected = start.preview(demo_session, AlertType.SNOW)
    assert f"点名 {expected['roll_count']} 人" in dialog.preview.text()
    assert "铲冰除雪" in dialog.preview.text()
    assert dialog.insurance.isVisible()              # 铲冰 needs insurance (条例第十七条)
    communities = dialog.findChild(type(dialog.communities), "alert_start.communities")
    assert all(communities.item(i).checkState() == Qt.CheckState.Checked for i in range(communities.count()))
    dialog.findChild(QComboBox, "alert_start.type").setCurrentText("高温")
    settle(qtbot, dialog)
    assert not dialog.insurance.isVisible()          # no shift with risk of injury
    dialog.reject()

    publish(qtbot, page, "暴雪", "橙色", insurance="人保财险 PICC-2026-0088")
    alert = access.open_alerts(demo_session)[0]
    assert alert["title"] == "暴雪橙色预警" and "大到暴雪" in alert["notice"]
    assert "预警已发布" in page.message.text() and f"点名 {expected['roll_count']} 人" in page.message.text()
    assert page.board.title.text() == "暴雪橙色预警"
    assert page.board.value("reached") == f"0/{expected['roll_count']}  0%"
    settle(qtbot, page)
    assert page.roll.model.rowCount() == expected["roll_count"]
    assert not page.banner.isVisible()              # the insurance was given in the dialog
    assert page.actions.close_button.isVisible()

    # another type while one is open: the service's reason, the dialog stays, nothing changes
    refused = publish(qtbot, page, "暴雨", "黄色")
    assert refused.isVisible() and "已有进行中的暴雪橙色预警" in refused.error.text()
    assert demo_session.db.execute("SELECT COUNT(*) FROM alerts").fetchone()[0] == 1
    refused.reject()

    upgraded = publish(qtbot, page, "暴雪", "红色")
    assert not upgraded.isVisible() and upgraded.saved.upgraded
    assert "预警已升级" in page.message.text()
    qtbot.waitUntil(lambda: page.board.title.text() == "暴雪红色预警")
    assert demo_session.db.execute("SELECT COUNT(*) FROM alerts").fetchone()[0] == 1
    window.close()


def test_the_insurance_banner_asks_until_the_policy_is_recorded(qtbot, demo_session):
    staff = users.authenticate(demo_session.db, "staff", "staff2026")
    start.start(Session(demo_session.db, staff, today=demo_session.today),
                start.StartRequest(AlertType.SNOW, AlertLevel.YELLOW))
    window = window_as(qtbot, demo_session, "staff")
    page = alerts_page(qtbot, window)
    assert page.banner.isVisible() and "保险" in page.banner.text.text()
    click(qtbot, page.banner.button)
    dialog = page.banner.dialog
    click(qtbot, dialog.save_button)                 # nothing typed: refused, stays open
    qtbot.waitUntil(lambda: not dialog.busy)         # (saved in the background)
    assert dialog.isVisible() and dialog.error.text()
    dialog.findChild(QLineEdit, "alert_insurance.policy").setText("人保财险 PICC-2026-0088")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "已为" in page.message.text()
    qtbot.waitUntil(lambda: not page.banner.isVisible())
    alert_id = access.open_alerts(demo_session)[0]["id"]
    assert start.insurance_warnings(demo_session, alert_id) == []
    window.close()


def test_the_roll_call_is_worked_one_key_per_attempt_and_a_red_resident_gets_a_door_visit(qtbot, demo_session):
    outcome = started(demo_session)
    window = window_as(qtbot, demo_session, "staff")
    page = alerts_page(qtbot, window)
    roll = page.roll
    settle(qtbot, roll)
    assert roll.model.rowCount() == outcome.roll_count
    first, second, third = (roll.rows[i]["id"] for i in range(3))
    roll.select_roll(first)
    assert roll.chosen()["id"] == first and roll.chosen()["resident_name"] in roll.current.text()

    click(qtbot, roll.safe_button)                   # 平安: one click
    assert roll.chosen()["id"] == second             # at once on to the next one not yet reached
    assert roll.model.text(0, STATE_COLUMN) == "平安"
    settle(qtbot, roll)                              # saved in the background
    assert roll_state(demo_session, first)["state"] == "平安"

    roll.table.setFocus()
    qtbot.keyClick(roll.table, "5")                  # the family answered for them
    assert roll.family.isChecked()
    qtbot.keyClick(roll.table, "1")
    settle(qtbot, roll)
    logged = attempts.attempts(demo_session, second)
    assert [(a["result"], a["via"]) for a in logged] == [("平安", "家属")]
    assert not roll.family.isChecked() and roll.chosen()["id"] == third

    # three times no answer within the half hour: red, and a door visit assigned
    for _ in range(3):
        roll.select_roll(third)
        qtbot.keyClick(roll.table, "3")
    settle(qtbot, roll)
    entry = roll_state(demo_session, third)
    assert entry["attempts"] == 3 and entry["escalated_at"] and entry["door_volunteer_id"]
    assert "已转上门" in page.roll.message.text()
    settle(qtbot, page)
    number = [r["id"] for r in roll.rows].index(third)
    assert roll.model.index(number, 0).data(Qt.ItemDataRole.BackgroundRole).color() == ESCALATED
    assert roll.model.text(number, STATE_COLUMN).startswith("已转上门")

    # the board and its lists follow
    qtbot.waitUntil(lambda: page.board.value("reached").startswith(f"2/{outcome.roll_count}"))
    assert page.board.value("door_visits") == "1"
    assert [r["id"] for r in page.doors.rows] == [third]
    assert third in [r["id"] for r in page.unreached.rows]
    assert page.unreached.rows[0]["waiting_minutes"] >= page.unreached.rows[-1]["waiting_minutes"]

    # the door visitor reports back
    page.tabs.setCurrentWidget(page.doors)
    page.doors.select(third)
    click(qtbot, page.doors.findChild(QPushButton, "doors.outcome"))
    door = page.doors.dialog
    door.findChild(QLineEdit, "alert_door.note").setText("手机没电了，人没事")
    click(qtbot, door.save_button)
    qtbot.waitUntil(lambda: not door.isVisible())
    entry = roll_state(demo_session, third)
    assert entry["state"] == "已上门" and entry["door_closed_at"]
    qtbot.waitUntil(lambda: page.doors.model.rowCount() == 0)
    assert page.board.value("door_visits") == "0"

    # a door visit sent by hand, without waiting for three calls
    page.tabs.setCurrentWidget(page.unreached)
    waiting = page.unreached.rows[0]
    page.unreached.select(waiting["id"])
    click(qtbot, page.unreached.findChild(QPushButton, "unreached.door"))
    send = page.unreached.dialog
    settle(qtbot, send)                              # who can go is read in the background
    visitor = send.person.currentText()
    click(qtbot, send.save_button)
    qtbot.waitUntil(lambda: not send.isVisible())
    qtbot.waitUntil(lambda: [r["id"] for r in page.doors.rows] == [waiting["id"]])
    assert page.doors.model.text(0, 2) == visitor
    window.close()


def test_needs_help_is_logged_assigned_and_done(qtbot, demo_session):
    started(demo_session)
    window = window_as(qtbot, demo_session, "staff")
    page = alerts_page(qtbot, window)
    roll = page.roll
    settle(qtbot, roll)
    chosen = roll.rows[4]
    roll.select_roll(chosen["id"])
    roll.table.setFocus()
    qtbot.keyClick(roll.table, "2")                  # 需要帮助…
    dialog = roll.dialog
    click(qtbot, dialog.save_button)                 # nothing ticked: the service refuses
    qtbot.waitUntil(lambda: not dialog.busy)         # (saved in the background)
    assert dialog.isVisible() and dialog.error.text()
    dialog.activateWindow()                          # as a dialog opening on a real screen is
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.save_button, "1")          # 送餐
    dialog.findChild(QCheckBox, "alert_needs.取暖").setChecked(True)
    dialog.findChild(QLineEdit, "alert_needs.note").setText("暖气不热，家里没有饭")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    entry = roll_state(demo_session, chosen["id"])
    assert entry["state"] == "需要帮助" and "送餐" in entry["needs"] and "取暖" in entry["needs"]

    page.tabs.setCurrentWidget(page.needs)
    qtbot.waitUntil(lambda: page.needs.model.rowCount() == 1)
    needs = page.needs
    assert needs.model.text(0, 1) == "送餐、取暖" and needs.model.text(0, 3) == "未指派"
    needs.select(chosen["id"])
    click(qtbot, needs.findChild(QPushButton, "needs.assign"))
    handler = needs.dialog
    settle(qtbot, handler)                           # who can take it on is read in the background
    name = handler.person.currentText()
    click(qtbot, handler.save_button)
    qtbot.waitUntil(lambda: not handler.isVisible())
    qtbot.waitUntil(lambda: needs.model.text(0, 3) == name)
    click(qtbot, needs.findChild(QPushButton, "needs.done"))
    done = needs.dialog
    done.findChild(QLineEdit, "alert_note.text").setText("已送去饭菜和电暖器")
    click(qtbot, done.save_button)
    qtbot.waitUntil(lambda: not done.isVisible())
    qtbot.waitUntil(lambda: needs.model.text(0, 4) != "未办")
    assert roll_state(demo_session, chosen["id"])["need_done_at"]
    window.close()


def test_the_roll_call_filters_by_caller_and_state(qtbot, demo_session):
    outcome = started(demo_session)
    window = window_as(qtbot, demo_session, "staff")
    page = alerts_page(qtbot, window)
    roll = page.roll
    settle(qtbot, roll)
    rows = board.roll_rows(demo_session, outcome.alert_id)
    caller = rows[0]["caller_id"]
    roll.caller.setCurrentIndex(roll.caller.findData(caller))
    assert roll.model.rowCount() == sum(1 for r in rows if r["caller_id"] == caller)
    roll.caller.setCurrentIndex(0)
    roll.select_roll(rows[0]["id"])
    click(qtbot, roll.safe_button)
    roll.state.setCurrentIndex(roll.state.findData("reached"))
    assert [r["id"] for r in roll.rows] == [rows[0]["id"]]
    roll.state.setCurrentIndex(roll.state.findData("waiting"))
    assert roll.model.rowCount() == outcome.roll_count - 1
    roll.filter.setText(rows[1]["resident_name"])
    assert all(rows[1]["resident_name"] in r["resident_name"] for r in roll.rows) and roll.rows
    window.close()


def test_an_attempt_shows_at_once_without_reading_the_whole_roll_call_again(qtbot, demo_session):
    """A worker on 未联系 clicks 平安: the resident leaves the list, the count follows and the
    next one is chosen, from the row the service returned (reading the roll-call again after
    every click froze the window at a district's size, issue 15); a change made elsewhere
    still reloads it."""
    outcome = started(demo_session)
    window = window_as(qtbot, demo_session, "staff")
    page = alerts_page(qtbot, window)
    roll = page.roll
    settle(qtbot, roll)
    roll.state.setCurrentIndex(roll.state.findData("waiting"))
    first, second = roll.rows[0]["id"], roll.rows[1]["id"]
    roll.select_roll(first)
    asked = roll._load._asked                       # noqa: SLF001 (how many reloads were asked)
    click(qtbot, roll.safe_button)
    click(qtbot, roll.safe_button)
    settle(qtbot, roll)                             # both saved in the background
    assert roll._load._asked == asked               # noqa: SLF001 (no reload for its own clicks)
    assert roll.rows[0]["id"] not in (first, second) and roll.chosen()["id"] == roll.rows[0]["id"]
    assert roll.count.text().startswith(f"{outcome.roll_count - 2} 人")
    roll.state.setCurrentIndex(roll.state.findData("reached"))
    assert [r["id"] for r in roll.rows] == [first, second]
    roll.session.announce({"alert_roll"})           # another part of the window changed it
    assert roll._load._asked == asked + 1           # noqa: SLF001
    settle(qtbot, roll)
    assert [r["id"] for r in roll.rows] == [first, second]
    window.close()


def test_the_dashboard_card_follows_the_roll_call_from_any_page(qtbot, demo_session):
    window = window_as(qtbot, demo_session, "staff")
    dashboard = window.show_page("dashboard")
    settle(qtbot, dashboard)
    assert not dashboard.cards["alert"].isVisible()
    outcome = started(demo_session)
    window.session.announce({"alerts", "alert_roll"})  # as the runner does for a worker's write
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: dashboard.cards["alert"].isVisible())
    card = dashboard.cards["alert"]
    assert card.title.text() == "暴雪橙色预警"
    assert card.value.text() == f"已联系 0/{outcome.roll_count}"
    page = alerts_page(qtbot, window)
    settle(qtbot, page.roll)
    page.roll.select_roll(page.roll.rows[0]["id"])
    click(qtbot, page.roll.safe_button)
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: card.value.text() == f"已联系 1/{outcome.roll_count}")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.nav.currentItem().text() == "极端天气"
    window.close()


def test_a_supervisor_reads_and_prints_without_buttons_and_others_have_no_page(qtbot, demo_session):
    started(demo_session)
    window = window_as(qtbot, demo_session, "supervisor")
    page = alerts_page(qtbot, window)
    settle(qtbot, page.roll)
    assert page.board.title.text() == "暴雪橙色预警" and page.roll.model.rowCount() > 0
    assert page.actions.sheet_button.isVisible()
    for hidden in (page.actions.start_button, page.actions.close_button, page.actions.log_sheet_button,
                   page.roll.safe_button, page.roll.family, page.callers.copy_button,
                   page.banner.button):
        assert not hidden.isVisible(), hidden.objectName()
    page.roll.select_roll(page.roll.rows[0]["id"])
    page.roll.table.setFocus()
    qtbot.keyClick(page.roll.table, "1")             # the key does nothing either
    assert roll_state(demo_session, page.roll.rows[0]["id"])["state"] == "待联系"
    window.close()
    for login in ("captain", "admin"):
        other = window_as(qtbot, demo_session, login)
        assert "alerts" not in other.page_keys
        other.close()


def test_a_call_sheet_is_printed_to_pdf_and_its_results_typed_back(qtbot, demo_session, event_loop, tmp_path):
    outcome = started(demo_session)
    window = window_as(qtbot, demo_session, "staff")
    page = alerts_page(qtbot, window)
    settle(qtbot, page.roll)
    rows = board.roll_rows(demo_session, outcome.alert_id)
    caller = rows[0]["caller_id"]
    mine = [r for r in rows if r["caller_id"] == caller]

    click(qtbot, page.actions.sheet_button)
    sheet = page.actions.dialog
    sheet.caller.setCurrentIndex(sheet.caller.findData(caller))
    path = event_loop.run_until_complete(sheet.save_pdf(tmp_path / "点名表.pdf"))
    text = pdf_text(path)
    assert "暴雪橙色预警 点名表" in text and rows[0]["caller_name"] in text
    assert all(r["resident_name"] in text for r in mine[:5])
    others = [r["resident_name"] for r in rows if r["caller_id"] != caller
              and r["resident_name"] not in {m["resident_name"] for m in mine}]
    assert others and others[0] not in text
    sheet.reject()

    # typed back: a wrong result names the line and saves nothing
    click(qtbot, page.actions.log_sheet_button)
    grid = page.actions.dialog
    first, second = mine[0], mine[1]
    grid.type_line(0, first["position"] + 1, "1")
    assert grid.grid.item(0, 3).text() == first["resident_name"]     # the name shows at once
    grid.type_line(1, second["position"] + 1, "好", "没人接")
    click(qtbot, grid.save_button)
    qtbot.waitUntil(lambda: not grid.busy)           # (the service checks it in the background)
    assert grid.isVisible() and f"第{second['position'] + 1}行" in grid.error.text()
    assert demo_session.db.execute("SELECT COUNT(*) FROM alert_attempts").fetchone()[0] == 0
    grid.type_line(1, second["position"] + 1, "2", "要送药")
    grid.type_line(2, 99999, "3")
    click(qtbot, grid.save_button)
    assert grid.isVisible() and "行号“99999”" in grid.error.text() and grid.grid.item(2, 3).text() == "无此行号"
    grid.type_line(2, "", "")
    click(qtbot, grid.save_button)
    qtbot.waitUntil(lambda: not grid.isVisible())
    assert "已录入 2 条" in page.message.text()
    assert roll_state(demo_session, first["id"])["state"] == "平安"
    helped = roll_state(demo_session, second["id"])
    assert helped["state"] == "需要帮助" and "送药" in helped["needs"]
    window.close()


def test_a_callers_wechat_text_is_copied_and_shown(qtbot, demo_session):
    outcome = started(demo_session)
    window = window_as(qtbot, demo_session, "staff")
    page = alerts_page(qtbot, window)
    page.tabs.setCurrentWidget(page.callers)
    settle(qtbot, page.callers)
    tab = page.callers
    assert tab.rows and tab.rows[0]["caller_role"] == "结对帮手"          # helpers first
    assert sum(len(c["residents"]) for c in tab.rows) == outcome.roll_count
    tab.table.selectRow(0)
    chosen = tab.rows[0]
    assert tab.residents.rowCount() == len(chosen["residents"])
    click(qtbot, tab.copy_button)
    settle(qtbot, tab)                               # written on the runner
    copied = QGuiApplication.clipboard().text()
    assert copied == tab.text.toPlainText()
    assert copied.startswith(f"{chosen['caller_name']}您好：请在今天18点前联系以下老人")
    assert chosen["residents"][0]["resident_name"] in copied
    assert "已复制" in tab.message.text() and "可粘贴到微信" in tab.message.text()
    window.close()


def test_closing_offers_the_report_and_leaves_the_warning_read_only_in_the_history(
        qtbot, demo_session, event_loop, tmp_path):
    outcome = started(demo_session)
    window = window_as(qtbot, demo_session, "staff")
    page = alerts_page(qtbot, window)
    settle(qtbot, page.roll)
    page.roll.select_roll(page.roll.rows[0]["id"])
    click(qtbot, page.roll.safe_button)
    settle(qtbot, page)

    click(qtbot, page.actions.close_button)
    confirm = page.actions.dialog
    assert f"还有 {outcome.roll_count - 1} 人没有联系上" in confirm.findChild(QLabel, "alert_close.summary").text()
    click(qtbot, confirm.save_button)
    qtbot.waitUntil(lambda: not confirm.isVisible())
    assert access.open_alerts(demo_session) == []
    assert "已解除" in page.message.text()
    report = page.actions.dialog
    assert report.objectName() == "alert_report_dialog" and report.isVisible()
    text = pdf_text(event_loop.run_until_complete(report.save_pdf(tmp_path / "总结报告.pdf")))
    assert "暴雪橙色预警" in text and "总结报告" in text
    report.reject()

    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.board.title.text() == "暴雪橙色预警（已解除）")
    assert page.board.value("reached").startswith(f"1/{outcome.roll_count}")
    for hidden in (page.actions.close_button, page.actions.log_sheet_button, page.actions.sheet_button,
                   page.roll.safe_button):
        assert not hidden.isVisible(), hidden.objectName()
    assert page.actions.start_button.isVisible()

    page.tabs.setCurrentWidget(page.history)
    history = page.history
    assert history.model.text(0, 0) == "暴雪橙色预警" and history.model.text(0, 4) == str(outcome.roll_count)
    history.select(outcome.alert_id)
    click(qtbot, history.report_button)
    again = history.dialog
    assert again.isVisible() and again.alert["id"] == outcome.alert_id
    again.reject()
    window.close()


def test_the_sheet_grid_is_typed_with_the_keyboard_alone(qtbot, demo_session):
    outcome = started(demo_session)
    window = window_as(qtbot, demo_session, "staff")
    page = alerts_page(qtbot, window)
    settle(qtbot, page.roll)
    rows = board.roll_rows(demo_session, outcome.alert_id)
    click(qtbot, page.actions.log_sheet_button)
    dialog = page.actions.dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for text in (str(rows[0]["position"] + 1), "1", "", str(rows[1]["position"] + 1), "3"):
        qtbot.waitUntil(lambda: dialog.grid.state() == QAbstractItemView.State.EditingState)
        editor = QApplication.focusWidget()
        for key in text:
            qtbot.keyClick(editor, key)
        qtbot.keyClick(editor, Qt.Key.Key_Return)                        # on to the next cell
        qtbot.waitUntil(lambda editor=editor: QApplication.focusWidget() is not editor)
    assert [dialog.grid.item(0, c).text() for c in range(4)] == [
        str(rows[0]["position"] + 1), "1", "", rows[0]["resident_name"]]
    assert dialog.grid.item(1, 1).text() == "3" and dialog.grid.currentColumn() == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)      # leave the note cell
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert roll_state(demo_session, rows[0]["id"])["state"] == "平安"
    assert roll_state(demo_session, rows[1]["id"])["state"] == "未接通"
    window.close()
