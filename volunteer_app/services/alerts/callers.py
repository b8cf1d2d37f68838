"""Who calls whom on a warning's roll-call, and who is on each resident's needs.

:func:`callers` groups the roll-call by caller (paired helpers first, then 包户人, then the
staff on duty) with each caller's phone, for the 联系人 tab and the WeChat texts.
:func:`assign_need` names who takes care of what a resident needs; :func:`need_done` marks it
done. Both are audited and written to the warning's timeline.
"""

from __future__ import annotations

from typing import Any

from ...domain.weather import CallerRole
from ...store.rows import from_json
from ..privacy import masked
from ..session import Session
from . import access, escalation
from .access import AlertError, stamp
from .roll_view import audit_phones, fetch

ROLE_ORDER = {CallerRole.HELPER.value: 0, CallerRole.RESPONSIBLE.value: 1, CallerRole.DUTY.value: 2, "": 3}


def callers(session: Session, alert_id: int) -> list[dict[str, Any]]:
    """[{caller_id, caller_name, caller_role, phone, residents: [roll rows]}], helpers first,
    then by name; residents with no caller come last under caller_id None."""
    alert = access.alert(session, alert_id)
    full = access.sees_phones(session, alert)
    rows = fetch(session, alert, "1", [], full)
    groups: dict[tuple[int | None, str], dict[str, Any]] = {}
    for row in rows:
        key = (row["caller_id"], row["caller_role"])
        group = groups.setdefault(key, {"caller_id": row["caller_id"], "caller_name": row["caller_name"] or "",
                                        "caller_role": row["caller_role"], "phone": "", "residents": []})
        group["residents"].append(row)
    phones = _phones(session, [k[0] for k in groups if k[0] is not None])
    for (caller_id, _), group in groups.items():
        phone = phones.get(caller_id, "") if caller_id is not None else ""
        group["phone"] = phone if full else masked("phone", phone)
    if full:
        audit_phones(session, alert, len(rows), "联系人名单")
    return sorted(groups.values(), key=lambda g: (g["caller_id"] is None, ROLE_ORDER.get(g["caller_role"], 3),
                                                  g["caller_name"], g["caller_id"] or 0))


def handler_choices(session: Session) -> list[tuple[str, int]]:
    """Who can take a need or a door visit on, as (name, volunteer id): the community's staff
    first, then the other volunteers."""
    from ..care import coverage
    from ..hours import record_queries

    people = [(s["name"], s["id"]) for s in coverage.staff_members(session)]
    seen = {person_id for _, person_id in people}
    people += [(v["name"], v["id"]) for v in record_queries.lookup_lists(session)["volunteers"]
               if v["id"] not in seen]
    return people


def assign_need(session: Session, roll_id: int, handler_id: int) -> None:
    """``handler_id`` (a volunteer 在册) takes care of what the resident asked for."""
    access.require_run(session)
    handler = access.volunteer_on_roll(session, handler_id)
    if handler is None:
        raise AlertError(f"编号为{handler_id}的志愿者不在册，请从在册的志愿者或社区工作者中选择负责人。")
    with session.write("alert_roll", "alert_events", "audit_log"):
        entry, alert = _open_need(session, roll_id)
        at = access.now(session)
        changes = {"need_handler_id": handler_id}
        session.db.table("alert_roll").update(roll_id, changes)
        escalation.event(session, alert["id"], at, "安排帮助",
                         f"{escalation.surname(session, entry)}需要的{_needs(entry)}由{handler}负责")
        session.audit("安排帮助", "alert_roll", roll_id, {"need_handler_id": entry["need_handler_id"]}, changes,
                      detail=f"{alert['title']}：{handler}负责{_needs(entry)}")


def need_done(session: Session, roll_id: int, note: str = "") -> None:
    """What the resident needed was done (送到了、已就医 …); ``note`` says what was done."""
    access.require_run(session)
    with session.write("alert_roll", "alert_events", "audit_log"):
        entry, alert = _open_need(session, roll_id)
        if entry["need_done_at"]:
            raise AlertError(f"{escalation.surname(session, entry)}需要的{_needs(entry)}已于"
                             f"{entry['need_done_at'][5:16].replace('T', ' ')}办结。")
        at = access.now(session)
        done_note = note.strip()
        changes = {"need_done_at": stamp(at)}
        if done_note:
            changes["need_note"] = "；".join(p for p in (entry["need_note"], f"已办：{done_note}") if p)
        session.db.table("alert_roll").update(roll_id, changes)
        escalation.event(session, alert["id"], at, "帮助办结",
                         f"{escalation.surname(session, entry)}需要的{_needs(entry)}已办结"
                         + (f"：{done_note}" if done_note else ""))
        session.audit("帮助办结", "alert_roll", roll_id, {"need_done_at": None}, changes,
                      detail=f"{alert['title']}：{_needs(entry)}已办结")


def _open_need(session: Session, roll_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    entry = session.row("alert_roll", roll_id)
    if entry is None:
        raise AlertError(f"找不到编号为{roll_id}的点名记录，可能名单已更新，请刷新。")
    alert = access.alert(session, entry["alert_id"])
    if alert["closed_at"]:
        raise AlertError(f"{alert['title']}已解除，不能再安排或办结帮助。")
    if not from_json(entry["needs"], []):
        raise AlertError(f"{escalation.surname(session, entry)}没有登记需要的帮助，请先登记“需要帮助”。")
    return entry, alert


def _needs(entry: dict[str, Any]) -> str:
    return "、".join(from_json(entry["needs"], []))


def _phones(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {vid: phone or "" for vid, phone in session.db.execute(
        f"SELECT id, phone FROM volunteers WHERE id IN ({marks})", ids)}
