"""录入点名表结果: the printed call sheet typed back in, a line at a time, as fast as a
spreadsheet: the sheet's line number, the result (1 平安, 2 需要帮助, 3 未接通, 4 已上门, or the
word) and a note; Enter goes on to the next cell and the resident's name shows beside the line
number, so a wrong number is seen at once. 保存 logs every line in one transaction on the
background runner; a bad line is named with the reason and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain.weather import Result
from ...services.session import Session
from ..screen_fit import fit_to_screen
from .alert_dialogs import _AlertDialog

LINE, RESULT, NOTE, NAME = range(4)
SHORTHAND = {str(i + 1): result.value for i, result in enumerate(
    (Result.SAFE, Result.NEEDS_HELP, Result.NO_ANSWER, Result.DOOR))}
START_LINES = 15
WRONG = QColor("#b3261e")


class SheetGrid(QTableWidget):
    """Enter moves on like a spreadsheet: line number → result → note → the next line."""

    def __init__(self, lines: int, parent: QWidget | None = None):
        super().__init__(lines, 4, parent)
        self.setObjectName("alert_sheet.grid")
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:      # Enter
            hint = QAbstractItemDelegate.EndEditHint.EditNextItem
        super().closeEditor(editor, hint)

    def moveCursor(self, action: QAbstractItemView.CursorAction,  # noqa: N802 (Qt name)
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """The next cell to type in (Enter and Tab): the result after the line number, the note
        after the result, then the next line's number (a new line at the end)."""
        if action != QAbstractItemView.CursorAction.MoveNext:
            return super().moveCursor(action, modifiers)
        row, column = self.currentRow(), self.currentColumn()
        row, column = (row + 1, LINE) if column >= NOTE else (row, column + 1)
        if row >= self.rowCount():
            self.insertRow(row)
        return self.model().index(row, column)


class LogSheetDialog(_AlertDialog):
    """``lines``: the sheet's line number → the roll row it stands for."""

    NAME = "alert_sheet"
    STRETCH = False         # the grid takes the room

    def __init__(self, session: Session, alert_id: int, lines: dict[int, dict[str, Any]],
                 parent: QWidget | None = None):
        super().__init__(session, self.tr("录入点名表结果"), self.tr("全部保存"), parent)
        self.alert_id = alert_id
        self.lines = lines
        self.action = _log_sheet
        hint = QLabel(self.tr("按点名表上的行号逐行录入。结果可以只打数字：1 平安，2 需要帮助，"
                              "3 未接通，4 已上门；需要帮助的，在备注里写需要什么（送餐、送药、取暖、就医、"
                              "转移、其他）。按回车进入下一格。"), wordWrap=True)
        hint.setProperty("role", "hint")
        self.grid = SheetGrid(START_LINES, self)
        self.grid.setHorizontalHeaderLabels([self.tr("行号"), self.tr("结果"), self.tr("备注"),
                                             self.tr("居民")])
        for column, width in ((LINE, 64), (RESULT, 90), (NOTE, 220)):
            self.grid.setColumnWidth(column, width)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.verticalHeader().setDefaultSectionSize(26)
        self.form.addRow(hint)
        self.layout().insertWidget(1, self.grid, 1)
        self.grid.itemChanged.connect(self._on_changed)
        self.grid.setCurrentCell(0, LINE)
        fit_to_screen(self, 640, 600)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.grid.setFocus()            # typing starts in the first line number at once
        self.grid.edit(self.grid.model().index(self.grid.currentRow(), self.grid.currentColumn()))

    def type_line(self, row: int, line: int | str, result: str, note: str = "") -> None:
        """Fill one line of the grid (as typing it would)."""
        while row >= self.grid.rowCount():
            self.grid.insertRow(self.grid.rowCount())
        for column, text in ((LINE, str(line)), (RESULT, result), (NOTE, note)):
            self.grid.setItem(row, column, QTableWidgetItem(text))

    def _on_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != LINE:
            return
        found = self._roll_of(item.text())
        name = found["resident_name"] if found else (self.tr("无此行号") if item.text().strip() else "")
        shown = QTableWidgetItem(name)
        shown.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if found is None:
            shown.setForeground(QBrush(WRONG))
        self.grid.blockSignals(True)
        self.grid.setItem(item.row(), NAME, shown)
        self.grid.blockSignals(False)

    def _roll_of(self, text: str) -> dict[str, Any] | None:
        text = text.strip()
        return self.lines.get(int(text)) if text.isdigit() else None

    def _text(self, row: int, column: int) -> str:
        item = self.grid.item(row, column)
        return item.text().strip() if item else ""

    def entries(self) -> list[tuple[int, str, str]]:
        """The filled lines as (roll id, result, note); a wrong line number is refused here,
        naming the grid's line (the service checks the results)."""
        out = []
        for row in range(self.grid.rowCount()):
            line, result, note = (self._text(row, c) for c in (LINE, RESULT, NOTE))
            if not (line or result or note):
                continue
            found = self._roll_of(line)
            if found is None:
                raise ValueError(self.tr("行号“%2”不在这份点名表上（录入表第%1行），请核对。")
                                 .replace("%1", str(row + 1)).replace("%2", line))
            out.append((found["id"], SHORTHAND.get(result, result), note))
        if not out:
            raise ValueError(self.tr("还没有录入任何一行。"))
        return out

    def _values(self) -> tuple[Any, ...]:
        return self.alert_id, self.entries()


def _log_sheet(worker: Session, alert_id: int, entries: list[tuple[int, str, str]]) -> int:
    """On the runner: every line in one transaction (a full sheet is dozens of attempts)."""
    from ...services.alerts import paper
    return paper.log_sheet(worker, alert_id, entries)
