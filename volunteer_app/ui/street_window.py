"""The street office's window (``python main.py street --server URL``): every community side by
side, a community's teams month by month, and the volunteers' hours across communities.

It reads the street's PostgreSQL through services/street/figures.py on the background runner,
at once and then every minute, never on the GUI thread. A failure (server down, wrong
password, no schema) is one calm line in a banner above the last figures shown, retried at
the next refresh; it never opens a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..services.street import figures
from ..services.street.hangup import Abandoned, Hangup
from ..services.street.server import StreetServerError
from . import runner
from .forms import push_button
from .list_model import ListTableModel
from .screen_fit import fit_to_screen
from .street_tables import (
    COMMUNITY_WIDTHS,
    community_fields,
    community_rows,
    month_fields,
    month_rows,
    sorting_table,
    stale_colour,
    volunteer_fields,
    volunteer_rows,
)
from .tables import column_widths

REFRESH_MS = 60_000
MONTHS = 12
VOLUNTEERS_TAB = 1
TEAM_WIDTHS = (180,) + (78,) * MONTHS


class StreetBanner(QFrame):
    """One calm line when the server cannot be read; hidden once it can again."""

    def __init__(self, parent: QWidget):
        super().__init__(parent, objectName="street.banner")
        self.setStyleSheet("#street\\.banner { background: #fff4c2; border: 1px solid #e0c050; "
                           "border-radius: 4px; }")
        self.text = QLabel(objectName="street.banner.text", wordWrap=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text)
        self.hide()

    def say(self, text: str) -> None:
        self.text.setText(text)
        self.show()


class StreetWindow(QMainWindow):
    def __init__(self, url: str, password: str | None = None,
                 today: Callable[[], date] = date.today, parent: QWidget | None = None):
        super().__init__(parent)
        self.url, self.password, self.today = url, password, today
        self.loading = False
        self.months_loading = False
        self.volunteers_loading = False
        self.chosen: str | None = None          # the community whose teams are shown
        self.answered_at: datetime | None = None
        # every read's way out: closing the window cuts a read that waits on a silent server
        # (libpq's connect_timeout, or TCP's for an open connection) instead of waiting for it
        self.hangup = Hangup()
        self._read = partial(figures.read, hangup=self.hangup)
        self.setObjectName("street_window")
        self.setWindowTitle(self.tr("邻里帮 — 街道总览"))
        fit_to_screen(self, 1340, 760)

        self.banner = StreetBanner(self)
        self.refresh_button = push_button(self.tr("刷新"), "street.refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.when = QLabel(objectName="street.when")
        self.when.setProperty("role", "hint")
        self.tabs = QTabWidget(objectName="street.tabs")
        self.tabs.addTab(self._communities_tab(), self.tr("各社区"))
        self.tabs.addTab(self._volunteers_tab(), self.tr("志愿者跨社区时长"))
        self.tabs.currentChanged.connect(lambda _index: self.refresh())

        heading = QLabel(self.tr("街道总览"))
        heading.setProperty("role", "page-title")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.when)
        top.addWidget(self.refresh_button)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def _communities_tab(self) -> QWidget:
        self.communities = ListTableModel(community_fields(), self, foreground=self._colour)
        self.community_table = sorting_table("street.communities", self.communities, COMMUNITY_WIDTHS)
        self.community_table.clicked.connect(self._on_community_clicked)
        self.team_title = QLabel(self.tr("点击上面的社区，查看它各队伍逐月的服务时长。"),
                                 objectName="street.teams.title")
        self.team_title.setProperty("role", "hint")
        self.teams = ListTableModel(month_fields(()), self)
        self.team_table = sorting_table("street.teams", self.teams, TEAM_WIDTHS)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.team_title)
        lower_layout.addWidget(self.team_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="street.split")
        splitter.addWidget(self.community_table)
        splitter.addWidget(lower)
        splitter.setSizes([330, 270])
        return splitter

    def _volunteers_tab(self) -> QWidget:
        self.volunteers = ListTableModel(volunteer_fields(), self)
        self.volunteer_table = sorting_table("street.volunteers", self.volunteers, (180, 100, 100, 100))
        note = QLabel(self.tr("同一身份证号在各社区的服务时长合并计算；街道服务器上没有姓名，"
                              "只有身份证号的加密摘要。星级按已核实、计入星级的时长评定。"),
                      objectName="street.volunteers.note", wordWrap=True)
        note.setProperty("role", "hint")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.volunteer_table, 1)
        return page

    def start(self) -> None:
        """Read the server now, then every minute."""
        self.refresh()
        self.timer.start()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """No new read; a read still waiting on the server is given up, not waited for (the
        program waits for its job only after the window has gone, runner.wait_all)."""
        self.timer.stop()
        self.hangup.cut()
        super().closeEvent(event)

    # -- reading the server, off the GUI thread --------------------------------------------

    def refresh(self) -> None:
        """Read what the shown tab needs: the communities (and the chosen one's teams), or the
        volunteers, whose totals read every service record of the street (seconds on a big
        street): only while someone looks at them."""
        if self.tabs.currentIndex() == VOLUNTEERS_TAB:
            self._load_volunteers()
            return
        if self.loading:
            return          # the last refresh is still out: its answer will do
        self.loading = True
        self.refresh_button.setEnabled(False)
        runner.start(self._read, self.url, self.password, figures.overview, self.today(),
                     done=self._show_overview, failed=self._failed, owner=self)
        if self.chosen is not None:
            self._load_months(self.chosen)

    def _show_overview(self, overview: figures.Overview) -> None:
        self.loading = False
        self.refresh_button.setEnabled(True)
        self.banner.hide()
        self.answered_at = overview.at
        self.communities.set_rows(community_rows(overview.communities))
        self.when.setText(self.tr("%1 个社区 · 更新于 %2").replace("%1", str(len(overview.communities)))
                          .replace("%2", overview.at.astimezone().strftime("%H:%M:%S")))

    def _load_volunteers(self) -> None:
        if self.volunteers_loading:
            return
        self.volunteers_loading = True
        self.refresh_button.setEnabled(False)
        runner.start(self._read, self.url, self.password, figures.volunteer_totals,
                     done=self._show_volunteers, failed=self._volunteers_failed, owner=self)

    def _show_volunteers(self, totals: list[figures.VolunteerTotal]) -> None:
        self.volunteers_loading = False
        self.refresh_button.setEnabled(not self.loading)
        self.banner.hide()
        self.volunteers.set_rows(volunteer_rows(totals))

    def _volunteers_failed(self, error: BaseException) -> None:
        self.volunteers_loading = False
        self.refresh_button.setEnabled(not self.loading)
        self._say(error)

    def _colour(self, row: dict, column: int) -> QBrush | None:
        return stale_colour(row, column, self.answered_at)

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        self.refresh_button.setEnabled(not self.volunteers_loading)
        self._say(error)

    def _say(self, error: BaseException) -> None:
        if isinstance(error, Abandoned):
            return          # given up as the window closed: nobody to tell
        if not isinstance(error, StreetServerError):
            raise error
        text = str(error)
        if self.answered_at is not None:
            text += self.tr("（下面是 %1 的数据，每分钟自动重试）").replace(
                "%1", self.answered_at.astimezone().strftime("%H:%M"))
        else:
            text += self.tr("（每分钟自动重试）")
        self.banner.say(text)

    def _on_community_clicked(self, index: QModelIndex) -> None:
        source = self.community_table.model().mapToSource(index)
        row = self.communities.row(source.row())
        self.chosen = row["uid"]
        self.team_title.setText(self.tr("%1 · 各队伍近 %2 个月服务时长（小时）")
                                .replace("%1", row["name"]).replace("%2", str(MONTHS)))
        self._load_months(row["uid"])

    def _load_months(self, uid: str) -> None:
        self.months_loading = True
        runner.start(self._read, self.url, self.password, figures.community_months, uid, MONTHS,
                     self.today(), done=lambda months: self._show_months(uid, months),
                     failed=self._months_failed, owner=self)

    def _show_months(self, uid: str, months: figures.CommunityMonths) -> None:
        if uid != self.chosen:
            return          # another community was clicked meanwhile: its answer follows
        self.months_loading = False
        self.teams.fields = tuple(month_fields(months.months))
        self.teams.set_rows(month_rows(months))
        column_widths(self.team_table, TEAM_WIDTHS)

    def _months_failed(self, error: BaseException) -> None:
        self.months_loading = False
        self._say(error)

    def table_view(self, name: str) -> QTableView:
        return self.findChild(QTableView, name)
