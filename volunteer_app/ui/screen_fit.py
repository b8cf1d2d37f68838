"""Windows that fit the office's screens: 1366×768, and 1920×1080 at 150% (1280×720 logical).

A page or a long form scrolls instead of growing past the screen, and a window opens at its
preferred size or the screen's, whichever is smaller, so 保存 is never off the bottom edge.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget

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
    _clear_viewport(area)
    if content is not None:
        area.setWidget(content)
        content.setAutoFillBackground(False)
    return area


class PageArea(QScrollArea):
    """A page's scroll area: the page gets the room there is, and scrolls only where the room is
    less than the page's *minimum* size.

    QScrollArea's own ``widgetResizable`` grows a widget whose layout has a height-for-width
    (a page with one word-wrapped label has one) to its *preferred* height for the width, so
    任务与排班, whose week grid would like 772 pixels, scrolled on 1366×768 with 新建任务 and
    安排人员 below the window's edge, though the grid scrolls itself and the page needs 532.
    """

    def __init__(self, name: str):
        super().__init__(objectName=name)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        _clear_viewport(self)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt name)
        super().setWidget(widget)
        widget.installEventFilter(self)     # its minimum changes as its content does
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self._fit()
        return False

    def _fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        room = self.maximumViewportSize()           # the viewport's size without scroll bars
        width, height = room.width(), room.height()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        if least.height() > height:                 # a vertical bar takes some of the width
            width -= bar
        if least.width() > width:
            height -= bar
            if least.height() > height and room.height() >= least.height():
                width -= bar                        # the horizontal bar brought the vertical
        page.resize(max(width, least.width()), max(height, least.height()))


def _clear_viewport(area: QScrollArea) -> None:
    """Show the window's own colour through the scrolled part. (A style-sheet rule for this
    made every repaint of the 居民 table twice as slow: bench/residents_filter.py.) The
    viewport is found by Qt's name for it: the first call of viewport() in a process builds
    some 80 of PySide's enum classes, 20 ms before the window's first paint."""
    viewport = area.findChild(QWidget, "qt_scrollarea_viewport") or area.viewport()
    viewport.setAutoFillBackground(False)


__all__ = ["TITLE_BAR", "PageArea", "fit_to_screen", "scrolling", "usable_size"]
