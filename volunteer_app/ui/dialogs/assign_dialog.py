"""安排人员: who is on the shift (and taking them off), and the team's members ranked by fit,
each with its reasons in words. A hard conflict greys the person out with its reason; a soft
one is shown as a reminder and asks to confirm before assigning.

The confirmation is a window-modal QMessageBox opened with ``open()``, kept in
:attr:`AssignDialog.confirm_box` so a test (or a keyboard user) answers it without a
blocking ``exec()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.hours.certificates import format_hours
from ...services.permissions import PermissionDenied
from ...services.scheduling import assigning, schedule
from ...services.scheduling.schedule_facts import HardConflict, ScheduleError, SoftConflict
from ...services.session import Session
from ..forms import message_label, say
from ..screen_fit import fit_to_screen
from ..tables import column_widths, read_only_rows
from ..widgets.week_view import headline

NAME = "assign_dialog"
BLOCKED_TEXT = QColor("#8a94a0")
IN_COLUMNS = ("本月已排", "本周已排")       # reasons the 本月/本周 columns already show
HARD_TEXT = QColor("#b3261e")
SOFT_TEXT = QColor("#8a5a00")


# scheduling.ALL_STATES, for the UI language
STATE_LABELS = (QT_TRANSLATE_NOOP("AssignDialog", "已安排"), QT_TRANSLATE_NOOP("AssignDialog", "已确认"),
                QT_TRANSLATE_NOOP("AssignDialog", "已签到"), QT_TRANSLATE_NOOP("AssignDialog", "已完成"),
                QT_TRANSLATE_NOOP("AssignDialog", "已谢绝"), QT_TRANSLATE_NOOP("AssignDialog", "缺席"))


def state_label(state: str) -> str:
    """An assignment's state (已安排, 已确认, …) in the UI language."""
    return QCoreApplication.translate("AssignDialog", state)


def table(name: str, headers: list[str], widths: Iterable[int] = ()) -> QTableWidget:
    """A read-only table of whole rows like the pages' (ui/tables.py); the first columns get
    ``widths``, the last one the room that is left."""
    widget = QTableWidget(0, len(headers), objectName=name)
    widget.setHorizontalHeaderLabels(headers)
    read_only_rows(widget)
    column_widths(widget, widths)
    return widget


def item(text: Any, data: Any = None) -> QTableWidgetItem:
    cell = QTableWidgetItem("" if text is None else str(text))
    if data is not None:
        cell.setData(Qt.ItemDataRole.UserRole, data)
    return cell


