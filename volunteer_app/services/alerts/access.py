"""Who may run and read a weather warning, the clock, and the open warnings.

- Staff run a warning (``ALERT_RUN``): start it, log the roll-call, close it.
- Supervisors read the board and the roll-call and print the report (``REPORT_PRINT``).
- Captains and the administrator see nothing of it (fail closed): a captain's team gets its
  duty shifts in 任务与排班 as any other task.
- Phones. While a warning is open, a role with ``VIEW_FULL_IDENTITY`` sees the full phone and
  family contact of each resident on the roll-call: calling them is the purpose (个人信息保护法
  Art. 13(4), protecting life and health in an emergency). Each time a list with full phones
  leaves a service, one audit entry says so. A closed warning's lists are masked, as any list.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..permissions import ROLE_NAMES, Permission, PermissionDenied
from ..session import Session

if TYPE_CHECKING:   # the dashboard asks can_read before the first paint; the rules wait
    from ...domain.weather import AlertLevel, AlertType

READ_PERMISSIONS = (Permission.ALERT_RUN, Permission.REPORT_PRINT)


class AlertError(ValueError):
    """A warning cannot be started, logged or closed; the message says why, in Chinese."""


def can_read(session: Session) -> bool:
    """Whether the role sees warnings at all (for showing the page or the dashboard card)."""
    return any(session.can(p) for p in READ_PERMISSIONS)


def can_run(session: Session) -> bool:
    return session.can(Permission.ALERT_RUN)


def require_read(session: Session) -> None:
    if can_read(session):
        return
    role = ROLE_NAMES[session.actor.role]
    raise PermissionDenied(f"{role}“{session.actor.name}”没有查看极端天气预警的权限。")


def require_run(session: Session) -> None:
    session.require(Permission.ALERT_RUN)


def sees_phones(session: Session, alert: dict[str, Any]) -> bool:
    """Full phones on the roll-call: an open warning and a role that may see numbers."""
    return alert["closed_at"] is None and session.can(Permission.VIEW_FULL_IDENTITY)


def now(session: Session) -> datetime:
    """The session's clock to the second (:meth:`Session.now`). Services that log or escalate
    also take an explicit ``at``."""
    return session.now()


def stamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat(timespec="seconds")


def parse_stamp(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def alert(session: Session, alert_id: int) -> dict[str, Any]:
    """One warning with its communities' ids and names, or :class:`AlertError`."""
    require_read(session)
    row = session.row("alerts", alert_id)
    if row is None:
        raise AlertError(f"找不到编号为{alert_id}的预警。")
    return _with_communities(session, row)


def open_alerts(session: Session) -> list[dict[str, Any]]:
    """The warnings still open, the latest first (one per community at most)."""
    require_read(session)
    rows = session.db.query("SELECT * FROM alerts WHERE closed_at IS NULL ORDER BY started_at DESC, id DESC")
    return [_with_communities(session, dict(r)) for r in rows]


def latest_alert(session: Session) -> dict[str, Any] | None:
    """The open warning started last, else the warning closed last; None if there never was one."""
    require_read(session)
    rows = list(session.db.query(
        "SELECT * FROM alerts ORDER BY closed_at IS NOT NULL, COALESCE(closed_at, started_at) DESC, "
        "id DESC LIMIT 1"))
    return _with_communities(session, dict(rows[0])) if rows else None


def _with_communities(session: Session, row: dict[str, Any]) -> dict[str, Any]:
    found = list(session.db.query(
        "SELECT c.id, c.name FROM alert_communities a JOIN communities c ON c.id = a.community_id "
        "WHERE a.alert_id = ? ORDER BY c.id", [row["id"]]))
    return {**row, "community_ids": [c["id"] for c in found],
            "community_names": [c["name"] for c in found],
            "title": title(row["type"], row["level"])}


def title(kind: AlertType | str, level: AlertLevel | str) -> str:
    """暴雪橙色预警."""
    return f"{kind}{level}预警"


def volunteer_on_roll(session: Session, volunteer_id: int) -> str | None:
    """The name of volunteer ``volunteer_id`` if 在册 and not archived (who may take on a
    resident's need or a door visit), else None."""
    row = session.db.execute("SELECT name FROM volunteers WHERE id = ? AND status = '在册' "
                             "AND archived_at IS NULL", [volunteer_id]).fetchone()
    return row[0] if row else None
