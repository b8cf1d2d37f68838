"""工单: the tickets, filtered by view (open / late or at risk / closed / all) and by text, with
their countdown, red when late or due within two hours and marked 风险 with the reasons in
the tooltip; the selected one in :class:`TicketDetail` beside the table. 新建诉求… enters
one by hand.

The list is asked of the one background runner (a street's tickets and their risk take a
moment); only the newest answer is shown, and ``loading`` says one is on its way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.day_text import minute_text
from ...services.permissions import Permission
from ...services.requests import tickets
from ...services.session import Session
from .. import runner
from ..dialogs.request_dialogs import NewRequestDialog
from ..empty_hint import EmptyHint
from ..forms import push_button
from ..list_model import Field, Index, ListTableModel
from ..page_load import PageLoad, WhenShown
from ..permissions import show_for
from ..signals import DataSignals
from ..tables import Selection, column_widths, read_only_rows
from .request_detail import TicketDetail, countdown, handler_text, risk_list

URGENT = QColor("#fde2e1")
URGENT_TEXT = QColor("#b3261e")
WATCHED = frozenset({"requests", "request_events", "volunteers", "teams", "tasks", "settings"})
COUNTDOWN_COLUMN, RISK_COLUMN = 7, 9


class TicketsTab(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.rows: list[dict[str, Any]] = []
        self.dialog: QDialog | None = None
        self.view = QComboBox(objectName="tickets.view")
        for text, key in ((self.tr("未办结"), "open"), (self.tr("超时或有风险"), "late_or_risk"),
                          (self.tr("已办结"), "closed"), (self.tr("全部"), "all")):
            self.view.addItem(text, key)
        self.filter = QLineEdit(objectName="tickets.filter")
        self.filter.setPlaceholderText(self.tr("工单编号、诉求人、地址、分类或内容"))
        self.filter.setClearButtonEnabled(True)
        self.count = QLabel(objectName="tickets.count")
        self.new_button = push_button(self.tr("新建诉求…"), "tickets.new", primary=True)
        show_for(session, self.new_button, Permission.REQUEST_HANDLE)
        self.import_button = push_button(self.tr("导入12345工单…"), "tickets.import")
        show_for(session, self.import_button, Permission.IMPORT)
        top = QHBoxLayout()
        top.addWidget(self.view)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        top.addWidget(self.import_button)
        top.addWidget(self.new_button)
        self.model = self._model()
        self.table = QTableView(objectName="tickets.table")
        self.table.setModel(self.model)
        read_only_rows(self.table, Selection.SingleSelection)
        column_widths(self.table, (124, 48, 126, 58, 150, 64, 58, 82, 100))
        self.detail = TicketDetail(session, self)
        split = QSplitter(Qt.Orientation.Horizontal, objectName="tickets.split")
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        self.detail.setMinimumWidth(330)
        self.detail.setMaximumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.view.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter.textChanged.connect(lambda _t: self.refresh())
        self.new_button.clicked.connect(self._on_new)
        self.import_button.clicked.connect(self._on_import)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        self._shown = WhenShown(self, signals, WATCHED, self.refresh)
        self._load = PageLoad(self, session, _listing, self._on_rows)
        self.empty_hint = EmptyHint(self.table, self._empty_text, lambda: self.loading)

    def _empty_text(self) -> str:
        if self.filter.text().strip() or self.view.currentData() != "open":
            return self.tr("这里没有诉求。清空查找框，或在左上角换一个列表看看。")
        parts = [self.tr("没有未办结的诉求。")]
        if self.session.can(Permission.REQUEST_HANDLE):
            parts.append(self.tr("居民来电、来访的诉求点“新建诉求…”登记。"))
        else:
            parts.append(self.tr("诉求由社区工作者登记和派单。"))
        if self.session.can(Permission.IMPORT):
            parts.append(self.tr("12345派来的工单点“导入12345工单…”。"))
        return "".join(parts)

    def _model(self) -> TicketsModel:
        red, red_text = QBrush(URGENT), QBrush(URGENT_TEXT)
        risk_mark = self.tr("风险")

        def urgent(row: dict[str, Any]) -> bool:
            return bool(row.get("late") or row.get("urgent"))

        return TicketsModel([
            Field(self.tr("工单编号"), lambda r: r["ticket_no"] or ""),
            Field(self.tr("来源"), lambda r: r["source"]),
            Field(self.tr("来电时间"), lambda r: minute_text(r["received_at"]),
                  lambda r: r["received_at"]),
            Field(self.tr("诉求人"), lambda r: r.get("caller_name") or ""),
            Field(self.tr("问题分类"), lambda r: r.get("category") or "", tooltip=True),
            Field(self.tr("诉求类型"), lambda r: r.get("request_type") or ""),
            Field(self.tr("状态"), lambda r: r["status"]),
            Field(self.tr("剩余时间"), countdown, lambda r: r.get("minutes_left") or 0),
            Field(self.tr("承办人/队伍"), handler_text),
            Field(self.tr("风险"), lambda r: risk_mark if risk_list(r) else ""),
        ], self, background=lambda r: red if urgent(r) else None,
            foreground=lambda r, c: red_text if urgent(r) and c in (COUNTDOWN_COLUMN, RISK_COLUMN) else None)

    # -- loading -----------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """A list asked of the runner has not come back yet."""
        return self._load.loading

    def set_view(self, key: str) -> None:
        self.view.setCurrentIndex(self.view.findData(key))

    def refresh(self) -> None:
        self._load.ask(self.view.currentData(), self.filter.text().strip())
        self.empty_hint.update()        # hidden while asking: an old "none" is not the answer

    def _on_rows(self, rows: list[dict[str, Any]]) -> None:
        chosen = self.detail.ticket["id"] if self.detail.ticket else None
        self.rows = rows
        self.model.set_rows(rows)
        self.count.setText(self.tr("共 %1 件").replace("%1", str(len(rows))))
        ids = [row["id"] for row in rows]
        if chosen in ids:
            self.table.selectRow(ids.index(chosen))
        elif chosen is not None:
            self.detail.show_ticket(chosen)     # left this view (closed, say): still shown

    def select_ticket(self, ticket_id: int) -> None:
        ids = [row["id"] for row in self.rows]
        if ticket_id in ids:
            self.table.selectRow(ids.index(ticket_id))

    def _on_selected(self) -> None:
        chosen = self.table.selectionModel().selectedRows()
        if chosen and chosen[0].row() < len(self.rows):
            self.detail.show_ticket(self.rows[chosen[0].row()]["id"])

    def _on_new(self) -> None:
        self.dialog = NewRequestDialog(self.session, self)
        self.dialog.accepted.connect(lambda: self._after_new(self.dialog))
        self.dialog.open()

    def _on_import(self) -> None:
        """The month's export from the 12345 system: new tickets in, saved ones updated; the
        list follows through the change notice once the import is saved."""
        # the ledger import's readers and checks load at the first 导入, not with the page
        from ..dialogs.request_import import RequestImportDialog

        self.dialog = RequestImportDialog(self.session, runner, self)
        self.dialog.setModal(True)
        self.dialog.open()

    def _after_new(self, dialog: NewRequestDialog) -> None:
        self.detail.show_ticket(dialog.saved)



def _listing(session: Session, view: str, text: str) -> list[dict[str, Any]]:
    return tickets.list_tickets(session, view=view, text=text)


class TicketsModel(ListTableModel):
    """The tickets; the 风险 cell's tooltip lists the reasons."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == RISK_COLUMN
                and index.row() < self.rowCount()):
            return "\n".join(risk_list(self.row(index.row()))) or None
        return super().data(index, role)
