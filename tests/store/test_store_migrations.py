"""Migrations, the copy set aside before them, refusing newer files, backup and restore.

Files of an older schema are built with the store's own functions (only the first
migration applied), exactly as the first release left them on an office PC.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from volunteer_app.cli import main as cli_main
from volunteer_app.store import maintenance, migrations
from volunteer_app.store.connection import (
    APPLICATION_ID,
    connect,
    connect_read_only,
    open_database,
    schema_version,
)
from volunteer_app.store.errors import DatabaseTooNew, MigrationFailed, NotADatabase, StoreError

ROOT = Path(__file__).resolve().parents[2]
STAMP = "2025-03-01T09:00:00"

# Rows as the first version wrote them: (table, row). A locked record, so that version 2's
# lock triggers have something to guard.
V1_ROWS = [
    ("communities", {"id": 1, "uid": "c-1", "name": "高立庄社区", "created_at": STAMP}),
    ("teams", {"id": 1, "uid": "t-1", "name": "高立庄夕阳红志愿服务队", "created_at": STAMP}),
    ("volunteers", {"id": 1, "uid": "v-1", "name": "韩秀梅", "birth_date": "1984-05-02",
                    "gender": "女", "phone": "13800001111", "created_at": STAMP,
                    "updated_at": STAMP}),
    ("team_members", {"id": 1, "uid": "m-1", "team_id": 1, "volunteer_id": 1, "role": "队长"}),
    ("residents", {"id": 1, "uid": "r-1", "name": "郑桂兰", "birth_date": "1931-02-11",
                   "gender": "女", "floor": 5, "has_lift": 0, "created_at": STAMP,
                   "updated_at": STAMP}),
    ("service_records", {"id": 1, "uid": "s-1", "volunteer_id": 1, "team_id": 1,
                         "date": "2025-02-20", "hours": 2.0, "status": "已锁定",
                         "created_at": STAMP}),
]


def first_version_file(path: Path) -> Path:
    """A database at user_version 1, as migration 1 (and the first release) left it."""
    db = connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    migrations.apply_migrations(db, target=1)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for table, row in V1_ROWS:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def dump(path: Path) -> list[str]:
    """Everything in the file, schema and rows, as SQL text (read-only)."""
    conn = connect_read_only(path)
    try:
        return [*conn.iterdump(), f"user_version={conn.execute('PRAGMA user_version').fetchone()[0]}"]
    finally:
        conn.close()


def v1_rows_in(db) -> list[tuple[str, dict]]:
    found = []
    for table, row in V1_ROWS:
        columns = ", ".join(row)
        stored = db.execute(f"SELECT {columns} FROM {table} WHERE id = ?", [row["id"]]).fetchone()
        found.append((table, dict(zip(row, stored, strict=True)) if stored else None))
    return found


def copies_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.v*.before-upgrade{path.suffix}"))


# -- migrating --------------------------------------------------------------------------

def test_a_new_file_is_migrated_to_the_latest_version(db_path):
    # only a path where nothing exists becomes a new database (a 0-byte file is refused:
    # tests/test_file_faults.py)
    assert not db_path.exists()
    db = open_database(db_path)
    try:
        assert schema_version(db) == migrations.latest_version() == migrations.SCHEMA_VERSION
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        shipped = {name for name, *_ in migrations.BUILTIN_SERVICE_TYPES}
        assert {r["name"] for r in db.query("SELECT name FROM service_types")} == shipped
    finally:
        db.close()
    assert copies_aside(db_path) == []  # nothing to keep from a new file


def test_first_version_file_is_migrated_keeping_its_rows_and_a_copy_aside(db_path):
    first_version_file(db_path)
    before = dump(db_path)
    db = open_database(db_path)
    try:
        assert schema_version(db) == migrations.latest_version()
        assert v1_rows_in(db) == V1_ROWS
        with pytest.raises(sqlite3.IntegrityError, match="已锁定"):  # version 2's trigger
            db.execute("UPDATE service_records SET hours = 9 WHERE id = 1")
    finally:
        db.close()
    [copy] = copies_aside(db_path)
    assert copy.name.startswith(f"{db_path.stem}.v1-")
    assert dump(copy) == before


def test_an_up_to_date_file_is_opened_without_a_copy(db_path):
    open_database(db_path).close()
    open_database(db_path).close()
    assert copies_aside(db_path) == []


def _break_then_fail(db) -> None:
    db.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
    db.execute("INSERT INTO half_done (id) VALUES (1)")
    db.execute("UPDATE residents SET name = '改坏了'")
    raise RuntimeError("迁移程序的错误")


def _bad_sql(db) -> None:
    db.execute("UPDATE residents SET name = 'x'")
    db.execute("ALTER TABLE no_such_table ADD COLUMN x TEXT")


def _rolled_back_by_sqlite(db) -> None:
    # RAISE(ROLLBACK) ends the transaction itself, before apply_migrations sees the error.
    db.execute("CREATE TEMP TRIGGER refuse BEFORE INSERT ON teams "
               "BEGIN SELECT RAISE(ROLLBACK, '触发器回滚'); END")
    db.execute("INSERT INTO teams (uid, name, created_at) VALUES ('t-2', '新队', '2026-01-01')")


@pytest.mark.parametrize(("failing", "reason"), [
    (_break_then_fail, "迁移程序的错误"),
    (_bad_sql, "no_such_table"),
    (_rolled_back_by_sqlite, "触发器回滚"),
])
def test_a_failing_migration_leaves_the_file_as_it_was(db_path, monkeypatch, failing, reason):
    first_version_file(db_path)
    before = dump(db_path)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, failing])
    with pytest.raises(MigrationFailed, match=reason) as refused:
        open_database(db_path)
    assert "未做任何改动" in str(refused.value)
    [copy] = copies_aside(db_path)
    assert str(copy) in str(refused.value)
    assert dump(db_path) == before
    monkeypatch.undo()
    db = open_database(db_path)  # the released migrations still apply afterwards
    try:
        assert schema_version(db) == migrations.latest_version()
        assert v1_rows_in(db) == V1_ROWS
    finally:
        db.close()


def test_newer_file_is_refused_byte_for_byte_unchanged(tmp_path):
    folder = tmp_path / "社区 #2 备份?"  # '#' and '?' once cut the read-only URI short
    folder.mkdir()
    path = folder / "linlibang.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    conn.close()
    before, listing = path.read_bytes(), sorted(folder.iterdir())
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        open_database(path)
    with pytest.raises(DatabaseTooNew):
        open_database(path, migrate=False)
    assert path.read_bytes() == before
    assert sorted(folder.iterdir()) == listing


def test_wal_foreign_keys_and_busy_timeout_are_on(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute("INSERT INTO team_members (uid, team_id, volunteer_id) VALUES ('x', 999, 999)")


# -- backup and restore -------------------------------------------------------------------

def _add_team(path: Path, name: str) -> None:
    db = open_database(path)
    db.execute("INSERT INTO teams (uid, name, created_at) VALUES (?, ?, ?)", [name, name, STAMP])
    db.close()


def _team_names(path: Path) -> list[str]:
    conn = connect_read_only(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM teams ORDER BY id")]
    finally:
        conn.close()


def test_backup_and_restore_round_trip(tmp_path, db_path):
    _add_team(db_path, "银地第二社区居民志愿服务队")
    backup_file = tmp_path / "备份" / "2026-11-28.sqlite3"
    db = open_database(db_path)
    try:
        maintenance.backup(db, backup_file)
        with pytest.raises(StoreError, match="已经存在"):
            maintenance.backup(db, backup_file)
    finally:
        db.close()
    _add_team(db_path, "新发地村青年先锋队")
    saved = backup_file.read_bytes()

    kept = maintenance.restore(backup_file, db_path)

    assert _team_names(db_path) == ["银地第二社区居民志愿服务队"]
    assert _team_names(kept) == ["银地第二社区居民志愿服务队", "新发地村青年先锋队"]
    assert backup_file.read_bytes() == saved  # the backup is only read
    db = open_database(db_path)
    try:
        report = maintenance.check(db, str(db_path))
    finally:
        db.close()
    assert report.ok and report.counts["teams"] == 1


def test_restore_over_a_damaged_file_keeps_the_damaged_file(tmp_path, db_path):
    good = tmp_path / "good.sqlite3"
    _add_team(good, "高立庄夕阳红志愿服务队")
    db = open_database(good)
    maintenance.backup(db, tmp_path / "backup.sqlite3")
    db.close()
    damaged = b"SQLite format 3\x00" + b"\xde\xad" * 4000
    db_path.write_bytes(damaged)

    kept = maintenance.restore(tmp_path / "backup.sqlite3", db_path)

    assert kept.read_bytes() == damaged
    assert _team_names(db_path) == ["高立庄夕阳红志愿服务队"]


def test_restore_migrates_a_backup_of_the_first_version(tmp_path, db_path):
    old_backup = first_version_file(tmp_path / "old-backup.sqlite3")
    maintenance.restore(old_backup, db_path)
    db = open_database(db_path, migrate=False)
    try:
        assert schema_version(db) == migrations.latest_version()
        assert v1_rows_in(db) == V1_ROWS
    finally:
        db.close()


@pytest.mark.parametrize("kind", ["newer", "foreign", "garbage"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(tmp_path, db_path, kind):
    _add_team(db_path, "高立庄夕阳红志愿服务队")
    bad = tmp_path / f"{kind}.sqlite3"
    if kind == "garbage":
        bad.write_bytes(b"not a database" * 100)
    else:
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE photos (id INTEGER)")
        if kind == "newer":
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
        conn.commit()
        conn.close()
    before = dump(db_path)
    with pytest.raises((DatabaseTooNew, NotADatabase)):
        maintenance.restore(bad, db_path)
    assert dump(db_path) == before
    assert not list(db_path.parent.glob("*.before-restore"))   # no safety copy either


# -- the command line ---------------------------------------------------------------------

def test_check_backup_restore_commands(tmp_path, db_path, capsys):
    _add_team(db_path, "高立庄夕阳红志愿服务队")
    backup_file = tmp_path / "nightly.sqlite3"

    assert cli_main(["check", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert f"数据版本：{migrations.latest_version()}" in out and "完整性：正常" in out

    assert cli_main(["backup", "--out", str(backup_file), "--db", str(db_path)]) == 0
    assert backup_file.exists()
    assert cli_main(["backup", "--out", str(backup_file), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "已经存在" in err and len(err.strip().splitlines()) == 1

    _add_team(db_path, "新发地村青年先锋队")
    assert cli_main(["restore", str(backup_file), "--db", str(db_path)]) == 0
    assert _team_names(db_path) == ["高立庄夕阳红志愿服务队"]

    garbage = tmp_path / "shopping.sqlite3"
    garbage.write_bytes(b"eggs, milk" * 100)
    assert cli_main(["restore", str(garbage), "--db", str(db_path)]) == 1
    assert "不是邻里帮的数据库" in capsys.readouterr().err
    assert _team_names(db_path) == ["高立庄夕阳红志愿服务队"]


def test_check_command_fails_on_an_old_or_missing_file(tmp_path, capsys):
    old = first_version_file(tmp_path / "old.sqlite3")
    before = dump(old)
    assert cli_main(["check", "--db", str(old)]) == 1
    assert "需要升级" in capsys.readouterr().err
    assert dump(old) == before  # check does not migrate
    assert cli_main(["check", "--db", str(tmp_path / "missing.sqlite3")]) == 1
    assert "找不到数据库文件" in capsys.readouterr().err


def test_main_py_check_exit_codes(tmp_path, db_path):
    open_database(db_path).close()
    ok = subprocess.run([sys.executable, "main.py", "check", "--db", str(db_path)], cwd=ROOT,
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    newer = sqlite3.connect(db_path)
    newer.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    newer.close()
    refused = subprocess.run([sys.executable, "main.py", "check", "--db", str(db_path)], cwd=ROOT,
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1
    assert refused.stderr.startswith("邻里帮：") and "更新版本" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