class AssignDialog(QDialog):
    def __init__(self, session: Session, shift_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.shift_id = session, shift_id
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("安排人员"))
        self.confirm_box: QMessageBox | None = None
        self.candidates: list[assigning.Candidate] = []
        self.on_shift: list[dict[str, Any]] = []

        self.heading = QLabel(objectName=f"{NAME}.heading")
        self.heading.setStyleSheet("font-weight:bold; color:#24364f;")
        self.heading.setWordWrap(True)
        self.current = table(f"{NAME}.current", [self.tr("已安排"), self.tr("状态"), self.tr("备注")], (120,))
        self.remove_button = QPushButton(self.tr("移出所选"), objectName=f"{NAME}.remove")
        self.list = table(f"{NAME}.candidates", [self.tr("序"), self.tr("姓名"), self.tr("本月(时)"),
                                                 self.tr("本周(时)"), self.tr("合适的理由"),
                                                 self.tr("冲突与提醒")], (36, 120, 64, 64, 200))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.assign_button = QPushButton(self.tr("安排所选"), objectName=f"{NAME}.assign")
        self.assign_button.setProperty("primary", True)
        self.assign_button.setDefault(True)
        close = QPushButton(self.tr("关闭"), objectName=f"{NAME}.close")
        self.message = message_label(NAME)

        current_row = QHBoxLayout()
        current_row.addWidget(self.current, 1)
        current_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        hint = QLabel(self.tr("候选人按合适程度排序：有空、有技能、本月时长少、未超每周上限的在前。"
                              "灰色的不能安排（原因见右侧）；有提醒的安排前会请您确认。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.assign_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(current_row)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.current.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self.assign_selected())
        self.assign_button.clicked.connect(self.assign_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        close.clicked.connect(self.accept)
        self.reload()
        fit_to_screen(self, 860, 600)

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        shift = schedule.shift(self.session, self.shift_id)
        self.heading.setText(headline(shift))
        self.on_shift = assigning.assignments(self.session, self.shift_id)
        self.current.setRowCount(len(self.on_shift))
        rows = max(2, min(len(self.on_shift), 5))
        self.current.setFixedHeight(self.current.horizontalHeader().sizeHint().height()
                                    + self.current.verticalHeader().defaultSectionSize() * rows
                                    + 2 * self.current.frameWidth() + 2)
        for row, a in enumerate(self.on_shift):
            self.current.setItem(row, 0, item(a["name"], a["id"]))
            self.current.setItem(row, 1, item(state_label(a["state"])))
            self.current.setItem(row, 2, item(a["note"]))
        self.candidates = assigning.candidates(self.session, self.shift_id)
        self.list.setRowCount(len(self.candidates))
        for row, c in enumerate(self.candidates):
            self._fill_row(row, c)
        self._update_buttons()

    def _fill_row(self, row: int, candidate: assigning.Candidate) -> None:
        found = candidate.conflicts
        if found.hard:
            problem, colour = self.tr("不能安排：") + "；".join(found.hard), HARD_TEXT
        elif found.soft:
            problem, colour = self.tr("提醒：") + "；".join(found.soft), SOFT_TEXT
        else:
            problem, colour = "", None
        name = candidate.name + (self.tr("（%1组）").replace("%1", candidate.group) if candidate.group else "")
        cells = [item(candidate.rank, candidate.volunteer_id), item(name),
                 item(format_hours(candidate.hours_this_month)), item(format_hours(candidate.hours_this_week)),
                 item("；".join(r for r in candidate.reasons if not r.startswith(IN_COLUMNS))),
                 item(problem)]
        for column, cell in enumerate(cells):
            if found.hard:
                cell.setFlags(Qt.ItemFlag.NoItemFlags)
                cell.setForeground(QBrush(BLOCKED_TEXT))
            if column == 5 and colour is not None:
                cell.setForeground(QBrush(colour))
            if column in (4, 5):
                cell.setToolTip(cell.text())
            self.list.setItem(row, column, cell)

    # -- choosing ------------------------------------------------------------------------------
    def row_of(self, volunteer_id: int) -> int:
        return next((i for i, c in enumerate(self.candidates) if c.volunteer_id == volunteer_id), -1)

    def choose(self, volunteer_id: int) -> bool:
        """Select a candidate as a click would; False when the row cannot be chosen."""
        row = self.row_of(volunteer_id)
        if row < 0:
            return False
        self.list.clearSelection()
        self.list.selectRow(row)
        return self.selected_candidate() is not None

    def selected_candidate(self) -> assigning.Candidate | None:
        rows = {index.row() for index in self.list.selectionModel().selectedRows()}
        return self.candidates[min(rows)] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_candidate()
        self.assign_button.setEnabled(chosen is not None and not chosen.conflicts.hard)
        self.remove_button.setEnabled(bool(self.current.selectionModel().selectedRows()))

    # -- acting --------------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)

    def assign_selected(self) -> None:
        chosen = self.selected_candidate()
        if chosen is None:
            self._say(self.tr("请先在候选人里选一位。"))
            return
        if chosen.conflicts.hard:
            self._say(self.tr("不能安排{0}：{1}。").format(chosen.name, "；".join(chosen.conflicts.hard)),
                      error=True)
            return
        self._assign(chosen, accept_warnings=False)

    def _assign(self, chosen: assigning.Candidate, accept_warnings: bool) -> None:
        try:
            assigning.assign(self.session, self.shift_id, chosen.volunteer_id, accept_warnings)
        except SoftConflict as warning:
            self._ask(chosen, warning.reasons)
            return
        except (HardConflict, ScheduleError, PermissionDenied) as error:
            self._say(str(error), error=True)
            self.reload()
            return
        self.reload()
        self._say(self.tr("已安排{0}。").format(chosen.name))

    def _ask(self, chosen: assigning.Candidate, reasons: list[str]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("需要确认"),
                          self.tr("安排{0}有以下提醒：\n\n{1}\n\n仍然安排吗？").format(
                              chosen.name, "\n".join("· " + r for r in reasons)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName(f"{NAME}.confirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("仍然安排"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("不安排"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self._assign(chosen, accept_warnings=True))
        box.rejected.connect(lambda: self._say(self.tr("没有安排{0}。").format(chosen.name)))
        self.confirm_box = box
        box.open()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.current.selectionModel().selectedRows()})
        removed = []
        for row in rows:
            assignment = self.on_shift[row]
            try:
                assigning.unassign(self.session, assignment["id"])
            except (ScheduleError, PermissionDenied) as error:
                self._say(str(error), error=True)
                self.reload()
                return
            removed.append(assignment["name"])
        self.reload()
        if removed:
            self._say(self.tr("已移出{0}。").format("、".join(removed)))
