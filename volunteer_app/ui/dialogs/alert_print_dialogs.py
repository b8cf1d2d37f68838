"""打印点名表 (the A4 call sheet of everyone still to reach, or of one caller) and 预警总结报告
(the after-action report): 预览, 打印… or 保存为PDF… like the app's other reports, through
their dialog (print_dialogs._PrintDialog: its buttons, progress dialog with 取消, messages).

The data is gathered on a worker thread with a writing session of its own (a sheet that leaves
with full phones is audited), and a PDF is written there too. The documents are long tables
laid out a page at a time (reports/long_tables.py): an :class:`AlertPrintout` paints itself,
where the other reports hand over :class:`~...reports.printing.Pages`; a printer and the
preview are painted on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ...services.alerts import access
from ...services.alerts.access import AlertError
from ...services.permissions import PermissionDenied
from ...services.session import Session
from ..forms import say
from ..runner import Progress
from ..screen_fit import fit_to_screen
from .print_dialogs import Outcome, _PrintDialog

EVERYONE = 0        # the caller combo's choice of the whole list (no volunteer has id 0)


@dataclass(frozen=True)
class AlertPrintout:
    """The call sheet's or the report's data, painted by its report module."""

    what: str                   # "sheet" or "report"
    data: dict[str, Any]

    def paint(self, device: QPagedPaintDevice, on_page: Progress | None = None) -> int:
        if self.what == "sheet":
            from ...reports import call_sheet
            return call_sheet.paint_call_sheet(self.data, device, on_page)
        from ...reports import alert_report
        return alert_report.paint_report(self.data, device, on_page)

    def write_pdf(self, path: Path, on_page: Progress | None = None) -> Path:
        if self.what == "sheet":
            from ...reports import call_sheet
            return call_sheet.write_call_sheet(self.data, path, on_page=on_page)
        from ...reports import alert_report
        return alert_report.write_report(self.data, path, on_page=on_page)


@dataclass(frozen=True)
class AlertPrintRequest:
    what: str
    alert_id: int
    caller_id: int | None

    def make(self, session: Session, final: bool, deliver: Any) -> Outcome:
        """On the worker: the sheet's or the report's data (a preview is the same print-out)."""
        if self.what == "sheet":
            from ...services.alerts import paper
            data = paper.call_sheet_data(session, self.alert_id, self.caller_id)
        else:
            from ...services.alerts import report_data
            data = report_data.report_data(session, self.alert_id)
        return Outcome(deliver(AlertPrintout(self.what, data)))


class _AlertPrintDialog(_PrintDialog):
    NAME = "alert_print"
    WHAT = "sheet"
    REFUSALS = (AlertError, PermissionDenied)

    def __init__(self, session: Session, alert_id: int, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.alert_id = alert_id

    def caller_id(self) -> int | None:
        return None

    def _request(self) -> AlertPrintRequest:
        return AlertPrintRequest(self.WHAT, self.alert_id, self.caller_id())

    def _finished(self, outcome: Outcome, final: bool) -> None:
        self._say("")               # a reason said before is no longer true

    def _cancelled(self) -> str:
        return self.tr("已取消，没有生成文件。")


class CallSheetDialog(_AlertPrintDialog):
    """打印点名表: the residents not reached yet, by building, with tick boxes."""

    NAME = "call_sheet_dialog"
    WHAT = "sheet"

    def __init__(self, session: Session, alert_id: int, callers: list[tuple[str, int]],
                 parent: QWidget | None = None):
        super().__init__(session, alert_id, parent)
        self.setWindowTitle(self.tr("打印点名表"))
        self.caller = QComboBox(objectName=f"{self.NAME}.caller")
        self.caller.addItem(self.tr("全部未联系上的居民（按楼排列）"), EVERYONE)
        for name, caller_id in callers:
            self.caller.addItem(name, caller_id)
        self.form.addRow(self.tr("联系人"), self.caller)
        hint = QLabel(self.tr("只列还没联系上的居民，每行带序号和勾选框；打完电话后用“录入点名表结果…”"
                              "按序号录回。电话号码只对有权查看的角色完整显示。"), wordWrap=True)
        hint.setProperty("role", "hint")
        self.form.addRow(hint)
        fit_to_screen(self, 500, 210)

    def caller_id(self) -> int | None:
        chosen = self.caller.currentData()
        return None if chosen == EVERYONE else chosen

    def _default_name(self) -> str:
        return f"点名表_{self.caller.currentText()}_{self.session.today().isoformat()}.pdf"


class AlertReportDialog(_AlertPrintDialog):
    """预警总结报告: timeline, figures, needs and what was done, shifts and hours, and the
    residents never reached with the reason."""

    NAME = "alert_report_dialog"
    WHAT = "report"

    def __init__(self, session: Session, alert_id: int, parent: QWidget | None = None, note: str = ""):
        super().__init__(session, alert_id, parent)
        self.alert = access.alert(session, alert_id)
        self.setWindowTitle(self.tr("预警总结报告"))
        self.form.addRow(self.tr("预警"), QLabel(self.alert["title"], objectName=f"{self.NAME}.title"))
        if note:
            say(self.message, note)
        fit_to_screen(self, 460, 170)

    def _default_name(self) -> str:
        return f"{self.alert['title']}_总结报告_{str(self.alert['started_at'])[:10]}.pdf"
