"""接诉即办: the words of a 12345 ticket, its deadline, its steps and the three rates.

domain.md, "Citizens' requests": deadlines from the draft Beijing 12345 standard (2021) as
defaults (emergency 2 h, water/power/gas/heating 24 h, general 7 days, complex 15 days), and
the three rates over the tickets of a month that have the city's callback (回访) result.
The formulas are a practitioner's, *unconfirmed*: the weight of 基本满意 is a setting, and
:data:`FORMULAS` is shown beside each figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum


class Source(StrEnum):
    """Where a ticket came from (来源)."""

    HOTLINE = "12345"
    WALK_IN = "来访"
    PHONE = "电话"
    GRID = "网格巡查"
    OTHER = "其他"


class RequestType(StrEnum):
    """诉求类型, as the 条例 names them."""

    CONSULT = "咨询"
    HELP = "求助"
    COMPLAINT = "投诉"
    REPORT = "举报"
    SUGGESTION = "建议"


class Kind(StrEnum):
    """The kind that sets the deadline."""

    EMERGENCY = "紧急"
    UTILITIES = "水电气热"
    GENERAL = "一般"
    COMPLEX = "复杂"


class Status(StrEnum):
    """The steps of a ticket, in order; each is entered once, with its time and user."""

    NEW = "待签收"
    SIGNED = "已签收"
    CONTACTED = "已联系"
    HANDLING = "办理中"
    FEEDBACK = "已反馈"
    CLOSED = "已办结"


STEPS: tuple[Status, ...] = tuple(Status)
OPEN_STATUSES: tuple[Status, ...] = STEPS[:-1]


class Contacted(StrEnum):
    YES = "已联系"
    NO = "未联系"


class Resolved(StrEnum):
    YES = "已解决"
    NO = "未解决"


class Satisfaction(StrEnum):
    SATISFIED = "满意"
    BASIC = "基本满意"
    UNSATISFIED = "不满意"


# Words in a category path or an urgency cell that make a ticket of the water, power, gas or
# heating kind: a ticket about a radiator in January must be answered within a day.
UTILITY_WORDS = ("供水", "停水", "自来水", "供电", "停电", "燃气", "天然气", "停气", "供暖", "暖气",
                 "供热", "采暖")


def classify_kind(urgency: str = "", category: str = "", content: str = "") -> Kind:
    """The deadline kind from the 紧急程度 cell, the 问题分类 path and the text.

    An explicit kind word in the urgency cell wins; then 紧急/特急; then a utility word in the
    category or the text; otherwise general. The export marks most tickets 一般, which says
    nothing: a heating ticket marked 一般 is still of the 24-hour kind.
    """
    urgency = urgency.strip()
    for kind in (Kind.EMERGENCY, Kind.UTILITIES, Kind.COMPLEX):
        if urgency == kind.value:
            return kind
    if any(word in urgency for word in ("紧急", "特急", "加急")):
        return Kind.EMERGENCY
    if "复杂" in urgency:
        return Kind.COMPLEX
    if any(word in category or word in content for word in UTILITY_WORDS):
        return Kind.UTILITIES
    return Kind.GENERAL


@dataclass(frozen=True)
class DeadlineRule:
    """How long each kind has (settings ``requests.hours_emergency`` …). Hour limits run on
    the clock, nights and holidays included; day limits count working days (工作日, 调休
    included) when ``working_days`` is set, so a ticket received the day before 国庆 is not
    late on the 3rd of October."""

    emergency_hours: float = 2
    utilities_hours: float = 24
    general_days: int = 7
    complex_days: int = 15
    working_days: bool = True

    def due(self, received: datetime, kind: Kind, is_workday: Callable[[date], bool]) -> datetime:
        if kind is Kind.EMERGENCY:
            return received + timedelta(hours=self.emergency_hours)
        if kind is Kind.UTILITIES:
            return received + timedelta(hours=self.utilities_hours)
        days = self.general_days if kind is Kind.GENERAL else self.complex_days
        if not self.working_days:
            return received + timedelta(days=days)
        return add_working_days(received, days, is_workday)


def add_working_days(start: datetime, days: int, is_workday: Callable[[date], bool]) -> datetime:
    """``start`` moved on by ``days`` working days, at the same clock time. A ticket received on
    a rest day starts counting from the next working day's start (00:00 of it)."""
    moment = start
    if not is_workday(moment.date()):
        moment = datetime.combine(moment.date(), datetime.min.time())
    counted = 0
    while counted < days:
        moment += timedelta(days=1)
        if is_workday(moment.date()):
            counted += 1
    return moment


