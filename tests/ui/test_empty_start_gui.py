"""A committee that starts EMPTY (not the demo) gets going without help, in the real window.

从空白开始 → the administrator creates itself → 设置 → 用户 → 新增用户… makes a 社区工作者 and
a 督导 account → 换人登录 → the staff member sets up the community and its 院落, enters a
90-year-old 悬空老人 and a 1980s volunteer by hand, a team with its captain, a task with a
shift, assigns the volunteer, who signs in and out → the record is in 服务记录 → the
supervisor verifies, locks and certifies it (the PDF read back) → 80后帮90后 → 匹配 proposes
the 1980s volunteer for the 90-year-old. Every list met empty on the way says, in Chinese,
what to do next (LINLIBANG_TEST_SHOTS=DIR keeps screenshots of them)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from conftest import TODAY
from gui_helpers import choose_data, click, run_window_acting_on_each_window, settle, shown_window
from pdftext import pdf_text
from PySide6.QtCore import QItemSelectionModel, QTime, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from volunteer_app.services.admin import users
from volunteer_app.services.permissions import Role
from volunteer_app.services.session import Session
from volunteer_app.ui.dialogs.login_dialog import FirstAdminDialog, LoginDialog
from volunteer_app.ui.first_paint import after_first_paint as painted
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

# LINLIBANG_TEST_SHOTS=DIR keeps a screenshot of each step there, for a person to look at
SHOTS = os.environ.get("LINLIBANG_TEST_SHOTS")


def shot(widget, name: str) -> None:
    """A screenshot for a person to look at, when asked for (the test does not read it)."""
    QApplication.processEvents()        # the layouts a shown hint or a new text asked for
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def quiet_app(monkeypatch, qapp):
    """run_window on the tests' one QApplication, leaving its style, names and hooks as found;
    the welcome box answered 从空白开始 (its text kept)."""
    monkeypatch.setattr("volunteer_app.ui.look.apply_look", lambda app: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args[2]))

    def blank(box: QMessageBox) -> int:
        said.append(box.text())
        blank_button = next(b for b in box.buttons() if b.text() == "从空白开始")
        blank_button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", blank)
    name, organisation = qapp.applicationName(), qapp.organizationName()
    yield said
    qapp.setApplicationName(name)
    qapp.setOrganizationName(organisation)


def _people_at_the_pc(monkeypatch, steps):
    """Each login dialog, once painted, is handed to the next of ``steps``: a function that
    fills it in and presses its button."""
    queue = iter(steps)

    def next_person(dialog, while_typing):
        if not isinstance(dialog, (LoginDialog, FirstAdminDialog)):
            return painted(dialog, while_typing)

        def act() -> None:
            while_typing()
            next(queue)(dialog)

        QTimer.singleShot(0, act)

    monkeypatch.setattr("volunteer_app.ui.first_paint.after_first_paint", next_person)


def test_blank_start_admin_creates_itself_and_the_staff_and_supervisor_accounts(tmp_path, quiet_app, monkeypatch, qtbot):
    path = tmp_path / "linlibang.sqlite3"

    def first_admin(dialog: FirstAdminDialog) -> None:
        assert isinstance(dialog, FirstAdminDialog)
        shot(dialog, "01_first_admin")
        dialog.name.setText("张主任")
        dialog.password.setText("guanli2026")
        dialog.confirm.setText("guanli2026")
        dialog.submit.click()

    def staff_logs_in(dialog: LoginDialog) -> None:
        assert isinstance(dialog, LoginDialog)
        dialog.user.setText("wangxl")
        dialog.password.setText("shegong2026")
        dialog.submit.click()

    _people_at_the_pc(monkeypatch, [first_admin, staff_logs_in])
    shown: dict[int, dict] = {}

    def act(window: MainWindow, n: int) -> None:
        window.resize(1366, 728)
        if n == 0:
            shown[0] = {"pages": list(window.page_keys), "user": window.user_label.text()}
            residents = window.show_page("residents")
            qtbot.waitUntil(lambda: not residents.model.loading)
            shot(window, "02_admin_residents_empty")
            shown[0]["residents"] = hint(residents.table)
            page = window.show_page("settings")
            shot(window, "02_admin_first_window")
            page.tabs.setCurrentIndex(1)
            assert page.tabs.tabText(1) == "用户"
            for login, name, role, password in (("wangxl", "王晓丽", "社区工作者", "shegong2026"),
                                                ("lidd", "李督导", "督导", "dudao2026")):
                page.user_buttons["add"].click()
                dialog = page.user_dialog
                dialog.login.setText(login)
                dialog.name.setText(name)
                dialog.role.setCurrentIndex(dialog.role.findText(role))
                dialog.password.setText(password)
                dialog.confirm.setText(password)
                shot(dialog, f"03_new_user_{login}")
                dialog.submit()
                qtbot.waitUntil(lambda d=dialog: not d.isVisible())
            shown[0]["users"] = [page.users_table.item(r, 1).text()
                                 for r in range(page.users_table.rowCount())]
            window.switch_button.click()
        else:
            shown[1] = {"pages": list(window.page_keys), "user": window.user_label.text()}
            shot(window, "04_staff_first_window")
            window.close()

    windows = run_window_acting_on_each_window(path, act)
    assert len(windows) == 2
    assert "从空白开始" in quiet_app[0]
    assert shown[0]["users"] == ["张主任", "王晓丽", "李督导"]
    assert "张主任" in shown[0]["user"] and "王晓丽" in shown[1]["user"]
    assert "residents" in shown[1]["pages"]
    assert shown[0]["residents"] == ("还没有居民。居民由社区工作者登记。"
                                     "社区工作者的账户在“设置 → 用户”里点“新增用户…”建立。")


# -- the office after its first start: the admin, one 社区工作者 and one 督导, nothing else --------

@pytest.fixture
def office(db):
    """The empty file as the first start leaves it once the administrator made the staff
    member's and the supervisor's accounts (test above: the same through the window)."""
    admin = users.first_admin(db, "admin", "张主任", "guanli2026")
    as_admin = Session(db, admin, today=lambda: TODAY)
    users.add_user(as_admin, "wangxl", "王晓丽", Role.STAFF, "shegong2026")
    users.add_user(as_admin, "lidd", "李督导", Role.SUPERVISOR, "dudao2026")
    return db


def log_in(qtbot, db, login: str, password: str) -> MainWindow:
    """The login dialog typed in, and the window it opens, at the office screen's size."""
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.user.setText(login)
    dialog.password.setText(password)
    dialog.show()
    click(qtbot, dialog.submit)
    assert dialog.actor is not None, dialog.error.text()
    return shown_window(qtbot, Session(db, dialog.actor, today=lambda: TODAY), (1366, 728))


