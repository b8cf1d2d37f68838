"""The 三率 trend chart, painted into an image as the report does: each rate's line in its
colour, a gap (not a fall to 0 %) for a month nothing was rated in, the axis floor."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from volunteer_app.reports.trend_chart import (
    SERIES,
    image_data_url,
    month_label,
    rate_floor,
    trend_image,
)


def test_the_trend_chart_draws_each_rate_and_leaves_a_gap_where_nothing_was_rated(qapp):
    trend = [{"month": f"2026-{m:02d}", "received": 10, "rated": 0 if m == 6 else 8,
              "response_rate": None if m == 6 else 0.9, "resolution_rate": None if m == 6 else 0.8,
              "satisfaction_rate": None if m == 6 else 0.95} for m in range(1, 13)]
    assert rate_floor(trend) == pytest.approx(0.5) and rate_floor([]) == 0.0
    assert month_label("2027-01") == "1月" and month_label("2026-11") == "11月"
    image = trend_image(trend, 1200, 480)
    colours = {image.pixelColor(x, y).name() for x in range(0, 1200, 2) for y in range(0, 480, 2)}
    for _key, _label, colour in SERIES:
        assert QColor(colour).name() in colours
    # June (the sixth of twelve columns) has no rate: no line colour in its middle
    column = [image.pixelColor(int(8 + (1200 - 16) * 5.5 / 12) + dx, y).name()
              for dx in (-1, 0, 1) for y in range(0, 480)]
    assert not set(column) & {QColor(c).name() for _k, _l, c in SERIES}
    assert image_data_url(image).startswith("data:image/png;base64,iVBOR")
