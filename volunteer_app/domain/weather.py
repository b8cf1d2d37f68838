"""极端天气风险防控: the rules of a weather warning (domain.md, "Extreme weather").

Who is on the roll-call (点名) for each type of warning, in what order, who calls them, when
an unanswered resident turns red for a door visit, what the live board counts, and which
duty shifts each type of warning asks for. Plain Python: the services hold the SQL.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from .people import born_by_sql, years_before
from .risk import RiskLevel


class AlertType(StrEnum):
    SNOW = "暴雪"
    COLD = "寒潮"
    ICE = "道路结冰"
    RAIN = "暴雨"
    WIND = "大风"
    HEAT = "高温"


class AlertLevel(StrEnum):
    """In rising order: a later member is a higher level."""

    BLUE = "蓝色"
    YELLOW = "黄色"
    ORANGE = "橙色"
    RED = "红色"

    @property
    def rank(self) -> int:
        return list(AlertLevel).index(self)


def parse_type(text: str) -> AlertType:
    """The type from what a user typed (暴雪, 暴雪预警); a Chinese error names the types."""
    word = (text or "").strip().removesuffix("预警").strip()
    try:
        return AlertType(word)
    except ValueError:
        raise ValueError(f"预警类型“{text}”不对，应为：{'、'.join(AlertType)}。") from None


def parse_level(text: str) -> AlertLevel:
    """The level from 橙色, 橙, 橙色预警; a Chinese error names the levels."""
    word = (text or "").strip().removesuffix("预警").strip()
    for level in AlertLevel:
        if word in (level.value, level.value[0]):
            return level
    raise ValueError(f"预警级别“{text}”不对，应为：{'、'.join(AlertLevel)}。")


# -- who is on the roll-call ---------------------------------------------------------------

class Criterion(StrEnum):
    """One reason a resident is on a warning's roll-call; the words the settings use."""

    HIGH_TIER = "高风险"             # the high risk tier: 悬空老人, 80+ alone or empty-nest, …
    AGED_90 = "90岁以上"
    LIVES_ALONE = "独居"
    POWER = "依赖电力或氧气"
    CHRONIC = "慢性病"
    STRANDED = "悬空老人"


STRANDED_FIRST = "悬空老人优先"      # in a rule's text: 悬空老人 head the list
OLDEST_AGE = 90
_BASE = "高风险、90岁以上、独居、依赖电力或氧气"
DEFAULT_RULES: dict[AlertType, str] = {
    AlertType.SNOW: f"{STRANDED_FIRST}、{_BASE}",
    AlertType.ICE: f"{STRANDED_FIRST}、{_BASE}",
    AlertType.COLD: _BASE,
    AlertType.RAIN: _BASE,
    AlertType.WIND: _BASE,
    AlertType.HEAT: f"{_BASE}、慢性病",
}


@dataclass(frozen=True)
class SelectionRule:
    criteria: frozenset[Criterion]
    stranded_first: bool = False

    def text(self) -> str:
        words = [c.value for c in Criterion if c in self.criteria]
        return "、".join(([STRANDED_FIRST] if self.stranded_first else []) + words)


def parse_rule(text: str) -> SelectionRule:
    """A rule from its settings text: words separated by 、，, or spaces. An unknown word is
    refused with the words that are known."""
    words = [w for w in re.split(r"[、，,;；\s]+", text or "") if w]
    criteria: set[Criterion] = set()
    first = False
    for word in words:
        if word == STRANDED_FIRST:
            first = True
            continue
        try:
            criteria.add(Criterion(word))
        except ValueError:
            known = "、".join([STRANDED_FIRST, *Criterion])
            raise ValueError(f"点名条件“{word}”不认识，可用的有：{known}。") from None
    if not criteria:
        raise ValueError("点名条件至少要有一项，例如：高风险、90岁以上、独居。")
    return SelectionRule(frozenset(criteria), first)


@dataclass(frozen=True)
class ResidentFacts:
    """What the selection and the order need to know of one resident today."""

    age: int | None
    risk_level: RiskLevel | str
    stranded: bool
    lives_alone: bool = False
    power_dependent: bool = False
    chronic_illness: bool = False


def reasons(rule: SelectionRule, facts: ResidentFacts) -> list[str]:
    """Why ``facts`` are on the roll-call under ``rule``, in the criteria's order; empty when
    they are not."""
    met = {
        Criterion.HIGH_TIER: RiskLevel(facts.risk_level) == RiskLevel.HIGH,
        Criterion.AGED_90: facts.age is not None and facts.age >= OLDEST_AGE,
        Criterion.LIVES_ALONE: facts.lives_alone,
        Criterion.POWER: facts.power_dependent,
        Criterion.CHRONIC: facts.chronic_illness,
        Criterion.STRANDED: facts.stranded,
    }
    found = [c.value for c in Criterion if c in rule.criteria and met[c]]
    if found and facts.stranded and Criterion.STRANDED.value not in found:
        found.insert(0, Criterion.STRANDED.value)   # the caller should know it even so
    return found


