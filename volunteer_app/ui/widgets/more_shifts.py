"""The list behind a week view's "另有N个" chip: the shifts of one time slot that did not fit
side by side, each a row the captain can read whole.

A popup (like a combo box's list, gone on Esc or a click elsewhere) rather than switching to
the 列表 view: the captain stays on the week, and a row answers the mouse and keys as a block
does: a click or an arrow key selects the shift, a double click or Enter opens it.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QHideEvent
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

SHIFT_ID_ROLE = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 8            # more scroll: the popup stays small on a 1366×768 screen
WIDEST = 600


class Row(NamedTuple):
    """One hidden shift as the popup shows it (the week view words it)."""

    shift_id: int
    text: str
    tooltip: str
    background: QColor
    foreground: QColor


class MoreShiftsPopup(QFrame):
    """``picked(shift_id)`` when a row is selected, ``opened(shift_id)`` when one is opened
    (the popup then closes), ``closed`` when it goes, however it goes."""

    picked = Signal(int)
    opened = Signal(int)
    closed = Signal()

    def __init__(self, title: str, rows: list[Row], current: int, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("week_view.more")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # a click outside only closes the popup, as a combo box's list does: replayed on the
        # chip it came from, it would open the popup again
        self.setAttribute(Qt.WidgetAttribute.WA_NoMouseReplay)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        heading = QLabel(title, objectName="week_view.more.title")
        heading.setStyleSheet("font-weight:bold; color:#24364f;")
        self.list = QListWidget(objectName="week_view.more.list")
        self.list.setAccessibleName(title)
        # one row a shift, its two lines as written: a long one is cut short with "…" (its
        # tooltip says it whole), so the rows' heights are known before the popup is shown
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row in rows:
            item = QListWidgetItem(row.text)
            item.setData(SHIFT_ID_ROLE, row.shift_id)
            item.setToolTip(row.tooltip)
            item.setBackground(QBrush(row.background))
            item.setForeground(QBrush(row.foreground))
            self.list.addItem(item)
            if row.shift_id == current:
                self.list.setCurrentItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        # the selection, not the current row: the list makes its first row current when it
        # takes the focus, and opening the popup is no choice of a shift
        self.list.itemSelectionChanged.connect(self._on_selection)
        self.list.itemActivated.connect(self._on_activated)
        self.list.setFocus()

    def shift_ids(self) -> list[int]:
        return [int(self.list.item(i).data(SHIFT_ID_ROLE)) for i in range(self.list.count())]

    def row_rect(self, shift_id: int) -> QRect:
        """Where a shift's row is, in the list's viewport (tests click there)."""
        row = self.shift_ids().index(shift_id)
        return self.list.visualItemRect(self.list.item(row))

    def show_beside(self, anchor: QRect) -> None:
        """Open to the right of ``anchor`` (global coordinates), or to its left where the
        screen ends, and never past the screen's edges."""
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        frame = 2 * self.list.frameWidth()
        rows = min(VISIBLE_ROWS, max(1, self.list.count()))
        scroll = self.list.verticalScrollBar().sizeHint().width() if self.list.count() > rows else 0
        self.list.setFixedSize(
            min(WIDEST, room.width() - 40, self.list.sizeHintForColumn(0) + frame + scroll + 8),
            sum(self.list.sizeHintForRow(i) for i in range(rows)) + frame)
        self.adjustSize()
        width, height = self.width(), self.height()
        x = anchor.right() + 4
        if x + width > room.right():
            x = anchor.left() - 4 - width
        x = max(room.left(), min(x, room.right() - width))
        y = max(room.top(), min(anchor.top(), room.bottom() - height))
        self.move(QPoint(x, y))
        self.show()
        self.list.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.closed.emit()

    def _on_selection(self) -> None:
        chosen = self.list.selectedItems()
        if chosen:
            self.picked.emit(int(chosen[0].data(SHIFT_ID_ROLE)))

    def _on_activated(self, item: QListWidgetItem) -> None:
        shift_id = int(item.data(SHIFT_ID_ROLE))
        self.close()
        self.opened.emit(shift_id)
