"""设置 → 从备份恢复 runs in a worker thread like the backup: the window stays responsive and
disabled meanwhile, a good backup replaces the data (the old file kept aside) and the window
works on with the restored data, a bad one changes nothing and the window works on."""

from __future__ import annotations

import threading

import pytest
from conftest import TODAY
from PySide6.QtWidgets import QLabel, QMessageBox

from volunteer_app.services.admin import backups, users
from volunteer_app.services.people import residents
from volunteer_app.services.session import Session
from volunteer_app.services.street import config
from volunteer_app.services.street.config import StreetConfig
from volunteer_app.store.connection import open_database
from volunteer_app.ui.auto_backup import AutoBackups
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def admin_window(qtbot, demo_session):
    actor = users.authenticate(demo_session.db, "admin", "admin2026")
    window = MainWindow(Session(demo_session.db, actor, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def _count(db, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_restore_runs_off_the_gui_thread_and_replaces_the_data(qtbot, demo_session, admin_window,
                                                               tmp_path, monkeypatch):
    page = admin_window.show_page("settings")
    backup = backups.backup(demo_session, tmp_path / "before.sqlite3")
    count = _count(demo_session.db, "residents")
    residents.add(demo_session, {"name": "周桂香", "gender": "女", "birth_date": "1934-05-06"})
    path = demo_session.db.execute("PRAGMA database_list").fetchone()[2]

    threads = []
    original = backups.restore

    def watched(*args):
        threads.append(threading.current_thread())
        return original(*args)

    monkeypatch.setattr(backups, "restore", watched)   # the real restore, noting its thread
    with qtbot.waitSignal(page.restore_done, timeout=20_000) as blocker:
        page.start_restore(str(backup))
        assert not admin_window.isEnabled()     # nothing reads the file while it changes
    assert threads and threads[0] is not threading.main_thread()
    restored, kept = blocker.args
    assert restored and kept.endswith(".before-restore")
    box = page.findChild(QMessageBox, "settings.restore_message")
    assert box is not None and "已恢复" in box.text()
    box.accept()
    # the window works on, on the restored data: its connection was reopened on the file
    assert admin_window.isEnabled()
    assert _count(page.session.db, "residents") == count
    page.session.db.close()

    db = open_database(path)
    try:
        assert _count(db, "residents") == count
        assert db.execute("SELECT count(*) FROM audit_log WHERE action = '恢复备份'").fetchone()[0] == 1
    finally:
        db.close()
    kept_db = open_database(kept, migrate=False)
    try:
        assert _count(kept_db, "residents") == count + 1
    finally:
        kept_db.close()


def test_a_bad_backup_changes_nothing_and_the_window_works_on(qtbot, demo_session, admin_window,
                                                             tmp_path):
    page = admin_window.show_page("settings")
    broken = tmp_path / "坏的备份.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    count = _count(demo_session.db, "residents")
    with qtbot.waitSignal(page.restore_done, timeout=20_000) as blocker:
        page.start_restore(str(broken))
    assert blocker.args[0] is False
    assert admin_window.isEnabled() and "恢复失败" in page.backup_status.text()
    assert "没有改动" in page.backup_status.text()
    box = page.findChild(QMessageBox, "settings.restore_message")
    assert box is not None and box.icon() == QMessageBox.Icon.Critical
    box.accept()
    # the page's session has a working connection again, on the unchanged file
    assert _count(page.session.db, "residents") == count
    page.session.db.close()


def _damage(session: Session) -> None:
    """The file's header overwritten (the usual reason to restore): SQLite takes it for no
    database, so the restore puts the backup in its place as a new file. Everything is in
    the file first, so that no connection finds the header in the -wal instead."""
    session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(session.path, "r+b") as file:
        file.write(b"\0" * 16)


def _residents_page(qtbot, window):
    page = window.show_page("residents")
    qtbot.waitUntil(lambda: not page.model.loading)
    return page


def test_after_a_restore_over_a_damaged_file_every_table_reads_the_restored_one(
        qtbot, demo_session, admin_window, tmp_path):
    backup = backups.backup(demo_session, tmp_path / "before.sqlite3")
    shown = _residents_page(qtbot, admin_window)        # its queries: a connection of their own
    count = shown.model.total
    residents.add(demo_session, {"name": "周桂香", "gender": "女", "birth_date": "1934-05-06"})
    admin_window.session.announce({"residents"})      # as the 居民 page's own 登记 would
    qtbot.waitUntil(lambda: not shown.model.loading and shown.model.total == count + 1)
    _damage(admin_window.session)
    page = admin_window.show_page("settings")
    with qtbot.waitSignal(page.restore_done, timeout=20_000) as blocker:
        page.start_restore(str(backup))
    assert blocker.args[0] is True
    page.findChild(QMessageBox, "settings.restore_message").accept()
    admin_window.show_page("residents")
    qtbot.waitUntil(lambda: not shown.model.loading)
    assert shown.model.total == count                   # the backup's, not the old file's
    assert "周桂香" not in {shown.model.row_data(r)["name"] for r in range(shown.model.rowCount())}
    page.session.db.close()


def test_a_file_that_cannot_be_opened_after_the_restore_is_said_and_shows_no_rows(
        qtbot, demo_session, admin_window, tmp_path):
    shown = _residents_page(qtbot, admin_window)
    assert shown.model.total > 0
    _damage(admin_window.session)
    broken = tmp_path / "坏的备份.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    page = admin_window.show_page("settings")
    with qtbot.waitSignal(page.restore_done, timeout=20_000) as blocker:
        page.start_restore(str(broken))                 # refused: the damaged file stays
    assert blocker.args[0] is False
    box = page.findChild(QMessageBox, "settings.restore_message")
    assert box is not None and box.icon() == QMessageBox.Icon.Critical
    assert "无法打开数据库文件" in box.text() and admin_window.session.path in box.text()
    assert "python main.py restore" in box.text()      # what to do
    box.accept()
    note = admin_window.findChild(QLabel, "window.file_lost")
    assert note is not None and note.isVisible() and "无法打开数据库文件" in note.text()
    assert not shown.isVisible() and not admin_window.nav.isEnabled()    # no stale rows
    assert not admin_window.switch_button.isEnabled()   # no login on a file that cannot be read
    assert admin_window.isEnabled()                     # it can be closed


def test_a_file_lost_after_the_restore_is_neither_backed_up_nor_published(
        qtbot, demo_session, tmp_path):
    config.save_with_secrets(demo_session, StreetConfig("127.0.0.1:9/street", "gaolizhuang", True),
                             "pw", "huaxiang-street-key-2026")     # 每分钟自动上报
    actor = users.authenticate(demo_session.db, "admin", "admin2026")
    window = MainWindow(Session(demo_session.db, actor, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    backups = AutoBackups(window, window.session)       # as the app starts them (ui/app.py)
    backups.start(delay_ms=3_600_000)
    publishing = window.street_publishing
    publishing.start(delay_ms=3_600_000)
    assert backups.timer.isActive() and publishing.timer.isActive()
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: publishing.waiting is not None and not dashboard.loading)
    _damage(window.session)
    broken = tmp_path / "坏的备份.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    page = window.show_page("settings")
    with qtbot.waitSignal(page.restore_done, timeout=20_000):
        page.start_restore(str(broken))
    page.findChild(QMessageBox, "settings.restore_message").accept()
    assert window.findChild(QLabel, "window.file_lost") is not None

    assert not backups.timer.isActive() and backups.run_now() is None
    assert not publishing.timer.isActive()
    publishing.resume()                     # whatever resumes it: the window is done with it
    assert publishing.run_now() is None
    window.close()