def selection_sql(rule: SelectionRule, today: date, tier: tuple[str, list[object]],
                  stranded: tuple[str, list[object]], table: str = "r") -> tuple[str, list[object]]:
    """:func:`reasons` is not empty, as an SQL condition on ``residents`` with its parameters,
    given the SQL forms (and parameters) of the risk tier and of 悬空老人. A stranded resident
    is high tier, so 悬空老人's own word only matters where the rule names it."""
    t = f"{table}." if table else ""
    aged = born_by_sql(table, years_before(today, OLDEST_AGE))
    forms: dict[Criterion, tuple[str, list[object]]] = {
        Criterion.HIGH_TIER: (f"{tier[0]} = '{RiskLevel.HIGH}'", list(tier[1])),
        Criterion.AGED_90: (aged[0], list(aged[1])),
        Criterion.LIVES_ALONE: (f"{t}lives_alone = 1", []),
        Criterion.POWER: (f"{t}power_dependent = 1", []),
        Criterion.CHRONIC: (f"{t}chronic_illness = 1", []),
        Criterion.STRANDED: (stranded[0], list(stranded[1])),
    }
    chosen = [forms[c] for c in Criterion if c in rule.criteria]
    if not chosen:
        return "0", []
    return "(" + " OR ".join(sql for sql, _ in chosen) + ")", [p for _, params in chosen for p in params]


_TIER_RANK = {RiskLevel.HIGH: 0, RiskLevel.PRIORITY: 1, RiskLevel.GENERAL: 2}


def order_key(rule: SelectionRule, facts: ResidentFacts, place: str, building: str,
              unit: str = "", room: str = "") -> tuple:
    """Risk first (悬空老人 ahead of all when the rule says so; then tier, the oldest first),
    then where they live, so one caller's list walks building by building."""
    return (rule.stranded_first and not facts.stranded, _TIER_RANK[RiskLevel(facts.risk_level)],
            -(facts.age or 0), place, _natural(building), _natural(unit), _natural(room))


