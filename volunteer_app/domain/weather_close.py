"""Closing a weather warning and its paper: why a resident was never reached, the service
hours of a day of calls and door visits, names as a shared report prints them, the deadline
of a caller's WeChat text, and the results typed back from a call sheet.

Plain Python (the services hold the SQL); the rules of the roll-call itself are in
weather.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from .day_text import month_day
from .hours import round_hours
from .weather import Need, Result, Via

NOT_CALLED = "未拨打"


def unreached_reason(attempts: int, no_answer: int, escalated: bool, door_assigned: bool,
                     door_closed: bool) -> str:
    """Why a resident on the roll-call was never reached, in the words of the report:
    未拨打; 3次未接通; 3次未接通，已转上门查看，未回报结果 …"""
    if attempts == 0 and not escalated:
        return NOT_CALLED
    parts = [f"{no_answer}次未接通" if no_answer else f"拨打{attempts}次未联系上"]
    if escalated and not door_assigned:
        parts.append("已转上门查看，但没有找到上门人员")
    elif escalated and not door_closed:
        parts.append("已转上门查看，未回报结果")
    elif escalated:
        parts.append("已上门查看，未见到本人")
    return "，".join(parts)


@dataclass(frozen=True)
class HourRates:
    """The settings that turn a day of the roll-call into service hours."""

    call_hours: float = 0.25
    door_visit_hours: float = 0.5
    day_cap_hours: float = 2.0
    round_to_hours: float = 0.5


def day_hours(calls: int, door_visits: int, rates: HourRates, already: float = 0.0) -> float:
    """A volunteer's hours for one day's calls and door visits: each at its rate, the day
    capped (less what other warnings already recorded that day), rounded as records are."""
    raw = calls * rates.call_hours + door_visits * rates.door_visit_hours
    capped = max(0.0, min(raw, rates.day_cap_hours - already))
    return round_hours(capped, rates.round_to_hours)


def day_content(calls: int, door_visits: int) -> str:
    parts = ([f"电话点名{calls}次"] if calls else []) + ([f"上门查看{door_visits}次"] if door_visits else [])
    return "，".join(parts) or "点名"


def is_door_visit(result: str, via: str) -> bool:
    """An attempt made at the door rather than on the phone."""
    return result == Result.DOOR or via == Via.DOOR


def masked_name(name: str | None) -> str:
    """张** for a report that leaves the committee: the surname tells the street office
    which household is meant once the committee is asked, the given name stays at home.
    A name joined by · (a minority name) keeps its first letter only, the same way."""
    text = (name or "").strip()
    return f"{text[0]}**" if text else ""


def default_deadline(now: datetime) -> datetime:
    """Today 18:00; two hours from now once it is later than 16:00."""
    evening = datetime.combine(now.date(), time(18, 0))
    return now + timedelta(hours=2) if now.time() > time(16, 0) else evening


def deadline_words(deadline: datetime, now: datetime) -> str:
    """今天18点, 今天18点30分, 明天0点15分, 12月3日9点."""
    if deadline.date() == now.date():
        day = "今天"
    elif deadline.date() == now.date() + timedelta(days=1):
        day = "明天"
    else:
        day = month_day(deadline)
    minutes = f"{deadline.minute}分" if deadline.minute else ""
    return f"{day}{deadline.hour}点{minutes}"


# -- a call sheet typed back --------------------------------------------------------------

@dataclass(frozen=True)
class SheetLine:
    """One checked line of a typed-back call sheet."""

    line: int
    roll_id: int
    result: Result
    via: Via
    needs: tuple[Need, ...]
    note: str


_SHORT = {result.value[0]: result for result in Result}     # 平 需 未 已


def parse_sheet_result(line: int, text: str) -> Result:
    """A result as typed from the sheet's tick boxes: the word (平安) or its first character;
    an error names the line of the sheet."""
    word = (text or "").strip()
    try:
        return Result(word)
    except ValueError:
        if word in _SHORT:
            return _SHORT[word]
    raise ValueError(f"第{line}行：结果“{word}”不对，应为{'、'.join(Result)}（或其第一个字）。")


def needs_in_note(note: str) -> tuple[Need, ...]:
    """The needs a note names (送药、取暖 …); 其他 when it names none, so 需要帮助 always
    says something is needed and the note says what."""
    found = tuple(n for n in Need if n != Need.OTHER and n.value in (note or ""))
    return found or (Need.OTHER,)


def sheet_line(line: int, roll_id: int, result_text: str, note: str) -> SheetLine:
    result = parse_sheet_result(line, result_text)
    note = re.sub(r"\s+", " ", note or "").strip()
    needs = needs_in_note(note) if result == Result.NEEDS_HELP else ()
    via = Via.DOOR if result == Result.DOOR else Via.SELF
    return SheetLine(line, roll_id, result, via, needs, note)
