"""一键补缺: proposals for every short shift of the week (from today on), one row each with a
box to keep or drop it; 应用 assigns the ticked ones through ``assigning.apply_fill``.

The proposals never break a hard rule and never go over a shift's maximum (the domain's
fill algorithm); a proposal that a change made since has made impossible is skipped.

Proposing reads the whole team's week and month (about 0.4 s for 300 volunteers and 500
shifts, bench/schedule.py): :func:`services.scheduling.fill_gaps.find_gaps` runs on a
:class:`~..query_worker.QueryWorker` thread with its own read-only connection; :attr:`FillGapsDialog.busy` is True until the answer is shown.
Applying writes a few rows and stays on the GUI thread.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.permissions import PermissionDenied
from ...services.scheduling import assigning, schedule
from ...services.scheduling.fill_gaps import GapsFound, find_gaps
from ...services.scheduling.schedule_facts import ScheduleError
from ...services.session import Session
from ..forms import message_label, say
from ..query_worker import QueryWorker
from ..screen_fit import fit_to_screen
from .assign_dialog import item, table

NAME = "fill_gaps_dialog"


class FillGapsDialog(QDialog):
    def __init__(self, session: Session, team_ids: list[int], monday: date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.team_ids, self.monday = session, list(team_ids), monday
        self.proposals: list[assigning.Proposal] = []
        self.applied = 0
        self.busy = False
        self._waiting = 0                  # the worker request whose answer is wanted
        self._worker = QueryWorker(session, self)
        self._worker.answers.ready.connect(self._on_answer)
        self.finished.connect(lambda _result, worker=self._worker: worker.close())
        self.destroyed.connect(lambda *_, worker=self._worker: worker.close())
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("一键补缺"))
        self.summary = QLabel(objectName=f"{NAME}.summary")
        self.summary.setWordWrap(True)
        self.list = table(f"{NAME}.proposals", [self.tr("采用"), self.tr("班次"), self.tr("志愿者"),
                                                self.tr("理由")], (44, 300, 90))
        self.check_all = QPushButton(self.tr("全选"), objectName=f"{NAME}.check_all")
        self.check_none = QPushButton(self.tr("全不选"), objectName=f"{NAME}.check_none")
        self.apply_button = QPushButton(self.tr("安排勾选的人员"), objectName=f"{NAME}.apply")
        self.apply_button.setProperty("primary", True)
        self.apply_button.setDefault(True)
        close = QPushButton(self.tr("关闭"), objectName=f"{NAME}.close")
        self.message = message_label(NAME)
        hint = QLabel(self.tr("建议只补到每个班次的最少人数，优先本月时长少的队员，"
                              "不会安排有冲突、超出每周上限或不在空闲时间的人。取消勾选即可不采用。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_all)
        buttons.addWidget(self.check_none)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.check_all.clicked.connect(lambda: self._check_every(True))
        self.check_none.clicked.connect(lambda: self._check_every(False))
        self.list.itemChanged.connect(lambda _item: self._update_buttons())
        self.apply_button.clicked.connect(self.apply)
        close.clicked.connect(self.accept)
        self.propose()
        fit_to_screen(self, 860, 560)

    def propose(self) -> None:
        """Ask for proposals; they are shown when the worker answers (at once without one)."""
        team_ids, monday = list(self.team_ids), self.monday
        if not self._worker.available:     # an in-memory database, or the dialog was closed
            self._show(find_gaps(self.session, team_ids, monday))
            return
        self.busy = True
        for button in (self.apply_button, self.check_all, self.check_none):
            button.setEnabled(False)
        self.summary.setText(self.tr("正在为缺人的班次找人……"))
        self._waiting = self._worker.submit(lambda reader: find_gaps(reader, team_ids, monday))

    def _on_answer(self, number: int, result: Any) -> None:
        if number != self._waiting:
            return
        self.busy = False
        if isinstance(result, Exception):   # not a refusal (find_gaps says those): a bug, raise it here
            self._show(GapsFound())
            raise result
        self._show(result)

    def _show(self, found: GapsFound) -> None:
        if found.error:
            self._say(found.error, error=True)
        self.proposals = found.proposals
        self.list.blockSignals(True)
        self.list.setRowCount(len(self.proposals))
        for row, proposal in enumerate(self.proposals):
            box = QTableWidgetItem()
            box.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                         | Qt.ItemFlag.ItemIsSelectable)
            box.setCheckState(Qt.CheckState.Checked)
            self.list.setItem(row, 0, box)
            self.list.setItem(row, 1, item(proposal.shift_label, proposal.shift_id))
            self.list.setItem(row, 2, item(proposal.name, proposal.volunteer_id))
            reasons = item("；".join(proposal.reasons))
            reasons.setToolTip(reasons.text())
            self.list.setItem(row, 3, reasons)
        self.list.blockSignals(False)
        self._summarise(found.short)
        self.check_all.setEnabled(True)
        self.check_none.setEnabled(True)
        self._update_buttons()

    def _summarise(self, short: list[schedule.ShiftView]) -> None:
        needed = sum(s.min_people - s.filled for s in short)
        proposed = {(p.shift_id) for p in self.proposals}
        if not short:
            text = self.tr("本周（今天以后）没有缺人的班次。")
        else:
            text = self.tr("本周（今天以后）有 {0} 个班次缺人，共缺 {1} 人；建议安排 {2} 人次，涉及 {3} 个班次。").format(
                len(short), needed, len(self.proposals), len(proposed))
            if len(self.proposals) < needed:
                text += self.tr("还有 {0} 个名额找不到合适的人，可在“安排人员”里手动安排。").format(
                    needed - len(self.proposals))
        self.summary.setText(text)

    def _check_every(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for row in range(self.list.rowCount()):
            self.list.item(row, 0).setCheckState(state)

    def set_checked(self, row: int, on: bool) -> None:
        self.list.item(row, 0).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked(self) -> list[assigning.Proposal]:
        return [p for row, p in enumerate(self.proposals)
                if self.list.item(row, 0).checkState() == Qt.CheckState.Checked]

    def _update_buttons(self) -> None:
        count = len(self.checked())
        self.apply_button.setEnabled(count > 0)
        self.apply_button.setText(self.tr("安排勾选的 {0} 人次").format(count) if count
                                  else self.tr("安排勾选的人员"))

    def _say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)

    def apply(self) -> int:
        chosen = self.checked()
        if not chosen:
            self._say(self.tr("没有勾选任何建议。"))
            return 0
        try:
            done = assigning.apply_fill(self.session, chosen)
        except (ScheduleError, PermissionDenied) as error:
            self._say(str(error), error=True)
            return 0
        self.applied += done
        skipped = len(chosen) - done
        self.propose()
        self._say(self.tr("已安排 {0} 人次。").format(done)
                  + (self.tr("{0} 条因情况有变未能安排。").format(skipped) if skipped else ""))
        return done
