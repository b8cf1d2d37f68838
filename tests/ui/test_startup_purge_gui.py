"""The retention purge the start runs while the person types the password may still run once
the window is open: its change notice reaches the window's pages, so a page opened meanwhile
no longer shows the people it anonymised."""

from __future__ import annotations

import shutil
import threading

import pytest

from volunteer_app.services.admin import retention, users
from volunteer_app.services.people import volunteers
from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.store.connection import IntegrityCheck, open_database
from volunteer_app.ui import app, runner
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
LONG_AGO = "2022-05-01T10:00:00"        # archived: past the 3 years kept by default


def _archived_long_ago(path) -> str:
    """The volunteer with the most service records, archived in 2022; returns the name."""
    db = open_database(path)
    try:
        helper, name = db.execute(
            "SELECT r.volunteer_id, v.name FROM service_records r JOIN volunteers v"
            " ON v.id = r.volunteer_id GROUP BY r.volunteer_id ORDER BY count(*) DESC"
            " LIMIT 1").fetchone()
        volunteers.archive(Session(db, BUILTIN_ADMIN), helper, "搬走")
        db.execute("UPDATE volunteers SET archived_at = ? WHERE id = ?", [LONG_AGO, helper])
    finally:
        db.close()
    return name


def _names(page) -> set[str]:
    return {page.model.row_data(r)["volunteer_name"] for r in range(page.model.rowCount())}


def test_a_purge_that_ends_after_the_login_reaches_the_page_open_meanwhile(
        qtbot, demo_template, tmp_path, monkeypatch):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    name = _archived_long_ago(path)
    release, purge = threading.Event(), retention.purge

    def held(session):                  # the real purge, once the window is open
        assert release.wait(30)
        return purge(session)

    monkeypatch.setattr(retention, "purge", held)
    db = open_database(path)
    before_login = Session(db)          # as app.run_window's, while the dialog is up
    start = app._WhileTyping(IntegrityCheck(path), before_login)
    start.finish()                      # the check, then the purge on the runner
    actor = users.authenticate(db, "admin", "admin2026")
    window = MainWindow(app.logged_in(before_login, actor))
    qtbot.addWidget(window)
    window.show()
    try:
        page = window.show_page("records")
        page.filter.setText(name)
        qtbot.waitUntil(lambda: not page.loading and _names(page) == {name}, timeout=20_000)
        release.set()
        qtbot.waitUntil(lambda: not runner.busy(), timeout=20_000)
        qtbot.waitUntil(lambda: not page.loading and name not in _names(page), timeout=20_000)
    finally:
        release.set()
        window.close()
        runner.wait_all()
        db.close()
