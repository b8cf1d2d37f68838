"""80后帮90后: run the match, accept or reject proposals, keep active pairs and their visits.

The match runs on a :mod:`..runner` job with its own read-only session (a connection belongs
to its thread); the result comes back on the GUI thread as ``match_done``, so the window stays
responsive on a whole street (5,000 residents take about 3 s, see bench/pairing.py).
The three tables are :class:`ListTableModel` models over the service's rows. The active pairs
are loaded on the runner too (:mod:`..page_load`): a street has tens of thousands of them, each
with its last visit, and the page opens at once and fills when they are in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.care import pairing
from ...services.permissions import Permission, PermissionDenied
from ...services.session import Session
from .. import runner
from ..dialogs.visit_dialog import VisitDialog
from ..empty_hint import EmptyHint
from ..lazy_tabs import LazyTabs
from ..list_model import Field, ListTableModel
from ..page_load import PageLoad
from ..permissions import enable_for
from ..signals import DataSignals
from ..tables import column_widths, read_only_rows

if TYPE_CHECKING:
    from .coverage_tab import CoverageTab

LATE = QColor("#fde2e1")
LATE_TEXT = QColor("#b3261e")
WATCHED = frozenset({"pairings", "visits", "residents", "volunteers", "settings", "team_members"})
STATUS_COLUMN = 6   # of the active pairs: 按时 / 逾期N天


def _table(name: str, model: ListTableModel, widths: tuple[int, ...]) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    read_only_rows(table)
    column_widths(table, widths)
    return table


class PairingPage(QWidget):
    match_done = Signal(object)     # a Proposal, or the Exception that stopped the match

    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.proposal: pairing.Proposal | None = None
        self.pairs: list[dict[str, Any]] = []
        self._progress: QProgressDialog | None = None
        heading = QLabel(self.tr("80后帮90后"))
        heading.setProperty("role", "page-title")

        self.match_button = QPushButton(self.tr("匹配"), objectName="pairing.match")
        self.match_button.setProperty("primary", True)
        self.widen = QCheckBox(self.tr("允许跨社区结对"), objectName="pairing.widen")
        self.summary = QLabel(objectName="pairing.summary")
        top = QHBoxLayout()
        for widget in (self.match_button, self.widen, self.summary):
            top.addWidget(widget)
        top.addStretch(1)

        self.proposals_model = self._proposals_model()
        self.active_model = self._active_model()
        self.unmatched_model = self._unmatched_model()
        self.tabs = QTabWidget(objectName="pairing.tabs")
        self.proposals = _table("pairing.proposals", self.proposals_model, (110, 130, 56))
        self.accept_selected = QPushButton(self.tr("接受所选"), objectName="pairing.accept")
        self.accept_all = QPushButton(self.tr("全部接受"), objectName="pairing.accept_all")
        self.reject_button = QPushButton(self.tr("拒绝所选"), objectName="pairing.reject")
        self.never_again = QCheckBox(self.tr("以后不再推荐这一对"), objectName="pairing.never_again")
        self.tabs.addTab(self._with_buttons(self.proposals, [
            self.accept_selected, self.accept_all, self.reject_button, self.never_again]),
            self.tr("建议结对"))

        self.active = _table("pairing.active", self.active_model,
                             (130, 90, 150, 80, 100, 100, 80))
        self.log_button = QPushButton(self.tr("登记探访…"), objectName="pairing.log_visit")
        self.release_reason = QLineEdit(objectName="pairing.release_reason")
        self.release_reason.setPlaceholderText(self.tr("解除原因（必填）"))
        self.release_button = QPushButton(self.tr("解除结对"), objectName="pairing.release")
        self.tabs.addTab(self._with_buttons(self.active, [
            self.log_button, self.release_reason, self.release_button]), self.tr("结对与探访"))

        self.unmatched = _table("pairing.unmatched", self.unmatched_model, (110, 170, 50))
        self.tabs.addTab(self.unmatched, self.tr("未能结对"))
        # pairs, 包户 residents and uncovered ones, late by their own tier's cadence
        # built (and its staff list asked) when first chosen, not with the page
        self._lazy = LazyTabs(self.tabs)
        self._lazy.add("coverage", self.tr("逾期与未覆盖"), lambda: _coverage_tab(session, signals))

        self.proposals_hint = EmptyHint(self.proposals, self._no_proposals_text)

        self.message = QLabel(objectName="pairing.message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.match_button.clicked.connect(self._on_match)
        self.accept_selected.clicked.connect(self._on_accept_selected)
        self.accept_all.clicked.connect(self._on_accept_all)
        self.reject_button.clicked.connect(self._on_reject)
        self.log_button.clicked.connect(self._on_log_visit)
        self.release_button.clicked.connect(self._on_release)
        self.active.selectionModel().selectionChanged.connect(lambda *_: self._update_log_button())
        self.match_done.connect(self._on_match_done)
        signals.changed.connect(self._on_data_changed)
        for widget in (self.match_button, self.widen, self.accept_selected, self.accept_all,
                       self.reject_button, self.never_again, self.release_reason,
                       self.release_button):
            enable_for(session, widget, Permission.PAIRING)
        self._active_load = PageLoad(self, session, pairing.active_pairs, self._show_active)
        self.active_hint = EmptyHint(self.active, self._no_pairs_text, lambda: self.loading)
        self._first_answer = True
        self._update_log_button()
        self.refresh_active()
        if session.can(Permission.PAIRING):
            self.summary.setText(self.tr("点“匹配”为还没有帮手的老人生成建议结对。"))

    @property
    def coverage(self) -> CoverageTab:
        return self._lazy.widget("coverage")

    # -- what an empty list says ------------------------------------------------------------
    def _no_proposals_text(self) -> str:
        if not self.session.can(Permission.PAIRING):
            return self.tr("还没有建议结对。建议由社区工作者点“匹配”生成。")
        if self.proposal is None:
            return self.tr("还没有建议结对。点上面的“匹配”，为还没有帮手的“90后”老人"
                           "从“80后”志愿者和社区工作者里找帮手。")
        if self.proposal.result.unmatched:
            return self.tr("这次没有找到合适的帮手，原因见“未能结对”。")
        return self.tr("没有要结对的老人：还没有登记“90后”老人，或他们都已有帮手。")

    def _no_pairs_text(self) -> str:
        if self.session.can(Permission.PAIRING):
            return self.tr("还没有结对。在“建议结对”里点“匹配”，再接受合适的建议。")
        return self.tr("还没有结对。结对由社区工作者在“80后帮90后”里点“匹配”建立。")

    # -- the models -----------------------------------------------------------------------
    def _proposals_model(self) -> ListTableModel:
        """Rows {"pair", "helper", "resident"} made by :meth:`_fill_proposals`."""
        return ListTableModel([
            Field(self.tr("帮手"), lambda r: r["helper"]),
            Field(self.tr("老人"), lambda r: r["resident"]),
            Field(self.tr("得分"), lambda r: f"{r['pair'].score.total:g}",
                  lambda r: r["pair"].score.total, align_right=True),
            Field(self.tr("理由"), lambda r: "；".join(r["pair"].score.reasons), tooltip=True),
        ], self)

    def _active_model(self) -> ListTableModel:
        """Rows of :func:`services.care.pairing.active_pairs`; late ones tinted, their status red."""
        stranded, every, never = self.tr("（悬空）"), self.tr("每%1天"), self.tr("尚未探访")
        late, on_time = self.tr("逾期%1天"), self.tr("按时")
        late_brush, late_text = QBrush(LATE), QBrush(LATE_TEXT)
        return ListTableModel([
            Field(self.tr("老人"), lambda r: r["resident_name"] + (stranded if r["stranded"] else "")),
            Field(self.tr("帮手"), lambda r: r["helper_name"]),
            Field(self.tr("住址"), lambda r: f"{r['place_name'] or ''}{r['building']}"),
            Field(self.tr("探访间隔"), lambda r: every.replace("%1", str(r["every_days"])),
                  lambda r: r["every_days"]),
            Field(self.tr("上次探访"), lambda r: r["last_visit"] or never),
            Field(self.tr("应探访日期"), lambda r: r["due_on"]),
            Field(self.tr("状态"), lambda r: late.replace("%1", str(r["days_late"]))
                  if r["days_late"] else on_time, lambda r: r["days_late"]),
            Field(self.tr("结对理由"), lambda r: "；".join(r["reasons"]), tooltip=True),
        ], self, background=lambda r: late_brush if r["days_late"] else None,
            foreground=lambda r, c: late_text if r["days_late"] and c == STATUS_COLUMN else None)

    def _unmatched_model(self) -> ListTableModel:
        """Rows: a resident of the proposal with why no helper was found."""
        yes = self.tr("是")
        return ListTableModel([
            Field(self.tr("老人"), lambda r: r["name"]),
            Field(self.tr("住址"), lambda r: f"{r['place_name'] or ''}{r['building']}"),
            Field(self.tr("悬空"), lambda r: yes if r["stranded"] else ""),
            Field(self.tr("原因"), lambda r: r["reason"], tooltip=True),
        ], self)

    def _with_buttons(self, table: QTableView, widgets: list[QWidget]) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(table, 1)
        return box

    # -- matching -------------------------------------------------------------------------
    def _on_match(self) -> None:
        self.match_button.setEnabled(False)
        self.message.setText(self.tr("正在匹配…"))
        self._progress = QProgressDialog(self.tr("正在为老人匹配帮手…"), self.tr("取消"), 0, 0, self)
        self._progress.setObjectName("pairing.progress")
        self._progress.setMinimumDuration(500)
        runner.start(pairing.propose, self.widen.isChecked(), session=self.session,
                     done=self.match_done.emit, failed=self.match_done.emit, owner=self)

    def _on_match_done(self, outcome: object) -> None:
        cancelled = self._progress is not None and self._progress.wasCanceled()
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self.match_button.setEnabled(self.session.can(Permission.PAIRING))
        if cancelled:
            self.message.setText(self.tr("已取消匹配。"))
            return
        if isinstance(outcome, Exception):
            self.message.setText(str(outcome))
            return
        self.proposal = outcome
        self._fill_proposals()
        result = outcome.result
        self.summary.setText(self.tr("建议 %1 对（悬空老人 %2 位），未能结对 %3 位").replace(
            "%1", str(len(result.pairs))).replace("%2", str(result.stranded_matched)).replace(
            "%3", str(len(result.unmatched))))
        self.message.setText("")
        self.tabs.setCurrentIndex(0)

    def _fill_proposals(self) -> None:
        proposal = self.proposal
        if proposal is None:
            self.proposals_model.set_rows([])
            self.unmatched_model.set_rows([])
            return
        stranded = self.tr("（悬空）")
        self.proposals_model.set_rows([
            {"pair": pair, "helper": proposal.helpers[pair.helper_id]["name"],
             "resident": proposal.residents[pair.resident_id]["name"] + (stranded if pair.stranded else "")}
            for pair in proposal.result.pairs])
        self.unmatched_model.set_rows([
            {**proposal.residents[item.resident_id], "reason": item.reason}
            for item in proposal.result.unmatched])

    def _selected_pairs(self) -> list:
        rows = sorted({i.row() for i in self.proposals.selectionModel().selectedRows()})
        return [self.proposals_model.row(r)["pair"] for r in rows]

    def _take(self, pairs: list) -> None:
        """Drop handled pairs from the proposal list."""
        done = {(p.helper_id, p.resident_id) for p in pairs}
        self.proposal.result.pairs = [p for p in self.proposal.result.pairs
                                      if (p.helper_id, p.resident_id) not in done]
        self._fill_proposals()

    def _accept(self, pairs: list) -> None:
        if not pairs:
            self.message.setText(self.tr("请先在“建议结对”里选中要接受的结对。"))
            return
        try:
            pairing.accept(self.session, pairs)
        except (pairing.PairingError, PermissionDenied) as error:
            QMessageBox.warning(self, self.tr("无法结对"), str(error))
            return
        self._take(pairs)
        self.message.setText(self.tr("已结对 %1 对。").replace("%1", str(len(pairs))))

    def _on_accept_selected(self) -> None:
        self._accept(self._selected_pairs())

    def _on_accept_all(self) -> None:
        self._accept(list(self.proposal.result.pairs) if self.proposal else [])

    def _on_reject(self) -> None:
        pairs = self._selected_pairs()
        if not pairs:
            self.message.setText(self.tr("请先选中要拒绝的建议。"))
            return
        try:
            for pair in pairs:
                pairing.reject(self.session, pair, do_not_repeat=self.never_again.isChecked())
        except PermissionDenied as error:
            self.message.setText(str(error))
            return
        self._take(pairs)
        self.message.setText(self.tr("已拒绝 %1 条建议。").replace("%1", str(len(pairs))))

    # -- active pairs and visits ---------------------------------------------------------
    @property
    def loading(self) -> bool:
        """The active pairs asked of the runner have not come back yet."""
        return self._active_load.loading

    def refresh_active(self) -> None:
        """Ask for the active pairs on the background runner; the newest answer is shown."""
        self._active_load.ask()
        self.active_hint.update()       # hidden while asking: an old "none" is not the answer

    def _show_active(self, pairs: list[dict[str, Any]]) -> None:
        chosen = self._chosen_pair_id()
        self.pairs = pairs
        self.active_model.set_rows(self.pairs)
        ids = [pair["id"] for pair in self.pairs]
        if chosen in ids:
            self.active.selectRow(ids.index(chosen))
        self._update_log_button()
        # Nothing is proposed until 匹配 is pressed: once the pairs are in, show them, unless
        # the person has moved on meanwhile.
        first, self._first_answer = self._first_answer, False
        if first and self.pairs and self.proposal is None and self.tabs.currentIndex() == 0:
            self.tabs.setCurrentIndex(1)

    def _chosen_pair_id(self) -> int | None:
        rows = self.active.selectionModel().selectedRows()
        return self.pairs[rows[0].row()]["id"] if rows and rows[0].row() < len(self.pairs) else None

    def _update_log_button(self) -> None:
        """登记探访 acts on the chosen pair: a captain only for a helper of a team they lead."""
        if not enable_for(self.session, self.log_button, Permission.VISIT_LOG):
            return
        rows = self.active.selectionModel().selectedRows()
        pair = self.pairs[rows[0].row()] if rows else None
        allowed = pair is None or pairing.may_log_visit(self.session, pair)
        self.log_button.setEnabled(allowed)
        self.log_button.setToolTip("" if allowed else self.tr(
            "队长只能为自己带领的队伍的队员登记探访。"))

    def _current_pair(self) -> dict | None:
        rows = self.active.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("请先在“结对与探访”里选中一个结对。"))
            return None
        return self.pairs[rows[0].row()]

    def _on_log_visit(self) -> VisitDialog | None:
        pair = self._current_pair()
        if pair is None:
            return None
        dialog = VisitDialog(self.session, pair, self)
        dialog.open()
        return dialog

    def _on_release(self) -> None:
        pair = self._current_pair()
        if pair is None:
            return
        try:
            pairing.release(self.session, pair["id"], self.release_reason.text())
        except (pairing.PairingError, PermissionDenied) as error:
            self.message.setText(str(error))
            return
        self.release_reason.clear()
        self.message.setText(self.tr("已解除%1与%2的结对。").replace(
            "%1", pair["helper_name"]).replace("%2", pair["resident_name"]))

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if tables & WATCHED:
            self.refresh_active()


def _coverage_tab(session: Session, signals: DataSignals) -> CoverageTab:
    from .coverage_tab import CoverageTab

    return CoverageTab(session, signals)
