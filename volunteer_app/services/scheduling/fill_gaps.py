"""一键补缺's question: for the teams' week, the proposals that fill the short shifts and the
short shifts themselves from today on.

Reading only, so the window may ask it on a worker thread with a read-only session; the
proposals are applied with :func:`assigning.apply_fill`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..permissions import PermissionDenied
from ..session import Session
from . import assigning, schedule
from .schedule_facts import ScheduleError


@dataclass
class GapsFound:
    proposals: list[assigning.Proposal] = field(default_factory=list)
    short: list[schedule.ShiftView] = field(default_factory=list)   # short shifts, today on
    error: str = ""                # why a team's proposals are missing


def find_gaps(session: Session, team_ids: list[int], monday: date) -> GapsFound:
    """The proposals for the teams' week and its short shifts from today on. A refusal (no
    permission, a schedule error) is kept as ``error`` beside the short shifts, which are
    still worth showing."""
    found = GapsFound()
    try:
        for team_id in team_ids:
            found.proposals += assigning.propose_fill(session, team_id, monday)
    except (ScheduleError, PermissionDenied) as error:
        found.error = str(error)
    today = session.today()
    found.short = [s for team_id in team_ids for s in schedule.week(session, monday, team_id)
                   if not s.cancelled and s.fill == schedule.FILL_SHORT and s.date >= today]
    return found
