"""A week calendar painted by hand: seven days across, the hours down, each shift a block
coloured by its fill (缺人 / 已够 / 已满), overlapping shifts side by side.

Side by side only as many as leave a block wide enough to read (four characters of its text
at the widget's font, see :meth:`WeekView.readable_width`); where more overlap, as in a
weather warning's duty shifts for every team at the same hours, the last lane becomes one
"另有N个" chip for the rest of that time slot, as a calendar people know does. A click on
the chip lists those shifts (more_shifts.py); ↑/↓ reach them too.

It takes any objects shaped like ``services.scheduling.schedule.ShiftView`` (id, date, start, end,
task_title, place, team_name, filled, min_people, max_people, fill, assignees, cancelled,
rota_group). The layout (day, lane, lanes) is computed once per :meth:`set_shifts`; which
lanes fit, and the pixels, once per size, so 2,000 shifts draw in milliseconds (see
bench/week_view.py).

Mouse: a click selects, a double click opens (``activated``); a click on a chip lists its
shifts, whose rows answer the same way. Keyboard: ←/→ the nearest shift of the day before or
after, ↑/↓ the previous or next shift in time order (across days, those behind a chip too),
Enter opens.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from .more_shifts import MoreShiftsPopup, Row

DAY_NAMES = (QT_TRANSLATE_NOOP("WeekView", "周一"), QT_TRANSLATE_NOOP("WeekView", "周二"),
             QT_TRANSLATE_NOOP("WeekView", "周三"), QT_TRANSLATE_NOOP("WeekView", "周四"),
             QT_TRANSLATE_NOOP("WeekView", "周五"), QT_TRANSLATE_NOOP("WeekView", "周六"),
             QT_TRANSLATE_NOOP("WeekView", "周日"))
# How full a shift is (``ShiftView.fill``, from the services) and 已取消, for the UI language.
STATE_NAMES = (QT_TRANSLATE_NOOP("WeekView", "缺人"), QT_TRANSLATE_NOOP("WeekView", "已够"),
               QT_TRANSLATE_NOOP("WeekView", "已满"), QT_TRANSLATE_NOOP("WeekView", "已取消"))
_PLACEHOLDER = re.compile(r"%(\d)")


def filled_in(text: str, *values: object) -> str:
    """A translated text with ``%1``, ``%2``… replaced in one pass (a value holding "%2" stays)."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m.group(1)) - 1]), text)


def day_name(weekday: int) -> str:
    """周一 … 周日 (0 = Monday) in the UI language."""
    return QCoreApplication.translate("WeekView", DAY_NAMES[weekday])


def state_name(shift: Any) -> str:
    """缺人 / 已够 / 已满, or 已取消, in the UI language."""
    return QCoreApplication.translate("WeekView", "已取消" if shift.cancelled else shift.fill)


def _need(shift: Any) -> str:
    """3, or 3–5: how many people the shift needs."""
    return (str(shift.min_people) if shift.min_people == shift.max_people
            else f"{shift.min_people}–{shift.max_people}")


def _fill_line(shift: Any) -> str:
    return filled_in(QCoreApplication.translate("WeekView", "%1：已排%2人，需要%3人"),
                     state_name(shift), shift.filled, _need(shift))


