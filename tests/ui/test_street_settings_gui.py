"""设置 → 街道服务器, driven as the committee's administrator would, against a throw-away
PostgreSQL (tests/street_server.py): fill the section, 测试连接, 立即上报, the status bar; a
wrong port loses nothing; the minute's timer publishes a change."""

from __future__ import annotations

from urllib.parse import urlsplit

import psycopg
import pytest
from conftest import TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QTableWidget

from volunteer_app.services.admin import users
from volunteer_app.services.people import teams
from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.services.street import config, outbox
from volunteer_app.services.street.config import StreetConfig
from volunteer_app.services.street.published import NEVER_PUBLISHED, PUBLISHED
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
KEY = "huaxiang-street-key-2026"


def _window(qtbot, session, login: str | None = "admin") -> MainWindow:
    actor = users.authenticate(session.db, login, f"{login}2026") if login else BUILTIN_ADMIN
    window = MainWindow(Session(session.db, actor, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    return window


def _street_tab(qtbot, window):
    page = window.show_page("settings")
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == "街道服务器")
    page.tabs.setCurrentIndex(index)          # as a click on the tab
    tab = page.tabs.currentWidget()
    assert tab.objectName() != "settings.tabs.street.placeholder"
    return tab


def _fill(qtbot, tab, address: str, user: str, password: str, key: str = "") -> None:
    for name, text in (("street.url", address), ("street.user", user),
                       ("street.password", password), ("street.key", key)):
        field = tab.findChild(QLineEdit, name)
        field.clear()
        qtbot.keyClicks(field, text)


def _click(qtbot, tab, name: str) -> None:
    qtbot.mouseClick(tab.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _message(tab) -> str:
    return tab.findChild(QLabel, "street.message").text()


def _parts(url: str) -> tuple[str, str, str]:
    """A publisher's URL as the street hands it out: address, user, password."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}{parts.path}", parts.username, parts.password


def _server_rows(street_db) -> dict[tuple[str, str], dict]:
    with psycopg.connect(street_db.admin_url) as conn:
        return {(tbl, uid): data for tbl, uid, data in conn.execute(
            "SELECT tbl, uid, data FROM street.rows WHERE NOT deleted")}


def _status(window) -> str:
    return window.findChild(QLabel, "status.street").text()


def _all_uids(session) -> set[tuple[str, str]]:
    return {(t.table, uid) for t in PUBLISHED for uid in outbox.all_uids(session, t.table)}


def test_fill_the_section_test_it_and_publish_now(qtbot, demo_session, street_db):
    address, user, password = _parts(street_db.add_publisher("gaolizhuang"))
    window = _window(qtbot, demo_session)
    assert not window.findChild(QLabel, "status.street").isVisible()   # no server set yet
    tab = _street_tab(qtbot, window)
    shown = tab.findChild(QTableWidget, "street.published")
    assert shown.rowCount() == len(PUBLISHED)
    assert shown.item(0, 0).text() == PUBLISHED[0].title
    assert PUBLISHED[0].columns[0].title in shown.item(0, 1).text()
    assert all(word in tab.findChild(QLabel, "street.never").text() for word in NEVER_PUBLISHED)

    _fill(qtbot, tab, address, user, password, KEY)
    _click(qtbot, tab, "street.test")
    qtbot.waitUntil(lambda: "连接成功" in _message(tab), timeout=10_000)
    assert "还没有在这台服务器上报过" in _message(tab)
    assert config.load(demo_session) == StreetConfig()          # testing saves nothing

    _click(qtbot, tab, "street.publish")
    qtbot.waitUntil(lambda: "待上报" in _message(tab) or "失败" in _message(tab), timeout=30_000)
    assert "待上报 0 条" in _message(tab), _message(tab)
    assert config.load(demo_session).user == user
    assert config.password(address, user) == password and config.street_key() == KEY.encode()
    assert set(_server_rows(street_db)) == _all_uids(demo_session)
    qtbot.waitUntil(lambda: _status(window).startswith("上次上报 ") and "0 条待上报" in _status(window))
    window.close()


def test_a_wrong_port_says_unreachable_and_loses_nothing(qtbot, demo_session, street_db):
    address, user, password = _parts(street_db.add_publisher("xinfadi"))
    host, rest = address.split(":", 1)
    port, database = rest.split("/", 1)
    wrong = f"{host}:{int(port) + 1 if int(port) < 65535 else 1}/{database}"   # nothing listens
    waiting = outbox.pending_count(demo_session)
    assert waiting > 0
    window = _window(qtbot, demo_session)
    tab = _street_tab(qtbot, window)
    _fill(qtbot, tab, wrong, user, password)
    _click(qtbot, tab, "street.test")
    qtbot.waitUntil(lambda: "连接失败" in _message(tab), timeout=15_000)
    assert "无法连接" in _message(tab)

    _click(qtbot, tab, "street.publish")
    qtbot.waitUntil(lambda: "上报失败" in _message(tab), timeout=15_000)
    qtbot.waitUntil(lambda: _status(window) == f"街道服务器无法连接 · {waiting} 条待上报")
    assert outbox.pending_count(demo_session) == waiting
    assert _server_rows(street_db) == {}
    window.close()


@pytest.mark.parametrize(("address", "user", "words"), [
    ("http://street.local/street", "u1", "“服务器地址”"),
    ("street.local:70000/street", "u1", "端口"),
    ("street.local:5432/street", "", "“用户名”"),
])
def test_bad_input_is_named_and_nothing_is_saved(qtbot, demo_session, memory_keyring,
                                                   address, user, words):
    window = _window(qtbot, demo_session)
    tab = _street_tab(qtbot, window)
    _fill(qtbot, tab, address, user, "secret-pw-1", KEY)
    tab.findChild(QCheckBox, "street.auto").setChecked(True)
    _click(qtbot, tab, "street.save")
    assert words in _message(tab)
    assert config.load(demo_session) == StreetConfig()
    assert memory_keyring.entries == {}
    window.close()


def test_without_a_keyring_the_section_says_so(qtbot, demo_session):
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())         # the conftest fixture puts its own back after
    window = _window(qtbot, demo_session)
    tab = _street_tab(qtbot, window)
    qtbot.waitUntil(lambda: "没有可用的系统密码库" in _message(tab))     # asked off the GUI thread
    _fill(qtbot, tab, "street.local/street", "u1", "secret-pw-1")
    _click(qtbot, tab, "street.save")
    assert "没有可用的系统密码库" in _message(tab)
    assert config.load(demo_session) == StreetConfig()
    window.close()


def test_the_minute_timer_publishes_a_change(qtbot, demo_session, street_db):
    address, user, password = _parts(street_db.add_publisher("yindi"))
    window = _window(qtbot, demo_session, login=None)   # 系统管理员: may also rename a team
    config.save_with_secrets(window.session, StreetConfig(address, user, True), password, KEY)
    publishing = window.street_publishing
    assert publishing.timer.isActive() and publishing.timer.interval() == 60_000
    publishing.start(delay_ms=0)                         # the window's start-up publish
    qtbot.waitUntil(lambda: "0 条待上报" in _status(window) and "上次上报" in _status(window),
                    timeout=30_000)

    team = demo_session.db.execute("SELECT id, uid FROM teams ORDER BY id LIMIT 1").fetchone()
    teams.rename(window.session, team[0], "高立庄夕阳红志愿服务队（改名）")
    qtbot.waitUntil(lambda: "1 条待上报" in _status(window))
    announced = []
    window.signals.changed.connect(announced.append)
    with qtbot.waitSignal(publishing.finished, timeout=30_000):
        publishing.timer.timeout.emit()                  # the minute is up
        assert publishing.run_now() is None              # never two at once
    assert _server_rows(street_db)[("teams", team[1])]["name"] == "高立庄夕阳红志愿服务队（改名）"
    assert announced == []      # the outbox's bookkeeping makes no page reload each minute
    qtbot.waitUntil(lambda: "0 条待上报" in _status(window))
    window.close()
    assert not publishing.timer.isActive()
