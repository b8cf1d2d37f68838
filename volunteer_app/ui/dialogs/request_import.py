"""导入12345工单: the resident import's window (import_dialog.ImportDialog) on the 12345 export.

The same file choice, column mapping, preview with a reason beside each wrong cell, progress
with 取消 and saving of the refused rows; only the check and the save are the tickets' own
(services/requests/ticket_import.py), and a ticket already saved is always updated by its
工单编号, so there is no skip-or-update choice. Every step runs on the runner it is given.
"""

from __future__ import annotations

import threading
from types import ModuleType
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog, QWidget

from ...services.ledger import import_rows
from ...services.ledger.ledger_files import Table
from ...services.requests import ticket_import
from ...services.session import Session
from .import_dialog import ImportDialog, _no_collector_pauses

NAME = "request_import"
# TicketRow.status of a saved ticket, shown through PreviewModel.tr
ROW_STATES = (QT_TRANSLATE_NOOP("PreviewModel", "将更新"),)


class RequestImportDialog(ImportDialog):
    """Import a 12345 export: new tickets added 待签收, saved ones updated."""

    def __init__(self, session: Session, runner: ModuleType, parent: QWidget | None = None):
        super().__init__(session, ticket_import.KIND, parent)
        self._runner = runner
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("导入12345工单"))
        self.file_edit.setPlaceholderText(self.tr("请选择12345系统导出的 .xlsx 或 .csv 文件"))
        self.duplicates.setVisible(False)
        self.summary_label.setText(self.tr("已有的工单按工单编号更新来电信息和回访结果，"
                                           "签收、联系、派单和办理结果保持不变。"))

    def _check_step(self, progress: Any) -> tuple[Any, tuple[Any, ...]]:
        return _check, (self.table, self._mapping, progress, self._cancel)

    def _apply_step(self, progress: Any) -> tuple[Any, tuple[Any, ...]]:
        return _apply, (self.preview, progress, self._cancel)

    def _show_counts(self) -> None:
        if self.preview is None:
            self.summary_label.setText(self.tr("检查已取消。"))
            return
        counts = self.preview.counts
        text = self.tr("共%1行：新工单%2件，已有工单将更新%3件，有错误%4行（红色单元格，鼠标停留可看原因），"
                       "有提醒%5行。")
        for number, key in enumerate(("rows", "good", "duplicates", "rejected", "warned"), 1):
            text = text.replace(f"%{number}", str(counts[key]))
        missing = ticket_import.missing(self._mapping)
        if missing:
            text += self.tr("没有哪一列对应到“%1”，请在左边的“导入为”中选择。").replace(
                "%1", "”“".join(missing))
        self.summary_label.setText(text)

    def _done_text(self, s: import_rows.Summary) -> str:
        return (self.tr("导入完成：新增%1件，更新%2件，未变%3件，未导入%4件。")
                .replace("%1", str(s.imported)).replace("%2", str(s.updated))
                .replace("%3", str(s.skipped)).replace("%4", str(s.rejected)))

    def _on_choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择12345导出文件"), "",
                                              self.tr("12345导出文件 (*.xlsx *.xlsm *.xls *.csv)"))
        if path:
            self._spawn(self.open_file(path))


def _check(session: Session, table: Table, mapping: import_rows.Mapping, progress: Any,
           cancel: threading.Event) -> import_rows.Preview:
    """On the job's thread, with its read-only session; touches no widget."""
    with _no_collector_pauses():
        return ticket_import.check(session, table, mapping, progress, cancel)


def _apply(session: Session, preview: import_rows.Preview, progress: Any,
           cancel: threading.Event) -> import_rows.Summary:
    with _no_collector_pauses():
        return ticket_import.apply(session, preview, progress=progress, cancel=cancel)
