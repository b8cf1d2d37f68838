"""导出名单: a team's week roster as 预览 / 打印 / PDF (A4), as text for the WeChat group
(copied to the clipboard), and as an .ics calendar file for the team or one volunteer.

The documents come from ``reports/roster.py`` over ``services.scheduling.roster``; this dialog only
chooses the team, the week and where to put them. A week's roster is a page or two, so it
is built on the GUI thread (the certificate and monthly dialogs use a worker for hundreds).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QTextDocument
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

from ...reports.printing import print_document
from ...reports.roster import roster_document, roster_ics, roster_text, write_roster_pdf
from ...services.admin import settings
from ...services.people import teams
from ...services.scheduling import roster
from ...services.scheduling.roster import Roster, RosterError
from ...services.session import Session
from ..forms import message_label, say
from ..printing import a4_printer, chosen_printer, open_preview
from ..screen_fit import fit_to_screen
from ..widgets.week_view import filled_in

PERSONAL_WEEKS = 4      # a volunteer's calendar file covers the chosen week and three more


class RosterDialog(QDialog):
    NAME = "roster_dialog"

    def __init__(self, session: Session, team_id: int | None, monday: date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName(self.NAME)
        self.setWindowTitle(self.tr("导出名单"))
        self.monday = monday
        self.copied_text = ""
        self.saved_path: Path | None = None
        self.preview_dialog: QPrintPreviewDialog | None = None
        self._preview_printer: QPrinter | None = None
        self._preview_document: QTextDocument | None = None
        n = self.NAME
        self.form = QFormLayout()
        self.message = message_label(n)
        self.preview_button = QPushButton(self.tr("预览"), objectName=f"{n}.preview")
        self.print_button = QPushButton(self.tr("打印…"), objectName=f"{n}.print")
        self.pdf_button = QPushButton(self.tr("保存为PDF…"), objectName=f"{n}.pdf")
        self.pdf_button.setProperty("primary", True)
        close = QPushButton(self.tr("关闭"), objectName=f"{n}.close")
        buttons = QHBoxLayout()
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
        self.team = QComboBox(objectName=f"{n}.team")
        for team in teams.list_teams(session):
            self.team.addItem(team["name"], team["id"])
        if team_id is not None and self.team.findData(team_id) >= 0:
            self.team.setCurrentIndex(self.team.findData(team_id))
        self.week = QComboBox(objectName=f"{n}.week")
        for offset in range(-4, 9):
            start = monday + timedelta(weeks=offset)
            year, number, _ = start.isocalendar()
            end = start + timedelta(days=6)
            self.week.addItem(filled_in(self.tr("%1年第%2周（%3月%4日–%5月%6日）"), year, number, start.month,
                                        start.day, end.month, end.day),
                              roster.iso_week_of(start))
        self.week.setCurrentIndex(4)
        self.copy_button = QPushButton(self.tr("复制微信群文本"), objectName=f"{n}.copy")
        self.ics_button = QPushButton(self.tr("保存队伍日历(.ics)…"), objectName=f"{n}.ics")
        self.volunteer = QComboBox(objectName=f"{n}.volunteer")
        self.volunteer_ics_button = QPushButton(self.tr("保存个人日历(.ics，四周)…"), objectName=f"{n}.volunteer_ics")
        share = QHBoxLayout()
        share.addWidget(self.copy_button)
        share.addWidget(self.ics_button)
        share.addStretch(1)
        personal = QHBoxLayout()
        personal.addWidget(self.volunteer, 1)
        personal.addWidget(self.volunteer_ics_button)
        hint = QLabel(self.tr("A4 名单可预览、打印或存为PDF；微信文本复制后直接粘贴到队伍群；"
                              "日历文件(.ics)发给队员，手机日历打开即可导入，重新导出会更新而不重复。"))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.form.addRow(self.tr("队伍"), self.team)
        self.form.addRow(self.tr("周次"), self.week)
        self.form.addRow(self.tr("分享"), share)
        self.form.addRow(self.tr("个人日历"), personal)
        self.form.addRow(hint)
        self.team.currentIndexChanged.connect(lambda _i: self._fill_volunteers())
        self.copy_button.clicked.connect(lambda: self.copy_text())
        self.ics_button.clicked.connect(lambda: self.save_ics())
        self.volunteer_ics_button.clicked.connect(lambda: self.save_volunteer_ics())
        self._fill_volunteers()
        fit_to_screen(self, 600, 300)

    def _fill_volunteers(self) -> None:
        self.volunteer.clear()
        team_id = self.team.currentData()
        if team_id is None:
            return
        for member in teams.members(self.session, team_id):
            self.volunteer.addItem(member["name"], member["id"])

    def iso_week(self) -> str:
        return self.week.currentData()

    def roster(self) -> Roster:
        team_id = self.team.currentData()
        if team_id is None:
            raise RosterError(self.tr("还没有队伍，请先在“志愿者与队伍”里建立队伍。"))
        return roster.week_roster(self.session, team_id, self.iso_week())

    def _issuer(self) -> str:
        return str(settings.get(self.session, "community.name") or "")

    def _say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)

    # -- A4: preview, printer, PDF ------------------------------------------------------------
    def _document(self) -> QTextDocument | None:
        found = self._safe_roster()
        return None if found is None else roster_document(found, self._issuer())

    def preview(self) -> QPrintPreviewDialog | None:
        document = self._document()
        if document is None:
            return None
        # The preview keeps pointers to both: hold them as long as the dialog.
        self._preview_printer = printer = a4_printer()
        self._preview_document = document
        self.preview_dialog = open_preview(self, self.NAME, printer,
                                           lambda device: print_document(document, device))
        return self.preview_dialog

    def print_(self) -> None:
        printer = chosen_printer(self)
        if printer is None:
            return
        document = self._document()
        if document is not None:
            print_document(document, printer)

    def save_pdf(self, path: Path | str | None = None) -> Path | None:
        found = self._safe_roster()
        if found is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("保存为PDF"), self._default_name(),
                                                  self.tr("PDF文件 (*.pdf)"))
            if not path:
                return None
        try:
            self.saved_path = write_roster_pdf(found, path, self._issuer())
        except OSError as error:
            self._say(self.tr("无法写入 {0}：{1}。请换一个文件夹。").format(path, error.strerror or error),
                      error=True)
            return None
        self._say(self.tr("已保存：{0}").format(self.saved_path))
        return self.saved_path

    def _default_name(self) -> str:
        return filled_in(self.tr("%1_%2_值班表.pdf"), self.team.currentText(), self.iso_week())

    def _safe_roster(self) -> Roster | None:
        try:
            return self.roster()
        except RosterError as error:
            self._say(str(error), error=True)
            return None

    # -- sharing ---------------------------------------------------------------------------------
    def copy_text(self) -> str:
        found = self._safe_roster()
        if found is None:
            return ""
        self.copied_text = roster_text(found)
        QGuiApplication.clipboard().setText(self.copied_text)
        self._say(self.tr("已复制，可以粘贴到微信群（共 {0} 行）。").format(self.copied_text.count("\n")))
        return self.copied_text

    def _ask_path(self, suggested: str) -> str:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存日历文件"), suggested,
                                                self.tr("日历文件 (*.ics)"))
        return chosen

    def _write(self, data: bytes, path: Path | str) -> Path | None:
        target = Path(path)
        try:
            target.write_bytes(data)
        except OSError as error:
            self._say(self.tr("无法写入 {0}：{1}。请换一个文件夹。").format(target, error.strerror or error),
                      error=True)
            return None
        self.saved_path = target
        self._say(self.tr("已保存：{0}").format(target))
        return target

    def save_ics(self, path: Path | str | None = None) -> Path | None:
        found = self._safe_roster()
        if found is None:
            return None
        path = path or self._ask_path(f"{found.team_name}_{found.iso_week}.ics")
        return self._write(roster_ics(found), path) if path else None

    def save_volunteer_ics(self, path: Path | str | None = None) -> Path | None:
        volunteer_id = self.volunteer.currentData()
        if volunteer_id is None:
            self._say(self.tr("这支队伍还没有队员。"), error=True)
            return None
        monday = roster.week_monday(self.iso_week())
        try:
            shifts = roster.volunteer_shifts(self.session, volunteer_id, monday,
                                             monday + timedelta(weeks=PERSONAL_WEEKS, days=-1))
        except RosterError as error:
            self._say(str(error), error=True)
            return None
        name = self.volunteer.currentText()
        path = path or self._ask_path(f"{name}_{self.iso_week()}.ics")
        return self._write(roster_ics(shifts, f"{name} 值班"), path) if path else None
