"""操作日志: every change, login and viewing of full numbers; filter and export.

A street's log holds some 150,000 entries: the list pages on its model's query worker and the
filter choices (three DISTINCT scans) come from the background runner (:mod:`..page_load`),
so the page opens without waiting for either.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.admin import audit_log
from ...services.admin.audit_log import AuditQuery
from ...services.ledger.ledger_files import LedgerFileError
from ...services.session import Session
from ..page_load import PageLoad
from ..paged_model import Column, Job, PagedTableModel
from ..signals import DataSignals

NO_DATE = QDate(2000, 1, 1)


class AuditModel(PagedTableModel):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent, worker_session=session)
        self.session = session
        self.columns = (
            Column("id", self.tr("编号"), width=60, align_right=True),
            Column("at", self.tr("时间"), lambda row: row["at"].replace("T", " "), width=150),
            Column("user_name", self.tr("用户"), width=110),
            Column("action", self.tr("操作"), width=100),
            Column("entity_name", self.tr("对象"), width=80),
            Column("entity_id", self.tr("对象编号"), width=70, align_right=True),
            Column("detail", self.tr("说明"), width=320),
        )
        self.query = AuditQuery()

    def _job(self, offset: int, limit: int, with_total: bool) -> Job:
        query = self.query                      # by value: the job runs later

        def run(session: Session):
            rows = audit_log.page(session, query, offset, limit)
            if not with_total:
                return rows, None
            return rows, (len(rows) if len(rows) < limit else audit_log.count(session, query))
        return run


class AuditPage(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        heading = QLabel(self.tr("操作日志"))
        heading.setProperty("role", "page-title")
        self.user = QComboBox(objectName="audit.user")
        self.action = QComboBox(objectName="audit.action")
        self.entity = QComboBox(objectName="audit.entity")
        self.date_from = self._date_edit("audit.date_from")
        self.date_to = self._date_edit("audit.date_to")
        self.text = QLineEdit(objectName="audit.text")
        self.text.setPlaceholderText(self.tr("搜索说明和修改内容"))
        self.export_button = QPushButton(self.tr("导出…"), objectName="audit.export")
        self.count_label = QLabel(objectName="audit.count")
        filters = QHBoxLayout()
        for label, widget in ((self.tr("用户"), self.user), (self.tr("操作"), self.action),
                              (self.tr("对象"), self.entity), (self.tr("从"), self.date_from),
                              (self.tr("到"), self.date_to)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.export_button)

        self.model = AuditModel(session, self)
        self.table = QTableView(objectName="audit.table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setVisible(False)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
        self.table.horizontalHeader().setSectionResizeMode(len(self.model.columns) - 1,
                                                           QHeaderView.ResizeMode.Stretch)
        self.detail = QPlainTextEdit(objectName="audit.detail", readOnly=True)
        self.detail.setPlaceholderText(self.tr("选中一条日志，这里显示修改前后的内容（证件号和电话已打码）"))
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([800, 300])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)

        self._choices = PageLoad(self, session, audit_log.choices, self._fill_choices)
        self._choices.ask()
        self.model.modelReset.connect(self._show_count)
        for combo in (self.user, self.action, self.entity):
            combo.currentIndexChanged.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self.text.textChanged.connect(self.refresh)
        self.export_button.clicked.connect(self._on_export)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        signals.changed.connect(self._on_data_changed)
        self.refresh()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name, calendarPopup=True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("不限"))
        edit.setDate(NO_DATE)
        return edit

    @property
    def loading(self) -> bool:
        """The entries or the filter choices have not come back yet."""
        return self.model.loading or self._choices.loading

    def _fill_choices(self, found: dict[str, list[str]]) -> None:
        for combo, key in ((self.user, "user_name"), (self.action, "action"), (self.entity, "entity")):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("全部"), "")
            for value in found[key]:
                label = audit_log.ENTITY_NAMES.get(value, value) if key == "entity" else value
                combo.addItem(label, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def current_query(self) -> AuditQuery:
        def day(edit: QDateEdit) -> str:
            return "" if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")

        return AuditQuery(user_name=self.user.currentData() or "", action=self.action.currentData() or "",
                          entity=self.entity.currentData() or "", date_from=day(self.date_from),
                          date_to=day(self.date_to), text=self.text.text())

    def refresh(self) -> None:
        self.model.query = self.current_query()
        self.model.reload()
        self.detail.clear()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("共 {0} 条").format(self.model.total))

    def _on_row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        row = self.model.row_data(current.row())
        self.detail.setPlainText(f"{row['at']}  {row['user_name']}  {row['action']}\n"
                                 f"{row['detail']}\n\n{row['changes']}")

    def _on_data_changed(self, _tables: frozenset[str]) -> None:
        self._choices.ask()
        self.refresh()

    def _on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出操作日志"), self.tr("操作日志") + ".xlsx",
                                              self.tr("Excel 文件 (*.xlsx);;CSV 文件 (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> int:
        try:
            written = audit_log.export(self.session, self.current_query(), path)
        except (ValueError, OSError, LedgerFileError) as error:
            QMessageBox.warning(self, self.tr("导出失败"), str(error))
            return 0
        self.count_label.setText(self.tr("已导出 {0} 条到 {1}").format(written, path))
        return written
