"""Work that waits until a window is on the screen.

Start-up should pay only for what the first screen shows (issue 16: start to the first
painted window within 1.5 times a bare PySide6 window). Whatever a window does for the
status bar or for later (asking how many changes wait for the street server, say) is
handed to :func:`after_first_paint` and runs once its first paint is done.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]):
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # queued: the paint finishes first, and the window is on the screen when it runs
            QTimer.singleShot(0, self, self._callback)
        return False


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` on the GUI thread once ``window`` has painted for the first time
    (never, if it is closed unseen); it is dropped with the window.

    Not a bound method of ``window`` itself: the filter holding it is the window's child, so
    the window would keep itself alive through Qt's parent link, and the GUI tests crashed in
    a later window's constructor (a plain function, or a method of another object, is fine)."""
    _FirstPaint(window, callback)
