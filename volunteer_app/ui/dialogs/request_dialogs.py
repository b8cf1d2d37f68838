"""The 诉求 page's dialogs: 新建诉求 (hand entry), and what a step or a dispatch asks for:
the resolution text (反馈结果) or the reason (退回重办), the callback's three answers, a staff
member, a team task's team, service type and time.

Each dialog runs its service on 保存 through the one background runner, as
``action(worker_session, *values)`` (issue 16: at street scale a step and its commit held the
window; a hot spot's 建任务 touches ~300 tickets): 保存 is disabled until it is in, so a
second click saves nothing twice, and the dialog closes once it is; it stays open with the
service's Chinese reason when it refuses, nothing written then. ``saved`` holds what the
service returned.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...domain.requests import (
    Contacted,
    Kind,
    RequestType,
    Resolved,
    Satisfaction,
    Source,
)
from ...services.care import coverage
from ...services.people import teams
from ...services.permissions import Permission
from ...services.requests import tickets
from ...services.scheduling import service_types
from ...services.session import Session
from ..forms import date_edit, pydate, pytime, time_edit
from ..screen_fit import fit_to_screen
from .service_dialog import ServiceDialog

URGENCIES = ("一般", Kind.EMERGENCY.value, Kind.UTILITIES.value, Kind.COMPLEX.value)


def _combo(name: str, items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox(objectName=name)
    for text, value in items:
        combo.addItem(text, value)
    return combo


class NewRequestDialog(ServiceDialog):
    """新建诉求: a request taken at the office, by phone or on a grid patrol."""

    NAME = "new_request"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, self.tr("新建诉求"), tickets.add, parent)
        n = self.NAME
        self.source = _combo(f"{n}.source", [(s.value, s.value) for s in Source])
        self.source.setCurrentIndex(self.source.findData(Source.WALK_IN.value))
        # when the caller called or came in: now, unless the worker enters it afterwards (the
        # deadline runs from it)
        received = tickets.now(session)
        self.received_day = date_edit(f"{n}.received_date", received.date())
        self.received_time = time_edit(f"{n}.received_time", received.time())
        received_row = QHBoxLayout()
        received_row.addWidget(self.received_day)
        received_row.addWidget(self.received_time)
        received_row.addStretch(1)
        self.caller = QLineEdit(objectName=f"{n}.caller")
        self.phone = QLineEdit(objectName=f"{n}.phone")
        self.phone.setPlaceholderText(self.tr("手机或座机，全角数字也可以"))
        self.address = QLineEdit(objectName=f"{n}.address")
        self.address.setPlaceholderText(self.tr("例如：明春苑3号楼2单元"))
        self.category = QLineEdit(objectName=f"{n}.category")
        self.category.setPlaceholderText(self.tr("最多三级，用/分隔，如 城乡建设/物业管理/电梯"))
        self.request_type = _combo(f"{n}.type", [(t.value, t.value) for t in RequestType])
        self.request_type.setCurrentIndex(self.request_type.findData(RequestType.HELP.value))
        self.urgency = _combo(f"{n}.urgency", [(u, u) for u in URGENCIES])
        self.content = QPlainTextEdit(objectName=f"{n}.content")
        self.content.setMinimumHeight(90)
        for label, widget in ((self.tr("来源"), self.source), (self.tr("来电时间"), received_row),
                              (self.tr("诉求人"), self.caller),
                              (self.tr("电话"), self.phone), (self.tr("地址"), self.address),
                              (self.tr("问题分类"), self.category), (self.tr("诉求类型"), self.request_type),
                              (self.tr("紧急程度"), self.urgency), (self.tr("诉求内容"), self.content)):
            self.form.addRow(label, widget)
        hint = QLabel(self.tr("办理时限按紧急程度和问题分类计算（涉及水电气热的按24小时）；"
                              "工单编号自动生成。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.form.addRow(hint)
        fit_to_screen(self, 560, 520)

    def values(self) -> dict[str, str]:
        received = datetime.combine(pydate(self.received_day.date()), pytime(self.received_time.time()))
        return {"source": self.source.currentData(), "received_at": received.isoformat(timespec="seconds"),
                "caller_name": self.caller.text(),
                "caller_phone": self.phone.text(), "address": self.address.text(),
                "category": self.category.text(), "request_type": self.request_type.currentData(),
                "urgency": self.urgency.currentData(), "content": self.content.toPlainText()}

    def _values(self) -> tuple[Any, ...]:
        return (self.values(),)


class NoteDialog(ServiceDialog):
    """One text the step needs: the resolution fed back (反馈结果) or why it is sent back;
    ``action(worker, text)``."""

    NAME = "request_note"

    def __init__(self, session: Session, title: str, label: str,
                 action: Callable[[Session, str], None], parent: QWidget | None = None):
        super().__init__(session, title, action, parent)
        self.note = QPlainTextEdit(objectName=f"{self.NAME}.text")
        self.note.setMinimumHeight(100)
        self.form.addRow(label, self.note)
        fit_to_screen(self, 480, 260)

    def _values(self) -> tuple[Any, ...]:
        return (self.note.toPlainText().strip(),)


class CallbackDialog(ServiceDialog):
    """登记回访: the city's three answers (是否联系, 是否解决, 满意度) for one ticket."""

    NAME = "request_callback"

    def __init__(self, session: Session, ticket_id: int, parent: QWidget | None = None,
                 row_version: int | None = None):
        super().__init__(session, self.tr("登记回访结果"), _record_callback, parent)
        self.ticket_id, self.row_version = ticket_id, row_version
        n = self.NAME
        self.contacted = _combo(f"{n}.contacted", [(c.value, c.value) for c in Contacted])
        self.resolved = _combo(f"{n}.resolved", [(r.value, r.value) for r in Resolved])
        self.satisfaction = _combo(f"{n}.satisfaction", [(self.tr("（未评价）"), None)]
                                   + [(s.value, s.value) for s in Satisfaction])
        self.satisfaction.setCurrentIndex(1)
        self.form.addRow(self.tr("是否联系"), self.contacted)
        self.form.addRow(self.tr("是否解决"), self.resolved)
        self.form.addRow(self.tr("满意度"), self.satisfaction)
        fit_to_screen(self, 380, 220)

    def _values(self) -> tuple[Any, ...]:
        return (self.ticket_id, self.contacted.currentData(), self.resolved.currentData(),
                self.satisfaction.currentData(), self.row_version)


