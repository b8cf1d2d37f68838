"""Scheduling rules: how a task's shifts recur (with public holidays), which shifts a change
applies to. What blocks or warns when a volunteer is put on a shift, how candidates are
ranked and how the gaps of a week are filled live in ``shift_rules``.

Plain Python: the services load rows and hand these functions facts; nothing here reads
the database.

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
from dataclasses import dataclass
from datetime import date, time, timedelta

import chinese_calendar

from .availability import WEEKDAYS

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
