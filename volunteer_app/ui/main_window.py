"""The main window: a navigation list on the left, the chosen page on the right."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from ..services.permissions import ROLE_NAMES
from ..services.session import Session
from .first_paint import after_first_paint
from .pages import PAGES, PageSpec
from .permissions import role_title
from .screen_fit import PageHolder, fit_to_screen, scrolling
from .signals import DataSignals
from .street_publishing import StreetPublishing, StreetStatusLabel

# What the pages import on their first opening that the first paint did not wait for (the
# audit log's masking and hash chain, privacy's shaping, the weather rules): imported once
# the window is on the screen (~20 ms), so that opening 居民 or 极端天气 does not pay for it.
WARM_UP = ("volunteer_app.services.privacy", "volunteer_app.store.audit",
           "volunteer_app.domain.weather")


def _read_full_width_in_spin_boxes() -> None:
    """１２ typed into a spin box is 12 (half_width_input), from the first paint on: imported
    then, since its rules (domain.identity) are ~9 ms of the start otherwise."""
    from . import half_width_input

    half_width_input.install()


def warm_up() -> None:
    for name in WARM_UP:
        importlib.import_module(name)


# Qt.ItemDataRole.UserRole, the page key on each navigation item. Touching PySide's Qt
# namespace builds all of its ~150 enums (15 ms), so nothing on the way to the first paint does.
PAGE_KEY_ROLE = 0x0100


class MainWindow(QMainWindow):
    # 换人登录 was clicked (here or on the idle lock): whoever starts the window closes this
    # one and asks who comes next (app.run_window).
    switch_user = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.signals = DataSignals(session, self)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("邻里帮 — 社区志愿服务管理"))
        fit_to_screen(self, 1280, 800)

        self._specs: list[PageSpec] = [s for s in PAGES if s.allowed(session)]
        self._built: dict[str, QWidget] = {}

        self.nav = QListWidget(objectName="nav")
        self.nav.setFixedWidth(168)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        self.stack = QStackedWidget(objectName="pages")
        for spec in self._specs:
            item = QListWidgetItem(spec.display_title)
            item.setData(PAGE_KEY_ROLE, spec.key)
            item.setSizeHint(QSize(150, 40))
            self.nav.addItem(item)
            placeholder = QWidget(objectName=f"page.{spec.key}.placeholder")
            self.stack.addWidget(placeholder)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        role, name = ROLE_NAMES[session.actor.role], session.actor.name
        shown = role_title(session.actor.role)
        if not role.startswith(name):           # the built-in administrator is named by role
            shown = self.tr("%1（%2）").replace("%1", name).replace("%2", shown)
        self.user_label = QLabel(self.tr("当前用户：%1").replace("%1", shown), objectName="status.user")
        self.statusBar().addPermanentWidget(self.user_label)
        # A shared office PC: the captain who comes in after the staff member logs in here,
        # without closing the program (nothing is lost: every save is already in the file).
        self.switch_button = QPushButton(self.tr("换人登录"), objectName="status.switch_user")
        self.switch_button.setToolTip(self.tr("退出当前用户，换另一位同事登录"))
        self.switch_button.clicked.connect(self.switch_user)
        self.statusBar().addPermanentWidget(self.switch_button)
        # 上次上报 … · N 条待上报, when this file publishes to a street server (issue 14): the
        # count is asked once the window has painted
        self.street_publishing = StreetPublishing.of(session, self.signals)
        self.statusBar().addPermanentWidget(StreetStatusLabel(self.street_publishing))
        after_first_paint(self, self.street_publishing.refresh)
        after_first_paint(self, warm_up)
        after_first_paint(self, _read_full_width_in_spin_boxes)

        self.nav.currentRowChanged.connect(self._on_nav_changed)
        self.signals.file_lost.connect(self._on_file_lost)
        if self._specs:
            self.nav.setCurrentRow(0)

    @property
    def page_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    def show_page(self, key: str) -> QWidget:
        """Switch to a page by key (as a click on the navigation list would) and return it."""
        row = self.page_keys.index(key)
        self.nav.setCurrentRow(row)
        return self._built[key]

    def page(self, key: str) -> QWidget | None:
        return self._built.get(key)

    def _on_nav_changed(self, row: int) -> None:
        if row < 0:
            return
        spec = self._specs[row]
        if spec.key not in self._built:
            # A page taller or wider than a small screen scrolls rather than pushing its
            # buttons off the window. The scroll area takes its place first and the page is
            # built inside it: moving a built page to another parent makes Qt match the style
            # sheet again for every widget on it (a third of opening 服务记录).
            area = scrolling(None, f"page.{spec.key}.scroll")
            old = self.stack.widget(row)
            self.stack.insertWidget(row, area)
            self.stack.removeWidget(old)
            old.deleteLater()
            holder = PageHolder(area.viewport())
            page = holder.hold(spec.build(self.session, self.signals, holder))
            page.setObjectName(f"page.{spec.key}")
            area.setWidget(holder)
            holder.setAutoFillBackground(False)   # setWidget turns it on: the window's colour shows
            self._built[spec.key] = page
        self.stack.setCurrentIndex(row)

    def _on_file_lost(self, text: str) -> None:
        """No page any more, only why: their rows are of a file that can no longer be read.
        Nor any background work on it: no automatic backup (it would copy the broken file over
        the hours, or fail each time), no publish or waiting count."""
        from PySide6.QtCore import Qt

        from .auto_backup import AutoBackups

        self.street_publishing.stop()
        for backups in self.findChildren(AutoBackups):
            backups.stop()
        note = QLabel(text, objectName="window.file_lost", wordWrap=True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setMargin(40)
        self.nav.setEnabled(False)
        self.switch_button.setEnabled(False)    # a login reads the file too
        self.stack.addWidget(note)
        self.stack.setCurrentWidget(note)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.street_publishing.stop()
        self.signals.detach()
        super().closeEvent(event)