def _record_callback(worker: Session, ticket_id: int, contacted: str, resolved: str,
                     satisfaction: str | None, row_version: int | None) -> None:
    tickets.record_callback(worker, ticket_id, contacted, resolved, satisfaction, row_version=row_version)


class StaffDialog(ServiceDialog):
    """A community worker to hand a ticket (派给工作人员) or a hot spot's reminder to;
    ``action(worker, staff_id)``."""

    NAME = "request_staff"

    def __init__(self, session: Session, title: str, action: Callable[[Session, int], Any],
                 parent: QWidget | None = None):
        super().__init__(session, title, action, parent)
        self.staff = _combo(f"{self.NAME}.staff",
                            [(s["name"], s["id"]) for s in coverage.staff_members(session)])
        self.form.addRow(self.tr("工作人员"), self.staff)
        fit_to_screen(self, 380, 160)

    def _values(self) -> tuple[Any, ...]:
        if self.staff.currentData() is None:
            raise ValueError(self.tr("还没有在册的社区工作者：请先在“志愿者与队伍”里登记。"))
        return (self.staff.currentData(),)


class TeamTaskDialog(ServiceDialog):
    """A task for a team: which team, which service, when and how many people. ``action``
    gets (worker, team_id, service_type_id, start, end, headcount) and returns the task's id."""

    NAME = "request_task"

    def __init__(self, session: Session, title: str, action: Callable[..., int],
                 default_type: str = "", parent: QWidget | None = None):
        super().__init__(session, title, action, parent)
        n = self.NAME
        self.team = _combo(f"{n}.team", [(t["name"], t["id"]) for t in teams.list_teams(session)
                                         if session.can(Permission.SCHEDULE, t["id"])])
        self.service_type = _combo(f"{n}.service_type",
                                   [(t["name"], t["id"]) for t in service_types.list_all(session)])
        if default_type and self.service_type.findText(default_type) >= 0:
            self.service_type.setCurrentIndex(self.service_type.findText(default_type))
        tomorrow = session.today() + timedelta(days=1)
        self.day = date_edit(f"{n}.date", tomorrow)
        self.start = time_edit(f"{n}.start", time(7, 0))
        self.end = time_edit(f"{n}.end", time(9, 0))
        self.headcount = QSpinBox(objectName=f"{n}.headcount")
        self.headcount.setRange(1, 50)
        self.headcount.setValue(2)
        for label, widget in ((self.tr("队伍"), self.team), (self.tr("服务类别"), self.service_type),
                              (self.tr("日期"), self.day), (self.tr("开始"), self.start),
                              (self.tr("结束"), self.end), (self.tr("人数"), self.headcount)):
            self.form.addRow(label, widget)
        fit_to_screen(self, 420, 300)

    def times(self) -> tuple[datetime, datetime]:
        day = pydate(self.day.date())
        return (datetime.combine(day, pytime(self.start.time())),
                datetime.combine(day, pytime(self.end.time())))

    def _values(self) -> tuple[Any, ...]:
        if self.team.currentData() is None:
            raise ValueError(self.tr("没有可以安排任务的队伍。"))
        start, end = self.times()
        if end <= start:
            raise ValueError(self.tr("结束时间应晚于开始时间。"))
        return self.team.currentData(), self.service_type.currentData(), start, end, self.headcount.value()
