"""The floor of one filter keystroke (bench/residents_filter.py): the filter's own SQL on a plain
sqlite3 connection, plus a plain ``QAbstractTableModel`` that holds nothing but the cells the
居民 table showed for it, reset with them and painted in a view of the same size.

Both are timed in the typing process, right after the window's own keystroke, so the
window and its floor share the machine's load of that moment.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
Statements = list[tuple[str, tuple[Any, ...]]]


class _RecordingConnection(sqlite3.Connection):
    """Keeps every statement and its parameters, to replay the filter's SQL on its own."""

    statements: Statements

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:  # type: ignore[override]
        self.statements.append((sql, tuple(parameters)))
        return super().execute(sql, parameters)


def filter_statements(path: Path, text: str, page_size: int) -> Statements:
    """The residents statements the 居民 table's query runs for ``text``: its first page, and
    the count only when that page is full (a short page is the whole answer)."""
    import sqlite_utils

    from volunteer_app.services.people import residents
    from volunteer_app.services.session import Session

    conn = sqlite3.connect(path, factory=_RecordingConnection, isolation_level=None)
    conn.statements = []
    try:
        session = Session(sqlite_utils.Database(conn))
        query = residents.ResidentQuery(text=text)
        if len(residents.page(session, query, 0, page_size)) == page_size:
            residents.count(session, query)
        return [(sql, ps) for sql, ps in conn.statements if "residents" in sql]
    finally:
        conn.close()


def bare_sql_ms(conn: sqlite3.Connection, statements: Statements) -> float:
    started = time.perf_counter()
    for sql, params in statements:
        conn.execute(sql, params).fetchall()
    return (time.perf_counter() - started) * 1000


class PlainModel(QAbstractTableModel):
    """A table model at its plainest: the cells as given, right-aligned where the table's are."""

    def __init__(self, titles: list[str], aligned: list[Any]):
        super().__init__()
        self._titles, self._aligned = titles, aligned
        self._cells: list[list[str]] = []

    def set_cells(self, cells: list[list[str]]) -> None:
        self.beginResetModel()
        self._cells = cells
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY:
            return self._cells[index.row()][index.column()]
        if role == _ALIGNMENT:
            return self._aligned[index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None


def shown_cells(view: QTableView) -> list[list[str]]:
    """What a table's model shows: each fetched row's display text, column by column."""
    model = view.model()
    return [[model.index(row, column).data() or "" for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def plain_view_like(table: QTableView) -> tuple[QTableView, PlainModel]:
    """A view of the same size, row height, column widths, scroll bars and look as ``table``,
    on a plain model."""
    source = table.model()
    columns = range(source.columnCount())
    model = PlainModel([source.headerData(c, Qt.Orientation.Horizontal) for c in columns],
                       [source.index(0, c).data(_ALIGNMENT) for c in columns])
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
    for column in columns:
        view.horizontalHeader().resizeSection(column, table.horizontalHeader().sectionSize(column))
    view.horizontalHeader().setStretchLastSection(True)
    view.setVerticalScrollBarPolicy(table.verticalScrollBarPolicy())
    view.resize(table.size())
    view.show()
    return view, model


def plain_paint_ms(view: QTableView, model: PlainModel, cells: list[list[str]]) -> float:
    """Reset the plain model with ``cells``, lay out and paint its view (header and rows) at
    once. Laying out here, not on the view's timer, leaves no repaint of this view pending
    to run inside the window's next keystroke."""
    started = time.perf_counter()
    model.set_cells(cells)
    view.doItemsLayout()
    view.repaint()
    return (time.perf_counter() - started) * 1000
