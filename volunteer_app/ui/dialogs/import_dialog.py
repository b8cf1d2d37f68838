"""导入台账: choose a file, check the column mapping, see every row with its status and the
reason beside the wrong cell, choose skip or update for duplicates, import.

Reading, checking and saving run off the GUI thread (:mod:`..runner` jobs), each worker on
its own session; a progress dialog can cancel, and a cancelled import changes nothing
because the service rolls its one transaction back. The tables the import wrote are
announced by the runner, so the window's pages reload.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...paths import resource
from ...services.admin import settings
from ...services.ledger import (
    import_apply,
    import_cells,
    import_check,
    import_header,
    import_rows,
    rejected_rows,
)
from ...services.ledger.ledger_files import LedgerFileError, Table
from ...services.permissions import PermissionDenied
from ...services.session import Session
from ...store.errors import StoreError
from .. import runner
from ..screen_fit import fit_to_screen

NAME = "import_dialog"
ERROR_BRUSH = QBrush(QColor("#f8d0d0"))
WARNING_BRUSH = QBrush(QColor("#fbeec0"))
DUPLICATE_BRUSH = QBrush(QColor("#dde7f5"))
_Index = QModelIndex | QPersistentModelIndex


def _text(value: Any) -> str:
    return import_cells._text(value)  # the importer's own reading of a cell


FIRST = 3  # 行号, 状态, 原因, then the file's own columns
# import_rows.RowCheck.status, shown through PreviewModel.tr
ROW_STATES = (QT_TRANSLATE_NOOP("PreviewModel", "有错误"), QT_TRANSLATE_NOOP("PreviewModel", "重复"),
              QT_TRANSLATE_NOOP("PreviewModel", "有提醒"), QT_TRANSLATE_NOOP("PreviewModel", "可导入"))


class PreviewModel(QAbstractTableModel):
    """Every checked row: 行号, 状态, the reasons, then the file's own columns (a wrong cell
    coloured, its reason in the tooltip)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview: import_rows.Preview | None = None
        self._headers: list[str] = []

    def set_preview(self, preview: import_rows.Preview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self._headers = list(preview.mapping.headers) if preview else []
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.preview is None else len(self.preview.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.preview is None else len(self._headers) + FIRST

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("行号")
        if section == 1:
            return self.tr("状态")
        if section == 2:
            return self.tr("原因")
        return self._headers[section - FIRST] or self.tr("第%1列").replace("%1", str(section - FIRST + 1))

    def _field(self, column: int) -> str | None:
        columns = self.preview.mapping.columns
        index = column - FIRST
        return columns[index] if 0 <= index < len(columns) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.preview is None:
            return None
        row = self.preview.rows[index.row()]
        column = index.column()
        last = 2
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.number
            if column == 1:
                return self.tr(row.status)      # one of ROW_STATES
            if column == last:
                return self._reasons(row)
            cells, at = row.cells, column - FIRST
            if at >= len(cells):
                return ""
            return import_cells._id_text(cells[at]) if self._field(column) == "id_number" \
                else _text(cells[at])
        key = self._field(column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == 1:
                return {"有错误": ERROR_BRUSH, "重复": DUPLICATE_BRUSH,
                        "有提醒": WARNING_BRUSH}.get(row.status)
            if key and key in row.errors:
                return ERROR_BRUSH
            if key and key in row.warnings:
                return WARNING_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            if key and key in row.errors:
                return row.errors[key]
            if key and key in row.warnings:
                return row.warnings[key]
            if column in (1, last):
                return self._reasons(row) or None
        return None

    def _reasons(self, row: import_rows.RowCheck) -> str:
        labels = self.preview.labels
        parts = [f"{labels.get(k, k)}：{m}" for k, m in row.errors.items()]
        parts += [f"{labels.get(k, k)}：{m}" for k, m in row.warnings.items()]
        if not row.errors and row.is_duplicate:
            parts.insert(0, row.duplicate_text())
        return "；".join(parts)


class ImportDialog(QDialog):
    """The import window for ``kind`` ("residents" or "volunteers")."""

    progressed = Signal(int, int)           # rows done, rows in all
    finished_work = Signal(str)             # checked, imported, cancelled, failed

    def __init__(self, session: Session, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.kind = session, kind
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("导入%s台账") % import_rows.KINDS[kind])
        fit_to_screen(self, 1100, 700)
        self.table: Table | None = None
        self.preview: import_rows.Preview | None = None
        self.summary: import_rows.Summary | None = None
        self.outcome = ""
        self._cancel = threading.Event()
        self._job: runner.Job | None = None     # the step running now, waited for at close
        self._runner = runner                   # the one background runner (a subclass may name it)
        self._busy = False
        self._fields = import_header.mappable_fields(session, kind)
        import_check.warm_up()
        self._progress: QProgressDialog | None = None
        self.progressed.connect(self._on_progress)
        self._build()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.file_edit = QLineEdit(objectName=f"{NAME}.file", readOnly=True)
        self.file_edit.setPlaceholderText(self.tr("请选择 .xlsx 或 .csv 台账文件"))
        choose = QPushButton(self.tr("选择文件…"), objectName=f"{NAME}.choose")
        choose.clicked.connect(self._on_choose)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("文件：")))
        top.addWidget(self.file_edit, 1)
        top.addWidget(choose)

        self.mapping = QTableWidget(0, 2, objectName=f"{NAME}.mapping")
        self.mapping.setHorizontalHeaderLabels([self.tr("文件中的列"), self.tr("导入为")])
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().setVisible(False)

        self.model = PreviewModel(self)
        self.view = QTableView(objectName=f"{NAME}.preview")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setWordWrap(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.mapping)
        split.addWidget(self.view)
        split.setSizes([300, 800])

        self.summary_label = QLabel(objectName=f"{NAME}.summary")
        self.summary_label.setWordWrap(True)
        self.duplicates = QComboBox(objectName=f"{NAME}.duplicates")
        self.duplicates.addItem(self.tr("重复的人员：跳过"), import_rows.SKIP)
        self.duplicates.addItem(self.tr("重复的人员：用文件中的信息更新"), import_rows.UPDATE)
        self.save_button = QPushButton(self.tr("保存未导入的行…"), objectName=f"{NAME}.save_rejected")
        self.save_button.clicked.connect(self._on_save_rejected)
        self.import_button = QPushButton(self.tr("导入"), objectName=f"{NAME}.import")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(lambda: self._spawn(self.run_import()))
        close = QPushButton(self.tr("关闭"), objectName=f"{NAME}.close")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.duplicates)
        bottom.addStretch(1)
        for button in (self.save_button, self.import_button, close):
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary_label)
        layout.addLayout(bottom)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.preview is not None and not self._busy
        counts = self.preview.counts if ready else {}
        self.import_button.setEnabled(bool(counts.get("good") or counts.get("duplicates")))
        self.save_button.setEnabled(bool(counts.get("rejected")))

    # -- background work ------------------------------------------------------------------
    def _started(self, job: runner.Job) -> None:
        self._job = job

    def _spawn(self, coroutine) -> None:
        asyncio.ensure_future(coroutine).add_done_callback(_report_bug)

    def _report(self, loop: asyncio.AbstractEventLoop):
        """A progress callback for the worker thread: hands the numbers to the GUI thread."""
        def progress(done: int, total: int) -> None:
            loop.call_soon_threadsafe(self.progressed.emit, done, total)
        return progress

    def _progress_dialog(self, text: str) -> QProgressDialog:
        dialog = QProgressDialog(text, self.tr("取消"), 0, 100, self)
        dialog.setObjectName(f"{NAME}.progress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self._progress = dialog
        return dialog

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setValue(int(100 * done / total) if total else 100)

    def _end_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def cancel(self) -> None:
        self._cancel.set()

    async def open_file(self, path: str | Path) -> bool:
        """Read the file and check every row with the columns as detected."""
        self.file_edit.setText(str(path))
        try:
            self.table, mapping = await self._runner.run(_load, path, self.kind, settings.max_unpacked_bytes(self.session),
                                                   report=False,
                                                   started=self._started)
        except LedgerFileError as error:
            self.table = self.preview = None
            self.model.set_preview(None)
            self.summary_label.setText(str(error))
            self._update_buttons()
            QMessageBox.warning(self, self.tr("无法读取文件"), str(error))
            return False
        self._fill_mapping(mapping)
        # Let the window lay out and paint the new mapping before the worker starts: painting
        # calls back into Python many times, and each call would wait for the busy worker.
        await asyncio.sleep(0.05)
        return await self.recheck()

    def _fill_mapping(self, mapping: import_rows.Mapping) -> None:
        self._mapping = mapping
        self.mapping.setRowCount(len(mapping.headers))
        for index, header in enumerate(mapping.headers):
            item = QTableWidgetItem(header or self.tr("第%1列").replace("%1", str(index + 1)))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping.setItem(index, 0, item)
            combo = QComboBox(objectName=f"{NAME}.map.{index}")
            combo.addItem(self.tr("（不导入）"), None)
            for spec in self._fields:
                combo.addItem(spec.label, spec.key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns[index])))
            combo.currentIndexChanged.connect(lambda _i, c=index, box=combo: self._on_map(c, box))
            self.mapping.setCellWidget(index, 1, combo)

    def set_mapping(self, column: int, key: str | None) -> None:
        """Map a file column to a field, as choosing in its combo box does."""
        combo = self.mapping.cellWidget(column, 1)
        combo.setCurrentIndex(max(0, combo.findData(key)))

    def _on_map(self, column: int, combo: QComboBox) -> None:
        key = combo.currentData()
        columns = list(self._mapping.columns)
        if key is not None and key in columns and columns.index(key) != column:
            other = columns.index(key)
            columns[other] = None       # one column per field: the old one lets go
            box = self.mapping.cellWidget(other, 1)
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        columns[column] = key
        self._mapping = import_rows.Mapping(self._mapping.header_row, self._mapping.headers,
                                              columns)
        self._spawn(self.recheck())

    async def recheck(self) -> bool:
        if self.table is None or self._busy:
            return False
        self._busy = True
        self._update_buttons()
        self._cancel.clear()
        loop = asyncio.get_event_loop()
        check, args = self._check_step(self._report(loop))
        self._progress_dialog(self.tr("正在检查每一行…"))
        try:
            self.preview = await self._runner.run(check, *args, session=self.session, report=False,
                                                  started=self._started)
            self.outcome = "checked"
        except import_rows.ImportCancelled:
            self.preview, self.outcome = None, "cancelled"
        except StoreError as error:
            self.preview, self.outcome = None, "failed"
            QMessageBox.warning(self, self.tr("无法检查"), str(error))
        finally:
            self._end_progress()
            self._busy = False
        self.model.set_preview(self.preview)
        self.view.setColumnWidth(0, 48)
        self.view.setColumnWidth(1, 64)
        self.view.setColumnWidth(2, 360)   # the reasons; the full text is in the tooltip
        self._show_counts()
        self._update_buttons()
        self.finished_work.emit(self.outcome)
        return self.preview is not None

    def _show_counts(self) -> None:
        if self.preview is None:
            self.summary_label.setText(self.tr("检查已取消。"))
            return
        counts = self.preview.counts
        text = self.tr("共%1行：可导入%2行，重复%3行，有错误%4行（红色单元格，鼠标停留可看原因），"
                       "有提醒%5行。")
        for number, key in enumerate(("rows", "good", "duplicates", "rejected", "warned"), 1):
            text = text.replace(f"%{number}", str(counts[key]))
        if self.preview.new_teams:
            text += self.tr("将新建队伍：") + "、".join(self.preview.new_teams)
        if self._mapping.missing():
            text += self.tr("没有哪一列对应到“姓名”，请在左边的“导入为”中选择。")
        for notice in self.preview.notices:
            text += "\n" + notice
        self.summary_label.setText(text)

    async def run_import(self) -> import_rows.Summary | None:
        if self.preview is None or self._busy:
            return None
        self._busy = True
        self._update_buttons()
        self._cancel.clear()
        loop = asyncio.get_event_loop()
        apply, args = self._apply_step(self._report(loop))
        self._progress_dialog(self.tr("正在导入…"))
        self.summary = None
        try:
            # a writing session: the runner announces what it changed, so the pages reload
            self.summary = await self._runner.run(apply, *args, session=self.session, writes=True,
                                                  report=False, started=self._started)
            self.outcome = "imported"
        except import_rows.ImportCancelled:
            self.outcome = "cancelled"
        except (PermissionDenied, LedgerFileError, StoreError) as error:
            self.outcome = "failed"
            self.summary_label.setText(str(error))
        finally:
            self._end_progress()
            self._busy = False
        if self.summary is not None:
            self.summary_label.setText(self._done_text(self.summary))
            self.preview = None
        elif self.outcome == "cancelled":
            self.summary_label.setText(self.tr("导入已取消，数据库没有任何改动。"))
        self._update_buttons()
        self.finished_work.emit(self.outcome)
        return self.summary

    # -- what a kind of ledger checks and saves (the 12345 import overrides these) ----------
    def _check_step(self, progress: Any) -> tuple[Any, tuple[Any, ...]]:
        """The function the check job runs (on a read-only worker session) and its arguments."""
        return _check, (self.table, self._mapping, self.kind, progress, self._cancel)

    def _apply_step(self, progress: Any) -> tuple[Any, tuple[Any, ...]]:
        return _apply, (self.preview, self.duplicates.currentData(), progress, self._cancel)

    def _done_text(self, s: import_rows.Summary) -> str:
        text = (self.tr("导入完成：新增%1行，更新%2行，跳过重复%3行，未导入%4行。")
                .replace("%1", str(s.imported)).replace("%2", str(s.updated))
                .replace("%3", str(s.skipped)).replace("%4", str(s.rejected)))
        if s.new_teams:
            text += self.tr("新建了队伍：") + "、".join(s.new_teams)
        return text

    # -- slots ----------------------------------------------------------------------------
    def _on_choose(self) -> None:
        samples = resource("samples")   # sample ledgers to try the import on the demo
        start = str(samples) if not self.file_edit.text() and samples.is_dir() else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择台账文件"), start,
                                              self.tr("台账文件 (*.xlsx *.xlsm *.xls *.csv)"))
        if path:
            self._spawn(self.open_file(path))

    def _on_save_rejected(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存未导入的行"), self.tr("未导入的行") + ".xlsx",
                                              self.tr("Excel 文件 (*.xlsx)"))
        if path:
            self.save_rejected(path)

    def save_rejected(self, path: str | Path) -> bool:
        if path and not str(path).lower().endswith(".xlsx"):
            path = f"{path}.xlsx"
        try:
            rejected_rows.save_rejected(self.preview, path)
        except LedgerFileError as error:
            QMessageBox.warning(self, self.tr("无法保存"), str(error))
            return False
        self.summary_label.setText(self.tr("未导入的行已保存到 %1，改好后可以再导入。").replace("%1", str(path)))
        return True

    def done(self, result: int) -> None:
        if self._busy:
            self.cancel()
        if self._job is not None:
            self._job.wait()
        super().done(result)


