"""Putting people on shifts: the team's members ranked for a shift, what blocks or warns,
assigning and taking off, and filling the gaps of a week.

Part of 任务与排班, beside :mod:`services.scheduling.schedule` (tasks and shifts) and
:mod:`services.scheduling.attendance` (after the shift); import these names from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ...domain import shift_rules
from ...domain.shift_rules import Conflicts
from ...store.rows import new_uid, now_text
from .. import privacy
from ..permissions import Permission
from ..session import Session
from . import schedule_facts as facts
from .schedule_facts import HardConflict, ScheduleError, SoftConflict, one_shift, rules

# -- candidates and conflicts ---------------------------------------------------------------

@dataclass
class Candidate:
    volunteer_id: int
    name: str
    rank: int
    hours_this_month: float
    hours_this_week: float
    reasons: list[str]
    conflicts: Conflicts
    group: str = ""


def candidates(session: Session, shift_id: int) -> list[Candidate]:
    """The team's members not yet on the shift, best fit first, each with reasons in words."""
    session.require(Permission.LEDGER_READ)
    target = one_shift(session, shift_id)
    shift_facts = target.facts
    held = facts.commitments(session, *facts.span(shift_facts.day), team_id=target.team_id)
    the_rules = rules(session)
    ranked = []
    for member in facts.team_members(session, target.team_id):
        if member.id in target.assignees:
            continue
        load = facts.load_on(held.get(member.id, ()), shift_facts.day, exclude_shift=shift_id)
        found = shift_rules.check(member, shift_facts, held.get(member.id, ()), load, the_rules,
                                 filled=len(target.assignees))
        ranked.append((shift_rules.fit_key(member, shift_facts, found, load), member, load, found))
    ranked.sort(key=lambda item: item[0])
    return [Candidate(m.id, m.name, n, load.month, load.week,
                      shift_rules.fit_reasons(m, shift_facts, load), found, m.group)
            for n, (_, m, load, found) in enumerate(ranked, start=1)]


def _conflicts(session: Session, target: facts.ShiftRow, volunteer_id: int) -> tuple[str, Conflicts]:
    member = facts.volunteer(session, volunteer_id, target.team_id)
    if member is None:
        raise ScheduleError(f"找不到编号为{volunteer_id}的志愿者。")
    day = target.facts.day
    held = facts.commitments(session, *facts.span(day), volunteer_id=volunteer_id).get(volunteer_id, [])
    load = facts.load_on(held, day, exclude_shift=target.facts.id)
    already = volunteer_id in target.assignees
    found = shift_rules.check(member, target.facts, held, load, rules(session),
                             filled=len(target.assignees), already_on=already)
    return member.name, found


def check(session: Session, shift_id: int, volunteer_id: int) -> Conflicts:
    """What blocks (hard) or warns (soft) if the volunteer were put on the shift."""
    session.require(Permission.LEDGER_READ)
    return _conflicts(session, one_shift(session, shift_id), volunteer_id)[1]


# -- assigning -------------------------------------------------------------------------------

def assign(session: Session, shift_id: int, volunteer_id: int, accept_warnings: bool = False) -> int:
    """Put a volunteer on a shift; returns the assignment id.

    Raises :class:`HardConflict` when a rule blocks it, :class:`SoftConflict` when there are
    warnings the captain has not accepted (``accept_warnings=True`` after they have).
    """
    return _assign(session, shift_id, volunteer_id, None if accept_warnings else frozenset())


def _assign(session: Session, shift_id: int, volunteer_id: int, accepted: frozenset[str] | None) -> int:
    """``accepted``: the kinds of warning accepted beforehand (None: whatever they are)."""
    session.require(Permission.SCHEDULE, one_shift(session, shift_id).team_id)
    with session.write("assignments"):
        target = one_shift(session, shift_id)     # read again inside the transaction
        name, found = _conflicts(session, target, volunteer_id)
        if found.hard:
            raise HardConflict(name, found.hard)
        if found.soft and accepted is not None and not found.kinds <= accepted:
            raise SoftConflict(name, found.soft)
        old = session.db.execute("SELECT id, state FROM assignments WHERE shift_id = ? AND volunteer_id = ?",
                                 [shift_id, volunteer_id]).fetchone()
        note = ("确认后安排：" + "；".join(found.soft)) if found.soft else ""
        if old:
            assignment_id = old[0]
            session.db.table("assignments").update(assignment_id, {
                "state": "已安排", "check_in": None, "check_out": None, "note": note})
        else:
            assignment_id = session.db.table("assignments").insert({
                "uid": new_uid(), "shift_id": shift_id, "volunteer_id": volunteer_id, "state": "已安排",
                "note": note, "created_at": now_text()}).last_pk
        session.audit("安排", "assignments", assignment_id, {"state": old[1]} if old else None,
                      {"shift": target.facts.label, "volunteer": name, "warnings": found.soft})
    return assignment_id