def next_step(status: Status) -> Status | None:
    """The step that follows ``status``, or None once it is closed."""
    index = STEPS.index(status)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


URGENT_WINDOW = timedelta(hours=2)


def is_late(due: datetime, now: datetime, closed: datetime | None = None) -> bool:
    """Late: not closed by its deadline (a closed ticket is judged by when it was closed)."""
    return (closed or now) > due


def is_urgent(due: datetime, now: datetime, closed: datetime | None = None) -> bool:
    """Shown red: open and late, or due within two hours."""
    return closed is None and now >= due - URGENT_WINDOW


@dataclass(frozen=True)
class RiskFacts:
    """What the office knows of an open ticket before the city's callback."""

    received: datetime
    due: datetime
    contacted: datetime | None
    reopened: int
    calls_by_same_caller: int     # other tickets from the same phone in the repeat window


def risk_reasons(facts: RiskFacts, now: datetime) -> list[str]:
    """Why an open ticket is likely to be scored 未联系 or 未解决 at the callback (empty: no
    风险 flag): no contact recorded, past half its time without feedback, sent back, or a
    caller who keeps calling."""
    reasons = []
    if facts.contacted is None:
        reasons.append("尚未联系诉求人")
    if now >= facts.received + (facts.due - facts.received) / 2:
        reasons.append("已过办理时限一半")
    if facts.reopened:
        reasons.append(f"退回重办{facts.reopened}次")
    if facts.calls_by_same_caller:
        reasons.append(f"同一来电人另有{facts.calls_by_same_caller}件诉求")
    return reasons


@dataclass(frozen=True)
class CallbackCounts:
    """The callback results of a month's tickets (those received in the month)."""

    received: int
    rated: int
    contacted: int
    resolved: int
    satisfied: int
    basically_satisfied: int


FORMULAS = {
    "response_rate": "响应率 = 已联系 ÷ 有回访结果的工单",
    "resolution_rate": "解决率 = 已解决 ÷ 有回访结果的工单",
    "satisfaction_rate": "满意率 = (满意 + {w} × 基本满意) ÷ 有回访结果的工单",
}


def rates(counts: CallbackCounts, basic_weight: float = 1.0) -> dict[str, float | None]:
    """The three rates as fractions rounded to 4 places, or None when nothing is rated."""
    if counts.rated == 0:
        return {"response_rate": None, "resolution_rate": None, "satisfaction_rate": None}
    return {
        "response_rate": round(counts.contacted / counts.rated, 4),
        "resolution_rate": round(counts.resolved / counts.rated, 4),
        "satisfaction_rate": round((counts.satisfied + basic_weight * counts.basically_satisfied)
                                   / counts.rated, 4),
    }


# The service type a team's task for a ticket usually is (the examples): a 垃圾分类值守
# shift at a bin point, 困难帮扶 for a caller in hardship. Staff may pick another.
BIN_DUTY = "垃圾分类值守"
HARDSHIP_HELP = "困难帮扶"
BIN_WORDS = ("垃圾", "桶站", "桶前")


def is_bin_point(*texts: str | None) -> bool:
    """Whether a ticket's or hot spot's category, place or building speaks of garbage."""
    joined = "".join(t or "" for t in texts)
    return any(word in joined for word in BIN_WORDS)


def task_service_type(*texts: str | None, otherwise: str = HARDSHIP_HELP) -> str:
    """The service type a team task for it defaults to: 垃圾分类值守 at a bin point."""
    return BIN_DUTY if is_bin_point(*texts) else otherwise