@contextlib.contextmanager
def _no_collector_pauses() -> Iterator[None]:
    """A full garbage collection over 50,000 checked rows holds the GIL for 100+ ms and the
    window freezes meanwhile. The rows hold no reference cycles (reference counting frees
    them), so the collector rests while they are built and then stops scanning them. In the
    window the collector is already off (ui/gui_gc.py collects on the GUI thread): it stays so."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _report_bug(task: asyncio.Future) -> None:
    """An exception in a background step is a bug: hand it to the app's crash handler."""
    if not task.cancelled() and task.exception() is not None:
        error = task.exception()
        sys.excepthook(type(error), error, error.__traceback__)


def _load(path: str | Path, kind: str, max_unpacked: int) -> tuple[Table, import_rows.Mapping]:
    with _no_collector_pauses():
        return import_header.load(path, kind, max_unpacked)


def _check(session: Session, table: Table, mapping: import_rows.Mapping, kind: str,
           progress: Any, cancel: threading.Event) -> import_rows.Preview:
    """On the job's thread, with its read-only session; touches no widget."""
    with _no_collector_pauses():
        return import_check.check(session, table, mapping, kind, progress, cancel)


def _apply(session: Session, preview: import_rows.Preview, mode: str, progress: Any,
           cancel: threading.Event) -> import_rows.Summary:
    with _no_collector_pauses():
        return import_apply.apply(session, preview, mode, progress=progress, cancel=cancel)
