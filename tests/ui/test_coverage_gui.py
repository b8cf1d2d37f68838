"""Coverage as a person meets it on the demo community: the 工作台 shows 未覆盖 N, a click
opens those residents; a 包户人 chosen in the resident dialog takes one off the list; a staff
member logs a visit of a late 包户 resident, which a captain cannot."""

from __future__ import annotations

import pytest
from conftest import TODAY
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from volunteer_app.domain.risk import resident_risk
from volunteer_app.services.admin import settings
from volunteer_app.services.permissions import Role
from volunteer_app.services.session import Actor, Session
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def uncovered_here(session) -> dict[int, str]:
    """The uncovered residents, found here in plain Python over the rows."""
    rule = settings.housing_rule(session)
    paired = {r[0] for r in session.db.execute("SELECT resident_id FROM pairings WHERE state = '结对中'")}
    return {row["id"]: row["name"] for row in session.db.query(
        "SELECT * FROM residents WHERE archived_at IS NULL AND responsible_volunteer_id IS NULL")
        if row["id"] not in paired and resident_risk(row, rule, TODAY) in ("高", "重点")}


def _window(qtbot, session) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _select(table, row: int) -> None:
    index = table.model().index(row, 0)
    table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)


def _shown_names(page) -> set[str]:
    return {page.model.row_data(r)["name"] for r in range(page.model.rowCount())}


