"""A table model over a short list of rows that a service already computed (proposals, active
pairs, users): all rows in memory, one :class:`Field` per column, reset on every reload.

For ledgers that grow to 100,000 rows use :mod:`.paged_model`, which pages in SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from .paged_model import ROW_ID_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]


@dataclass(frozen=True)
class Field:
    title: str
    text: Callable[[Row], str]
    raw: Callable[[Row], Any] | None = None          # the SORT_ROLE value (default: the text)
    align_right: bool = False
    tooltip: bool = False                             # long text: the whole of it as a tooltip


class ListTableModel(QAbstractTableModel):
    """``rows`` shown through ``fields``; ``background``/``foreground`` colour a whole row,
    with ``foreground`` given the column too (one cell may stand out)."""

    def __init__(self, fields: Sequence[Field], parent: QObject | None = None, *,
                 background: Callable[[Row], QBrush | None] | None = None,
                 foreground: Callable[[Row, int], QBrush | None] | None = None):
        super().__init__(parent)
        self.fields = tuple(fields)
        self._rows: list[Row] = []
        self._background = background
        self._foreground = foreground

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def row(self, number: int) -> Row:
        return self._rows[number]

    def text(self, row: int, column: int) -> str:
        """The shown text of a cell (tests and copy-to-clipboard read it this way)."""
        return self.index(row, column).data() or ""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.fields)):
            return self.fields[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, field = self._rows[index.row()], self.fields[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return field.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and field.tooltip:
            return field.text(row) or None
        if role == SORT_ROLE:
            return field.raw(row) if field.raw else field.text(row)
        if role == ROW_ID_ROLE:
            return row.get("id")
        if role == Qt.ItemDataRole.TextAlignmentRole and field.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._background:
            return self._background(row)
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground:
            return self._foreground(row, index.column())
        return None
