"""Team scope: which teams a target belongs to, for the team-scoped permissions.

A captain acts only on the volunteers, shifts, pairs and records of the teams they lead
(``Session.can`` with the target's team). A volunteer may be in several teams, so a
volunteer is in a captain's scope when one of their current teams is; a volunteer in no
team is in no captain's scope (fail closed).
"""

from __future__ import annotations

from .permissions import ROLE_NAMES, Permission, PermissionDenied
from .session import Session


def volunteer_team_ids(session: Session, volunteer_id: int | None) -> list[int]:
    """The teams the volunteer is a current member of."""
    if volunteer_id is None:
        return []
    return [row[0] for row in session.db.execute(
        "SELECT team_id FROM team_members WHERE volunteer_id = ? AND left_on IS NULL ORDER BY team_id",
        [volunteer_id])]


def may_act_on_volunteer(session: Session, permission: Permission, volunteer_id: int | None) -> bool:
    return session.can_any(permission, volunteer_team_ids(session, volunteer_id))


def require_volunteer(session: Session, permission: Permission, volunteer_id: int | None) -> None:
    """PermissionDenied unless the volunteer is in one of the teams the actor may act for."""
    if may_act_on_volunteer(session, permission, volunteer_id):
        return
    session.require_held(permission)
    volunteer = session.row("volunteers", volunteer_id) if volunteer_id is not None else None
    name = volunteer["name"] if volunteer else f"编号{volunteer_id}"
    raise PermissionDenied(f"{ROLE_NAMES[session.actor.role]}“{session.actor.name}”只能为自己带领的队伍的"
                           f"队员办理“{permission.value}”，志愿者“{name}”不在您带领的队伍里。")
