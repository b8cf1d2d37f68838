"""服务记录: the records, filtered by volunteer, team, service type, month and status, with
their total hours; verify-and-lock in bulk, add, edit, delete, amend; certificates, the
monthly report and the filtered list as a PDF. Two more tabs show each volunteer's hours
and star level, and the certificate register (``record_panels``).

The table pages in SQL through ``services.hours.record_queries``, off the GUI thread (the
model's query worker), and the totals are summed on the background runner (:mod:`..page_load`):
on a street's 325,000 records each is a scan the window must not wait for. Every change goes
through ``services.hours.records`` (which refuses locked records whatever the window shows).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...reports.printing import PrintCancelled
from ...reports.record_list import content_text, status_text, time_span, write_record_list_pdf
from ...services.hours import record_queries, records
from ...services.hours.certificates import format_hours
from ...services.hours.records import RecordError
from ...services.permissions import Permission, PermissionDenied
from ...services.session import Session
from ..dialogs.print_dialogs import CertificateDialog, MonthlyDialog, recent_months
from ..dialogs.record_dialog import RecordDialog
from ..empty_hint import EmptyHint
from ..forms import push_button
from ..lazy_tabs import LazyTabs
from ..page_load import PageLoad
from ..paged_model import Column, Job, PagedTableModel
from ..runner import Progress, progress_dialog, run
from ..signals import DataSignals
from ..tables import sorted_table

if TYPE_CHECKING:
    from .record_panels import RegisterPanel, StandingsPanel

WATCHED = frozenset({"service_records", "volunteers", "teams", "service_types"})


class RecordsModel(PagedTableModel):
    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent, worker_session=session)
        self.session = session
        self.query = record_queries.RecordQuery()
        self.sort_key, self.descending = "date", True
        self.columns = (
            Column("date", self.tr("日期"), width=92),
            Column("time", self.tr("时间"), display=time_span, width=92),
            Column("volunteer", self.tr("志愿者"), display=lambda r: r["volunteer_name"], width=80),
            Column("team", self.tr("队伍"), display=lambda r: r["team_name"] or "", width=140),
            Column("type", self.tr("服务类别"), display=lambda r: r["service_type"] or "", width=110),
            Column("hours", self.tr("时长"), display=lambda r: format_hours(r["hours"]),
                   align_right=True, width=50),
            # wide enough for "已记录·1.5小时不计星", a staff record partly in office hours
            Column("status", self.tr("状态"), display=status_text, width=150),
            Column("source", self.tr("来源"), width=50),
            Column("beneficiary", self.tr("服务对象"), width=80),
            Column("content", self.tr("服务内容"), display=content_text, width=220),
        )

    def _sorted(self) -> record_queries.RecordQuery:
        return replace(self.query, sort=self.sort_key, descending=self.descending)

    def _job(self, offset: int, limit: int, with_total: bool) -> Job:
        sorted_query, query = self._sorted(), self.query      # by value: the job runs later

        def run(session: Session) -> tuple[list[dict[str, Any]], int | None]:
            rows = record_queries.page(session, sorted_query, offset, limit)
            if not with_total:
                return rows, None
            # A short first page is the whole answer: no need to count.
            return rows, (len(rows) if len(rows) < limit else record_queries.count(session, query))
        return run


class RecordsPage(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.dialog: QWidget | None = None          # the dialog opened last (tests drive it)
        self.model = RecordsModel(session, self)
        # The volunteers of the rows the user chose: kept across a reload after a change (a
        # verification), even when the verified rows leave a 已记录 filter, so that 打印证明
        # opens with the people just verified.
        self.chosen_volunteers: list[int] = []
        self._reloading = False
        self._keep: set[int] | None = None      # records to select again once a reload is in
        self._totals = PageLoad(self, session, record_queries.totals, self._on_totals)
        self._build()
        self.model.reload()
        self._show_totals()
        self._update_buttons()
        signals.changed.connect(self._on_data_changed)

    # -- building ----------------------------------------------------------------------------
    def _empty_text(self) -> str:
        if self.filter.text() or any(combo.currentIndex() > 0 for combo in (
                self.team, self.service_type, self.month, self.status)):
            return self.tr("没有符合条件的服务记录。清空查找框，或把筛选改回“全部”试试。")
        text = self.tr("还没有服务记录。志愿者在“任务与排班”里签到、签退后，记录会自动出现在这里。")
        if self.session.holds(Permission.RECORD_WRITE):
            text += self.tr("没有排班的服务，点“新增记录”补登。")
        return text

    def _build(self) -> None:
        heading = QLabel(self.tr("服务记录"))
        heading.setProperty("role", "page-title")
        lookups = record_queries.filter_lists(self.session)     # a few teams and types
        self.filter = QLineEdit(objectName="records.filter")
        self.filter.setPlaceholderText(self.tr("志愿者：姓名、拼音首字母或编号"))
        self.filter.setClearButtonEnabled(True)
        self.team = self._combo("records.team", self.tr("全部队伍"),
                                [(t["name"], t["id"]) for t in lookups["teams"]])
        self.service_type = self._combo("records.type", self.tr("全部类别"),
                                        [(t["name"], t["id"]) for t in lookups["service_types"]])
        self.month = self._combo("records.month", self.tr("全部月份"),
                                 [(m, m) for m in recent_months(self.session.today(), 36)])
        self.status = self._combo("records.status", self.tr("全部状态"),
                                  [(s, s) for s in record_queries.STATUSES])
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 2)
        for combo in (self.team, self.service_type, self.month, self.status):
            filters.addWidget(combo, 1)

        self.table = sorted_table("records.table", self.model, [c.width for c in self.model.columns])
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)

        self.totals = QLabel(objectName="records.totals")
        self.totals.setProperty("role", "hint")
        self.message = QLabel(objectName="records.message")
        self.message.setProperty("role", "hint")
        self.message.setWordWrap(True)

        self.add_button = push_button(self.tr("新增记录"), "records.add", primary=True)
        self.edit_button = push_button(self.tr("修改"), "records.edit")
        self.delete_button = push_button(self.tr("删除"), "records.delete")
        self.verify_button = push_button(self.tr("核实并锁定"), "records.verify", primary=True)
        self.amend_button = push_button(self.tr("更正"), "records.amend")
        self.certificate_button = push_button(self.tr("打印证明"), "records.certificate")
        self.monthly_button = push_button(self.tr("月度报表"), "records.monthly")
        self.export_button = push_button(self.tr("导出PDF"), "records.export_pdf")
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        actions.addSpacing(24)
        for button in (self.verify_button, self.amend_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.certificate_button, self.monthly_button, self.export_button):
            actions.addWidget(button)

        self.empty_hint = EmptyHint(self.table, self._empty_text)

        records_tab = QWidget(objectName="records.records_tab")
        inner = QVBoxLayout(records_tab)
        inner.setContentsMargins(0, 8, 0, 0)
        inner.addLayout(filters)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.totals)
        inner.addLayout(actions)
        inner.addWidget(self.message)
        self.tabs = QTabWidget(objectName="records.tabs")
        self.tabs.addTab(records_tab, self.tr("服务记录"))
        # the two panels (their models, query threads and first queries) wait to be chosen
        self._lazy = LazyTabs(self.tabs)
        teams = lookups["teams"]
        self._lazy.add("standings", self.tr("时长与星级"), lambda: _standings(self.session, teams))
        if self.session.can(Permission.REPORT_PRINT):
            self._lazy.add("register", self.tr("证明登记簿"), lambda: _register(self.session))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)

        can = self.session.can
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(self.session.holds(Permission.RECORD_WRITE))
        for button in (self.verify_button, self.amend_button):
            button.setVisible(can(Permission.RECORD_VERIFY))
        for button in (self.certificate_button, self.monthly_button, self.export_button):
            button.setVisible(can(Permission.REPORT_PRINT))

        self.filter.textChanged.connect(lambda text: self._set(text=text))
        self.team.currentIndexChanged.connect(lambda _i: self._set(team_id=self.team.currentData()))
        self.service_type.currentIndexChanged.connect(
            lambda _i: self._set(service_type_id=self.service_type.currentData()))
        self.month.currentIndexChanged.connect(lambda _i: self._set(month=self.month.currentData() or ""))
        self.status.currentIndexChanged.connect(lambda _i: self._set(status=self.status.currentData() or ""))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self.model.modelReset.connect(self._update_buttons)
        self.model.modelReset.connect(self._select_kept)
        self.table.doubleClicked.connect(lambda _index: self._on_edit())
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button.clicked.connect(self._on_delete)
        self.verify_button.clicked.connect(self.verify_selected)
        self.amend_button.clicked.connect(self._on_amend)
        self.certificate_button.clicked.connect(self._on_certificate)
        self.monthly_button.clicked.connect(self._on_monthly)
        self.export_button.clicked.connect(self._on_export)

    @staticmethod
    def _combo(name: str, everything: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    # -- state -------------------------------------------------------------------------------
    def _set(self, **changes: Any) -> None:
        self.chosen_volunteers = []           # another list: the earlier choice is gone with it
        self._keep = None
        self.model.set_query(**changes)
        self._show_totals()

    @property
    def loading(self) -> bool:
        """The rows or the totals of the current filters have not come back yet."""
        return self.model.loading or self._totals.loading

    def _show_totals(self) -> None:
        """Ask for the totals of the current filters (summed on the background runner)."""
        self._totals.ask(self.model.query)

    def _on_totals(self, totals: record_queries.Totals) -> None:
        self.totals.setText(self.tr("共 {0} 条记录，合计 {1} 小时，其中已核实 {2} 小时"
                                    "（已更正的原记录不计）").format(
            totals.records, format_hours(totals.hours), format_hours(totals.verified_hours)))

    def selected(self) -> list[dict[str, Any]]:
        return [self.model.row_data(i.row()) for i in self.table.selectionModel().selectedRows()]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        one = len(chosen) == 1
        editable = one and chosen[0]["status"] == records.EDITABLE
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        self.amend_button.setEnabled(one and chosen[0]["status"] in records.VERIFIED)
        self.verify_button.setEnabled(any(r["status"] == records.EDITABLE for r in chosen))
        locked = one and not editable
        tip = self.tr("已核实锁定的记录不能修改或删除，请用“更正”") if locked else ""
        self.edit_button.setToolTip(tip)
        self.delete_button.setToolTip(tip)

    def _on_selection(self) -> None:
        if not self._reloading:
            self.chosen_volunteers = sorted({r["volunteer_id"] for r in self.selected()})
        self._update_buttons()

    def _reload_keeping_selection(self) -> None:
        """Reload after a change and select again the rows that are still listed, once the
        new rows are in (``_select_kept``, on the model's reset)."""
        self._keep = {r["id"] for r in self.selected()}
        self.model.reload()

    def _select_kept(self) -> None:
        ids, self._keep = self._keep, None
        if not ids:
            return
        self._reloading = True
        try:
            selection = self.table.selectionModel()
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            for record_id in ids:
                row = self.model.row_of(record_id)
                if row is not None:
                    selection.select(self.model.index(row, 0), flags)
        finally:
            self._reloading = False
        self._update_buttons()

    @property
    def standings(self) -> StandingsPanel:
        return self._lazy.widget("standings")

    @property
    def register(self) -> RegisterPanel | None:
        """证明登记簿, for those who may print certificates."""
        return self._lazy.widget("register") if self.session.can(Permission.REPORT_PRINT) else None

    def _register_built(self) -> bool:
        return self.session.can(Permission.REPORT_PRINT) and self._lazy.built("register")

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if tables & WATCHED:
            self._reload_keeping_selection()
            self._show_totals()
            if self._lazy.built("standings"):   # one not built yet loads when it is
                self.standings.mark_stale()
        if self._register_built() and tables & {"certificates", "volunteers"}:
            self.register.mark_stale()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # -- actions -----------------------------------------------------------------------------
    def verify_selected(self) -> int:
        ids = [r["id"] for r in self.selected() if r["status"] == records.EDITABLE]
        if not ids:
            self._say(self.tr("请先选择“已记录”状态的记录（可按住Ctrl或Shift多选）。"))
            return 0
        try:
            done = records.verify(self.session, ids)
        except PermissionDenied as error:
            self._say(str(error))
            return 0
        self._say(self.tr("已核实并锁定 {0} 条记录。锁定后不能修改或删除，如有错误请用“更正”。").format(done))
        return done

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.open()

    def _on_add(self) -> None:
        self._open(RecordDialog(self.session, parent=self))

    def _on_edit(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        if chosen[0]["status"] != records.EDITABLE:
            self._say(self.tr("这条记录状态为“{0}”，已核实锁定，不能修改或删除。如有错误，"
                              "请督导选中它点“更正”并写明原因，原记录会保留。").format(chosen[0]["status"]))
            return
        self._open(RecordDialog(self.session, chosen[0], parent=self))

    def _on_amend(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1 and chosen[0]["status"] in records.VERIFIED:
            self._open(RecordDialog(self.session, chosen[0], amend=True, parent=self))

    def _on_delete(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        record = chosen[0]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("删除服务记录"),
                          self.tr("删除 {0} 在 {1} 的这条记录（{2} 小时）？").format(
                              record["volunteer_name"], record["date"], format_hours(record["hours"])),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("records.confirm_delete")
        box.accepted.connect(lambda: self.delete_record(record["id"]))
        self._open(box)

    def delete_record(self, record_id: int) -> None:
        try:
            records.delete(self.session, record_id)
        except (RecordError, PermissionDenied) as error:
            self._say(str(error))

    def _on_certificate(self) -> None:
        ids = sorted({r["volunteer_id"] for r in self.selected()}) or self.chosen_volunteers
        dialog = CertificateDialog(self.session, ids, parent=self)
        if self._register_built():
            dialog.registered.connect(self.register.mark_stale)
        self._open(dialog)

    def _on_monthly(self) -> None:
        self._open(MonthlyDialog(self.session, self.team.currentData(), parent=self))

    def _filters_text(self) -> str:
        text = "，".join(c.currentText() for c in (self.team, self.service_type, self.month, self.status))
        if self.filter.text().strip():
            text = self.tr("志愿者“{0}”，").format(self.filter.text().strip()) + text
        return text

    def _on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出为PDF"), "服务记录.pdf",
                                              self.tr("PDF文件 (*.pdf)"))
        if path:
            asyncio.ensure_future(self.export_pdf(path))

    async def export_pdf(self, path: Path | str) -> Path | None:
        """The filtered records as a PDF list, written in a worker thread on its own connection."""
        self.export_button.setEnabled(False)
        self._say(self.tr("正在导出，请稍候……"))
        progress = progress_dialog(self, self.tr("正在导出服务记录……"))
        args = (self.model._sorted(), Path(path), self._filters_text())
        try:
            # writing: an export of personal data may leave its audit entry
            saved, written, matching = await run(_export_list, *args, session=self.session,
                                                 writes=True, progress=progress)
        except PrintCancelled:
            self._say(self.tr("已取消导出，没有生成文件。"))
            return None
        except OSError as error:
            self._say(self.tr("无法写入 {0}：{1}。请换一个文件夹。").format(path, error.strerror or error))
            return None
        finally:
            progress.close()
            progress.deleteLater()
            self.export_button.setEnabled(True)
        note = "" if written == matching else self.tr("（共 {0} 条，只导出前 {1} 条）").format(matching, written)
        self._say(self.tr("已导出 {0} 条记录：{1}").format(written, saved) + note)
        return saved


def _export_list(session: Session, query: record_queries.RecordQuery, path: Path, filters: str,
                 progress: Progress) -> tuple[Path, int, int]:
    return write_record_list_pdf(session, query, path, filters, on_page=progress)


def _standings(session: Session, teams: list[dict[str, Any]]) -> StandingsPanel:
    from .record_panels import StandingsPanel

    return StandingsPanel(session, teams)


def _register(session: Session) -> RegisterPanel:
    from .record_panels import RegisterPanel

    return RegisterPanel(session)
