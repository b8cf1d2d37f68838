"""未诉先办: the places where the same problem keeps being reported (the same bin point, the
same stairwell light: ``requests.hotspot_min`` tickets or more in ``requests.hotspot_days``
days), the tickets of the selected one, and what to do before the next call: 建任务… (a team
task at that place, 垃圾分类值守 by default at a bin point) or 提醒工作人员… (a 网格巡查
ticket for a staff member).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.day_text import minute_text
from ...domain.requests import task_service_type
from ...services.admin import settings
from ...services.permissions import Permission, PermissionDenied
from ...services.requests import hotspots, tickets
from ...services.session import Session
from ..dialogs.request_dialogs import StaffDialog, TeamTaskDialog
from ..forms import message_label, push_button, say
from ..list_model import Field, ListTableModel
from ..page_load import PageLoad, WhenShown
from ..permissions import show_for
from ..signals import DataSignals
from ..tables import read_only_table
from .request_detail import countdown

WATCHED = frozenset({"requests", "places", "settings"})


class HotspotsTab(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.spots: list[Any] = []
        self.dialog: QDialog | None = None
        self.rule = QLabel(objectName="hotspots.rule", wordWrap=True)
        self.rule.setProperty("role", "hint")
        self.model = ListTableModel([
            Field(self.tr("点位"), lambda s: s["spot"].place_name or self.tr("（未匹配地点）")),
            Field(self.tr("楼栋"), lambda s: s["spot"].building),
            Field(self.tr("问题分类"), lambda s: s["spot"].category, tooltip=True),
            Field(self.tr("件数"), lambda s: str(s["spot"].count), lambda s: s["spot"].count, align_right=True),
            Field(self.tr("首次"), lambda s: str(s["spot"].first_at)[:10]),
            Field(self.tr("最近"), lambda s: str(s["spot"].last_at)[:10]),
        ], self)
        self.table = read_only_table("hotspots.table", self.model, (140, 70, 200, 50, 90))
        self.tickets = ListTableModel([
            Field(self.tr("工单编号"), lambda t: t["ticket_no"] or ""),
            Field(self.tr("来电时间"), lambda t: minute_text(t["received_at"])),
            Field(self.tr("状态"), lambda t: t["status"]),
            Field(self.tr("剩余时间"), countdown),
            Field(self.tr("诉求内容"), lambda t: t.get("content") or "", tooltip=True),
        ], self)
        self.tickets_table = read_only_table("hotspots.tickets", self.tickets, (118, 112, 60, 78))
        self.task_button = push_button(self.tr("建任务…"), "hotspots.task", primary=True)
        self.remind_button = push_button(self.tr("提醒工作人员…"), "hotspots.remind")
        for button in (self.task_button, self.remind_button):
            show_for(session, button, Permission.REQUEST_HANDLE)
            button.setEnabled(False)
        self.message = message_label("hotspots")
        buttons = QHBoxLayout()
        buttons.addWidget(self.task_button)
        buttons.addWidget(self.remind_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.rule)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("该点位的工单")))
        layout.addWidget(self.tickets_table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        self.task_button.clicked.connect(self._on_task)
        self.remind_button.clicked.connect(self._on_remind)
        self._shown = WhenShown(self, signals, WATCHED, self.refresh)
        self._load = PageLoad(self, session, hotspots.find, self._on_spots)
        self._spot_load = PageLoad(self, session, _spot_tickets, self._on_spot_tickets)

    @property
    def loading(self) -> bool:
        return self._load.loading or self._spot_load.loading

    def refresh(self) -> None:
        days, least = settings.get(self.session, "requests.hotspot_days"), settings.get(
            self.session, "requests.hotspot_min")
        self.rule.setText(self.tr("同一点位、同一类问题在近 %1 天内有 %2 件及以上诉求的，列在这里：趁下一次来电前先办。")
                          .replace("%1", str(days)).replace("%2", str(least)))
        self._load.ask()

    def _on_spots(self, spots: list[Any]) -> None:
        chosen = _key(self.chosen())
        self.spots = list(spots)
        self.model.set_rows([{"spot": spot} for spot in self.spots])
        self.tickets.set_rows([])
        keys = [_key(spot) for spot in self.spots]
        if chosen is not None and chosen in keys:   # after 建任务…: the same spot stays chosen
            self.table.selectRow(keys.index(chosen))    # (its tickets asked for again)
        else:
            self._on_selected()

    def chosen(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.spots[rows[0].row()] if rows and rows[0].row() < len(self.spots) else None

    def _on_selected(self) -> None:
        spot = self.chosen()
        self.tickets.set_rows([])
        if spot is not None:        # a spot of a street has hundreds: read on the runner
            self._spot_load.ask(spot.ticket_ids)
        for button in (self.task_button, self.remind_button):
            button.setEnabled(spot is not None)

    def _on_spot_tickets(self, found: tuple[Any, list[dict[str, Any]]]) -> None:
        ticket_ids, rows = found
        spot = self.chosen()
        if spot is not None and spot.ticket_ids == ticket_ids:     # still the one chosen
            self.tickets.set_rows(rows)

    def _open(self, dialog: QDialog, done: str) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: say(self.message, done))
        dialog.open()

    def _on_task(self) -> None:
        spot = self.chosen()
        if spot is None:
            return

        def make(worker: Session, team: int, service_type: int, start: Any, end: Any, headcount: int) -> int:
            return hotspots.to_task(worker, spot, team, service_type, start, end, headcount)

        self._open(TeamTaskDialog(self.session, self.tr("为高频点位建任务"), make,
                                  task_service_type(spot.category, spot.place_name, spot.building, otherwise=""), self),
                   self.tr("任务已建好，可在“任务与排班”里安排人员。"))

    def _on_remind(self) -> None:
        spot = self.chosen()
        if spot is None:
            return
        try:
            self._open(StaffDialog(self.session, self.tr("提醒工作人员"),
                                   lambda worker, staff: hotspots.to_reminder(worker, spot, staff), self),
                       self.tr("已给工作人员派了一件网格巡查工单。"))
        except PermissionDenied as error:
            say(self.message, str(error), error=True)


def _spot_tickets(session: Session, ticket_ids: Any) -> tuple[Any, list[dict[str, Any]]]:
    """The spot's tickets as the list shows them, and which spot's they are."""
    return ticket_ids, [tickets.get(session, i) for i in ticket_ids]


def _key(spot: Any | None) -> tuple[Any, ...] | None:
    return None if spot is None else (spot.place_id, spot.building, spot.category)
