"""Community files and what a street server holds of them, for the publishing tests.

A community file is a copy of the demo; a second one gets its own source uid and its own
communities (uids and names), as a second community's PC would have. What the server must
hold of a file is its projection: outbox.row_data of every row of every published table.
"""

from __future__ import annotations

import json
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg

from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.services.street import outbox
from volunteer_app.services.street.published import PUBLISHED
from volunteer_app.store.connection import open_database

# The street's key for the volunteers' ID hash in these tests (never a real one).
KEY = b"test street key"

Projection = dict[str, dict[str, dict]]


@dataclass
class CommunityFile:
    path: Path
    session: Session

    def close(self) -> None:
        self.session.db.close()

    def reopen(self) -> None:
        self.session = open_file(self.path, self.session.today).session


def open_file(path: Path, today) -> CommunityFile:
    return CommunityFile(path, Session(open_database(path), BUILTIN_ADMIN, today=today))


def community_file(template: Path, folder: Path, today, tag: str = "") -> CommunityFile:
    """A copy of the demo at ``folder``; with ``tag``, a different community's file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "community.sqlite3"
    shutil.copy(template, path)
    opened = open_file(path, today)
    if tag:
        _own_identity(opened.session, tag)
    return opened


def checkpointed_copy(file: CommunityFile, target: Path) -> None:
    """The file as it is now, its WAL folded in first (a copy of the main file alone may
    miss the latest commits)."""
    file.session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(file.path.read_bytes())


def put_back(file: CommunityFile, copy: Path) -> None:
    """Restore an older copy over the file, as a user restoring a backup by hand would."""
    file.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{file.path}{suffix}").unlink(missing_ok=True)
    file.path.write_bytes(copy.read_bytes())
    file.reopen()


def _own_identity(session: Session, tag: str) -> None:
    """Another PC's file: its own source uid, its communities renamed with new uids."""
    with session.write("settings", "communities") as db:
        db.execute("UPDATE settings SET value = ? WHERE key = 'street.source_uid'",
                   [json.dumps(str(uuid.uuid4()))])
        for (cid,) in db.execute("SELECT id FROM communities").fetchall():
            db.execute("UPDATE communities SET uid = ?, name = name || ? WHERE id = ?",
                       [str(uuid.uuid4()), tag, cid])


def projection(session: Session, key: bytes | None = KEY) -> Projection:
    """What the server should hold of this file, table by table (gone rows left out)."""
    out: Projection = {}
    for table in PUBLISHED:
        uids = outbox.all_uids(session, table.table)
        data = outbox.row_data(session, table.table, uids, key, session.today())
        out[table.table] = {uid: _round_trip(d) for uid, d in data.items() if d is not None}
    return out


def _round_trip(data: dict) -> dict:
    """As jsonb gives it back (a date as text, a tuple as a list)."""
    return json.loads(json.dumps(data, ensure_ascii=False))


def on_server(admin_url: str, source_uid: str) -> Projection:
    """The server's live rows of one source, table by table (tombstones left out)."""
    out: Projection = {t.table: {} for t in PUBLISHED}
    with psycopg.connect(admin_url) as conn:
        for tbl, uid, data in conn.execute(
                "SELECT tbl, uid, data FROM street.rows WHERE source_uid = %s AND NOT deleted",
                (source_uid,)):
            out.setdefault(tbl, {})[uid] = data
    return out


def tombstones(admin_url: str, source_uid: str) -> set[tuple[str, str]]:
    with psycopg.connect(admin_url) as conn:
        return {(t, u) for t, u in conn.execute(
            "SELECT tbl, uid FROM street.rows WHERE source_uid = %s AND deleted", (source_uid,))}


def server_source(admin_url: str, source_uid: str) -> dict:
    with psycopg.connect(admin_url) as conn:
        cursor = conn.execute("SELECT * FROM street.sources WHERE source_uid = %s", (source_uid,))
        names = [c.name for c in cursor.description]
        row = cursor.fetchone()
    return dict(zip(names, row, strict=True)) if row else {}


def row_versions(admin_url: str, source_uid: str) -> dict[tuple[str, str], tuple]:
    """Each server row's (generation, seq, updated_at): what a second run must leave alone."""
    with psycopg.connect(admin_url) as conn:
        return {(t, u): (g, s, at) for t, u, g, s, at in conn.execute(
            "SELECT tbl, uid, generation, seq, updated_at FROM street.rows WHERE source_uid = %s",
            (source_uid,))}


def assert_equal(admin_url: str, file: CommunityFile, key: bytes | None = KEY) -> None:
    """The server holds exactly the file's projection: no row missing, none extra, none stale."""
    want = projection(file.session, key)
    have = on_server(admin_url, outbox.source_uid(file.session))
    for table in want:
        missing = want[table].keys() - have[table].keys()
        extra = have[table].keys() - want[table].keys()
        stale = [u for u in want[table].keys() & have[table].keys()
                 if want[table][u] != have[table][u]]
        assert not (missing or extra or stale), (
            f"{table}: {len(missing)} missing, {len(extra)} extra, {len(stale)} stale"
            f" (e.g. {sorted(missing)[:2]} {sorted(extra)[:2]} {stale[:2]})")
    assert outbox.pending_count(file.session) == 0
