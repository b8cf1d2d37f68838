"""历次预警: every warning, the open ones first and then the latest first, with its roll-call
figures; 查看 shows one on the page (read-only once closed), 查看报告… opens its
after-action report to preview, print or save as PDF.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from ...domain.day_text import month_day_time
from ...services.session import Session
from ..forms import push_button
from ..list_model import Field, ListTableModel
from ..tables import read_only_table


class HistoryTab(QWidget):
    chosen = Signal(int)        # show this warning on the page

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.rows: list[dict[str, Any]] = []
        self.dialog: QDialog | None = None
        self.model = ListTableModel([
            Field(self.tr("预警"), lambda a: a["title"]),
            Field(self.tr("社区"), lambda a: "、".join(a["community_names"]), tooltip=True),
            Field(self.tr("发布"), lambda a: month_day_time(a["started_at"]), lambda a: a["started_at"]),
            Field(self.tr("解除"), lambda a: month_day_time(a["closed_at"]) or self.tr("进行中"),
                  lambda a: a["closed_at"] or ""),
            Field(self.tr("点名"), lambda a: str(a["total"]), lambda a: a["total"], align_right=True),
            Field(self.tr("已联系"), lambda a: str(a["reached"]), lambda a: a["reached"], align_right=True),
            Field(self.tr("联系率"), _share, lambda a: a["reached"] / a["total"] if a["total"] else 0,
                  align_right=True),
        ], self)
        self.table = read_only_table("history.table", self.model, (150, 240, 110, 110, 60, 60))
        self.show_button = push_button(self.tr("查看"), "history.show")
        self.report_button = push_button(self.tr("查看报告…"), "history.report", primary=True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.show_button.clicked.connect(self._on_show)
        self.report_button.clicked.connect(self._on_report)
        self.table.doubleClicked.connect(lambda _index: self._on_show())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        picked = self.picked()
        self.rows = rows
        self.model.set_rows(rows)
        ids = [r["id"] for r in rows]
        if picked is not None and picked["id"] in ids:
            self.table.selectRow(ids.index(picked["id"]))
        self._update_buttons()

    def select(self, alert_id: int) -> None:
        self.table.selectRow([r["id"] for r in self.rows].index(alert_id))

    def picked(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _update_buttons(self) -> None:
        picked = self.picked()
        self.show_button.setEnabled(picked is not None)
        self.report_button.setEnabled(picked is not None and picked["closed_at"] is not None)

    def _on_show(self) -> None:
        picked = self.picked()
        if picked is not None:
            self.chosen.emit(picked["id"])

    def _on_report(self) -> None:
        from ..dialogs.alert_print_dialogs import AlertReportDialog

        picked = self.picked()
        if picked is not None:
            self.dialog = AlertReportDialog(self.session, picked["id"], self)
            self.dialog.open()


def _share(alert: dict[str, Any]) -> str:
    return f"{alert['reached'] * 100 / alert['total']:.0f}%" if alert["total"] else "—"
