"""发布预警: a weather warning becomes a roll-call (点名) and duty shifts.

In one transaction: the warning, its communities, the roll-call with who calls whom, the
event 发布 and the audit entry; an open warning of the same type at a lower level in those
communities is upgraded instead (level raised, 升级, the list topped up), any other open
warning refuses. The partial unique index on ``alert_communities`` is the last guard when
two PCs start at once: the second is told, in Chinese, and keeps nothing. The duty shifts
and their 一键补缺 follow in their own transactions (duty_shifts.py).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...domain import weather
from ...domain.day_text import month_day_time
from ...store.rows import new_uid
from ..session import Session
from . import duty_shifts, roll_build
from .access import AlertError, now, parse_stamp, require_run, stamp, title
from .duty_shifts import insurance_warnings, record_insurance

__all__ = ["StartRequest", "StartOutcome", "start", "preview", "insurance_warnings", "record_insurance"]

TABLES = ("alerts", "alert_communities", "alert_roll", "alert_events")


@dataclass
class StartRequest:
    type: weather.AlertType
    level: weather.AlertLevel
    started_at: datetime | None = None          # None: now
    until: datetime | None = None
    notice: str = ""
    community_ids: list[int] | None = None      # None: every community in the file
    duty_staff_id: int | None = None            # None: a community worker of each community
    insurance: str = ""


@dataclass
class StartOutcome:
    alert_id: int
    upgraded: bool
    roll_count: int
    task_ids: list[int]
    shift_count: int
    filled: int
    short_shifts: int
    warnings: list[str] = field(default_factory=list)
    added: int = 0                  # put on the list by this call (all of them when not upgraded)


def start(session: Session, request: StartRequest) -> StartOutcome:
    """Start (or upgrade) a warning; see the module's text."""
    require_run(session)
    kind, level = weather.AlertType(request.type), weather.AlertLevel(request.level)
    at = request.started_at or now(session)
    if request.until is not None and request.until <= at:
        raise AlertError(f"预计结束时间{month_day_time(request.until, '')}应晚于发布时间{month_day_time(at, '')}。")
    with session.write(*TABLES):
        communities = _communities(session, request.community_ids)
        duty = _duty_staff(session, request.duty_staff_id)
        existing = _open_in(session, list(communities))
        if existing:
            outcome, alert_id = _upgrade(session, request, kind, level, at, existing, communities, duty)
        else:
            outcome, alert_id = _create(session, request, kind, level, at, communities, duty)
    plan = _plan(session, alert_id, request.insurance)
    try:
        made = duty_shifts.make(session, plan)
    except Exception as error:      # the roll-call is saved whatever happens to the shifts
        outcome.warnings.append(f"预警和点名名单已保存，但值班班次未能生成：{error}")
        return outcome
    outcome.task_ids, outcome.shift_count = made.task_ids, len(made.shift_ids)
    outcome.filled, outcome.short_shifts = made.filled, made.short_shifts
    outcome.warnings += made.warnings + insurance_warnings(session, alert_id)
    return outcome


def _plan(session: Session, alert_id: int, insurance: str) -> duty_shifts.Plan:
    row = session.row("alerts", alert_id)
    ids = [r[0] for r in session.db.execute(
        "SELECT community_id FROM alert_communities WHERE alert_id = ? ORDER BY community_id", [alert_id])]
    return duty_shifts.Plan(alert_id, weather.AlertType(row["type"]), parse_stamp(row["started_at"]),
                            parse_stamp(row["until"]), tuple(ids), " ".join(insurance.split()))


# -- the communities, the staff on duty, the open warnings ------------------------------------

def _communities(session: Session, chosen: list[int] | None) -> dict[int, str]:
    rows = dict(session.db.execute(
        "SELECT id, name FROM communities WHERE archived_at IS NULL ORDER BY id").fetchall())
    if chosen is None:
        if not rows:
            raise AlertError("还没有登记任何社区，请先在设置里添加社区和小区。")
        return rows
    if not chosen:
        raise AlertError("请至少选择一个社区。")
    unknown = [str(c) for c in chosen if c not in rows]
    if unknown:
        raise AlertError(f"找不到编号为{'、'.join(unknown)}的社区（或已归档），请重新选择。")
    return {c: rows[c] for c in sorted(set(chosen))}


