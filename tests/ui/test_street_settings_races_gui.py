"""设置 → 街道服务器 asks the keyring off the GUI thread whether a password and the street's
key are saved: on opening the tab and again after 保存. A slow keyring (the first D-Bus call
on Linux, a locked keychain) may answer the first question after the second: the older
answer must not undo the newer one."""

from __future__ import annotations

import threading

import keyring
import pytest
from conftest import TODAY
from memory_keyring import MemoryKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from volunteer_app.services.admin import users
from volunteer_app.services.session import Session
from volunteer_app.ui import runner
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
SAVED = "已保存（留空不修改）"


class SlowFirstKeyring(MemoryKeyring):
    """Its first lookup waits until the test lets it answer."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self._first = True

    def get_password(self, service: str, username: str) -> str | None:
        if self._first:
            self._first = False
            found = super().get_password(service, username)     # what is saved now
            assert self.release.wait(30)
            return found
        return super().get_password(service, username)


def test_an_older_keyring_answer_does_not_undo_a_newer_one(qtbot, demo_session):
    slow = SlowFirstKeyring()
    keyring.set_keyring(slow)               # the conftest fixture puts its own back after
    actor = users.authenticate(demo_session.db, "admin", "admin2026")
    window = MainWindow(Session(demo_session.db, actor, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("settings")
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == "街道服务器")
    page.tabs.setCurrentIndex(index)
    tab = page.tabs.currentWidget()
    assert tab.loading                      # the first question is still out
    for name, text in (("street.url", "192.168.1.10:5432/street"), ("street.user", "gaolizhuang"),
                       ("street.password", "pw-gaolizhuang-1"),
                       ("street.key", "huaxiang-street-key-2026")):
        qtbot.keyClicks(tab.findChild(QLineEdit, name), text)
    qtbot.mouseClick(tab.findChild(QPushButton, "street.save"), Qt.MouseButton.LeftButton)
    assert tab.message.text() == "已保存。"
    password, key = tab.findChild(QLineEdit, "street.password"), tab.findChild(QLineEdit, "street.key")
    qtbot.waitUntil(lambda: password.placeholderText() == SAVED)       # the second answer
    slow.release.set()
    runner.wait_all()                       # the first answer comes now
    assert password.placeholderText() == SAVED and key.placeholderText() == SAVED
    assert not tab.loading
    window.close()
