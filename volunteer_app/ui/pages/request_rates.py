"""三率: one month's 响应率, 解决率 and 满意率, each with its formula beside it (the formulas are
unconfirmed settings), the received and rated counts, the office's own figures (contacted
and closed within the deadline, by category, by staff member) and the last 12 months as a
chart. 打印月报… prints a month's 接诉即办 report for the 调度会: the last complete month
unless another past month is shown here.

The month's figures are gathered on the background runner; ``loading`` says they are coming.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...reports.requests_report import percent
from ...services.requests import rates
from ...services.session import Session
from ..dialogs.print_dialogs import month_choices
from ..dialogs.requests_report_dialog import RequestsReportDialog
from ..forms import push_button
from ..list_model import Field, ListTableModel
from ..page_load import PageLoad, WhenShown
from ..signals import DataSignals
from ..tables import column_widths, read_only_rows
from ..widgets.trend_chart import TrendChart

WATCHED = frozenset({"requests", "request_events", "settings"})
RATES = ("response_rate", "resolution_rate", "satisfaction_rate")


class RatesTab(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.figures: dict[str, Any] = {}
        self.dialog: QDialog | None = None
        self.month = QComboBox(objectName="rates.month")
        for label, month in month_choices(session.today(), 24):
            self.month.addItem(label, month)
        self.print_button = push_button(self.tr("打印月报…"), "rates.print")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("月份")))
        top.addWidget(self.month)
        top.addStretch(1)
        top.addWidget(self.print_button)
        self.rate_labels: dict[str, QLabel] = {}
        self.formula_labels: dict[str, QLabel] = {}
        rates_grid = QGridLayout()
        for row, (key, title) in enumerate(zip(RATES, (self.tr("响应率"), self.tr("解决率"),
                                                        self.tr("满意率")), strict=True)):
            self.rate_labels[key] = QLabel("—", objectName=f"rates.{key}")
            self.rate_labels[key].setProperty("role", "card-value")
            self.formula_labels[key] = QLabel(objectName=f"rates.{key}.formula", wordWrap=True)
            self.formula_labels[key].setProperty("role", "hint")
            rates_grid.addWidget(QLabel(title), row, 0)
            rates_grid.addWidget(self.rate_labels[key], row, 1)
            rates_grid.addWidget(self.formula_labels[key], row, 2)
        rates_grid.setColumnStretch(2, 1)
        self.counts = QLabel(objectName="rates.counts", wordWrap=True)
        self.office = QLabel(objectName="rates.office", wordWrap=True)
        self.categories, categories_view = self._table("rates.categories", [
            Field(self.tr("问题分类"), lambda r: r["category"] or self.tr("（未分类）"), tooltip=True),
            Field(self.tr("件数"), lambda r: str(r["count"]), lambda r: r["count"], align_right=True),
            Field(self.tr("按时办结"), lambda r: str(r["closed_in_time"]), align_right=True)], (150, 44))
        self.staff, staff_view = self._table("rates.staff", [
            Field(self.tr("工作人员"), lambda r: r["staff_name"] or self.tr("（未派给个人）")),
            Field(self.tr("件数"), lambda r: str(r["count"]), align_right=True),
            Field(self.tr("按时办结"), lambda r: str(r["closed_in_time"]), align_right=True)], (80, 44))
        self.chart = TrendChart(self, "rates.chart")
        tables = QHBoxLayout()
        tables.addWidget(categories_view, 4)
        tables.addWidget(staff_view, 3)
        tables.addWidget(self.chart, 8)
        left = QVBoxLayout()
        left.addLayout(rates_grid)
        left.addWidget(self.counts)
        left.addWidget(self.office)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addLayout(left)
        layout.addLayout(tables, 1)
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.print_button.clicked.connect(self._on_print)
        self._shown = WhenShown(self, signals, WATCHED, self.refresh)
        self._load = PageLoad(self, session, _month_view, self._on_figures)

    def _table(self, name: str, fields: list[Field],
               widths: tuple[int, ...]) -> tuple[ListTableModel, QTableView]:
        model = ListTableModel(fields, self)
        view = QTableView(objectName=name)
        view.setModel(model)
        read_only_rows(view)
        column_widths(view, widths)
        return model, view

    # -- loading -----------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._load.loading

    def refresh(self) -> None:
        self._load.ask(self.month.currentData())

    def _on_figures(self, figures: dict[str, Any]) -> None:
        self.figures = figures
        month, formulas, office = figures["rates"], figures["formulas"], figures["office"]
        for key in RATES:
            self.rate_labels[key].setText(percent(month[key]))
            self.formula_labels[key].setText(formulas.get(key, ""))
        self.counts.setText(self.tr("本月受理 %1 件，有回访结果 %2 件：已联系 %3，已解决 %4，满意 %5，"
                                    "基本满意 %6。").replace("%1", str(month["received"]))
                            .replace("%2", str(month["rated"])).replace("%3", str(month["contacted"]))
                            .replace("%4", str(month["resolved"])).replace("%5", str(month["satisfied"]))
                            .replace("%6", str(month["basically_satisfied"])))
        self.office.setText(self.tr("本社区自己的统计：时限内联系 %1 件，时限内办结 %2 件（已办结 %3 件），"
                                    "超时未办结 %4 件。").replace("%1", str(office["contacted_in_time"]))
                            .replace("%2", str(office["closed_in_time"])).replace("%3", str(office["closed"]))
                            .replace("%4", str(office["late_open"])))
        self.categories.set_rows(office["by_category"])
        self.staff.set_rows(office["by_staff"])
        self.chart.set_trend(figures["trend"])

    def _on_print(self) -> None:
        # the month shown, if it is a past one; otherwise the dialog's own default, last month
        shown = self.month.currentData()
        chosen = shown if shown != f"{self.session.today():%Y-%m}" else None
        self.dialog = RequestsReportDialog(self.session, chosen, self)
        self.dialog.open()



def _month_view(session: Session, month: str) -> dict[str, Any]:
    """Everything the tab shows for ``month``, gathered on the runner's worker session."""
    return {"rates": rates.month_rates(session, month), "formulas": rates.formulas(session),
            "office": rates.office_figures(session, month), "trend": rates.trend(session, month, 12)}
