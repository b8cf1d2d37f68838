"""打印月报 of 接诉即办: one month's report for the 调度会, previewed, printed or saved as a PDF
like the other reports (the figures gathered and the document built on a worker thread)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ...reports.printing import Pages
from ...reports.requests_report import gather, requests_document
from ...services.admin import settings
from ...services.session import Session
from ..screen_fit import fit_to_screen
from .print_dialogs import Outcome, _PrintDialog, month_choices, previous_month


@dataclass(frozen=True)
class RequestsReportRequest:
    month: str

    def make(self, session: Session, final: bool, deliver: Any) -> Outcome:
        report = gather(session, self.month)
        issuer, today = str(settings.get(session, "community.name")), session.today().isoformat()
        return Outcome(deliver(Pages((lambda: requests_document(report, issuer, today),),
                                     f"{self.month} 接诉即办月报")))


class RequestsReportDialog(_PrintDialog):
    """接诉即办月报 of one month: by default the last complete month (上月), the one a 调度会
    at the start of a month reports on; this month, not over yet, is the first pick above it."""

    NAME = "requests_report_dialog"

    def __init__(self, session: Session, month: str | None = None, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("接诉即办月报"))
        self.month = QComboBox(objectName=f"{self.NAME}.month")
        for label, choice in month_choices(session.today(), 24):
            self.month.addItem(label, choice)
        chosen = self.month.findData(month) if month is not None else -1
        self.month.setCurrentIndex(chosen if chosen >= 0 else self.month.findData(previous_month(session.today())))
        self.period = QLabel(objectName=f"{self.NAME}.period", wordWrap=True)
        self.form.addRow(self.tr("月份"), self.month)
        self.form.addRow(self.period)
        self.month.currentIndexChanged.connect(lambda _i: self._say_period())
        self._say_period()
        fit_to_screen(self, 420, 180)

    def _say_period(self) -> None:
        """Which days the chosen month's report covers, in words."""
        today, month = self.session.today(), self.month.currentData()
        year, number = (int(part) for part in month.split("-"))
        last = calendar.monthrange(year, number)[1]
        if month == f"{today:%Y-%m}":
            text, last = self.tr("本月还没结束：月报只含%1年%2月1日至%3日受理的工单，以后登记的回访还会改变三率。"), today.day
        elif month == previous_month(today):
            text = self.tr("上月，已结束：月报含%1年%2月1日至%3日受理的全部工单。")
        else:
            text = self.tr("月报含%1年%2月1日至%3日受理的全部工单。")
        self.period.setText(text.replace("%1", str(year)).replace("%2", str(number)).replace("%3", str(last)))

    def _default_name(self) -> str:
        return f"接诉即办月报_{self.month.currentData()}.pdf"

    def _request(self) -> RequestsReportRequest:
        return RequestsReportRequest(self.month.currentData())
