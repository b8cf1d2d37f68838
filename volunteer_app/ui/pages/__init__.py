"""The pages of the navigation list, in order. Each page is a module with a QWidget class.

A page is built the first time it is shown, so start-up pays only for the dashboard.
Add a page by adding a :class:`PageSpec` here; the window shows only pages the acting
user's role may open.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ...services.permissions import Permission
from ...services.session import Session
from ..signals import DataSignals


@dataclass(frozen=True)
class PageSpec:
    key: str            # objectName of the page and of its navigation item: "page.residents"
    title: str
    module: str         # module under volunteer_app.ui.pages
    cls: str            # the QWidget subclass: cls(session, signals, parent)
    permission: Permission = Permission.LEDGER_READ
    or_permission: Permission | None = None     # a page some roles reach by another permission

    def allowed(self, session: Session) -> bool:
        """Whether the acting user's role sees this page."""
        return session.can(self.permission) or (
            self.or_permission is not None and session.can(self.or_permission))

    @property
    def display_title(self) -> str:
        """The title in the UI language (titles are marked with QT_TRANSLATE_NOOP("Pages", …))."""
        return QCoreApplication.translate("Pages", self.title)

    def build(self, session: Session, signals: DataSignals, parent: QWidget | None = None) -> QWidget:
        module = importlib.import_module(f"{__name__}.{self.module}")
        factory: Callable[..., QWidget] = getattr(module, self.cls)
        return factory(session, signals, parent)


PAGES: list[PageSpec] = [
    PageSpec("dashboard", QT_TRANSLATE_NOOP("Pages", "工作台"), "dashboard", "DashboardPage"),
    PageSpec("residents", QT_TRANSLATE_NOOP("Pages", "居民"), "residents", "ResidentsPage"),
    PageSpec("volunteers", QT_TRANSLATE_NOOP("Pages", "志愿者与队伍"), "volunteers", "VolunteersPage"),
    PageSpec("schedule", QT_TRANSLATE_NOOP("Pages", "任务与排班"), "schedule", "SchedulePage", Permission.LEDGER_READ),
    # staff run a weather warning; supervisors read the board and print; captains and the
    # administrator have no part in it
    PageSpec("alerts", QT_TRANSLATE_NOOP("Pages", "极端天气"), "alerts_page", "AlertsPage",
             Permission.ALERT_RUN, Permission.REPORT_PRINT),
    PageSpec("pairing", QT_TRANSLATE_NOOP("Pages", "80后帮90后"), "pairing", "PairingPage", Permission.LEDGER_READ),
    # staff handle tickets; supervisors read them and print the report; captains and the
    # admin do not see callers' requests at all
    PageSpec("requests", QT_TRANSLATE_NOOP("Pages", "诉求"), "requests_page", "RequestsPage",
             Permission.REQUEST_HANDLE, Permission.REPORT_PRINT),
    PageSpec("records", QT_TRANSLATE_NOOP("Pages", "服务记录"), "records", "RecordsPage", Permission.LEDGER_READ),
    PageSpec("audit", QT_TRANSLATE_NOOP("Pages", "操作日志"), "audit", "AuditPage", Permission.AUDIT_READ),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "设置"), "settings_page", "SettingsPage", Permission.SETTINGS),
]
