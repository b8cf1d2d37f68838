"""Landlines in the ledgers' tables: an elderly resident with only a landline shows its area
code and last four digits (010-****0628), not a row of stars that looks broken; one stored
without an area code (an older ledger's) shows ****0628. The 志愿者 table shows the
service's mask as it came, not a second masking of it."""

from __future__ import annotations

import pytest
from gui_helpers import settle, window_as

pytestmark = pytest.mark.gui


def _phone_cells(qtbot, page, typed: str) -> dict[int, str]:
    """The phone cell of each row the filter ``typed`` shows, by the row's id."""
    qtbot.keyClicks(page.filter, typed)
    qtbot.waitUntil(lambda: page.model.query.text == typed and not page.model.loading)
    column = [c.key for c in page.model.columns].index("phone")
    return {page.model.row_data(r)["id"]: page.model.index(r, column).data()
            for r in range(page.model.rowCount())}


def test_residents_table_shows_a_landline_with_its_area_code(qtbot, demo_session):
    db = demo_session.db
    with_area, without_area, mobile = [row[0] for row in db.execute(
        "SELECT id FROM residents WHERE archived_at IS NULL ORDER BY id LIMIT 3")]
    for row_id, phone in ((with_area, "010-62340628"), (without_area, "62350628"),
                          (mobile, "13962360628")):
        db.execute("UPDATE residents SET phone = ?, phone_tail = '0628' WHERE id = ?", [phone, row_id])
    db.commit()
    window = window_as(qtbot, demo_session, "staff")      # lists mask phones for every role
    page = window.show_page("residents")
    settle(qtbot, page.model)
    cells = _phone_cells(qtbot, page, "0628")
    assert cells[with_area] == "010-****0628"
    assert cells[without_area] == "****0628"
    assert cells[mobile] == "139****0628"


def test_volunteers_table_shows_a_landline_masked_once(qtbot, demo_session):
    db = demo_session.db
    volunteer_id = db.execute("SELECT id FROM volunteers WHERE archived_at IS NULL ORDER BY id").fetchone()[0]
    db.execute("UPDATE volunteers SET phone = '010-62370628' WHERE id = ?", [volunteer_id])
    db.commit()
    window = window_as(qtbot, demo_session, "staff")
    page = window.show_page("volunteers")
    settle(qtbot, page)
    assert _phone_cells(qtbot, page, "62370628")[volunteer_id] == "010-****0628"
