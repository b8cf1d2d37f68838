"""The 极端天气 lists' saves run on the one background runner (issue 16): 指派处理人 and
登记上门结果 clicked as a community worker does, the list and the file showing the result once
the save is in; a second click while it saves writes nothing twice; a refusal (the volunteer
left the roll meanwhile, the warning closed at another PC, a role without the right) shows the
service's Chinese reason in the dialog and changes nothing."""

from __future__ import annotations

import pytest
from gui_helpers import click, save_twice, settle, window_as
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPushButton, QRadioButton

from volunteer_app.domain.weather import AlertLevel, AlertType, Result
from volunteer_app.services.admin import users
from volunteer_app.services.alerts import attempts, callers, closing, escalation, start
from volunteer_app.services.people import volunteers
from volunteer_app.services.session import Session
from volunteer_app.ui.dialogs.alert_dialogs import DoorOutcomeDialog, HandlerDialog

pytestmark = pytest.mark.gui


def as_user(demo_session, login: str) -> Session:
    actor = users.authenticate(demo_session.db, login, f"{login}2026")
    return Session(demo_session.db, actor, today=demo_session.today)


def warning(demo_session) -> tuple[int, list[int]]:
    """An open 暴雪橙色 warning and its roll entries, in the roll's order."""
    alert_id = start.start(as_user(demo_session, "staff"), start.StartRequest(
        AlertType.SNOW, AlertLevel.ORANGE, insurance="人保财险 PICC-2026-0088")).alert_id
    ids = [r[0] for r in demo_session.db.execute(
        "SELECT id FROM alert_roll WHERE alert_id = ? ORDER BY position", [alert_id])]
    return alert_id, ids


def count(demo_session, sql: str, *args) -> int:
    return demo_session.db.execute(sql, args).fetchone()[0]


def roll(demo_session, roll_id: int) -> dict:
    return dict(next(demo_session.db.query("SELECT * FROM alert_roll WHERE id = ?", [roll_id])))


def needs_tab(qtbot, demo_session, roll_id: int):
    """The 需要帮助 tab as staff, with the resident of ``roll_id`` needing 送餐, chosen."""
    attempts.log_attempt(as_user(demo_session, "staff"), roll_id, Result.NEEDS_HELP, needs=["送餐"])
    window, page = _alerts_tab(qtbot, demo_session, "needs", roll_id)
    return window, page.needs


def _alerts_tab(qtbot, demo_session, tab: str, roll_id: int):
    """The 极端天气 page as staff on its tab ``tab``, with ``roll_id``'s row (the only one) chosen."""
    window = window_as(qtbot, demo_session, "staff")
    page = window.show_page("alerts")
    settle(qtbot, page)
    shown = getattr(page, tab)
    page.tabs.setCurrentWidget(shown)
    qtbot.waitUntil(lambda: [r["id"] for r in shown.rows] == [roll_id])
    shown.select(roll_id)
    return window, page


def handler_dialog(qtbot, tab) -> HandlerDialog:
    click(qtbot, tab.findChild(QPushButton, "needs.assign"))
    dialog = tab.dialog
    settle(qtbot, dialog)                    # the people are read on the runner
    return dialog


def choose(dialog: HandlerDialog, name: str) -> None:
    dialog.person.setCurrentText(name)


def test_handing_a_need_to_someone_saves_in_the_background_and_the_list_shows_them(qtbot, demo_session):
    _, ids = warning(demo_session)
    window, tab = needs_tab(qtbot, demo_session, ids[2])
    assert tab.model.text(0, 3) == "未指派"
    dialog = handler_dialog(qtbot, tab)
    people = callers.handler_choices(demo_session)
    name, person_id = people[3]
    assert dialog.person.count() == len(people)
    choose(dialog, name)
    click(qtbot, dialog.save_button)
    assert dialog.busy and not dialog.save_button.isEnabled()     # saving: 指派 waits
    assert tab.table.isEnabled()                                   # the page stays usable
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.saved is None and not dialog.busy
    assert roll(demo_session, ids[2])["need_handler_id"] == person_id
    qtbot.waitUntil(lambda: tab.model.text(0, 3) == name)          # the list follows
    assert tab.message.text() == "已指派处理人。"
    window.close()


