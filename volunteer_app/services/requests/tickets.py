"""接诉即办 tickets: entry by hand, the six steps one at a time, send-back, the city's callback.

Every change is one transaction with its audit entry and a ``request_events`` row (time and
user); a dialog's save names the row version it read, so a change made meanwhile (another
window, a re-import) is never overwritten. Dispatch lives in ``dispatch``, re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ...domain.requests import STEPS, Contacted, Resolved, Satisfaction, Status, next_step
from ...store.row_versions import check_version
from ...store.rows import new_uid
from ..privacy import FIELDS
from ..session import Session
from . import ticket_form, ticket_queries
from .access import TicketError, now, require_handle, require_read, stamp, write_event
from .dispatch import dispatch_to_staff, dispatch_to_team
from .ticket_form import CallerMatch

__all__ = ["CallerMatch", "TicketError", "add", "advance", "caller_matcher", "deadline_rule",
           "dispatch_to_staff", "dispatch_to_team", "events", "get", "list_tickets", "match_caller", "now",
           "record_callback", "reopen", "reveal_caller"]

deadline_rule = ticket_form.deadline_rule
# The column each step records its time in (已联系: the first contact, its own step).
STEP_TIMES = {Status.SIGNED: "signed_at", Status.CONTACTED: "contacted_at",
              Status.FEEDBACK: "feedback_at", Status.CLOSED: "closed_at"}


def match_caller(session: Session, phone: str, address: str) -> CallerMatch:
    require_handle(session)
    return ticket_form.match(session, phone, address)


def caller_matcher(session: Session) -> ticket_form.CallerMatcher:
    """match_caller for many callers at once (an import)."""
    require_handle(session)
    return ticket_form.CallerMatcher(session)


def add(session: Session, form: Mapping[str, Any]) -> int:
    """A ticket taken by hand (or typed from a 12345 sheet); returns its id."""
    require_handle(session)
    values = ticket_form.clean(session, form)
    found = ticket_form.match(session, values["caller_phone"], values["address"])
    at = now(session)
    received, dispatched, due = values.pop("received"), values.pop("dispatched"), values.pop("due")
    row = {"uid": new_uid(), **values, "received_at": stamp(received), "due_at": stamp(due),
           "dispatched_at": stamp(dispatched) if dispatched else None, "status": Status.NEW.value,
           "created_by": session.actor.user_id, "created_at": stamp(at), "updated_at": stamp(at)}
    for key, default in zip(CallerMatch._fields, found, strict=True):
        row[key] = form.get(key) or default
    with session.write("requests", "request_events"):
        if row["ticket_no"] is None:
            row["ticket_no"] = _next_ticket_no(session, received)
        elif session.db.execute("SELECT 1 FROM requests WHERE ticket_no = ?", [row["ticket_no"]]).fetchone():
            raise ticket_form.FormError({"ticket_no": f"工单编号“{row['ticket_no']}”已经有了，不能重复登记。"})
        ticket_id = session.db.table("requests").insert(row).last_pk
        write_event(session, ticket_id, Status.NEW.value, at, f"登记（{row['source']}）")
        session.audit("新增", "requests", ticket_id, None, row)
    return ticket_id


def _next_ticket_no(session: Session, received: datetime) -> str:
    """'SQ' + the day received + a 3-digit sequence of that day (more digits past 999)."""
    prefix = f"SQ{received:%Y%m%d}-"
    last = session.db.execute("SELECT max(CAST(substr(ticket_no, 12) AS INTEGER)) FROM requests "
                              "WHERE ticket_no LIKE ?", [prefix + "%"]).fetchone()[0]
    return f"{prefix}{(last or 0) + 1:03d}"


def get(session: Session, ticket_id: int) -> dict[str, Any]:
    require_read(session)
    found = ticket_queries.rows(session, "r.id = :id", {"id": ticket_id}, now(session))
    if not found:
        raise TicketError(f"找不到编号为{ticket_id}的诉求，可能已被删除，请刷新。")
    return {**found[0], "events": ticket_queries.history(session, ticket_id)}


def list_tickets(session: Session, *, view: str = "open", text: str = "",
                 month: str | None = None) -> list[dict[str, Any]]:
    """``view``: open, late_or_risk (open and late or with a 风险 reason), closed, all."""
    require_read(session)
    where, params = ticket_queries.where_for(view, text, month)
    found = ticket_queries.rows(session, where, params, now(session))
    if view == "late_or_risk":
        return [row for row in found if row["late"] or row["risk"]]
    return found


def events(session: Session, ticket_id: int) -> list[dict[str, Any]]:
    require_read(session)
    _ticket(session, ticket_id)
    return ticket_queries.history(session, ticket_id)


def reveal_caller(session: Session, ticket_id: int) -> str:
    """The caller's full phone number, for the handler who must call back; audited."""
    require_handle(session)
    row = _ticket(session, ticket_id)
    with session.write("audit_log"):
        session.audit("查看完整信息", "requests", ticket_id, detail=f"查看诉求人{FIELDS['phone']}")
    return row["caller_phone"]