def _natural(text: str) -> tuple:
    """3号楼 before 12号楼."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text or ""))


# -- who calls whom ------------------------------------------------------------------------

class CallerRole(StrEnum):
    HELPER = "结对帮手"
    RESPONSIBLE = "包户人"
    DUTY = "值班工作人员"


def choose_caller(helper_id: int | None, responsible_id: int | None,
                  duty_id: int | None) -> tuple[int | None, CallerRole | None]:
    """The resident's paired helper first, then their 包户人, then the staff on duty. The
    family contact is the second number to try, whoever calls (it is not a caller)."""
    for person, role in ((helper_id, CallerRole.HELPER), (responsible_id, CallerRole.RESPONSIBLE),
                         (duty_id, CallerRole.DUTY)):
        if person is not None:
            return person, role
    return None, None


# -- the roll-call -------------------------------------------------------------------------

class Result(StrEnum):
    SAFE = "平安"
    NEEDS_HELP = "需要帮助"
    NO_ANSWER = "未接通"
    DOOR = "已上门"             # seen in person at the door (a door visit's outcome)


REACHED = frozenset({Result.SAFE, Result.NEEDS_HELP, Result.DOOR})
WAITING = "待联系"             # the state of a roll entry nobody has tried yet


class Via(StrEnum):
    SELF = "本人"
    FAMILY = "家属"             # the family contact confirmed it
    DOOR = "上门"


class Need(StrEnum):
    MEALS = "送餐"
    MEDICINE = "送药"
    HEATING = "取暖"
    DOCTOR = "就医"
    MOVE = "转移"
    OTHER = "其他"


def parse_result(text: str) -> Result:
    try:
        return Result((text or "").strip())
    except ValueError:
        raise ValueError(f"点名结果“{text}”不对，应为：{'、'.join(Result)}。") from None


def parse_needs(words: Iterable[str]) -> list[Need]:
    needs: list[Need] = []
    for word in words:
        try:
            need = Need(word.strip())
        except ValueError:
            raise ValueError(f"需要的帮助“{word}”不对，应为：{'、'.join(Need)}。") from None
        if need not in needs:
            needs.append(need)
    return needs


@dataclass(frozen=True)
class EscalationRule:
    """A resident turns red for a door visit once ``attempts`` calls in a row went unanswered
    within ``minutes`` (the latest ``attempts`` of them, first to last)."""

    attempts: int = 3
    minutes: int = 30

    def escalates(self, unanswered: Sequence[datetime]) -> bool:
        """``unanswered``: the times of the 未接通 attempts since the resident was last reached
        (they never were, for a red one), in any order."""
        if self.attempts < 1 or len(unanswered) < self.attempts:
            return False
        latest = sorted(unanswered)[-self.attempts:]
        return latest[-1] - latest[0] <= timedelta(minutes=self.minutes)


# -- the live board ------------------------------------------------------------------------

@dataclass(frozen=True)
class RollFacts:
    """One roll entry as the board needs it."""

    resident_id: int
    added_at: datetime
    reached_at: datetime | None
    attempts: int = 0
    escalated: bool = False


@dataclass(frozen=True)
class BoardFigures:
    total: int
    reached: int
    within_2h: int
    within_24h: int
    median_minutes: float | None
    unreached: list[tuple[int, int]] = field(default_factory=list)   # (resident_id, waiting minutes)

    @property
    def reached_share(self) -> float | None:
        return self.reached / self.total if self.total else None


def board_figures(rows: Iterable[RollFacts], now: datetime) -> BoardFigures:
    """Reached of total, reached within 2 h and 24 h of being put on the list, the median
    minutes to reach, and the unreached, the longest waiting first."""
    rows = list(rows)
    minutes = [(r.reached_at - r.added_at).total_seconds() / 60 for r in rows if r.reached_at]
    unreached = sorted(((r.resident_id, max(0, int((now - r.added_at).total_seconds() // 60)))
                        for r in rows if r.reached_at is None), key=lambda item: (-item[1], item[0]))
    return BoardFigures(
        total=len(rows), reached=len(minutes),
        within_2h=sum(m <= 120 for m in minutes), within_24h=sum(m <= 24 * 60 for m in minutes),
        median_minutes=round(statistics.median(minutes), 1) if minutes else None,
        unreached=unreached)


# -- duty shifts -----------------------------------------------------------------------------

class When(StrEnum):
    AFTER = "预警结束次日上午"       # the morning after the snow stops (the expected end)
    NEXT_MORNING = "发布次日上午"
    DURING = "预警期间每天"


class Where(StrEnum):
    ROLL = "点名居民所在小区"        # the paths the people on the roll-call use
    FLOOD = "低洼易涝点"


@dataclass(frozen=True)
class ShiftTemplate:
    service_type: str               # a built-in service type's name
    title: str                      # "{place}" is replaced by the place's name
    when: When
    where: Where
    start: time
    end: time
    min_people: int = 2
    max_people: int = 4


DURING_DAYS_MAX = 3                 # a long warning gets its first three days; staff add more
TEMPLATES: dict[AlertType, tuple[ShiftTemplate, ...]] = {
    AlertType.SNOW: (ShiftTemplate("铲冰除雪", "雪后铲冰：{place}", When.AFTER, Where.ROLL,
                                   time(7), time(10)),),
    AlertType.ICE: (ShiftTemplate("铲冰除雪", "道路除冰：{place}", When.NEXT_MORNING, Where.ROLL,
                                  time(7), time(9)),),
    AlertType.RAIN: (ShiftTemplate("极端天气风险防控", "暴雨排水巡查：{place}", When.DURING, Where.FLOOD,
                                   time(8), time(12)),
                     ShiftTemplate("极端天气风险防控", "暴雨排水巡查：{place}", When.DURING, Where.FLOOD,
                                   time(14), time(18))),
    AlertType.WIND: (ShiftTemplate("极端天气风险防控", "大风巡查：{place}", When.DURING, Where.ROLL,
                                   time(9), time(11), 1, 2),),
    AlertType.COLD: (),             # the roll-call is the work: heating is asked on the phone
    AlertType.HEAT: (),
}


def shift_dates(template: ShiftTemplate, started: datetime, until: datetime | None) -> list[date]:
    """The days a template's shift falls on, leaving out one that would end before the
    warning starts (a rain warning issued at 15:00 gets no morning patrol that day). With no
    end announced, a patrol during the warning is the rest of the day, or the next day when
    the day's hours are over."""
    first = started.date()
    if template.when == When.NEXT_MORNING:
        days = [first + timedelta(days=1)]
    elif template.when == When.AFTER:
        days = [(until or started).date() + timedelta(days=1)]
    else:
        last = max(first, (until or started).date())
        days = [first + timedelta(days=n) for n in range(min((last - first).days + 1, DURING_DAYS_MAX))]
    days = [d for d in days if datetime.combine(d, template.end) > started]
    if not days and template.when == When.DURING and until is None:
        # a warning issued in the evening with no end given still gets the next day's patrol
        days = [first + timedelta(days=1)]
    return days
