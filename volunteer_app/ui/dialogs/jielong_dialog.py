"""接龙导入: paste a WeChat sign-up thread, see each name matched to a volunteer (and how),
choose where the match is unsure, then put them on the selected shift; each name shows
what happened to it, a conflict with its reason.

Names with only reminders (soft conflicts) are not assigned until 有提醒的也安排 is ticked
and 安排 pressed again: one decision for the whole list instead of a box per name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.jielong import parse_jielong
from ...services.permissions import PermissionDenied
from ...services.scheduling import jielong, schedule
from ...services.scheduling.jielong import AssignResult, NameMatch
from ...services.session import Session
from ..forms import message_label, say
from ..screen_fit import fit_to_screen
from ..widgets.week_view import headline
from .assign_dialog import HARD_TEXT, SOFT_TEXT, item, table

NAME = "jielong_dialog"
DONE_TEXT = QColor("#1f6b34")
EXAMPLE = "#接龙\n周六上午铲冰，8点东门集合\n\n1. 张三\n2. 李四 +1\n3. 王五（带铁锹）"


class JielongDialog(QDialog):
    def __init__(self, session: Session, shift_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.shift_id = session, shift_id
        self.shift = schedule.shift(session, shift_id)
        self.matches: list[NameMatch] = []
        self.results: dict[int, AssignResult] = {}     # row → what assigning it did
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("接龙导入"))
        heading = QLabel(self.tr("安排到：") + headline(self.shift))
        heading.setStyleSheet("font-weight:bold; color:#24364f;")
        heading.setWordWrap(True)
        self.text = QPlainTextEdit(objectName=f"{NAME}.text")
        self.text.setPlaceholderText(self.tr("把微信群里的接龙整段复制粘贴到这里，例如：\n") + EXAMPLE)
        self.text.setMaximumHeight(150)
        self.read_button = QPushButton(self.tr("识别名单"), objectName=f"{NAME}.read")
        self.thread_title = QLabel(objectName=f"{NAME}.title")
        self.thread_title.setProperty("role", "hint")
        read_row = QHBoxLayout()
        read_row.addWidget(self.read_button)
        read_row.addWidget(self.thread_title, 1)
        self.list = table(f"{NAME}.names", [self.tr("接龙里的名字"), self.tr("对应的志愿者"),
                                            self.tr("怎样对上的"), self.tr("结果")], (110, 170, 190))
        self.list.verticalHeader().setDefaultSectionSize(30)
        self.with_warnings = QCheckBox(self.tr("有提醒的也安排"), objectName=f"{NAME}.with_warnings")
        self.assign_button = QPushButton(self.tr("安排到此班次"), objectName=f"{NAME}.assign")
        self.assign_button.setProperty("primary", True)
        close = QPushButton(self.tr("关闭"), objectName=f"{NAME}.close")
        self.message = message_label(NAME)
        buttons = QHBoxLayout()
        buttons.addWidget(self.with_warnings)
        buttons.addStretch(1)
        buttons.addWidget(self.assign_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        layout.addLayout(read_row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.read_button.clicked.connect(self.read)
        self.assign_button.clicked.connect(self.assign)
        close.clicked.connect(self.accept)
        self.assign_button.setEnabled(False)
        fit_to_screen(self, 820, 600)

    # -- reading -------------------------------------------------------------------------------
    def read(self) -> None:
        thread = parse_jielong(self.text.toPlainText())
        if not thread.names:
            self._say(self.tr("没有读出名字。请粘贴带编号的接龙（1. 张三  2. 李四 …），或一行一个名字。"),
                      error=True)
            self.matches = []
            self.list.setRowCount(0)
            self.assign_button.setEnabled(False)
            return
        try:
            self.matches = jielong.match_names(self.session, self.shift.team_id, thread.names)
        except PermissionDenied as error:
            self._say(str(error), error=True)
            return
        self.thread_title.setText(self.tr("接龙：{0}（{1}人）").format(thread.title or "（无标题）",
                                                                     len(thread.names)))
        self.results = {}
        self.list.setRowCount(len(self.matches))
        for row, match in enumerate(self.matches):
            self.list.setItem(row, 0, item(match.name))
            self.list.setCellWidget(row, 1, self._chooser(row, match))
            how = item(match.reason)
            if not match.sure:
                how.setForeground(QBrush(SOFT_TEXT if match.candidates else HARD_TEXT))
            self.list.setItem(row, 2, how)
            self.list.setItem(row, 3, item(""))
        unsure = sum(1 for m in self.matches if not m.sure)
        self._say(self.tr("读出 {0} 个名字，{1} 个已对上").format(len(self.matches), len(self.matches) - unsure)
                  + (self.tr("，{0} 个请在“对应的志愿者”里选择。").format(unsure) if unsure else "。"))
        self.assign_button.setEnabled(True)

    def _chooser(self, row: int, match: NameMatch) -> QComboBox:
        combo = QComboBox(objectName=f"{NAME}.choice{row}")
        if match.sure:
            volunteer_id, name = match.candidates[0]
            combo.addItem(name, volunteer_id)
        elif match.candidates:
            combo.addItem(self.tr("请选择…"), None)
            for volunteer_id, name in match.candidates:
                combo.addItem(name, volunteer_id)
        else:
            combo.addItem(self.tr("（没有找到）"), None)
            combo.setEnabled(False)
        if match.candidates:
            combo.addItem(self.tr("（不安排）"), None)
        return combo

    def chooser(self, row: int) -> QComboBox:
        return self.list.cellWidget(row, 1)

    def choose(self, row: int, volunteer_id: int | None) -> None:
        combo = self.chooser(row)
        combo.setCurrentIndex(max(0, combo.findData(volunteer_id)))

    # -- assigning -----------------------------------------------------------------------------
    def chosen(self) -> list[tuple[int, str, int]]:
        """(row, written name, volunteer id) of the rows with a volunteer and not yet done."""
        out = []
        for row, match in enumerate(self.matches):
            volunteer_id = self.chooser(row).currentData()
            done = self.results.get(row)
            if volunteer_id is not None and not (done and done.status == "assigned"):
                out.append((row, match.name, volunteer_id))
        return out

    def assign(self) -> list[AssignResult]:
        picked = self.chosen()
        if not picked:
            self._say(self.tr("没有要安排的人：请在“对应的志愿者”里选择。"))
            return []
        try:
            results = jielong.assign_names(self.session, self.shift_id, [(n, v) for _r, n, v in picked],
                                           accept_warnings=self.with_warnings.isChecked())
        except PermissionDenied as error:
            self._say(str(error), error=True)
            return []
        for (row, _name, _vid), result in zip(picked, results, strict=True):
            self.results[row] = result
            self._show_result(row, result)
        counts = {s: sum(1 for r in results if r.status == s) for s in ("assigned", "warning", "blocked", "error")}
        text = self.tr("已安排 {0} 人").format(counts["assigned"])
        if counts["warning"]:
            text += self.tr("；{0} 人有提醒未安排，确认后勾选“有提醒的也安排”再点一次").format(counts["warning"])
        if counts["blocked"] + counts["error"]:
            text += self.tr("；{0} 人不能安排（原因见“结果”）").format(counts["blocked"] + counts["error"])
        self._say(text + "。")
        return results

    def _show_result(self, row: int, result: AssignResult) -> None:
        cell = item(result.message)
        cell.setToolTip(result.message)
        colour = {"assigned": DONE_TEXT, "warning": SOFT_TEXT}.get(result.status, HARD_TEXT)
        cell.setForeground(QBrush(colour))
        self.list.setItem(row, 3, cell)
        if result.status == "assigned":
            self.chooser(row).setEnabled(False)

    def result_text(self, row: int) -> str:
        cell: Any = self.list.item(row, 3)
        return cell.text() if cell else ""

    def _say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)
