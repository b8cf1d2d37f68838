"""Closing the window while a publish waits on a street server that never answers: the window
goes at once, the publish is abandoned (not waited for until libpq gives up), its changes
stay in the outbox for the next start, and the file is whole. 设置's 测试连接 is given up
the same way."""

from __future__ import annotations

import contextlib
import sqlite3

import pytest
from black_hole import black_hole
from conftest import TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from volunteer_app.services.admin import users
from volunteer_app.services.session import Session
from volunteer_app.services.street import config, outbox
from volunteer_app.services.street.config import StreetConfig
from volunteer_app.services.street.hangup import Abandoned
from volunteer_app.ui import runner
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_closing_the_window_abandons_a_publish_the_server_never_answers(qtbot, demo_session):
    actor = users.authenticate(demo_session.db, "admin", "admin2026")
    window = MainWindow(Session(demo_session.db, actor, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    session = window.session
    before = outbox.acked_seq(session), outbox.pending_count(session)
    assert before[1] > 0                            # changes wait for the street
    with black_hole() as hole:
        config.save_with_secrets(session, StreetConfig(f"127.0.0.1:{hole.port}/street",
                                                       "gaolizhuang", False), "pw", "huaxiang-street-key-2026")
        job = window.street_publishing.run_now()    # 立即上报
        assert job is not None
        qtbot.waitUntil(hole.heard.is_set, timeout=10_000)   # libpq waits for the answer

        window.close()
        # the close did not wait for the publish to end by itself (libpq's connect_timeout):
        # the server has not answered and the publish has not given up on it
        assert job.error is None or isinstance(job.error, Abandoned)
        assert window.street_publishing.failure is None

        runner.wait_all()                           # as the app does once the window is gone
        assert isinstance(job.error, Abandoned)     # cut off, the server still silent
        hole.hung_up.wait(10)
        assert hole.hung_up.is_set()                # and the connection it held is let go

    # nothing was acknowledged: the next start publishes the same changes
    assert (outbox.acked_seq(session), outbox.pending_count(session)) == before
    with contextlib.closing(sqlite3.connect(session.path)) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _street_tab(window):
    page = window.show_page("settings")
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == "街道服务器")
    page.tabs.setCurrentIndex(index)          # as a click on the tab
    return page.tabs.currentWidget()


def test_closing_the_window_gives_up_a_connection_test_the_server_never_answers(qtbot, demo_session):
    actor = users.authenticate(demo_session.db, "admin", "admin2026")
    window = MainWindow(Session(demo_session.db, actor, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    tab = _street_tab(window)
    outcomes: list[object] = []
    tab.checked.connect(outcomes.append)
    with black_hole() as hole:
        for name, text in (("street.url", f"127.0.0.1:{hole.port}/street"),
                           ("street.user", "gaolizhuang"), ("street.password", "pw")):
            tab.findChild(QLineEdit, name).setText(text)
        qtbot.mouseClick(tab.findChild(QPushButton, "street.test"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(hole.heard.is_set, timeout=10_000)   # 测试连接 waits for the answer

        window.close()
        assert outcomes == []                       # the server has not answered

        runner.wait_all()                           # as the app does once the window is gone
        assert len(outcomes) == 1 and isinstance(outcomes[0], Abandoned), outcomes
        assert hole.hung_up.wait(10)                # the connection it held is let go
    assert "连接失败" not in tab.findChild(QLabel, "street.message").text()   # nobody told
