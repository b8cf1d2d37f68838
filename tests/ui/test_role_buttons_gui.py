"""Each role logs in through the login dialog (users stored in the database, passwords checked
by the users service) and finds usable exactly the buttons its role may use: on 志愿者与队伍,
80后帮90后, 操作日志 and 设置. The services refuse the rest anyway (test_permissions.py)."""

from __future__ import annotations

import pytest
from conftest import TODAY
from PySide6.QtWidgets import QPushButton, QWidget

from volunteer_app.services.admin import users
from volunteer_app.services.care import pairing
from volunteer_app.services.session import Session
from volunteer_app.ui.dialogs.login_dialog import LoginDialog
from volunteer_app.ui.dialogs.team_dialog import JoinTeamDialog
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

GAOLI = "高立庄夕阳红志愿服务队"      # the demo captain leads this team only
YINDI = "银地第二社区居民志愿服务队"

VOLUNTEER_WRITES = ("teams.add", "teams.rename", "volunteers.add", "volunteers.edit",
                    "volunteers.archive", "volunteers.import")
MEMBER_WRITES = ("teams.add_member", "teams.make_captain", "teams.remove_member")
PAIRING_WRITES = ("pairing.match", "pairing.accept", "pairing.accept_all", "pairing.reject",
                  "pairing.release")


def log_in(qtbot, db, login: str, password: str) -> Session:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.user.setText(login)
    dialog.password.setText(password)
    dialog.submit.click()
    assert dialog.actor is not None, dialog.error.text()
    return Session(db, dialog.actor, today=lambda: TODAY)


@pytest.fixture
def open_window(qtbot, demo_session):
    windows = []

    def open_as(login: str, password: str | None = None) -> MainWindow:
        session = log_in(qtbot, demo_session.db, login, password or f"{login}2026")
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield open_as
    for window in windows:
        window.close()


def usable(page: QWidget, name: str) -> bool:
    """Shown (unless on a tab not in front) and enabled."""
    widget = page.findChild(QWidget, name)
    assert widget is not None, name
    return not widget.isHidden() and widget.isEnabled()


def hidden(page: QWidget, *names: str) -> bool:
    return all(page.findChild(QWidget, name).isHidden() for name in names)


def choose(qtbot, page, team_name: str | None) -> None:
    """Choose a team on the left (None: 全部志愿者) and its first volunteer on the right, once
    the teams and the team's volunteers are in (they come from worker threads)."""
    team_id = None if team_name is None else page.session.db.execute(
        "SELECT id FROM teams WHERE name = ?", [team_name]).fetchone()[0]
    qtbot.waitUntil(lambda: not page.teams_model.loading)
    page.select_team(team_id)
    qtbot.waitUntil(lambda: not page.loading and page.model.query.team_id == team_id)
    page.table.selectRow(0)


def test_staff_may_use_every_ledger_button(qtbot, open_window):
    window = open_window("staff")
    assert "audit" not in window.page_keys and "settings" not in window.page_keys
    page = window.show_page("volunteers")
    choose(qtbot, page, YINDI)
    assert all(usable(page, name) for name in (*VOLUNTEER_WRITES, *MEMBER_WRITES,
                                               "volunteers.export"))
    pairs = window.show_page("pairing")
    assert all(usable(pairs, name) for name in (*PAIRING_WRITES, "pairing.log_visit"))


