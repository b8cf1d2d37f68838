"""A warning on the demo community for the closing and paper tests, through the services a
staff member uses: 发布预警 (start) and one attempt at a time (log_attempt). The demo
session's clock is 2026-11-28 at noon; the warning starts at 07:00 that day.
"""

from __future__ import annotations

from datetime import datetime

from volunteer_app.domain.weather import AlertLevel, AlertType
from volunteer_app.services.alerts.attempts import log_attempt
from volunteer_app.services.alerts.start import StartRequest, start
from volunteer_app.services.permissions import Role
from volunteer_app.services.session import Actor, Session

STARTED = datetime(2026, 11, 28, 7, 0)


def open_warning(session: Session, kind: str = "暴雪", level: str = "橙色",
                 started: datetime = STARTED) -> int:
    """The warning's id: every community, the default rule of its type."""
    return start(session, StartRequest(AlertType(kind), AlertLevel(level), started_at=started,
                                       notice="区气象台发布暴雪橙色预警")).alert_id


def roll(session: Session, alert_id: int) -> list[dict]:
    return [dict(r) for r in session.db.query(
        "SELECT * FROM alert_roll WHERE alert_id = ? ORDER BY position", [alert_id])]


def attempt(session: Session, roll_id: int, result: str, at: datetime, *, caller_id: int | None = None,
            via: str = "本人", needs: tuple[str, ...] = (), note: str = "") -> None:
    log_attempt(session, roll_id, result, needs=needs, note=note, via=via, caller_id=caller_id, at=at)


def as_role(session: Session, role: Role) -> Session:
    """The demo's user of ``role`` (a captain leads team 1)."""
    user = session.db.execute("SELECT id, name FROM users WHERE role = ?", [role.value]).fetchone()
    return Session(session.db, Actor(user[0], user[1], role, frozenset({1})), today=session.today)