def _duty_staff(session: Session, staff_id: int | None) -> int | None:
    if staff_id is None:
        return None
    row = session.row("volunteers", staff_id)
    if row is None or row["archived_at"] or not row["is_staff"] or row["status"] != "在册":
        who = f"“{row['name']}”" if row else f"编号为{staff_id}的人"
        raise AlertError(f"{who}不是在册的社区工作者，值班联系人只能选社区工作者。")
    return staff_id


def _open_in(session: Session, community_ids: list[int]) -> list[dict[str, Any]]:
    """The open warnings of those communities, with the community each was found in."""
    marks = ", ".join("?" * len(community_ids))
    return list(session.db.query(
        "SELECT a.*, c.id AS community_id, c.name AS community_name FROM alert_communities ac "
        "JOIN alerts a ON a.id = ac.alert_id JOIN communities c ON c.id = ac.community_id "
        f"WHERE ac.open = 1 AND ac.community_id IN ({marks}) ORDER BY c.id", community_ids))


def _refusal(row: dict[str, Any]) -> AlertError:
    started = parse_stamp(row["started_at"])
    return AlertError(f"{row['community_name']}已有进行中的{title(row['type'], row['level'])}"
                      f"（{month_day_time(started, '')}发布），请先解除或升级。")


# -- a new warning -----------------------------------------------------------------------------

def _create(session: Session, request: StartRequest, kind: weather.AlertType, level: weather.AlertLevel,
            at: datetime, communities: dict[int, str], duty: int | None) -> tuple[StartOutcome, int]:
    created = stamp(now(session))
    row = {"uid": new_uid(), "type": kind.value, "level": level.value, "started_at": stamp(at),
           "until": stamp(request.until) if request.until else None, "notice": request.notice.strip(),
           "created_by": session.actor.user_id, "created_at": created, "updated_at": created}
    alert_id = session.db.table("alerts").insert(row).last_pk
    _add_communities(session, alert_id, communities)
    count, warnings = _top_up(session, alert_id, kind, list(communities), duty, at, 0)
    detail = f"{title(kind, level)}：{'、'.join(communities.values())}，点名{count}人"
    _event(session, alert_id, "发布", at, detail)
    session.audit("发布预警", "alerts", alert_id, None,
                  {**row, "communities": list(communities.values()), "roll_count": count}, detail)
    return StartOutcome(alert_id, False, count, [], 0, 0, 0, warnings, count), alert_id


def _add_communities(session: Session, alert_id: int, communities: dict[int, str]) -> None:
    try:
        session.db.conn.executemany(
            "INSERT INTO alert_communities (uid, alert_id, community_id, open) VALUES (?, ?, ?, 1)",
            [(new_uid(), alert_id, c) for c in communities])
    except sqlite3.IntegrityError:
        # another PC started a warning between our check and this insert: the index says no
        taken = [r for r in _open_in(session, list(communities)) if r["id"] != alert_id]
        if taken:
            raise _refusal(taken[0]) from None
        raise AlertError("另一台电脑刚刚对这些社区发布了预警，本次没有保存，请刷新后再看。") from None


def _top_up(session: Session, alert_id: int, kind: weather.AlertType, community_ids: list[int],
            duty: int | None, at: datetime, first_position: int) -> tuple[int, list[str]]:
    """Put everyone selected and not yet on the list on it; returns (how many, warnings)."""
    on_list = [r[0] for r in session.db.execute("SELECT resident_id FROM alert_roll WHERE alert_id = ?",
                                                [alert_id])]
    selected = roll_build.select(session, kind, community_ids, on_list)
    chosen = roll_build.callers(selected, roll_build.current_staff(session), duty,
                                roll_build.caller_load(session, alert_id))
    roll_build.insert_rows(session, alert_id, selected, chosen, first_position, at)
    nobody = sum(1 for caller, _ in chosen if caller is None)
    warnings = [f"没有在册的社区工作者，{nobody}位居民没有指定联系人。"] if nobody else []
    return len(selected), warnings


