"""打印点名表 (the A4 call sheet, for everyone or one caller) and 预警总结报告 (the after-action
report of a closed warning): 预览, 打印 or 保存为PDF like the app's other reports, the data
gathered and the document built on a worker thread (:mod:`.print_dialogs`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ...services.alerts import access
from ...services.alerts.access import AlertError
from ...services.hours.reports import ReportError
from ...services.session import Session
from ..screen_fit import fit_to_screen
from .print_dialogs import Outcome, _PrintDialog

EVERYONE = 0        # the caller combo's choice of the whole list (no volunteer has id 0)


@dataclass(frozen=True)
class CallSheetRequest:
    alert_id: int
    caller_id: int | None

    def make(self, session: Session, final: bool, deliver: Any) -> Outcome:
        from ...reports import call_sheet
        from ...services.alerts import paper
        try:
            data = paper.call_sheet_data(session, self.alert_id, self.caller_id)
        except AlertError as error:         # the print dialog says a ReportError's reason
            raise ReportError(str(error)) from error
        return Outcome(deliver(call_sheet.call_sheet_pages(data)))


@dataclass(frozen=True)
class AlertReportRequest:
    alert_id: int

    def make(self, session: Session, final: bool, deliver: Any) -> Outcome:
        from ...reports import alert_report
        from ...services.alerts import report_data
        try:
            data = report_data.report_data(session, self.alert_id)
        except AlertError as error:
            raise ReportError(str(error)) from error
        return Outcome(deliver(alert_report.report_pages(data)))


class CallSheetDialog(_PrintDialog):
    """打印点名表: the whole roll-call or one caller's residents, by building, with tick boxes."""

    NAME = "call_sheet_dialog"

    def __init__(self, session: Session, alert_id: int, callers: list[tuple[str, int]],
                 parent: QWidget | None = None):
        super().__init__(session, parent)
        self.alert_id = alert_id
        self.setWindowTitle(self.tr("打印点名表"))
        self.caller = QComboBox(objectName=f"{self.NAME}.caller")
        self.caller.addItem(self.tr("全部居民（按楼排列）"), EVERYONE)
        for name, caller_id in callers:
            self.caller.addItem(name, caller_id)
        self.form.addRow(self.tr("联系人"), self.caller)
        hint = QLabel(self.tr("每行一位居民，带勾选框；打完电话后用“录入点名表结果…”按行号录回。"
                              "电话号码只对有权查看的角色完整显示。"), wordWrap=True)
        hint.setProperty("role", "hint")
        self.form.addRow(hint)
        fit_to_screen(self, 480, 200)

    def _default_name(self) -> str:
        return f"点名表_{self.caller.currentText()}_{self.session.today().isoformat()}.pdf"

    def _request(self) -> CallSheetRequest:
        caller = self.caller.currentData()
        return CallSheetRequest(self.alert_id, None if caller == EVERYONE else caller)


class AlertReportDialog(_PrintDialog):
    """预警总结报告: timeline, figures, needs and what was done, shifts and hours, and the
    residents never reached with the reason."""

    NAME = "alert_report_dialog"

    def __init__(self, session: Session, alert_id: int, parent: QWidget | None = None,
                 note: str = ""):
        super().__init__(session, parent)
        self.alert = access.alert(session, alert_id)
        self.setWindowTitle(self.tr("预警总结报告"))
        self.form.addRow(self.tr("预警"), QLabel(self.alert["title"], objectName=f"{self.NAME}.title"))
        if note:
            self._say(note)
        fit_to_screen(self, 460, 160)

    def _default_name(self) -> str:
        return f"{self.alert['title']}_总结报告_{str(self.alert['started_at'])[:10]}.pdf"

    def _request(self) -> AlertReportRequest:
        return AlertReportRequest(self.alert["id"])

