"""设置 → 从备份恢复 while the window's own background work runs (the street publisher above
all): a publish that began before the restore ends before the file is replaced, none starts
while it is, so the restored file keeps the backup's outbox and marks, whose changes are then
published, not forgotten. A job started by one of those (the roll-call's next attempt) is
waited for too, and a change told while the file is closed reaches no page until it is open."""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

import pytest
from conftest import TODAY
from PySide6.QtCore import QTimer

from volunteer_app.services.admin import backups, users
from volunteer_app.services.session import Session
from volunteer_app.services.street import config, outbox
from volunteer_app.services.street.config import StreetConfig
from volunteer_app.ui import runner
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
KEY = "huaxiang-street-key-2026"


def admin_window(qtbot, demo_session) -> MainWindow:
    actor = users.authenticate(demo_session.db, "admin", "admin2026")
    window = MainWindow(Session(demo_session.db, actor, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    return window


def publishing_to(window, street_db, name: str) -> None:
    parts = urlsplit(street_db.add_publisher(name))
    address = f"{parts.hostname}:{parts.port}{parts.path}"
    config.save_with_secrets(window.session, StreetConfig(address, parts.username, True),
                             parts.password, KEY)


def marks(session: Session) -> tuple[int, int]:
    """What the file says the street has: the acknowledged number and what waits."""
    return outbox.acked_seq(session), outbox.pending_count(session)


def test_a_publish_running_when_the_restore_starts_ends_before_the_file_is_replaced(
        qtbot, demo_session, street_db, tmp_path, monkeypatch):
    window = admin_window(qtbot, demo_session)
    publishing_to(window, street_db, "gaolizhuang")
    backup = backups.backup(window.session, tmp_path / "before.sqlite3")
    in_backup = marks(window.session)
    assert in_backup[1] > 0                         # the backup's changes still wait

    # the publish is held on its thread just before it writes its marks into the file
    release, original = threading.Event(), outbox.set_acked

    def held(*args):
        assert release.wait(30)
        original(*args)

    monkeypatch.setattr(outbox, "set_acked", held)
    replaced = threading.Event()
    restore = backups.restore

    def noted(*args):
        kept = restore(*args)
        replaced.set()
        return kept

    monkeypatch.setattr(backups, "restore", noted)
    page = window.show_page("settings")
    outcomes = []
    page.restore_done.connect(lambda *args: outcomes.append(args))
    window.street_publishing.run_now()              # the minute's publish, or 立即上报
    page.start_restore(str(backup))
    # either the file was replaced under the running publish, or the restore says it waits
    qtbot.waitUntil(lambda: replaced.is_set() or "上报" in page.backup_status.text(), timeout=20_000)
    release.set()
    qtbot.waitUntil(lambda: bool(outcomes) and not window.street_publishing.running, timeout=30_000)
    assert outcomes[0][0] is True
    assert marks(page.session) == in_backup         # the backup's, not the old file's publish
    window.close()


def test_no_publish_starts_while_the_file_is_being_replaced(qtbot, demo_session, street_db,
                                                            tmp_path, monkeypatch):
    window = admin_window(qtbot, demo_session)
    publishing_to(window, street_db, "xinfadi")
    backup = backups.backup(window.session, tmp_path / "before.sqlite3")
    in_backup = marks(window.session)
    go, restore = threading.Event(), backups.restore

    def held(*args):
        assert go.wait(30)
        return restore(*args)

    monkeypatch.setattr(backups, "restore", held)   # the restore of a big file, still copying
    page = window.show_page("settings")
    page.start_restore(str(backup))
    window.street_publishing.timer.timeout.emit()   # the minute is up meanwhile
    started = window.street_publishing.running
    with qtbot.waitSignal(page.restore_done, timeout=30_000) as blocker:
        go.set()
    qtbot.waitUntil(lambda: not window.street_publishing.running, timeout=30_000)
    assert blocker.args[0] is True and not started
    assert marks(page.session) == in_backup
    window.close()


def _note_settings_and_shifts(worker: Session) -> None:
    """A job's write (as the roll-call's next attempt or a backup's note would be)."""
    with worker.write("shifts", "settings"):
        worker.db.execute("UPDATE settings SET value = value WHERE key = 'street.url'")


def test_a_change_told_while_the_file_is_replaced_waits_for_the_restored_file(
        qtbot, demo_session, tmp_path, monkeypatch):
    window = admin_window(qtbot, demo_session)
    schedule = window.show_page("schedule")             # reloads on a change of shifts
    week = [s.id for s in schedule.shifts]
    backup = backups.backup(window.session, tmp_path / "before.sqlite3")
    copying, go, restore = threading.Event(), threading.Event(), backups.restore

    def held(*args):
        copying.set()
        assert go.wait(30)
        return restore(*args)

    monkeypatch.setattr(backups, "restore", held)
    page = window.show_page("settings")
    page.start_restore(str(backup))
    qtbot.waitUntil(copying.is_set, timeout=20_000)     # the window's connection is closed
    # a job that began after the restore's wait ends now: its change notice reaches the
    # schedule page and the street publisher (which reads the settings) while the file is
    # closed; they hear of it, with every table, once the restored file is open
    ended = []
    runner.start(_note_settings_and_shifts, session=window.session, writes=True,
                 done=ended.append)
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)
    with qtbot.waitSignal(page.restore_done, timeout=30_000) as blocker:
        go.set()
    assert blocker.args[0] is True
    assert [s.id for s in schedule.shifts] == week and schedule.isEnabled()
    window.close()


def test_a_job_started_by_one_the_restore_waited_for_is_waited_for_too(
        qtbot, demo_session, tmp_path, monkeypatch):
    """The roll-call saves its attempts one job after another, each started as the one before
    is delivered: the restore waits for the chain, not only for the job running when it began,
    or the next attempt is saved into the file being replaced (and overwritten)."""
    window = admin_window(qtbot, demo_session)
    backup = backups.backup(window.session, tmp_path / "before.sqlite3")
    first_free, second_free, second_running = (threading.Event() for _ in range(3))
    page = window.show_page("settings")
    after_first = []

    def second_job() -> None:
        second_running.set()
        assert second_free.wait(30)

    def first_delivered(_result) -> None:
        runner.start(second_job)                        # the queue's next attempt
        # queued behind the restore's own wake-up, which the first job's end queued
        QTimer.singleShot(0, page, lambda: after_first.append(page.backup_status.text()))

    runner.start(lambda: first_free.wait(30), done=first_delivered)
    page.start_restore(str(backup))
    first_free.set()
    qtbot.waitUntil(lambda: bool(after_first) and second_running.is_set(), timeout=20_000)
    assert "等待" in after_first[0]                     # not 正在从备份恢复 yet
    with qtbot.waitSignal(page.restore_done, timeout=30_000) as blocker:
        second_free.set()
    assert blocker.args[0] is True
    window.close()
