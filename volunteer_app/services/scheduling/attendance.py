"""After the shift (and before it): confirmed, declined, checked in and out, completed or
no-show. A completed assignment becomes a service record with its real hours through
:func:`records.from_assignment`.

Part of 任务与排班, beside :mod:`services.scheduling.schedule` and :mod:`services.scheduling.assigning`;
import these names from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from ..hours import records
from ..permissions import Permission
from ..session import Session
from .assigning import assignment_row
from .schedule_facts import ScheduleError

# Which states each step starts from; the attendance dialog enables its buttons by these.
CAN_CHECK_IN = ("已安排", "已确认")        # also 记缺席 and 谢绝
CAN_CHECK_OUT = ("已签到",)
CAN_COMPLETE = ("已安排", "已确认", "已签到")


def _transition(session: Session, assignment_id: int, action: str, allowed: Sequence[str], state: str,
                extra: dict[str, Any] | None = None, not_before: bool = False) -> dict[str, Any]:
    """Move an assignment to ``state`` from one of ``allowed``; call inside a write."""
    current = assignment_row(session, assignment_id)
    if current["state"] not in allowed:
        raise ScheduleError(f"{current['name']}在{current['date']} {current['start_time']}班次的安排"
                            f"现在是“{current['state']}”，不能{action}。")
    if not_before and date.fromisoformat(current["date"]) > session.today():
        raise ScheduleError(f"班次在{current['date']}，还没到，不能{action}。")
    values = {"state": state, **(extra or {})}
    session.db.table("assignments").update(assignment_id, values)
    session.audit(action, "assignments", assignment_id, {"state": current["state"]}, values)
    return current


def _simple(session: Session, assignment_id: int, action: str, allowed: Sequence[str], state: str,
            not_before: bool = False) -> None:
    session.require(Permission.SCHEDULE, assignment_row(session, assignment_id)["team_id"])
    with session.write("assignments"):
        _transition(session, assignment_id, action, allowed, state, not_before=not_before)


def confirm(session: Session, assignment_id: int) -> None:
    """The volunteer said they will come (已安排 → 已确认)."""
    _simple(session, assignment_id, "确认", ("已安排",), "已确认")


def decline(session: Session, assignment_id: int) -> None:
    """The volunteer cannot come (→ 已谢绝); the place on the shift is free again."""
    _simple(session, assignment_id, "谢绝", CAN_CHECK_IN, "已谢绝")


def no_show(session: Session, assignment_id: int) -> None:
    """The volunteer did not come (→ 缺席); no service record."""
    _simple(session, assignment_id, "记缺席", CAN_CHECK_IN, "缺席", not_before=True)


def _moment(current: dict[str, Any], at: datetime, what: str) -> str:
    if at.date().isoformat() != current["date"]:
        raise ScheduleError(f"{what}时间{at:%Y-%m-%d %H:%M}不在班次当天（{current['date']}）。")
    return at.replace(microsecond=0).isoformat(timespec="seconds")


def check_in(session: Session, assignment_id: int, at: datetime) -> None:
    current = assignment_row(session, assignment_id)
    session.require(Permission.SCHEDULE, current["team_id"])
    stamp = _moment(current, at, "签到")
    with session.write("assignments"):
        _transition(session, assignment_id, "签到", CAN_CHECK_IN, "已签到",
                    {"check_in": stamp}, not_before=True)


def check_out(session: Session, assignment_id: int, at: datetime) -> int:
    """Sign out: the assignment is completed and its service record made with the real hours
    (check-in to check-out). Returns the record id."""
    current = assignment_row(session, assignment_id)
    session.require(Permission.SCHEDULE, current["team_id"])
    stamp = _moment(current, at, "签退")
    if current["check_in"] and stamp <= current["check_in"]:
        raise ScheduleError(f"签退时间{at:%H:%M}应晚于签到时间{current['check_in'][11:16]}。")
    with session.write("assignments", "service_records"):
        _transition(session, assignment_id, "签退", CAN_CHECK_OUT, "已完成", {"check_out": stamp},
                    not_before=True)
        return records.from_assignment(session, assignment_id)


def complete(session: Session, assignment_id: int) -> int:
    """Mark done without times: the record takes the shift's hours (or from check-in to the
    shift's end). Returns the record id."""
    session.require(Permission.SCHEDULE, assignment_row(session, assignment_id)["team_id"])
    with session.write("assignments", "service_records"):
        _transition(session, assignment_id, "记为完成", CAN_COMPLETE, "已完成",
                    not_before=True)
        return records.from_assignment(session, assignment_id)
