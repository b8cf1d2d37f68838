"""Windows that fit the office's screens: 1366×768, and 1920×1080 at 150% (1280×720 logical).

A page or a long form scrolls instead of growing past the screen, and a window opens at its
preferred size or the screen's, whichever is smaller, so 保存 is never off the bottom edge.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

# The window frame's title bar, which the screen's available area (taskbar already left
# out) still has to hold above a window's contents.
TITLE_BAR = 32


def usable_size(widget: QWidget | None = None) -> QSize:
    """The room a window's contents have on the screen it is on (or the primary one)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return QSize(area.width(), max(0, area.height() - TITLE_BAR))


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Give ``window`` its preferred size, shrunk to the screen where the screen is smaller."""
    room = usable_size(window)
    window.resize(min(width, room.width()), min(height, room.height()))


def scrolling(content: QWidget | None, name: str = "") -> QScrollArea:
    """``content`` in a frameless scroll area that stretches it to the available width and
    scrolls only when the screen is smaller than what it needs. Without ``content`` the area
    is empty: its content is given later with ``setWidget``, built with the viewport as parent
    (not moved there from elsewhere, which makes Qt match the style sheet again for all of it)."""
    area = QScrollArea(objectName=name or f"{content.objectName()}.scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # Show the window's own colour through the scrolled part. (A style-sheet rule for this
    # made every repaint of the 居民 table twice as slow: bench/residents_filter.py.) The
    # viewport is found by Qt's name for it: the first call of viewport() in a process builds
    # some 80 of PySide's enum classes, 20 ms before the window's first paint.
    viewport = area.findChild(QWidget, "qt_scrollarea_viewport") or area.viewport()
    viewport.setAutoFillBackground(False)
    if content is not None:
        area.setWidget(content)
        content.setAutoFillBackground(False)
    return area


class PageHolder(QWidget):
    """What a page's scroll area holds: the page, and nothing around it.

    Qt's scroll area lays out a widget whose layout trades height for width (any
    word-wrapped label does) at its *preferred* height for the width, so such a page scrolled
    whenever the screen was lower than it would like, though everything fitted: 任务与排班 and
    the 极端天气 roll-call's buttons sat below the fold at 1280×720. The holder answers with
    the least height for the width, so a page scrolls only when it cannot be laid out."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def hold(self, page: QWidget) -> QWidget:
        self.layout().addWidget(page)
        return page

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        return self.layout().minimumHeightForWidth(width)


__all__ = ["TITLE_BAR", "PageHolder", "fit_to_screen", "scrolling", "usable_size"]