def _event(session: Session, alert_id: int, kind: str, at: datetime, detail: str) -> None:
    session.db.execute(
        "INSERT INTO alert_events (uid, alert_id, at, kind, detail, user_id, user_name) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [new_uid(), alert_id, stamp(at), kind, detail, session.actor.user_id, session.actor.name])


# -- a higher level --------------------------------------------------------------------------

def _upgrade(session: Session, request: StartRequest, kind: weather.AlertType, level: weather.AlertLevel,
             at: datetime, existing: list[dict[str, Any]], communities: dict[int, str],
             duty: int | None) -> tuple[StartOutcome, int]:
    """The one open warning of these communities, of the same type and a lower level, raised
    to ``level``; communities chosen now that it did not cover join it."""
    current = existing[0]
    others = [r for r in existing if r["id"] != current["id"]]
    lower = current["type"] == kind.value and weather.AlertLevel(current["level"]).rank < level.rank
    if others or not lower:
        raise _refusal(others[0] if others and lower else current)
    alert_id = current["id"]
    covered = {r[0] for r in session.db.execute(
        "SELECT community_id FROM alert_communities WHERE alert_id = ?", [alert_id])}
    _add_communities(session, alert_id, {c: n for c, n in communities.items() if c not in covered})
    moment = request.started_at or now(session)
    before = {k: current[k] for k in ("level", "until", "notice", "updated_at")}
    after = {"level": level.value, "updated_at": stamp(now(session)),
             "until": stamp(request.until) if request.until else current["until"],
             "notice": request.notice.strip() or current["notice"]}
    session.db.table("alerts").update(alert_id, after)
    ids = sorted(covered | set(communities))
    last = session.db.execute("SELECT COALESCE(max(position), -1) FROM alert_roll WHERE alert_id = ?",
                              [alert_id]).fetchone()[0]
    added, warnings = _top_up(session, alert_id, kind, ids, duty, moment, last + 1)
    total = session.db.execute("SELECT count(*) FROM alert_roll WHERE alert_id = ?", [alert_id]).fetchone()[0]
    detail = f"{current['level']}→{level.value}，新增点名{added}人"
    if after["until"] != current["until"]:
        detail += f"，预计结束时间改为{month_day_time(request.until, '')}"
        if session.db.execute("SELECT 1 FROM tasks WHERE alert_id = ? LIMIT 1", [alert_id]).fetchone():
            warnings.append(f"预计结束时间已改为{month_day_time(request.until, '')}，已生成的值班班次日期没有跟着改，"
                            "请在“任务与排班”里核对。")
    _event(session, alert_id, "升级", moment, detail)
    session.audit("升级预警", "alerts", alert_id, before, after, detail)
    return StartOutcome(alert_id, True, total, [], 0, 0, 0, warnings, added), alert_id


# -- what start would build ------------------------------------------------------------------

def preview(session: Session, type: weather.AlertType | str,   # the contract names it type
            community_ids: list[int] | None = None) -> dict[str, Any]:
    """{"roll_count", "by_reason": {word: n}, "templates": [ShiftTemplate], "places": [names]}:
    what :func:`start` would build, for the dialog; writes nothing."""
    require_run(session)
    kind = weather.AlertType(type)
    ids = list(_communities(session, community_ids))
    selected = roll_build.select(session, kind, ids)
    names: list[str] = []
    for template in weather.TEMPLATES[kind]:
        for place in duty_shifts.places_for(session, template.where, (s.place_id for s in selected), ids):
            if place["name"] not in names:
                names.append(place["name"])
    return {"roll_count": len(selected), "by_reason": roll_build.by_reason(selected),
            "templates": list(weather.TEMPLATES[kind]), "places": names}
