"""逾期与未覆盖: the residents who need a visit now, whoever covers them.

Rows of :func:`services.care.visit_list.late_list` (or the whole visit list): paired residents,
staff-covered ones (包户) and the uncovered high- and priority-tier residents, each late by
their own tier's cadence. 登记探访 logs a visit through the pair (a captain only for own-team
helpers) or through the 包户人 (staff only); an uncovered resident needs a 包户人 or a
helper first: 指定为包户人 gives several selected residents one at once (or the 居民 dialog
one at a time), 匹配 a helper.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.care import coverage, visit_list
from ...services.care.coverage import UNCOVERED
from ...services.permissions import Permission, PermissionDenied
from ...services.session import Session
from ..dialogs.visit_dialog import VisitDialog
from ..list_model import Field, ListTableModel
from ..page_load import PageLoad, WhenShown
from ..permissions import enable_for
from ..signals import DataSignals
from ..tables import column_widths, read_only_rows

LATE = QColor("#fde2e1")
LATE_TEXT = QColor("#b3261e")
STATUS_COLUMN = 7
WATCHED = frozenset({"pairings", "visits", "residents", "volunteers", "settings", "team_members"})


class CoverageTab(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.rows: list[dict[str, Any]] = []
        self.dialog: VisitDialog | None = None
        self.only_late = QCheckBox(self.tr("只看逾期和未覆盖"), objectName="coverage.only_late")
        self.only_late.setChecked(True)
        self.log_button = QPushButton(self.tr("登记探访…"), objectName="coverage.log_visit")
        self.count = QLabel(objectName="coverage.count")
        # the bulk way: several selected residents given one 包户人 at once
        self.staff = QComboBox(objectName="coverage.staff")
        for staff in coverage.staff_members(session):
            self.staff.addItem(staff["name"], staff["id"])
        self.assign_button = QPushButton(self.tr("指定为包户人"), objectName="coverage.assign")
        self.model = self._model()
        self.table = QTableView(objectName="coverage.table")
        self.table.setModel(self.model)
        read_only_rows(self.table)
        column_widths(self.table, (100, 75, 70, 100, 75, 90, 90, 80))
        self.message = QLabel(objectName="coverage.message")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        for widget in (self.log_button, self.staff, self.assign_button, self.only_late, self.count):
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.only_late.toggled.connect(lambda _on: self.refresh())
        self.log_button.clicked.connect(self._on_log_visit)
        self.assign_button.clicked.connect(self._on_assign)
        for widget in (self.staff, self.assign_button):
            enable_for(session, widget, Permission.RESIDENT_WRITE)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self._shown = WhenShown(self, signals, WATCHED, self.refresh)
        # The list is built, on the background runner, when the tab is first shown and again
        # on a change only while it is shown: a whole street (26,000 covered residents)
        # takes about 0.6 s.
        self._load = PageLoad(self, session, _listing, self._on_rows)

    def _model(self) -> ListTableModel:
        every, never, late = self.tr("每%1天"), self.tr("尚未探访"), self.tr("逾期%1天")
        on_time, uncovered = self.tr("按时"), self.tr("未覆盖")
        words = {"结对": self.tr("结对"), "包户": self.tr("包户"), "未覆盖": uncovered}
        late_brush, late_text = QBrush(LATE), QBrush(LATE_TEXT)

        def status(row: dict[str, Any]) -> str:
            if row["coverage"] == UNCOVERED:
                return uncovered
            return late.replace("%1", str(row["days_late"])) if row["days_late"] else on_time

        def urgent(row: dict[str, Any]) -> bool:
            return row["coverage"] == UNCOVERED or row["days_late"] > 0

        return ListTableModel([
            Field(self.tr("居民"), lambda r: r["resident_name"]),
            Field(self.tr("风险等级"), lambda r: r["risk_level"]),
            Field(self.tr("覆盖"), lambda r: words[r["coverage"]]),
            Field(self.tr("帮手/包户人"), lambda r: r["visitor"] or ""),
            Field(self.tr("探访间隔"), lambda r: every.replace("%1", str(r["every_days"])),
                  lambda r: r["every_days"]),
            Field(self.tr("上次探访"), lambda r: r["last_visit"] or never),
            Field(self.tr("应探访日期"), lambda r: r["due_on"] or ""),
            Field(self.tr("状态"), status, lambda r: r["days_late"]),
        ], self, background=lambda r: late_brush if urgent(r) else None,
            foreground=lambda r, c: late_text if urgent(r) and c == STATUS_COLUMN else None)

    @property
    def loading(self) -> bool:
        """A list asked of the runner has not come back yet."""
        return self._load.loading

    def refresh(self) -> None:
        """Ask for the list on the one background runner (about 0.6 s on a whole street);
        only the newest answer is shown."""
        self._load.ask(self.only_late.isChecked())

    def _on_rows(self, rows: list[dict[str, Any]]) -> None:
        chosen = self._chosen()
        self.rows = rows
        self.model.set_rows(self.rows)
        self.count.setText(self.tr("共 %1 位").replace("%1", str(len(self.rows))))
        ids = [row["id"] for row in self.rows]
        if chosen is not None and chosen["id"] in ids:
            self.table.selectRow(ids.index(chosen["id"]))
        self._update_button()

    def _chosen(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select_resident(self, resident_id: int) -> None:
        ids = [row["id"] for row in self.rows]
        if resident_id in ids:
            self.table.selectRow(ids.index(resident_id))

    def _update_button(self) -> None:
        """A captain logs visits of own-team pairs only; staff those of 包户 residents too."""
        if not enable_for(self.session, self.log_button, Permission.VISIT_LOG):
            return
        row = self._chosen()
        allowed = row is None or visit_list.may_log_visit(self.session, row)
        self.log_button.setEnabled(allowed)
        if row is not None and row["coverage"] == UNCOVERED:
            tip = self.tr("这位居民还没有结对帮手或包户人：请先在“居民”里指定包户人。")
        elif not allowed:
            tip = self.tr("队长只能为自己队员的结对登记探访；包户居民由社区工作者登记。")
        else:
            tip = ""
        self.log_button.setToolTip(tip)

    def _on_log_visit(self) -> VisitDialog | None:
        row = self._chosen()
        if row is None:
            self.message.setText(self.tr("请先选中一位居民。"))
            return None
        self.dialog = VisitDialog(self.session, row, self)
        self.dialog.open()
        return self.dialog

    def _on_assign(self) -> None:
        chosen = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.rows[i]["id"] for i in chosen if i < len(self.rows)]
        if not ids or self.staff.currentData() is None:
            self.message.setText(self.tr("请先选中居民（按住Ctrl可多选），再选一位社区工作者。"))
            return
        try:
            changed = coverage.assign(self.session, ids, self.staff.currentData())
        except (coverage.CoverageError, PermissionDenied) as error:
            self.message.setText(str(error))
            return
        self.message.setText(self.tr("已为 %1 位居民指定包户人%2。").replace("%1", str(changed))
                             .replace("%2", self.staff.currentText()))



def _listing(session: Session, late_only: bool) -> list[dict[str, Any]]:
    """On the runner's worker session: the late list, or everyone covered."""
    return (visit_list.late_list if late_only else visit_list.visit_list)(session)
