"""Schema for the street office's publishing (issue 14): an outbox of changed rows.

Every insert, update and delete of a published table writes (table, uid, operation) into
``street_outbox`` by a trigger, in the same transaction as the change: a rolled-back change
leaves nothing, and a change made by IT staff or a script is published too. An UPDATE that
touches none of the columns the published data is read from (a name, a phone, a note, the
row version) is skipped by the trigger's WHEN clause, so editing personal data costs
nothing here.

A resident's published row holds derived fields (tier, 悬空, covered, 未覆盖, next visit due)
that depend on other rows: pairings, visits, weather roll-calls and their warnings' closing,
and the settings of the 悬空 rule and the visit cadence. Changes to those enqueue the
affected residents too. The passing of time (a birthday moving an age band) is enqueued at
publish time (services/street/outbox.enqueue_band_changes).

The column lists below are this migration's: services/street/published.py reads no column
of a table that is not listed here (tests/services/street/test_street_outbox_schema.py).
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

# The columns each published table's data is read from: an UPDATE changing none is skipped.
WATCHED: dict[str, tuple[str, ...]] = {
    "communities": ("name", "street", "kind", "archived_at"),
    "places": ("community_id", "name", "kind", "flood_prone", "archived_at"),
    "teams": ("community_id", "name", "archived_at"),
    "service_types": ("name",),
    "volunteers": ("community_id", "birth_date", "gender", "status", "is_staff", "id_number",
                   "archived_at"),
    "team_members": ("team_id", "volunteer_id", "role", "joined_on", "left_on"),
    "residents": ("community_id", "place_id", "building", "birth_date", "floor", "has_lift",
                  "cannot_use_stairs", "lives_alone", "empty_nest", "serious_illness", "dementia",
                  "disabled", "hardship", "responsible_volunteer_id", "responsible_since",
                  "archived_at"),
    "pairings": ("volunteer_id", "resident_id", "state", "started_on", "ended_on", "visit_every_days"),
    "visits": ("pairing_id", "volunteer_id", "resident_id", "visited_on", "start_time", "minutes",
               "mode", "done"),
    "tasks": ("team_id", "place_id", "service_type_id", "starts_on", "ends_on", "alert_id", "insurance"),
    "shifts": ("task_id", "date", "start_time", "end_time", "min_people", "max_people", "cancelled"),
    "assignments": ("shift_id", "volunteer_id", "state"),
    "service_records": ("volunteer_id", "team_id", "service_type_id", "date", "hours",
                        "counts_for_stars", "status", "source", "alert_id"),
    "alerts": ("type", "level", "started_at", "until", "closed_at"),
    "alert_communities": ("alert_id", "community_id", "open"),
    "alert_roll": ("alert_id", "resident_id", "community_id", "state", "attempts", "added_at",
                   "reached_at", "needs", "escalated_at", "door_closed_at", "visit_due_by"),
    "requests": ("community_id", "team_id", "source", "category", "request_type", "kind", "status",
                 "received_at", "dispatched_at", "due_at", "signed_at", "contacted_at", "feedback_at",
                 "closed_at", "reopened", "callback_contacted", "callback_resolved",
                 "callback_satisfaction", "callback_at"),
}

# Rows whose change moves a resident's derived fields, and the columns that matter:
# covered / 未覆盖 / next visit (pairings); the last visit and a visit owed after a warning
# (visits, alert_roll).
RESIDENT_INPUTS: dict[str, tuple[str, ...]] = {
    "pairings": ("resident_id", "state", "started_on"),
    "visits": ("resident_id", "visited_on", "start_time"),
    "alert_roll": ("resident_id", "visit_due_by"),
}
# Settings that move every resident's tier, 悬空 or visit due date.
RESIDENT_SETTINGS = ("housing.floor_threshold", "housing.elder_age",
                     "visits.days_high", "visits.days_priority", "visits.days_general")

SETTINGS = {"street.acked_seq": "0", "street.last_published": "", "street.band_day": ""}
_NOW = "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"


def _enqueue(table: str, uid: str, op: str) -> str:
    return f"INSERT INTO street_outbox (tbl, uid, op, at) VALUES ('{table}', {uid}, '{op}', {_NOW});"


def _enqueue_resident(row: str, only_if: str = "1") -> str:
    """Enqueue the resident ``row``.resident_id points at, if it still exists."""
    return (f"INSERT INTO street_outbox (tbl, uid, op, at) SELECT 'residents', uid, 'upsert', {_NOW} "
            f"FROM residents WHERE id = {row}.resident_id AND {only_if};")


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)


def _table_triggers(table: str) -> list[str]:
    inputs = RESIDENT_INPUTS.get(table)
    on_insert, on_delete = [_enqueue(table, "NEW.uid", "upsert")], [_enqueue(table, "OLD.uid", "delete")]
    triggers = []
    if inputs:
        on_insert.append(_enqueue_resident("NEW"))
        on_delete.append(_enqueue_resident("OLD"))
        triggers.append(
            f"CREATE TRIGGER street_outbox_{table}_resident AFTER UPDATE ON [{table}] "
            f"WHEN {_changed(inputs)} BEGIN {_enqueue_resident('NEW')} "
            f"{_enqueue_resident('OLD', 'OLD.resident_id IS NOT NEW.resident_id')} END")
    return [
        f"CREATE TRIGGER street_outbox_{table}_insert AFTER INSERT ON [{table}] "
        f"BEGIN {' '.join(on_insert)} END",
        f"CREATE TRIGGER street_outbox_{table}_update AFTER UPDATE ON [{table}] "
        f"WHEN {_changed(('uid', *WATCHED[table]))} BEGIN {_enqueue(table, 'NEW.uid', 'upsert')} END",
        f"CREATE TRIGGER street_outbox_{table}_delete AFTER DELETE ON [{table}] "
        f"BEGIN {' '.join(on_delete)} END",
        *triggers,
    ]


def _derived_triggers() -> list[str]:
    every_resident = (f"INSERT INTO street_outbox (tbl, uid, op, at) "
                      f"SELECT 'residents', uid, 'upsert', {_NOW} FROM residents;")
    keys = ", ".join(f"'{key}'" for key in RESIDENT_SETTINGS)
    return [
        # a warning closing (or reopening) starts or ends the visits owed after it
        "CREATE TRIGGER street_outbox_alerts_residents AFTER UPDATE ON alerts "
        "WHEN NEW.closed_at IS NOT OLD.closed_at BEGIN "
        f"INSERT INTO street_outbox (tbl, uid, op, at) SELECT 'residents', r.uid, 'upsert', {_NOW} "
        "FROM alert_roll o JOIN residents r ON r.id = o.resident_id "
        "WHERE o.alert_id = NEW.id AND o.visit_due_by IS NOT NULL; END",
        f"CREATE TRIGGER street_outbox_settings_insert AFTER INSERT ON settings "
        f"WHEN NEW.key IN ({keys}) BEGIN {every_resident} END",
        f"CREATE TRIGGER street_outbox_settings_update AFTER UPDATE ON settings "
        f"WHEN (NEW.key IN ({keys}) OR OLD.key IN ({keys})) AND NEW.value IS NOT OLD.value "
        f"BEGIN {every_resident} END",
        f"CREATE TRIGGER street_outbox_settings_delete AFTER DELETE ON settings "
        f"WHEN OLD.key IN ({keys}) BEGIN {every_resident} END",
    ]


def _put_setting(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute("INSERT OR IGNORE INTO settings (uid, key, value, updated_at) VALUES (?, ?, ?, ?)",
               [str(uuid.uuid4()), key, json.dumps(value, ensure_ascii=False),
                datetime.now().replace(microsecond=0).isoformat()])


def m_street_outbox(db: sqlite_utils.Database) -> None:
    # AUTOINCREMENT: a seq is never reused once acknowledged rows are deleted, so the
    # server's acknowledged number always means the same change.
    db.execute("""
        CREATE TABLE street_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            tbl TEXT NOT NULL,
            uid TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
            at TEXT NOT NULL
        )
    """)
    _put_setting(db, "street.source_uid", str(uuid.uuid4()))  # this file's identity
    for key, value in SETTINGS.items():
        _put_setting(db, key, value)
    for table in WATCHED:
        for trigger in _table_triggers(table):
            db.execute(trigger)
    for trigger in _derived_triggers():
        db.execute(trigger)
