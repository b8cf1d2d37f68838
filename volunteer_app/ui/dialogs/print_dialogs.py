"""打印证明 and 月度报表: choose what to print, then 预览 (Qt's print preview), 打印 or 保存PDF.

A certificate is numbered and entered in the issuance register when it is printed or saved,
not when it is previewed (the preview shows 预览 where the number will be). Several
volunteers chosen at once print as one document, one certificate a page (a ceremony).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...reports.certificate import certificates_document
from ...reports.monthly import monthly_document
from ...reports.printing import page_layout, print_document, write_pdf
from ...services import certificates, record_queries, reports, settings
from ...services.certificates import CertificateError
from ...services.permissions import PermissionDenied
from ...services.reports import ReportError
from ...services.session import Session


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class _PrintDialog(QDialog):
    """预览 / 打印 / 保存PDF around a document that subclasses build."""

    NAME = "print_dialog"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName(self.NAME)
        self.preview_dialog: QPrintPreviewDialog | None = None
        self._preview_printer: QPrinter | None = None
        self._preview_document: QTextDocument | None = None
        self.saved_path: Path | None = None
        self.form = QFormLayout()
        self.message = QLabel(objectName=f"{self.NAME}.message")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "hint")
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("预览"), objectName=f"{self.NAME}.preview")
        self.print_button = QPushButton(self.tr("打印…"), objectName=f"{self.NAME}.print")
        self.pdf_button = QPushButton(self.tr("保存为PDF…"), objectName=f"{self.NAME}.pdf")
        self.pdf_button.setProperty("primary", True)
        close = QPushButton(self.tr("关闭"), objectName=f"{self.NAME}.close")
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.preview_button.clicked.connect(lambda: self.preview())
        self.print_button.clicked.connect(lambda: self.print_())
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        close.clicked.connect(self.reject)

    # -- to implement ------------------------------------------------------------------------
    def _document(self, final: bool) -> QTextDocument | None:
        """The document to print; ``final`` registers what must be registered."""
        raise NotImplementedError

    def _default_name(self) -> str:
        return "报表.pdf"

    # -- actions -----------------------------------------------------------------------------
    def _safe_document(self, final: bool) -> QTextDocument | None:
        try:
            return self._document(final)
        except (CertificateError, ReportError, PermissionDenied) as error:
            self._say(str(error), error=True)
            return None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "hint")
        self.message.style().polish(self.message)
        self.message.setText(text)

    def preview(self) -> QPrintPreviewDialog | None:
        document = self._safe_document(final=False)
        if document is None:
            return None
        # The preview keeps pointers to both: hold them as long as the dialog (a printer
        # collected by Python under an open preview crashes it).
        self._preview_printer = printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._preview_document = document
        printer.setPageLayout(page_layout())
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName(f"{self.NAME}.preview_dialog")
        dialog.paintRequested.connect(lambda device: print_document(document, device))
        dialog.resize(900, 1000)
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def print_(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        document = self._safe_document(final=True)
        if document is not None:
            print_document(document, printer)

    def save_pdf(self, path: Path | str | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存为PDF"), self._default_name(),
                                                    self.tr("PDF文件 (*.pdf)"))
            if not chosen:
                return None
            path = chosen
        document = self._safe_document(final=True)
        if document is None:
            return None
        try:
            self.saved_path = write_pdf(document, path)
        except OSError as error:
            self._say(self.tr("无法写入 {0}：{1}。请换一个文件夹。").format(path, error.strerror or error),
                      error=True)
            return None
        self._say(self.tr("已保存：{0}").format(self.saved_path))
        return self.saved_path


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
        self.date_from = QDateEdit(_qdate(date(today.year, 1, 1)), objectName=f"{self.NAME}.from",
                                   calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_to = QDateEdit(_qdate(today), objectName=f"{self.NAME}.to", calendarPopup=True,
                                 displayFormat="yyyy-MM-dd")
        self.form.addRow(self.tr("查找"), self.find)
        self.form.addRow(self.tr("志愿者（可多选）"), self.volunteers)
        self.form.addRow(self.tr("证明期间起"), self.date_from)
        self.form.addRow(self.tr("证明期间止"), self.date_to)
        hint = QLabel(self.tr("只计入已核实并锁定的记录；证件号码按前6后4显示。预览不编号，"
                              "打印或保存时编号并登记；同一期间再次打印记为补打。"))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.form.addRow(hint)
        self.resize(520, 560)

    def _on_find(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.volunteers.count()):
            item = self.volunteers.item(row)
            item.setHidden(bool(needle) and needle not in str(item.data(Qt.ItemDataRole.UserRole + 1)).lower())

    def chosen_ids(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.volunteers.selectedItems()]

    def _default_name(self) -> str:
        return f"志愿服务记录证明_{self.session.today().isoformat()}.pdf"

    def _document(self, final: bool) -> QTextDocument | None:
        ids = self.chosen_ids()
        if not ids:
            raise CertificateError(self.tr("请先在列表里选择志愿者（按住Ctrl可多选）。"))
        start = self.date_from.date().toString("yyyy-MM-dd")
        end = self.date_to.date().toString("yyyy-MM-dd")
        if final:
            issued, skipped = certificates.issue_batch(self.session, ids, start, end)
        else:
            issued, skipped = [], []
            for vid in ids:
                try:
                    issued.append(certificates.preview(self.session, vid, start, end))
                except CertificateError as error:
                    skipped.append(str(error))
        if not issued:
            raise CertificateError("；".join(skipped))
        if final:
            self.issued = issued
            numbers = "、".join(c.number for c in issued[:3]) + ("等" if len(issued) > 3 else "")
            self._say(self.tr("已开具{0}份证明（{1}）。").format(len(issued), numbers)
                      + (self.tr("未开具：") + "；".join(skipped) if skipped else ""))
        elif skipped:
            self._say("；".join(skipped), error=True)
        return certificates_document(issued)


class MonthlyDialog(_PrintDialog):
    """月度报表 of one team for one month."""

    NAME = "monthly_dialog"

    def __init__(self, session: Session, team_id: int | None = None, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("队伍月度报表"))
        self.team = QComboBox(objectName=f"{self.NAME}.team")
        for t in record_queries.lookup_lists(session)["teams"]:
            self.team.addItem(t["name"], t["id"])
        if team_id is not None and self.team.findData(team_id) >= 0:
            self.team.setCurrentIndex(self.team.findData(team_id))
        self.month = QComboBox(objectName=f"{self.NAME}.month")
        for month in recent_months(session.today(), 24):
            self.month.addItem(month, month)
        self.form.addRow(self.tr("队伍"), self.team)
        self.form.addRow(self.tr("月份"), self.month)
        self.resize(460, 200)

    def _default_name(self) -> str:
        return f"{self.team.currentText()}_{self.month.currentData()}_月报.pdf"

    def _document(self, final: bool) -> QTextDocument | None:
        if self.team.currentData() is None:
            raise ReportError(self.tr("还没有队伍，请先在“志愿者与队伍”里建立队伍。"))
        report = reports.monthly_team(self.session, self.team.currentData(), self.month.currentData())
        return monthly_document(report, str(settings.get(self.session, "community.name")))


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
