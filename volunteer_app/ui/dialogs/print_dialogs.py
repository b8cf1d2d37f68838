"""打印证明 and 月度报表: choose what to print, then 预览 (Qt's print preview), 打印 or 保存PDF.

A certificate is numbered and entered in the issuance register when it is printed or saved,
not when it is previewed (the preview shows 预览 where the number will be). Several
volunteers chosen at once print as one document, one certificate a page (a ceremony).

The figures are gathered and the document built on a worker thread with its own database
connection (:func:`_work`); a PDF is written there too, page by page under a progress dialog
whose 取消 stops it. Saving a PDF registers the certificates in the same transaction as the
file is written, so a cancelled or failed save leaves no number used. A real printer and the
preview are Qt print devices that belong to the GUI thread: only their painting runs there.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...reports.certificate import TITLE as CERTIFICATE_TITLE
from ...reports.certificate import certificate_pages, certificates_document
from ...reports.monthly import monthly_document
from ...reports.printing import Pages, PrintCancelled, paint_pages, write_pages_pdf
from ...services.admin import settings
from ...services.hours import certificates, record_queries, reports
from ...services.hours.certificates import CertificateError
from ...services.hours.reports import ReportError
from ...services.permissions import PermissionDenied
from ...services.session import Session
from ..forms import date_edit
from ..printing import a4_printer, chosen_printer, open_preview
from ..runner import Job, Progress, progress_dialog, run
from ..screen_fit import fit_to_screen

PREVIEW_LIMIT = 20       # certificates shown in the print preview
COMMUNITY = 0            # the monthly dialog's choice of the whole community (no team has id 0)


@dataclass
class Outcome:
    """What the worker hands back: the pages to paint (preview, printer) or the file
    written, and for certificates those issued (or previewed) and why others were skipped."""

    result: Any
    issued: list[certificates.Certificate] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class Request(Protocol):
    """What to print, read from the dialog's widgets on the GUI thread; ``make`` runs on the
    worker with the worker's session and hands the :class:`Pages` (or a :class:`Printout`)
    to ``deliver``."""

    def make(self, session: Session, final: bool, deliver: Any) -> Outcome: ...


class Printout(Protocol):
    """A print-out that lays itself out a page at a time rather than as :class:`Pages` (the
    weather warning's long tables); safe on the worker for a PDF, on the GUI thread for a
    printer or the preview."""

    def paint(self, device: QPagedPaintDevice, on_page: Progress | None = None) -> int: ...

    def write_pdf(self, path: Path, on_page: Progress | None = None) -> Path: ...


def paint_printout(printout: Pages | Printout, device: QPagedPaintDevice,
                   on_page: Progress | None = None) -> int:
    if isinstance(printout, Pages):
        return paint_pages(printout, device, on_page=on_page)
    return printout.paint(device, on_page)


@dataclass(frozen=True)
class CertificateRequest:
    volunteer_ids: tuple[int, ...]
    start: str
    end: str

    def make(self, session: Session, final: bool, deliver: Any) -> Outcome:
        certificates.check_issuer(session)     # once, not a skipped line per volunteer
        if final:
            delivered: list[Any] = []
            issued, skipped = certificates.issue_batch(
                session, list(self.volunteer_ids), self.start, self.end,
                deliver=lambda chosen: delivered.append(deliver(certificate_pages(chosen))))
            if not issued:
                raise CertificateError("；".join(skipped))
            return Outcome(delivered[0], issued, skipped)
        shown, skipped = [], []
        for volunteer_id in self.volunteer_ids:
            try:
                shown.append(certificates.preview(session, volunteer_id, self.start, self.end))
            except CertificateError as error:
                skipped.append(str(error))
        if not shown:
            raise CertificateError("；".join(skipped))
        # One document of the first few: the preview is painted on the GUI thread, all its
        # pages at once, and is there to check the layout, not to read 300 certificates.
        first = shown[:PREVIEW_LIMIT]
        return Outcome(deliver(Pages((lambda: certificates_document(first),), CERTIFICATE_TITLE,
                                     page_numbers=False)), shown, skipped)


@dataclass(frozen=True)
class MonthlyRequest:
    team_id: int | None             # None: the whole community
    month: str
    title: str = "月度报表"

    def make(self, session: Session, final: bool, deliver: Any) -> Outcome:
        report = reports.monthly_team(session, self.team_id, self.month)
        issuer, today = str(settings.get(session, "community.name")), session.today().isoformat()
        # The document is built where it is painted (a QTextDocument belongs to its thread).
        return Outcome(deliver(Pages((lambda: monthly_document(report, issuer, today),), self.title)))


def _work(session: Session, request: Request, final: bool, path: Path | None,
          progress: Progress) -> Outcome:
    """On the job's thread, with its worker session: gather, and write the PDF (``path``), or
    hand the pages over to the GUI thread for the preview or the printer."""
    def deliver(pages: Pages | Printout) -> Any:
        if path is None:
            progress(0, 0)      # cancelled meanwhile: raise, and nothing is registered
            return pages
        if isinstance(pages, Pages):
            return write_pages_pdf(pages, path, on_page=progress)
        return pages.write_pdf(path, progress)
    return request.make(session, final, deliver)


class _PrintDialog(QDialog):
    """预览 / 打印 / 保存PDF around a request that subclasses read from their widgets."""

    NAME = "print_dialog"
    REFUSALS: tuple[type[BaseException], ...] = (CertificateError, ReportError, PermissionDenied)
    registered = Signal()       # certificates entered the issuance register
    job_started = Signal()      # a worker is running (self.job, self.progress are set)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName(self.NAME)
        self.preview_dialog: QPrintPreviewDialog | None = None
        self._preview_printer: QPrinter | None = None
        self._preview_pages: Pages | Printout | None = None
        self.saved_path: Path | None = None
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.form = QFormLayout()
        self.message = QLabel(objectName=f"{self.NAME}.message")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "hint")
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("预览"), objectName=f"{self.NAME}.preview")
        self.print_button = QPushButton(self.tr("打印…"), objectName=f"{self.NAME}.print")
        self.pdf_button = QPushButton(self.tr("保存为PDF…"), objectName=f"{self.NAME}.pdf")
        self.pdf_button.setProperty("primary", True)
        self.close_button = QPushButton(self.tr("关闭"), objectName=f"{self.NAME}.close")
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.preview_button.clicked.connect(lambda: asyncio.ensure_future(self.preview()))
        self.print_button.clicked.connect(lambda: asyncio.ensure_future(self.print_()))
        self.pdf_button.clicked.connect(lambda: asyncio.ensure_future(self.save_pdf()))
        self.close_button.clicked.connect(self.reject)

    # -- to implement ------------------------------------------------------------------------
    def _request(self) -> Request:
        """What the widgets ask for; raises CertificateError/ReportError when incomplete."""
        raise NotImplementedError

    def _default_name(self) -> str:
        return "报表.pdf"

    def _finished(self, outcome: Outcome, final: bool) -> None:
        """Say what was done (certificates say which numbers)."""

    def _cancelled(self) -> str:
        return self.tr("已取消，没有生成文件，也没有开具或登记证明。")

    # -- running the work --------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "hint")
        self.message.style().polish(self.message)
        self.message.setText(text)

    def _busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.print_button, self.pdf_button, self.close_button):
            button.setEnabled(not busy)

    def _started(self, job: Job) -> None:
        self.job = job
        self.job_started.emit()

    async def _run(self, final: bool, path: Path | None, label: str) -> Outcome | None:
        try:
            request = self._request()
        except self.REFUSALS as error:
            self._say(str(error), error=True)
            return None
        self._busy(True)
        self.progress = progress_dialog(self, label)
        try:
            # a final print registers certificates: a writing session, its changes announced
            outcome = await run(_work, request, final, path, session=self.session, writes=True,
                                progress=self.progress, started=self._started)
        except self.REFUSALS as error:
            self._say(str(error), error=True)
            return None
        except PrintCancelled:
            self._say(self._cancelled(), error=True)
            return None
        except OSError as error:
            self._say(self.tr("无法写入 {0}：{1}。请换一个文件夹。").format(
                path, error.strerror or error), error=True)
            return None
        finally:
            self.progress.close()
            self.progress.deleteLater()
            self.job = None
            self._busy(False)
        self._finished(outcome, final)
        return outcome

    # -- actions -----------------------------------------------------------------------------
    async def preview(self) -> QPrintPreviewDialog | None:
        outcome = await self._run(False, None, self.tr("正在准备预览……"))
        if outcome is None:
            return None
        pages = outcome.result
        if isinstance(pages, Pages) and len(pages.parts) == 1:  # built once, not at every repaint
            document = pages.parts[0]()
            pages = Pages((lambda: document,), pages.title, pages.page_numbers, pages.landscape)
        self._preview_printer = printer = a4_printer()      # held as long as the preview
        self._preview_pages = pages
        self.preview_dialog = open_preview(self, self.NAME, printer,
                                           lambda device: paint_printout(pages, device))
        return self.preview_dialog

    async def print_(self) -> int:
        printer = chosen_printer(self)
        if printer is None:
            return 0
        return await self.print_to(printer)

    async def print_to(self, printer: QPrinter) -> int:
        """Print on ``printer`` (set up already); returns the pages printed. The document is
        made on the worker; only the painting runs here, a page at a time under a progress
        dialog whose 取消 aborts the print job."""
        outcome = await self._run(True, None, self.tr("正在准备打印……"))
        if outcome is None:
            return 0
        progress = progress_dialog(self, self.tr("正在发送到打印机……"))

        def page_done(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)      # a window-modal progress dialog processes events here
            if progress.wasCanceled():
                raise PrintCancelled()

        self._busy(True)
        try:
            pages = paint_printout(outcome.result, printer, on_page=page_done)
        except PrintCancelled:
            printer.abort()
            self._say(self.tr("打印已取消。") + self._printed_note(outcome), error=True)
            return 0
        except OSError as error:
            self._say(self.tr("打印失败：{0}。请检查打印机。").format(error) + self._printed_note(outcome),
                      error=True)
            return 0
        finally:
            progress.close()
            progress.deleteLater()
            self._busy(False)
        return pages

    def _printed_note(self, outcome: Outcome) -> str:
        return ""

    async def save_pdf(self, path: Path | str | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存为PDF"), self._default_name(),
                                                    self.tr("PDF文件 (*.pdf)"))
            if not chosen:
                return None
            path = chosen
        outcome = await self._run(True, Path(path), self.tr("正在生成PDF……"))
        if outcome is None:
            return None
        self.saved_path = outcome.result
        self._say(self.message.text() + self.tr("已保存：{0}").format(self.saved_path))
        return self.saved_path

    def done(self, result: int) -> None:
        # A job's thread is a child of this dialog: stop it before the dialog can go away.
        if self.job is not None and self.job.isRunning():
            self.job.cancel()
            self.job.wait()
        super().done(result)


class CertificateDialog(_PrintDialog):
    """打印志愿服务记录证明: one or several volunteers, one period."""

    NAME = "certificate_dialog"

    def __init__(self, session: Session, volunteer_ids: list[int] | None = None,
                 parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("打印志愿服务记录证明"))
        self.issued: list[certificates.Certificate] = []
        self.find = QLineEdit(objectName=f"{self.NAME}.find")
        self.find.setPlaceholderText(self.tr("查找：姓名、拼音首字母或编号"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self._on_find)
        self.volunteers = QListWidget(objectName=f"{self.NAME}.volunteers")
        self.volunteers.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        chosen = set(volunteer_ids or [])
        for v in record_queries.lookup_lists(session)["volunteers"]:
            item = QListWidgetItem(f"{v['name']}（{v['volunteer_no'] or v['id']}）")
            item.setData(Qt.ItemDataRole.UserRole, v["id"])
            item.setData(Qt.ItemDataRole.UserRole + 1, f"{v['name']} {v['volunteer_no']} {v['name_initials']}")
            self.volunteers.addItem(item)
            item.setSelected(v["id"] in chosen)
        today = session.today()
        self.date_from = date_edit(f"{self.NAME}.from", date(today.year, 1, 1))
        self.date_to = date_edit(f"{self.NAME}.to", today)
        self.form.addRow(self.tr("查找"), self.find)
        self.form.addRow(self.tr("志愿者（可多选）"), self.volunteers)
        self.form.addRow(self.tr("证明期间起"), self.date_from)
        self.form.addRow(self.tr("证明期间止"), self.date_to)
        hint = QLabel(self.tr("只计入已核实并锁定的记录；证件号码按前6后4显示。预览不编号，"
                              "打印或保存时编号并登记；同一期间再次打印记为补打。"))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.form.addRow(hint)
        fit_to_screen(self, 520, 560)
        try:
            certificates.check_issuer(session)
        except CertificateError as error:     # said at once: nothing can be issued until set
            self._say(str(error), error=True)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # the people chosen on the records page may sit far down the list: show them, or
        # the dialog looks as if nobody had been chosen
        super().showEvent(event)
        chosen = self.volunteers.selectedItems()
        if chosen:
            self.volunteers.scrollToItem(chosen[0], QAbstractItemView.ScrollHint.PositionAtCenter)

    def _on_find(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.volunteers.count()):
            item = self.volunteers.item(row)
            item.setHidden(bool(needle) and needle not in str(item.data(Qt.ItemDataRole.UserRole + 1)).lower())

    def chosen_ids(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.volunteers.selectedItems()]

    def _default_name(self) -> str:
        return f"志愿服务记录证明_{self.session.today().isoformat()}.pdf"

    def _request(self) -> CertificateRequest:
        certificates.check_issuer(self.session)
        ids = self.chosen_ids()
        if not ids:
            raise CertificateError(self.tr("请先在列表里选择志愿者（按住Ctrl可多选）。"))
        return CertificateRequest(tuple(ids), self.date_from.date().toString("yyyy-MM-dd"),
                                  self.date_to.date().toString("yyyy-MM-dd"))

    def _finished(self, outcome: Outcome, final: bool) -> None:
        skipped = (self.tr("未开具：") + "；".join(outcome.skipped)) if outcome.skipped else ""
        if not final:
            more = len(outcome.issued) - PREVIEW_LIMIT
            note = self.tr("预览只显示前{0}份（共{1}份），打印或保存时全部输出。").format(
                PREVIEW_LIMIT, len(outcome.issued)) if more > 0 else ""
            self._say(note + skipped, error=bool(skipped))
            return
        self.issued = outcome.issued
        numbers = "、".join(c.number for c in self.issued[:3]) + ("等" if len(self.issued) > 3 else "")
        self._say(self.tr("已开具{0}份证明（{1}）。").format(len(self.issued), numbers) + skipped)
        self.registered.emit()

    def _printed_note(self, outcome: Outcome) -> str:
        return self.tr("证明已编号登记，再次打印同一期间将记为补打。") if outcome.issued else ""


class MonthlyDialog(_PrintDialog):
    """月度报表 of one team for one month."""

    NAME = "monthly_dialog"

    def __init__(self, session: Session, team_id: int | None = None, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("队伍月度报表"))
        self.team = QComboBox(objectName=f"{self.NAME}.team")
        # 0 stands for the whole community: every record of the month, teamless ones too
        self.team.addItem(self.tr("全社区（各队及不属任何队伍的结对探访）"), COMMUNITY)
        for t in record_queries.lookup_lists(session)["teams"]:
            self.team.addItem(t["name"], t["id"])
        if team_id is not None and self.team.findData(team_id) >= 0:
            self.team.setCurrentIndex(self.team.findData(team_id))
        # the last complete month first chosen, as 打印月报's: a month's report is made once it
        # is over (at the start of December, November's); the month under way is one pick up
        self.month = QComboBox(objectName=f"{self.NAME}.month")
        for label, month in month_choices(session.today(), 24):
            self.month.addItem(label, month)
        self.month.setCurrentIndex(self.month.findData(previous_month(session.today())))
        self.form.addRow(self.tr("队伍"), self.team)
        self.form.addRow(self.tr("月份"), self.month)
        fit_to_screen(self, 460, 200)

    def _default_name(self) -> str:
        return f"{self.team.currentText()}_{self.month.currentData()}_月报.pdf"

    def _request(self) -> MonthlyRequest:
        team = self.team.currentData()
        return MonthlyRequest(None if team == COMMUNITY else team, self.month.currentData(),
                              f"{self.team.currentText()} {self.month.currentData()} 月报")


def recent_months(today: date, count: int) -> list[str]:
    """YYYY-MM for this month and the ``count - 1`` before it, newest first."""
    out = []
    year, month = today.year, today.month
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return out


def previous_month(today: date) -> str:
    """YYYY-MM of the last complete month: the one before ``today``'s."""
    return recent_months(today, 2)[1]


def month_name(month: str) -> str:
    """'2026-11' as 2026年11月 in the UI language."""
    year, number = month.split("-")
    return QCoreApplication.translate("MonthChoices", "%1年%2月").replace("%1", year).replace(
        "%2", str(int(number)))


def month_choices(today: date, count: int) -> list[tuple[str, str]]:
    """(label, YYYY-MM) for this month and the ``count - 1`` before it, newest first. The label
    names the month in words and says which is 本月 (not over yet) and which 上月 (the last
    complete one), so nobody prints the wrong one for reading 2026-12 as the month just ended."""
    marks = (QCoreApplication.translate("MonthChoices", "%1（本月，还没结束）"),
             QCoreApplication.translate("MonthChoices", "%1（上月）"))
    return [((marks[index] if index < len(marks) else "%1").replace("%1", month_name(month)), month)
            for index, month in enumerate(recent_months(today, count))]
