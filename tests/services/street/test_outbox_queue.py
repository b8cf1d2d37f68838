"""Reading the outbox in batches: one change per row (its latest), acknowledging a batch,
and the residents whose published data moves with the calendar alone."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from street_outbox_world import emptied, queued

from volunteer_app.domain.people import years_before
from volunteer_app.services.admin import settings
from volunteer_app.services.street import outbox
from volunteer_app.services.street.outbox import Change

STAMP = "2026-01-01T00:00:00"


def _community(session, uid: str) -> None:
    with session.write("communities"):
        session.db.execute("INSERT INTO communities (uid, name, created_at) VALUES (?, ?, ?)",
                           [uid, f"社区{uid}", STAMP])


def _rename(session, uid: str, times: int) -> None:
    for n in range(times):
        with session.write("communities"):
            session.db.execute("UPDATE communities SET name = ? WHERE uid = ?", [f"第{n}社区", uid])


def test_a_row_changed_a_hundred_times_is_sent_once_with_its_last_operation(session):
    emptied(session)
    start = outbox.max_seq(session)
    _community(session, "a")
    _rename(session, "a", 100)
    _community(session, "b")
    with session.write("communities"):
        session.db.execute("DELETE FROM communities WHERE uid = 'a'")
    last = outbox.max_seq(session)
    assert last == start + 103
    assert outbox.pending(session, start, 1000) == [Change(start + 102, "communities", "b", "upsert"),
                                                    Change(start + 103, "communities", "a", "delete")]
    assert outbox.pending_count(session) == 2
    # a batch ends where its limit does: the row's latest change within it, nothing after
    assert outbox.pending(session, start, 50) == [Change(start + 50, "communities", "a", "upsert")]
    assert outbox.pending(session, start + 50, 60) == [Change(start + 102, "communities", "b", "upsert"),
                                                       Change(start + 103, "communities", "a", "delete")]
    assert outbox.pending(session, last, 500) == []


def test_acknowledging_forgets_the_batch_and_numbers_go_on(session):
    emptied(session)
    _community(session, "a")
    _rename(session, "a", 3)
    _community(session, "b")
    batch = outbox.pending(session, outbox.acked_seq(session), 4)
    assert [c.uid for c in batch] == ["a"]
    outbox.set_acked(session, batch[-1].seq, datetime(2026, 11, 28, 10, 15, 30, 999))
    assert outbox.acked_seq(session) == batch[-1].seq
    assert queued(session) == [("communities", "b", "upsert")]
    assert outbox.pending_count(session) == 1
    last = outbox.max_seq(session)
    outbox.set_acked(session, last, datetime(2026, 11, 28, 10, 16))
    assert queued(session) == [] and outbox.pending_count(session) == 0
    assert outbox.max_seq(session) == last    # not back to 0 once every row is gone
    _community(session, "c")
    assert outbox.pending(session, last, 10) == [Change(last + 1, "communities", "c", "upsert")]
    value = session.db.execute("SELECT value FROM settings WHERE key = 'street.last_published'").fetchone()[0]
    assert value == '"2026-11-28T10:16:00"'


def test_a_failed_acknowledgement_keeps_every_change(session):
    emptied(session)
    _community(session, "a")
    before, acked = queued(session), outbox.acked_seq(session)
    session.db.execute("CREATE TRIGGER refuse BEFORE UPDATE ON settings WHEN NEW.key = 'street.last_published' "
                       "BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    with pytest.raises(Exception, match="disk full"):
        outbox.set_acked(session, outbox.max_seq(session), datetime(2026, 11, 28, 10, 0))
    assert queued(session) == before and outbox.acked_seq(session) == acked


def _born(today: date, years: int, days_later: int) -> str:
    """The birth date of someone who turns ``years`` ``days_later`` days after ``today``."""
    return years_before(today + timedelta(days=days_later), years)


def test_residents_whose_data_moves_with_the_calendar_are_enqueued(full_demo_session):
    session = full_demo_session
    today = session.today()
    later = today + timedelta(days=10)
    settings.put(session, "housing.elder_age", 65)       # a line of 悬空 that is no band's
    turning = {"turns_90": _born(today, 90, 5), "turns_65": _born(today, 65, 3)}
    for offset, (name, birth) in enumerate(turning.items()):
        session.db.execute("UPDATE residents SET birth_date = ?, cannot_use_stairs = ? WHERE id = "
                           "(SELECT min(id) + ? FROM residents)", [birth, int(name == "turns_65"), offset])
    emptied(session)
    assert outbox.enqueue_band_changes(session, today) == 0        # the first check notes the day
    assert queued(session) == []
    uids = outbox.all_uids(session, "residents")
    now, then = (outbox.row_data(session, "residents", uids, None, day) for day in (today, later))
    moved = {uid for uid in uids if now[uid] != then[uid]}
    count = outbox.enqueue_band_changes(session, later)
    enqueued = {uid for _, uid, _ in queued(session, "residents")}
    assert count == len(enqueued) and moved <= enqueued
    planted = {uid for (uid,) in session.db.execute("SELECT uid FROM residents WHERE birth_date IN (?, ?)",
                                                    list(turning.values()))}
    assert len(planted) == 2 and planted <= moved
    assert {now[u]["age_band"] for u in planted} == {"80-89", "60-69"}
    assert [then[u]["stranded"] for u in planted if now[u]["age_band"] == "60-69"] == [True]
    assert outbox.enqueue_band_changes(session, later) == 0         # the same day again: nothing
