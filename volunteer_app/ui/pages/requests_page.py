"""诉求 (接诉即办): the tickets (工单), the month's three rates (三率) and the hot spots to act on
before anyone calls (未诉先办). Staff handle tickets; supervisors read them and print the
report, with the buttons that change a ticket hidden (the services refuse them anyway).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ...services.session import Session
from ..signals import DataSignals
from .request_hotspots import HotspotsTab
from .request_rates import RatesTab
from .request_tickets import TicketsTab


class RequestsPage(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        heading = QLabel(self.tr("诉求（接诉即办）"))
        heading.setProperty("role", "page-title")
        self.tickets = TicketsTab(session, signals)
        self.rates = RatesTab(session, signals)
        self.hotspots = HotspotsTab(session, signals)
        self.tabs = QTabWidget(objectName="requests.tabs")
        self.tabs.addTab(self.tickets, self.tr("工单"))
        self.tabs.addTab(self.rates, self.tr("三率"))
        self.tabs.addTab(self.hotspots, self.tr("未诉先办"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)

    @property
    def loading(self) -> bool:
        return self.tickets.loading or self.rates.loading or self.hotspots.loading

    def show_late_or_risk(self) -> None:
        """The 工作台 card's way in: the tickets that are late or at risk."""
        self.tabs.setCurrentWidget(self.tickets)
        self.tickets.set_view("late_or_risk")
