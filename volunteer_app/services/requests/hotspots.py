"""未诉先办: hot spots, the same place, building and category asked about again and again, and
acting on one before the next call: a team task at the place, or a reminder for a worker.

A hot spot is ``requests.hotspot_min`` (3) or more tickets at one place (小区, 院落 or bin
point) and building, of one 问题分类, received in the last ``requests.hotspot_days`` (30).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ...domain.requests import Source
from ...domain.scheduling import Recurrence, Slot
from ..admin import settings
from ..scheduling import schedule
from ..session import Session
from . import tickets
from .access import TicketError, now, require_handle, require_read, stamp, write_event


@dataclass(frozen=True)
class Hotspot:
    place_id: int
    place_name: str
    building: str
    category: str
    count: int
    ticket_ids: tuple[int, ...]
    first_at: str
    last_at: str

    @property
    def where(self) -> str:
        return f"{self.place_name}{self.building}"


_FIND = """
SELECT r.place_id, p.name, r.building, r.category, count(*), group_concat(r.id), min(r.received_at),
    max(r.received_at)
FROM requests r JOIN places p ON p.id = r.place_id
WHERE r.place_id IS NOT NULL AND r.received_at >= :since
GROUP BY r.place_id, r.building, r.category HAVING count(*) >= :least
ORDER BY count(*) DESC, max(r.received_at) DESC
"""


def find(session: Session, days: int | None = None) -> list[Hotspot]:
    """The hot spots of the last ``days`` (the setting when None), the largest first."""
    require_read(session)
    days = int(settings.get(session, "requests.hotspot_days") if days is None else days)
    if days < 1:
        raise ValueError(f"统计天数“{days}”应为正整数（如30）。")
    least = int(settings.get(session, "requests.hotspot_min"))
    since = stamp(now(session) - timedelta(days=days))
    return [Hotspot(row[0], row[1], row[2], row[3], row[4], tuple(sorted(int(i) for i in row[5].split(","))),
                    row[6], row[7])
            for row in session.db.execute(_FIND, {"since": since, "least": least})]


def ticket_numbers(session: Session, hotspot: Hotspot) -> list[str]:
    """The 工单编号 of the hot spot's tickets, oldest first."""
    require_read(session)
    marks = ",".join("?" * len(hotspot.ticket_ids))
    return [row[0] for row in session.db.execute(
        f"SELECT ticket_no FROM requests WHERE id IN ({marks}) ORDER BY received_at", hotspot.ticket_ids)]


def _topic(hotspot: Hotspot) -> str:
    return hotspot.category.split("/")[-1] if hotspot.category else "诉求"


def to_task(session: Session, hotspot: Hotspot, team_id: int, service_type_id: int,
            start: datetime, end: datetime, headcount: int = 2) -> int:
    """A team task of one shift at the hot spot's place; its note names the tickets, and each
    ticket without a task of its own is linked to it. Returns the task's id."""
    require_handle(session)
    if end.date() != start.date() or end <= start:
        raise TicketError(f"班次时间{start:%Y-%m-%d %H:%M}–{end:%H:%M}不对：结束应晚于开始，且在同一天。")
    numbers = ticket_numbers(session, hotspot)
    fields = {"team_id": team_id, "service_type_id": service_type_id, "place_id": hotspot.place_id,
              "title": f"未诉先办：{hotspot.where}{_topic(hotspot)}",
              "description": f"高频诉求{hotspot.count}件（{hotspot.category}），工单：{'、'.join(numbers)}"}
    with session.write("requests", "request_events", "tasks", "shifts"):
        task_id = schedule.create_task(session, fields, Recurrence("once"), [Slot(start.time(), end.time())],
                                       start.date(), start.date(), headcount, headcount)
        at = now(session)
        for ticket_id in hotspot.ticket_ids:
            session.db.execute("UPDATE requests SET task_id = ?, team_id = ?, updated_at = ? "
                               "WHERE id = ? AND task_id IS NULL", [task_id, team_id, stamp(at), ticket_id])
            write_event(session, ticket_id, "未诉先办", at, f"高频诉求转为队伍任务“{fields['title']}”")
        session.audit("未诉先办", "tasks", task_id, None, {**fields, "tickets": list(hotspot.ticket_ids)})
    return task_id


def to_reminder(session: Session, hotspot: Hotspot, staff_id: int) -> int:
    """A 网格巡查 ticket for a worker to look at the hot spot before the next call; its id."""
    require_handle(session)
    place = session.row("places", hotspot.place_id) or {}
    content = (f"未诉先办：{hotspot.where}近期有{hotspot.count}件“{hotspot.category}”诉求"
               f"（工单：{'、'.join(ticket_numbers(session, hotspot))}），请上门排查，在下一次来电之前解决。")
    form = {"source": Source.GRID.value, "category": hotspot.category, "content": content,
            "place_id": hotspot.place_id, "building": hotspot.building, "kind": "一般",
            "community_id": place.get("community_id"), "address": hotspot.where}
    with session.write("requests", "request_events"):
        ticket_id = tickets.add(session, form)
        tickets.dispatch_to_staff(session, ticket_id, staff_id)
    return ticket_id
