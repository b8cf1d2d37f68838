"""Scheduling rules: how a task's shifts recur, what blocks or warns when a volunteer is put
on a shift, how candidates are ranked, and how the gaps of a week are filled.

Plain Python: the services load rows and hand these functions facts (``Member``,
``ShiftFacts``, ``Commitment``, ``Load``); nothing here reads the database.

Recurrence kinds:

- ``once``: the start date only;
- ``daily``: every day of the range;
- ``weekly``: the chosen weekdays (0 = Monday … 6 = Sunday);
- ``rota``: groups take turns (A, B, C, D …). The next group takes over each day, or each
  week with ``rotate_every="week"``; ``weekdays`` may limit the days. A day skipped as a
  public holiday still uses up its group's turn, so the cycle stays tied to the calendar
  ("A has the 1st, B the 2nd …") and a holiday is simply that group's day off.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property

import chinese_calendar

from .availability import WEEKDAYS, Availability
from .people import age_on

KINDS = ("once", "daily", "weekly", "rota")
KIND_NAMES = {"once": "仅一次", "daily": "每天", "weekly": "每周", "rota": "分组轮值"}
ROTATE = ("day", "week")
# Assignment states that hold a place on a shift (declined and no-show ones do not).
ACTIVE_STATES = ("已安排", "已确认", "已签到", "已完成")
ALL_STATES = ("已安排", "已确认", "已签到", "已完成", "已谢绝", "缺席")
MAX_RANGE_DAYS = 366 * 2


class RecurrenceError(ValueError):
    """A recurrence rule that cannot generate shifts; the message says what to fix."""


# -- public holidays -------------------------------------------------------------------------

# The fixed-date statutory holidays (全国年节及纪念日放假办法, 2025 revision): used for years the
# chinesecalendar package has no data for yet. The lunar ones (春节, 清明, 端午, 中秋) and the
# State Council's swapped days cannot be known in advance, so they are not skipped then.
_FIXED_HOLIDAYS = {(1, 1): "元旦", (5, 1): "劳动节", (5, 2): "劳动节",
                   (10, 1): "国庆节", (10, 2): "国庆节", (10, 3): "国庆节"}


def holiday_name(day: date) -> str | None:
    """The statutory holiday ``day`` falls in (National Day, Spring Festival …), or None.

    Ordinary weekends are not holidays here: garbage-sorting duty runs on Saturdays too.
    The chinesecalendar package knows the State Council's holiday plan only up to the last
    year it was released for (2026 in version 1.11) and raises NotImplementedError after
    that; for such years only the fixed-date holidays above are known.
    """
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return _FIXED_HOLIDAYS.get((day.month, day.day))
    return name if on_holiday and name else None


def is_public_holiday(day: date) -> bool:
    return holiday_name(day) is not None


def holiday_data_known(day: date) -> bool:
    """False for a year the holiday calendar has no data for (only fixed dates are skipped)."""
    try:
        chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return False
    return True


# -- recurrence ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Slot:
    """A time of day a shift runs; ``group`` pins the slot to a rota group ("" = by rotation)."""

    start: time
    end: time
    group: str = ""

    def label(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True)
class Recurrence:
    kind: str  # "once" | "daily" | "weekly" | "rota"
    weekdays: tuple[int, ...] = ()        # 0=Mon..6=Sun for weekly (and optionally rota)
    groups: tuple[str, ...] = ()          # rota: ("A", "B", "C", "D")
    rotate_every: str = "day"             # rota: the next group takes over each day or week
    skip_holidays: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise RecurrenceError(f"重复方式“{self.kind}”不认识，只能是仅一次、每天、每周或分组轮值。")
        if any(not 0 <= d <= 6 for d in self.weekdays):
            raise RecurrenceError("星期只能是周一到周日。")
        if self.kind == "weekly" and not self.weekdays:
            raise RecurrenceError("每周重复请至少选一天（例如周六）。")
        if self.kind == "rota":
            if len(self.groups) < 2:
                raise RecurrenceError("分组轮值至少要两个组，例如 A、B、C、D。")
            if len(set(self.groups)) != len(self.groups) or any(not g.strip() for g in self.groups):
                raise RecurrenceError("轮值组的名称不能为空，也不能重复。")
            if self.rotate_every not in ROTATE:
                raise RecurrenceError("轮值只能每天换组或每周换组。")

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind, "weekdays": list(self.weekdays),
                           "groups": list(self.groups), "rotate_every": self.rotate_every,
                           "skip_holidays": self.skip_holidays}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> Recurrence:
        data = json.loads(text) if text else {}
        if not data:
            return cls("once")
        return cls(kind=data.get("kind", "once"), weekdays=tuple(data.get("weekdays", ())),
                   groups=tuple(data.get("groups", ())), rotate_every=data.get("rotate_every", "day"),
                   skip_holidays=bool(data.get("skip_holidays", False)))

    def describe(self) -> str:
        """每周六、日（节假日休息） — as a captain would say it."""
        days = "、".join(WEEKDAYS[d] for d in sorted(self.weekdays))
        if self.kind == "weekly":
            text = "每" + days
        elif self.kind == "rota":
            every = "每天" if self.rotate_every == "day" else "每周"
            text = f"{'、'.join(self.groups)}{len(self.groups)}个组{every}轮换"
            if days:
                text += f"（{days}）"
        else:
            text = KIND_NAMES[self.kind]
        return text + ("，法定节假日休息" if self.skip_holidays else "")


@dataclass(frozen=True)
class ShiftPlan:
    """One shift to create: its date, its slot and the rota group on duty ("" if none)."""

    date: date
    slot: Slot
    group: str = ""


def _days(recurrence: Recurrence, start: date, end: date) -> list[date]:
    if recurrence.kind == "once":
        return [start]
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    if recurrence.weekdays:
        days = [d for d in days if d.weekday() in recurrence.weekdays]
    return days


def generate(recurrence: Recurrence, slots: Sequence[Slot], start: date, end: date,
             holidays: Callable[[date], bool] | Collection[date] = is_public_holiday,
             ) -> list[ShiftPlan]:
    """The shifts of ``recurrence`` from ``start`` to ``end`` (both included), in time order.

    ``holidays`` (a predicate or a set of dates) is consulted only when the rule skips them.
    """
    if end < start:
        raise RecurrenceError(f"结束日期{end.isoformat()}早于开始日期{start.isoformat()}。")
    if (end - start).days > MAX_RANGE_DAYS:
        raise RecurrenceError("一次最多生成两年的班次，请缩短日期范围。")
    if not slots:
        raise RecurrenceError("请至少填写一个时段，例如 07:00–09:00。")
    for slot in slots:
        if slot.end <= slot.start:
            raise RecurrenceError(f"时段{slot.label()}的结束时间应晚于开始时间。")
    is_holiday = holidays if callable(holidays) else frozenset(holidays).__contains__
    ordered = sorted(slots, key=lambda s: (s.start, s.end))
    first_monday = start - timedelta(days=start.weekday())
    plans = []
    for turn, day in enumerate(_days(recurrence, start, end)):
        group = ""
        if recurrence.kind == "rota":
            index = turn if recurrence.rotate_every == "day" else (day - first_monday).days // 7
            group = recurrence.groups[index % len(recurrence.groups)]
        if recurrence.skip_holidays and is_holiday(day):
            continue
        plans.extend(ShiftPlan(day, slot, slot.group or group) for slot in ordered)
    return plans


# -- "this shift" or "this and the following ones" ------------------------------------------

SCOPES = ("one", "following")


@dataclass(frozen=True)
class ShiftKey:
    id: int
    date: date
    start: time


def in_scope(shifts: Iterable[ShiftKey], pivot: ShiftKey, scope: str) -> list[int]:
    """The ids a change to ``pivot`` applies to.

    ``following`` means the same slot (same start time) of the task on the pivot's day and
    every later day: moving the 07:00 duty to 07:30 leaves the 18:00 one alone.
    """
    if scope not in SCOPES:
        raise ValueError(f"范围只能是“仅此班次”或“此班次及以后”，不是“{scope}”。")
    if scope == "one":
        return [pivot.id]
    return [s.id for s in sorted(shifts, key=lambda s: (s.date, s.id))
            if s.date >= pivot.date and s.start == pivot.start]


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
    """
    allowed = frozenset(allowed_soft) & SOFT_KINDS
    busy = {m.id: list(commitments.get(m.id, ())) for m in members}
    load = {m.id: Load(loads.get(m.id, Load()).week, loads.get(m.id, Load()).month) for m in members}
    static: dict[int, list[Member]] = {}
    for gap in gaps:
        free = [m for m in members if m.id not in gap.assignees]
        static[gap.shift.id] = [m for m in free
                                if _acceptable(conflict_kinds(m, gap.shift, (), None, rules), allowed)]
    order = sorted((g for g in gaps if _need(g) > 0 and not g.shift.cancelled),
                   key=lambda g: (len(static[g.shift.id]) / _need(g), g.shift.day, g.shift.start,
                                  g.shift.id))
    picks: list[Pick] = []
    for gap in order:
        shift, taken = gap.shift, len(gap.assignees)
        for _ in range(_need(gap)):
            chosen = _best(shift, static[shift.id], busy, load, rules, taken, allowed)
            if chosen is None:
                break
            member, found = chosen
            picks.append(Pick(shift.id, member.id, tuple(fit_reasons(member, shift, load[member.id])
                                                         + found.soft)))
            busy[member.id].append(Commitment(shift.id, shift.day, shift.start, shift.end, shift.label))
            load[member.id].week += shift.hours
            load[member.id].month += shift.hours
            static[shift.id] = [m for m in static[shift.id] if m.id != member.id]
            taken += 1
    return picks


def _need(gap: Gap) -> int:
    return min(gap.shift.min_people, gap.shift.max_people) - len(gap.assignees)


def _acceptable(kinds: set[str], allowed: frozenset[str]) -> bool:
    return kinds <= allowed


def _best(shift: ShiftFacts, eligible: list[Member], busy: dict[int, list[Commitment]],
          load: dict[int, Load], rules: Rules, filled: int,
          allowed: frozenset[str]) -> tuple[Member, Conflicts] | None:
    ranked = sorted(eligible, key=lambda m: (bool(shift.group) and m.group != shift.group,
                                             not m.availability, load[m.id].month,
                                             load[m.id].week, m.id))
    for member in ranked:
        if _acceptable(conflict_kinds(member, shift, busy[member.id], load[member.id], rules,
                                      filled=filled), allowed):
            return member, check(member, shift, busy[member.id], load[member.id], rules, filled=filled)
    return None
