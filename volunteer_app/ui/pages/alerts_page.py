"""极端天气: run a weather warning from the window. 发布预警… builds the roll-call and the duty
shifts; the board at the top says how far the roll-call is; the tabs hold the roll-call with
one click per attempt, the unreached, the needs, the door visits, each caller's residents with
their WeChat text, and the warnings of the past with their reports. 打印点名表… and
录入点名表结果… are for the workers who call from paper; 解除预警… closes it and offers the
after-action report. A yellow line asks for the insurance of risky duty shifts.

Staff run a warning; supervisors read and print (the buttons that change anything are hidden,
and the services refuse them anyway). Everything shown is asked of the background runner.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.alerts import access
from ...services.session import Session
from ..forms import message_label, say
from ..page_load import PageLoad, WhenShown
from ..signals import DataSignals
from .alert_board import AlertBoard
from .alert_callers import CallersTab
from .alert_history import HistoryTab
from .alert_lists import DoorTab, InsuranceBanner, NeedsTab, UnreachedTab
from .alert_page_actions import AlertActions
from .alert_roll_table import RollTab

WATCHED = frozenset({"alerts", "alert_roll", "alert_attempts", "alert_communities", "alert_events",
                     "tasks", "settings"})


class AlertsPage(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.runs = access.can_run(session)
        self.alert: dict[str, Any] | None = None
        self.choices: list[dict[str, Any]] = []
        self.dialog: QDialog | None = None
        heading = QLabel(self.tr("极端天气"))
        heading.setProperty("role", "page-title")
        self.choice = QComboBox(objectName="alerts.choice")
        self.choice.setMinimumWidth(260)
        self.actions = AlertActions(self)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(12)
        top.addWidget(self.choice)
        top.addStretch(1)
        for button in self.actions.buttons:
            top.addWidget(button)
        self.banner = InsuranceBanner(self)
        self.board = AlertBoard(self)
        self.message = message_label("alerts")
        self.message.hide()                 # room for the roll-call until there is news
        self.roll = RollTab(session, signals)
        self.unreached = UnreachedTab(session)
        self.needs = NeedsTab(session)
        self.doors = DoorTab(session)
        self.callers = CallersTab(session, signals)
        self.history = HistoryTab(session)
        self.tabs = QTabWidget(objectName="alerts.tabs")
        for tab, text in ((self.roll, self.tr("点名")), (self.unreached, self.tr("未联系上")),
                          (self.needs, self.tr("需要帮助")), (self.doors, self.tr("上门查看")),
                          (self.callers, self.tr("按联系人")), (self.history, self.tr("历次预警"))):
            self.tabs.addTab(tab, text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.board)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.choice.currentIndexChanged.connect(lambda _i: self._on_chosen())
        for tab in (self.unreached, self.doors):
            tab.locate.connect(self.locate)
        self.history.chosen.connect(self.show_alert)
        self._choices = PageLoad(self, session, _choices, self._on_choices)
        self._board = PageLoad(self, session, _board, self._on_board)
        self._shown = WhenShown(self, signals, WATCHED, self.refresh)

    # -- loading -------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return (self._choices.loading or self._board.loading or self.roll.loading
                or self.callers.loading)

    def refresh(self) -> None:
        self._choices.ask()

    def _on_choices(self, rows: list[dict[str, Any]]) -> None:
        known = {r["id"] for r in self.choices}
        wanted = self.alert["id"] if self.alert else None
        fresh = [r for r in rows if r["closed_at"] is None and r["id"] not in known]
        if fresh:
            wanted = fresh[0]["id"]      # just started, here or in another window: shown first
        if wanted not in [r["id"] for r in rows]:
            wanted = rows[0]["id"] if rows else None
        self.choices = rows
        self.history.set_rows(rows)
        self.choice.blockSignals(True)
        self.choice.clear()
        for row in rows:
            state = self.tr("进行中") if row["closed_at"] is None else self.tr("已解除")
            self.choice.addItem(f"{row['title']} · {state} · {str(row['started_at'])[:10]}", row["id"])
        self.choice.setCurrentIndex(max(0, self.choice.findData(wanted)))
        self.choice.blockSignals(False)
        self._on_chosen()

    def show_alert(self, alert_id: int) -> None:
        """Show one warning (the history tab's choice)."""
        index = self.choice.findData(alert_id)
        if index >= 0:
            self.choice.setCurrentIndex(index)
            self.tabs.setCurrentWidget(self.roll)

    def _on_chosen(self) -> None:
        alert_id = self.choice.currentData()
        chosen = next((r for r in self.choices if r["id"] == alert_id), None)
        self.alert = chosen
        self.roll.set_alert(chosen)
        self.callers.set_alert(chosen)
        self.actions.update()
        if chosen is None:
            self.board.show_none()
            self.banner.show_warnings([])
            for tab in (self.unreached, self.needs, self.doors):
                tab.set_rows(None, [])
            return
        self._board.ask(chosen["id"], self.runs)

    def _on_board(self, answer: dict[str, Any]) -> None:
        board = answer["board"]
        if self.alert is None or board["alert"]["id"] != self.alert["id"]:
            return
        self.alert = {**self.alert, **board["alert"]}
        self.board.show_board(board)
        self.banner.show_warnings(answer["insurance"])
        self.unreached.set_rows(self.alert, board["unreached"], board.get("unreached_count"))
        self.needs.set_rows(self.alert, board["needs_help_rows"])
        self.doors.set_rows(self.alert, board["door_visits"])
        self.actions.update()

    def locate(self, roll_id: int) -> None:
        self.tabs.setCurrentWidget(self.roll)
        self.roll.locate(roll_id)

    def say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)
        self.message.setVisible(bool(text))


def _choices(session: Session) -> list[dict[str, Any]]:
    from ...services.alerts import figures
    return figures.warnings(session)


def _board(session: Session, alert_id: int, runs: bool) -> dict[str, Any]:
    """The board and its lists, and while the warning is open the insurance still missing."""
    from ...services.alerts import board, start
    figures = board.board(session, alert_id)
    open_ = figures["alert"]["closed_at"] is None
    return {"board": figures, "insurance": start.insurance_warnings(session, alert_id) if open_ and runs else []}

