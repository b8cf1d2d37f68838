"""The server's half of publishing: the source's acknowledged state and the guarded batches.

Every write here is ONE server transaction that starts by updating the file's own
``street.sources`` row WHERE it still holds the state this publisher read: that row lock
serialises publishers of one file, and a publisher that finds the state moved on (another
one ran in between) stops with :class:`StreetServerError` before writing a single row.
A full re-send runs with ``acked_seq = FULL_IN_PROGRESS``, so a run cut off half-way is
seen as unfinished by the next one, whatever the file's own acked number is.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import psycopg
from psycopg import errors as pg_errors

from .server import BUSY, StreetServerError

FULL_IN_PROGRESS = -1
_LOCK_PREFIX = "street.publish:"
LOCK_WAIT_SECONDS = 3


@dataclass(frozen=True)
class SourceState:
    """The server's ``street.sources`` row of one file: what it has acknowledged."""

    acked_seq: int
    acked_from: int
    acked_digest: str
    generation: int


@dataclass(frozen=True)
class Row:
    """One row to send: its JSON text, or None for a tombstone (the row is gone)."""

    table: str
    uid: str
    data: str | None
    seq: int


# The batch travels as five arrays in binary (an array's text form costs the server ~100 ms
# per 500 rows to parse); jsonb from each text element. One statement, one round trip.
_UPSERT = """
INSERT INTO street.rows AS r (source_uid, tbl, uid, data, deleted, generation, seq, updated_at)
SELECT %b, t.tbl, t.uid, t.data::jsonb, t.deleted, %b, t.seq, now()
FROM unnest(%b::text[], %b::text[], %b::text[], %b::boolean[], %b::bigint[])
     AS t(tbl, uid, data, deleted, seq)
ON CONFLICT (source_uid, tbl, uid) DO UPDATE
SET data = EXCLUDED.data, deleted = EXCLUDED.deleted, generation = EXCLUDED.generation,
    seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
"""


def state(conn: psycopg.Connection, source_uid: str) -> SourceState | None:
    """The source's row as this role sees it (row-level security hides other files')."""
    row = conn.execute(
        "SELECT acked_seq, acked_from, acked_digest, generation FROM street.sources"
        " WHERE source_uid = %s", (source_uid,)).fetchone()
    return SourceState(*row) if row else None


def register(conn: psycopg.Connection, source_uid: str, name: str) -> SourceState:
    """The file's first publish to this server: its sources row, marked as a full re-send
    not yet done (so a run killed right after this still sends everything next time). A
    file copied from another community's PC, or a role already publishing another file, is
    refused here (the server's unique keys; server.explain says which)."""
    with conn.transaction():
        conn.execute("INSERT INTO street.sources (source_uid, name, acked_seq)"
                     " VALUES (%s, %s, %s)", (source_uid, name, FULL_IN_PROGRESS))
    return SourceState(FULL_IN_PROGRESS, 0, "", 0)


@contextlib.contextmanager
def publishing_lock(conn: psycopg.Connection, source_uid: str) -> Iterator[None]:
    """One publisher per file at a time, across processes and PCs: a session-level advisory
    lock, which the server releases by itself when a killed publisher's connection drops.
    A second publisher waits a moment (a killed one's connection takes that long to go),
    then refuses."""
    key = _LOCK_PREFIX + source_uid
    try:
        with conn.transaction():
            conn.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT_SECONDS}s'")
            conn.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))", (key,))
    except pg_errors.LockNotAvailable:
        raise StreetServerError(BUSY) from None
    try:
        yield
    finally:
        with contextlib.suppress(psycopg.Error):
            if not conn.closed:
                conn.execute("SELECT pg_advisory_unlock(hashtextextended(%s, 0))", (key,))


@contextlib.contextmanager
def guarded(conn: psycopg.Connection, source_uid: str, expect: SourceState,
            set_sql: str, params: Sequence[object]) -> Iterator[psycopg.Connection]:
    """A server transaction that first moves the sources row from ``expect`` (``SET
    set_sql``), refusing when the row is no longer there: another publisher got in between."""
    with conn.transaction():
        moved = conn.execute(
            f"UPDATE street.sources SET {set_sql}"
            " WHERE source_uid = %s AND acked_seq = %s AND generation = %s",
            (*params, source_uid, expect.acked_seq, expect.generation))
        if moved.rowcount != 1:
            raise StreetServerError(BUSY)
        yield conn


def send_rows(conn: psycopg.Connection, source_uid: str, generation: int,
              rows: Sequence[Row]) -> None:
    """Upsert ``rows`` (tombstones for the gone ones) in one statement, inside the caller's
    transaction: one round trip for a whole batch."""
    if not rows:
        return
    conn.execute(_UPSERT, (
        source_uid, generation,
        [r.table for r in rows], [r.uid for r in rows],
        ["{}" if r.data is None else r.data for r in rows],
        [r.data is None for r in rows], [r.seq for r in rows]))


def sweep_older(conn: psycopg.Connection, source_uid: str, generation: int, seq: int) -> int:
    """After a full re-send, every row it did not send again is gone from the file: make it
    a tombstone. Returns how many."""
    cursor = conn.execute(
        "UPDATE street.rows SET deleted = true, data = '{}'::jsonb, generation = %s, seq = %s,"
        " updated_at = now() WHERE source_uid = %s AND generation < %s AND NOT deleted",
        (generation, seq, source_uid, generation))
    return max(cursor.rowcount, 0)