def test_a_second_click_while_handing_over_writes_once(qtbot, demo_session):
    _, ids = warning(demo_session)
    window, tab = needs_tab(qtbot, demo_session, ids[0])
    dialog = handler_dialog(qtbot, tab)
    save_twice(qtbot, dialog)                   # the second click and Enter do nothing
    settle(qtbot, window.page("alerts"))
    assert count(demo_session, "SELECT count(*) FROM audit_log WHERE action = '安排帮助'") == 1
    assert count(demo_session, "SELECT count(*) FROM alert_events WHERE kind = '安排帮助'") == 1
    window.close()


def test_a_volunteer_who_left_meanwhile_is_refused_in_the_dialog_and_nothing_changes(qtbot, demo_session):
    _, ids = warning(demo_session)
    window, tab = needs_tab(qtbot, demo_session, ids[1])
    dialog = handler_dialog(qtbot, tab)
    name, person_id = callers.handler_choices(demo_session)[-1]
    choose(dialog, name)
    volunteers.archive(demo_session, person_id, "搬走了")             # at another PC, meanwhile
    events = count(demo_session, "SELECT count(*) FROM alert_events")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.error.text() == (f"编号为{person_id}的志愿者不在册，请从在册的志愿者或社区工作者中"
                                   "选择负责人。")
    assert roll(demo_session, ids[1])["need_handler_id"] is None
    assert count(demo_session, "SELECT count(*) FROM alert_events") == events
    assert count(demo_session, "SELECT count(*) FROM audit_log WHERE action = '安排帮助'") == 0
    assert tab.model.text(0, 3) == "未指派"
    window.close()


def door_tab(qtbot, demo_session, roll_id: int):
    """The 上门查看 tab as staff, with a door visit sent to the resident of ``roll_id``, chosen."""
    visitor = callers.handler_choices(demo_session)[0][1]
    escalation.assign_door(as_user(demo_session, "staff"), roll_id, visitor)
    return _alerts_tab(qtbot, demo_session, "doors", roll_id)


def door_attempts(demo_session, roll_id: int) -> int:
    return count(demo_session, "SELECT count(*) FROM alert_attempts WHERE roll_id = ? AND via = '上门'", roll_id)


def test_a_door_visits_result_saves_in_the_background_once_and_leaves_the_list(qtbot, demo_session):
    _, ids = warning(demo_session)
    window, page = door_tab(qtbot, demo_session, ids[3])
    click(qtbot, page.doors.findChild(QPushButton, "doors.outcome"))
    dialog = page.doors.dialog
    dialog.findChild(QLineEdit, "alert_door.note").setText("暖气修好了，人没事")
    save_twice(qtbot, dialog)
    assert dialog.saved["id"] == ids[3] and dialog.saved["state"] == Result.DOOR.value
    entry = roll(demo_session, ids[3])
    assert entry["state"] == "已上门" and entry["door_closed_at"]
    assert door_attempts(demo_session, ids[3]) == 1
    qtbot.waitUntil(lambda: page.doors.model.rowCount() == 0)         # the list follows
    assert page.doors.message.text() == "已登记上门结果。" and page.board.value("door_visits") == "0"
    window.close()


def test_a_door_visits_result_after_the_warning_closed_elsewhere_is_refused(qtbot, demo_session):
    alert_id, ids = warning(demo_session)
    window, page = door_tab(qtbot, demo_session, ids[4])
    click(qtbot, page.doors.findChild(QPushButton, "doors.outcome"))
    dialog = page.doors.dialog
    dialog.findChild(QRadioButton, "alert_door.help").click()
    dialog.boxes["送药"].setChecked(True)
    closing.close(as_user(demo_session, "staff"), alert_id)            # at another PC, meanwhile
    before = roll(demo_session, ids[4])
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert "已于" in dialog.error.text() and "解除，不能再登记点名结果。" in dialog.error.text()
    assert roll(demo_session, ids[4]) == before and door_attempts(demo_session, ids[4]) == 0
    window.close()


def test_a_role_without_the_right_is_refused_by_the_service_on_the_runner(qtbot, demo_session):
    """The worker session acts as the dialog's user: the service's permission check holds."""
    _, ids = warning(demo_session)
    escalation.assign_door(as_user(demo_session, "staff"), ids[5], callers.handler_choices(demo_session)[0][1])
    supervisor = as_user(demo_session, "supervisor")
    dialog = DoorOutcomeDialog(supervisor, "—", lambda worker, result, needs, note: attempts.log_attempt(
        worker, ids[5], result, needs=needs, note=note, via="上门"))
    qtbot.addWidget(dialog)
    dialog.show()
    before = roll(demo_session, ids[5])
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.isVisible() and "权限" in dialog.error.text()
    assert roll(demo_session, ids[5]) == before and door_attempts(demo_session, ids[5]) == 0


