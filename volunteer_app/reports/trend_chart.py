"""The 三率 trend of the last months as a chart, painted by one function on any QPainter: the
window's chart widget paints it on the screen, the monthly 接诉即办 report into an image.

One painter function rather than QtCharts: a QChart lives in a QGraphicsScene, a widget
thing of the GUI thread, while the report is laid out on a worker thread; QPainter on a
QImage works on any thread, so the window and the paper show the same picture.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from .fonts import cjk_font

# (key of services.requests.rates.month_rates, label, colour): the three rates' lines
SERIES: tuple[tuple[str, str, str], ...] = (
    ("response_rate", "响应率", "#1f6fb2"),
    ("resolution_rate", "解决率", "#2e8b57"),
    ("satisfaction_rate", "满意率", "#d2691e"),
)
BAR_COLOUR = "#dfe6ee"          # the tickets received, behind the lines
GRID_COLOUR = "#c9d1da"
TEXT_COLOUR = "#333333"

Month = Mapping[str, Any]


def rate_floor(trend: Sequence[Month]) -> float:
    """The bottom of the rate axis: the lowest rate shown rounded down to 10 %, so that rates
    of 85–100 % do not all sit in the top sliver of a 0–100 % axis."""
    rates = [m[key] for m in trend for key, _label, _colour in SERIES if m.get(key) is not None]
    if not rates:
        return 0.0
    return max(0.0, min(0.5, int(min(rates) * 10) / 10))


def month_label(month: str) -> str:
    """'2026-11' → '11月' (the legend names the period's first and last month)."""
    return f"{int(month.split('-')[1])}月"


def paint_trend(painter: QPainter, area: QRectF, trend: Sequence[Month], font: QFont | None = None,
                title: str = "") -> None:
    """The rates of ``trend`` (oldest month first) as lines over bars of the tickets received."""
    font = QFont(font) if font is not None else cjk_font(9)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    line = metrics.height()
    top = area.top() + (line * 1.4 if title else 0)
    if title:
        painter.setPen(QColor(TEXT_COLOUR))
        painter.drawText(QRectF(area.left(), area.top(), area.width(), line * 1.2),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, title)
    plot = QRectF(area.left() + metrics.horizontalAdvance("100%") + 8, top + line * 0.6,
                  0, 0)
    plot.setRight(area.right() - metrics.horizontalAdvance("0000") - 4)
    plot.setBottom(area.bottom() - line * 3.6)
    if plot.width() < 40 or plot.height() < 30:
        painter.restore()
        return
    floor = rate_floor(trend)
    _grid(painter, plot, floor, metrics)
    _bars(painter, plot, trend, metrics)
    for key, _label, colour in SERIES:
        _line(painter, plot, trend, key, QColor(colour), floor)
    period = f"{trend[0]['month']}—{trend[-1]['month']}" if trend else ""
    _legend(painter, QRectF(area.left(), plot.bottom() + line * 2.3, area.width(), line * 1.2),
            metrics, period)
    painter.restore()


def _y(plot: QRectF, rate: float, floor: float) -> float:
    return plot.bottom() - (rate - floor) / (1 - floor) * plot.height() if floor < 1 else plot.bottom()


def _x(plot: QRectF, index: int, count: int) -> float:
    step = plot.width() / max(1, count)
    return plot.left() + step * (index + 0.5)


def _grid(painter: QPainter, plot: QRectF, floor: float, metrics: QFontMetricsF) -> None:
    painter.setPen(QPen(QColor(GRID_COLOUR), 1))
    steps = max(1, round((1 - floor) * 10))
    for i in range(steps + 1):
        rate = floor + (1 - floor) * i / steps
        y = _y(plot, rate, floor)
        painter.setPen(QPen(QColor(GRID_COLOUR), 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor(TEXT_COLOUR))
        painter.drawText(QRectF(plot.left() - metrics.horizontalAdvance("100%") - 8, y - metrics.height() / 2,
                                metrics.horizontalAdvance("100%") + 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{round(rate * 100)}%")


def _bars(painter: QPainter, plot: QRectF, trend: Sequence[Month], metrics: QFontMetricsF) -> None:
    """The tickets received each month as pale bars (their own scale: the top is the busiest
    month), the count over each bar and the month under it."""
    most = max([int(m.get("received") or 0) for m in trend] + [1])
    step = plot.width() / max(1, len(trend))
    for index, month in enumerate(trend):
        received = int(month.get("received") or 0)
        height = received / most * plot.height() * 0.85
        x = _x(plot, index, len(trend))
        bar = QRectF(x - step * 0.3, plot.bottom() - height, step * 0.6, height)
        painter.fillRect(bar, QColor(BAR_COLOUR))
        painter.setPen(QColor("#6b7785"))
        painter.drawText(QRectF(x - step / 2, plot.bottom() + 2, step, metrics.height()),
                         Qt.AlignmentFlag.AlignHCenter, month_label(str(month["month"])))
        painter.drawText(QRectF(x - step / 2, plot.bottom() + 2 + metrics.height(), step, metrics.height()),
                         Qt.AlignmentFlag.AlignHCenter, f"{received}件")


def _line(painter: QPainter, plot: QRectF, trend: Sequence[Month], key: str, colour: QColor,
          floor: float) -> None:
    """One rate's line; a month with nothing rated leaves a gap rather than a fall to 0 %."""
    path = QPainterPath()
    pen_down = False
    dots = []
    for index, month in enumerate(trend):
        rate = month.get(key)
        if rate is None:
            pen_down = False
            continue
        point = QPointF(_x(plot, index, len(trend)), _y(plot, float(rate), floor))
        if pen_down:
            path.lineTo(point)
        else:
            path.moveTo(point)
            pen_down = True
        dots.append(point)
    painter.setPen(QPen(colour, 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setBrush(colour)
    for dot in dots:
        painter.drawEllipse(dot, 2.5, 2.5)


def _legend(painter: QPainter, row: QRectF, metrics: QFontMetricsF, period: str) -> None:
    """The period, then a swatch and a name for each series."""
    items = [(label, QColor(colour)) for _key, label, colour in SERIES] + [("受理件数", QColor(BAR_COLOUR))]
    width = sum(metrics.horizontalAdvance(label) + 34 for label, _c in items)
    width += metrics.horizontalAdvance(period) + 16
    x = row.center().x() - width / 2
    y = row.center().y()
    painter.setPen(QColor(TEXT_COLOUR))
    painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), period)
    x += metrics.horizontalAdvance(period) + 16
    for label, colour in items:
        painter.fillRect(QRectF(x, y - 4, 18, 8), colour)
        painter.setPen(QColor(TEXT_COLOUR))
        painter.drawText(QPointF(x + 22, y + metrics.ascent() / 2 - 1), label)
        x += metrics.horizontalAdvance(label) + 34


def trend_image(trend: Sequence[Month], width: int, height: int, title: str = "") -> QImage:
    """The chart on a white image of ``width`` × ``height`` pixels (safe on a worker thread)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = cjk_font(9)
    font.setPixelSize(max(10, round(height / 26)))
    paint_trend(painter, QRectF(8, 8, width - 16, height - 16), trend, font, title)
    painter.end()
    return image


def image_data_url(image: QImage) -> str:
    """The image as a PNG ``data:`` URL, which a QTextDocument's <img> shows (and keeps when
    printing.py copies the document for the printer, where a named resource would be lost)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return "data:image/png;base64," + base64.b64encode(bytes(data)).decode("ascii")
