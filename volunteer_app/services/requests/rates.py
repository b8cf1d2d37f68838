"""The three rates (三率) of a month and the office's own figures.

Over the tickets *received* (来电时间) in the month, as the issue and domain.md define them;
a ticket counts as rated once the city's callback result (是否联系) is recorded. The formulas
are *unconfirmed* and the weight of 基本满意 is a setting, so :func:`formulas` is shown beside
each figure. Read by staff and supervisors (``REPORT_PRINT``: the rates are the report).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...domain.requests import FORMULAS, CallbackCounts, Status, rates
from ..admin import settings
from ..session import Session
from .access import month_bounds, now, require_read, stamp

# One pass over the month's range of the requests_received index, which also holds the three
# callback columns: the month of 500,000 tickets is counted from the index alone, without
# touching the table (named, so a planner's whim cannot scan it).
_COUNTS = """
SELECT count(*), count(callback_contacted),
    total(callback_contacted = '已联系'), total(callback_resolved = '已解决'),
    total(callback_satisfaction = '满意'), total(callback_satisfaction = '基本满意')
FROM requests INDEXED BY requests_received
WHERE received_at >= ? AND received_at < ?
"""
KEYS = ("received", "rated", "contacted", "resolved", "satisfied", "basically_satisfied")


def basic_weight(session: Session) -> float:
    return float(settings.get(session, "requests.basic_satisfied_weight"))


def month_rates(session: Session, month: str) -> dict[str, Any]:
    """``{"month", "received", "rated", "contacted", "resolved", "satisfied",
    "basically_satisfied", "response_rate", "resolution_rate", "satisfaction_rate"}``; each
    rate a fraction rounded to 4 places, None when nothing is rated."""
    require_read(session)
    first, following = month_bounds(month)
    row = session.db.execute(_COUNTS, [first, following]).fetchone()
    counts = CallbackCounts(*(int(value) for value in row))
    return {"month": first[:7], **dict(zip(KEYS, (int(v) for v in row), strict=True)),
            **rates(counts, basic_weight(session))}


def trend(session: Session, last_month: str, months: int = 12) -> list[dict[str, Any]]:
    """:func:`month_rates` of the ``months`` months ending with ``last_month``, oldest first."""
    first, _ = month_bounds(last_month)
    year, month = int(first[:4]), int(first[5:7])
    names = []
    for back in range(months - 1, -1, -1):
        index = year * 12 + month - 1 - back
        names.append(f"{index // 12:04d}-{index % 12 + 1:02d}")
    return [month_rates(session, name) for name in names]


def formulas(session: Session) -> dict[str, str]:
    """Each rate's formula text, the 基本满意 weight filled in."""
    require_read(session)
    weight = f"{basic_weight(session):g}"
    return {key: text.format(w=weight) for key, text in FORMULAS.items()}


def office_figures(session: Session, month: str) -> dict[str, Any]:
    """The office's own figures over the month's tickets: contacted and closed within the
    deadline, closed, still open past the deadline (now), by category path and by worker."""
    require_read(session)
    first, following = month_bounds(month)
    params = {"first": first, "following": following, "now": stamp(now(session)),
              "closed": Status.CLOSED.value}
    month_rows = ("FROM requests INDEXED BY requests_received "
                  "WHERE received_at >= :first AND received_at < :following")
    in_time = "(closed_at IS NOT NULL AND julianday(closed_at) <= julianday(due_at))"
    row = session.db.execute(
        "SELECT total(contacted_at IS NOT NULL AND julianday(contacted_at) <= julianday(due_at)), "
        f"total({in_time}), total(closed_at IS NOT NULL), "
        f"total(status <> :closed AND julianday(due_at) < julianday(:now)) {month_rows}", params).fetchone()
    figures: dict[str, Any] = dict(zip(("contacted_in_time", "closed_in_time", "closed", "late_open"),
                                       (int(v) for v in row), strict=True))
    figures["by_category"] = list(session.db.query(
        f"SELECT category, count(*) AS count, CAST(total({in_time}) AS INTEGER) AS closed_in_time "
        f"{month_rows} GROUP BY category ORDER BY count DESC, category", params))
    figures["by_staff"] = list(session.db.query(
        "SELECT coalesce(v.name, '未派给社区工作者') AS staff_name, count(*) AS count, "
        f"CAST(total({in_time}) AS INTEGER) AS closed_in_time "
        "FROM requests r INDEXED BY requests_received LEFT JOIN volunteers v ON v.id = r.staff_id "
        "WHERE r.received_at >= :first AND r.received_at < :following "
        "GROUP BY r.staff_id ORDER BY count DESC, staff_name", params))
    return figures


def current_month(session: Session) -> str:
    today: date = session.today()
    return f"{today:%Y-%m}"
