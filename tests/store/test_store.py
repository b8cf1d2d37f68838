"""The database file: creation, pragmas, migrations, refusing files that are not ours."""

from __future__ import annotations

import sqlite3

import pytest

from volunteer_app.store.connection import open_database, schema_version
from volunteer_app.store.errors import DatabaseTooNew, NotADatabase
from volunteer_app.store.migrations import SCHEMA_VERSION

FIXED_TABLES = {"communities", "places", "teams", "volunteers", "team_members", "residents",
                "service_types", "tasks", "shifts", "assignments", "pairings", "visits",
                "service_records", "requests", "users", "audit_log", "settings"}


def test_empty_file_is_migrated_with_wal_and_foreign_keys(db):
    assert set(db.table_names()) >= FIXED_TABLES
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    for table in FIXED_TABLES:
        columns = {c.name for c in db.table(table).columns}
        assert {"id", "uid"} <= columns, table


def test_newer_file_is_refused_and_left_untouched(db_path):
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(NotADatabase):
        open_database(path)


def test_garbage_file_is_refused_with_a_chinese_message(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is a shopping list, not a database" * 50)
    with pytest.raises(NotADatabase, match="不是邻里帮的数据库"):
        open_database(path)


def test_audit_log_refuses_update_and_delete(session):
    session.audit("新增", "residents", 1, None, {"name": "测试"})
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        session.db.execute("UPDATE audit_log SET user_name = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        session.db.execute("DELETE FROM audit_log")
