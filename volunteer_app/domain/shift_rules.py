"""Who may go on a shift: hard conflicts that block and soft ones that warn, in words; how
the team's members are ranked for a shift; and how the gaps of a week are filled.

Plain Python on facts the services load (``Member``, ``ShiftFacts``, ``Commitment``,
``Load``). :func:`conflict_kinds` is the one place the rules are decided; :func:`check`
puts them into words, and :func:`fill_gaps` never proposes what it would block.
``domain.scheduling`` re-exports all of this beside the recurrence rules.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cached_property
from typing import Any

from .availability import Availability
from .people import age_on

# -- conflicts -------------------------------------------------------------------------------

@dataclass
class Conflicts:
    """Why a volunteer should not (hard) or might better not (soft) be on a shift, in words.

    ``kinds`` holds a short code for each reason, for code that must tell them apart.
    """

    hard: list[str] = field(default_factory=list)
    soft: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)

    def block(self, kind: str, reason: str) -> None:
        self.hard.append(reason)
        self.kinds.add(kind)

    def warn(self, kind: str, reason: str) -> None:
        self.soft.append(reason)
        self.kinds.add(kind)

    @property
    def blocked(self) -> bool:
        return bool(self.hard)

    @property
    def clean(self) -> bool:
        return not self.hard and not self.soft

    def describe(self) -> str:
        return "；".join(self.hard + self.soft)


HARD_KINDS = frozenset({"cancelled", "already", "full", "inactive", "not_member", "overlap",
                        "health", "age"})
SOFT_KINDS = frozenset({"availability", "no_availability", "cap", "skills"})


@dataclass(frozen=True)
class Member:
    """A volunteer as scheduling sees them (``group``: their rota group in the shift's team)."""

    id: int
    name: str
    birth_date: date | None = None
    status: str = "在册"
    archived: bool = False
    health_limit: bool = False
    skills: frozenset[str] = frozenset()
    availability: Availability = Availability()
    weekly_cap: float = 8.0
    group: str = ""
    in_team: bool = True


@dataclass(frozen=True)
class ShiftFacts:
    id: int
    day: date
    start: time
    end: time
    label: str = ""
    heavy: bool = False
    skills: frozenset[str] = frozenset()
    group: str = ""
    min_people: int = 1
    max_people: int = 1
    cancelled: bool = False

    @cached_property
    def hours(self) -> float:
        return _minutes(self.start, self.end) / 60

    def times(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True)
class Commitment:
    """A shift the volunteer already holds (in any team)."""

    shift_id: int
    day: date
    start: time
    end: time
    label: str = ""


@dataclass
class Load:
    """Hours already planned for the volunteer: in the shift's ISO week and its month."""

    week: float = 0.0
    month: float = 0.0


@dataclass(frozen=True)
class Rules:
    heavy_max_age: int = 70


def _minutes(start: time, end: time) -> float:
    return (datetime.combine(date.min, end) - datetime.combine(date.min, start)).total_seconds() / 60


def overlaps(a_day: date, a_start: time, a_end: time, b_day: date, b_start: time, b_end: time) -> bool:
    return a_day == b_day and a_start < b_end and b_start < a_end


def _hours(value: float) -> str:
    return f"{value:g}"


def conflict_kinds(member: Member, shift: ShiftFacts, commitments: Iterable[Commitment] = (),
                   load: Load | None = None, rules: Rules = Rules(), *, filled: int = 0,
                   already_on: bool = False) -> set[str]:
    """The codes of :func:`check`'s conflicts without their words: the one place the rules
    are decided, fast enough to run for every member on every shift of a week."""
    kinds = set()
    if shift.cancelled:
        kinds.add("cancelled")
    if already_on:
        kinds.add("already")
    elif filled >= shift.max_people:
        kinds.add("full")
    if member.archived or member.status != "在册":
        kinds.add("inactive")
    if not member.in_team:
        kinds.add("not_member")
    if _overlapping(shift, commitments) is not None:
        kinds.add("overlap")
    if shift.heavy:
        if member.health_limit:
            kinds.add("health")
        age = age_on(member.birth_date, shift.day)
        if age is not None and age > rules.heavy_max_age:
            kinds.add("age")
    if not member.availability:
        kinds.add("no_availability")
    elif not member.availability.covers(shift.day.isoweekday(), shift.start, shift.end):
        kinds.add("availability")
    if (load.week if load else 0.0) + shift.hours > member.weekly_cap + 1e-9:
        kinds.add("cap")
    if not shift.skills <= member.skills:
        kinds.add("skills")
    return kinds


def _overlapping(shift: ShiftFacts, commitments: Iterable[Commitment]) -> Commitment | None:
    for other in commitments:
        if other.shift_id != shift.id and overlaps(shift.day, shift.start, shift.end,
                                                   other.day, other.start, other.end):
            return other
    return None


def check(member: Member, shift: ShiftFacts, commitments: Iterable[Commitment] = (),
          load: Load | None = None, rules: Rules = Rules(), *, filled: int = 0,
          already_on: bool = False) -> Conflicts:
    """Hard conflicts block, soft ones warn, each in words. ``filled``: people already on the
    shift; ``commitments``: the volunteer's other shifts (the shift itself is ignored)."""
    commitments = list(commitments)
    load = load or Load()
    kinds = conflict_kinds(member, shift, commitments, load, rules, filled=filled, already_on=already_on)
    found = Conflicts()
    name = member.name
    words = {
        "cancelled": lambda: "这个班次已取消",
        "already": lambda: f"{name}已经在这个班次里了",
        "full": lambda: f"这个班次已满（最多{shift.max_people}人，已安排{filled}人）",
        "inactive": lambda: (f"{name}已退出志愿者队伍" if member.archived or member.status == "退出"
                             else f"{name}目前{member.status}服务"),
        "not_member": lambda: f"{name}不是本队队员",
        "overlap": lambda: _overlap_words(_overlapping(shift, commitments)),
        "health": lambda: f"{name}有健康限制，不宜做重体力任务",
        "age": lambda: (f"{name}{age_on(member.birth_date, shift.day)}岁，"
                        f"超过重体力任务的年龄上限{rules.heavy_max_age}岁"),
        "no_availability": lambda: f"{name}没有填写空闲时间",
        "availability": lambda: f"不在{name}填写的空闲时间内（空闲：{member.availability.describe()}）",
        "cap": lambda: (f"本周已排{_hours(load.week)}小时，再加这个班次共{_hours(load.week + shift.hours)}"
                        f"小时，超过每周上限{_hours(member.weekly_cap)}小时"),
        "skills": lambda: f"缺少所需技能：{'、'.join(sorted(shift.skills - member.skills))}",
    }
    for kind in _ORDER:
        if kind in kinds:
            (found.block if kind in HARD_KINDS else found.warn)(kind, words[kind]())
    return found


def _overlap_words(other: Commitment | None) -> str:
    assert other is not None
    return f"同一时间已安排在“{other.label}”（{other.start:%H:%M}–{other.end:%H:%M}）"


_ORDER = ("cancelled", "already", "full", "inactive", "not_member", "overlap", "health", "age",
          "no_availability", "availability", "cap", "skills")


# -- ranking ---------------------------------------------------------------------------------

def fit_reasons(member: Member, shift: ShiftFacts, load: Load) -> list[str]:
    """What speaks for the volunteer, in words (the conflicts say what speaks against)."""
    reasons = []
    if member.availability.covers(shift.day.isoweekday(), shift.start, shift.end):
        reasons.append("这个时间有空")
    if shift.skills and shift.skills <= member.skills:
        reasons.append(f"有所需技能：{'、'.join(sorted(shift.skills))}")
    if shift.group and member.group == shift.group:
        reasons.append(f"{shift.group}组本班轮值")
    elif shift.group and member.group:
        reasons.append(f"属{member.group}组，替{shift.group}组顶班")
    reasons.append(f"本月已排{_hours(load.month)}小时")
    reasons.append(f"本周已排{_hours(load.week)}/{_hours(member.weekly_cap)}小时")
    return reasons


def fit_key(member: Member, shift: ShiftFacts, conflicts: Conflicts, load: Load) -> tuple:
    """Sort key, best first: no hard conflict, fewest warnings, own rota group, fewest hours."""
    other_group = bool(shift.group) and member.group != shift.group
    return (bool(conflicts.hard), len(conflicts.soft), other_group, load.month, load.week,
            member.name, member.id)


# -- filling the gaps ------------------------------------------------------------------------

# A proposal may carry only these warnings: an empty availability grid says nothing either way.
FILL_ALLOWED_SOFT = frozenset({"no_availability"})


@dataclass(frozen=True)
class Gap:
    shift: ShiftFacts
    assignees: frozenset[int] = frozenset()   # volunteers already on it (active states)


@dataclass(frozen=True)
class Pick:
    shift_id: int
    volunteer_id: int
    reasons: tuple[str, ...] = ()


def fill_gaps(gaps: Sequence[Gap], members: Sequence[Member],
              commitments: dict[int, list[Commitment]], loads: dict[int, Load],
              rules: Rules = Rules(), allowed_soft: frozenset[str] = FILL_ALLOWED_SOFT) -> list[Pick]:
    """Propose people for every shift below its minimum, up to the minimum (never the maximum).

    Each pick passes :func:`check` against everything already held and picked, so no hard
    rule is broken and nobody goes over their weekly cap or outside their stated time.
    The most constrained shifts go first; within a shift the member with the fewest hours
    this month (then week) is taken, own rota group first, so hours spread across the team.
    ``commitments`` and ``loads`` are not changed. ``allowed_soft`` names the warnings a
    pick may carry (never a hard conflict, whatever it says).

    Cost grows as members + shifts, not their product: the standing rules are array
    operations (:mod:`.eligibility`), and members are kept ranked as their hours grow
    instead of sorted again for every pick.
    """
    allowed = frozenset(allowed_soft) & SOFT_KINDS
    busy = {m.id: list(commitments.get(m.id, ())) for m in members}
    load = {m.id: Load(loads.get(m.id, Load()).week, loads.get(m.id, Load()).month) for m in members}
    # numpy comes with the first fill, not with the 任务与排班 page that imports these rules
    from .eligibility import StandingRules

    ranking = _Ranking(members, load)
    standing = StandingRules(members, rules.heavy_max_age, allowed)
    static = {gap.shift.id: ranking.flags(standing.mask(gap.shift), gap.assignees) for gap in gaps}
    counts = {shift_id: flags.count(1) for shift_id, flags in static.items()}
    order = sorted((g for g in gaps if _need(g) > 0 and not g.shift.cancelled),
                   key=lambda g: (counts[g.shift.id] / _need(g), g.shift.day, g.shift.start,
                                  g.shift.id))
    picks: list[Pick] = []
    for gap in order:
        shift, taken = gap.shift, len(gap.assignees)
        for _ in range(_need(gap)):
            chosen = _best(shift, static[shift.id], ranking, busy, load, rules, taken, allowed)
            if chosen is None:
                break
            member, found = chosen
            picks.append(Pick(shift.id, member.id, tuple(fit_reasons(member, shift, load[member.id])
                                                         + found.soft)))
            busy[member.id].append(Commitment(shift.id, shift.day, shift.start, shift.end, shift.label))
            ranking.add_hours(member, shift.hours)
            static[shift.id][ranking.index[member.id]] = 0
            taken += 1
    return picks


def _need(gap: Gap) -> int:
    return min(gap.shift.min_people, gap.shift.max_people) - len(gap.assignees)


def _acceptable(kinds: set[str], allowed: frozenset[str]) -> bool:
    return kinds <= allowed


def _may_pass(member: Member, shift: ShiftFacts, held: list[Commitment], load: Load,
              allowed: frozenset[str]) -> bool:
    """False when a pick is sure to fail on what changes as picks are made (the weekly cap,
    an overlapping shift): a cheap sieve before :func:`conflict_kinds` decides, so the
    members at the top of the ranking who are already full are passed over quickly."""
    if "cap" not in allowed and load.week + shift.hours > member.weekly_cap + 1e-9:
        return False
    return _overlapping(shift, held) is None


class _Ranking:
    """Members in the order a pick prefers them, whatever the shift's rota group: someone with
    stated free time first, then the fewest hours this month, then this week. Only a picked
    member's hours change, so only they move."""

    def __init__(self, members: Sequence[Member], load: dict[int, Load]):
        self.load = load
        self.members = list(members)
        self.index = {m.id: n for n, m in enumerate(self.members)}
        self.keys = sorted(self._key(m) for m in members)

    def _key(self, member: Member) -> tuple:
        hours = self.load[member.id]
        return (not member.availability, hours.month, hours.week, member.id, self.index[member.id])

    def flags(self, mask: Any, without: Iterable[int]) -> bytearray:
        """One byte per member (1: may be picked), from the standing rules' ``mask``, with
        ``without`` (the people already on the shift) cleared."""
        flags = bytearray(mask.astype("uint8").tobytes())   # mask: numpy booleans
        for volunteer_id in without:
            if volunteer_id in self.index:
                flags[self.index[volunteer_id]] = 0
        return flags

    def add_hours(self, member: Member, hours: float) -> None:
        del self.keys[bisect.bisect_left(self.keys, self._key(member))]
        self.load[member.id].week += hours
        self.load[member.id].month += hours
        bisect.insort(self.keys, self._key(member))

    def candidates(self, flags: bytearray, group: str) -> Iterator[Member]:
        """The members flagged in ``flags`` in preference order, the shift's own rota group first."""
        others = []
        for key in self.keys:
            if flags[key[-1]]:
                member = self.members[key[-1]]
                if not group or member.group == group:
                    yield member
                else:
                    others.append(member)
        yield from others


def _best(shift: ShiftFacts, eligible: bytearray, ranking: _Ranking, busy: dict[int, list[Commitment]],
          load: dict[int, Load], rules: Rules, filled: int,
          allowed: frozenset[str]) -> tuple[Member, Conflicts] | None:
    for member in ranking.candidates(eligible, shift.group):
        if not _may_pass(member, shift, busy[member.id], load[member.id], allowed):
            continue
        if _acceptable(conflict_kinds(member, shift, busy[member.id], load[member.id], rules,
                                      filled=filled), allowed):
            return member, check(member, shift, busy[member.id], load[member.id], rules, filled=filled)
    return None
