"""The one mapping from a failure of the file to its Chinese line (store/errors.py), met with
SQLite's and the system's real errors, and the streamed command-line import: the same result
as the window's import, in one transaction that a failure half-way leaves unsaved."""

from __future__ import annotations

import errno
import sqlite3
import zipfile
from datetime import date

import pytest
from ledger_fixtures import make_id, write_csv, write_xlsx

from volunteer_app.cli import main
from volunteer_app.services.admin import settings, users
from volunteer_app.services.ledger import (
    import_apply,
    import_check,
    import_header,
    import_rows,
    ledger_stream,
    rejected_rows,
)
from volunteer_app.services.ledger.ledger_files import LedgerFileError
from volunteer_app.services.people import residents
from volunteer_app.store.connection import open_database
from volunteer_app.store.errors import (
    DatabaseBusy,
    DatabaseReadOnly,
    DiskFull,
    SavedMeanwhile,
    StoreError,
    explain,
    explain_os,
)

LONG_NOTE = "需要每周上门看望，" * 4000     # a row that needs new pages (overflow) to be stored


def _counts(session) -> tuple[int, int]:
    return (session.db.execute("SELECT count(*) FROM residents").fetchone()[0],
            session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_a_full_database_says_disk_full_and_saves_nothing(demo_session):
    assert demo_session.db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    before = _counts(demo_session)
    demo_session.db.execute("PRAGMA max_page_count = 1")  # no page more than it has now
    with pytest.raises(DiskFull, match="磁盘已满"):
        residents.add(demo_session, {"name": "祁堃喆", "id_number": "11010519491231002X",
                                     "notes": LONG_NOTE})
    assert _counts(demo_session) == before
    assert not demo_session.db.conn.in_transaction


def test_a_read_only_connection_says_read_only(demo_session):
    demo_session.db.execute("PRAGMA query_only = ON")   # SQLITE_READONLY, as a read-only file gives
    with pytest.raises(DatabaseReadOnly, match="只读"):
        users.add_user(demo_session, "bob", "鲍勃", "staff", "password123")


def test_a_busy_database_says_busy(demo_session, db_path):
    path = demo_session.path
    other = open_database(path)
    try:
        other.execute("BEGIN IMMEDIATE")
        demo_session.db.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(DatabaseBusy, match="占用"):
            users.add_user(demo_session, "bob", "鲍勃", "staff", "password123")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_name_saved_meanwhile_says_the_user_name_exists(demo_session):
    users.add_user(demo_session, "bob", "鲍勃", "staff", "password123")
    try:    # what a second program that checked the name a moment earlier meets
        demo_session.db.execute("INSERT INTO users (uid, login, name, role, password_hash, created_at) "
                                "VALUES ('u-x', 'bob', '另一个鲍勃', 'staff', 'x', '2026-11-28')")
    except sqlite3.IntegrityError as error:
        explained = explain(error, "x.sqlite3")
    assert isinstance(explained, SavedMeanwhile) and "用户名已存在" in str(explained)


def test_a_full_device_is_explained_in_chinese(tmp_path):
    with pytest.raises(OSError) as failed, open("/dev/full", "w") as device:
        device.write("x" * 10_000)
        device.flush()
    assert failed.value.errno == errno.ENOSPC
    explained = explain_os(failed.value, tmp_path / "居民.csv")
    assert isinstance(explained, DiskFull) and "磁盘已满" in str(explained)
    assert "No space" not in str(explained)


def test_an_unknown_error_is_still_one_line(tmp_path):
    error = sqlite3.OperationalError("no such table: nothing")
    explained = explain(error, tmp_path / "x.sqlite3")
    assert type(explained) is StoreError and "\n" not in str(explained)


# -- .xlsx size before reading ------------------------------------------------------------

def _big_unpacked_xlsx(path, megabytes: int):
    """A real .xlsx whose sheet unpacks to ``megabytes`` (blank space compresses ~1000:1)."""
    write_xlsx(path, [["姓名", "身份证号"], ["张建国", make_id(date(1929, 4, 12), True)]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/padding.xml", "w") as padding:
        block = b" " * 2**20
        for _ in range(megabytes):
            padding.write(block)
    return path


def test_xlsx_above_the_unpacked_limit_is_refused_before_reading(db_path, tmp_path, capsys):
    path = _big_unpacked_xlsx(tmp_path / "居民.xlsx", 201)
    assert path.stat().st_size < 2 * 2**20
    assert main(["import", "residents", str(path), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "解压后" in err and "200MB" in err


def test_the_unpacked_limit_is_a_setting(session, db_path, tmp_path, capsys):
    path = _big_unpacked_xlsx(tmp_path / "居民.xlsx", 3)
    settings.put(session, "import.max_unpacked_mb", 2)
    assert main(["import", "residents", str(path), "--db", str(db_path)]) == 1
    assert "上限2MB" in capsys.readouterr().err
    settings.put(session, "import.max_unpacked_mb", 200)
    assert main(["import", "residents", str(path), "--db", str(db_path)]) == 0
    assert "已导入 1 行" in capsys.readouterr().out


# -- the streamed import --------------------------------------------------------------------

def _ledger(tmp_path):
    people = [["姓名", "身份证号", "手机号", "所属队伍"]]
    for i in range(9):
        people.append([f"张{'一二三四五六七八九'[i]}", make_id(date(1984, 1, i + 1), bool(i % 2)),
                       f"1381234{i:04d}", "高立庄夕阳红志愿服务队、新建青年队" if i % 3 else ""])
    people.append(["李秀兰", "110106", "12", ""])                     # rejected
    people.append(people[2])                                          # a duplicate of row 3
    people.append(["", "", "", ""])                                   # blank
    return write_csv(tmp_path / "志愿者.csv", people, "gbk")


def _state(session) -> list[tuple]:
    volunteers = session.db.execute(
        "SELECT name, id_number, phone, volunteer_no FROM volunteers ORDER BY id").fetchall()
    members = session.db.execute(
        "SELECT v.name, t.name FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
        "JOIN teams t ON t.id = m.team_id ORDER BY v.id, t.name").fetchall()
    return [tuple(r) for r in volunteers] + [tuple(r) for r in members]


@pytest.mark.parametrize("mode", [import_rows.SKIP, import_rows.UPDATE])
def test_streamed_import_saves_what_the_window_import_saves(demo_template, tmp_path, monkeypatch,
                                                             mode):
    import shutil

    from conftest import TODAY

    from volunteer_app.services.session import BUILTIN_ADMIN, Session

    monkeypatch.setattr(ledger_stream, "CHUNK", 4)   # rows cross chunk boundaries
    path = _ledger(tmp_path)
    results = []
    for name in ("window", "stream"):
        copy = tmp_path / f"{name}.sqlite3"
        shutil.copy(demo_template, copy)
        db = open_database(copy)
        session = Session(db, BUILTIN_ADMIN, today=lambda: TODAY)
        if name == "window":
            table, mapping = import_header.load(path, "volunteers")
            preview = import_check.check(session, table, mapping, "volunteers")
            summary = import_apply.apply(session, preview, mode)
            lines = rejected_rows.describe(preview)
        else:
            lines = []
            outcome = ledger_stream.import_file(session, path, "volunteers", mode, report=lines.append)
            summary = outcome.summary
            lines = [line for line in lines if "提醒" not in line]
        results.append((summary.imported, summary.updated, summary.skipped, summary.rejected,
                        summary.new_teams, lines, _state(session)))
        db.close()
    assert results[0] == results[1]
    expected = (9, 0, 1, 1) if mode == import_rows.SKIP else (9, 1, 0, 1)
    assert results[1][:5] == (*expected, ["新建青年队"])


def test_a_failure_late_in_the_file_saves_nothing(demo_session, tmp_path, monkeypatch):
    monkeypatch.setattr(ledger_stream, "CHUNK", 2)   # earlier chunks were already written
    rows = [["姓名", "身份证号", "手机号"]]
    rows += [[f"王{'一二三四五六'[i]}", make_id(date(1950, 1, i + 1), True), ""] for i in range(6)]
    path = write_csv(tmp_path / "居民.csv", rows, "utf-8")
    with path.open("a", encoding="utf-8") as handle:   # a cell too big for any CSV reader
        handle.write('王七,"' + "x" * 200_000 + '",\n')
    before = _counts(demo_session)
    with pytest.raises(LedgerFileError, match="CSV格式有误"):
        ledger_stream.import_file(demo_session, path, "residents")
    assert _counts(demo_session) == before
