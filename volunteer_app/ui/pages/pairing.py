"""80后帮90后: run the match, accept or reject proposals, keep active pairs and their visits.

The match runs on a worker thread with its own sqlite connection (a connection belongs to
its thread); the result comes back through a queued Qt signal, so the window stays
responsive on a whole street (5,000 residents take about 3 s, see bench/pairing.py).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import pairing
from ...services.permissions import Permission, PermissionDenied
from ...services.session import Session
from ..dialogs.visit_dialog import VisitDialog
from ..signals import DataSignals

LATE = QColor("#fde2e1")
WATCHED = frozenset({"pairings", "visits", "residents", "volunteers", "settings"})


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _item(text: object, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class PairingPage(QWidget):
    match_done = Signal(object)     # a Proposal, or an Exception from the worker

    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.proposal: pairing.Proposal | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="match")
        self._progress: QProgressDialog | None = None
        self.destroyed.connect(lambda *_, w=self._worker: w.shutdown(wait=True))
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

        self.tabs = QTabWidget(objectName="pairing.tabs")
        self.proposals = _table("pairing.proposals", [self.tr("帮手"), self.tr("老人"),
                                                      self.tr("得分"), self.tr("理由")])
        self.accept_selected = QPushButton(self.tr("接受所选"), objectName="pairing.accept")
        self.accept_all = QPushButton(self.tr("全部接受"), objectName="pairing.accept_all")
        self.reject_button = QPushButton(self.tr("拒绝所选"), objectName="pairing.reject")
        self.never_again = QCheckBox(self.tr("以后不再推荐这一对"), objectName="pairing.never_again")
        self.tabs.addTab(self._with_buttons(self.proposals, [
            self.accept_selected, self.accept_all, self.reject_button, self.never_again]),
            self.tr("建议结对"))

        self.active = _table("pairing.active", [self.tr("老人"), self.tr("帮手"), self.tr("住址"),
                                                self.tr("探访间隔"), self.tr("上次探访"),
                                                self.tr("应探访日期"), self.tr("状态"), self.tr("结对理由")])
        self.log_button = QPushButton(self.tr("登记探访…"), objectName="pairing.log_visit")
        self.release_reason = QLineEdit(objectName="pairing.release_reason")
        self.release_reason.setPlaceholderText(self.tr("解除原因（必填）"))
        self.release_button = QPushButton(self.tr("解除结对"), objectName="pairing.release")
        self.tabs.addTab(self._with_buttons(self.active, [
            self.log_button, self.release_reason, self.release_button]), self.tr("结对与探访"))

        self.unmatched = _table("pairing.unmatched", [self.tr("老人"), self.tr("住址"),
                                                      self.tr("悬空"), self.tr("原因")])
        self.tabs.addTab(self.unmatched, self.tr("未能结对"))

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
        self.match_done.connect(self._on_match_done)
        signals.changed.connect(self._on_data_changed)
        can_pair = session.can(Permission.PAIRING)
        for widget in (self.match_button, self.accept_selected, self.accept_all,
                       self.reject_button, self.release_button):
            widget.setEnabled(can_pair)
        self.log_button.setEnabled(session.can(Permission.VISIT_LOG))
        self.refresh_active()

    def _with_buttons(self, table: QTableWidget, widgets: list[QWidget]) -> QWidget:
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
        path = pairing.database_path(self.session)
        args = (self.session.actor, self.session.today(), self.widen.isChecked())
        self._progress = QProgressDialog(self.tr("正在为老人匹配帮手…"), self.tr("取消"), 0, 0, self)
        self._progress.setObjectName("pairing.progress")
        self._progress.setMinimumDuration(500)
        future = self._worker.submit(pairing.propose_on_own_connection, path, *args)
        future.add_done_callback(self._deliver)

    def _deliver(self, future: Future) -> None:
        # runs on the worker thread: no widget here, only a queued signal
        error = future.exception()
        self.match_done.emit(error if error is not None else future.result())

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
        pairs = proposal.result.pairs if proposal else []
        self.proposals.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            helper = proposal.helpers[pair.helper_id]
            resident = proposal.residents[pair.resident_id]
            self.proposals.setItem(row, 0, _item(helper["name"], row))
            self.proposals.setItem(row, 1, _item(resident["name"] + ("（悬空）" if pair.stranded else "")))
            self.proposals.setItem(row, 2, _item(f"{pair.score.total:g}"))
            self.proposals.setItem(row, 3, _item("；".join(pair.score.reasons)))
        unmatched = proposal.result.unmatched if proposal else []
        self.unmatched.setRowCount(len(unmatched))
        for row, item in enumerate(unmatched):
            resident = proposal.residents[item.resident_id]
            self.unmatched.setItem(row, 0, _item(resident["name"], item.resident_id))
            self.unmatched.setItem(row, 1, _item(f"{resident['place_name'] or ''}{resident['building']}"))
            self.unmatched.setItem(row, 2, _item("是" if resident["stranded"] else ""))
            self.unmatched.setItem(row, 3, _item(item.reason))
        for table in (self.proposals, self.unmatched):
            table.resizeColumnsToContents()

    def _selected_pairs(self) -> list:
        if not self.proposal:
            return []
        rows = sorted({i.row() for i in self.proposals.selectionModel().selectedRows()})
        return [self.proposal.result.pairs[r] for r in rows]

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
        for pair in pairs:
            pairing.reject(self.session, pair, do_not_repeat=self.never_again.isChecked())
        self._take(pairs)
        self.message.setText(self.tr("已拒绝 %1 条建议。").replace("%1", str(len(pairs))))

    # -- active pairs and visits ---------------------------------------------------------
    def refresh_active(self) -> None:
        self.pairs = pairing.active_pairs(self.session)
        self.active.setSortingEnabled(False)
        self.active.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            late = pair["days_late"]
            values = [pair["resident_name"] + ("（悬空）" if pair["stranded"] else ""),
                      pair["helper_name"], f"{pair['place_name'] or ''}{pair['building']}",
                      f"每{pair['every_days']}天", pair["last_visit"] or "尚未探访", pair["due_on"],
                      f"逾期{late}天" if late else "按时", "；".join(pair["reasons"])]
            for column, value in enumerate(values):
                item = _item(value, pair["id"] if column == 0 else None)
                if late:
                    item.setBackground(QBrush(LATE))
                    if column == 6:
                        item.setForeground(QBrush(QColor("#b3261e")))
                self.active.setItem(row, column, item)
        self.active.resizeColumnsToContents()

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
