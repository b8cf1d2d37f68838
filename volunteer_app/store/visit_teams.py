"""A visit's service record belongs to its helper's team, so that its hours appear in that
team's monthly report; a helper in no team (a community worker, say) leaves it without one,
and the community's monthly report lists it under 结对探访.

The team is the one the helper belonged to on the day of the visit; in several, the one of
the visited resident's community, then the one joined first. The rule is here, in SQL,
because both the services (each new visit) and the migration below (the visits recorded
before there was a rule) use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .audit import write_entry

if TYPE_CHECKING:
    import sqlite_utils

# Parameters: helper (volunteers.id), resident (residents.id), day (ISO), day again.
VISIT_TEAM_SQL = (
    "SELECT m.team_id FROM team_members m JOIN teams t ON t.id = m.team_id "
    "LEFT JOIN residents r ON r.id = ? WHERE m.volunteer_id = ? "
    "AND (m.joined_on IS NULL OR m.joined_on <= ?) AND (m.left_on IS NULL OR m.left_on >= ?) "
    "ORDER BY (t.community_id IS NOT NULL AND t.community_id IS r.community_id) DESC, "
    "coalesce(m.joined_on, ''), m.team_id LIMIT 1")


def visit_team(db: sqlite_utils.Database, volunteer_id: int, resident_id: int | None,
               day: str) -> int | None:
    row = db.execute(VISIT_TEAM_SQL, [resident_id, volunteer_id, day, day]).fetchone()
    return row[0] if row else None


def _lock_triggers(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name = 'service_records' AND name LIKE 'service_records_locked%'")]


def m_visit_record_teams(db: sqlite_utils.Database) -> None:
    """Give the visit records written without a team their helper's team, where there is one.

    Locked records too: the team is where the hours are reported, not what was certified
    (hours, times and status stay as they were). The lock triggers, whatever version of them
    this file holds, are set aside for this one UPDATE and put back as they were.
    """
    rows: list[dict[str, Any]] = [dict(r) for r in db.query(
        "SELECT r.id, r.volunteer_id, w.resident_id, r.date FROM service_records r "
        "JOIN visits w ON w.id = r.visit_id WHERE r.team_id IS NULL ORDER BY r.id")]
    changes = [(row["id"], team) for row in rows
               if (team := visit_team(db, row["volunteer_id"], row["resident_id"], row["date"]))]
    if not changes:
        return
    triggers = _lock_triggers(db)
    for name, _sql in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    for record_id, team_id in changes:
        db.execute("UPDATE service_records SET team_id = ? WHERE id = ?", [team_id, record_id])
        write_entry(db, user_id=None, user_name="系统升级", action="补记队伍", entity="service_records",
                    entity_id=record_id, before={"team_id": None}, after={"team_id": team_id},
                    detail="探访记录归入帮手所在队伍")
    for _name, sql in triggers:
        db.execute(sql)