def test_captain_changes_members_of_own_team_only(qtbot, open_window):
    window = open_window("captain")
    page = window.show_page("volunteers")
    choose(qtbot, page, GAOLI)
    assert hidden(page, *VOLUNTEER_WRITES, "volunteers.export")
    assert all(usable(page, name) for name in MEMBER_WRITES)
    choose(qtbot, page, YINDI)
    assert usable(page, "teams.add_member")
    for name in ("teams.make_captain", "teams.remove_member"):
        button = page.findChild(QPushButton, name)
        assert not button.isHidden() and not button.isEnabled()
        assert "自己带领的队伍" in button.toolTip()
    page.add_member.click()
    dialog = page.dialog
    assert isinstance(dialog, JoinTeamDialog)
    assert [dialog.team.itemText(i) for i in range(dialog.team.count())] == [GAOLI]
    dialog.reject()
    page.table.doubleClicked.emit(page.model.index(0, 0))   # a captain only looks: read-only
    assert page.dialog is not dialog and page.dialog.save_button.isHidden()
    assert page.dialog.name.isReadOnly() and "*" in page.dialog.phone.text()
    page.dialog.reject()

    pairs = window.show_page("pairing")
    assert not any(usable(pairs, name) for name in PAIRING_WRITES)
    qtbot.waitUntil(lambda: not pairs.loading)      # the pairs come from the background runner
    gaoli = pairs.session.db.execute("SELECT id FROM teams WHERE name = ?", [GAOLI]).fetchone()[0]
    own = [i for i, pair in enumerate(pairs.pairs) if gaoli in pair["team_ids"]]
    other = [i for i, pair in enumerate(pairs.pairs) if gaoli not in pair["team_ids"]]
    assert own and other            # the demo pairs some of the team's younger members
    assert all(pairing.may_log_visit(pairs.session, pairs.pairs[i]) for i in own)
    assert not any(pairing.may_log_visit(pairs.session, pairs.pairs[i]) for i in other)
    pairs.active.selectRow(own[0])
    assert usable(pairs, "pairing.log_visit")
    pairs.active.selectRow(other[0])
    assert not usable(pairs, "pairing.log_visit")


def test_a_captain_of_another_team_logs_visits_of_its_helpers(qtbot, demo_session, open_window):
    """A second captain account, made by the administrator for the captain of 银地第二社区."""
    admin = log_in(qtbot, demo_session.db, "admin", "admin2026")
    leader = next(c for c in users.captain_candidates(admin) if YINDI in c["teams"])
    users.add_user(admin, "yindi", leader["name"], "captain", "Yindi-pass-2026", leader["id"])
    window = open_window("yindi", "Yindi-pass-2026")
    pairs = window.show_page("pairing")
    qtbot.waitUntil(lambda: not pairs.loading)
    own = [i for i, pair in enumerate(pairs.pairs) if pair["team_ids"]
           and pairing.may_log_visit(pairs.session, pair)]
    other = [i for i, pair in enumerate(pairs.pairs) if not pair["team_ids"]]
    assert own and other
    pairs.active.selectRow(own[0])
    assert usable(pairs, "pairing.log_visit")
    pairs.active.selectRow(other[0])
    assert not usable(pairs, "pairing.log_visit")
    assert "自己带领的队伍" in pairs.log_button.toolTip()


def test_supervisor_reads_exports_and_audits_but_changes_no_ledger(qtbot, open_window):
    window = open_window("supervisor")
    assert "settings" not in window.page_keys
    page = window.show_page("volunteers")
    choose(qtbot, page, GAOLI)
    assert hidden(page, *VOLUNTEER_WRITES, *MEMBER_WRITES)
    assert usable(page, "volunteers.export")
    pairs = window.show_page("pairing")
    assert not any(usable(pairs, name) for name in (*PAIRING_WRITES, "pairing.log_visit"))
    assert "结对管理" in pairs.match_button.toolTip()
    audit = window.show_page("audit")
    assert usable(audit, "audit.export")


def test_admin_runs_the_system_but_not_the_ledgers(qtbot, open_window):
    window = open_window("admin")
    page = window.show_page("volunteers")
    choose(qtbot, page, GAOLI)
    assert hidden(page, *VOLUNTEER_WRITES, *MEMBER_WRITES, "volunteers.export")
    pairs = window.show_page("pairing")
    assert not any(usable(pairs, name) for name in (*PAIRING_WRITES, "pairing.log_visit"))
    assert usable(window.show_page("audit"), "audit.export")
    settings = window.show_page("settings")
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        for button in settings.tabs.currentWidget().findChildren(QPushButton):
            assert button.isEnabled(), button.objectName()
    assert settings.tabs.count() == 4      # 常规设置, 用户, 备份与恢复, 街道服务器 (issue 14)
    assert not settings.fields["security.idle_lock_minutes"].isReadOnly()
