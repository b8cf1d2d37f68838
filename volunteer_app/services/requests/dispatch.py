"""Dispatch: a ticket to a community worker (a volunteers row with is_staff = 1, as the 包户人
are), or to a volunteer team as a task of one shift (困难帮扶 for a caller in hardship, 垃圾分类
值守 at a bin point). The ticket names the task (task_id) and the task's note names the ticket,
so each is found from the other."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ...domain.scheduling import Recurrence, Slot
from ...store.row_versions import check_version
from ..scheduling import schedule
from ..session import Session
from .access import TicketError, now, require_handle, stamp, write_event


def _ticket(session: Session, ticket_id: int) -> dict[str, Any]:
    row = session.row("requests", ticket_id)
    if row is None:
        raise TicketError(f"找不到编号为{ticket_id}的诉求，可能已被删除，请刷新。")
    if row["closed_at"]:
        raise TicketError(f"诉求{row['ticket_no']}已办结，不能再派单；如需重办请先退回重办。")
    return row


def dispatch_to_staff(session: Session, ticket_id: int, staff_id: int, *,
                      row_version: int | None = None) -> None:
    require_handle(session)
    staff = session.db.execute("SELECT name FROM volunteers WHERE id = ? AND is_staff = 1 AND archived_at IS NULL",
                               [staff_id]).fetchone()
    if staff is None:
        raise TicketError(f"编号为{staff_id}的人不是在册的社区工作者，请从社区工作者中选择承办人。")
    with session.write("requests", "request_events"):
        check_version(session.db, "requests", ticket_id, row_version)
        row = _ticket(session, ticket_id)
        at = now(session)
        changes = {"staff_id": staff_id, "dispatched_at": row["dispatched_at"] or stamp(at),
                   "updated_at": stamp(at)}
        session.db.table("requests").update(ticket_id, changes)
        write_event(session, ticket_id, "派单", at, f"派给社区工作者{staff[0]}")
        session.audit("派单", "requests", ticket_id, {"staff_id": row["staff_id"]}, changes)


def task_title(ticket: dict[str, Any]) -> str:
    topic = ticket["category"].split("/")[-1] if ticket["category"] else ticket["request_type"]
    return f"诉求{ticket['ticket_no']}：{topic}"


def dispatch_to_team(session: Session, ticket_id: int, team_id: int, service_type_id: int,
                     start: datetime, end: datetime, headcount: int = 2,
                     place_id: int | None = None, *, row_version: int | None = None) -> int:
    """A task of ``team_id`` with one shift from ``start`` to ``end`` (same day) at the
    ticket's place (or ``place_id``), linked to the ticket; returns the task's id."""
    require_handle(session)
    if end.date() != start.date() or end <= start:
        raise TicketError(f"班次时间{start:%Y-%m-%d %H:%M}–{end:%H:%M}不对：结束应晚于开始，且在同一天。")
    with session.write("requests", "request_events", "tasks", "shifts"):
        check_version(session.db, "requests", ticket_id, row_version)
        row = _ticket(session, ticket_id)
        fields = {"team_id": team_id, "service_type_id": service_type_id,
                  "place_id": place_id or row["place_id"], "title": task_title(row),
                  "description": f"接诉即办工单{row['ticket_no']}：{row['content'][:80]}"}
        task_id = schedule.create_task(session, fields, Recurrence("once"), [Slot(start.time(), end.time())],
                                       start.date(), start.date(), headcount, headcount)
        at = now(session)
        changes = {"team_id": team_id, "task_id": task_id, "dispatched_at": row["dispatched_at"] or stamp(at),
                   "updated_at": stamp(at)}
        session.db.table("requests").update(ticket_id, changes)
        team = session.row("teams", team_id) or {"name": ""}
        write_event(session, ticket_id, "派单", at, f"派给{team['name']}，任务“{fields['title']}”{start:%m-%d %H:%M}")
        session.audit("派单", "requests", ticket_id, {k: row[k] for k in ("team_id", "task_id")}, changes)
    return task_id