def test_the_people_are_read_in_the_background_and_assigning_waits_for_them(qtbot, demo_session):
    dialog = HandlerDialog(as_user(demo_session, "staff"), "—", callers.handler_choices,
                           lambda worker, person: None)
    qtbot.addWidget(dialog)
    assert dialog.loading and not dialog.save_button.isEnabled() and dialog.person.count() == 0
    dialog.show()
    settle(qtbot, dialog)
    assert dialog.save_button.isEnabled()
    assert [dialog.person.itemText(i) for i in range(3)] == [n for n, _ in callers.handler_choices(demo_session)[:3]]
    dialog.person.setCurrentText("不在名单上的人")
    click(qtbot, dialog.save_button)
    assert dialog.error.text() == "请从列表中选择处理人。" and not dialog.busy


def wechat_audits(demo_session) -> int:
    return count(demo_session, "SELECT count(*) FROM audit_log WHERE action = '查看点名电话' "
                               "AND detail LIKE '%微信通知%'")


def test_the_wechat_texts_are_written_in_the_background_and_refused_once_the_warning_closed(
        qtbot, demo_session):
    alert_id, _ = warning(demo_session)
    window = window_as(qtbot, demo_session, "staff")
    page = window.show_page("alerts")
    settle(qtbot, page)
    page.tabs.setCurrentWidget(page.callers)
    tab = page.callers
    settle(qtbot, tab)
    click(qtbot, tab.copy_button)                    # nobody chosen: everyone's texts
    assert tab.loading and not tab.copy_button.isEnabled()
    tab.copy_texts()                                 # a second click while writing: nothing
    settle(qtbot, tab)
    assert tab.copy_button.isEnabled() and wechat_audits(demo_session) == 1
    copied = QGuiApplication.clipboard().text()
    callers_ = {c["caller_id"] for c in tab.rows if c["caller_id"] is not None}
    assert copied == tab.text.toPlainText() and copied.count("您好：请在今天18点前联系以下老人") == len(callers_)
    closing.close(as_user(demo_session, "staff"), alert_id)            # at another PC, meanwhile
    click(qtbot, tab.copy_button)
    settle(qtbot, tab)
    assert tab.message.text().endswith("已解除，不用再发点名通知。") and tab.text.toPlainText() == copied
    assert wechat_audits(demo_session) == 1
    window.close()


def test_a_name_typed_before_the_people_came_is_kept(qtbot, demo_session):
    dialog = HandlerDialog(as_user(demo_session, "staff"), "—", callers.handler_choices,
                           lambda worker, person: None)
    qtbot.addWidget(dialog)
    name = callers.handler_choices(demo_session)[2][0]
    dialog.person.setEditText(name)
    settle(qtbot, dialog)
    assert dialog.person.currentText() == name and dialog._values() == (
        callers.handler_choices(demo_session)[2][1],)


def test_of_two_people_with_one_name_the_one_picked_is_saved(qtbot, demo_session):
    dialog = HandlerDialog(as_user(demo_session, "staff"), "—", [("王芳", 11), ("李强", 12), ("王芳", 13)],
                           lambda worker, person: person)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.person.setCurrentIndex(2)                 # the second 王芳, picked from the list
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.saved == 13


def test_a_streets_texts_fill_the_box_a_slice_at_a_time_and_all_of_them(qtbot, demo_session):
    from volunteer_app.ui.pages.alert_callers import SHOWN_AT_ONCE

    window = window_as(qtbot, demo_session, "staff")
    tab = window.show_page("alerts").callers
    texts = [f"联系人{i}您好：请在今天18点前联系以下老人：\n1. 居民{i}" for i in range(SHOWN_AT_ONCE * 3 + 7)]
    tab._show(texts)
    assert tab.loading and tab.text.toPlainText() == "\n\n".join(texts[:SHOWN_AT_ONCE])
    settle(qtbot, tab)
    assert tab.text.toPlainText() == "\n\n".join(texts)
    window.close()
