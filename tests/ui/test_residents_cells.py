"""The 居民 table's cell texts, which the query worker formats once per row (not at each
paint): every cell shows its row as the service shaped it, phones masked, through fetched
pages and sorting, and typing a filter leaves the search row where it was."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from volunteer_app.services import privacy
from volunteer_app.services.people import residents
from volunteer_app.ui.main_window import MainWindow
from volunteer_app.ui.paged_model import SORT_ROLE
from volunteer_app.ui.pages.residents import ResidentsModel, ResidentsPage

COLUMNS = ("name", "gender", "age", "phone", "place", "community", "building", "unit", "room",
           "floor", "has_lift", "stranded", "lives_alone", "risk_level")


def _expected(row: dict) -> list[str]:
    """The row's cells as the page is meant to show them, written out independently."""
    flags = {"has_lift": "有" if row["has_lift"] else "无",
             "stranded": "是" if row["stranded"] else "",
             "lives_alone": "是" if row["lives_alone"] else ""}
    return [flags[key] if key in flags else ("" if row[key] is None else str(row[key]))
            for key in COLUMNS]


def _shown(model: ResidentsModel) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _fetch_all(qtbot, model: ResidentsModel, pages: int) -> None:
    for _ in range(pages):
        if not model.canFetchMore():
            return
        before = model.rowCount()
        model.fetchMore()
        qtbot.waitUntil(lambda before=before: model.rowCount() > before)


def test_every_cell_shows_its_row_through_pages_and_sorting(qtbot, demo_session):
    model = ResidentsModel(demo_session)
    model.reload()
    qtbot.waitUntil(lambda: not model.loading)
    _fetch_all(qtbot, model, 2)
    assert model.rowCount() > 200        # more than the first page: appended cells line up too
    rows = [model.row_data(r) for r in range(model.rowCount())]
    assert _shown(model) == [_expected(row) for row in rows]
    stored = dict(demo_session.db.execute("SELECT id, phone FROM residents").fetchall())
    phones = [model.index(r, COLUMNS.index("phone")).data() for r in range(model.rowCount())]
    assert phones == [privacy.masked("phone", stored[row["id"]]) for row in rows]
    # a mobile keeps its first three and last four digits, a landline its area code and last four
    assert all(re.fullmatch(r"(1\d{2}\*{4}\d{4}|(0\d{2,3}-)?\*+\d{4})?", phone) for phone in phones)
    assert any(phone for phone in phones)

    model.sort(COLUMNS.index("age"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not model.loading)
    _fetch_all(qtbot, model, 1)
    rows = [model.row_data(r) for r in range(model.rowCount())]
    assert _shown(model) == [_expected(row) for row in rows]
    ages = [model.index(r, COLUMNS.index("age")).data(SORT_ROLE) for r in range(model.rowCount())]
    assert ages == sorted(ages, reverse=True)
    model.close()


def test_filtered_cells_match_the_service(qtbot, demo_session):
    model = ResidentsModel(demo_session)
    model.set_query(text="z")
    qtbot.waitUntil(lambda: not model.loading)
    expected = residents.page(demo_session, residents.ResidentQuery(text="z"), 0, 200)
    assert model.rowCount() == len(expected) > 0
    assert _shown(model) == [_expected(row) for row in expected]
    model.close()


def test_typing_keeps_the_search_row_in_place(qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("residents")
    assert isinstance(page, ResidentsPage)
    qtbot.waitUntil(lambda: not page.model.loading)
    box = page.filter.geometry()
    qtbot.keyClicks(page.filter, "zjg")
    qtbot.waitUntil(lambda: page.model.query.text == "zjg" and not page.model.loading)
    assert page.count_label.text() == f"共 {page.model.total} 人"
    assert page.model.total < 100
    assert page.filter.geometry() == box     # a shorter count does not re-lay the row
