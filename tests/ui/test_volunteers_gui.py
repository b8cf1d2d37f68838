"""志愿者与队伍 driven as a person would: teams, captains, the volunteer dialog, the grid."""

from __future__ import annotations

import pytest

from volunteer_app.domain.availability import Availability
from volunteer_app.services.people import teams
from volunteer_app.ui.main_window import MainWindow
from volunteer_app.ui.pages.volunteers import TeamsModel, VolunteersModel
from volunteer_app.ui.widgets.availability_grid import AvailabilityGrid

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    page = window.show_page("volunteers")
    qtbot.waitUntil(lambda: not page.loading)       # teams and volunteers come from workers
    yield page
    window.close()


def _choose(qtbot, page, team_id, volunteer_id) -> None:
    """Choose a team (None: 全部志愿者) and select a volunteer in it, once the rows are in."""
    page.select_team(team_id)
    page.select_volunteer(volunteer_id)
    qtbot.waitUntil(lambda: (page.current_volunteer() or {}).get("id") == volunteer_id
                    and not page.loading)


def test_models_pass_modeltester(qtbot, qtmodeltester, demo_session):
    model = VolunteersModel(demo_session)
    model.reload()
    qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.close()               # its worker thread, now, not whenever the collector gets to it
    teams_model = TeamsModel(demo_session)
    teams_model.reload()
    qtbot.waitUntil(lambda: not teams_model.loading)
    assert teams_model.rowCount() > 1
    qtmodeltester.check(teams_model)


def test_volunteers_open_in_register_order(qtbot, page):
    qtbot.waitUntil(lambda: not page.model.loading)
    ids = [page.model.row_data(r)["id"] for r in range(page.model.rowCount())]
    assert len(ids) > 1 and ids == sorted(ids)
    assert page.table.horizontalHeader().sortIndicatorSection() == -1


def test_create_team_add_members_make_captain(qtbot, page, demo_session):
    page.add_team.click()
    page.dialog.name.setText("郭公庄北街助老队")
    page.dialog.save_button.click()
    team_id = page.dialog.saved_id
    qtbot.waitUntil(lambda: not page.loading)
    assert page.current_team()["id"] == team_id
    first, second = [r["id"] for r in demo_session.db.query("SELECT id FROM volunteers LIMIT 2")]
    for volunteer_id in (first, second):
        _choose(qtbot, page, None, volunteer_id)
        page.add_member.click()
        page.dialog.team.setCurrentIndex(page.dialog.team.findData(team_id))
        page.dialog.save_button.click()
    page.select_team(team_id)
    qtbot.waitUntil(lambda: not page.loading and page.model.query.team_id == team_id)
    assert page.model.total == 2
    for volunteer_id in (first, second):
        _choose(qtbot, page, team_id, volunteer_id)
        page.make_captain.click()
        roles = {m["id"]: m["role"] for m in teams.members(demo_session, team_id)}
        assert roles[volunteer_id] == "队长"
        assert list(roles.values()).count("队长") == 1
    qtbot.waitUntil(lambda: not page.loading)
    assert page.teams_model.team(page.teams_model.row_of(team_id))["members"] == 2


def test_volunteer_dialog_shows_errors_and_saves_nothing(qtbot, page, demo_session):
    before = demo_session.db.table("volunteers").count
    page.add_volunteer.click()
    dialog = page.dialog
    qtbot.keyClicks(dialog.name, "Wang")  # QTest types Latin-1 only
    qtbot.keyClicks(dialog.id_number, "110105194912310021")
    assert "校验位" in dialog._error_labels["id_number"].text()
    assert not dialog.save_button.isEnabled()
    dialog.accept()
    assert demo_session.db.table("volunteers").count == before


def test_availability_grid_round_trips_text(qtbot):
    grid = AvailabilityGrid()
    qtbot.addWidget(grid)
    grid.set_text("1am,3ev,6pm")
    assert grid.text() == "1am,3ev,6pm"
    grid.box(7, "am").setChecked(True)
    assert Availability.parse(grid.text()).slots == {(1, "am"), (3, "ev"), (6, "pm"), (7, "am")}


def test_every_skill_box_shows_without_scrolling_sideways(qtbot, qapp, page):
    # With the app's CJK font the dialog is narrower than the list's first layout on a
    # 1366×768 screen: the skills must wrap to the width they get, not hide 文艺 behind a
    # horizontal scroll bar.
    from volunteer_app import paths
    from volunteer_app.reports.fonts import cjk_font

    before = qapp.font(), qapp.styleSheet()
    qapp.setFont(cjk_font(10.5))
    qapp.setStyleSheet(paths.resource("style.qss").read_text(encoding="utf-8"))
    try:
        page.add_volunteer.click()
        dialog = page.dialog
        qtbot.waitExposed(dialog)
        skills = dialog.skills
        qtbot.wait(300)                      # the list lays its items out on a timer
        assert not skills.horizontalScrollBar().isVisible()
        viewport = skills.viewport().rect()
        for i in range(skills.count()):
            assert viewport.contains(skills.visualItemRect(skills.item(i))), skills.item(i).text()
        dialog.reject()
    finally:
        qapp.setFont(before[0])
        qapp.setStyleSheet(before[1])
