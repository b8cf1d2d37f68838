"""An open warning on the demo community for the roll-call tests: the alerts,
alert_communities and alert_roll rows written straight into the real file, as a warning's
start writes them (the roll-call's own tests must not depend on how it was built).

The demo session's clock is 2026-11-28 at noon; the warning starts at 08:00 that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from volunteer_app.services.permissions import Role
from volunteer_app.services.session import Actor, Session
from volunteer_app.store.rows import new_uid, to_json

STARTED = datetime(2026, 11, 28, 8, 0)


@dataclass
class Warning:
    session: Session
    alert_id: int
    roll_ids: list[int]           # in list order
    resident_ids: list[int]       # the same order

    def as_role(self, role: Role, name: str = "") -> Session:
        actor = Actor(None, name or f"测试{role.value}", role)
        return Session(self.session.db, actor, today=self.session.today)


def open_warning(session: Session, *, residents: int = 12, community_id: int = 1,
                 started: datetime = STARTED, kind: str = "暴雪", level: str = "橙色") -> Warning:
    """A warning on ``community_id`` with its first ``residents`` high-tier residents on the
    roll-call, each called by their paired helper, else a community worker of the community."""
    db = session.db
    stamp = started.isoformat(timespec="seconds")
    with session.write("alerts", "alert_communities", "alert_roll"):
        alert_id = db.table("alerts").insert({
            "uid": new_uid(), "type": kind, "level": level, "started_at": stamp, "notice": "",
            "created_at": stamp, "updated_at": stamp}).last_pk
        db.table("alert_communities").insert({"uid": new_uid(), "alert_id": alert_id,
                                              "community_id": community_id, "open": 1})
        chosen = list(db.query(
            "SELECT r.id, r.community_id, r.risk_level, "
            " (SELECT volunteer_id FROM pairings p WHERE p.resident_id = r.id AND p.state = '结对中') AS helper "
            "FROM residents r WHERE r.community_id = ? AND r.archived_at IS NULL AND r.risk_level = '高' "
            "ORDER BY r.id LIMIT ?", [community_id, residents]))
        worker = db.execute("SELECT id FROM volunteers WHERE is_staff = 1 AND community_id = ? ORDER BY id",
                            [community_id]).fetchone()[0]
        roll_ids = []
        for position, row in enumerate(chosen):
            caller, role = (row["helper"], "结对帮手") if row["helper"] else (worker, "值班工作人员")
            roll_ids.append(db.table("alert_roll").insert({
                "uid": new_uid(), "alert_id": alert_id, "resident_id": row["id"],
                "community_id": row["community_id"], "position": position, "added_at": stamp,
                "reasons": to_json(["高风险"]), "risk_level": row["risk_level"], "caller_id": caller,
                "caller_role": role}).last_pk)
    return Warning(session, alert_id, roll_ids, [r["id"] for r in chosen])


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 28, hour, minute)
