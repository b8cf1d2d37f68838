"""三率: one month's 响应率, 解决率 and 满意率, each with its formula beside it (the formulas are
unconfirmed settings), the received and rated counts, the office's own figures (contacted
and closed within the deadline, by category, by staff member) and the last 12 months as a
chart. 打印月报… prints a month's 接诉即办 report for the 调度会: the last complete month
unless another past month is shown here.

The rates count only tickets the city has called back (回访). Early in a month none is yet, so
rather than three bare "—" the tab says why (本月还没有已回访的工单) and puts last month's
rates in a column beside this month's 暂无, both headed with their month.

The month's figures are gathered on the background runner; ``loading`` says they are coming.
"""

from __future__ import annotations

from datetime import date
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
from ..dialogs.print_dialogs import month_choices, month_name
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
        self.period = QLabel(objectName="rates.period")
        self.print_button = push_button(self.tr("打印月报…"), "rates.print")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("月份")))
        top.addWidget(self.month)
        top.addSpacing(12)
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.print_button)
        self.rate_labels: dict[str, QLabel] = {}
        self.last_labels: dict[str, QLabel] = {}
        self.formula_labels: dict[str, QLabel] = {}
        rates_grid = QGridLayout()
        # column headings, shown when last month's rates stand beside this month's
        self.now_heading = QLabel(self.tr("本月至今"), objectName="rates.now_heading")
        self.last_heading = QLabel(objectName="rates.last_heading")
        for column, heading in enumerate((self.now_heading, self.last_heading), start=1):
            heading.setProperty("role", "card-title")
            rates_grid.addWidget(heading, 0, column)
        for row, (key, title) in enumerate(zip(RATES, (self.tr("响应率"), self.tr("解决率"),
                                                        self.tr("满意率")), strict=True), start=1):
            self.rate_labels[key] = QLabel("—", objectName=f"rates.{key}")
            self.rate_labels[key].setProperty("role", "card-value")
            self.last_labels[key] = QLabel(objectName=f"rates.last.{key}")
            self.last_labels[key].setProperty("role", "card-value")
            self.formula_labels[key] = QLabel(objectName=f"rates.{key}.formula", wordWrap=True)
            self.formula_labels[key].setProperty("role", "hint")
            rates_grid.addWidget(QLabel(title), row, 0)
            rates_grid.addWidget(self.rate_labels[key], row, 1)
            rates_grid.addWidget(self.last_labels[key], row, 2)
            rates_grid.addWidget(self.formula_labels[key], row, 3)
        rates_grid.setHorizontalSpacing(24)
        rates_grid.setColumnStretch(3, 1)
        self.empty_note = QLabel(objectName="rates.empty", wordWrap=True)
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
        left.addWidget(self.empty_note)
        left.addWidget(self.counts)
        left.addWidget(self.office)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addLayout(left)
        layout.addLayout(tables, 1)
        self._show_last_month(None)
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
            _set_rate(self.rate_labels[key], month[key], self.tr("暂无"))
            self.formula_labels[key].setText(formulas.get(key, ""))
        self._say_period(month["month"], figures["today"])
        # the three share one denominator: none rated, none of the rates exists yet
        nothing_rated = month["rated"] == 0
        self.empty_note.setVisible(nothing_rated)
        last = figures["last_month"] if nothing_rated else None
        self._show_last_month(last)
        if nothing_rated:
            self.empty_note.setText(self._why_empty(month["month"], last))
        # a past month shown is named: 本月 is the month under way
        which = self.tr("本月") if month["month"] == f"{figures['today']:%Y-%m}" else month_name(month["month"])
        self.counts.setText(self.tr("%7受理 %1 件，有回访结果 %2 件：已联系 %3，已解决 %4，满意 %5，"
                                    "基本满意 %6。").replace("%7", which).replace("%1", str(month["received"]))
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

    def _say_period(self, month: str, today: date) -> None:
        """Which days the figures are of: this month so far, or a whole past month."""
        year, number = (int(part) for part in month.split("-"))
        if month != f"{today:%Y-%m}":
            text = self.tr("%1年%2月全月").replace("%1", str(year)).replace("%2", str(number))
        elif today.day == 1:
            text = self.tr("本月至今：%1年%2月1日（今天）").replace("%1", str(year)).replace("%2", str(number))
        else:
            text = (self.tr("本月至今：%1年%2月1日至%3日").replace("%1", str(year))
                    .replace("%2", str(number)).replace("%3", str(today.day)))
        self.period.setText(text)

    def _why_empty(self, month: str, last: dict[str, Any] | None) -> str:
        """The line that says why a rate is 暂无, and where last month's rates are."""
        if last is None:
            return (self.tr("%1没有已回访的工单，所以三率暂无：三率只按12345回访结果计算。")
                    .replace("%1", month_name(month)))
        return (self.tr("本月还没有已回访的工单，所以三率暂无：三率只按12345回访结果计算，"
                        "登记了回访结果才有。右边是上月（%1）全月的三率。")
                .replace("%1", month_name(last["month"])))

    def _show_last_month(self, last: dict[str, Any] | None) -> None:
        """Last month's rates in the column beside this month's, or that column hidden."""
        for label in (self.now_heading, self.last_heading, *self.last_labels.values()):
            label.setVisible(last is not None)
        if last is None:
            return
        self.last_heading.setText(self.tr("上月（%1全月）").replace("%1", month_name(last["month"])))
        for key in RATES:
            _set_rate(self.last_labels[key], last[key], self.tr("暂无"))

    def _on_print(self) -> None:
        # the month shown, if it is a past one; otherwise the dialog's own default, last month
        shown = self.month.currentData()
        chosen = shown if shown != f"{self.session.today():%Y-%m}" else None
        self.dialog = RequestsReportDialog(self.session, chosen, self)
        self.dialog.open()


def _set_rate(label: QLabel, rate: float | None, none: str) -> None:
    """A rate in large figures; a missing one as a quiet word, so the eye goes to the figures."""
    label.setText(none if rate is None else percent(rate))
    role = "card-title" if rate is None else "card-value"
    if label.property("role") != role:
        label.setProperty("role", role)
        label.style().unpolish(label)
        label.style().polish(label)


def _month_view(session: Session, month: str) -> dict[str, Any]:
    """Everything the tab shows for ``month``, gathered on the runner's worker session; when
    ``month`` is the current one, last month's rates too (the trend's month before it)."""
    trend = rates.trend(session, month, 12)
    current = month == rates.current_month(session)
    return {"rates": rates.month_rates(session, month), "formulas": rates.formulas(session),
            "office": rates.office_figures(session, month), "trend": trend,
            "today": session.today(), "last_month": trend[-2] if current else None}
