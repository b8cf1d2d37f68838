"""The board's lists, each a tab of the 极端天气 page: 未联系上 (the longest waiting first),
需要帮助 (what is needed and who is on it: 指派处理人…, 标记已办…) and 上门查看 (the residents
turned red: who goes, where, and 登记上门结果…). A double click on a resident shows them in
the roll-call. And the yellow line that asks for the insurance of risky duty shifts.

The rows come with the board (:func:`board`), so the lists and the figures always agree.
Each action's dialog saves through the background runner (ui/dialogs/alert_dialogs.py) and
the lists follow through the change notice once the save is in.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.day_text import month_day_time
from ...domain.weather import Via
from ...services.alerts import access, attempts, callers, escalation
from ...services.session import Session
from ..forms import message_label, push_button, say
from ..list_model import Field, ListTableModel
from ..tables import read_only_table


class _ListTab(QWidget):
    """A table of roll rows and the buttons that act on the chosen one (staff, open warning)."""

    locate = Signal(int)        # a roll id to show in the roll-call

    def __init__(self, session: Session, name: str, fields: list[Field], widths: tuple[int, ...],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.alert: dict[str, Any] | None = None
        self.rows: list[dict[str, Any]] = []
        self.total = 0
        self.dialog: QDialog | None = None
        self.buttons: list[QWidget] = []
        self.model = ListTableModel(fields, self)
        self.table = read_only_table(f"{name}.table", self.model, widths)
        self.count = QLabel(objectName=f"{name}.count")
        self.message = message_label(name)
        self.button_row = QHBoxLayout()
        self.button_row.addWidget(self.count)
        self.button_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.button_row)
        layout.addWidget(self.message)
        self.table.doubleClicked.connect(lambda index: self.locate.emit(self.rows[index.row()]["id"]))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def add_button(self, text: str, name: str, slot: Callable[[], None]) -> None:
        button = push_button(text, name)
        button.clicked.connect(slot)
        self.button_row.addWidget(button)
        self.buttons.append(button)

    def set_rows(self, alert: dict[str, Any] | None, rows: list[dict[str, Any]],
                 total: int | None = None) -> None:
        """``total``: how many there are when ``rows`` lists only the first of them."""
        chosen = self.chosen()
        self.alert, self.rows = alert, rows
        self.total = len(rows) if total is None else total
        self.model.set_rows(rows)
        count = self.tr("共 %1 人").replace("%1", str(self.total))
        if self.total > len(rows):
            count += self.tr("，列出等待最久的 %1 人").replace("%1", str(len(rows)))
        self.count.setText(count)
        ids = [r["id"] for r in rows]
        if chosen is not None and chosen["id"] in ids:
            self.table.selectRow(ids.index(chosen["id"]))
        self._update_buttons()

    def select(self, roll_id: int) -> None:
        self.table.selectRow([r["id"] for r in self.rows].index(roll_id))

    def chosen(self) -> dict[str, Any] | None:
        picked = self.table.selectionModel().selectedRows()
        return self.rows[picked[0].row()] if picked and picked[0].row() < len(self.rows) else None

    def _update_buttons(self) -> None:
        runs = access.can_run(self.session) and self.alert is not None and self.alert.get("closed_at") is None
        for button in self.buttons:
            button.setVisible(runs)
            button.setEnabled(self.chosen() is not None)

    def _open(self, dialog: QDialog, done: str) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: say(self.message, done))
        dialog.open()


def _where(row: dict[str, Any]) -> str:
    return row.get("address") or ""


class UnreachedTab(_ListTab):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, "unreached", [
            Field(self.tr("姓名"), lambda r: r["resident_name"]),
            Field(self.tr("等待（分钟）"), lambda r: str(r.get("waiting_minutes") or 0),
                  lambda r: r.get("waiting_minutes") or 0, align_right=True),
            Field(self.tr("次数"), lambda r: str(r.get("attempts") or 0), align_right=True),
            Field(self.tr("状态"), lambda r: self.tr("已转上门") if r.get("escalated") else r["state"]),
            Field(self.tr("联系人"), lambda r: r.get("caller_name") or ""),
            Field(self.tr("电话"), lambda r: r.get("phone") or ""),
            Field(self.tr("家属联系"), lambda r: r.get("family_contact") or "", tooltip=True),
            Field(self.tr("地址"), _where, tooltip=True),
        ], (80, 90, 48, 90, 80, 120, 160), parent)
        self.add_button(self.tr("派人上门…"), "unreached.door", lambda: send_to_door(self))


def send_to_door(tab: _ListTab) -> None:
    """A door visit sent by hand: nobody near was found, the one chosen cannot go, or the
    worker will not wait for the rule (the resident turns red now)."""
    row = tab.chosen()
    if row is None:
        return
    tab._open(_dialogs().HandlerDialog(tab.session, row["resident_name"], callers.handler_choices,
                            lambda worker, person: escalation.assign_door(worker, row["id"], person), tab,
                            title=QCoreApplication.translate("DoorVisits", "派人上门查看：%1")
                            .replace("%1", row["resident_name"])),
              QCoreApplication.translate("DoorVisits", "已安排上门查看。"))


class NeedsTab(_ListTab):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, "needs", [
            Field(self.tr("姓名"), lambda r: r["resident_name"]),
            Field(self.tr("需要"), lambda r: "、".join(r.get("needs") or [])),
            Field(self.tr("说明"), lambda r: r.get("need_note") or "", tooltip=True),
            Field(self.tr("处理人"), lambda r: r.get("need_handler_name") or self.tr("未指派")),
            Field(self.tr("办结"), lambda r: month_day_time(r.get("need_done_at")) or self.tr("未办")),
            Field(self.tr("电话"), lambda r: r.get("phone") or ""),
            Field(self.tr("地址"), _where, tooltip=True),
        ], (80, 120, 180, 80, 100, 120), parent)
        self.add_button(self.tr("指派处理人…"), "needs.assign", self._on_assign)
        self.add_button(self.tr("标记已办…"), "needs.done", self._on_done)

    def _on_assign(self) -> None:
        row = self.chosen()
        if row is not None:
            self._open(_dialogs().HandlerDialog(self.session, row["resident_name"], callers.handler_choices,
                                     lambda worker, person: callers.assign_need(worker, row["id"], person),
                                     self), self.tr("已指派处理人。"))

    def _on_done(self) -> None:
        row = self.chosen()
        if row is not None:
            self._open(_dialogs().NeedDoneDialog(self.session, self.tr("需要帮助已办：%1").replace("%1", row["resident_name"]),
                                  self.tr("办理情况"),
                                  lambda worker, note: callers.need_done(worker, row["id"], note), self),
                       self.tr("已标记为办结。"))


class DoorTab(_ListTab):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, "doors", [
            Field(self.tr("姓名"), lambda r: r["resident_name"]),
            Field(self.tr("地址"), _where, tooltip=True),
            Field(self.tr("上门人"), lambda r: r.get("door_volunteer_name") or self.tr("待指派")),
            Field(self.tr("未接通次数"), lambda r: str(r.get("attempts") or 0), align_right=True),
            Field(self.tr("等待（分钟）"), lambda r: str(r.get("waiting_minutes") or 0),
                  lambda r: r.get("waiting_minutes") or 0, align_right=True),
            Field(self.tr("电话"), lambda r: r.get("phone") or ""),
            Field(self.tr("家属联系"), lambda r: r.get("family_contact") or "", tooltip=True),
        ], (80, 220, 90, 84, 90, 120), parent)
        self.add_button(self.tr("改派上门人…"), "doors.reassign", lambda: send_to_door(self))
        self.add_button(self.tr("登记上门结果…"), "doors.outcome", self._on_outcome)

    def _on_outcome(self) -> None:
        row = self.chosen()
        if row is None:
            return

        def log(worker: Session, result: str, needs: list[str], note: str) -> dict[str, Any]:
            return attempts.log_attempt(worker, row["id"], result, needs=needs, note=note, via=Via.DOOR)

        self._open(_dialogs().DoorOutcomeDialog(self.session, row["resident_name"], log, self),
                   self.tr("已登记上门结果。"))


class InsuranceBanner(QFrame):
    """Yellow while a risky duty shift of the warning has no insurance recorded."""

    def __init__(self, page: QWidget):
        super().__init__(page)
        self.page = page
        self.warnings: list[str] = []
        self.dialog: QDialog | None = None
        self.setObjectName("alerts.insurance")
        self.setStyleSheet("#alerts\\.insurance { background: #fff4c2; border: 1px solid #e0c050; "
                           "border-radius: 4px; }")
        self.text = QLabel(objectName="alerts.insurance.text", wordWrap=True)
        self.button = push_button(self.tr("登记保险…"), "alerts.insurance.record")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self._on_record)
        self.hide()

    def show_warnings(self, warnings: list[str]) -> None:
        self.warnings = warnings
        text = warnings[0] if warnings else ""
        if len(warnings) > 1:       # one line per task: the first, and the rest in the tooltip
            text += self.tr("（共 %1 项，鼠标停在这里查看全部）").replace("%1", str(len(warnings)))
        self.text.setText(text)
        self.setToolTip("\n".join(warnings))
        self.setVisible(bool(warnings))

    def _on_record(self) -> None:
        alert = getattr(self.page, "alert", None)
        if alert is None:
            return

        def record(worker: Session, text: str) -> int:
            from ...services.alerts import start

            return start.record_insurance(worker, alert["id"], text)

        self.dialog = _dialogs().InsuranceDialog(self.session_of(), self.warnings, record, self)
        self.dialog.accepted.connect(self._on_recorded)
        self.dialog.open()

    def session_of(self) -> Session:
        return self.page.session

    def _on_recorded(self) -> None:
        count = self.dialog.saved if self.dialog is not None else 0
        self.page.say(self.tr("已为 %1 个任务登记保险。").replace("%1", str(count)))


def _dialogs() -> ModuleType:
    """The dialogs of these lists, imported when one is first opened, not with the page."""
    from ..dialogs import alert_dialogs

    return alert_dialogs
