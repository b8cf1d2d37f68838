"""The 接诉即办 figures of the 工作台: open tickets, late ones, those at risk, and this month's
three rates. Shown only to roles that read tickets (:func:`access.can_read`)."""

from __future__ import annotations

from typing import Any

from ...domain.requests import Status
from ..session import Session
from . import rates, ticket_queries
from .access import now, require_read


def dashboard(session: Session) -> dict[str, Any]:
    """``{"open", "late", "at_risk", "month", "response_rate", "resolution_rate",
    "satisfaction_rate"}``. ``at_risk``: open, not yet late, with a 风险 reason, so that
    late + at_risk is the 逾期或有风险 list."""
    require_read(session)
    rows = ticket_queries.rows(session, f"r.status <> '{Status.CLOSED.value}'", {}, now(session))
    month = rates.current_month(session)
    figures = rates.month_rates(session, month)
    return {"open": len(rows), "late": sum(1 for r in rows if r["late"]),
            "at_risk": sum(1 for r in rows if r["risk"] and not r["late"]), "month": month,
            **{key: figures[key] for key in ("response_rate", "resolution_rate", "satisfaction_rate")}}
