"""Hand entry as a committee worker with a Chinese input method types it, in the real dialogs
on the demo file: full-width numbers in 楼号/单元/门牌, a visit's 开始时间 typed １４：３０ or
9：30 (the input method's colon), a pasted value with its newline or tab, a login typed
ｗａｎｇｌｉ. Each is stored half-width and trimmed (read back from the SQLite file), or
refused in Chinese naming the field with the dialog left open and everything typed kept.
(Full-width ID numbers and phones in the person dialogs: test_identity_gui.py.)"""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from volunteer_app.services.care import pairing
from volunteer_app.ui.dialogs.visit_dialog import VisitDialog
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
FULL_WIDTH = str.maketrans("0123456789-:.", "０１２３４５６７８９－：．")


def focus(widget) -> None:
    """The person clicks into ``widget``: its window comes to the front and the widget has the
    focus (the application's focusChanged, which an inactive window's setFocus does not send)."""
    widget.window().activateWindow()
    QApplication.processEvents()
    widget.setFocus()
    assert QApplication.focusWidget() in (widget, widget.focusProxy()), QApplication.focusWidget()


def typed(widget: QLineEdit, text: str) -> None:
    """What a Chinese input method (or a paste) commits into the field."""
    focus(widget)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def typed_into_box(box, text: str) -> None:
    """What an input method commits into a spin box or a date/time edit, over its whole text."""
    focus(box)
    box.selectAll()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(box, event)
    box.interpretText()


def stored(session, sql: str, params=()) -> tuple:
    """The row as the SQLite file holds it, read through a connection of its own."""
    conn = sqlite3.connect(session.path)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


@pytest.fixture
def window(qtbot, demo_session):
    shown = MainWindow(demo_session)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: QApplication.instance().property("half_width_input"))   # after first paint
    yield shown
    shown.close()


