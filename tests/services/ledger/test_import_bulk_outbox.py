"""A bulk import enqueues its new rows for the street in one statement at the end
(store/outbox_bulk.py): the outbox must hold what the per-row triggers would have written,
and a cancelled or failed import must leave the triggers in place and nothing enqueued."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from ledger_fixtures import write_csv

from volunteer_app.services.ledger import (
    import_apply,
    import_check,
    import_header,
    import_rows,
    ledger_stream,
)
from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.store.connection import open_database

ROWS = 300


def _residents(tmp_path):
    rows = [["姓名", "性别", "出生日期", "手机号", "楼号"]] + [
        [f"王{chr(0x4e00 + i % 3000)}{chr(0x4e00 + i // 3000)}", "男女"[i % 2], "1936-02-03",
         f"138{i:08d}", f"{i % 7 + 1}号楼"] for i in range(ROWS)]
    return write_csv(tmp_path / "residents.csv", rows, "utf-8-sig")


def _volunteers(tmp_path):
    rows = [["姓名", "性别", "出生日期", "手机号", "所属队伍"]] + [
        [f"李{chr(0x4e00 + i % 3000)}{chr(0x4e00 + i // 3000)}", "男女"[i % 2], "1990-04-05",
         f"137{i:08d}", "巡逻队" if i % 3 else "巡逻队，助老队"] for i in range(ROWS)]
    return write_csv(tmp_path / "volunteers.csv", rows, "utf-8-sig")


LEDGERS = {"residents": _residents, "volunteers": _volunteers}


def _outbox(db) -> list[tuple[str, str, str]]:
    """The outbox in seq order, each row named by what the import gave it (its uid is random)."""
    names = {uid: name for uid, name in db.execute(
        "SELECT uid, name || phone FROM residents UNION ALL SELECT uid, name || phone FROM volunteers "
        "UNION ALL SELECT m.uid, t.name || '/' || v.name || v.phone FROM team_members m "
        "JOIN teams t ON t.id = m.team_id JOIN volunteers v ON v.id = m.volunteer_id "
        "UNION ALL SELECT uid, name FROM teams")}
    return [(tbl, op, names[uid]) for tbl, uid, op in
            db.execute("SELECT tbl, uid, op FROM street_outbox ORDER BY seq")]


def _triggers(db) -> set[tuple[str, str]]:
    return set(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def _import_window(session, path, kind):
    table, mapping = import_header.load(path, kind)
    return import_apply.apply(session, import_check.check(session, table, mapping, kind))


def _import_stream(session, path, kind):
    return ledger_stream.import_file(session, path, kind).summary


def _row_by_row(tmp_path, path, kind, how, monkeypatch):
    monkeypatch.setattr(import_apply, "BULK_ROWS", 10**9)
    db = open_database(tmp_path / f"row-by-row-{kind}.sqlite3")
    try:
        assert how(Session(db, BUILTIN_ADMIN), path, kind).imported == ROWS
        return _outbox(db)
    finally:
        db.close()


@pytest.mark.parametrize("how", [_import_window, _import_stream])
@pytest.mark.parametrize("kind", ["residents", "volunteers"])
def test_a_bulk_import_enqueues_what_the_row_triggers_would(session, tmp_path, monkeypatch, kind, how):
    path = LEDGERS[kind](tmp_path)
    expected = _row_by_row(tmp_path, path, kind, how, monkeypatch)
    monkeypatch.setattr(import_apply, "BULK_ROWS", 100)
    triggers = _triggers(session.db)
    first_seq = session.db.execute("SELECT coalesce(max(seq), 0) FROM street_outbox").fetchone()[0]
    schema = session.db.execute("PRAGMA schema_version").fetchone()[0]
    started = datetime.now().replace(microsecond=0)
    assert how(session, path, kind).imported == ROWS
    assert session.db.execute("PRAGMA schema_version").fetchone()[0] > schema   # it was bulk
    assert _triggers(session.db) == triggers                                   # and put back
    got = _outbox(session.db)
    # residents: one each; volunteers: one each, two teams, 400 memberships
    assert sorted(got) == sorted(expected) and len(got) == (ROWS if kind == "residents" else 702)
    for table in ("residents", "volunteers", "team_members", "teams"):     # each table in order
        assert [r for r in got if r[0] == table] == [r for r in expected if r[0] == table]
    # the tables are enqueued one after the other (the triggers interleave them 250 rows at a
    # time): a volunteer still comes before their memberships
    position = {r[2]: at for at, r in enumerate(got)}
    assert all(position[member.split("/")[1]] < at
               for at, (table, _op, member) in enumerate(got) if table == "team_members")
    at = {datetime.fromisoformat(a) for (a,) in session.db.execute(
        "SELECT at FROM street_outbox WHERE seq > ?", [first_seq])}
    assert all(started <= a <= datetime.now() for a in at)


def test_triggers_still_enqueue_after_a_bulk_import(session, tmp_path, monkeypatch):
    monkeypatch.setattr(import_apply, "BULK_ROWS", 100)
    _import_window(session, _residents(tmp_path), "residents")
    session.db.execute("DELETE FROM street_outbox")
    session.db.execute("INSERT INTO residents (uid, name, created_at, updated_at) "
                       "VALUES ('later', '赵后来', '2026-11-28T09:00:00', '2026-11-28T09:00:00')")
    assert session.db.execute("SELECT tbl, uid, op FROM street_outbox").fetchall() == [
        ("residents", "later", "upsert")]


def test_a_cancelled_bulk_import_keeps_the_triggers_and_enqueues_nothing(session, tmp_path, monkeypatch):
    monkeypatch.setattr(import_apply, "BULK_ROWS", 100)
    triggers = _triggers(session.db)
    outbox = _outbox(session.db)
    table, mapping = import_header.load(_volunteers(tmp_path), "volunteers")
    preview = import_check.check(session, table, mapping, "volunteers")
    cancel = threading.Event()
    with pytest.raises(import_rows.ImportCancelled):
        import_apply.apply(session, preview, cancel=cancel,
                           progress=lambda done, total: done >= 250 and cancel.set())
    assert _triggers(session.db) == triggers
    assert _outbox(session.db) == outbox
    assert session.db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 0


def test_a_failed_streamed_bulk_import_keeps_the_triggers_and_enqueues_nothing(session, tmp_path,
                                                                              monkeypatch):
    monkeypatch.setattr(import_apply, "BULK_ROWS", 100)
    monkeypatch.setattr(ledger_stream, "CHUNK", 100)
    triggers = _triggers(session.db)
    path = _residents(tmp_path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("孙无号,男,1940-01-01,12345,1号楼\n")          # a bad phone: the last row
    outcome = ledger_stream.import_file(session, path, "residents", all_or_nothing=True)
    assert not outcome.saved and outcome.summary.rejected == 1
    assert _triggers(session.db) == triggers
    assert session.db.execute("SELECT count(*) FROM street_outbox").fetchone()[0] == 0
    assert session.db.execute("SELECT count(*) FROM residents").fetchone()[0] == 0
