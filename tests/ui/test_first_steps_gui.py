"""工作台 → 开始使用: an office that starts empty sees its first steps, each for the role that
takes it, one click from its page, ticked once done, and gone once the office has residents,
volunteers and a team. A settled office (the demo) never sees it."""

from __future__ import annotations

import pytest
from conftest import TODAY
from gui_helpers import click, settle, shown_window
from PySide6.QtWidgets import QFrame, QLabel, QPushButton

from volunteer_app.services.admin import settings, users
from volunteer_app.services.people import residents, teams, volunteers
from volunteer_app.services.permissions import Role
from volunteer_app.services.session import Session

pytestmark = pytest.mark.gui


def _as(session, login: str, role: Role) -> Session:
    users.add_user(session, login, f"{login}姓名", role, "Secret-2026")
    actor = users.authenticate(session.db, login, "Secret-2026")
    return Session(session.db, actor, today=lambda: TODAY)


def _steps(window) -> dict[str, str]:
    """The steps shown, by key: the mark before each (1., 2. … or ✓)."""
    box = window.findChild(QFrame, "dashboard.first_steps")
    if box is None or not box.isVisible():
        return {}
    return {label.objectName().split(".")[2]: label.text()
            for label in box.findChildren(QLabel) if label.objectName().endswith(".mark")}


def test_the_administrator_of_an_empty_office_is_shown_the_issuer_and_the_accounts(qtbot, session):
    admin = _as(session, "zhangzr", Role.ADMIN)
    window = shown_window(qtbot, admin, (1366, 728))
    settle(qtbot, window.page("dashboard"))
    assert _steps(window) == {"issuer": "1.", "accounts": "2."}
    text = window.findChild(QLabel, "dashboard.first_steps.issuer").text()
    assert "社区名称" in text and "证明负责人" in text

    click(qtbot, window.findChild(QPushButton, "dashboard.first_steps.accounts.go"))
    page = window.page("settings")
    assert window.nav.currentItem().text() == "设置"
    assert page.tabs.tabText(page.tabs.currentIndex()) == "用户"


def test_the_staff_see_their_steps_ticked_as_the_ledgers_fill_and_the_list_goes(qtbot, session):
    staff = _as(session, "wangxl", Role.STAFF)
    window = shown_window(qtbot, staff, (1366, 728))
    settle(qtbot, window.page("dashboard"))
    assert _steps(window) == {"residents": "1.", "volunteers": "2.", "teams": "3.", "tasks": "4."}

    click(qtbot, window.findChild(QPushButton, "dashboard.first_steps.residents.go"))
    assert window.nav.currentItem().text() == "居民"
    window.show_page("dashboard")

    residents.add(staff, {"name": "乔玉芬", "birth_date": "1931-05-01", "gender": "女"})
    qtbot.waitUntil(lambda: _steps(window).get("residents") == "✓")
    assert _steps(window)["volunteers"] == "2."
    volunteers.add(staff, {"name": "陈晓东", "birth_date": "1985-03-02", "gender": "男",
                           "phone": "13911112222"})
    qtbot.waitUntil(lambda: _steps(window).get("volunteers") == "✓")
    teams.create(staff, "花园里夕阳红志愿服务队")
    qtbot.waitUntil(lambda: _steps(window) == {})     # residents, volunteers and a team: settled
    assert not window.findChild(QFrame, "dashboard.first_steps").isVisible()


def test_the_issuer_step_is_ticked_once_all_three_settings_are_filled(qtbot, session):
    admin = _as(session, "zhangzr", Role.ADMIN)
    for key, value in (("community.name", "花园里社区居民委员会"), ("certificate.leader", "赵凤英")):
        settings.put(admin, key, value)
    window = shown_window(qtbot, admin, (1366, 728))
    settle(qtbot, window.page("dashboard"))
    assert _steps(window)["issuer"] == "1."        # the contact is still blank
    settings.put(admin, "certificate.contact", "010-63451234")
    qtbot.waitUntil(lambda: _steps(window).get("issuer") == "✓")


def test_a_supervisor_has_no_first_step_and_sees_none(qtbot, session):
    supervisor = _as(session, "lidd", Role.SUPERVISOR)
    window = shown_window(qtbot, supervisor, (1366, 728))
    settle(qtbot, window.page("dashboard"))
    assert _steps(window) == {}


def test_a_settled_office_never_builds_the_list(qtbot, demo_session):
    window = shown_window(qtbot, demo_session, (1366, 728))
    settle(qtbot, window.page("dashboard"))
    assert window.findChild(QFrame, "dashboard.first_steps") is None

