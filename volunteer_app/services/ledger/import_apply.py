"""Step 3 of an import: save the good rows in ONE transaction with an audit entry; a cancel or any
failure rolls everything back."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from typing import Any

from ...domain.ledger_columns import SENSITIVE_KEYS
from ...store.outbox_bulk import inserts_enqueued_at_end
from ...store.rows import new_uid, new_uids, now_text
from ..admin import settings
from ..people import resident_risk
from ..permissions import Permission, PermissionDenied
from ..session import Session
from .import_check import _PERSON_KEYS, _no_cycle_collection
from .import_rows import KINDS, SKIP, UPDATE, ImportCancelled, Preview, Progress, RowCheck, Summary


def apply(session: Session, preview: Preview, duplicates: str = SKIP, *,
          all_or_nothing: bool = False, progress: Progress | None = None,
          cancel: threading.Event | None = None, source: str = "") -> Summary:
    """Save the good rows of ``preview`` in one transaction; nothing is saved on cancel."""
    session.require(Permission.IMPORT)
    session.require(Permission.RESIDENT_WRITE if preview.kind == "residents"
                    else Permission.VOLUNTEER_WRITE)
    if SENSITIVE_KEYS & set(preview.mapping.columns) and not session.can(Permission.VIEW_SENSITIVE):
        # check() leaves these columns out; a preview checked by someone else is refused whole
        raise PermissionDenied(f"您没有“{Permission.VIEW_SENSITIVE.value}”的权限，"
                               "不能导入健康情况和困难情况两列。")
    summary = Summary(rejected=len(preview.rejected))
    summary.warnings = sum(1 for r in preview.rows if r.ok and r.warnings)
    if all_or_nothing and summary.rejected:
        return summary
    table = preview.kind
    tables = (table, "teams", "team_members") if table == "volunteers" else (table,)
    stamp = now_text()
    good = [r for r in preview.rows if r.ok]
    uids = _uid_stream()
    # no cycle collection, as in the check: its passes over the preview's 50,000 rows, set
    # off by the 50,000 new value dicts, took up to half of the Python time here
    with _no_cycle_collection(), _large_page_cache(session), session.write(*tables, "audit_log"), \
            _indexes_rebuilt_after(session, table, len(good)):
        teams = _teams(session, preview, stamp, summary)
        saved: dict[int, int] = {}          # file row number → database id
        next_no = _volunteer_counter(session, good) if table == "volunteers" else None
        batch: list[tuple[RowCheck, dict[str, Any]]] = []
        for done, row in enumerate(good):
            if cancel is not None and cancel.is_set():
                raise ImportCancelled()
            if done % 250 == 0:
                _flush(session, table, batch, saved, teams)
                if progress:
                    progress(done, len(good))
            target = row.existing_id if row.existing_id is not None else None
            if target is None and row.duplicate_of is not None:
                _flush(session, table, batch, saved, teams)
                target = saved.get(row.duplicate_of)
            if row.is_duplicate and (duplicates != UPDATE or target is None):
                summary.skipped += 1
                continue
            if target is not None:
                _update(session, table, target, row, stamp)
                summary.updated += 1
                saved[row.number] = target
                if table == "volunteers":
                    _join_teams(session, target, row, teams)
            else:
                batch.append((row, _insert_values(session, table, row, stamp, next_no, next(uids))))
                summary.imported += 1
        _flush(session, table, batch, saved, teams)
        if progress:
            progress(len(good), len(good))
        session.audit("导入", table, None, None,
                      {"imported": summary.imported, "updated": summary.updated,
                       "skipped": summary.skipped, "rejected": summary.rejected},
                      f"从文件 {source or preview.table.path.name} 导入{KINDS[table]}："
                      f"新增{summary.imported}，更新{summary.updated}，跳过{summary.skipped}，"
                      f"未导入{summary.rejected}")
    return summary


def _teams(session: Session, preview: Preview, stamp: str, summary: Summary) -> dict[str, int]:
    teams = {r["name"]: r["id"] for r in session.db.query("SELECT id, name FROM teams")}
    for name in preview.new_teams:
        if name in teams:
            continue
        if not any(name in r.teams for r in preview.rows if r.ok):
            continue
        row = {"uid": new_uid(), "name": name, "description": "导入台账时新建", "created_at": stamp}
        teams[name] = session.db.table("teams").insert(row).last_pk
        session.audit("新增", "teams", teams[name], None, row, "导入台账时新建")
        summary.new_teams.append(name)
    return teams


class _VolunteerNumbers:
    """The numbers given to volunteers the file leaves without one: ZY<year>-<n> after the
    year's highest in the database, passing over any the file itself gives to other rows
    (a ledger kept with this year's numbers would otherwise collide with them), and any
    already saved. The streamed import of a huge file sees only its rows so far: ``rows``
    is what is known of the file."""

    def __init__(self, session: Session, rows: list[RowCheck]):
        self.db = session.db
        self.year = session.today().year
        self.last = session.db.execute(
            "SELECT max(CAST(substr(volunteer_no, 8) AS INTEGER)) FROM volunteers "
            "WHERE volunteer_no LIKE ?", [f"ZY{self.year}-%"]).fetchone()[0] or 0
        self.taken = {r.values.get("volunteer_no") for r in rows} - {None, ""}

    def next(self) -> str:
        while True:
            self.last += 1
            number = f"ZY{self.year}-{self.last:05d}"
            if number not in self.taken and not self.db.execute(
                    "SELECT 1 FROM volunteers WHERE volunteer_no = ?", [number]).fetchone():
                return number


def _volunteer_counter(session: Session, rows: list[RowCheck]) -> _VolunteerNumbers:
    return _VolunteerNumbers(session, rows)


@contextlib.contextmanager
def _large_page_cache(session: Session) -> Iterator[None]:
    """64 MB of page cache while the rows go in (SQLite's default is 2 MB): the indexes of a
    large ledger then stay in memory instead of being written out and re-read page by page
    (50,000 residents went in 30% faster)."""
    before = session.db.execute("PRAGMA cache_size").fetchone()[0]
    session.db.execute("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        session.db.execute(f"PRAGMA cache_size = {int(before)}")


def _uid_stream() -> Iterator[str]:
    # made a thousand at a time: one call for 50,000 would hold the interpreter for ~30 ms
    while True:
        yield from new_uids(1000)


# Below this many new rows, keeping the indexes up to date row by row costs less than
# rebuilding them.
BULK_ROWS = 5000


# A partial index of rows an import never makes (archived ones, ones with a responsible
# volunteer) stays in place: no new row enters it, while rebuilding it would scan the table.
_IMPORT_LEAVES_OUT = re.compile(r"\b(archived_at|responsible_volunteer_id) IS NOT NULL", re.IGNORECASE)


@contextlib.contextmanager
def _indexes_rebuilt_after(session: Session, table: str, new_rows: int) -> Iterator[None]:
    """A first big import (a whole community's ledger into an empty or smaller table) puts
    the rows in without the table's own indexes and builds them once at the end, inside the
    same transaction: a cancel or failure rolls the indexes back with the rows. Filling five
    indexes row by row took a third of the import's time. The UNIQUE ones (uid, id_number)
    stay: they are the constraints.

    The new rows' street outbox entries are written at the end in one statement too
    (store/outbox_bulk.py): the outbox's insert trigger was 40 % of the inserts' time."""
    existing = session.db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
    if new_rows < BULK_ROWS or new_rows < existing:
        yield
        return
    indexes = [(name, sql) for name, sql in session.db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL", [table]) if not _IMPORT_LEAVES_OUT.search(sql)]
    for name, _sql in indexes:
        session.db.execute(f"DROP INDEX [{name}]")
    outboxed = (table, "team_members") if table == "volunteers" else (table,)
    with inserts_enqueued_at_end(session.db, outboxed):
        yield
    for _name, sql in indexes:
        session.db.execute(sql)


def _insert_values(session: Session, table: str, row: RowCheck, stamp: str,
                   counter: _VolunteerNumbers | None, uid: str) -> dict[str, Any]:
    found = row.values
    if None in found.values():
        given = row.given
        values = {k: v for k, v in found.items() if v is not None or k in given}
    else:   # most rows: one copy in C instead of a comprehension (0.1 s of 50,000 rows)
        values = dict(found)
    values["uid"] = uid
    values["created_at"] = values["updated_at"] = stamp
    if table == "volunteers":
        values.setdefault("status", "在册")
        values.setdefault("joined_on", session.today().isoformat())
        if not values.get("volunteer_no") and counter is not None:
            values["volunteer_no"] = counter.next()
    return values


def _flush(session: Session, table: str, batch: list[tuple[RowCheck, dict[str, Any]]],
           saved: dict[int, int], teams: dict[str, int]) -> None:
    """Insert the waiting rows, one ``executemany`` per run of rows with the same columns.

    Inside our one write transaction nobody else inserts, so the new ids are consecutive and
    end at ``last_insert_rowid()``.
    """
    start = 0
    while start < len(batch):
        columns = tuple(batch[start][1])
        end = start
        while end < len(batch) and tuple(batch[end][1]) == columns:
            end += 1
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        session.db.conn.executemany(sql, [tuple(v.values()) for _, v in batch[start:end]])
        last = session.db.execute("SELECT last_insert_rowid()").fetchone()[0]
        for offset, (row, _values) in enumerate(batch[start:end]):
            saved[row.number] = last - (end - start - 1) + offset
            if table == "volunteers":
                _join_teams(session, saved[row.number], row, teams)
        start = end
    batch.clear()


_DERIVED = {"name_initials", "name_pinyin", "phone_tail", "risk_level"}


def _update(session: Session, table: str, target: int, row: RowCheck, stamp: str) -> None:
    """Only the cells the file filled change; an empty cell never wipes what is saved."""
    current = session.row(table, target) or {}
    values = {k: v for k, v in row.values.items()
              if k in row.given or k in _DERIVED or (k in _PERSON_KEYS and v is not None)}
    if "place" in row.given and "place_id" in row.values:
        values["place_id"] = row.values["place_id"]
    if "community" in row.given and "community_id" in row.values:
        values["community_id"] = row.values["community_id"]
    values = {k: v for k, v in values.items() if k not in ("id",)}
    if row.kept and "notes" not in values:
        # a ledger without a 备注 column adds what it could not read to the saved notes
        # (it replaced them), once however often the file is imported
        notes = current.get("notes") or ""
        if row.kept not in notes:
            values["notes"] = "；".join(x for x in (notes, row.kept) if x)
    if table == "residents":
        merged = {**current, **values}
        values["risk_level"] = resident_risk.level_of(merged, settings.housing_rule(session),
                                                     session.today())
    values["updated_at"] = stamp
    assignments = ", ".join(f"{k} = ?" for k in values)
    session.db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), target])
    session.audit("导入更新", table, target, current, {**current, **values})


def _join_teams(session: Session, volunteer_id: int, row: RowCheck, teams: dict[str, int]) -> None:
    """The row's teams, each with the role the file gives (队员 when it gives none). A member
    already there keeps a role the file does not name; one who had left comes back as 队员.
    A team has one captain (services/people/teams.py): a new one makes the old one 队员."""
    for name in row.teams:
        role = row.team_roles.get(name, "队员")
        if role == "队长":
            session.db.execute("UPDATE team_members SET role = '队员' WHERE team_id = ? AND role = '队长' "
                               "AND left_on IS NULL AND volunteer_id <> ?", [teams[name], volunteer_id])
        session.db.execute(
            "INSERT INTO team_members (uid, team_id, volunteer_id, role, joined_on) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(team_id, volunteer_id) DO UPDATE SET left_on = NULL, role = CASE "
            "WHEN excluded.role <> '队员' THEN excluded.role WHEN left_on IS NOT NULL THEN '队员' ELSE role END",
            [new_uid(), teams[name], volunteer_id, role, session.today().isoformat()])
