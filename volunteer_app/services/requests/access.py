"""Who may see and change tickets, how a ticket leaves the service, and the clock.

- Staff handle tickets (``REQUEST_HANDLE``). Supervisors read them, with the rates and the
  report (``REPORT_PRINT``: the report is what they are there for), and change nothing.
  Captains and the administrator see nothing of tickets: neither permission (fail closed).
- A caller's phone leaves every function masked, as every phone does (services/privacy.py);
  the full number only through :func:`tickets.reveal_caller`, audited. The caller's name and
  the 诉求地址 (often the caller's home) go only to a role with ``VIEW_FULL_IDENTITY``;
  others get the surname and the place.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time
from types import ModuleType
from typing import Any

from ...store.rows import new_uid
from ..permissions import ROLE_NAMES, Permission, PermissionDenied
from ..session import Session

READ_PERMISSIONS = (Permission.REQUEST_HANDLE, Permission.REPORT_PRINT)


class TicketError(ValueError):
    """A step, dispatch or callback that cannot be taken; the message says why, in Chinese."""


def can_read(session: Session) -> bool:
    """Whether the role sees tickets at all (for showing the page, tab or dashboard card)."""
    return any(session.holds(p) for p in READ_PERMISSIONS)


def require_read(session: Session) -> None:
    """Staff or supervisor (or the command line); everyone else is refused."""
    if can_read(session):
        return
    role = ROLE_NAMES[session.actor.role]
    raise PermissionDenied(f"{role}“{session.actor.name}”没有查看诉求（接诉即办）的权限。")


def require_handle(session: Session) -> None:
    session.require(Permission.REQUEST_HANDLE)


def now(session: Session) -> datetime:
    """The session's clock to the second: the real time, or noon of the fixed day a test
    session runs on (``today`` is all a session knows of time)."""
    day = session.today()
    if day == date.today():
        return datetime.now().replace(microsecond=0)
    return datetime.combine(day, time(12, 0))


def stamp(moment: datetime) -> str:
    """How ticket times are stored: ISO text to the second, as everywhere else."""
    return moment.replace(microsecond=0).isoformat()


def parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def shape_ticket(session: Session, row: dict[str, Any]) -> dict[str, Any]:
    """One ticket row as the acting user may see it (the module's docstring)."""
    shaped = _privacy().shape(session, row)
    if not session.can(Permission.VIEW_FULL_IDENTITY):
        if shaped.get("caller_name"):
            shaped["caller_name"] = shaped["caller_name"][0] + "*" * (len(shaped["caller_name"]) - 1)
        if "address" in shaped:
            shaped["address"] = " ".join(p for p in (row.get("place_name") or "", row.get("building") or "") if p)
    return shaped


def write_event(session: Session, request_id: int, step: str, at: datetime, note: str = "") -> None:
    """One row of the ticket's history; call inside the write that takes the step."""
    session.db.table("request_events").insert({
        "uid": new_uid(), "request_id": request_id, "step": step, "at": stamp(at),
        "user_id": session.actor.user_id, "user_name": session.actor.name, "note": note})


def month_bounds(month: str) -> tuple[str, str]:
    """'2026-11' as the text bounds [2026-11-01, 2026-12-01) of ``received_at``, or a
    Chinese :class:`ValueError` naming the field."""
    text = str(month or "").strip()
    try:
        first = datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise ValueError(f"月份“{text}”看不懂，请写成2026-11这样的年-月。") from None
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first.isoformat(), following.isoformat()


@functools.cache
def _privacy() -> ModuleType:
    """services.privacy, imported at the first ticket shown: the dashboard asks can_read
    before the window's first paint, and privacy brings the identity rules (~10 ms). Bound
    once, not imported in shape_ticket, which runs once a row."""
    from .. import privacy

    return privacy

