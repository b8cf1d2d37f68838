"""The window by role, the login dialog, the idle lock, the audit and settings pages."""

from __future__ import annotations

import csv
import re

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from volunteer_app.services.admin import users
from volunteer_app.services.session import Session
from volunteer_app.ui.dialogs.login_dialog import FirstAdminDialog, LoginDialog
from volunteer_app.ui.idle_lock import IdleLock
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def window_for(qtbot, demo_session, login: str) -> MainWindow:
    actor = users.authenticate(demo_session.db, login, f"{login}2026")
    window = MainWindow(Session(demo_session.db, actor, today=demo_session.today))
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize(("login", "has_audit", "has_settings"), [
    ("admin", True, True), ("staff", False, False), ("captain", False, False),
    ("supervisor", True, False),
])
def test_each_role_sees_only_its_pages(qtbot, demo_session, login, has_audit, has_settings):
    window = window_for(qtbot, demo_session, login)
    assert ("audit" in window.page_keys) is has_audit
    assert ("settings" in window.page_keys) is has_settings
    assert "dashboard" in window.page_keys
    window.close()


def test_admin_settings_page_has_users_and_backup(qtbot, demo_session, tmp_path):
    window = window_for(qtbot, demo_session, "admin")
    page = window.show_page("settings")
    assert page.tabs.count() == 4      # 街道服务器 added by issue 14
    assert page.save_button.isEnabled()
    assert page.users_table.rowCount() == 4
    # the admin has just logged in: the time as a person writes it, not ISO's 2026-11-28T09:30:15
    admin_row = next(r for r in range(4) if page.users_table.item(r, 0).text() == "admin")
    last_login = page.users_table.item(admin_row, 4).text()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", last_login), last_login
    page.tabs.setCurrentIndex(1)
    shown = page.users_table.horizontalHeader().sectionSize(4)
    assert shown > page.users_table.fontMetrics().horizontalAdvance(last_login) + 6   # not elided
    target = tmp_path / "backup.sqlite3"
    with qtbot.waitSignal(page.backup_done, timeout=10_000) as blocker:
        page.start_backup(str(target))
    assert "已备份" in blocker.args[0] and target.exists()
    window.close()


def test_login_dialog_refuses_a_wrong_password(qtbot, demo_session):
    dialog = LoginDialog(demo_session.db)
    qtbot.addWidget(dialog)
    dialog.user.setText("staff")
    dialog.password.setText("not-the-password")
    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "用户名或密码不对。"
    assert dialog.actor is None and dialog.password.text() == ""
    dialog.password.setText("staff2026")
    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None and dialog.actor.login == "staff"


def test_first_admin_dialog_wants_the_password_twice(qtbot, db):
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    dialog.name.setText("王丽")
    dialog.password.setText("Long-enough-1")
    dialog.confirm.setText("Long-enough-2")
    dialog.submit.click()
    assert "两次输入的密码不一样" in dialog.error.text() and not users.has_users(db)
    dialog.confirm.setText("Long-enough-1")
    dialog.submit.click()
    assert dialog.actor is not None and users.has_users(db)


def test_idle_lock_covers_the_window_and_asks_again(qtbot, demo_session):
    window = window_for(qtbot, demo_session, "supervisor")
    window.show()
    lock = IdleLock(window, window.session)
    lock.set_interval_ms(30)
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert not window.centralWidget().isEnabled()
    lock.screen.password.setText("wrong-password")
    lock.screen.submit.click()
    assert lock.locked and "用户名或密码不对" in lock.screen.error.text()
    lock.screen.password.setText("supervisor2026")
    lock.screen.submit.click()
    assert not lock.locked and window.centralWidget().isEnabled()
    lock.stop()
    window.close()


