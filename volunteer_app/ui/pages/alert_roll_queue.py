"""The roll-call's attempts saved off the GUI thread (issue 15: no GUI block over 100 ms while a
worker logs 1,000 attempts; each commit syncs the file to disk, which the GUI thread felt).

A click becomes a :class:`Pending` attempt: the roll tab shows it at once as the service will
most likely return it (:func:`expected_row`) and moves on, and the attempt is saved through
the one background runner, one job at a time in the order clicked, each in its own
transaction of services/alerts/attempts.py. Once saved, the row the service returned replaces
the expected one and the change is announced, so the board and the other lists refresh after
every attempt; once refused, the row as it was saved before goes back.

The queue is plain Python, not the widget's: a tab closed while attempts wait still saves each
of them (runner.wait_all waits for every job the last one started).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QObject

from ...domain.weather import Need, Result, Via
from ...domain.weather_roll import EntryState, after_attempt, closes_door_visit, door_open
from ...services.alerts import attempts
from ...services.alerts.access import parse_stamp, stamp
from ...services.permissions import PermissionDenied
from ...services.session import Session
from .. import runner

Row = dict[str, Any]


@dataclass
class Pending:
    """One attempt clicked for a roll entry, not yet saved."""

    roll_id: int
    result: Result
    via: Via
    at: datetime                    # when it was clicked: the time of the call
    needs: list[str]
    note: str
    before: Row                     # the entry as last saved: shown again when this is refused
    expected: Row | None = None     # shown at once (None: a dialog waits for the answer instead)
    replies: tuple[Callable[[Row], None], Callable[[BaseException], None]] | None = None


def expected_row(row: Row, result: Result, via: Via, at: datetime, needs: list[str], note: str) -> Row:
    """``row`` as the service will most likely return it once the attempt is saved, from the
    same rule (domain/weather_roll.after_attempt); an escalation to a door visit shows when the
    saved row comes back."""
    state = EntryState(row["state"], parse_stamp(row.get("reached_at")), parse_stamp(row.get("last_attempt_at")),
                       tuple(row.get("needs") or ()), row.get("need_note") or "",
                       bool(row.get("needs")) and not row.get("need_done_at"))
    after = after_attempt(state, result, at, [Need(n) for n in needs], note)
    shown = {**row, "state": after.state, "attempts": (row.get("attempts") or 0) + 1,
             "last_attempt_at": stamp(after.last_attempt_at) if after.last_attempt_at else None,
             "reached_at": stamp(after.reached_at) if after.reached_at else None,
             "needs": list(after.needs), "need_note": after.need_note}
    if after.reached_at:
        shown["waiting_minutes"] = None
    if door_open(row) and closes_door_visit(result, via):
        shown["door_closed_at"] = stamp(at)
    return shown


def _save(session: Session, attempt: Pending) -> tuple[Row, set[str]]:
    """On the job's thread: the attempt in a writing session of its own, and the tables it
    changed (announced by the queue on the GUI thread, which knows they are its own)."""
    worker = runner.open_worker(session, writes=True)
    changed: set[str] = set()
    worker.subscribe(changed.update)
    try:
        row = attempts.log_attempt(worker, attempt.roll_id, attempt.result, needs=attempt.needs,
                                   note=attempt.note, via=attempt.via, at=attempt.at)
    finally:
        worker.db.close()
    return row, changed


class AttemptQueue:
    """Saves attempts in the order added, one runner job at a time. ``saved(attempt, row)``,
    ``refused(attempt, error)`` and ``drained()`` are called on the GUI thread while ``owner``
    lives; a bug (not a refusal) is raised after the queue moved on."""

    def __init__(self, owner: QObject, session: Session, saved: Callable[[Pending, Row], None],
                 refused: Callable[[Pending, BaseException], None], drained: Callable[[], None]):
        self._owner, self._session = owner, session
        self._saved, self._refused, self._drained = saved, refused, drained
        self._waiting: deque[Pending] = deque()
        self._current: Pending | None = None
        self.announcing = False     # True while this queue's own change notice goes out

    @property
    def busy(self) -> bool:
        """An attempt is being saved or waits to be."""
        return self._current is not None

    def pending(self) -> list[Pending]:
        return ([self._current] if self._current else []) + list(self._waiting)

    def last_saved(self, roll_id: int) -> Row | None:
        """The entry as last saved, while attempts on it are still pending."""
        return next((p.before for p in self.pending() if p.roll_id == roll_id), None)

    def waits_for(self, roll_id: int) -> bool:
        """An attempt on the entry is still waiting behind the one being saved."""
        return any(p.roll_id == roll_id for p in self._waiting)

    def add(self, attempt: Pending) -> None:
        self._waiting.append(attempt)
        if self._current is None:
            self._next()

    def _next(self) -> None:
        if not self._waiting:
            self._current = None
            return
        self._current = attempt = self._waiting.popleft()
        if self._session.path is None:          # in memory: no other thread can open it
            self._run_here(attempt)
            return
        runner.start(_save, self._session, attempt, done=self._on_saved, failed=self._on_failed)

    def _run_here(self, attempt: Pending) -> None:
        try:
            self.announcing = True
            row = attempts.log_attempt(self._session, attempt.roll_id, attempt.result, needs=attempt.needs,
                                       note=attempt.note, via=attempt.via, at=attempt.at)
        except BaseException as error:     # noqa: BLE001 (handed on as the runner does)
            self.announcing = False
            self._on_failed(error)
            return
        self.announcing = False
        self._on_saved((row, set()))

    def _on_saved(self, result: tuple[Row, set[str]]) -> None:
        row, changed = result
        attempt = self._current
        for later in self._waiting:
            if later.roll_id == row["id"]:
                later.before = row
        self._announce(changed)
        self._next()                # the next one is saved while this one is shown
        try:
            if attempt is not None and self._alive():
                self._saved(attempt, row)
        finally:
            self._after()

    def _on_failed(self, error: BaseException) -> None:
        attempt = self._current
        self._next()
        try:
            if attempt is not None and self._alive():
                self._refused(attempt, error)
        finally:
            self._after()
        if not isinstance(error, ValueError | PermissionDenied):    # AlertError is a ValueError
            raise error             # a bug: the app's handler reports it

    def _announce(self, tables: set[str]) -> None:
        self.announcing = True
        try:
            self._session.announce(tables)
        finally:
            self.announcing = False

    def _after(self) -> None:
        if self._current is None and self._alive():
            self._drained()

    def _alive(self) -> bool:
        return shiboken6.isValid(self._owner)
