"""诉求 (接诉即办): the tickets (工单), the month's three rates (三率) and the hot spots to act on
before anyone calls (未诉先办). Staff handle tickets; supervisors read them and print the
report, with the buttons that change a ticket hidden (the services refuse them anyway).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ...services.session import Session
from ..lazy_tabs import LazyTabs
from ..signals import DataSignals
from .request_tickets import TicketsTab

if TYPE_CHECKING:
    from .request_hotspots import HotspotsTab
    from .request_rates import RatesTab


class RequestsPage(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        heading = QLabel(self.tr("诉求（接诉即办）"))
        heading.setProperty("role", "page-title")
        self.tickets = TicketsTab(session, signals)
        self.tabs = QTabWidget(objectName="requests.tabs")
        self.tabs.addTab(self.tickets, self.tr("工单"))
        # 三率 and 未诉先办 (their modules too) are built when first chosen
        self._lazy = LazyTabs(self.tabs)
        self._lazy.add("rates", self.tr("三率"), lambda: _rates_tab(session, signals))
        self._lazy.add("hotspots", self.tr("未诉先办"), lambda: _hotspots_tab(session, signals))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)

    @property
    def rates(self) -> RatesTab:
        return self._lazy.widget("rates")

    @property
    def hotspots(self) -> HotspotsTab:
        return self._lazy.widget("hotspots")

    @property
    def loading(self) -> bool:
        return self.tickets.loading or any(
            self._lazy.built(key) and self._lazy.widget(key).loading for key in ("rates", "hotspots"))

    def show_late_or_risk(self) -> None:
        """The 工作台 card's way in: the tickets that are late or at risk."""
        self.tabs.setCurrentWidget(self.tickets)
        self.tickets.set_view("late_or_risk")


def _rates_tab(session: Session, signals: DataSignals) -> RatesTab:
    from .request_rates import RatesTab

    return RatesTab(session, signals)


def _hotspots_tab(session: Session, signals: DataSignals) -> HotspotsTab:
    from .request_hotspots import HotspotsTab

    return HotspotsTab(session, signals)