def test_idle_lock_covers_an_open_resident_dialog_and_unlocks_on_it(qtbot, demo_session):
    """The dialog shows the same personal data as the window, and being modal it takes the
    input: it is covered too, the password is asked on it, and after the unlock what was
    typed into it is still there."""
    window = window_for(qtbot, demo_session, "staff")
    window.resize(1366, 728)
    window.show()
    page = window.show_page("residents")
    qtbot.waitUntil(lambda: not page.model.loading)
    page.table.selectRow(0)
    page.edit_button.click()
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    notes = dialog.findChild(QLineEdit, "resident_dialog.notes")
    notes.setText("周三上午在家")
    lock = IdleLock(window, window.session)
    lock.lock()
    assert lock.screen.parent() is dialog and dialog.isVisible()
    image = dialog.grab().toImage()
    assert {image.pixelColor(x, dialog.height() // 3).name()
            for x in range(10, dialog.width() - 10, 10)} == {"#eef1f4"}
    assert not notes.isEnabled()            # Tab from the password cannot reach it either
    qtbot.keyClicks(lock.screen.password, "staff2026")
    qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)
    assert not lock.locked and dialog.isVisible() and notes.isEnabled()
    assert notes.text() == "周三上午在家" and window.centralWidget().isEnabled()
    dialog.reject()
    lock.stop()
    window.close()


def test_audit_page_filters_and_exports(qtbot, demo_session, tmp_path):
    window = window_for(qtbot, demo_session, "supervisor")
    page = window.show_page("audit")
    qtbot.waitUntil(lambda: not page.loading)       # the entries and choices come from workers
    assert page.model.total >= 1
    page.action.setCurrentIndex(page.action.findData("登录"))
    qtbot.waitUntil(lambda: not page.loading)
    assert page.model.total >= 1
    assert page.count_label.text() == f"共 {page.model.total} 条"
    assert all(page.model.row_data(r)["action"] == "登录" for r in range(page.model.rowCount()))
    xlsx, text = tmp_path / "log.xlsx", tmp_path / "log.csv"
    written = page.export_to(str(xlsx))
    assert written == page.model.total or written >= 1
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet.cell(1, 4).value == "操作" and sheet.cell(2, 4).value == "登录"
    page.export_to(str(text))
    assert text.read_bytes().startswith(b"\xef\xbb\xbf")
    with text.open(encoding="utf-8-sig") as handle:
        assert next(csv.reader(handle))[0] == "编号"
    window.close()


def test_lock_screen_hides_the_data(qtbot, demo_session):
    window = window_for(qtbot, demo_session, "supervisor")
    window.show()
    lock = IdleLock(window, window.session)
    lock.lock()
    image = window.grab().toImage()
    # The middle of the table area is the lock screen's flat background, not table text.
    colours = {image.pixelColor(x, 650).name() for x in range(250, 900, 10)}
    assert colours == {"#eef1f4"}
    lock.stop()
    window.close()


def test_reveal_action_shows_full_number_and_audits(qtbot, demo_session):
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from volunteer_app.ui.paged_model import ROW_ID_ROLE
    from volunteer_app.ui.reveal import add_reveal_action

    db = demo_session.db
    resident_id, phone = db.execute(
        "SELECT id, phone FROM residents WHERE phone IS NOT NULL LIMIT 1").fetchone()
    model = QStandardItemModel(1, 1)
    item = QStandardItem("masked")
    item.setData(resident_id, ROW_ID_ROLE)
    model.setItem(0, 0, item)
    for login, full_shown in (("supervisor", True), ("captain", False)):
        session = Session(db, users.authenticate(db, login, f"{login}2026"))
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.setCurrentIndex(model.index(0, 0))
        action = add_reveal_action(view, session, "residents")
        assert action.isEnabled()
        action.trigger()
        box = action.data()
        assert (phone in box.text()) is full_shown, box.text()
        box.close()
    audited = db.execute("SELECT count(*) FROM audit_log WHERE action = '查看完整信息'").fetchone()[0]
    assert audited == 3  # supervisor: ID number, phone, emergency contact; the captain saw nothing
