"""The window meeting a failure of the file: starting on a damaged, empty, newer or read-only
file, a full disk while saving a resident, an .xlsx too big to unpack. Each shows a dialog
with the Chinese line (never the crash apology) and leaves the file's bytes as they were."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QPushButton
from spoiled_files import damage, digest
from test_file_faults_store import LONG_NOTE, _big_unpacked_xlsx

from volunteer_app.store import migrations
from volunteer_app.ui import app as app_module
from volunteer_app.ui.dialogs.import_dialog import ImportDialog
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def dialogs(monkeypatch, qapp):
    """The texts of the message boxes the window shows, by kind."""
    shown: dict[str, list[str]] = {"critical": [], "warning": []}
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown["critical"].append(args[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown["warning"].append(args[2]))
    # the window's style and language would stay on the tests' one QApplication
    monkeypatch.setattr("volunteer_app.ui.look.apply_look", lambda app: None)
    name, organisation = qapp.applicationName(), qapp.organizationName()
    yield shown
    qapp.setApplicationName(name)
    qapp.setOrganizationName(organisation)


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    conn.close()


@pytest.mark.parametrize(("spoil", "words"), [
    (damage, ("已损坏", "设置 → 备份与恢复")),
    (lambda path: path.write_bytes(b""), ("0字节",)),
    (_newer, ("更新版本",)),
    (lambda path: path.write_bytes(b"not a database at all" * 200), ("不是邻里帮的数据库",)),
])
def test_the_window_refuses_a_spoiled_file_with_a_dialog(demo_template, tmp_path, dialogs,
                                                         spoil, words):
    path = tmp_path / "linlibang.sqlite3"
    shutil.copy(demo_template, path)
    spoil(path)
    before = digest(path)
    assert app_module.run_window(path) == 1
    assert len(dialogs["critical"]) == 1
    assert all(word in dialogs["critical"][0] for word in words), dialogs["critical"][0]
    assert digest(path) == before
    assert not list(tmp_path.glob("邻里帮错误报告*"))


def test_logging_in_before_the_check_has_read_a_damaged_file_writes_nothing(
        demo_template, tmp_path, dialogs, monkeypatch):
    """Someone typing fast on a big file presses 登录 before the integrity check is done:
    the login (its counter, its 登录 entry) waits for the check and the file stays as it was."""
    path = tmp_path / "linlibang.sqlite3"
    shutil.copy(demo_template, path)
    damage(path)
    before = digest(path)

    def typed_before_the_check(dialog, check_meanwhile):
        def type_and_press() -> None:
            dialog.user.setText("staff")
            dialog.password.setText("staff2026")
            dialog.submit.click()
            check_meanwhile()       # the check starts only after the press

        QTimer.singleShot(0, type_and_press)

    monkeypatch.setattr("volunteer_app.ui.first_paint.after_first_paint", typed_before_the_check)
    assert app_module.run_window(path) == 1
    assert len(dialogs["critical"]) == 1 and "已损坏" in dialogs["critical"][0]
    assert digest(path) == before


def test_a_cancelled_login_leaves_no_background_work_running(demo_template, tmp_path, dialogs,
                                                           monkeypatch):
    """The purge starts once the check passed, while the person types; cancelling the login
    waits for it before the file is closed and its lock given up."""
    from volunteer_app.ui import runner

    path = tmp_path / "linlibang.sqlite3"
    shutil.copy(demo_template, path)

    def cancelled_at_once(dialog, check_meanwhile):
        QTimer.singleShot(0, lambda: (check_meanwhile(), dialog.reject()))

    monkeypatch.setattr("volunteer_app.ui.first_paint.after_first_paint", cancelled_at_once)
    assert app_module.run_window(path) == 0
    assert not runner._running and not dialogs["critical"]


def test_the_window_says_at_once_that_a_file_is_read_only(demo_template, tmp_path, dialogs):
    path = tmp_path / "linlibang.sqlite3"
    shutil.copy(demo_template, path)
    before = digest(path)
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here: as root no other way makes a file read-only")
    try:
        assert app_module.run_window(path) == 1
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    assert "只读" in dialogs["critical"][0]
    assert digest(path) == before


@pytest.mark.qt_no_exception_capture
def test_a_full_disk_while_saving_a_resident_shows_the_reason(qtbot, demo_session, tmp_path,
                                                              dialogs, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # put back after the test
    app_module.install_crash_handler(tmp_path / "linlibang.sqlite3")
    before = demo_session.db.execute("SELECT count(*) FROM residents").fetchone()[0]
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("residents")
    qtbot.waitUntil(lambda: not page.model.loading)
    demo_session.db.execute("PRAGMA max_page_count = 1")   # the disk holds no page more
    qtbot.mouseClick(page.findChild(QPushButton, "residents.add"), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    name = dialog.findChild(QLineEdit, "resident_dialog.name")
    name.setText("祁堃喆")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "resident_dialog.id_number"), "11010519491231002X")
    place = dialog.findChild(QComboBox, "resident_dialog.place")   # it decides the community
    place.setCurrentIndex(place.findText("高立庄"))
    dialog.findChild(QLineEdit, "resident_dialog.notes").setText(LONG_NOTE[:30000])
    qtbot.mouseClick(dialog.findChild(QPushButton, "resident_dialog.save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs["warning"]))
    assert "磁盘已满" in dialogs["warning"][0]
    assert demo_session.db.execute("SELECT count(*) FROM residents").fetchone()[0] == before
    assert not list(tmp_path.glob("邻里帮错误报告*"))   # a full disk is not a bug report
    QApplication.processEvents()


def test_an_xlsx_too_big_unpacked_is_refused_before_reading(qtbot, session, tmp_path, dialogs):
    loop = qasync.QEventLoop(QApplication.instance(), already_running=False)
    asyncio.set_event_loop(loop)
    try:
        path = _big_unpacked_xlsx(tmp_path / "居民.xlsx", 201)
        dialog = ImportDialog(session, "residents")
        qtbot.addWidget(dialog)
        dialog.show()
        assert not loop.run_until_complete(dialog.open_file(path))
        assert "解压后" in dialogs["warning"][0] and "上限200MB" in dialogs["warning"][0]
        assert not dialog.import_button.isEnabled()
        dialog.close()
    finally:
        loop.close()
        asyncio.set_event_loop(None)
