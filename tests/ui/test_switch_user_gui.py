"""换人登录: at a shared office PC the next person logs in without closing the program: from
the status bar, or from the idle lock when the one who left it is not there to unlock it."""

from __future__ import annotations

import shutil
import sqlite3
import sys

import pytest
from gui_helpers import run_window_acting_on_each_window
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from volunteer_app.ui.dialogs.login_dialog import LoginDialog
from volunteer_app.ui.first_paint import after_first_paint as painted
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def quiet_app(monkeypatch, qapp):
    """run_window on the tests' one QApplication, leaving its style, names and hooks as found."""
    monkeypatch.setattr("volunteer_app.ui.look.apply_look", lambda app: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crashes: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: crashes.append(args[2]))
    name, organisation = qapp.applicationName(), qapp.organizationName()
    yield crashes
    qapp.setApplicationName(name)
    qapp.setOrganizationName(organisation)


def _people_log_in(monkeypatch, logins):
    """Each login dialog, once painted, gets the next (login, password) typed and 登录 pressed."""
    queue = iter(logins)

    def type_next(dialog, while_typing):
        if not isinstance(dialog, LoginDialog):    # the window's own first-paint work
            return painted(dialog, while_typing)

        def type_and_press() -> None:
            while_typing()
            login, password = next(queue)
            dialog.user.setText(login)
            dialog.password.setText(password)
            dialog.submit.click()

        QTimer.singleShot(0, type_and_press)

    monkeypatch.setattr("volunteer_app.ui.first_paint.after_first_paint", type_next)


def _logins_in_the_audit_log(path) -> list[tuple[str, str]]:
    db = sqlite3.connect(path)
    rows = db.execute("SELECT action, user_name FROM audit_log WHERE entity = 'users' "
                      "AND action IN ('登录', '退出登录') ORDER BY id").fetchall()
    db.close()
    return rows


def test_the_next_person_logs_in_from_the_status_bar(demo_template, tmp_path, quiet_app, monkeypatch):
    path = tmp_path / "linlibang.sqlite3"
    shutil.copy(demo_template, path)
    _people_log_in(monkeypatch, [("staff", "staff2026"), ("captain", "captain2026")])
    shown: list[tuple[str, int]] = []      # the status bar's user, the window's width

    def act(window: MainWindow, n: int) -> None:
        shown.append((window.user_label.text(), window.width()))
        if n == 0:
            window.resize(1100, 700)
            window.switch_button.click()
        else:
            window.close()

    windows = run_window_acting_on_each_window(path, act)
    assert len(windows) == 2
    assert "刘晓梅（社区工作者）" in shown[0][0]
    assert "（队长）" in shown[1][0] and shown[1][1] == 1100     # where the last one was
    assert "residents" in windows[0].page_keys
    assert _logins_in_the_audit_log(path)[-3:] == [
        ("登录", "刘晓梅"), ("退出登录", "刘晓梅"), ("登录", windows[1].session.actor.name)]


def test_cancelling_the_next_login_ends_the_program(demo_template, tmp_path, quiet_app, monkeypatch):
    path = tmp_path / "linlibang.sqlite3"
    shutil.copy(demo_template, path)
    logins = iter([("staff", "staff2026")])

    def first_logs_in_then_nobody(dialog, while_typing):
        if not isinstance(dialog, LoginDialog):
            return painted(dialog, while_typing)

        def act() -> None:
            while_typing()
            found = next(logins, None)
            if found is None:
                dialog.reject()
                return
            dialog.user.setText(found[0])
            dialog.password.setText(found[1])
            dialog.submit.click()

        QTimer.singleShot(0, act)

    monkeypatch.setattr("volunteer_app.ui.first_paint.after_first_paint", first_logs_in_then_nobody)
    windows = run_window_acting_on_each_window(path, lambda window, n: window.switch_button.click())
    assert len(windows) == 1 and not windows[0].isVisible()
    assert _logins_in_the_audit_log(path)[-1] == ("退出登录", "刘晓梅")


def test_someone_else_logs_in_from_the_idle_lock_after_saying_so_about_an_open_dialog(
        demo_template, tmp_path, quiet_app, monkeypatch):
    """The staff member left a resident's dialog open and the window locked: the supervisor
    is told the dialog's unsaved typing goes, says yes, and gets the window as supervisor."""
    path = tmp_path / "linlibang.sqlite3"
    shutil.copy(demo_template, path)
    _people_log_in(monkeypatch, [("staff", "staff2026"), ("supervisor", "supervisor2026")])
    asked: list[str] = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialogs = []
    after_no: list[bool] = []

    def act(window: MainWindow, n: int) -> None:
        if n == 0:
            page = window.show_page("residents")
            page.add_button.click()
            dialogs.append(page.dialog)
            window.idle_lock.enabled = True
            window.idle_lock.lock()
            cover = window.idle_lock.screen
            cover.switch.click()                    # 否: nothing happens
            after_no.append(window.isVisible() and page.dialog.isVisible() and window.idle_lock.locked)
            cover.switch.click()                    # 是
        else:
            after_no.append(isValid(dialogs[0]) and dialogs[0].isVisible())
            window.close()

    windows = run_window_acting_on_each_window(path, act)
    assert after_no == [True, False]
    assert len(windows) == 2 and "（督导）" in windows[1].user_label.text()
    assert "刘晓梅 还有 1 个窗口没有关闭" in asked[0]
