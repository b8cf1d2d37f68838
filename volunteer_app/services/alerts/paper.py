"""The roll-call on paper and on phones: the A4 call sheet (点名表) for staff who call away
from the PC, its results typed back in, and a WeChat text for each caller.

Both list the residents not reached yet, by their line on the roll-call (``position``): the
sheet prints that number so a result is typed back against it. Phones are full only while
the warning is open and for a role that may see numbers (access.sees_phones); a sheet or a
batch of texts that leaves with full phones is one audit entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import groupby
from typing import Any

from ...domain.weather import _natural
from ...domain.weather_close import SheetLine, deadline_words, default_deadline, sheet_line
from ...domain.weather_roll import line_on_sheet
from ..privacy import masked
from ..session import Session
from . import access
from .access import AlertError
from .attempts import log_attempt
from .roll_view import address, audit_phones

_ROWS = (
    "SELECT o.id AS roll_id, o.position + 1 AS line, o.state, o.attempts, o.caller_id, o.caller_role, "
    "v.name AS caller_name, x.name, x.phone, x.emergency_contact, p.name AS place_name, x.building, "
    "x.unit, x.room FROM alert_roll o JOIN residents x ON x.id = o.resident_id "
    "LEFT JOIN places p ON p.id = x.place_id LEFT JOIN volunteers v ON v.id = o.caller_id "
    "WHERE o.alert_id = ? AND o.reached_at IS NULL {caller} ORDER BY o.position"
)


def _rows(session: Session, alert: dict[str, Any], caller_id: int | None, what: str) -> list[dict[str, Any]]:
    """The residents still to reach, phones shaped; one audit entry when they leave full."""
    where = "AND o.caller_id = ?" if caller_id is not None else ""
    params = [alert["id"], caller_id] if caller_id is not None else [alert["id"]]
    rows = [dict(r) for r in session.db.query(_ROWS.format(caller=where), params)]
    full = access.sees_phones(session, alert)
    for row in rows:
        row["address"] = address(row["place_name"], row["building"], row["unit"], row["room"])
        if not full:
            row["phone"] = masked("phone", row["phone"])
            row["emergency_contact"] = masked("emergency_contact", row["emergency_contact"])
    if full:
        audit_phones(session, alert, len(rows), what)
    return rows


def call_sheet_data(session: Session, alert_id: int, caller_id: int | None = None) -> dict[str, Any]:
    """The call sheet of one caller (or of the whole list), grouped by place and building."""
    access.require_read(session)
    alert = access.alert(session, alert_id)
    caller = session.row("volunteers", caller_id) if caller_id is not None else None
    if caller_id is not None and caller is None:
        raise AlertError(f"找不到编号为{caller_id}的联系人。")
    rows = _rows(session, alert, caller_id, "点名表")
    rows.sort(key=lambda r: (r["place_name"] or "", _natural(r["building"]), _natural(r["unit"]),
                             _natural(r["room"]), r["line"]))
    groups = [{"place": place, "building": building, "rows": list(members)}
              for (place, building), members in groupby(rows, key=lambda r: (r["place_name"] or "", r["building"]))]
    return {"alert": alert, "title": f"{alert['title']} 点名表", "caller_name": caller["name"] if caller else "",
            "full_phones": access.sees_phones(session, alert), "printed_at": access.stamp(access.now(session)),
            "count": len(rows), "groups": groups}


def line_ids(session: Session, alert_id: int) -> dict[int, int]:
    """The roll id of each line number printed on the call sheets."""
    access.require_read(session)
    return {line_on_sheet(r[0]): r[1] for r in session.db.execute(
        "SELECT position, id FROM alert_roll WHERE alert_id = ?", [alert_id])}


def wechat_texts(session: Session, alert_id: int, deadline: datetime | None = None) -> list[dict[str, Any]]:
    """One text per caller with residents still to reach: "张建国您好：请在今天18点前联系以下
    老人，确认平安后回复社区：1. 王秀英 明春苑3号楼2单元501 电话… 2. …"."""
    access.require_run(session)
    alert = access.alert(session, alert_id)
    if alert["closed_at"]:
        raise AlertError(f"{alert['title']}已解除，不用再发点名通知。")
    now = access.now(session)
    when = deadline_words(deadline or default_deadline(now), now)
    by_caller: dict[int, list[dict[str, Any]]] = {}
    for row in _rows(session, alert, None, "微信通知"):
        if row["caller_id"] is not None:
            by_caller.setdefault(row["caller_id"], []).append(row)
    # helpers first (a person may call some residents as helper, others as 包户人), then by name
    order = sorted(by_caller.values(), key=lambda m: (all(r["caller_role"] != "结对帮手" for r in m),
                                                      m[0]["caller_name"] or "", m[0]["caller_id"]))
    texts = []
    for members in order:
        name = members[0]["caller_name"]
        lines = [f"{i}. {_item(r)}" for i, r in enumerate(members, 1)]
        text = f"{name}您好：请在{when}前联系以下老人，确认平安后回复社区：\n" + "\n".join(lines)
        texts.append({"caller_id": members[0]["caller_id"], "caller_name": name, "count": len(members),
                      "text": text})
    return texts


def _item(row: dict[str, Any]) -> str:
    phone = f"电话{row['phone']}" if row["phone"] else "没有登记电话，请上门"
    family = f"（家属：{row['emergency_contact']}）" if row["emergency_contact"] else ""
    return f"{row['name']} {row['address']} {phone}{family}"


def check_sheet(session: Session, alert_id: int,
                entries: Sequence[tuple[int, str, str]]) -> list[tuple[SheetLine, int | None]]:
    """Every typed line checked before anything is saved: (line, caller) of each filled one;
    a ValueError names the sheet's line and what is wrong."""
    alert = access.alert(session, alert_id)
    if alert["closed_at"]:
        raise AlertError(f"{alert['title']}已解除，不能再登记点名结果。")
    known = {r[0]: (r[1], r[2]) for r in session.db.execute(
        "SELECT id, position + 1, caller_id FROM alert_roll WHERE alert_id = ?", [alert_id])}
    checked, seen = [], set()
    for index, (roll_id, result, note) in enumerate(entries, 1):
        if roll_id not in known:
            raise ValueError(f"第{index}条：点名编号{roll_id}不在{alert['title']}的名单上，请核对序号。")
        line, caller_id = known[roll_id]
        if not (result or "").strip():
            continue                      # nothing ticked on that line: not called yet
        if roll_id in seen:
            raise ValueError(f"第{line}行填写了两次，请只保留一个结果。")
        seen.add(roll_id)
        checked.append((sheet_line(line, roll_id, result, note), caller_id))
    return checked


def log_sheet(session: Session, alert_id: int, entries: Sequence[tuple[int, str, str]]) -> int:
    """The results of a call sheet typed back: (roll id, result, note) per line, all or
    nothing; each logged as one attempt by the sheet's caller. Returns how many were logged."""
    access.require_run(session)
    checked = check_sheet(session, alert_id, entries)
    with session.write("alert_roll", "alert_attempts", "alert_events"):
        for line, caller_id in checked:
            try:
                log_attempt(session, line.roll_id, line.result, needs=[n.value for n in line.needs],
                            note=line.note, via=line.via, caller_id=caller_id)
            except AlertError as error:
                raise AlertError(f"第{line.line}行：{error}") from None
    return len(checked)
