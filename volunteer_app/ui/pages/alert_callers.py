"""按联系人: each caller of the warning (paired helpers first, then 包户人 and the staff on duty)
with how many of their residents are reached, the chosen caller's residents, and 复制微信通知:
the caller's WeChat text ("请在今天18点前联系以下老人……") copied to the clipboard and shown,
ready to paste into their chat. The texts are written (and the phones in them audited) on the
background runner: a street's roll-call held the window 0.4-0.7 s.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.alerts import access
from ...services.alerts import callers as alert_callers
from ...services.session import Session
from ..forms import message_label, push_button, say, time_edit
from ..list_model import Field, ListTableModel
from ..page_load import PageLoad, WhenShown
from ..signals import DataSignals
from ..tables import read_only_table

WATCHED = frozenset({"alerts", "alert_roll", "alert_attempts"})
SHOWN_AT_ONCE = 300         # callers' texts added to the box per turn of the event loop (~10 ms)


class CallersTab(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.alert: dict[str, Any] | None = None
        self.rows: list[dict[str, Any]] = []
        self.model = ListTableModel([
            Field(self.tr("联系人"), lambda c: c.get("caller_name") or self.tr("（未定）")),
            Field(self.tr("身份"), lambda c: c.get("caller_role") or ""),
            Field(self.tr("电话"), lambda c: c.get("phone") or ""),
            Field(self.tr("居民"), lambda c: str(len(c["residents"])), lambda c: len(c["residents"]),
                  align_right=True),
            Field(self.tr("已联系"), lambda c: str(_reached(c)), _reached, align_right=True),
        ], self)
        self.table = read_only_table("callers.table", self.model, (90, 90, 110, 48))
        self.residents = ListTableModel([
            Field(self.tr("姓名"), lambda r: r["resident_name"]),
            Field(self.tr("状态"), lambda r: r["state"]),
            Field(self.tr("电话"), lambda r: r.get("phone") or ""),
            Field(self.tr("地址"), lambda r: r.get("address") or "", tooltip=True),
        ], self)
        self.resident_table = read_only_table("callers.residents", self.residents, (80, 70, 110))
        self.deadline = time_edit("callers.deadline", time(18, 0))
        self.copy_button = push_button(self.tr("复制微信通知"), "callers.copy", primary=True)
        self.text = QPlainTextEdit(objectName="callers.text", readOnly=True)
        self.text.setPlaceholderText(self.tr("选择联系人后点“复制微信通知”，通知会显示在这里并复制到剪贴板，"
                                             "可直接粘贴到微信。不选联系人时复制全部。"))
        self.message = message_label("callers")
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(8, 0, 0, 0)
        side.addWidget(self.resident_table, 2)
        copy_row = QHBoxLayout()
        copy_row.addWidget(QLabel(self.tr("联系截止")))
        copy_row.addWidget(self.deadline)
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        side.addLayout(copy_row)
        side.addWidget(self.text, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([420, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        self.copy_button.clicked.connect(self.copy_texts)
        self._shown = WhenShown(self, signals, WATCHED, self.refresh)
        self._load = PageLoad(self, session, _callers, self._on_rows, writes=True)
        self._texts = PageLoad(self, session, _wechat_texts, self._on_texts, writes=True)
        self._shown_later: list[str] = []      # the texts still to add to the box, in order

    @property
    def loading(self) -> bool:
        return self._load.loading or self._texts.loading or bool(self._shown_later)

    def set_alert(self, alert: dict[str, Any] | None) -> None:
        # the texts ask callers to call: for those who run the warning, while it is open
        self.copy_button.setVisible(access.can_run(self.session) and alert is not None
                                    and alert.get("closed_at") is None)
        if (alert or {}).get("id") == (self.alert or {}).get("id"):
            self.alert = alert
            return
        self.alert = alert
        self._on_rows([])
        if self.isVisible():
            self.refresh()
        else:
            self._shown.stale = True

    def refresh(self) -> None:
        if self.alert is not None:
            self._load.ask(self.alert["id"])

    def _on_rows(self, rows: list[dict[str, Any]]) -> None:
        chosen = self.chosen()
        self.rows = rows
        self.model.set_rows(rows)
        ids = [r.get("caller_id") for r in rows]
        if chosen is not None and chosen.get("caller_id") in ids:
            self.table.selectRow(ids.index(chosen.get("caller_id")))
        self._on_selected()

    def chosen(self) -> dict[str, Any] | None:
        picked = self.table.selectionModel().selectedRows()
        return self.rows[picked[0].row()] if picked and picked[0].row() < len(self.rows) else None

    def select_caller(self, caller_id: int) -> None:
        self.table.selectRow([r.get("caller_id") for r in self.rows].index(caller_id))

    def _on_selected(self) -> None:
        chosen = self.chosen()
        self.residents.set_rows(chosen["residents"] if chosen else [])

    def copy_texts(self) -> None:
        """The chosen caller's WeChat text (everyone's when none is chosen) to the clipboard,
        once the runner has written it; 复制微信通知 waits meanwhile."""
        if self.alert is None or self._texts.loading:
            return
        day = access.now(self.session).date()
        deadline = datetime.combine(day, time(self.deadline.time().hour(), self.deadline.time().minute()))
        chosen = self.chosen()
        self.copy_button.setEnabled(False)
        self._texts.ask(self.alert["id"], deadline, None if chosen is None else (chosen.get("caller_id"),))

    def _on_texts(self, answer: tuple[list[dict[str, Any]], str]) -> None:
        texts, refusal = answer
        self.copy_button.setEnabled(True)
        if refusal:
            say(self.message, refusal, error=True)
            return
        text = "\n\n".join(t["text"] for t in texts)
        QGuiApplication.clipboard().setText(text)
        self._show([t["text"] for t in texts])
        say(self.message, self.tr("已复制 %1 条微信通知，可粘贴到微信。").replace("%1", str(len(texts))))

    def _show(self, texts: list[str]) -> None:
        """The texts in the box a slice at a time: a street's texts (1.7 MB) laid out at once
        held the window ~0.1 s."""
        self._shown_later = []
        for start in range(0, len(texts), SHOWN_AT_ONCE):
            self._shown_later.append("\n\n".join(texts[start:start + SHOWN_AT_ONCE]))
        self.text.setPlainText(self._shown_later.pop(0) if self._shown_later else "")
        if self._shown_later:
            QTimer.singleShot(0, self._show_more)

    def _show_more(self) -> None:
        if not self._shown_later:
            return
        self.text.appendPlainText("\n" + self._shown_later.pop(0))     # a blank line between
        if self._shown_later:
            QTimer.singleShot(0, self._show_more)


def _reached(caller: dict[str, Any]) -> int:
    return sum(1 for r in caller["residents"] if r.get("reached_at"))


def _callers(session: Session, alert_id: int) -> list[dict[str, Any]]:
    return alert_callers.callers(session, alert_id)


def _wechat_texts(session: Session, alert_id: int, deadline: datetime,
                  caller: tuple[int | None] | None) -> tuple[list[dict[str, Any]], str]:
    """On the runner: the texts of ``caller`` (a 1-tuple; None: everyone's), or the service's
    reason for refusing them (the warning was closed meanwhile)."""
    from ...services.alerts import paper

    try:
        texts = paper.wechat_texts(session, alert_id, deadline)
    except ValueError as error:
        return [], str(error)
    if caller is not None:
        texts = [t for t in texts if t["caller_id"] == caller[0]]
    return texts, ""
