"""Publishing a community file to the street office's PostgreSQL (issue 14).

The file's outbox (outbox.py) numbers every change; the server's ``street.sources`` row
says up to which number it has taken this file's changes. When the two agree, only what
waits in the outbox is sent, in batches, each ONE server transaction that also moves the
server's number; the file forgets a batch only after the server committed it. When they
disagree (a file restored from an older copy, a server restored from a backup, a first
publish, a re-send cut off half-way, a new street key) everything is sent again under a new generation and
what the server holds of older generations becomes tombstones: the server then equals the
file, whatever happened before. Killed at any moment, the next run finishes the job.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import psycopg

from ..session import Session
from . import outbox, publish_rows, publish_server, server
from .hangup import Hangup
from .publish_server import FULL_IN_PROGRESS, Row, SourceState
from .server import StreetServerError

Progress = Callable[[int, int], None]


@dataclass
class PublishResult:
    sent: int           # rows sent (tombstones included)
    deleted: int        # of which tombstones
    full: bool          # everything was sent again
    acked_seq: int      # the outbox number the server and the file now agree on
    waiting: int        # changes made while publishing, left for the next run
    at: datetime


def publish(session: Session, url: str, password: str | None, key: bytes | None, *,
            batch_size: int = 500, progress: Progress | None = None,
            hangup: Hangup | None = None) -> PublishResult:
    """Send this file's changes to the street server at ``url`` (see the module's text).
    Raises StreetServerError (one Chinese line) when the server cannot be reached, refuses,
    or another publisher of this file is running; what was acknowledged before stays so.
    ``hangup.cut()`` from another thread abandons it (hangup.Abandoned) wherever it waits
    on the server."""
    today = session.today()
    outbox.enqueue_band_changes(session, today)
    source_uid = outbox.source_uid(session)
    conn = server.connect(url, password, hangup=hangup)
    held = hangup.holding(conn.fileno()) if hangup is not None else contextlib.nullcontext()
    try:
        with held:
            conn.autocommit = True      # each batch is its own explicit transaction
            with publish_server.publishing_lock(conn, source_uid):
                run = _Run(session, conn, source_uid, key, today, max(1, batch_size), progress)
                return run.go()
    except (psycopg.Error, StreetServerError) as error:
        if hangup is not None:
            hangup.check()          # it failed because it was cut off: say so
        if isinstance(error, StreetServerError):
            raise
        raise StreetServerError(server.explain(error)) from error
    finally:
        conn.close()


class _Run:
    def __init__(self, session: Session, conn: psycopg.Connection, source_uid: str,
                 key: bytes | None, today: date, batch_size: int, progress: Progress | None):
        self.session, self.conn, self.source_uid = session, conn, source_uid
        self.key, self.today, self.batch_size = key, today, batch_size
        self.progress = progress
        self.sent = self.deleted = 0

    def go(self) -> PublishResult:
        known = publish_server.state(self.conn, self.source_uid)
        if known is None:
            names = publish_rows.community_names(self.session, self.key, self.today)
            known = publish_server.register(self.conn, self.source_uid, names)
        local = outbox.acked_seq(self.session)
        if self._adoptable(known, local):
            outbox.set_acked(self.session, known.acked_seq, datetime.now())
            local = known.acked_seq
        full = (known.acked_seq != local or known.generation == 0     # never sent in full
                or publish_rows.key_changed(self.session, self.key))   # every ID hash moved
        acked = self._full(known) if full else self._incremental(known)
        return PublishResult(self.sent, self.deleted, full, acked,
                             outbox.pending_count(self.session), datetime.now())

    # -- the file and the server agree: what waits in the outbox -----------------------------
    def _incremental(self, known: SourceState) -> int:
        total = outbox.pending_count(self.session)
        latest = publish_rows.latest_seqs(self.session)
        after = start = known.acked_seq
        while changes := outbox.pending(self.session, after, self.batch_size):
            through = max(c.seq for c in changes)
            current = publish_rows.still_current(changes, through, latest)
            rows = publish_rows.rows_of(self.session, current, self.key, self.today)
            digest = publish_rows.digest(self.session, after, through, rows)
            with publish_server.guarded(
                    self.conn, self.source_uid, known,
                    "acked_seq = %s, acked_from = %s, acked_digest = %s, last_published = now()",
                    (through, after, digest)):
                publish_server.send_rows(self.conn, self.source_uid, known.generation, rows)
            known = SourceState(through, after, digest, known.generation)
            self._acked(through, rows)
            after = through
            self._report(total)
        if after == start:      # nothing waited: tell the street this file is alive
            with publish_server.guarded(self.conn, self.source_uid, known,
                                        "last_published = now()", ()):
                pass
            outbox.set_acked(self.session, after, datetime.now())
        return after

    def _adoptable(self, known: SourceState, local: int) -> bool:
        """The server took a batch and the file was stopped before it noted so: true when the
        server's last batch is exactly what this file would send for the same range, so it
        is noted now instead of sending everything again."""
        return bool(known.acked_seq > local == known.acked_from and known.acked_digest
                    and known.acked_digest == publish_rows.digest_now(
                        self.session, local, known.acked_seq, self.key, self.today))

    # -- they disagree: everything again, under a new generation -----------------------------
    def _full(self, known: SourceState) -> int:
        through = outbox.max_seq(self.session)   # read before any row: later changes stay queued
        since = outbox.acked_seq(self.session)
        known = self._new_generation(known)
        total = publish_rows.total_rows(self.session)
        for rows in publish_rows.all_rows(self.session, self.key, self.today, through,
                                          self.batch_size):
            with publish_server.guarded(self.conn, self.source_uid, known,
                                        "acked_seq = acked_seq", ()):
                publish_server.send_rows(self.conn, self.source_uid, known.generation, rows)
            self.sent += len(rows)
            self._report(total)
        names = publish_rows.community_names(self.session, self.key, self.today)
        with publish_server.guarded(
                self.conn, self.source_uid, known,
                "acked_seq = %s, acked_from = %s, acked_digest = '', name = %s,"
                " last_published = now()", (through, since, names)):
            gone = publish_server.sweep_older(self.conn, self.source_uid, known.generation,
                                              through)
        self.sent += gone
        self.deleted += gone
        outbox.set_acked(self.session, through, datetime.now())
        publish_rows.note_key(self.session, self.key)
        return through

    def _new_generation(self, known: SourceState) -> SourceState:
        with publish_server.guarded(self.conn, self.source_uid, known,
                                    "generation = generation + 1, acked_seq = %s",
                                    (FULL_IN_PROGRESS,)):
            pass
        return SourceState(FULL_IN_PROGRESS, known.acked_from, "", known.generation + 1)

    # -- bookkeeping ----------------------------------------------------------------------------
    def _acked(self, through: int, rows: list[Row]) -> None:
        outbox.set_acked(self.session, through, datetime.now())
        self.sent += len(rows)
        self.deleted += sum(1 for r in rows if r.data is None)

    def _report(self, total: int) -> None:
        if self.progress:
            self.progress(min(self.sent, total), max(total, self.sent))
