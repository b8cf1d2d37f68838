"""Migration 16 and its triggers: every change to a published table is in the outbox with
the change, in the same transaction; a change to nothing published costs no outbox row."""

from __future__ import annotations

import re
import shutil
import sqlite3
import uuid

import pytest
from street_outbox_world import emptied, queued

from volunteer_app.services.session import Session
from volunteer_app.services.street import outbox
from volunteer_app.services.street.published import PUBLISHED
from volunteer_app.store.connection import open_database
from volunteer_app.store.street_outbox import WATCHED, m_street_outbox

# One change of a published column per table (on a row the WHERE picks), and one of a column
# that is never published.
PUBLISHED_CHANGE = {
    "communities": ("street = street || '一'", "1"), "places": ("name = name || '一'", "1"),
    "teams": ("name = name || '一'", "1"), "service_types": ("name = name || '一'", "1"),
    "volunteers": ("status = '暂停'", "status = '在册'"), "team_members": ("joined_on = '2020-01-01'", "1"),
    "residents": ("building = '99号楼'", "1"), "pairings": ("visit_every_days = 99", "1"),
    "visits": ("minutes = 99", "1"), "tasks": ("ends_on = '2099-01-01'", "1"),
    "shifts": ("end_time = '23:59'", "1"), "assignments": ("state = '缺席'", "1"),
    "service_records": ("hours = 9.5", "status = '已记录'"), "alerts": ("level = '红色'", "1"),
    "alert_communities": ("open = 1", "1"), "alert_roll": ("attempts = attempts + 1", "1"),
    "requests": ("reopened = reopened + 1", "1"),
}
PRIVATE_CHANGE = {
    "communities": "created_at = '2020-01-01T00:00:00'", "places": "address = '某路1号'",
    "teams": "description = '说明'", "service_types": "intensity = '重'",
    "volunteers": "name = '改名', phone = '13900000000', notes = '备注'",
    "team_members": "rota_group = 'B'", "residents": "name = '改名', phone = '13900000000', "
    "health_notes = '高血压', notes = '备注', room = '909'",
    "pairings": "score = 1.5, reasons = '[]'", "visits": "health = '良好', problem = '无'",
    "tasks": "title = '改名', description = '说明'", "shifts": "notes = '说明'",
    "assignments": "note = '说明'", "service_records": "content = '内容', evaluation = '好'",
    "alerts": "notice = '通知'", "alert_roll": "need_note = '说明'",
    "requests": "content = '内容', caller_name = '改名', caller_phone = '13900000000'",
}
SAFE_TO_DELETE = {"service_records": "status = '已记录'"}   # a locked record refuses it

@pytest.fixture
def street_demo(full_demo_session):
    """The whole demo (last winter's warning included), nothing waiting to be published."""
    return emptied(full_demo_session)


def _row(session, table: str, where: str = "1") -> tuple[int, str]:
    return tuple(session.db.execute(f"SELECT id, uid FROM [{table}] WHERE {where} ORDER BY id LIMIT 1").fetchone())


def test_every_table_of_the_declaration_has_triggers_watching_every_column_it_reads():
    for table in PUBLISHED:
        read = set(re.findall(r"\bt\.(\w+)", table.select)) - {"id", "uid"}
        assert read <= set(WATCHED[table.table]), table.table
    assert set(WATCHED) == {table.table for table in PUBLISHED}


@pytest.mark.parametrize("table", sorted(PUBLISHED_CHANGE))
def test_a_published_change_is_queued_and_a_private_one_is_not(street_demo, table):
    change, where = PUBLISHED_CHANGE[table]
    row_id, uid = _row(street_demo, table, where)
    if table in PRIVATE_CHANGE:
        with street_demo.write(table):
            street_demo.db.execute(f"UPDATE [{table}] SET {PRIVATE_CHANGE[table]} WHERE id = ?", [row_id])
        assert queued(street_demo) == []
    with street_demo.write(table):
        street_demo.db.execute(f"UPDATE [{table}] SET {change} WHERE id = ?", [row_id])
    assert (table, uid, "upsert") in queued(street_demo, table)
    assert outbox.pending_count(street_demo) >= 1


@pytest.mark.parametrize("table", [t.table for t in PUBLISHED])
def test_a_delete_and_an_insert_are_queued_and_nothing_of_a_rolled_back_change(street_demo, table):
    row_id, uid = _row(street_demo, table, SAFE_TO_DELETE.get(table, "1"))
    db = street_demo.db

    def delete_and_insert_again():
        db.execute("PRAGMA defer_foreign_keys = ON")   # others point at it until it is back
        db.execute(f"CREATE TEMP TABLE kept AS SELECT * FROM [{table}] WHERE id = ?", [row_id])
        db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
        db.execute(f"INSERT INTO [{table}] SELECT * FROM temp.kept")
        db.execute("DROP TABLE temp.kept")

    with pytest.raises(RuntimeError), street_demo.write(table):
        delete_and_insert_again()
        assert queued(street_demo, table)[:2] == [(table, uid, "delete"), (table, uid, "upsert")]
        raise RuntimeError("the save fails")
    assert queued(street_demo) == []
    with street_demo.write(table):
        delete_and_insert_again()
    assert queued(street_demo, table)[:2] == [(table, uid, "delete"), (table, uid, "upsert")]


def _drop_street_outbox(path) -> None:
    """The file as it was before migration 16, its data kept."""
    db = sqlite3.connect(path)
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                              "AND name LIKE 'street_outbox_%'").fetchall():
        db.execute(f"DROP TRIGGER {name}")
    db.execute("DROP TABLE street_outbox")
    db.execute("DELETE FROM settings WHERE key LIKE 'street.%'")
    db.commit()
    db.close()


def _migrate(path) -> Session:
    database = open_database(path)
    with Session(database).write("street_outbox"):
        m_street_outbox(database)
    return Session(database)


def test_migration_on_a_demo_file_starts_an_empty_outbox_with_the_files_own_identity(full_demo_template, tmp_path):
    paths = [tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"]
    for path in paths:
        shutil.copy(full_demo_template, path)
        _drop_street_outbox(path)
    first, second = (_migrate(path) for path in paths)
    try:
        for session in (first, second):
            assert queued(session) == [] and outbox.pending_count(session) == 0
            assert outbox.max_seq(session) == 0 and outbox.acked_seq(session) == 0
            assert str(uuid.UUID(outbox.source_uid(session))) == outbox.source_uid(session)
            assert outbox.pending(session, 0, 500) == []
        assert outbox.source_uid(first) != outbox.source_uid(second)
        resident_id, uid = _row(first, "residents")
        with first.write("residents"):
            first.db.execute("UPDATE residents SET building = '7号楼' WHERE id = ?", [resident_id])
        assert queued(first) == [("residents", uid, "upsert")]
    finally:
        first.db.close()
        second.db.close()


def test_two_new_files_have_different_identities(tmp_path):
    sessions = [Session(open_database(tmp_path / f"{name}.sqlite3")) for name in "ab"]
    uids = {outbox.source_uid(session) for session in sessions}
    assert len(uids) == 2 and all(outbox.source_uid(s) in uids for s in sessions)   # stable
    for session in sessions:
        session.db.close()
