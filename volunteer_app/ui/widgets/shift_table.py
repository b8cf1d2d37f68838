"""The week's shifts as a table (the 列表 view of 任务与排班): one row per shift, sorted in
memory (a week holds at most a few thousand shifts), fill coloured like the week view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from .week_view import CANCELLED, FILL, day_name, people, state_name

Index = QModelIndex | QPersistentModelIndex
SHIFT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ShiftColumn:
    title: str
    display: Callable[[Any], str]
    sort: Callable[[Any], Any]
    width: int


COLUMNS = (
    ShiftColumn(QT_TRANSLATE_NOOP("ShiftTable", "日期"), lambda s: f"{s.date:%m-%d}",
                lambda s: (s.date, s.start, s.id), 60),
    ShiftColumn(QT_TRANSLATE_NOOP("ShiftTable", "星期"), lambda s: day_name(s.date.weekday()),
                lambda s: (s.date.weekday(), s.start, s.id), 48),
    ShiftColumn(QT_TRANSLATE_NOOP("ShiftTable", "时间"), lambda s: f"{s.start:%H:%M}–{s.end:%H:%M}",
                lambda s: (s.start, s.end, s.date, s.id), 96),
    ShiftColumn(QT_TRANSLATE_NOOP("ShiftTable", "任务"), lambda s: s.task_title,
                lambda s: (s.task_title, s.date, s.start), 180),
    ShiftColumn(QT_TRANSLATE_NOOP("ShiftTable", "队伍"), lambda s: s.team_name,
                lambda s: (s.team_name, s.date, s.start), 190),
    ShiftColumn(QT_TRANSLATE_NOOP("ShiftTable", "地点"), lambda s: s.place or "",
                lambda s: (s.place or "", s.date, s.start), 120),
    ShiftColumn(QT_TRANSLATE_NOOP("ShiftTable", "轮值"), lambda s: s.rota_group or "",
                lambda s: (s.rota_group or "", s.date, s.start), 40),
    ShiftColumn(QT_TRANSLATE_NOOP("ShiftTable", "人数"), people,
                lambda s: (s.filled - s.min_people, s.date, s.start), 56),
    ShiftColumn(QT_TRANSLATE_NOOP("ShiftTable", "状态"), state_name,
                lambda s: (state_name(s), s.date, s.start), 56),
    ShiftColumn(QT_TRANSLATE_NOOP("ShiftTable", "人员"), lambda s: "、".join(s.assignees),
                lambda s: ("、".join(s.assignees), s.date, s.start), 240),
)


class ShiftTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._sort = (0, Qt.SortOrder.AscendingOrder)

    # -- data ---------------------------------------------------------------------------------
    def set_shifts(self, shifts: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(shifts)
        self._apply_sort()
        self.endResetModel()

    def shift_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, shift_id: int) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == shift_id), -1)

    # -- Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("ShiftTable", COLUMNS[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        shift, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(shift)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(COLUMNS) - 1:
            return column.display(shift) or None
        if role == SHIFT_ID_ROLE:
            return shift.id
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) \
                and column.display is state_name:
            colours = CANCELLED if shift.cancelled else FILL.get(shift.fill, FILL["已够"])
            return QBrush(colours.background if role == Qt.ItemDataRole.BackgroundRole else colours.text)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.display is people:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in before]
        self._sort = (column, order)
        self._apply_sort()
        rows = {s.id: r for r, s in enumerate(self._rows)}
        self.changePersistentIndexList(before, [self.index(rows[shift_id], i.column())
                                                for shift_id, i in zip(ids, before, strict=True)])
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        self._rows.sort(key=COLUMNS[column].sort, reverse=order == Qt.SortOrder.DescendingOrder)
