"""Automatic backups: taken verified into 自动备份 beside the database, thinned out by the
rotation, taken by the window off the GUI thread, listed on the 设置 page and restored from
there (after a confirmation), with every page seeing the restored data."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import TODAY
from PySide6.QtWidgets import QMessageBox

from volunteer_app.services.admin import auto_backups, settings, users
from volunteer_app.services.people import residents
from volunteer_app.services.session import Session
from volunteer_app.ui.auto_backup import AutoBackups
from volunteer_app.ui.main_window import MainWindow

MORNING = datetime(2026, 11, 28, 9, 0, 0)


def _path(session) -> Path:
    return Path(session.db.execute("PRAGMA database_list").fetchone()[2])


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_an_automatic_backup_is_whole_verified_and_named_by_its_time(session, db_path):
    residents.add(session, {"name": "周桂香", "gender": "女", "birth_date": "1934-05-06"})
    taken = auto_backups.take(db_path, MORNING)
    assert taken.path == db_path.parent / "自动备份" / "linlibang-20261128-090000.sqlite3"
    assert _count(taken.path, "residents") == 1
    conn = sqlite3.connect(taken.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert [p.name for p in taken.path.parent.iterdir()] == [taken.path.name]   # no partial
    assert auto_backups.find(db_path) == [taken] and taken.size == taken.path.stat().st_size


def test_a_month_of_backups_is_thinned_out_as_it_goes(db, db_path):
    """Two backups a day for 30 days with a moving fake clock; the rotation runs after each."""
    for day in range(30):
        for hour in (9, 15):
            auto_backups.take(db_path, MORNING.replace(hour=hour) + timedelta(days=day))
    kept = {b.taken_at for b in auto_backups.find(db_path)}
    last = MORNING.replace(hour=15) + timedelta(days=29)      # 2026-12-27, a Sunday
    assert kept == {last - timedelta(days=n) for n in range(7)} | {
        datetime(2026, 12, 27, 9),                               # the last 24 hours: both
        datetime(2026, 12, 20, 15), datetime(2026, 12, 13, 15),  # the three Sundays before
        datetime(2026, 12, 6, 15),
        datetime(2026, 11, 30, 15)}                              # November
    other = db_path.parent / "自动备份" / "说明.txt"           # not ours: left alone
    other.write_text("U盘备份每周五做")
    auto_backups.rotate(db_path, last + timedelta(days=400))
    assert other.exists()


def test_a_start_up_backup_is_skipped_within_the_hour_after_one(db, db_path):
    assert auto_backups.due_at_start_up(db_path, MORNING)
    auto_backups.take(db_path, MORNING)
    assert not auto_backups.due_at_start_up(db_path, MORNING + timedelta(minutes=59))
    assert auto_backups.due_at_start_up(db_path, MORNING + timedelta(hours=1))


# -- the window ----------------------------------------------------------------------------

@pytest.fixture
def admin_window(qtbot, demo_session):
    actor = users.authenticate(demo_session.db, "admin", "admin2026")
    window = MainWindow(Session(demo_session.db, actor, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


@pytest.mark.gui
def test_the_window_backs_up_at_start_up_off_the_gui_thread(qtbot, admin_window, monkeypatch):
    threads = []
    original = auto_backups.take

    def watched(*args):
        threads.append(threading.current_thread())
        return original(*args)

    monkeypatch.setattr(auto_backups, "take", watched)
    backups = AutoBackups(admin_window, admin_window.session, clock=lambda: MORNING)
    assert backups.enabled
    with qtbot.waitSignal(backups.finished, timeout=20_000) as blocker:
        backups.start(delay_ms=0)
    taken = blocker.args[0]
    assert threads and threads[0] is not threading.main_thread()
    assert taken.path.exists() and taken.taken_at == MORNING
    assert backups.timer.isActive() and backups.timer.interval() == 4 * 3600 * 1000
    assert "已自动备份" in admin_window.statusBar().currentMessage()
    backups.stop()


@pytest.mark.gui
def test_the_interval_setting_zero_turns_them_off(admin_window, demo_session):
    settings.put(demo_session, "backup.auto_hours", 0)
    backups = AutoBackups(admin_window, admin_window.session, clock=lambda: MORNING)
    backups.start(delay_ms=0)
    assert not backups.enabled and not backups.timer.isActive()
    assert not (_path(demo_session).parent / "自动备份").exists()


@pytest.mark.gui
def test_the_settings_page_lists_automatic_backups_and_restores_one(qtbot, admin_window,
                                                                   demo_session):
    path = _path(demo_session)
    before = _count(path, "residents")
    auto_backups.take(path, MORNING)
    residents.add(demo_session, {"name": "周桂香", "gender": "女", "birth_date": "1934-05-06"})
    auto_backups.take(path, MORNING + timedelta(hours=4))
    residents.add(demo_session, {"name": "吴淑珍", "gender": "女", "birth_date": "1935-02-01"})
    people = admin_window.show_page("residents")
    qtbot.waitUntil(lambda: not people.model.loading and people.model.total == before + 2)

    page = admin_window.show_page("settings")
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    table = page.auto_list.table
    assert table.rowCount() == 2
    assert [table.item(r, 0).text() for r in range(2)] == ["2026-11-28 13:00", "2026-11-28 09:00"]
    assert table.item(0, 1).text().endswith(("KB", "MB"))

    table.selectRow(1)                                        # the morning's, before both
    page.auto_list.restore_button.click()
    confirm = page.findChild(QMessageBox, "settings.restore_confirm")
    assert confirm is not None and "2026-11-28 09:00" in confirm.text()
    with qtbot.waitSignal(page.restore_done, timeout=20_000) as blocker:
        confirm.button(QMessageBox.StandardButton.Yes).click()
    assert blocker.args[0] is True, blocker.args[1]
    page.findChild(QMessageBox, "settings.restore_message").accept()

    admin_window.show_page("residents")
    qtbot.waitUntil(lambda: not people.model.loading and people.model.total == before)
    assert admin_window.isEnabled()
    assert page.session.db.execute(
        "SELECT count(*) FROM audit_log WHERE action = '恢复备份'").fetchone()[0] == 1
    page.session.db.close()


@pytest.mark.gui
def test_saying_no_restores_nothing(qtbot, admin_window, demo_session):
    path = _path(demo_session)
    auto_backups.take(path, MORNING)
    residents.add(demo_session, {"name": "周桂香", "gender": "女", "birth_date": "1934-05-06"})
    count = _count(path, "residents")
    page = admin_window.show_page("settings")
    page.auto_list.table.selectRow(0)
    page.auto_list.restore_button.click()
    page.findChild(QMessageBox, "settings.restore_confirm").button(
        QMessageBox.StandardButton.No).click()
    assert _count(path, "residents") == count and admin_window.isEnabled()
    assert not list(path.parent.glob("*.before-restore"))