def places_id(db, name: str) -> int:
    return db.execute("SELECT id FROM places WHERE name = ?", [name]).fetchone()[0]


def hint(view) -> str:
    """The sentence over an empty list ('' when it is hidden)."""
    label = view.viewport().findChild(QLabel, f"{view.objectName()}.empty")
    return label.text() if label is not None and label.isVisible() else ""


def staff_sets_up_the_community(qtbot, office) -> MainWindow:
    """The staff member's first morning: the community and its courtyard, a 90-year-old
    悬空老人, a volunteer born in 1985, a team with him as its captain; every list met empty
    says what to do. The staff member's window."""
    window = log_in(qtbot, office, "wangxl", "shegong2026")

    # 居民: empty, and the page says what to do first
    residents = window.show_page("residents")
    settle(qtbot, residents.model)
    shot(window, "10_residents_empty")
    assert "还没有居民" in hint(residents.table) and "小区/院落…" in hint(residents.table)
    residents.filter.setText("zjg")
    qtbot.waitUntil(lambda: "没有符合条件的居民" in hint(residents.table))
    residents.filter.clear()
    qtbot.waitUntil(lambda: "还没有居民" in hint(residents.table))

    # 小区/院落…: the community, then its courtyard
    click(qtbot, residents.places_button)
    places = residents.places_dialog
    shot(places, "11_places_empty")
    assert "还没有社区" in hint(places.tree) and "新增社区" in hint(places.tree)
    places.community_name.setText("高立庄社区")
    places.street.setText("花乡街道")
    click(qtbot, places.add_community_button)
    places.place_kind.setCurrentIndex(places.place_kind.findText("院落"))
    places.place_name.setText("高立庄")
    click(qtbot, places.add_place_button)
    assert hint(places.tree) == ""
    places.close()

    # 新增: a 90-year-old on the 5th floor of a walk-up, who is 悬空
    click(qtbot, residents.add_button)
    dialog = residents.dialog
    dialog.name.setText("祁秀英")
    dialog.birth_date.setText("1935-03-02")
    choose_data(dialog.gender, "女")
    dialog.phone.setText("13812341234")
    choose_data(dialog.place, places_id(office, "高立庄"))
    dialog.building.setText("3")
    dialog.floor.setValue(5)
    dialog.flags["lives_alone"].setChecked(True)
    dialog.consent_visit.setChecked(True)
    shot(dialog, "12_first_resident")
    assert dialog.save_button.isEnabled(), dialog.errors()
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: not residents.model.loading and residents.model.rowCount() == 1)
    row = residents.model.row_data(0)
    assert (row["name"], row["age"], row["stranded"]) == ("祁秀英", 91, 1), row
    assert hint(residents.table) == ""

    # 志愿者与队伍: nobody yet; the page says how to register and where teams come from
    people = window.show_page("volunteers")
    settle(qtbot, people)
    shot(window, "13_volunteers_empty")
    assert "还没有志愿者" in hint(people.table) and "新建队伍" in hint(people.table)
    click(qtbot, people.add_volunteer)
    dialog = people.dialog
    dialog.name.setText("赵志强")
    dialog.birth_date.setText("1985-06-12")
    choose_data(dialog.gender, "男")
    dialog.phone.setText("13911112222")
    choose_data(dialog.community, office.execute("SELECT id FROM communities").fetchone()[0])
    shot(dialog, "14_first_volunteer")
    assert dialog.save_button.isEnabled(), dialog.errors()
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, people)
    qtbot.waitUntil(lambda: people.model.rowCount() == 1)
    people.table.selectRow(0)
    # 加入队伍 before any team: says where a team comes from
    assert not people.add_member.isEnabled() and "新建队伍" in people.add_member.toolTip()

    # 新建队伍, then the volunteer joins it and becomes its captain
    click(qtbot, people.add_team)
    dialog = people.dialog
    dialog.name.setText("高立庄夕阳红志愿服务队")
    dialog.accept()
    settle(qtbot, people)
    team_id = office.execute("SELECT id FROM teams").fetchone()[0]
    qtbot.waitUntil(lambda: people.current_team() is not None)
    shot(window, "15_team_without_members")
    assert "这支队伍还没有队员" in hint(people.table)
    people.select_team(None)
    settle(qtbot, people)
    people.table.selectRow(0)
    click(qtbot, people.add_member)
    join = people.dialog
    assert join.team.currentData() == team_id
    join.accept()
    assert not join.isVisible()
    people.select_team(team_id)
    settle(qtbot, people)
    qtbot.waitUntil(lambda: people.model.rowCount() == 1)
    people.table.selectRow(0)
    click(qtbot, people.make_captain)
    assert "赵志强 现在是 高立庄夕阳红志愿服务队 的队长" in people.message.text()
    return window