def _ticket(session: Session, ticket_id: int) -> dict[str, Any]:
    row = session.row("requests", ticket_id)
    if row is None:
        raise TicketError(f"找不到编号为{ticket_id}的诉求，可能已被删除，请刷新。")
    return row


def advance(session: Session, ticket_id: int, to: Status, *, note: str = "",
            row_version: int | None = None) -> None:
    """One step forward; 已反馈 needs the 办理结果 (``note``)."""
    require_handle(session)
    if to not in [s.value for s in Status]:
        raise TicketError(f"办理步骤“{to}”不认识，只能是：{'、'.join(s.value for s in Status)}。")
    to, note = Status(to), note.strip()
    with session.write("requests", "request_events"):
        check_version(session.db, "requests", ticket_id, row_version)
        row = _ticket(session, ticket_id)
        current = Status(row["status"])
        if next_step(current) is not to:
            raise TicketError(_step_refusal(row["ticket_no"], current, to))
        if to is Status.FEEDBACK and not note:
            raise TicketError("反馈时请填写办理结果（向诉求人反馈了什么、问题怎样解决的）。")
        at = now(session)
        changes = {"status": to.value, "updated_at": stamp(at)}
        if to in STEP_TIMES:
            changes[STEP_TIMES[to]] = stamp(at)
        if to is Status.FEEDBACK:
            changes["resolution"] = note
        session.db.table("requests").update(ticket_id, changes)
        write_event(session, ticket_id, to.value, at, note)
        session.audit("办理", "requests", ticket_id, _before(row, changes), changes, detail=to.value)


def _step_refusal(ticket_no: str, current: Status, to: Status) -> str:
    following = next_step(current)
    if following is None:
        return f"诉求{ticket_no}已办结，不能再改为“{to.value}”；如需重办请用“退回重办”。"
    if STEPS.index(to) <= STEPS.index(current):
        return f"诉求{ticket_no}已是“{current.value}”，不能回到“{to.value}”。"
    return f"诉求{ticket_no}现在是“{current.value}”，下一步只能是“{following.value}”，不能直接到“{to.value}”。"


def _before(row: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    return {key: row[key] for key in changes}


def reopen(session: Session, ticket_id: int, note: str, *, row_version: int | None = None) -> None:
    """退回重办: 已反馈 or 已办结 back to 办理中, counted in ``reopened``; the reason is required."""
    require_handle(session)
    if not note.strip():
        raise TicketError("退回重办请写明原因（如诉求人不认可办理结果）。")
    with session.write("requests", "request_events"):
        check_version(session.db, "requests", ticket_id, row_version)
        row = _ticket(session, ticket_id)
        if row["status"] not in (Status.FEEDBACK.value, Status.CLOSED.value):
            raise TicketError(f"诉求{row['ticket_no']}现在是“{row['status']}”，只有已反馈或已办结的诉求才能退回重办。")
        at = now(session)
        changes = {"status": Status.HANDLING.value, "reopened": row["reopened"] + 1, "closed_at": None,
                   "feedback_at": None, "updated_at": stamp(at)}
        session.db.table("requests").update(ticket_id, changes)
        write_event(session, ticket_id, "退回重办", at, note.strip())
        session.audit("退回重办", "requests", ticket_id, _before(row, changes), changes, detail=note.strip())


def record_callback(session: Session, ticket_id: int, contacted: str, resolved: str,
                    satisfaction: str | None, at: datetime | None = None, *,
                    row_version: int | None = None) -> None:
    """The city's 回访 result (是否联系, 是否解决, 满意度); recorded again, it replaces the last."""
    require_handle(session)
    errors = {}
    for field, value, words in (("是否联系", contacted, Contacted), ("是否解决", resolved, Resolved),
                                ("满意度", satisfaction or "", Satisfaction)):
        if (value or field != "满意度") and value not in [w.value for w in words]:
            errors[field] = f"{field}“{value}”不对，只能是：{'、'.join(w.value for w in words)}。"
    if errors:
        raise TicketError("；".join(errors.values()))
    moment = (at or now(session)).replace(microsecond=0)
    with session.write("requests", "request_events"):
        check_version(session.db, "requests", ticket_id, row_version)
        row = _ticket(session, ticket_id)
        changes = {"callback_contacted": contacted, "callback_resolved": resolved,
                   "callback_satisfaction": satisfaction or None, "callback_at": stamp(moment),
                   "updated_at": stamp(now(session))}
        session.db.table("requests").update(ticket_id, changes)
        write_event(session, ticket_id, "回访", moment, "，".join(v for v in (contacted, resolved, satisfaction) if v))
        session.audit("回访", "requests", ticket_id, _before(row, changes), changes)
