"""Small helpers shared by the GUI tests: the main window, shown as a role would see it, and
the 服务记录 page on its own."""

from __future__ import annotations

from PySide6.QtCore import Qt

from volunteer_app.services.admin import users
from volunteer_app.services.session import Session
from volunteer_app.ui.main_window import MainWindow
from volunteer_app.ui.pages.records import RecordsPage
from volunteer_app.ui.signals import DataSignals


def shown_window(qtbot, session, size: tuple[int, int] | None = None) -> MainWindow:
    """The main window on ``session``, shown and exposed (at ``size`` when given)."""
    window = MainWindow(session)
    qtbot.addWidget(window)
    if size:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def window_as(qtbot, demo_session, login: str) -> MainWindow:
    """The main window as the demo user ``login`` (password ``<login>2026``) sees it, on the
    office screen's 1366×728."""
    actor = users.authenticate(demo_session.db, login, f"{login}2026")
    return shown_window(qtbot, Session(demo_session.db, actor, today=demo_session.today), (1366, 728))


def records_page(qtbot, session) -> tuple[RecordsPage, DataSignals]:
    """The 服务记录 page on its own, shown at a laptop's size, with its change signals."""
    signals = DataSignals(session)
    page = RecordsPage(session, signals)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    settle(qtbot, page)
    return page, signals


def settle(qtbot, *widgets) -> None:
    """Wait until the rows and totals the widgets asked for off the GUI thread are in."""
    qtbot.waitUntil(lambda: not any(widget.loading for widget in widgets))


def choose_data(combo, value) -> None:
    """Pick the entry of ``combo`` whose data is ``value``, as a click in its list would."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def click(qtbot, button) -> None:
    """A person's click: the button is on the screen and enabled."""
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save_twice(qtbot, dialog, *, enter: bool = True) -> None:
    """保存 clicked twice, as a double click does: the first click starts the save on the
    runner and disables the button, the second (and Enter, where the dialog takes it) does
    nothing; the dialog closes once the save is in."""
    click(qtbot, dialog.save_button)
    assert dialog.busy and not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)   # the double click's second
    if enter:
        assert dialog.submit() is False
    qtbot.waitUntil(lambda: not dialog.isVisible())


def run_window_acting_on_each_window(path, act) -> list[MainWindow]:
    """``run_window`` on ``path``, calling ``act(window, n)`` on each main window it shows (the
    n-th from 0, e.g. after 换人登录); the windows. (What ``act`` finds is checked after
    run_window returns: the window's crash handler, not pytest, sees an exception raised
    inside it.)"""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from volunteer_app.ui import app as app_module

    seen: list[MainWindow] = []
    running = [True]
    errors: list[BaseException] = []

    def look() -> None:
        if not running[0]:
            return
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible() and w not in seen]
        if shown:
            seen.append(shown[0])
            try:
                act(shown[0], len(seen) - 1)
            except Exception as error:      # the program ends, and the test fails with it
                errors.append(error)
                shown[0].close()
        QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    try:
        assert app_module.run_window(path) == 0
    finally:
        running[0] = False
    assert not errors, errors
    return seen
