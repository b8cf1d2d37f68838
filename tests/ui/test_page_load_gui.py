"""Pages fill from the background (issue 16): each opens at once, still loading and usable, and
once ``loading`` clears it shows exactly what the services answer when asked directly."""

from __future__ import annotations

import pytest
from gui_helpers import shown_window
from PySide6.QtWidgets import QLabel

from volunteer_app.services.admin import audit_log, dashboard
from volunteer_app.services.care import pairing
from volunteer_app.services.hours import record_queries
from volunteer_app.services.hours.certificates import format_hours
from volunteer_app.services.people import teams, volunteers
from volunteer_app.ui.main_window import MainWindow
from volunteer_app.ui.paged_model import PAGE_SIZE

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, demo_session):
    window = shown_window(qtbot, demo_session)
    yield window
    window.close()


def _opened(qtbot, window, key):
    """The page just opened: still filling (nothing was asked on the GUI thread), then filled."""
    page = window.show_page(key)
    assert page.loading and page.isEnabled()
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)
    return page


def _rows(model) -> list[dict]:
    return [model.row_data(r) for r in range(model.rowCount())]


def test_dashboard_shows_the_services_figures(qtbot, demo_session):
    window = MainWindow(demo_session)            # the page it opens on: filling already
    qtbot.addWidget(window)
    page = window.page("dashboard")
    assert page.loading and window.findChild(QLabel, "dashboard.residents.value").text() == "—"
    qtbot.waitUntil(lambda: not page.loading)
    numbers = dashboard.load(demo_session)
    shown = {key: window.findChild(QLabel, f"dashboard.{key}.value").text()
             for key in ("residents", "seniors", "stranded", "alone", "volunteers", "helpers", "uncovered")}
    assert shown == {"residents": str(numbers.residents), "seniors": str(numbers.seniors),
                     "stranded": str(numbers.stranded), "alone": str(numbers.living_alone),
                     "volunteers": str(numbers.volunteers), "helpers": str(numbers.helpers_available),
                     "uncovered": str(numbers.uncovered)}
    window.close()


def test_pairing_shows_the_active_pairs(qtbot, window, demo_session):
    page = _opened(qtbot, window, "pairing")
    expected = pairing.active_pairs(demo_session)
    assert expected and page.active_model.rows == expected
    assert page.tabs.currentIndex() == 1                 # opened on them once they were in


def test_records_show_the_first_page_and_the_totals(qtbot, window, demo_session):
    page = _opened(qtbot, window, "records")
    query = page.model._sorted()
    assert _rows(page.model) == record_queries.page(demo_session, query, 0, PAGE_SIZE)
    assert page.model.total == record_queries.count(demo_session, page.model.query)
    totals = record_queries.totals(demo_session, page.model.query)
    assert f"共 {totals.records} 条记录，合计 {format_hours(totals.hours)} 小时" in page.totals.text()
    standings = page.standings.model
    qtbot.waitUntil(lambda: not standings.loading)
    assert _rows(standings) == record_queries.standings_page(demo_session, standings._sorted(), 0, PAGE_SIZE)


def test_volunteers_and_teams_as_the_services_list_them(qtbot, window, demo_session):
    page = _opened(qtbot, window, "volunteers")
    query = volunteers.VolunteerQuery()
    assert _rows(page.model) == volunteers.page(demo_session, query, 0, PAGE_SIZE)
    shown_teams = [page.teams_model.team(r) for r in range(1, page.teams_model.rowCount())]
    assert shown_teams == teams.list_teams(demo_session)
    assert page.teams_model.team(0)["members"] == volunteers.count(demo_session, query)
    assert page.current_team() is None and page.teams_view.currentIndex().row() == 0


def test_audit_log_lists_the_entries_and_choices(qtbot, window, demo_session):
    page = _opened(qtbot, window, "audit")
    assert _rows(page.model) == audit_log.page(demo_session, page.current_query(), 0, PAGE_SIZE)
    assert page.count_label.text() == f"共 {audit_log.count(demo_session, page.current_query())} 条"
    actions = [page.action.itemData(i) for i in range(1, page.action.count())]
    assert actions == audit_log.choices(demo_session)["action"]
