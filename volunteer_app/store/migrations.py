"""Numbered, append-only schema migrations, recorded in ``PRAGMA user_version``.

Migration N brings the file from version N-1 to N. Never edit a released migration: add
a new function at the end of :data:`MIGRATIONS`. All of one start-up's migrations run in
a single transaction, so a failure leaves the file exactly as it was.
"""

from __future__ import annotations

import importlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .rows import new_uid

if TYPE_CHECKING:
    import sqlite_utils

Migration = Callable[["sqlite_utils.Database"], None]


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run a multi-statement script inside the current transaction (executescript would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                db.execute(statement)
            statement = ""
    if statement.strip() and not statement.strip().startswith("--"):
        raise ValueError(f"incomplete SQL statement at end of script: {statement[:80]!r}")


# The service types the app ships with (design.md); staff can add more.
BUILTIN_SERVICE_TYPES = (
    # name, intensity, usual minutes, skills, needs insurance
    ("铲冰除雪", "重", 120, [], 1),
    ("垃圾分类值守", "轻", 120, [], 0),
    ("困难帮扶", "轻", 90, [], 0),
    ("爱心传递", "轻", 120, [], 0),
    ("极端天气风险防控", "轻", 120, [], 0),
    ("助老陪伴", "轻", 60, [], 0),
    ("文化活动", "轻", 180, ["文艺"], 0),
)


def m001_initial_schema(db: sqlite_utils.Database) -> None:
    from importlib import resources  # only a new file needs it; every start imports this module

    _run_script(db, resources.files(__package__).joinpath("schema_v1.sql").read_text("utf-8"))
    for name, intensity, minutes, skills, insurance in BUILTIN_SERVICE_TYPES:
        db.execute(
            "INSERT INTO service_types (uid, name, intensity, usual_minutes, skills, needs_insurance, "
            "builtin) VALUES (?, ?, ?, ?, ?, ?, 1)",
            [new_uid(), name, intensity, minutes, json.dumps(skills, ensure_ascii=False), insurance],
        )


class _Migrations(Sequence[Migration]):
    """The migrations in order, each named by its module and function and imported when it
    is first asked for. A file already at the latest version (every start but the first
    after an update) runs none of them, and the window's first paint does not wait for
    their modules and the domain rules they import (~30 ms). A test that adds a migration
    puts a plain list in its place."""

    def __init__(self, entries: list[tuple[str, str]]):
        self._entries = entries

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        module, name = self._entries[index]
        found = globals() if module == __name__ else vars(importlib.import_module(module))
        return found[name]


MIGRATIONS = _Migrations([
    (__name__, "m001_initial_schema"),
    (f"{__package__}.record_locks", "m_record_lock_triggers"),  # 2: locked service records refuse UPDATE/DELETE
    (f"{__package__}.resident_indexes", "m_resident_filter_indexes"),  # 3: partial indexes for the 居民 filter-as-you-type
    (f"{__package__}.dashboard_indexes", "m_dashboard_indexes"),  # 4: partial indexes that answer the 工作台 counts
    (f"{__package__}.row_versions", "m_row_versions"),  # 5: row_version on edited tables, raised by a trigger on UPDATE
    # 6: uncapped and duty hours of a service record (day cap, office hours)
    (f"{__package__}.record_hours", "m_record_hour_columns"),
    # 7: people with a place and no community take the place's
    (f"{__package__}.person_communities", "m_person_communities_from_places"),
    # 8: ID numbers and phones half-width, 18 digits
    (f"{__package__}.person_numbers", "m_normalise_id_numbers_and_phones"),
    # 9: older audit entries masked in place (emergency phones, health and hardship notes);
    # must run before the migration that hashes the audit rows
    (f"{__package__}.audit_masking", "m_mask_audit_personal_data"),
    # 10: separate health consent, consent withdrawal, purge marks
    (f"{__package__}.consent_columns", "m_consent_and_retention"),
    (f"{__package__}.audit_chain", "m_audit_chain"),  # 11: audit entries hash-chained (it chains what exists then)
    # 12: visit records get their helper's team (monthly reports); it writes audit entries
    # through today's write_entry, so it runs once the log has its hash columns
    (f"{__package__}.visit_teams", "m_visit_record_teams"),
    # 13: residents' 包户人 (responsible staff); cadence per risk tier
    (f"{__package__}.visit_coverage", "m_visit_coverage"),
    # 14: 12345 tickets: steps, deadline, dispatch, callback; request_events
    (f"{__package__}.request_workflow", "m_request_workflow"),
    # 15: weather warnings, roll-call, attempts; resident power/chronic facts
    (f"{__package__}.weather_alerts", "m_weather_alerts"),
    # 16: the street office's outbox of changed rows, filled by triggers
    (f"{__package__}.street_outbox", "m_street_outbox"),
    # 17: logins half-width (an input method's ｗａｎｇｌｉ is wangli), unless two would clash
    (f"{__package__}.user_logins", "m_half_width_logins"),
    # 18: 楼号, 单元 and 门牌 half-width, as the forms and the imports now write them
    (f"{__package__}.address_codes", "m_half_width_addresses"),
    # 19: the 经办人 each certificate names (the command line's --handler)
    (f"{__package__}.certificate_handlers", "m_certificate_handlers"),
])
SCHEMA_VERSION = len(MIGRATIONS)


def latest_version() -> int:
    """The version this program writes: read from the list each time, so a test can add to it."""
    return len(MIGRATIONS)


def apply_migrations(db: sqlite_utils.Database, target: int | None = None) -> int:
    """Bring ``db`` to ``target`` (the latest version by default); returns the version it
    started from. Either every step is applied or, on any exception, none is."""
    target = latest_version() if target is None else target
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if current >= target:
        return current
    db.execute("BEGIN IMMEDIATE")
    # read again under the write lock: a second program opening the same old file at the
    # same moment waits here, then finds it migrated instead of migrating it twice
    start = db.execute("PRAGMA user_version").fetchone()[0]
    try:
        if start >= target:
            db.execute("COMMIT")
            return start
        for number in range(start + 1, target + 1):
            MIGRATIONS[number - 1](db)
        db.execute(f"PRAGMA user_version = {target}")
        db.execute("COMMIT")
    except BaseException:
        # Some errors (a full disk, RAISE(ROLLBACK)) have already ended the transaction; a
        # second ROLLBACK would fail and hide the error that matters.
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    return start