def test_staff_sets_up_the_community_its_people_and_a_team(qtbot, office):
    staff_sets_up_the_community(qtbot, office)
    assert office.execute("SELECT v.name, m.role FROM team_members m JOIN volunteers v "
                          "ON v.id = m.volunteer_id").fetchall() == [("赵志强", "队长")]


def test_a_served_shift_is_recorded_verified_certified_and_the_pair_proposed(qtbot, office, tmp_path,
                                                                             event_loop):
    window = staff_sets_up_the_community(qtbot, office)

    # 服务记录 and 80后帮90后 before anything was served or paired
    records = window.show_page("records")
    settle(qtbot, records)
    shot(window, "16_records_empty")
    assert "还没有服务记录" in hint(records.table) and "签到、签退" in hint(records.table)
    pairing = window.show_page("pairing")
    settle(qtbot, pairing)
    pairing.tabs.setCurrentIndex(0)
    shot(window, "17_pairing_empty")
    assert "点上面的“匹配”" in hint(pairing.proposals) and "“80后”" in hint(pairing.proposals)
    pairing.tabs.setCurrentIndex(1)
    assert "还没有结对" in hint(pairing.active)

    # 任务与排班: no shift this week; the page says 新建任务
    schedule = window.show_page("schedule")
    shot(window, "20_schedule_empty")
    assert "还没有班次" in schedule.details.text() and "新建任务" in schedule.details.text()
    click(qtbot, schedule.new_task)
    dialog = schedule.dialog
    assert dialog.team.currentText() == "高立庄夕阳红志愿服务队"
    shot(dialog, "21_new_task")
    dialog.title.setText("高立庄院内清扫")
    dialog.start_date.setDate(TODAY)
    dialog.end_date.setDate(TODAY)
    dialog.slot_rows[0].start.setTime(QTime(9, 0))
    dialog.slot_rows[0].end.setTime(QTime(11, 0))
    dialog.min_people.setValue(1)
    dialog.save.click()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    qtbot.waitUntil(lambda: len(schedule.shifts) == 1)
    schedule.select(schedule.shifts[0].id)
    click(qtbot, schedule.assign)
    assign = schedule.dialog
    shot(assign, "22_assign")
    volunteer_id = office.execute("SELECT id FROM volunteers").fetchone()[0]
    assert assign.choose(volunteer_id)
    assign.assign_button.click()
    if assign.confirm_box is not None:
        shot(assign.confirm_box, "23_assign_confirm")
        print("CONFIRM", assign.confirm_box.text())
        assign.confirm_box.accept()
    assert "已安排赵志强" in assign.message.text(), assign.message.text()
    assign.close()
    click(qtbot, schedule.attendance)
    attendance = schedule.dialog
    attendance.select_rows(0)
    attendance.check_in_button.click()
    attendance.select_rows(0)
    attendance.check_out_button.click()
    assert "赵志强 已签退" in attendance.message.text(), attendance.message.text()
    attendance.close()

    # 服务记录: the staff member sees the record the check-out made
    records = window.show_page("records")
    qtbot.waitUntil(lambda: not records.loading and records.model.rowCount() == 1)
    assert records.model.row_data(0)["volunteer_name"] == "赵志强"
    assert hint(records.table) == ""

    # the supervisor verifies and locks it, and prints the certificate
    supervisor = log_in(qtbot, office, "lidd", "dudao2026")
    checked = supervisor.show_page("records")
    qtbot.waitUntil(lambda: not checked.loading and checked.model.rowCount() == 1)
    checked.table.selectionModel().select(
        checked.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    click(qtbot, checked.verify_button)
    qtbot.waitUntil(lambda: "已核实并锁定 1 条" in checked.message.text())
    assert office.execute("SELECT status FROM service_records").fetchone()[0] == "已锁定"
    qtbot.waitUntil(lambda: not checked.loading)
    checked.table.selectRow(0)
    click(qtbot, checked.certificate_button)
    certificate = checked.dialog
    shot(certificate, "30_certificate")
    # a blank office has not said who issues certificates: the dialog says who fills what, where
    assert event_loop.run_until_complete(certificate.save_pdf(tmp_path / "证明.pdf")) is None
    refused = certificate.message.text()
    assert "管理员" in refused and "设置 → 常规设置" in refused
    assert all(f"“{field}”" in refused for field in ("社区名称", "证明负责人", "证明联系电话"))
    admin = log_in(qtbot, office, "admin", "guanli2026")
    settings_page = admin.show_page("settings")
    qtbot.waitUntil(lambda: not settings_page.loading)
    for key, value in (("community.name", "高立庄社区居民委员会"), ("certificate.leader", "张主任"),
                       ("certificate.contact", "010-63712345")):
        assert settings_page.fields[key].text() == ""
        settings_page.fields[key].setText(value)
    click(qtbot, settings_page.save_button)
    path = event_loop.run_until_complete(certificate.save_pdf(tmp_path / "证明.pdf"))
    assert path is not None, certificate.message.text()
    text = pdf_text(path)
    assert "赵志强" in text and "2 小时" in text and "出具单位：高立庄社区居民委员会" in text, text
    assert "示范社区" not in text

    # 80后帮90后 → 匹配: the 1985 volunteer for the 91-year-old
    pairing = window.show_page("pairing")
    click(qtbot, pairing.match_button)
    qtbot.waitUntil(lambda: pairing.proposal is not None)
    shot(window, "40_pairing_proposed")
    assert [(r["helper"], r["resident"]) for r in pairing.proposals_model.rows] == [
        ("赵志强", "祁秀英（悬空）")]


def test_a_supervisor_on_the_empty_file_is_told_who_enters_what(qtbot, office):
    window = log_in(qtbot, office, "lidd", "dudao2026")
    residents = window.show_page("residents")
    settle(qtbot, residents.model)
    shot(window, "50_supervisor_residents_empty")
    assert hint(residents.table) == "还没有居民。居民由社区工作者登记。"
    people = window.show_page("volunteers")
    settle(qtbot, people)
    assert hint(people.table) == "还没有志愿者。志愿者由社区工作者登记。"
    schedule = window.show_page("schedule")
    assert schedule.details.text() == "还没有队伍。队伍由社区工作者在“志愿者与队伍”里建立。"
    records = window.show_page("records")
    settle(qtbot, records)
    assert "签到、签退" in hint(records.table) and "新增记录" not in hint(records.table)
    pairing = window.show_page("pairing")
    settle(qtbot, pairing)
    assert hint(pairing.proposals) == "还没有建议结对。建议由社区工作者点“匹配”生成。"


def test_a_dialog_opened_before_what_it_needs_says_where_to_make_it(qtbot, office):
    """新建任务 before any team, 新增记录 before any volunteer: not a disabled 保存 alone."""
    window = log_in(qtbot, office, "wangxl", "shegong2026")
    schedule = window.show_page("schedule")
    click(qtbot, schedule.new_task)
    task = schedule.dialog
    shot(task, "24_new_task_without_a_team")
    assert not task.save.isEnabled()
    assert "先在“志愿者与队伍”里点“新建队伍”" in task.error.text() and task.error.isVisible()
    task.reject()
    records = window.show_page("records")
    settle(qtbot, records)
    click(qtbot, records.add_button)
    record = records.dialog
    shot(record, "25_new_record_without_volunteers")
    assert not record.save.isEnabled()
    assert "先在“志愿者与队伍”里点“新增志愿者”" in record.error.text() and record.error.isVisible()
    record.reject()


def test_no_requests_yet_says_how_they_come_in(qtbot, office):
    window = log_in(qtbot, office, "wangxl", "shegong2026")
    tab = window.show_page("requests").tickets
    tickets = tab.table
    settle(qtbot, tab)
    shot(window, "60_requests_empty")
    assert "没有未办结的诉求" in hint(tickets) and "新建诉求…" in hint(tickets)
    assert "导入12345工单…" in hint(tickets)
    tab.filter.setText("12345")
    settle(qtbot, tab)
    assert "清空查找框" in hint(tickets)
