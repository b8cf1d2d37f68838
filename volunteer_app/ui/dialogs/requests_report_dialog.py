"""打印月报 of 接诉即办: one month's report for the 调度会, previewed, printed or saved as a PDF
like the other reports (the figures gathered and the document built on a worker thread)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from ...reports.printing import Pages
from ...reports.requests_report import gather, requests_document
from ...services.admin import settings
from ...services.session import Session
from ..screen_fit import fit_to_screen
from .print_dialogs import Outcome, _PrintDialog, recent_months


@dataclass(frozen=True)
class RequestsReportRequest:
    month: str

    def make(self, session: Session, final: bool, deliver: Any) -> Outcome:
        report = gather(session, self.month)
        issuer, today = str(settings.get(session, "community.name")), session.today().isoformat()
        return Outcome(deliver(Pages((lambda: requests_document(report, issuer, today),),
                                     f"{self.month} 接诉即办月报")))


class RequestsReportDialog(_PrintDialog):
    """接诉即办月报 of one month."""

    NAME = "requests_report_dialog"

    def __init__(self, session: Session, month: str | None = None, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("接诉即办月报"))
        self.month = QComboBox(objectName=f"{self.NAME}.month")
        for choice in recent_months(session.today(), 24):
            self.month.addItem(choice, choice)
        if month is not None and self.month.findData(month) >= 0:
            self.month.setCurrentIndex(self.month.findData(month))
        self.form.addRow(self.tr("月份"), self.month)
        fit_to_screen(self, 420, 160)

    def _default_name(self) -> str:
        return f"接诉即办月报_{self.month.currentData()}.pdf"

    def _request(self) -> RequestsReportRequest:
        return RequestsReportRequest(self.month.currentData())
