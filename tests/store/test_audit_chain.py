"""The audit log is a hash chain: `check` names the first entry changed, removed or inserted
behind the app's back (with the sqlite3 tool, here the sqlite3 module), and any missing trigger."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from volunteer_app.cli import main
from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.store import audit, audit_chain, migrations
from volunteer_app.store.connection import open_database


@pytest.fixture
def demo_file(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    return path


def _tool(path):
    """What someone with the sqlite3 command-line tool gets: no app, no rules but the file's."""
    return sqlite3.connect(str(path), isolation_level=None)


def _check(path, capsys) -> tuple[int, str, str]:
    code = main(["check", "--db", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _without_update_guard(conn, statement, params=()):
    """Lift the UPDATE/DELETE guards, do ``statement``, put them back as they were."""
    guards = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                          "('audit_log_no_update', 'audit_log_no_delete')").fetchall()
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute(statement, params)
    for (sql,) in guards:
        conn.execute(sql)


def test_a_clean_file_passes(demo_file, capsys):
    code, out, err = _check(demo_file, capsys)
    assert code == 0, err
    entries = _tool(demo_file).execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert entries > 100 and f"操作日志：正常（{entries}条" in out


def test_an_edited_entry_is_named(demo_file, capsys):
    conn = _tool(demo_file)
    _without_update_guard(conn, "UPDATE audit_log SET user_name = '别人' WHERE id = 40")
    code, out, err = _check(demo_file, capsys)
    assert code == 1 and "编号40" in err and "内容被改动过" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_deleted_entry_is_named(demo_file, capsys):
    conn = _tool(demo_file)
    _without_update_guard(conn, "DELETE FROM audit_log WHERE id = 40")
    code, _out, err = _check(demo_file, capsys)
    assert code == 1 and "编号39与编号41" in err and "被删除" in err


def test_deleting_every_entry_shows(demo_file, capsys):
    conn = _tool(demo_file)
    entries = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    _without_update_guard(conn, "DELETE FROM audit_log")
    code, _out, err = _check(demo_file, capsys)
    assert code == 1 and f"应有{entries}条，现在只有0条" in err


def test_an_inserted_entry_is_named(demo_file, capsys):
    conn = _tool(demo_file)
    with pytest.raises(sqlite3.IntegrityError, match="缺少校验值"):
        conn.execute("INSERT INTO audit_log (uid, at, user_name, action, entity) "
                     "VALUES ('x', '2026-01-01T08:00:00', '管理员', '修改', 'users')")
    last = conn.execute("SELECT max(id), hash FROM audit_log").fetchone()
    conn.execute("INSERT INTO audit_log (uid, at, user_name, action, entity, prev_hash, hash) "
                 "VALUES ('x', '2026-01-01T08:00:00', '管理员', '修改', 'users', 'forged', 'forged')")
    code, _out, err = _check(demo_file, capsys)
    assert code == 1 and f"编号{last[0] + 1}" in err and "插入" in err


def test_a_dropped_trigger_is_named(demo_file, capsys):
    conn = _tool(demo_file)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    code, out, err = _check(demo_file, capsys)
    assert code == 1 and "audit_log_no_delete" in err
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN 0 "
                 "BEGIN SELECT RAISE(ABORT, 'x'); END")  # present, but guards nothing
    code, out, err = _check(demo_file, capsys)
    assert code == 1 and "audit_log_no_update" in out and "audit_log_no_delete" in out


def test_the_window_and_scripts_keep_the_chain(db_path):
    db = open_database(db_path)
    session = Session(db, BUILTIN_ADMIN)
    for number in range(3):
        with session.write("audit_log"):
            session.audit("修改", "settings", number, {"v": 1.0}, {"v": 2})
    audit.write_entry(db, user_id=None, user_name="脚本", action="备份", entity="database",
                      entity_id=None)   # outside a transaction: opens its own
    report = audit_chain.verify(db)
    assert report.ok, report.problems
    assert report.entries == db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    db.close()


def test_the_migration_chains_the_entries_already_there(db_path, capsys):
    before_chain = migrations.MIGRATIONS.index(audit_chain.m_audit_chain)
    db = open_database(db_path, migrate=False)
    migrations.apply_migrations(db, target=before_chain)
    for number in range(5):
        db.execute("INSERT INTO audit_log (uid, at, user_id, user_name, action, entity, entity_id, "
                   "before, after, detail) VALUES (?, '2025-03-01T09:00:00', 1, '管理员', '修改', "
                   "'residents', ?, NULL, '{\"name\": \"张三\"}', '')", [f"u{number}", number])
    db.close()
    db = open_database(db_path)
    report = audit_chain.verify(db)
    assert report.ok and report.entries == 5
    assert db.execute("SELECT count(*) FROM audit_log WHERE hash IS NULL").fetchone()[0] == 0
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        db.execute("UPDATE audit_log SET action = 'x'")
    db.close()
    assert main(["check", "--db", str(db_path)]) == 0
    assert "操作日志：正常（5条" in capsys.readouterr().out


def test_a_captain_made_administrator_behind_the_app_shows(demo_file, capsys):
    conn = _tool(demo_file)
    captain = conn.execute("SELECT id, name FROM users WHERE role = 'captain' LIMIT 1").fetchone()
    conn.execute("UPDATE users SET role = 'admin' WHERE id = ?", [captain[0]])
    code, _out, err = _check(demo_file, capsys)
    assert code == 1 and f"用户“{captain[1]}”" in err and "系统管理员" in err and "队长" in err


def test_a_role_changed_in_the_app_passes(demo_file, capsys):
    from volunteer_app.services.admin import users

    db = open_database(demo_file)
    captain = db.execute("SELECT id FROM users WHERE role = 'captain' LIMIT 1").fetchone()[0]
    users.change_role(Session(db, BUILTIN_ADMIN), captain, "staff")
    db.close()
    code, out, err = _check(demo_file, capsys)
    assert code == 0, err


def test_a_dropped_audit_table_is_reported_not_a_traceback(demo_file, capsys):
    conn = _tool(demo_file)
    conn.execute("DROP TABLE audit_log")
    code, out, err = _check(demo_file, capsys)
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "audit_log_no_update" in out and "无法核对" in out
