"""The 导入 and 导出 buttons that the residents and volunteers pages carry, and the small
export dialog. A page calls :func:`add_import_export_buttons` with its toolbar layout."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.ledger.ledger_files import LedgerFileError
from ..services.permissions import Permission, PermissionDenied
from ..services.session import Session
from . import runner
from .screen_fit import fit_to_screen

if TYPE_CHECKING:
    from .dialogs.import_dialog import ImportDialog

TITLES = {"residents": QT_TRANSLATE_NOOP("LedgerActions", "居民台账"),
          "volunteers": QT_TRANSLATE_NOOP("LedgerActions", "志愿者台账"),
          "records": QT_TRANSLATE_NOOP("LedgerActions", "志愿服务记录")}


def _title(kind: str) -> str:
    return QCoreApplication.translate("LedgerActions", TITLES[kind])


def add_import_export_buttons(page: QWidget, session: Session, kind: str,
                              layout: QBoxLayout | None = None) -> tuple[QPushButton, QPushButton]:
    """Two buttons, ``<kind>.import`` and ``<kind>.export``, added to ``layout`` if given."""
    # a function, not a class: a fixed context for the translation files
    import_button = QPushButton(QCoreApplication.translate("LedgerActions", "导入…"), page,
                                objectName=f"{kind}.import")
    import_button.setToolTip(QCoreApplication.translate("LedgerActions", "从Excel（.xlsx）或CSV导入台账"))
    export_button = QPushButton(QCoreApplication.translate("LedgerActions", "导出…"), page,
                                objectName=f"{kind}.export")
    export_button.setToolTip(QCoreApplication.translate(
        "LedgerActions", "导出为Excel或CSV（身份证号和电话默认打码）"))
    import_button.setVisible(session.can(Permission.IMPORT) and kind != "records")
    export_button.setVisible(session.can(Permission.EXPORT))
    import_button.clicked.connect(lambda: open_import(page, session, kind))
    export_button.clicked.connect(lambda: open_export(page, session, kind))
    if layout is not None:
        layout.addWidget(import_button)
        layout.addWidget(export_button)
    return import_button, export_button


def open_import(parent: QWidget, session: Session, kind: str) -> ImportDialog:
    # The import pipeline (readers, checks, pinyin readings) loads at the first 导入, not with
    # the 居民 and 志愿者 pages: ~55 ms of 居民's first block on the GUI thread.
    from .dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(session, kind, parent)
    dialog.setModal(True)
    dialog.open()
    return dialog


def open_export(parent: QWidget, session: Session, kind: str) -> ExportDialog:
    dialog = ExportDialog(session, kind, parent)
    dialog.open()
    return dialog


class ExportDialog(QDialog):
    """Where to, and whether to include full ID numbers and phones (audited)."""

    def __init__(self, session: Session, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.kind = session, kind
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("导出%1").replace("%1", _title(kind)))
        self._job: runner.Job | None = None     # the export running now, waited for at close
        self.path_edit = QLineEdit(objectName="export_dialog.file")
        self.path_edit.setPlaceholderText(self.tr("文件名以 .xlsx 或 .csv 结尾"))
        choose = QPushButton(self.tr("选择位置…"), objectName="export_dialog.choose")
        choose.clicked.connect(self._on_choose)
        self.full = QCheckBox(self.tr("包含完整的身份证号和电话（会记入操作日志）"),
                              objectName="export_dialog.full")
        allowed = session.can(Permission.VIEW_FULL_IDENTITY)
        self.full.setEnabled(allowed)
        if not allowed:
            self.full.setToolTip(self.tr("您没有查看完整证件号和电话的权限，只能导出打码后的台账。"))
        self.message = QLabel(objectName="export_dialog.message")
        self.message.setWordWrap(True)
        self.export_button = QPushButton(self.tr("导出"), objectName="export_dialog.export")
        self.export_button.clicked.connect(lambda: asyncio.ensure_future(self.run_export()))
        close = QPushButton(self.tr("关闭"), objectName="export_dialog.close")
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("导出到文件：")))
        layout.addLayout(row)
        layout.addWidget(self.full)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit_to_screen(self, 520, 180)

    def _on_choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出到"), f"{_title(self.kind)}.xlsx",
            self.tr("Excel 文件 (*.xlsx);;CSV UTF-8 (*.csv)"))
        if path:
            self.path_edit.setText(path)

    async def run_export(self) -> int | None:
        if not self.export_button.isEnabled():
            # a second click queued before the first one's export began (a double click while
            # the window was busy): that export runs already, and one audit entry is the truth
            return None
        path = Path(self.path_edit.text().strip())
        if path.suffix.lower() not in (".xlsx", ".csv"):
            self.message.setText(self.tr("文件名请以 .xlsx 或 .csv 结尾。"))
            return None
        self.export_button.setEnabled(False)
        try:
            # writing: an export with full ID numbers leaves its audit entry
            count = await runner.run(_export, self.kind, path, self.full.isChecked(),
                                     session=self.session, writes=True, report=False,
                                     started=self._started)
        except (LedgerFileError, PermissionDenied) as error:
            self.message.setText(str(error))
            QMessageBox.warning(self, self.tr("导出失败"), str(error))
            return None
        finally:
            self.export_button.setEnabled(True)
        self.message.setText(self.tr("已导出 %1 行到 %2").replace("%1", str(count))
                             .replace("%2", str(path)))
        return count

    def _started(self, job: runner.Job) -> None:
        self._job = job

    def done(self, result: int) -> None:
        if self._job is not None:
            self._job.wait()
        super().done(result)


def _export(session: Session, kind: str, path: Path, full: bool) -> int:
    from ..services.ledger import ledger_export  # on the runner's thread, when first used

    return ledger_export.export(session, kind, path, full=full)
