"""A warning on the demo community for the closing and paper tests, written as rows the way
the starting and logging services write them: the warning, its communities, the 发布 event,
a roll-call of the high-tier residents (each with the caller the contact order gives: the
paired helper, else the 包户人, else a community worker on duty) and attempts that move each
roll row's state.
"""

from __future__ import annotations

import json
from datetime import datetime

from volunteer_app.services.session import Session
from volunteer_app.store.rows import new_uid

STARTED = datetime(2026, 11, 28, 7, 0)
REACHED = ("平安", "需要帮助", "已上门")


def open_warning(session: Session, kind: str = "暴雪", level: str = "橙色",
                 started: datetime = STARTED, limit: int | None = None) -> int:
    """The warning's id; its roll-call: the high-tier residents, by place and building."""
    db, at = session.db, started.isoformat()
    duty = db.execute("SELECT id FROM volunteers WHERE is_staff = 1 ORDER BY id LIMIT 1").fetchone()[0]
    with session.write("alerts", "alert_communities", "alert_events", "alert_roll"):
        alert_id = db.table("alerts").insert({
            "uid": new_uid(), "type": kind, "level": level, "started_at": at, "notice": "区气象台发布暴雪橙色预警",
            "created_at": at, "updated_at": at}).last_pk
        for (community,) in db.execute("SELECT id FROM communities ORDER BY id").fetchall():
            db.table("alert_communities").insert({"uid": new_uid(), "alert_id": alert_id,
                                                  "community_id": community, "open": 1})
        db.table("alert_events").insert({"uid": new_uid(), "alert_id": alert_id, "at": at, "kind": "发布",
                                         "detail": f"{kind}{level}预警", "user_name": "李社工"})
        residents = db.execute(
            "SELECT r.id, r.community_id, x.volunteer_id, r.responsible_volunteer_id FROM residents r "
            "LEFT JOIN places p ON p.id = r.place_id "
            "LEFT JOIN pairings x ON x.resident_id = r.id AND x.state = '结对中' "
            "WHERE r.archived_at IS NULL AND r.risk_level = '高' ORDER BY p.name, r.building, r.id "
            + (f"LIMIT {int(limit)}" if limit else "")).fetchall()
        for position, (resident, community, helper, responsible) in enumerate(residents, 1):
            caller, role = ((helper, "结对帮手") if helper else (responsible, "包户人") if responsible
                            else (duty, "值班工作人员"))
            db.table("alert_roll").insert({
                "uid": new_uid(), "alert_id": alert_id, "resident_id": resident, "community_id": community,
                "position": position, "added_at": at, "reasons": json.dumps(["高风险"], ensure_ascii=False),
                "risk_level": "高", "caller_id": caller, "caller_role": role})
    return alert_id


def roll(session: Session, alert_id: int) -> list[dict]:
    return [dict(r) for r in session.db.query(
        "SELECT * FROM alert_roll WHERE alert_id = ? ORDER BY position", [alert_id])]


def attempt(session: Session, roll_id: int, result: str, at: datetime, *, caller_id: int | None = None,
            via: str = "本人", needs: tuple[str, ...] = (), note: str = "") -> None:
    """One attempt and the roll row's new state, in one transaction."""
    db = session.db
    row = dict(next(iter(db.query("SELECT * FROM alert_roll WHERE id = ?", [roll_id]))))
    with session.write("alert_roll", "alert_attempts"):
        db.table("alert_attempts").insert({
            "uid": new_uid(), "roll_id": roll_id, "alert_id": row["alert_id"], "resident_id": row["resident_id"],
            "at": at.isoformat(), "result": result, "via": via,
            "needs": json.dumps(list(needs), ensure_ascii=False), "note": note,
            "caller_id": caller_id, "user_name": "李社工", "created_at": at.isoformat()})
        change = {"state": result, "attempts": row["attempts"] + 1, "last_attempt_at": at.isoformat()}
        if result in REACHED and row["reached_at"] is None:
            change["reached_at"] = at.isoformat()
        if needs:
            change.update(needs=json.dumps(list(needs), ensure_ascii=False), need_note=note)
        db.table("alert_roll").update(roll_id, change)


def escalate(session: Session, roll_id: int, at: datetime, door_volunteer_id: int | None) -> None:
    with session.write("alert_roll", "alert_events"):
        session.db.table("alert_roll").update(roll_id, {"escalated_at": at.isoformat(),
                                                        "door_volunteer_id": door_volunteer_id})
        alert_id = session.db.execute("SELECT alert_id FROM alert_roll WHERE id = ?", [roll_id]).fetchone()[0]
        session.db.table("alert_events").insert({"uid": new_uid(), "alert_id": alert_id, "at": at.isoformat(),
                                                 "kind": "转上门", "detail": "3次未接通", "user_name": "李社工"})
