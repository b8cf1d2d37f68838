"""打印点名表 (the A4 call sheet of everyone still to reach, or of one caller) and 预警总结报告
(the after-action report): 预览, 打印… or 保存为PDF… like the app's other reports.

The data is gathered on a worker thread with a writing session of its own (a sheet that leaves
with full phones is audited), and a PDF is written there too under a progress dialog whose
取消 stops it. The documents are long tables laid out a page at a time
(reports/long_tables.py); a printer and the preview are painted on the GUI thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...reports.printing import PrintCancelled
from ...services.alerts import access
from ...services.permissions import PermissionDenied
from ...services.session import Session
from ..forms import say
from ..printing import a4_printer, chosen_printer, open_preview
from ..runner import Progress, progress_dialog, run
from ..screen_fit import fit_to_screen

EVERYONE = 0        # the caller combo's choice of the whole list (no volunteer has id 0)


def _gather(session: Session, what: str, alert_id: int, caller_id: int | None,
            progress: Progress) -> dict[str, Any]:
    """On the worker: the sheet's or the report's data."""
    if what == "sheet":
        from ...services.alerts import paper
        return paper.call_sheet_data(session, alert_id, caller_id)
    from ...services.alerts import report_data
    return report_data.report_data(session, alert_id)


def _write(session: Session, what: str, alert_id: int, caller_id: int | None, path: Path,
           progress: Progress) -> Path:
    """On the worker: gather and write the PDF, page by page (取消 is heard between pages)."""
    data = _gather(session, what, alert_id, caller_id, progress)
    if what == "sheet":
        from ...reports import call_sheet
        return call_sheet.write_call_sheet(data, path, on_page=progress)
    from ...reports import alert_report
    return alert_report.write_report(data, path, on_page=progress)


def _paint(what: str, data: dict[str, Any], device: Any, on_page: Callable[[int, int], None] | None = None) -> int:
    if what == "sheet":
        from ...reports import call_sheet
        return call_sheet.paint_call_sheet(data, device, on_page)
    from ...reports import alert_report
    return alert_report.paint_report(data, device, on_page)


class _AlertPrintDialog(QDialog):
    NAME = "alert_print"
    WHAT = "sheet"

    def __init__(self, session: Session, alert_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.alert_id = alert_id
        self.setObjectName(self.NAME)
        self.saved_path: Path | None = None
        self.preview_dialog: QPrintPreviewDialog | None = None
        self._printer: QPrinter | None = None       # held as long as the preview shows it
        self.busy = False
        self.form = QFormLayout()
        self.message = QLabel(objectName=f"{self.NAME}.message", wordWrap=True)
        self.message.setProperty("role", "hint")
        self.preview_button = QPushButton(self.tr("预览"), objectName=f"{self.NAME}.preview")
        self.print_button = QPushButton(self.tr("打印…"), objectName=f"{self.NAME}.print")
        self.pdf_button = QPushButton(self.tr("保存为PDF…"), objectName=f"{self.NAME}.pdf")
        self.pdf_button.setProperty("primary", True)
        self.close_button = QPushButton(self.tr("关闭"), objectName=f"{self.NAME}.close")
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.preview_button.clicked.connect(lambda: asyncio.ensure_future(self.preview()))
        self.print_button.clicked.connect(lambda: asyncio.ensure_future(self.print_()))
        self.pdf_button.clicked.connect(lambda: asyncio.ensure_future(self.save_pdf()))
        self.close_button.clicked.connect(self.reject)

    def caller_id(self) -> int | None:
        return None

    def _default_name(self) -> str:
        raise NotImplementedError

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.preview_button, self.print_button, self.pdf_button, self.close_button):
            button.setEnabled(not busy)

    async def _run(self, fn: Callable[..., Any], *args: Any, label: str) -> Any:
        """``fn`` on the worker; None (and the reason said) when it failed or was cancelled."""
        self._busy(True)
        progress = progress_dialog(self, label)
        try:
            return await run(fn, self.WHAT, self.alert_id, self.caller_id(), *args, session=self.session,
                             writes=True, progress=progress)
        except (ValueError, PermissionDenied) as error:          # AlertError is a ValueError
            say(self.message, str(error), error=True)
        except PrintCancelled:
            say(self.message, self.tr("已取消，没有生成文件。"), error=True)
        except OSError as error:
            say(self.message, self.tr("无法写入 %1：%2。请换一个文件夹。").replace("%1", str(args[0]))
                .replace("%2", str(error.strerror or error)), error=True)
        finally:
            progress.close()
            progress.deleteLater()
            self._busy(False)
        return None

    async def preview(self) -> QPrintPreviewDialog | None:
        data = await self._run(_gather, label=self.tr("正在准备预览……"))
        if data is None:
            return None
        self._printer = printer = a4_printer()
        self.preview_dialog = open_preview(self, self.NAME, printer,
                                           lambda device: _paint(self.WHAT, data, device))
        return self.preview_dialog

    async def print_(self) -> int:
        printer = chosen_printer(self)
        return 0 if printer is None else await self.print_to(printer)

    async def print_to(self, printer: QPrinter) -> int:
        """Print on ``printer``: gathered on the worker, painted here a page at a time."""
        data = await self._run(_gather, label=self.tr("正在准备打印……"))
        if data is None:
            return 0
        self._busy(True)
        try:
            return _paint(self.WHAT, data, printer)
        except OSError as error:
            say(self.message, self.tr("打印失败：%1。请检查打印机。").replace("%1", str(error)), error=True)
            return 0
        finally:
            self._busy(False)

    async def save_pdf(self, path: Path | str | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存为PDF"), self._default_name(),
                                                    self.tr("PDF文件 (*.pdf)"))
            if not chosen:
                return None
            path = chosen
        written = await self._run(_write, Path(path), label=self.tr("正在生成PDF……"))
        if written is None:
            return None
        self.saved_path = Path(written)
        say(self.message, self.tr("已保存：%1").replace("%1", str(self.saved_path)))
        return self.saved_path


class CallSheetDialog(_AlertPrintDialog):
    """打印点名表: the residents not reached yet, by building, with tick boxes."""

    NAME = "call_sheet_dialog"
    WHAT = "sheet"

    def __init__(self, session: Session, alert_id: int, callers: list[tuple[str, int]],
                 parent: QWidget | None = None):
        super().__init__(session, alert_id, parent)
        self.setWindowTitle(self.tr("打印点名表"))
        self.caller = QComboBox(objectName=f"{self.NAME}.caller")
        self.caller.addItem(self.tr("全部未联系上的居民（按楼排列）"), EVERYONE)
        for name, caller_id in callers:
            self.caller.addItem(name, caller_id)
        self.form.addRow(self.tr("联系人"), self.caller)
        hint = QLabel(self.tr("只列还没联系上的居民，每行带序号和勾选框；打完电话后用“录入点名表结果…”"
                              "按序号录回。电话号码只对有权查看的角色完整显示。"), wordWrap=True)
        hint.setProperty("role", "hint")
        self.form.addRow(hint)
        fit_to_screen(self, 500, 210)

    def caller_id(self) -> int | None:
        chosen = self.caller.currentData()
        return None if chosen == EVERYONE else chosen

    def _default_name(self) -> str:
        return f"点名表_{self.caller.currentText()}_{self.session.today().isoformat()}.pdf"


class AlertReportDialog(_AlertPrintDialog):
    """预警总结报告: timeline, figures, needs and what was done, shifts and hours, and the
    residents never reached with the reason."""

    NAME = "alert_report_dialog"
    WHAT = "report"

    def __init__(self, session: Session, alert_id: int, parent: QWidget | None = None, note: str = ""):
        super().__init__(session, alert_id, parent)
        self.alert = access.alert(session, alert_id)
        self.setWindowTitle(self.tr("预警总结报告"))
        self.form.addRow(self.tr("预警"), QLabel(self.alert["title"], objectName=f"{self.NAME}.title"))
        if note:
            say(self.message, note)
        fit_to_screen(self, 460, 170)

    def _default_name(self) -> str:
        return f"{self.alert['title']}_总结报告_{str(self.alert['started_at'])[:10]}.pdf"
