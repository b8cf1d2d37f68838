"""签到/签退 after a shift: each person on it with their state and times; 签到 and 签退 at the
times in their row, 完成 (the shift's hours) or 缺席. A completed assignment becomes a
service record with the real hours (``attendance.check_out`` / ``attendance.complete``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QTime
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.hours.certificates import format_hours
from ...services.permissions import PermissionDenied
from ...services.scheduling import assigning, attendance, schedule
from ...services.scheduling.attendance import CAN_CHECK_IN, CAN_CHECK_OUT, CAN_COMPLETE
from ...services.scheduling.schedule_facts import ScheduleError
from ...services.session import Session
from ..forms import message_label, say
from ..screen_fit import fit_to_screen
from ..widgets.week_view import headline
from .assign_dialog import item, state_label, table

NAME = "attendance_dialog"


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


class AttendanceDialog(QDialog):
    def __init__(self, session: Session, shift_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.shift_id = session, shift_id
        self.shift = schedule.shift(session, shift_id)
        self.rows: list[dict[str, Any]] = []
        self.record_ids: list[int] = []
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("签到/签退"))
        heading = QLabel(headline(self.shift))
        heading.setStyleSheet("font-weight:bold; color:#24364f;")
        heading.setWordWrap(True)
        self.list = table(f"{NAME}.people", [self.tr("姓名"), self.tr("状态"), self.tr("签到"),
                                             self.tr("签退"), self.tr("服务记录")], (100, 70, 90, 90))
        self.list.verticalHeader().setDefaultSectionSize(32)
        self.check_in_button = QPushButton(self.tr("签到"), objectName=f"{NAME}.check_in")
        self.check_out_button = QPushButton(self.tr("签退并记时长"), objectName=f"{NAME}.check_out")
        self.check_out_button.setProperty("primary", True)
        self.complete_button = QPushButton(self.tr("完成（按班次时长）"), objectName=f"{NAME}.complete")
        self.no_show_button = QPushButton(self.tr("缺席"), objectName=f"{NAME}.no_show")
        close = QPushButton(self.tr("关闭"), objectName=f"{NAME}.close")
        hint = QLabel(self.tr("选中一人或多人（按住Ctrl多选），在“签到”“签退”里改成实际时间后点按钮。"
                              "签退或完成后自动生成服务记录。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.message = message_label(NAME)
        buttons = QHBoxLayout()
        for button in (self.check_in_button, self.check_out_button, self.complete_button,
                       self.no_show_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.check_in_button.clicked.connect(self.check_in)
        self.check_out_button.clicked.connect(self.check_out)
        self.complete_button.clicked.connect(self.complete)
        self.no_show_button.clicked.connect(self.no_show)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        close.clicked.connect(self.accept)
        self.reload()
        if self.shift.date > session.today():
            self._say(self.tr("这个班次在{0}，还没到，到时再来签到签退。").format(self.shift.date.isoformat()))
        fit_to_screen(self, 720, 420)

    def reload(self) -> None:
        self.rows = [a for a in assigning.assignments(self.session, self.shift_id) if a["state"] != "已谢绝"]
        self.list.setRowCount(len(self.rows))
        for row, a in enumerate(self.rows):
            self.list.setItem(row, 0, item(a["name"], a["id"]))
            self.list.setItem(row, 1, item(state_label(a["state"])))
            self.list.setCellWidget(row, 2, self._time_edit(row, "in", a["check_in"], self.shift.start,
                                                            a["state"] in CAN_CHECK_IN))
            self.list.setCellWidget(row, 3, self._time_edit(row, "out", a["check_out"], self.shift.end,
                                                            a["state"] in CAN_COMPLETE))
            record = ""
            if a["record_id"]:
                found = self.session.row("service_records", a["record_id"])
                record = self.tr("已记录 {0} 小时").format(format_hours(found["hours"])) if found else ""
            self.list.setItem(row, 4, item(record))
        self._update_buttons()

    def _time_edit(self, row: int, which: str, stored: str | None, default: time, editable: bool) -> QTimeEdit:
        edit = QTimeEdit(objectName=f"{NAME}.{which}{row}", displayFormat="HH:mm")
        edit.setTime(QTime.fromString(stored[11:16], "HH:mm") if stored else _qtime(default))
        edit.setEnabled(editable)
        return edit

    def select_rows(self, *rows: int) -> None:
        """Select these people, as Ctrl+click would."""
        selection = self.list.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(self.list.model().index(row, 0),
                             QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)

    def selected(self) -> list[int]:
        return sorted({index.row() for index in self.list.selectionModel().selectedRows()})

    def _update_buttons(self) -> None:
        states = [self.rows[r]["state"] for r in self.selected()]
        self.check_in_button.setEnabled(any(s in CAN_CHECK_IN for s in states))
        self.check_out_button.setEnabled(any(s in CAN_CHECK_OUT for s in states))
        self.complete_button.setEnabled(any(s in CAN_COMPLETE for s in states))
        self.no_show_button.setEnabled(any(s in CAN_CHECK_IN for s in states))

    def _moment(self, row: int, which: str) -> datetime:
        edit: QTimeEdit = self.list.cellWidget(row, 2 if which == "in" else 3)
        value = edit.time()
        return datetime.combine(self.shift.date, time(value.hour(), value.minute()))

    # -- actions -------------------------------------------------------------------------------
    def _each(self, allowed: tuple[str, ...], act: Callable[[int, dict[str, Any]], Any], done: str) -> int:
        rows = [r for r in self.selected() if self.rows[r]["state"] in allowed]
        if not rows:
            self._say(self.tr("请先选中要操作的人。"))
            return 0
        names = []
        try:
            for row in rows:
                result = act(row, self.rows[row])
                if isinstance(result, int):
                    self.record_ids.append(result)
                names.append(self.rows[row]["name"])
        except (ScheduleError, PermissionDenied) as error:
            self.reload()
            self._say(str(error), error=True)
            return len(names)
        self.reload()
        self._say(done.format("、".join(names)))
        return len(names)

    def check_in(self) -> int:
        return self._each(CAN_CHECK_IN, lambda row, a: attendance.check_in(
            self.session, a["id"], self._moment(row, "in")), self.tr("{0} 已签到。"))

    def check_out(self) -> int:
        return self._each(CAN_CHECK_OUT, lambda row, a: attendance.check_out(
            self.session, a["id"], self._moment(row, "out")), self.tr("{0} 已签退，服务记录已按实际时长生成。"))

    def complete(self) -> int:
        return self._each(CAN_COMPLETE, lambda _row, a: attendance.complete(self.session, a["id"]),
                          self.tr("{0} 已完成，服务记录已生成。"))

    def no_show(self) -> int:
        return self._each(CAN_CHECK_IN, lambda _row, a: attendance.no_show(self.session, a["id"]),
                          self.tr("{0} 记为缺席（不生成服务记录）。"))

    def _say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)