def test_the_uncovered_figure_opens_the_list_and_a_responsible_worker_takes_one_off(qtbot, demo_session):
    window = _window(qtbot, demo_session)
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(lambda: not dashboard.loading)   # the figures come from the background runner
    expected = uncovered_here(demo_session)
    assert 0 < len(expected) < 20                    # the demo leaves a few uncovered
    figure = window.findChild(QLabel, "dashboard.uncovered.value")
    assert figure.text() == str(len(expected))

    qtbot.mouseClick(dashboard.cards["uncovered"], Qt.MouseButton.LeftButton)
    page = window.page("residents")
    assert page is not None and page.isVisible() and page.only_uncovered.isChecked()
    qtbot.waitUntil(lambda: not page.model.loading and page.model.query.only_uncovered)
    assert _shown_names(page) == set(expected.values())
    assert page.findChild(QLabel, "residents.count").text() == f"共 {len(expected)} 人"

    page.table.selectRow(0)
    chosen = page.current_resident()
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert "风险等级：" in dialog.findChild(QLabel, "resident_dialog.tier").text()
    combo = dialog.findChild(QComboBox, "resident_dialog.responsible")
    worker = combo.itemText(1)
    combo.setCurrentIndex(1)
    qtbot.mouseClick(dialog.findChild(QPushButton, "resident_dialog.save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: not page.model.loading and page.model.total == len(expected) - 1)
    assert chosen["name"] not in _shown_names(page)
    staff_id = demo_session.row("residents", chosen["id"])["responsible_volunteer_id"]
    assert demo_session.row("volunteers", staff_id)["name"] == worker
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: not dashboard.loading)
    assert figure.text() == str(len(expected) - 1)


def _settled(qtbot, tab) -> None:
    """The tab asks the background runner for its list: wait for the answer."""
    qtbot.waitUntil(lambda: not tab.loading)


def _late_staff_row(tab) -> int:
    return next(i for i, r in enumerate(tab.rows) if r["coverage"] == "包户" and r["days_late"] > 0)


def test_staff_log_a_visit_of_a_late_staff_covered_resident(qtbot, demo_session):
    window = _window(qtbot, demo_session)
    page = window.show_page("pairing")
    page.tabs.setCurrentWidget(page.coverage)          # the 逾期与未覆盖 tab
    tab = page.coverage
    assert tab.isVisible()
    _settled(qtbot, tab)
    kinds = {r["coverage"] for r in tab.rows}
    assert kinds == {"结对", "包户", "未覆盖"}          # late pairs, late 包户, uncovered
    row = _late_staff_row(tab)
    resident = tab.rows[row]
    _select(tab.table, row)
    assert tab.log_button.isEnabled()
    qtbot.mouseClick(tab.log_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog        # closes and deletes itself once saved (the page owns it)
    assert f"包户人：{resident['visitor']}" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    dialog.findChild(QLineEdit, "visit_dialog.done").setText("上门查看暖气和燃气")
    qtbot.mouseClick(dialog.findChild(QPushButton, "visit_dialog.save"), Qt.MouseButton.LeftButton)
    assert dialog.saved is not None, dialog.error.text()
    visit_id, record_id = dialog.saved
    assert demo_session.row("visits", visit_id)["resident_id"] == resident["id"]
    assert demo_session.row("service_records", record_id)["activity"] == "包户探访"
    _settled(qtbot, tab)
    assert resident["id"] not in {r["id"] for r in tab.rows}   # no longer late
    tab.only_late.setChecked(False)
    assert tab.loading          # asked of the background runner: the window is not held up
    _settled(qtbot, tab)
    [now] = [r for r in tab.rows if r["id"] == resident["id"]]
    assert (now["last_visit"], now["days_late"]) == (TODAY.isoformat(), 0)


def test_a_captain_cannot_log_a_staff_covered_visit(qtbot, demo_session):
    team = demo_session.db.execute("SELECT id FROM teams WHERE name = '高立庄夕阳红志愿服务队'").fetchone()[0]
    captain = Session(demo_session.db, Actor(5, "队长", Role.CAPTAIN, frozenset({team})),
                      today=lambda: TODAY)
    window = _window(qtbot, captain)
    page = window.show_page("pairing")
    assert page.coverage.rows == []                   # built when first shown
    page.tabs.setCurrentWidget(page.coverage)
    tab = page.coverage
    _settled(qtbot, tab)
    _select(tab.table, _late_staff_row(tab))
    assert not tab.log_button.isEnabled()
    assert "社区工作者" in tab.log_button.toolTip()
    uncovered = next(i for i, r in enumerate(tab.rows) if r["coverage"] == "未覆盖")
    _select(tab.table, uncovered)
    assert not tab.log_button.isEnabled() and "包户人" in tab.log_button.toolTip()
    assert not tab.assign_button.isEnabled()          # giving a 包户人 is the staff's


def test_the_settings_page_shows_the_cadences_and_refuses_a_bad_one_saving_nothing(qtbot, session):
    window = _window(qtbot, session)
    page = window.show_page("settings")
    qtbot.waitUntil(lambda: not page.loading)      # the form's rows are built a slice at a time
    high, priority = (page.findChild(QLineEdit, f"settings.visits.days_{k}") for k in ("high", "priority"))
    assert (high.text(), priority.text()) == ("7", "30")
    assert page.findChild(QLineEdit, "settings.visits.days_general").text() == "90"
    high.setText("10")
    priority.setText("45")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert settings.visit_cadence(session).days("高") == 10

    high.setText("12")          # good, and before the bad one in the form
    priority.setText("0")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    error = page.findChild(QLabel, "settings.error")
    assert error.isVisibleTo(page)
    assert error.text() == "“重点居民探访间隔（天）”应为正整数（天数，至少1天），现在是“0”。"
    cadence = settings.visit_cadence(session)
    assert (cadence.high, cadence.priority) == (10, 45)         # neither value was saved


def test_several_uncovered_residents_get_one_responsible_worker_at_once(qtbot, demo_session):
    window = _window(qtbot, demo_session)
    page = window.show_page("pairing")
    page.tabs.setCurrentWidget(page.coverage)
    tab = page.coverage
    _settled(qtbot, tab)
    uncovered = [i for i, r in enumerate(tab.rows) if r["coverage"] == "未覆盖"]
    chosen = {tab.rows[i]["id"] for i in uncovered[:2]}
    selection = tab.table.selectionModel()
    for i in uncovered[:2]:
        selection.select(tab.table.model().index(i, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    tab.staff.setCurrentIndex(2)
    worker = tab.staff.currentText()
    qtbot.mouseClick(tab.assign_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == f"已为 2 位居民指定包户人{worker}。"
    _settled(qtbot, tab)
    assert not chosen & {r["id"] for r in tab.rows}           # off the list: taken on today
    tab.only_late.setChecked(False)
    _settled(qtbot, tab)
    rows = {r["id"]: r for r in tab.rows}
    assert all(rows[i]["coverage"] == "包户" and rows[i]["visitor"] == worker for i in chosen)
    assert len(uncovered_here(demo_session)) == len(uncovered) - 2
    qtbot.waitUntil(lambda: not window.page("dashboard").loading)
    assert window.findChild(QLabel, "dashboard.uncovered.value").text() == str(len(uncovered) - 2)
