"""The 三率 of the last 12 months as a chart on the 三率 tab, painted by the same function as
the chart in the monthly 接诉即办 report (reports/trend_chart.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...reports.trend_chart import paint_trend


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None, name: str = "trend_chart"):
        super().__init__(parent)
        self.setObjectName(name)
        self.trend: list[Mapping[str, Any]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_trend(self, trend: Sequence[Mapping[str, Any]]) -> None:
        """The months to show, oldest first (services.requests.rates.trend)."""
        self.trend = list(trend)
        self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(360, 180)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(640, 260)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        if self.trend:
            paint_trend(painter, QRectF(self.rect()).adjusted(4, 4, -4, -4), self.trend, self.font())
        painter.end()
