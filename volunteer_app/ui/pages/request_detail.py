"""The selected ticket of the 诉求 page: what was asked, where, by whom (as the role may see
it), its steps with time and user, and the buttons that take it on: the next step (签收 →
联系诉求人 → 开始办理 → 反馈结果… → 办结), 退回重办, 登记回访, and dispatch to a staff
member or to a team as a task. Supervisors read; the buttons are for staff only. Every step
is saved through the one background runner (issue 16), the buttons waiting until it is in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.day_text import minute_text
from ...domain.requests import Status, next_step, task_service_type
from ...services.permissions import Permission, PermissionDenied
from ...services.requests import tickets
from ...services.session import Session
from .. import runner
from ..dialogs.background_save import BackgroundSave
from ..dialogs.request_dialogs import (
    CallbackDialog,
    NoteDialog,
    StaffDialog,
    TeamTaskDialog,
)
from ..forms import message_label, push_button, say
from ..list_model import Field, ListTableModel
from ..tables import column_widths, read_only_rows

# The button that takes a ticket from its status to the next one.
NEXT_LABELS = {
    Status.NEW: QT_TRANSLATE_NOOP("TicketDetail", "签收"),
    Status.SIGNED: QT_TRANSLATE_NOOP("TicketDetail", "联系诉求人"),
    Status.CONTACTED: QT_TRANSLATE_NOOP("TicketDetail", "开始办理"),
    Status.HANDLING: QT_TRANSLATE_NOOP("TicketDetail", "反馈结果…"),
    Status.FEEDBACK: QT_TRANSLATE_NOOP("TicketDetail", "办结"),
}


class TicketDetail(QWidget):
    dialog_opened = Signal(QDialog)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.ticket: dict[str, Any] | None = None
        self.dialog: QDialog | None = None
        self.title = QLabel(objectName="ticket.title")
        self.title.setProperty("role", "section-title")
        self.fields: dict[str, QLabel] = {}
        facts = QFormLayout()
        for key, label in (("caller", self.tr("诉求人")), ("address", self.tr("地址")),
                           ("category", self.tr("问题分类")), ("due", self.tr("办理时限")),
                           ("handler", self.tr("承办")), ("risk", self.tr("风险")),
                           ("content", self.tr("诉求内容")), ("resolution", self.tr("办理结果")),
                           ("callback", self.tr("回访结果"))):
            self.fields[key] = QLabel(objectName=f"ticket.{key}", wordWrap=True)
            facts.addRow(label, self._with_reveal(self.fields[key]) if key == "caller" else self.fields[key])
        self.steps = ListTableModel([
            Field(self.tr("时间"), lambda e: minute_text(e["at"])),
            Field(self.tr("环节"), lambda e: e["step"]),
            Field(self.tr("操作人"), lambda e: e.get("user_name") or ""),
            Field(self.tr("说明"), lambda e: e.get("note") or "", tooltip=True),
        ], self)
        self.steps_table = QTableView(objectName="ticket.steps")
        self.steps_table.setModel(self.steps)
        read_only_rows(self.steps_table)
        column_widths(self.steps_table, (128, 64, 84))
        self.steps_table.setMinimumHeight(120)
        self.next_button = push_button("", "ticket.next", primary=True)
        self.reopen_button = push_button(self.tr("退回重办…"), "ticket.reopen")
        self.callback_button = push_button(self.tr("登记回访…"), "ticket.callback")
        self.staff_button = push_button(self.tr("派给工作人员…"), "ticket.to_staff")
        self.team_button = push_button(self.tr("派给队伍（建任务）…"), "ticket.to_team")
        self.buttons = (self.next_button, self.reopen_button, self.callback_button,
                        self.staff_button, self.team_button)
        grid = QGridLayout()
        for i, button in enumerate(self.buttons):
            grid.addWidget(button, i // 3, i % 3)
        self.message = message_label("ticket")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(facts)
        layout.addWidget(self.steps_table, 1)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        self.next_button.clicked.connect(self._on_next)
        self.reopen_button.clicked.connect(self._on_reopen)
        self.callback_button.clicked.connect(self._on_callback)
        self.staff_button.clicked.connect(self._on_staff)
        self.team_button.clicked.connect(self._on_team)
        self.handles = session.holds(Permission.REQUEST_HANDLE)
        # a step on the runner, as a dialog's 保存 is: the next-step button is its button, and
        # every button waits while it runs (_update_buttons); a refusal is said below them
        self._save = BackgroundSave(self.next_button,
                                    lambda error: say(self.message, str(error), error=True))
        self.show_ticket(None)

    def _with_reveal(self, caller: QLabel) -> QWidget:
        """The caller, and 显示完整号码 for the handler who has to ring back (audited)."""
        self.reveal_button = push_button(self.tr("显示完整号码"), "ticket.reveal")
        self.reveal_button.setFlat(True)
        self.reveal_button.setToolTip(self.tr("回电时查看完整号码；查看会记入操作日志"))
        self.reveal_button.clicked.connect(self._on_reveal)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(caller, 1)
        line.addWidget(self.reveal_button)
        return row

    def _on_reveal(self) -> None:
        t = self.ticket
        if t is None:
            return
        try:
            phone = tickets.reveal_caller(self.session, t["id"])
        except (ValueError, PermissionDenied) as error:
            say(self.message, str(error), error=True)
            return
        self.fields["caller"].setText(f"{t.get('caller_name') or ''}  {phone}")
        self.reveal_button.hide()

    # -- showing -----------------------------------------------------------------------------
    def show_ticket(self, ticket_id: int | None) -> None:
        """Show one ticket (read again from the service), or nothing."""
        self.ticket = tickets.get(self.session, ticket_id) if ticket_id is not None else None
        t = self.ticket
        self.title.setText(self.tr("请在左侧选择一件诉求") if t is None else
                           f"{t['ticket_no']}  {t['status']}")
        for label in self.fields.values():
            label.setText("")
        self.steps.set_rows(t["events"] if t else [])
        if t is not None:
            self._fill(t)
        self._update_buttons()
        self.reveal_button.setVisible(self.handles and bool(t and t.get("caller_phone")))

    def _fill(self, t: dict[str, Any]) -> None:
        phone = f"  {t['caller_phone']}" if t.get("caller_phone") else ""
        self.fields["caller"].setText(f"{t.get('caller_name') or ''}{phone}")
        self.fields["address"].setText(t.get("address") or "")
        self.fields["category"].setText(f"{t.get('category') or ''}  {t.get('request_type') or ''}"
                                        f"  {t.get('kind') or ''}")
        self.fields["due"].setText(f"{str(t['due_at'])[:16].replace('T', ' ')}  {countdown(t)}")
        self.fields["handler"].setText(handler_text(t))
        self.fields["risk"].setText("；".join(risk_list(t)))
        self.fields["content"].setText(t.get("content") or "")
        self.fields["resolution"].setText(t.get("resolution") or "")
        answers = [t.get(k) for k in ("callback_contacted", "callback_resolved", "callback_satisfaction")]
        self.fields["callback"].setText("，".join(a for a in answers if a))

    @property
    def loading(self) -> bool:
        """A step is being saved in the background."""
        return self._save.busy

    def _update_buttons(self) -> None:
        t = self.ticket
        for button in self.buttons:
            button.setVisible(self.handles)
            button.setEnabled(t is not None and not self._save.busy)
        if t is None:
            self.next_button.setText(QCoreApplication.translate("TicketDetail", NEXT_LABELS[Status.NEW]))
            return
        if self._save.busy:         # a step is being saved: every button waits for it
            return
        status = Status(t["status"])
        step = NEXT_LABELS.get(status)
        self.next_button.setText(QCoreApplication.translate("TicketDetail", step) if step
                                 else self.tr("已办结"))
        self.next_button.setEnabled(step is not None)
        self.reopen_button.setEnabled(status in (Status.FEEDBACK, Status.CLOSED))
        self.team_button.setEnabled(status is not Status.CLOSED)
        self.staff_button.setEnabled(status is not Status.CLOSED)

    # -- acting ------------------------------------------------------------------------------
    def _act(self, fn: Callable[..., Any], *args: Any, done: str) -> bool:
        """``fn(worker, *args)`` on the runner; the buttons wait until it is in (False while
        a step runs: the second click of a double click)."""
        if not self._save.begin():
            return False
        self._update_buttons()
        runner.start(fn, *args, session=self.session, writes=True, owner=self,
                     done=self._save.then(lambda _result: self._acted(done)), failed=self._failed)
        return True

    def _acted(self, done: str) -> None:
        self._show_again()
        say(self.message, done)

    def _failed(self, error: BaseException) -> None:
        # a refusal is said (StaleRecord too: another window moved the ticket on) and a bug
        # goes to the app's handler; either way the ticket is shown as it is now, its buttons
        # as its status allows (BackgroundSave gives back only its own button)
        try:
            self._save.failed(error)
        finally:
            self._show_again()

    def _show_again(self) -> None:
        self.show_ticket(self.ticket["id"] if self.ticket else None)

    def _open(self, dialog: QDialog, done: str) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_dialog(done))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _after_dialog(self, done: str) -> None:
        say(self.message, done)
        self.show_ticket(self.ticket["id"] if self.ticket else None)

    def _on_next(self) -> None:
        t = self.ticket
        if t is None:
            return
        step = next_step(Status(t["status"]))
        if step is None:
            return
        if step is Status.FEEDBACK:
            self._open(NoteDialog(self.session, self.tr("反馈办理结果"), self.tr("办理结果"),
                                  lambda worker, note: tickets.advance(worker, t["id"], step, note=note,
                                                                       row_version=t.get("row_version")),
                                  self), self.tr("已反馈办理结果。"))
            return
        self._act(_advance, t["id"], step, t.get("row_version"),
                  done=self.tr("已进入“%1”。").replace("%1", step.value))

    def _on_reopen(self) -> None:
        t = self.ticket
        if t is not None:
            self._open(NoteDialog(self.session, self.tr("退回重办"), self.tr("退回原因"),
                                  lambda worker, note: tickets.reopen(worker, t["id"], note,
                                                                      row_version=t.get("row_version")), self),
                       self.tr("已退回重办。"))

    def _on_callback(self) -> None:
        if self.ticket is not None:
            self._open(CallbackDialog(self.session, self.ticket["id"], self,
                                      row_version=self.ticket.get("row_version")),
                       self.tr("已登记回访结果。"))

    def _on_staff(self) -> None:
        t = self.ticket
        if t is not None:
            self._open(StaffDialog(self.session, self.tr("派给工作人员"),
                                   lambda worker, staff: tickets.dispatch_to_staff(
                                       worker, t["id"], staff, row_version=t.get("row_version")),
                                   self), self.tr("已派给工作人员。"))

    def _on_team(self) -> None:
        t = self.ticket
        if t is None:
            return
        default = task_service_type(t.get("category"), t.get("place_name"), t.get("building"))

        def dispatch(worker: Session, team: int, service_type: int, start: Any, end: Any, headcount: int) -> int:
            return tickets.dispatch_to_team(worker, t["id"], team, service_type, start, end,
                                            headcount=headcount, place_id=t.get("place_id"),
                                            row_version=t.get("row_version"))

        self._open(TeamTaskDialog(self.session, self.tr("派给队伍（建任务）"), dispatch, default, self),
                   self.tr("已派给队伍，任务已建在“任务与排班”里。"))


def _advance(worker: Session, ticket_id: int, step: Status, row_version: int | None) -> None:
    tickets.advance(worker, ticket_id, step, row_version=row_version)


def countdown(row: dict[str, Any]) -> str:
    """'还剩3小时' / '超时2天' from the minutes left (closed tickets: nothing to count)."""
    if row.get("status") == Status.CLOSED.value or row.get("minutes_left") is None:
        return ""
    minutes = int(row["minutes_left"])
    span = abs(minutes)
    if span >= 24 * 60:
        amount = QCoreApplication.translate("Countdown", "%1天").replace("%1", str(span // (24 * 60)))
    elif span >= 60:
        amount = QCoreApplication.translate("Countdown", "%1小时").replace("%1", str(span // 60))
    else:
        amount = QCoreApplication.translate("Countdown", "%1分钟").replace("%1", str(span))
    if minutes >= 0:
        return QCoreApplication.translate("Countdown", "还剩%1").replace("%1", amount)
    return QCoreApplication.translate("Countdown", "超时%1").replace("%1", amount)


def handler_text(row: dict[str, Any]) -> str:
    return "、".join(x for x in (row.get("staff_name"), row.get("team_name")) if x)


def risk_list(row: dict[str, Any]) -> list[str]:
    risk = row.get("risk")
    if not risk:
        return []
    return [risk] if isinstance(risk, str) else list(risk)