def test_a_resident_typed_full_width_and_pasted_is_stored_half_width_and_trimmed(qtbot, window, demo_session):
    page = window.show_page("residents")
    qtbot.waitUntil(lambda: not page.model.loading)
    qtbot.mouseClick(page.findChild(QPushButton, "residents.add"), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    field = {name: dialog.findChild(QLineEdit, f"resident_dialog.{name}")
             for name in ("name", "id_number", "phone", "building", "unit", "room")}
    typed(field["name"], "\u3000李秀英\u3000")
    typed(field["id_number"], "11010519491231002x\t")            # lowercase x, pasted from Excel
    typed(field["phone"], "１３８００１３８０００\n")               # pasted from WeChat
    typed(field["building"], "３号楼\u3000")
    typed(field["unit"], "２")
    typed(field["room"], "１０１\n")
    typed_into_box(dialog.findChild(QSpinBox, "resident_dialog.floor"), "６")   # dropped by Qt before
    place = dialog.findChild(QComboBox, "resident_dialog.place")
    place.setCurrentIndex(place.findText("高立庄"))
    save = dialog.findChild(QPushButton, "resident_dialog.save")
    assert save.isEnabled(), dialog.errors()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(demo_session, "SELECT name, id_number, phone, birth_date, gender, building, unit, room, floor "
                                "FROM residents ORDER BY id DESC LIMIT 1") == (
        "李秀英", "11010519491231002X", "13800138000", "1949-12-31", "女", "3号楼", "2", "101", 6)


def test_a_volunteer_typed_full_width_and_pasted_is_stored_half_width_and_trimmed(qtbot, window, demo_session):
    page = window.show_page("volunteers")
    page.add_volunteer.click()
    dialog = page.dialog
    typed(dialog.findChild(QLineEdit, "volunteer_dialog.name"), "王小明\u3000\n")
    typed(dialog.findChild(QLineEdit, "volunteer_dialog.id_number"), "\t11010519850312104x")
    typed(dialog.findChild(QLineEdit, "volunteer_dialog.phone"), "\u3000１３９００００１１１１")
    typed(dialog.findChild(QLineEdit, "volunteer_dialog.building"), "５号楼\u3000")
    typed_into_box(dialog.findChild(QDoubleSpinBox, "volunteer_dialog.weekly_hours_cap"), "１２．５")
    community = dialog.findChild(QComboBox, "volunteer_dialog.community")
    community.setCurrentIndex(community.findText("高立庄社区"))
    assert dialog.save_button.isEnabled(), dialog.errors()
    dialog.save_button.click()
    assert stored(demo_session, "SELECT name, id_number, phone, building, weekly_hours_cap "
                  "FROM volunteers WHERE id = ?", [dialog.saved_id]) == (
        "王小明", "11010519850312104X", "13900001111", "5号楼", 12.5)


def test_a_resident_without_a_name_is_refused_with_everything_typed_kept(qtbot, window, demo_session):
    page = window.show_page("residents")
    qtbot.waitUntil(lambda: not page.model.loading)
    before = stored(demo_session, "SELECT count(*) FROM residents")
    qtbot.mouseClick(page.findChild(QPushButton, "residents.add"), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    typed(dialog.findChild(QLineEdit, "resident_dialog.name"), "\u3000\u3000")   # only spaces
    typed(dialog.findChild(QLineEdit, "resident_dialog.phone"), "１３８００１３８０００")
    typed(dialog.findChild(QLineEdit, "resident_dialog.room"), "１０１")
    save = dialog.findChild(QPushButton, "resident_dialog.save")
    dialog.accept()                                   # Enter, or a forced accept: nothing saved
    assert dialog.isVisible() and not save.isEnabled()
    error = dialog.findChild(QLabel, "resident_dialog.name.error")
    assert error.isVisible() and "姓名" in error.text()
    assert dialog.findChild(QLineEdit, "resident_dialog.phone").text() == "１３８００１３８０００"
    assert dialog.findChild(QLineEdit, "resident_dialog.room").text() == "１０１"
    assert stored(demo_session, "SELECT count(*) FROM residents") == before
    dialog.reject()


@pytest.mark.parametrize(("start", "kept"), [("１４：３０", "14:30"), ("9：30\u3000", "09:30"),
                                             ("０８:０５\n", "08:05")])
def test_a_visit_typed_by_an_input_method_is_stored_half_width(qtbot, window, demo_session, start, kept):
    pair = pairing.active_pairs(demo_session)[0]
    dialog = VisitDialog(demo_session, pair)
    qtbot.addWidget(dialog)
    dialog.show()
    typed(dialog.start_time, start)
    day = demo_session.today() - timedelta(days=3)
    typed_into_box(dialog.visited_on, day.isoformat().translate(FULL_WIDTH))    # an input method's
    focus(dialog.minutes)
    dialog.minutes.selectAll()
    for key in "４５":                  # full-width characters as key presses, as some input methods send
        QApplication.sendEvent(dialog.minutes, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, key))
    dialog.accept()
    assert not dialog.isVisible(), dialog.error.text()
    assert stored(demo_session, "SELECT visited_on, start_time, minutes FROM visits ORDER BY id DESC LIMIT 1") == (
        day.isoformat(), kept, 45)


def test_a_visit_start_time_that_is_no_time_is_refused_and_kept(qtbot, window, demo_session):
    pair = pairing.active_pairs(demo_session)[0]
    before = stored(demo_session, "SELECT count(*) FROM visits")
    dialog = VisitDialog(demo_session, pair)
    qtbot.addWidget(dialog)
    dialog.show()
    typed(dialog.start_time, "下午两点")
    dialog.accept()
    assert dialog.isVisible() and "开始时间" in dialog.error.text() and "09:30" in dialog.error.text()
    assert dialog.start_time.text() == "下午两点"
    assert stored(demo_session, "SELECT count(*) FROM visits") == before


def _new_user_dialog(qtbot, window):
    """设置 → 用户 → 新增用户…, clicked: the dialog."""
    page = window.show_page("settings")
    page.findChild(QPushButton, "settings.users.add").click()
    dialog = page.user_dialog
    qtbot.waitExposed(dialog)
    return page, dialog


def _fill_user(dialog, login: str, name: str, role: str, password: str, again: str | None = None) -> None:
    typed(dialog.login, login)
    typed(dialog.name, name)
    dialog.role.setCurrentIndex(dialog.role.findText(role))
    typed(dialog.password, password)
    typed(dialog.confirm, password if again is None else again)


def test_a_login_typed_full_width_in_settings_is_stored_half_width(qtbot, window, demo_session):
    from volunteer_app.services.admin import users

    page, dialog = _new_user_dialog(qtbot, window)
    _fill_user(dialog, "ｗａｎｇｌｉ\u3000", "\u3000王丽\n", "社区工作者", "huaxiang2026")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(demo_session, "SELECT login, name, role FROM users ORDER BY id DESC LIMIT 1") == (
        "wangli", "王丽", "staff")
    assert users.authenticate(demo_session.db, "wangli", "huaxiang2026").name == "王丽"
    assert users.authenticate(demo_session.db, "ｗａｎｇｌｉ", "huaxiang2026").name == "王丽"
    shown = [page.users_table.item(r, 0).text() for r in range(page.users_table.rowCount())]
    assert "wangli" in shown


def test_a_login_with_a_space_inside_is_refused_naming_the_field(qtbot, window, demo_session):
    before = stored(demo_session, "SELECT count(*) FROM users")
    _page, dialog = _new_user_dialog(qtbot, window)
    _fill_user(dialog, "wang li", "王丽", "社区工作者", "huaxiang2026")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "用户名" in dialog.error.text() and "空格" in dialog.error.text()
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert stored(demo_session, "SELECT count(*) FROM users") == before


def test_a_refused_new_user_keeps_what_was_typed_and_saves_once_corrected(qtbot, window, demo_session):
    """The login is taken and then the two passwords differ: each time the reason shows under
    the form and the rest stays as typed (four dialogs one after another lost it all)."""
    before = stored(demo_session, "SELECT count(*) FROM users")
    _page, dialog = _new_user_dialog(qtbot, window)
    _fill_user(dialog, "staff", "孙丽娟", "督导", "huaxiang2026")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "“staff”已经有人用了" in dialog.error.text()
    assert (dialog.name.text(), dialog.role.currentText(), dialog.password.text()) == (
        "孙丽娟", "督导", "huaxiang2026")
    dialog.login.clear()
    typed(dialog.login, "sunlj")
    dialog.confirm.clear()
    typed(dialog.confirm, "huaxiang2025")
    dialog.save_button.click()
    assert "两次输入的密码不一样" in dialog.error.text() and dialog.confirm.text() == ""
    assert stored(demo_session, "SELECT count(*) FROM users") == before
    typed(dialog.confirm, "huaxiang2026")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(demo_session, "SELECT login, name, role FROM users ORDER BY id DESC LIMIT 1") == (
        "sunlj", "孙丽娟", "supervisor")


def test_a_captain_account_is_tied_to_a_captain_chosen_in_the_form(qtbot, window, demo_session):
    _page, dialog = _new_user_dialog(qtbot, window)
    assert not dialog.captain.isVisible()
    _fill_user(dialog, "laozhang", "张队长", "队长", "huaxiang2026")
    assert dialog.captain.isVisible() and dialog.captain.count() > 0
    dialog.captain.setCurrentIndex(dialog.captain.count() - 1)
    chosen = dialog.captain.currentData()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(demo_session, "SELECT role, volunteer_id FROM users WHERE login = 'laozhang'") == (
        "captain", chosen)


def test_a_ticket_typed_full_width_is_counted_on_its_building(qtbot, demo_session):
    """The caller's 明春苑３号楼 was the building ３号楼, a hot spot apart from the 3号楼 of
    every other ticket about the same stairwell; a 来电时间 typed ０９：１５ was dropped."""
    from gui_helpers import window_as
    from PySide6.QtWidgets import QPlainTextEdit, QTimeEdit

    window = window_as(qtbot, demo_session, "staff")
    qtbot.waitUntil(lambda: QApplication.instance().property("half_width_input"))
    tab = window.show_page("requests").tickets
    qtbot.waitUntil(lambda: not tab.loading)
    tab.new_button.click()
    dialog = tab.dialog
    typed(dialog.findChild(QLineEdit, "new_request.caller"), "\u3000郑秀兰\u3000")
    typed(dialog.findChild(QLineEdit, "new_request.phone"), "１３９１２３４５６７８\n")
    typed(dialog.findChild(QLineEdit, "new_request.address"), "明春苑３号楼２单元\u3000")
    typed(dialog.findChild(QLineEdit, "new_request.category"), "城乡建设/物业管理/楼道照明\t")
    dialog.findChild(QPlainTextEdit, "new_request.content").setPlainText("楼道灯坏了\n")
    typed_into_box(dialog.findChild(QTimeEdit, "new_request.received_time"), "０７：０５")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(demo_session, "SELECT caller_name, caller_phone, building, category, content, "
                                "substr(received_at, 12) FROM requests WHERE id = ?", [dialog.saved]) == (
        "郑秀兰", "13912345678", "3号楼", "城乡建设/物业管理/楼道照明", "楼道灯坏了", "07:05:00")
    window.close()


def test_a_task_typed_full_width_gets_its_day_times_and_headcount(qtbot, window, demo_session):
    """２０２６－１２－０３, ０７：００ and a headcount of ３ to ５ typed by an input method: Qt's date,
    time and number fields dropped them, and the task was made for the day, hours and
    headcount the dialog opened with."""
    page = window.show_page("schedule")
    dialog = page.open_new_task()
    dialog.activateWindow()                          # where the person types
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.kind.setCurrentIndex(dialog.kind.findData("once"))
    dialog.title.clear()                             # it starts as the service type's name
    typed(dialog.title, "\u3000明春苑铲冰除雪\n")
    typed(dialog.skills, "铲雪，\u3000搬运\t")
    typed_into_box(dialog.start_date, "２０２６－１２－０３")
    typed_into_box(dialog.slot_rows[0].start, "０７：００")
    typed_into_box(dialog.slot_rows[0].end, "０９：３０")
    typed_into_box(dialog.max_people, "５")
    typed_into_box(dialog.min_people, "３")
    dialog.save.click()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert stored(demo_session, "SELECT t.title, s.date, s.start_time, s.end_time, s.min_people, "
                                "s.max_people, s.skills FROM shifts s JOIN tasks t ON t.id = s.task_id "
                                "WHERE t.id = ?", [dialog.saved_id]) == (
        "明春苑铲冰除雪", "2026-12-03", "07:00", "09:30", 3, 5, '["搬运", "铲雪"]')
