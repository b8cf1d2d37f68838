"""Shared fixtures: a real SQLite file in a temp folder per test, one QApplication, offscreen."""

from __future__ import annotations

import gc
import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # Offscreen, the widgets live on the commonest office screen (1366×768 less the taskbar)
    # rather than the plugin's 800×800, so windows open at the size the users see.
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('office_screen.json')}"

from volunteer_app.services.session import BUILTIN_ADMIN, Session  # noqa: E402
from volunteer_app.store.connection import open_database  # noqa: E402

# The throw-away PostgreSQL of the street tests: fixtures pg_server and street_db.
pytest_plugins = ["street_server"]

# Ages and deadlines in the tests are computed against this day, not the real one.
TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def _collect_on_gui_thread(qapp):
    """As in the window (ui/gui_gc.py): cycles are freed on the GUI thread, never on a page's
    query thread; between tests, where no event loop runs the timer, the same check runs here."""
    from volunteer_app.ui.gui_gc import collect_on_gui_thread

    collector = collect_on_gui_thread(qapp)
    yield
    collector.collect_due()
    assert not gc.isenabled(), "Python's automatic collector was turned back on (see ui/gui_gc.py)"


@pytest.fixture(autouse=True)
def memory_keyring():
    """Every test gets an empty keyring in memory: the street server's password and key
    (services/street/config.py) never touch the machine's keyring."""
    import keyring
    from memory_keyring import MemoryKeyring

    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def event_loop(qapp):
    """A qasync loop over the one QApplication, for tests that await a page's coroutines."""
    import asyncio

    import qasync

    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "linlibang.sqlite3"


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def session(db):
    return Session(db, BUILTIN_ADMIN, today=lambda: TODAY)


def _demo_file(folder, steps=None):
    from volunteer_app.services import demo

    path = folder / "demo.sqlite3"
    database = open_database(path)
    demo.build(Session(database, BUILTIN_ADMIN, today=lambda: TODAY), scale=1, steps=steps)
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo community built once; tests copy the file instead of rebuilding it.

    It leaves out the demo's weather history, its low-lying places and last winter's closed
    暴雪 warning: the weather warning's tests start their own warnings here, count from none
    and mark their own low places. The whole demo is :func:`full_demo_template`."""
    from volunteer_app.services import demo
    from volunteer_app.services.demo import alerts

    history = (alerts.mark_low_places, alerts.build_winter_warning)
    steps = [step for step in demo._steps() if step not in history]
    return _demo_file(tmp_path_factory.mktemp("demo"), steps)


@pytest.fixture(scope="session")
def full_demo_template(tmp_path_factory):
    """The demo exactly as ``main.py demo`` builds it, last winter's warning included."""
    return _demo_file(tmp_path_factory.mktemp("full_demo"))


def _session_on_copy(template: Path, path: Path):
    """The built-in administrator's session on a fresh copy of ``template`` at ``path``."""
    import shutil

    shutil.copy(template, path)
    database = open_database(path)
    yield Session(database, BUILTIN_ADMIN, today=lambda: TODAY)
    # as the window's closing does (ui/app.py): a page's answer still on its way is delivered
    # while the file is open, not to a page of a closed window after the file was closed
    from volunteer_app.ui import runner

    runner.wait_all()
    database.close()


@pytest.fixture
def demo_session(demo_template, tmp_path):
    """A fresh copy of the demo community for one test."""
    yield from _session_on_copy(demo_template, tmp_path / "demo.sqlite3")


@pytest.fixture
def full_demo_session(full_demo_template, tmp_path):
    """A fresh copy of the whole demo (with last winter's warning) for one test."""
    yield from _session_on_copy(full_demo_template, tmp_path / "full_demo.sqlite3")
