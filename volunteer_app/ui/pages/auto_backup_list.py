"""The 设置 page's short list of automatic backups (time, size) with a button to restore one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.admin import auto_backups
from ...services.session import Session

ROWS_SHOWN_HEIGHT = 170     # about five rows: the 设置 page must fit a 1366x768 screen


class AutoBackupList(QWidget):
    restore_requested = Signal(str, str)    # the backup's path, its time as shown

    def __init__(self, session: Session, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self._db_path = session, db_path
        self.hint = QLabel(objectName="settings.auto_hint")
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 2, objectName="settings.auto_backups")
        self.table.setHorizontalHeaderLabels([self.tr("自动备份时间"), self.tr("大小")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 180)
        self.table.setMaximumHeight(ROWS_SHOWN_HEIGHT)
        self.restore_button = QPushButton(self.tr("恢复所选的自动备份…"), objectName="settings.restore_auto")
        self.restore_button.clicked.connect(self._on_restore)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.reload()

    def reload(self) -> None:
        self._backups = auto_backups.listed(self.session, self._db_path)
        self.hint.setText(self.tr("自动备份保存在 %1（最近7天每天、4周每周、12个月每月各留一份）。")
                          .replace("%1", str(auto_backups.folder_for(self._db_path))))
        self.table.setRowCount(len(self._backups))
        for row, backup in enumerate(self._backups):
            size = QTableWidgetItem(size_text(backup.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, QTableWidgetItem(backup.taken_at.strftime("%Y-%m-%d %H:%M")))
            self.table.setItem(row, 1, size)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.reload()       # the window takes them in the background meanwhile
        super().showEvent(event)

    def _on_restore(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            QMessageBox.information(self, self.tr("从备份恢复"), self.tr("请先在表格中选中一份自动备份。"))
            return
        chosen = self._backups[row]
        self.restore_requested.emit(str(chosen.path), chosen.taken_at.strftime("%Y-%m-%d %H:%M"))


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"
