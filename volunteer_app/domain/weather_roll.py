"""The roll-call's running rules: what one logged attempt does to a resident's roll entry,
and who is sent to the door when a resident turns red (domain.md, "Extreme weather").

Plain Python beside ``weather.py``: services/alerts/attempts.py loads the entry and the
candidates, asks these functions, and writes what they answer in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .weather import REACHED, WAITING, Need, Result, Via


@dataclass(frozen=True)
class EntryState:
    """What an attempt changes on a roll entry (the other columns stay as they are)."""

    state: str
    reached_at: datetime | None
    last_attempt_at: datetime | None
    needs: tuple[str, ...] = ()
    need_note: str = ""
    needs_open: bool = False        # needs not yet marked done


def after_attempt(entry: EntryState, result: Result, at: datetime,
                  needs: Sequence[Need] = (), note: str = "") -> EntryState:
    """The entry once ``result`` was logged at ``at``.

    A reached resident stays reached: a later 未接通 is recorded but changes nothing here. The
    first 平安, 需要帮助 or 已上门 is when they were reached (attempts may be typed in late, out
    of order, so the earliest wins). 需要帮助 adds its needs to those already asked for and
    opens them again; the state stays 需要帮助 while any need is open, whatever came after."""
    last = at if entry.last_attempt_at is None else max(entry.last_attempt_at, at)
    if result not in REACHED:
        state = entry.state if entry.reached_at is not None else result.value
        return EntryState(state, entry.reached_at, last, entry.needs, entry.need_note, entry.needs_open)
    reached = at if entry.reached_at is None else min(entry.reached_at, at)
    all_needs, need_note, open_ = entry.needs, entry.need_note, entry.needs_open
    if result == Result.NEEDS_HELP:
        all_needs = tuple(dict.fromkeys([*entry.needs, *(n.value for n in needs)]))
        if note.strip() and note.strip() not in need_note:
            need_note = "；".join(p for p in (need_note, note.strip()) if p)
        open_ = True
    state = Result.NEEDS_HELP.value if open_ else result.value
    return EntryState(state, reached, last, all_needs, need_note, open_)


def closes_door_visit(result: Result, via: Via) -> bool:
    """A door visit's outcome: seen at the door, or safe / needing help as found there. An
    unanswered door (未接通 via 上门) leaves the visit open."""
    return result == Result.DOOR or (result in REACHED and via == Via.DOOR)


# -- the door visit (上门查看) ----------------------------------------------------------------

class Nearness:
    BUILDING = 0        # same place, same building
    PLACE = 1
    COMMUNITY = 2


@dataclass(frozen=True)
class DoorCandidate:
    """A volunteer who could go: 在册, an active paired helper or a community worker."""

    volunteer_id: int
    community_id: int | None
    place_id: int | None
    building: str
    door_visits: int = 0            # door visits already theirs in this warning


def nearness(candidate: DoorCandidate, community_id: int | None, place_id: int | None,
             building: str) -> int | None:
    """How near the candidate lives to the resident; None when outside the community."""
    if place_id is not None and candidate.place_id == place_id:
        same_building = bool(building) and candidate.building.strip() == building.strip()
        return Nearness.BUILDING if same_building else Nearness.PLACE
    if community_id is not None and candidate.community_id == community_id:
        return Nearness.COMMUNITY
    return None


def choose_door_visitor(candidates: Iterable[DoorCandidate], community_id: int | None,
                        place_id: int | None, building: str,
                        unanswered_caller: int | None = None) -> int | None:
    """The nearest candidate (same building, then same place, then same community); among
    equally near, not the caller whose calls went unanswered (someone else should look),
    then the fewest door visits already, then the lowest id (stable). None: nobody near."""
    ranked = []
    for c in candidates:
        near = nearness(c, community_id, place_id, building)
        if near is not None:
            ranked.append((near, c.volunteer_id == unanswered_caller, c.door_visits, c.volunteer_id))
    return min(ranked)[3] if ranked else None


# -- the roll-call as lists group it ---------------------------------------------------------

def line_on_sheet(position: int) -> int:
    """The number a roll entry has on the printed call sheet and in the window: from 1."""
    return int(position) + 1


def door_open(row: Mapping[str, Any]) -> bool:
    """Turned red for a door visit whose outcome is not in yet."""
    return bool(row.get("escalated")) and not row.get("door_closed_at")


# The roll-call's views (the window's state filter): key → whether a roll row belongs to it.
ROLL_VIEWS: dict[str, Callable[[Mapping[str, Any]], bool]] = {
    "waiting": lambda r: r["state"] == WAITING,
    "no_answer": lambda r: r["state"] == Result.NO_ANSWER.value and not r.get("escalated"),
    "needs": lambda r: r["state"] == Result.NEEDS_HELP.value,
    "door": door_open,
    "reached": lambda r: bool(r.get("reached_at")),
}
