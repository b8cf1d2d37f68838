"""Who may do what on the roll-call: staff run it (log, assign, mark done), supervisors read it
(roll-call, board, callers, status) and log nothing, captains and the administrator get
nothing of it. Each role against each function, on a real demo file."""

from __future__ import annotations

import pytest
from alert_roll_world import at, open_warning

from volunteer_app.services.alerts import attempts, board, callers
from volunteer_app.services.permissions import PermissionDenied, Role

READS = {
    "roll_rows": lambda s, w: attempts.roll_rows(s, w.alert_id),
    "roll_row": lambda s, w: attempts.roll_row(s, w.roll_ids[0]),
    "attempts": lambda s, w: attempts.attempts(s, w.roll_ids[0]),
    "board": lambda s, w: board.board(s, w.alert_id),
    "status_json": lambda s, w: board.status_json(s),
    "callers": lambda s, w: callers.callers(s, w.alert_id),
}
WRITES = {
    "log_attempt": lambda s, w: attempts.log_attempt(s, w.roll_ids[1], "平安", at=at(9)),
    "log_for_resident": lambda s, w: attempts.log_for_resident(s, w.resident_ids[2], "未接通", at=at(9)),
    "assign_need": lambda s, w: callers.assign_need(s, w.roll_ids[0], w.helper),
    "need_done": lambda s, w: callers.need_done(s, w.roll_ids[0], "药已送到"),
    "assign_door": lambda s, w: attempts.assign_door(s, w.roll_ids[3], w.helper),
}
ALLOWED = {
    Role.STAFF: set(READS) | set(WRITES),
    Role.SUPERVISOR: set(READS),
    Role.CAPTAIN: set(),
    Role.ADMIN: set(),
}


@pytest.fixture
def warning(demo_session):
    found = open_warning(demo_session)
    attempts.log_attempt(demo_session, found.roll_ids[0], "需要帮助", needs=["送药"], at=at(8, 30))
    found.helper = demo_session.row("alert_roll", found.roll_ids[0])["caller_id"]
    return found


def _written(session) -> tuple[int, ...]:
    return tuple(session.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                 for t in ("alert_attempts", "alert_events"))


@pytest.mark.parametrize("role", list(ALLOWED))
@pytest.mark.parametrize("name", [*READS, *WRITES])
def test_each_role_against_each_function(warning, role, name):
    session = warning.as_role(role)
    call = {**READS, **WRITES}[name]
    if name in ALLOWED[role]:
        call(session, warning)
        return
    before = _written(warning.session)
    with pytest.raises(PermissionDenied):
        call(session, warning)
    assert _written(warning.session) == before
    assert warning.session.row("alert_roll", warning.roll_ids[1])["attempts"] == 0


def test_the_board_and_the_lists_refuse_before_reading(warning):
    """A captain is refused even for an unknown warning: the permission comes first."""
    captain = warning.as_role(Role.CAPTAIN)
    with pytest.raises(PermissionDenied, match="没有查看极端天气预警的权限"):
        board.board(captain, 999999)
    with pytest.raises(PermissionDenied):
        attempts.roll_row(captain, 999999)
