"""A table model over an SQL query that filters, sorts and pages in SQLite.

Nothing loads every row: the model asks the service for the row count and then fetches
pages of :data:`PAGE_SIZE` rows as the view scrolls (``canFetchMore``/``fetchMore``).
Sorting and filtering change the query and reset the model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

PAGE_SIZE = 200
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str                                   # the sort key the service understands
    title: str
    display: Callable[[dict[str, Any]], str] | None = None
    align_right: bool = False
    width: int = 90


class PagedTableModel(QAbstractTableModel):
    """Subclasses give ``columns`` and implement ``_count`` and ``_page`` with the current query."""

    columns: Sequence[Column] = ()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._total = 0
        self.sort_key = "id"
        self.descending = False

    # -- to implement -------------------------------------------------------------------
    def _count(self) -> int:
        raise NotImplementedError

    def _page(self, offset: int, limit: int) -> list[dict[str, Any]]:
        raise NotImplementedError

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Run the query again from the first page (after a filter, sort or data change)."""
        self.beginResetModel()
        self._total = self._count()
        self._rows = self._page(0, PAGE_SIZE) if self._total else []
        self.endResetModel()

    @property
    def total(self) -> int:
        """Rows matching the query, fetched or not."""
        return self._total

    def row_data(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._page(len(self._rows), PAGE_SIZE)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.display:
                return column.display(row)
            value = row.get(column.key)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            return row.get(column.key)
        if role == ROW_ID_ROLE:
            return row.get("id")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


def yes_no(key: str) -> Callable[[dict[str, Any]], str]:
    return lambda row: "是" if row.get(key) else ""
