"""工作台: the numbers that matter now, each a card; refreshed when the ledgers change.

The figures are counted on the background runner (:mod:`..page_load`): on a street-sized file
they are a dozen counts over 100,000 residents, and the service's imports reach the matcher's
scipy (about 0.3 s to import), which the window's first page should not wait for either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QEnterEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...services.alerts import access as alert_access
from ...services.requests import access
from ...services.session import Session
from ..page_load import PageLoad
from ..signals import DataSignals

if TYPE_CHECKING:
    from ...services.admin import dashboard
    from .first_steps import FirstSteps, Step

FIRST_ASK_MS = 200     # the first figures wait for the first paint, at most this long
WATCHED = frozenset({"residents", "volunteers", "team_members", "teams", "pairings", "settings"})
REQUESTS_WATCHED = frozenset({"requests", "request_events", "settings"})
ALERTS_WATCHED = frozenset({"alerts", "alert_roll", "alert_attempts"})


class StatCard(QFrame):
    clicked = Signal()      # only a card made clickable (``set_clickable``) emits it

    def __init__(self, key: str, title: str, hint: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._clickable = False
        self.setObjectName(f"dashboard.{key}")
        self.setProperty("card", True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.title = QLabel(title)
        self.title.setProperty("role", "card-title")
        self.value = QLabel("—", objectName=f"dashboard.{key}.value")
        self.value.setProperty("role", "card-value")
        self.hint = QLabel(hint)
        self.hint.setProperty("role", "card-hint")
        self.hint.setWordWrap(True)
        for label in (self.title, self.value, self.hint):
            layout.addWidget(label)

    def set_value(self, value: int | str) -> None:
        self.value.setText(str(value))

    def set_clickable(self, tooltip: str) -> None:
        self._clickable = True
        self.setToolTip(tooltip)

    # Qt is imported in the handlers, not at the top: this is the window's first page, and
    # touching PySide's Qt namespace builds its ~90 enum classes (~25 ms) before the first
    # paint. The hand cursor is set when the mouse first comes over the card.
    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 (Qt name)
        if self._clickable:
            from PySide6.QtCore import Qt

            self.setCursor(Qt.CursorShape.PointingHandCursor)
        super().enterEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        from PySide6.QtCore import Qt

        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class DashboardPage(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        heading = QLabel(self.tr("工作台"))
        heading.setProperty("role", "page-title")
        self.cards = {
            "uncovered": StatCard("uncovered", self.tr("未覆盖"),
                                  self.tr("高风险和重点居民中，既无结对帮手、也无包户人的")),
            "seniors": StatCard("seniors", self.tr("90岁以上老人"), self.tr("“90后”：年满90周岁")),
            "stranded": StatCard("stranded", self.tr("悬空老人"), self.tr("住高层无电梯或不能上下楼的老人")),
            "alone": StatCard("alone", self.tr("独居居民")),
            "residents": StatCard("residents", self.tr("在册居民")),
            "volunteers": StatCard("volunteers", self.tr("在册志愿者")),
            "helpers": StatCard("helpers", self.tr("可结对的80后帮手"),
                                self.tr("出生于80年代、还能再结对的志愿者和社区工作者")),
        }
        self.cards["uncovered"].set_clickable(self.tr("点击查看未覆盖居民名单"))
        self.cards["uncovered"].clicked.connect(self._on_uncovered_clicked)
        # 接诉即办 for those who may read tickets (staff, supervisors): callers' requests are
        # not the captains' or the administrator's business
        if access.can_read(session):
            self.cards["requests"] = StatCard("requests", self.tr("未办结诉求"))
            self.cards["requests"].set_clickable(self.tr("点击查看超时或有风险的诉求"))
            self.cards["requests"].clicked.connect(self._on_requests_clicked)
        # an open weather warning, for those who run or read it: shown only while one is open
        if alert_access.can_read(session):
            self.cards["alert"] = StatCard("alert", self.tr("极端天气预警"))
            self.cards["alert"].set_clickable(self.tr("点击打开极端天气点名"))
            self.cards["alert"].clicked.connect(self._on_alert_clicked)
            self.cards["alert"].hide()
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 3, i % 3)
        # One row per team, each label with its team's id in its objectName.
        self.teams_box = QWidget(objectName="dashboard.teams")
        self.teams_grid = QGridLayout(self.teams_box)
        self.teams_grid.setContentsMargins(0, 0, 0, 0)
        self.teams_grid.setHorizontalSpacing(24)
        self.teams_grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(heading)
        self.first_steps: FirstSteps | None = None     # made when the figures show a new office
        layout.addLayout(grid)
        teams_title = QLabel(self.tr("各队伍人数"))
        teams_title.setProperty("role", "section-title")
        layout.addWidget(teams_title)
        layout.addWidget(self.teams_box)
        layout.addStretch(1)
        signals.changed.connect(self._on_data_changed)
        self._load = PageLoad(self, session, _load, self._show)
        self._alert = PageLoad(self, session, _alert_card, self._show_alert)
        # The first figures are asked once the window has painted: the worker's imports and
        # counts would otherwise share Python's lock with the GUI thread while it lays out and
        # paints the first window. A page never shown asks after FIRST_ASK_MS all the same.
        self._first_ask_pending = True
        self.installEventFilter(self)
        QTimer.singleShot(FIRST_ASK_MS, self, self._first_ask)

    @property
    def loading(self) -> bool:
        """The figures asked of the runner have not come back yet (the cards show —)."""
        return self._first_ask_pending or self._load.loading or self._alert.loading

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self and event.type() == QEvent.Type.Paint and self._first_ask_pending:
            QTimer.singleShot(0, self, self._first_ask)     # after this paint has ended
        return False

    def _first_ask(self) -> None:
        if self._first_ask_pending:
            self._first_ask_pending = False
            self.removeEventFilter(self)
            self.refresh()

    def refresh(self) -> None:
        self._load.ask()
        self.refresh_alert()

    def refresh_alert(self) -> None:
        """The warning's card alone: one cheap count on every roll-call change."""
        if "alert" in self.cards:
            self._alert.ask()

    def _show_alert(self, card: dict | None) -> None:
        widget = self.cards["alert"]
        widget.setVisible(card is not None)
        if card is None:
            return
        widget.title.setText(card["title"])
        widget.set_value(self.tr("已联系 %1/%2").replace("%1", str(card["reached"]))
                         .replace("%2", str(card["total"])))
        widget.hint.setText(self.tr("需要帮助未办 %1 人，待上门查看 %2 人").replace("%1", str(card["needs_open"]))
                            .replace("%2", str(card["doors_open"])))

    def _show(self, answer: tuple[dashboard.Dashboard, dict | None]) -> None:
        numbers, requests = answer
        self.cards["uncovered"].set_value(numbers.uncovered)
        self.cards["seniors"].set_value(numbers.seniors)
        self.cards["stranded"].set_value(numbers.stranded)
        self.cards["alone"].set_value(numbers.living_alone)
        self.cards["residents"].set_value(numbers.residents)
        self.cards["volunteers"].set_value(numbers.volunteers)
        self.cards["helpers"].set_value(numbers.helpers_available)
        self._show_teams(numbers.teams)
        self._show_first_steps(numbers)
        if requests is not None and "requests" in self.cards:
            self._show_requests(requests)

    def _show_first_steps(self, numbers: dashboard.Dashboard) -> None:
        """开始使用, under the title, while the office is new: made the first time it is needed,
        so that a settled office's first paint does not build it."""
        if self.first_steps is None:
            if numbers.residents and numbers.volunteers and numbers.teams:
                return
            from .first_steps import FirstSteps

            self.first_steps = FirstSteps(self.session, self._open_step, self)
            self.layout().insertWidget(1, self.first_steps)
        self.first_steps.show_for(numbers)

    def _open_step(self, step: Step) -> None:
        window = self.window()
        if hasattr(window, "show_page"):
            page = window.show_page(step.page)
            if step.tab:
                getattr(page, step.tab)()

    def _show_requests(self, numbers: dict) -> None:
        card = self.cards["requests"]
        card.set_value(numbers["open"])
        rates = "、".join(f"{name}{_percent(numbers[key])}" for key, name in (
            ("response_rate", self.tr("响应率")), ("resolution_rate", self.tr("解决率")),
            ("satisfaction_rate", self.tr("满意率"))))
        card.hint.setText(self.tr("超时 %1 件，有风险 %2 件；%3月 %4").replace("%1", str(numbers["late"]))
                          .replace("%2", str(numbers["at_risk"]))
                          .replace("%3", str(int(numbers["month"][5:]))).replace("%4", rates))

    def _show_teams(self, teams: list[dashboard.TeamCount]) -> None:
        while self.teams_grid.count():
            old = self.teams_grid.takeAt(0).widget()
            old.setParent(None)  # gone from findChild now, not at the next event loop turn
            old.deleteLater()
        if not teams:
            self.teams_grid.addWidget(QLabel(self.tr("还没有队伍。"), objectName="dashboard.teams.none"))
        people = self.tr("%1 人")
        for row, team in enumerate(teams):
            name = QLabel(team.name, objectName=f"dashboard.team.{team.id}.name")
            count = QLabel(people.replace("%1", str(team.members)),
                           objectName=f"dashboard.team.{team.id}.members")
            self.teams_grid.addWidget(name, row, 0)
            self.teams_grid.addWidget(count, row, 1)

    def _on_uncovered_clicked(self) -> None:
        """Open the 居民 page on its 未覆盖 filter (the page list belongs to the main window)."""
        window = self.window()
        if hasattr(window, "show_page"):
            window.show_page("residents").show_uncovered()

    def _on_requests_clicked(self) -> None:
        """Open the 诉求 page on the tickets that are late or at risk."""
        window = self.window()
        if hasattr(window, "show_page"):
            window.show_page("requests").show_late_or_risk()

    def _on_alert_clicked(self) -> None:
        window = self.window()
        if hasattr(window, "show_page"):
            window.show_page("alerts")

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if tables & WATCHED or (tables & REQUESTS_WATCHED and "requests" in self.cards):
            self.refresh()
        elif tables & ALERTS_WATCHED:
            self.refresh_alert()


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def _alert_card(session: Session) -> dict | None:
    from ...services.alerts import figures
    return figures.card(session)


def _load(session: Session) -> tuple[dashboard.Dashboard, dict | None]:
    """On the runner's worker session; the services are imported here, off the GUI thread.
    The 接诉即办 figures only for those who may read tickets."""
    from ...services.admin import dashboard
    from ...services.requests import figures

    requests = figures.dashboard(session) if access.can_read(session) else None
    return dashboard.load(session), requests