def assignment_row(session: Session, assignment_id: int) -> dict[str, Any]:
    rows = list(session.db.query(
        "SELECT a.*, v.name, s.date, s.start_time, s.end_time, t.team_id FROM assignments a "
        "JOIN volunteers v ON v.id = a.volunteer_id JOIN shifts s ON s.id = a.shift_id "
        "JOIN tasks t ON t.id = s.task_id WHERE a.id = ?", [assignment_id]))
    if not rows:
        raise ScheduleError(f"找不到编号为{assignment_id}的排班安排，可能已被撤销，请刷新。")
    return rows[0]


def assignments(session: Session, shift_id: int) -> list[dict[str, Any]]:
    """Everyone on a shift in any state: id, volunteer_id, name, phone, state, check_in,
    check_out, note, record_id (the service record, once completed)."""
    session.require(Permission.LEDGER_READ)
    return privacy.shape_all(session, session.db.query(
        "SELECT a.id, a.volunteer_id, v.name, v.phone, a.state, a.check_in, a.check_out, a.note, "
        "r.id AS record_id FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id "
        "LEFT JOIN service_records r ON r.assignment_id = a.id WHERE a.shift_id = ? ORDER BY a.id",
        [shift_id]))


def unassign(session: Session, assignment_id: int) -> None:
    """Take a volunteer off a shift before it happened (attended ones stay on the record)."""
    current = assignment_row(session, assignment_id)
    session.require(Permission.SCHEDULE, current["team_id"])
    if current["state"] in ("已签到", "已完成", "缺席"):
        raise ScheduleError(f"{current['name']}在{current['date']}的安排状态为“{current['state']}”，"
                            "不能撤销。")
    with session.write("assignments"):
        session.db.execute("DELETE FROM assignments WHERE id = ?", [assignment_id])
        session.audit("撤销安排", "assignments", assignment_id, current, None)


# -- filling the gaps ------------------------------------------------------------------------

@dataclass
class Proposal:
    shift_id: int
    volunteer_id: int
    name: str
    shift_label: str
    reasons: list[str] = field(default_factory=list)


def propose_fill(session: Session, team_id: int, monday: date) -> list[Proposal]:
    """People for every shift of the team's week (from today on) that is short of its minimum.

    Nothing is saved: the captain looks at the proposals, drops any, then :func:`apply_fill`.
    """
    session.require(Permission.SCHEDULE, team_id)
    first, last = facts.week_of(monday)
    first = max(first, session.today())
    rows = facts.shift_rows(session, "t.team_id = ? AND t.archived_at IS NULL AND s.cancelled = 0 "
                            "AND s.date BETWEEN ? AND ?", [team_id, first.isoformat(), last.isoformat()])
    if all(len(r.assignees) >= r.facts.min_people for r in rows):
        return []
    picks, members = fill_picks(session, team_id, monday, rows)
    names = {m.id: m.name for m in members}
    labels = {r.facts.id: r.facts.label for r in rows}
    order = {r.facts.id: n for n, r in enumerate(rows)}
    picks.sort(key=lambda p: (order[p.shift_id], names[p.volunteer_id]))
    return [Proposal(p.shift_id, p.volunteer_id, names[p.volunteer_id], labels[p.shift_id], list(p.reasons))
            for p in picks]


def fill_picks(session: Session, team_id: int, monday: date, rows: list[facts.ShiftRow],
               allowed_soft: frozenset[str] = shift_rules.FILL_ALLOWED_SOFT,
               ) -> tuple[list[shift_rules.Pick], list[shift_rules.Member]]:
    """:func:`shift_rules.fill_gaps` on ``rows`` (shifts of the team's week containing
    ``monday``) with the members' hours already held that week and month; also the members."""
    members = facts.team_members(session, team_id)
    week_start, week_end = facts.week_of(monday)
    middle = week_start + timedelta(days=3)    # the week's month is where its Thursday is
    held = facts.commitments(session, *facts.span(middle), team_id=team_id)
    loads = {m.id: facts.load_on(held.get(m.id, ()), middle) for m in members}
    # only this week's commitments can overlap the week's shifts
    week_held = {vid: [c for c in cs if week_start <= c.day <= week_end] for vid, cs in held.items()}
    gaps = [shift_rules.Gap(r.facts, r.assignees) for r in rows if len(r.assignees) < r.facts.min_people]
    return shift_rules.fill_gaps(gaps, members, week_held, loads, rules(session), allowed_soft), members


def apply_fill(session: Session, proposals: Iterable[Proposal]) -> int:
    """Assign the proposals the captain kept. One that a change since has made impossible, or
    that would now carry a warning the proposal did not (over the weekly cap, outside the
    stated time), is skipped. Returns how many were assigned."""
    done = 0
    with session.write("assignments"):
        for proposal in proposals:
            try:
                _assign(session, proposal.shift_id, proposal.volunteer_id, shift_rules.FILL_ALLOWED_SOFT)
            except (HardConflict, SoftConflict):
                continue
            done += 1
    return done
