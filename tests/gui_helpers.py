"""Small helpers shared by the GUI tests of the 服务记录 page."""

from __future__ import annotations

from volunteer_app.ui.pages.records import RecordsPage
from volunteer_app.ui.signals import DataSignals


def records_page(qtbot, session) -> tuple[RecordsPage, DataSignals]:
    """The 服务记录 page on its own, shown at a laptop's size, with its change signals."""
    signals = DataSignals(session)
    page = RecordsPage(session, signals)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    settle(qtbot, page)
    return page, signals


def settle(qtbot, *widgets) -> None:
    """Wait until the rows and totals the widgets asked for off the GUI thread are in."""
    qtbot.waitUntil(lambda: not any(widget.loading for widget in widgets))


def choose_data(combo, value) -> None:
    """Pick the entry of ``combo`` whose data is ``value``, as a click in its list would."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)