def _wrapped(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """``text`` broken into at most ``lines`` lines of ``width`` pixels, character by character
    as Chinese wraps; the last line keeps the rest (the painter elides it)."""
    out: list[str] = []
    while len(out) < lines - 1 and metrics.horizontalAdvance(text) > width:
        cut = 1
        while cut < len(text) and metrics.horizontalAdvance(text[:cut + 1]) <= width:
            cut += 1
        out.append(text[:cut])
        text = text[cut:].lstrip()
    return [*out, text]


def _task_line(shift: Any) -> str:
    return filled_in(QCoreApplication.translate("WeekView", "%1（%2）"), shift.task_title, shift.team_name)


def _when(shift: Any, month: str, day: str) -> str:
    return filled_in(QCoreApplication.translate("WeekView", "%1月%2日 %3 %4–%5"), month, day,
                     day_name(shift.date.weekday()), f"{shift.start:%H:%M}", f"{shift.end:%H:%M}")


def _place(shift: Any) -> str:
    return filled_in(QCoreApplication.translate("WeekView", "地点：%1"), shift.place)


@dataclass(frozen=True)
class FillColours:
    background: QColor
    edge: QColor
    text: QColor


# Calm tints that sit beside style.qss (#24364f navy, #3d5a80 blue, #b3261e error red).
FILL = {
    "缺人": FillColours(QColor("#f9dedb"), QColor("#c0594f"), QColor("#7a231c")),
    "已够": FillColours(QColor("#dcefe0"), QColor("#4f9a63"), QColor("#1f4d2c")),
    "已满": FillColours(QColor("#dde6f3"), QColor("#5b7aa6"), QColor("#24364f")),
}
CANCELLED = FillColours(QColor("#eef0f2"), QColor("#a9b2bd"), QColor("#7a8796"))
GRID = QColor("#e3e8ee")
HOUR_TEXT = QColor("#6b7785")
HEADER_BG = QColor("#e9eef5")
TODAY_BG = QColor("#f4f8fd")
SELECTED = QColor("#24364f")

HEADER_HEIGHT = 40
GUTTER_WIDTH = 48
# A block's text starts 6 px in and stops 2 px short of its right edge (see _paint_shifts).
TEXT_PADDING = 8
# A block narrower than this many characters of its text cannot say which shift it is.
READABLE_CHARACTERS = 4
MORE_BG = QColor("#e9eef5")
MORE_EDGE = QColor("#5b7aa6")


class _Placed(NamedTuple):
    """Where a shift sits, independent of the widget's size (in day, then time order)."""

    shift: Any
    day: int            # 0 = Monday
    top: int            # minutes since midnight
    bottom: int
    lane: int
    lanes: int
    cluster: int        # the shifts overlapping one another (directly or through others)


class MoreChip(NamedTuple):
    """"另有N个": the shifts of one time slot that do not fit side by side."""

    rect: QRectF
    day: int
    top: int            # minutes since midnight, of the first of them to start
    bottom: int         # …and of the last to end
    shifts: tuple[Any, ...]


def lay_out(shifts: Sequence[Any], monday: date) -> list[_Placed]:
    """Lanes per day: each cluster of shifts that overlap (directly or through others) is
    split into as many lanes as it needs at its busiest moment, a shift taking the lowest
    lane free when it starts (heaps keep this n·log n for a day of hundreds of shifts)."""
    by_day: dict[int, list[tuple[int, int, int, Any]]] = {}
    for shift in shifts:
        day = (shift.date - monday).days
        if not 0 <= day < 7:
            continue
        top = shift.start.hour * 60 + shift.start.minute
        bottom = shift.end.hour * 60 + shift.end.minute
        if bottom <= top:                       # ends at or after midnight: draw to the day's end
            bottom = 24 * 60
        by_day.setdefault(day, []).append((top, -bottom, shift.id, shift))
    placed: list[_Placed] = []
    clusters = 0
    for day in sorted(by_day):
        items = sorted(by_day[day], key=lambda item: item[:3])
        cluster: list[tuple[int, int, int, Any]] = []   # top, bottom, lane, shift
        busy: list[tuple[int, int]] = []                # (end, lane) of lanes in use
        free: list[int] = []                            # lanes free again, lowest first
        lanes = 0
        cluster_end = -1
        for top, negative_bottom, _id, shift in items:
            bottom = -negative_bottom
            if top >= cluster_end and cluster:
                placed.extend(_Placed(sh, day, t, b, lane, lanes, clusters) for t, b, lane, sh in cluster)
                cluster, busy, free, lanes, clusters = [], [], [], 0, clusters + 1
            while busy and busy[0][0] <= top:
                heapq.heappush(free, heapq.heappop(busy)[1])
            if free:
                lane = heapq.heappop(free)
            else:
                lane, lanes = lanes, lanes + 1
            heapq.heappush(busy, (bottom, lane))
            cluster.append((top, bottom, lane, shift))
            cluster_end = max(cluster_end, bottom)
        placed.extend(_Placed(sh, day, t, b, lane, lanes, clusters) for t, b, lane, sh in cluster)
        clusters += 1
    return placed


def _slots(hidden: Sequence[_Placed]) -> list[tuple[int, int, int, tuple[Any, ...]]]:
    """The hidden shifts of one cluster (in time order) as time slots, each those that overlap
    one another: (day, top, bottom, shifts). One chip each, so a chip spans only the hours its
    shifts are in."""
    slots: list[tuple[int, int, int, tuple[Any, ...]]] = []
    group: list[Any] = []
    top = bottom = 0
    for p in hidden:
        if group and p.top >= bottom:
            slots.append((hidden[0].day, top, bottom, tuple(group)))
            group = []
        if not group:
            top, bottom = p.top, p.bottom
        group.append(p.shift)
        bottom = max(bottom, p.bottom)
    if group:
        slots.append((hidden[0].day, top, bottom, tuple(group)))
    return slots


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _row_text(shift: Any) -> str:
    """A hidden shift in the chip's list, two lines: when and what, then how full and who."""
    state = state_name(shift) if shift.cancelled else f"{state_name(shift)} {people(shift)}"
    if getattr(shift, "rota_group", ""):
        state += filled_in(QCoreApplication.translate("WeekView", " · %1组"), shift.rota_group)
    names = list(getattr(shift, "assignees", []) or [])
    if names:
        state += "　" + "、".join(names)
    return f"{shift.start:%H:%M}–{shift.end:%H:%M} {_task_line(shift)}\n{state}"


def _row_colours(shift: Any) -> tuple[QColor, QColor]:
    colours = CANCELLED if shift.cancelled else FILL.get(shift.fill, FILL["已够"])
    return colours.background, colours.text


def people(shift: Any) -> str:
    """2/3 or 2/3–5: on the shift / needed."""
    return f"{shift.filled}/{_need(shift)}"


def headline(shift: Any) -> str:
    """Two lines for a dialog's heading: the task, then when, where and how full."""
    parts = [_when(shift, str(shift.date.month), str(shift.date.day))]
    if getattr(shift, "place", None):
        parts.append(_place(shift))
    if getattr(shift, "rota_group", ""):
        parts.append(filled_in(QCoreApplication.translate("WeekView", "%1组轮值"), shift.rota_group))
    parts.append(state_name(shift) if shift.cancelled else _fill_line(shift))
    return _task_line(shift) + "\n" + "　".join(parts)


def describe(shift: Any) -> str:
    """The tooltip and accessible text of one shift, in words."""
    lines = [_task_line(shift), _when(shift, f"{shift.date:%m}", f"{shift.date:%d}")]
    if getattr(shift, "place", None):
        lines.append(_place(shift))
    if getattr(shift, "rota_group", ""):
        lines.append(filled_in(QCoreApplication.translate("WeekView", "轮值：%1组"), shift.rota_group))
    lines.append(state_name(shift) if shift.cancelled else _fill_line(shift))
    names = list(getattr(shift, "assignees", []) or [])
    lines.append(filled_in(QCoreApplication.translate("WeekView", "人员：%1"), "、".join(names) if names
                           else QCoreApplication.translate("WeekView", "尚未安排")))
    return "\n".join(lines)


class WeekView(QWidget):
    """``selected(shift_id or 0)`` on a click or key, ``activated(shift_id)`` on a double click
    or Enter."""

    selected = Signal(int)
    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("week_view")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(self.tr("周视图"))
        self._monday = date(2000, 1, 3)
        self._today: date | None = None
        self._placed: list[_Placed] = []
        self._index_of: dict[int, int] = {}
        self._rects: list[QRectF] = []          # an empty one: the shift is behind a chip
        self._chips: list[MoreChip] = []
        self._rects_for: QSize | None = None
        self.more_popup: MoreShiftsPopup | None = None
        self._first_hour, self._last_hour = 6, 22
        self._selected_id = 0
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.5, self.font().pointSizeF() - 1.5))

    # -- data ---------------------------------------------------------------------------------
    def set_shifts(self, shifts: Sequence[Any], monday: date, today: date | None = None) -> None:
        self._monday, self._today = monday, today
        self._placed = lay_out(shifts, monday)
        self._index_of = {p.shift.id: i for i, p in enumerate(self._placed)}
        if self._placed:
            self._first_hour = min(6, min(p.top for p in self._placed) // 60)
            self._last_hour = max(22, -(-max(p.bottom for p in self._placed) // 60))
        else:
            self._first_hour, self._last_hour = 6, 22
        self._rects_for = None
        self._close_more()                      # its rows may be gone or changed
        if self._selected_id not in self._index_of:
            self._selected_id = 0
        self._update_accessible()
        self.update()

    def shifts(self) -> list[Any]:
        return [p.shift for p in self._placed]

    def selected_id(self) -> int:
        return self._selected_id

    def selected_shift(self) -> Any | None:
        index = self._index_of.get(self._selected_id)
        return None if index is None else self._placed[index].shift

    def select(self, shift_id: int) -> None:
        shift_id = shift_id if shift_id in self._index_of else 0
        if shift_id != self._selected_id:
            self._selected_id = shift_id
            self._update_accessible()
            self.update()
        self.selected.emit(shift_id)

    def shift_rect(self, shift_id: int) -> QRect:
        """Where a shift is drawn (tests click there); empty for one behind a chip."""
        self._ensure_rects()
        index = self._index_of.get(shift_id)
        return QRect() if index is None else self._rects[index].toAlignedRect()

    def shift_at(self, x: float, y: float) -> Any | None:
        self._ensure_rects()
        day = self._day_at(x)
        if day is None:
            return None
        # placed is sorted by day: look only at that day's shifts
        start = bisect.bisect_left(self._placed, day, key=lambda p: p.day)
        for i in range(start, len(self._placed)):
            if self._placed[i].day != day:
                break
            if self._rects[i].contains(QPointF(x, y)):
                return self._placed[i].shift
        return None

    def chips(self) -> list[MoreChip]:
        """The "另有N个" chips at the present size, in day and time order."""
        self._ensure_rects()
        return list(self._chips)

    def chip_at(self, x: float, y: float) -> MoreChip | None:
        self._ensure_rects()
        return next((chip for chip in self._chips if chip.rect.contains(QPointF(x, y))), None)

    def chip_text(self, chip: MoreChip) -> str:
        return self.tr("另有%n个", "", len(chip.shifts))

    def readable_width(self) -> float:
        """The narrowest a block may be and still say which shift it is: four characters of
        its text plus the text's padding, at the font the blocks are written in."""
        return QFontMetricsF(self._small).horizontalAdvance("中" * READABLE_CHARACTERS) + TEXT_PADDING

    def lanes_that_fit(self) -> int:
        """How many shifts a day shows side by side at the present width (at least two, so an
        ordinary overlap of two stays two blocks even on a narrow window)."""
        lane = self.readable_width() + 2.0                  # a 1 px gap either side
        return max(2, int((self._day_width() - 6) // lane))

    # -- geometry -----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(900, 560)

    def minimumSizeHint(self) -> QSize:
        return QSize(480, 320)

    def _day_width(self) -> float:
        return max(1.0, (self.width() - GUTTER_WIDTH - 1) / 7)

    def _hour_height(self) -> float:
        return max(1.0, (self.height() - HEADER_HEIGHT - 1) / (self._last_hour - self._first_hour))

    def _y(self, minutes: int) -> float:
        return HEADER_HEIGHT + (minutes - self._first_hour * 60) * self._hour_height() / 60

    def _day_at(self, x: float) -> int | None:
        if x < GUTTER_WIDTH:
            return None
        day = int((x - GUTTER_WIDTH) // self._day_width())
        return day if 0 <= day < 7 else None

    def _ensure_rects(self) -> None:
        if self._rects_for == self.size():
            return
        fit = self.lanes_that_fit()
        rects = []
        hidden: dict[int, list[_Placed]] = {}           # by cluster, in time order
        for p in self._placed:
            if p.lanes <= fit:
                rects.append(self._lane_rect(p.day, p.lane, p.lanes, p.top, p.bottom))
            elif p.lane < fit - 1:
                rects.append(self._lane_rect(p.day, p.lane, fit, p.top, p.bottom))
            else:                                       # the last lane is the chip's
                rects.append(QRectF())
                hidden.setdefault(p.cluster, []).append(p)
        chips = []
        for shifts in hidden.values():
            for day, top, bottom, slot in _slots(shifts):
                chips.append(MoreChip(self._lane_rect(day, fit - 1, fit, top, bottom), day, top, bottom, slot))
        self._rects, self._chips, self._rects_for = rects, chips, self.size()

    def _lane_rect(self, day: int, lane: int, lanes: int, top: int, bottom: int) -> QRectF:
        day_width = self._day_width()
        scale = self._hour_height() / 60
        lane_width = (day_width - 6) / lanes
        gap = 1.0 if lane_width > 6 else 0.0            # very narrow lanes touch rather than vanish
        return QRectF(GUTTER_WIDTH + day * day_width + 3 + lane * lane_width + gap,
                      self._y(top) + 1, max(1.0, lane_width - 2 * gap), max(3.0, (bottom - top) * scale - 2))

    def resizeEvent(self, event: Any) -> None:
        self._rects_for = None
        self._close_more()                      # the chip it came from may be gone
        super().resizeEvent(event)

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self._ensure_rects()
        painter = QPainter(self)
        painter.fillRect(event.rect(), Qt.GlobalColor.white)
        self._paint_grid(painter)
        self._paint_shifts(painter, event.rect())
        painter.end()

    def _paint_grid(self, painter: QPainter) -> None:
        day_width, width, height = self._day_width(), self.width(), self.height()
        painter.fillRect(QRectF(0, 0, width, HEADER_HEIGHT), HEADER_BG)
        metrics = QFontMetrics(self.font())
        for day in range(7):
            x = GUTTER_WIDTH + day * day_width
            current = self._monday + timedelta(days=day)
            if current == self._today:
                painter.fillRect(QRectF(x, HEADER_HEIGHT, day_width, height - HEADER_HEIGHT), TODAY_BG)
            painter.setPen(SELECTED if current == self._today else HOUR_TEXT)
            label = f"{day_name(day)}  {current.month}/{current.day}"
            if current == self._today:
                label += self.tr("（今天）")
            painter.drawText(QRectF(x, 0, day_width, HEADER_HEIGHT), Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(day_width) - 4))
        painter.setFont(self._small)
        hour_height = self._hour_height()
        step = 1 if hour_height >= 18 else 2 if hour_height >= 9 else 4
        for hour in range(self._first_hour, self._last_hour + 1):
            y = self._y(hour * 60)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(GUTTER_WIDTH, y), QPointF(width, y))
            if hour % step == 0 and hour < self._last_hour:
                painter.setPen(HOUR_TEXT)
                painter.drawText(QRectF(0, y - 1, GUTTER_WIDTH - 6, 16),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, f"{hour}:00")
        painter.setPen(QPen(GRID, 1))
        for day in range(8):
            x = GUTTER_WIDTH + day * day_width
            painter.drawLine(QPointF(x, 0), QPointF(x, height))
        painter.setFont(self.font())

    def _paint_shifts(self, painter: QPainter, exposed: QRect) -> None:
        metrics = QFontMetrics(self._small)
        line = metrics.height()
        painter.setFont(self._small)
        exposed_f = QRectF(exposed)
        chosen: QRectF | None = None
        for placed, rect in zip(self._placed, self._rects, strict=True):
            if not rect.intersects(exposed_f):
                continue
            shift = placed.shift
            colours = CANCELLED if shift.cancelled else FILL.get(shift.fill, FILL["已够"])
            painter.fillRect(rect, colours.background)
            painter.fillRect(QRectF(rect.left(), rect.top(), min(3.0, rect.width()), rect.height()),
                             colours.edge)
            if shift.id == self._selected_id:
                chosen = rect
            if rect.width() < 28 or rect.height() < line + 2:
                continue
            painter.setPen(colours.text)
            text_width = int(rect.width()) - 8
            x, y = rect.left() + 6, rect.top() + 2
            for text in self._block_lines(shift, rect, metrics):
                painter.drawText(QPointF(x, y + metrics.ascent()),
                                 metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_width))
                y += line
        for chip in self._chips:
            if chip.rect.intersects(exposed_f):
                self._paint_chip(painter, chip, metrics)
            if any(shift.id == self._selected_id for shift in chip.shifts):
                chosen = chip.rect                  # the selected shift is behind it
        if chosen is not None:
            painter.setPen(QPen(SELECTED, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(chosen.adjusted(1, 1, -1, -1))

    def block_lines(self, shift_id: int) -> list[str]:
        """The lines the shift's block shows, each before the painter elides it to the width."""
        for placed, rect in zip(self._placed, self._rects, strict=True):
            if placed.shift.id == shift_id:
                return self._block_lines(placed.shift, rect, QFontMetrics(self._small))
        return []

    def _block_lines(self, shift: Any, rect: QRectF, metrics: QFontMetrics) -> list[str]:
        """Time and title, the state, the people: as many lines as the block's height holds.
        A narrow block (a warning's duty shifts side by side) wraps its title over the lines
        its hours leave, keeping one for the state, so 雪后铲冰：新发地村 stays readable."""
        line = metrics.height()
        if rect.width() < 28 or rect.height() < line + 2:
            return []
        room = int((rect.height() - 2) // line)
        state = state_name(shift) if shift.cancelled else f"{state_name(shift)} {people(shift)}"
        if getattr(shift, "rota_group", ""):
            state += filled_in(self.tr(" · %1组"), shift.rota_group)
        title = _wrapped(f"{shift.start:%H:%M} {shift.task_title}", metrics, int(rect.width()) - 8,
                         max(1, room - 1))
        lines = [*title, state]
        if getattr(shift, "assignees", None):
            lines.append("、".join(shift.assignees))
        return lines[:room]

    def _paint_chip(self, painter: QPainter, chip: MoreChip, metrics: QFontMetrics) -> None:
        rect = chip.rect
        painter.fillRect(rect, MORE_BG)
        painter.fillRect(QRectF(rect.left(), rect.top(), min(3.0, rect.width()), rect.height()), MORE_EDGE)
        painter.setPen(QPen(MORE_EDGE, 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        line = metrics.height()
        text_width = int(rect.width()) - TEXT_PADDING
        x, y = rect.left() + 6, rect.top() + 2
        for text, colour in ((self.chip_text(chip), SELECTED), (self.tr("点击查看"), HOUR_TEXT)):
            if y + line > rect.bottom() + 1:
                break
            painter.setPen(colour)
            painter.drawText(QPointF(x, y + metrics.ascent()),
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_width))
            y += line

    # -- interaction ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            chip = self.chip_at(event.position().x(), event.position().y())
            if chip is not None:
                self.open_more(chip)
            else:
                shift = self.shift_at(event.position().x(), event.position().y())
                self.select(shift.id if shift is not None else 0)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        chip = self.chip_at(event.position().x(), event.position().y())
        if chip is not None:                    # its first click's popup was closed by the second
            self.open_more(chip)
            return
        shift = self.shift_at(event.position().x(), event.position().y())
        if shift is not None:
            self.select(shift.id)
            self.activated.emit(shift.id)

    def open_more(self, chip: MoreChip) -> MoreShiftsPopup:
        """The chip's shifts in a list beside it: a row selects or opens its shift as a block does."""
        self._close_more()
        day = self._monday + timedelta(days=chip.day)
        title = filled_in(self.tr("%1 %2月%3日 %4–%5 另有%6个班次"), day_name(chip.day), day.month, day.day,
                          _clock(chip.top), _clock(chip.bottom), len(chip.shifts))
        rows = [Row(shift.id, _row_text(shift), describe(shift), *_row_colours(shift)) for shift in chip.shifts]
        popup = MoreShiftsPopup(title, rows, self._selected_id, self)
        popup.picked.connect(self.select)
        popup.opened.connect(self._open_from_more)
        popup.closed.connect(lambda: self._forget_more(popup))
        self.more_popup = popup
        popup.show_beside(QRect(self.mapToGlobal(chip.rect.topLeft().toPoint()), chip.rect.size().toSize()))
        return popup

    def _open_from_more(self, shift_id: int) -> None:
        self.select(shift_id)
        self.activated.emit(shift_id)

    def _close_more(self) -> None:
        if self.more_popup is not None:
            self.more_popup.close()
            self.more_popup = None

    def _forget_more(self, popup: MoreShiftsPopup) -> None:
        if self.more_popup is popup:
            self.more_popup = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected_id:
            self.activated.emit(self._selected_id)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right):
            target = self._neighbour(key)
            if target is not None:
                self.select(target.shift.id)
        else:
            super().keyPressEvent(event)

    def _neighbour(self, key: Qt.Key) -> _Placed | None:
        if not self._placed:
            return None
        index = self._index_of.get(self._selected_id)
        if index is None:
            return self._placed[0]
        current = self._placed[index]
        if key == Qt.Key.Key_Down:
            return self._placed[index + 1] if index + 1 < len(self._placed) else None
        if key == Qt.Key.Key_Up:
            return self._placed[index - 1] if index > 0 else None
        step = 1 if key == Qt.Key.Key_Right else -1
        day = current.day + step
        while 0 <= day < 7:
            same_day = [p for p in self._placed if p.day == day]
            if same_day:
                return min(same_day, key=lambda p: (abs(p.top - current.top), p.lane))
            day += step
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            shift = self.shift_at(event.pos().x(), event.pos().y())
            chip = self.chip_at(event.pos().x(), event.pos().y()) if shift is None else None
            if chip is not None:
                QToolTip.showText(event.globalPos(), self._chip_tooltip(chip), self)
            elif shift is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), describe(shift), self)
            return True
        return super().event(event)

    def _chip_tooltip(self, chip: MoreChip) -> str:
        lines = [f"{shift.start:%H:%M}–{shift.end:%H:%M} {_task_line(shift)}" for shift in chip.shifts]
        return "\n".join([*lines, self.tr("点击列出这些班次，可以选中或打开")])

    def _update_accessible(self) -> None:
        shift = self.selected_shift()
        self.setAccessibleDescription(describe(shift) if shift is not None else
                                      self.tr("本周共 %n 个班次", "", len(self._placed)))
