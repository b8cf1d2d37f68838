"""Failures of the database file and of the disk, met through the command line as a person or
a script meets them: each gives one Chinese line on stderr, a non-zero exit, no traceback, and
leaves the file's bytes exactly as they were.

The tests run as root in CI, where a chmod stops nothing. So the conditions are made in ways
that hold for root too:
- a read-only file or folder: the immutable attribute (``chattr +i``), which stops root too;
- a full disk: the command runs with a file-size limit (RLIMIT_FSIZE), so every write past
  it fails as on a full disk (SQLite's own "database or disk is full" is produced with
  ``PRAGMA max_page_count`` in tests/test_file_faults_store.py);
- damaged pages: bytes overwritten in the middle of a real demo file.
"""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from ledger_fixtures import make_id, write_csv
from spoiled_files import damage, digest

from volunteer_app.store import migrations
from volunteer_app.store.connection import APPLICATION_ID, connect

ROOT = Path(__file__).resolve().parents[2]
# The -shm file beside a WAL database takes 32 KiB; one page more and not one WAL frame fits:
# every write transaction fails, while reading the file still works.
NO_ROOM = 32768 + 4096


def cli(*args: str, db: Path, stdin: str = "", limit: int | None = None,
        cwd: Path = ROOT) -> subprocess.CompletedProcess:
    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--db", str(db)],
                          input=stdin, capture_output=True, text=True, cwd=cwd, env=env,
                          preexec_fn=limited, timeout=120)


def refused(result: subprocess.CompletedProcess) -> str:
    """The one Chinese line of a refused command."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("邻里帮：")
    return lines[0]


SURNAMES, GIVEN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "淑秀桂兰英珍凤玉芳华德福贵国志建明文荣振"


def new_residents_csv(path: Path, count: int) -> Path:
    rows = [["姓名", "身份证号", "手机号"]]
    rows += [[SURNAMES[i % 20] + GIVEN[i // 20 % 20] + GIVEN[i // 400 % 20], make_id(date(1940 + i % 40, i % 12 + 1, i % 28 + 1), bool(i % 2),
                                  i // 840 + 1), f"139{i:08d}"]
             for i in range(count)]
    return write_csv(path, rows, "utf-8-sig")


ADD_BOB = ("user", "add", "bob", "--name", "鲍勃", "--role", "staff", "--password-stdin")


@pytest.fixture
def demo_file(demo_template, tmp_path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    return path


# -- read-only file or folder ---------------------------------------------------------------

def _immutable(path: Path, on: bool) -> bool:
    flag = "+i" if on else "-i"
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@pytest.fixture
def made_read_only():
    """Make a file or folder read-only for whoever runs the tests: chmod for an ordinary
    user; for root (CI), whom no chmod stops, the immutable attribute (chattr +i)."""
    changed: list[Path] = []

    def make(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o555 if path.is_dir() else 0o444)
        elif not (shutil.which("chattr") and _immutable(path, True)):
            pytest.skip("running as root on a file system without chattr +i: no way to make "
                        "a file read-only for root here")
        changed.append(path)

    yield make
    for path in changed:
        if os.geteuid() == 0:
            _immutable(path, False)
        else:
            path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("where", ["file", "folder"])
@pytest.mark.parametrize("command", ["user add", "import", "match --apply"])
def test_read_only_database_refuses_writes_in_one_line(demo_file, tmp_path, made_read_only,
                                                       where, command):
    ledger = new_residents_csv(tmp_path.parent / f"{tmp_path.name}-新居民.csv", 5)
    made_read_only(demo_file if where == "file" else demo_file.parent)
    before = digest(demo_file)
    args = {"user add": ADD_BOB, "import": ("import", "residents", str(ledger)),
            "match --apply": ("match", "--apply")}[command]
    line = refused(cli(*args, db=demo_file, stdin="password123\n"))
    assert "只读" in line or "可以写入" in line, line
    assert digest(demo_file) == before


def test_check_still_reads_a_read_only_file(demo_file, made_read_only):
    made_read_only(demo_file)
    before = digest(demo_file)
    result = cli("check", db=demo_file)
    assert result.returncode == 0, result.stderr
    assert "完整性：正常" in result.stdout
    assert digest(demo_file) == before


# -- a full disk ----------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["user add", "import", "match --apply"])
def test_full_disk_inside_a_transaction_changes_nothing(demo_file, tmp_path, command):
    ledger = new_residents_csv(tmp_path / "新居民.csv", 200)
    before = digest(demo_file)
    args = {"user add": ADD_BOB, "import": ("import", "residents", str(ledger)),
            "match --apply": ("match", "--apply")}[command]
    # The window has the file open, so its -shm (32 KiB, written through memory) is there
    # already and the limit can be one page: not one WAL frame of the transaction fits.
    window = sqlite3.connect(demo_file)
    try:
        window.execute("SELECT count(*) FROM residents").fetchone()
        line = refused(cli(*args, db=demo_file, stdin="password123\n", limit=4096))
    finally:
        window.close()
    assert "磁盘" in line, line
    assert digest(demo_file) == before
    # and with room on the disk the same command goes through
    assert cli(*args, db=demo_file, stdin="password123\n").returncode == 0


def _older_file(path: Path) -> Path:
    """A database one release old: the first migration only, as tests/test_store_migrations."""
    db = connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    migrations.apply_migrations(db, target=1)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("INSERT INTO communities (uid, name, created_at) VALUES ('c-1', '高立庄社区', '2025-03-01')")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def test_older_file_on_a_full_disk_keeps_no_partial_copy(tmp_path):
    db = _older_file(tmp_path / "linlibang.sqlite3")
    before = digest(db)
    line = refused(cli("user", "list", db=db, limit=NO_ROOM))
    assert "磁盘" in line and "before-upgrade" in line, line
    assert digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir() if "before-upgrade" in p.name) == []
    assert cli("user", "list", db=db).returncode == 0     # with room, it upgrades
    assert len([p for p in tmp_path.iterdir() if p.name.endswith(".before-upgrade.sqlite3")]) == 1


@pytest.mark.parametrize("out", ["居民.csv", "居民.xlsx", "月报.pdf"])
def test_export_to_a_full_disk_leaves_no_file_and_keeps_the_old_one(demo_file, tmp_path, out):
    target = tmp_path / out
    args = (("report", "monthly", "--team", "1", "--month", "2026-11", "--out", str(target))
            if out.endswith(".pdf") else ("export", "residents", str(target)))
    line = refused(cli(*args, db=demo_file, limit=NO_ROOM))
    assert "磁盘" in line, line
    assert list(tmp_path.glob("*" + target.suffix)) == []      # no 0-byte, no partial file
    target.write_bytes(b"last month's file")
    refused(cli(*args, db=demo_file, limit=NO_ROOM))
    assert target.read_bytes() == b"last month's file"          # the old file is not spoiled
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []
    assert cli(*args, db=demo_file).returncode == 0
    assert target.stat().st_size > 1000


def test_restore_on_a_full_disk_says_so_in_chinese_and_changes_nothing(demo_file, tmp_path):
    """The copy a restore reads first fails with EFBIG (file too large): the line said
    "[Errno 27] File too large" before, in English and without what to do."""
    copy = tmp_path / "副本.sqlite3"
    shutil.copy(demo_file, copy)
    before = digest(demo_file)
    line = refused(cli("restore", str(copy), db=demo_file, limit=64 * 1024))
    assert "磁盘" in line and "重试" in line and "Errno" not in line, line
    assert ".restore-" not in line and str(tmp_path) in line, line    # a folder the person knows
    assert digest(demo_file) == before


# -- damaged, empty, foreign and newer files ------------------------------------------------

def test_damaged_file_is_refused_with_the_way_to_a_backup(demo_file):
    damage(demo_file)  # a failing disk sector
    before = digest(demo_file)
    for args in (("user", "list"), ADD_BOB, ("match", "--apply")):
        line = refused(cli(*args, db=demo_file, stdin="password123\n"))
        assert "已损坏" in line and "备份与恢复" in line and "python main.py restore" in line
    assert digest(demo_file) == before


def test_check_reports_a_damaged_file_without_a_traceback(demo_file):
    damage(demo_file)  # a failing disk sector
    before = digest(demo_file)
    result = cli("check", db=demo_file)
    line = refused(result)
    assert "损坏" in line
    assert "完整性：" in result.stdout and "完整性：正常" not in result.stdout
    assert digest(demo_file) == before


def test_zero_byte_file_is_refused_not_made_a_new_database(tmp_path):
    db = tmp_path / "linlibang.sqlite3"
    db.write_bytes(b"")
    line = refused(cli("user", "list", db=db))
    assert "0字节" in line
    assert db.read_bytes() == b""
    fresh = tmp_path / "new.sqlite3"     # only a path where nothing is becomes a new database,
    assert cli("place", "add-community", "测试社区", db=fresh).returncode == 0   # by a command that
    assert fresh.stat().st_size > 0                                              # starts a ledger


def test_a_mistyped_path_is_told_not_made_an_empty_database(tmp_path):
    missing = tmp_path / "no-such-folder" / "linlibang.sqlite3"
    for command in (("user", "list"), ("match",), ("place", "list"), ("check",)):
        line = refused(cli(*command, db=missing))
        assert "找不到数据库文件" in line and str(missing) in line
    assert not missing.parent.exists()


@pytest.mark.parametrize("content", [b"shopping list: rice, eggs\n" * 300, "sqlite"])
def test_a_file_that_is_not_ours_is_refused(tmp_path, content):
    db = tmp_path / "notes.sqlite3"
    if content == "sqlite":
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE photos (id INTEGER)")
        conn.commit()
        conn.close()
    else:
        db.write_bytes(content)
    before = digest(db)
    assert "不是邻里帮的数据库" in refused(cli(*ADD_BOB, db=db, stdin="password123\n"))
    assert digest(db) == before


def test_a_newer_file_is_refused(demo_file):
    conn = sqlite3.connect(demo_file)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 3}")
    conn.close()
    before = digest(demo_file)
    assert "更新版本" in refused(cli("match", "--apply", db=demo_file))
    assert digest(demo_file) == before


# -- two commands at once -------------------------------------------------------------------

def _at_once(commands: list[tuple[str, ...]], db: Path, stdin: str = "") -> list:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    running = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args, "--db", str(db)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
               for args in commands]
    results = []
    for process in running:
        out, err = process.communicate(stdin, timeout=180)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    for result in results:
        assert "Traceback" not in result.stderr, result.stderr
        if result.returncode != 0:
            refused(result)
    return results


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_two_imports_of_one_ledger_at_once_add_each_person_once(demo_file, tmp_path):
    ledger = new_residents_csv(tmp_path / "新居民.csv", 3000)
    before = _count(demo_file, "SELECT count(*) FROM residents")
    results = _at_once([("import", "residents", str(ledger))] * 2, demo_file)
    assert any(r.returncode == 0 for r in results)
    assert _count(demo_file, "SELECT count(*) FROM residents") == before + 3000
    # the second waited for the first and found every row saved, or gave up waiting (busy)
    said = sorted(r.stdout.splitlines()[0] for r in results if r.returncode == 0)
    assert said in (["已导入 3000 行，更新 0 行，跳过重复 0 行，未导入 0 行。"],
                    ["已导入 0 行，更新 0 行，跳过重复 3000 行，未导入 0 行。",
                     "已导入 3000 行，更新 0 行，跳过重复 0 行，未导入 0 行。"]), said


def test_two_user_adds_of_one_name_at_once_make_one_account(demo_file):
    results = _at_once([ADD_BOB, ADD_BOB], demo_file, stdin="password123\n")
    assert sorted(r.returncode for r in results) == [0, 1]
    line = refused(next(r for r in results if r.returncode))
    assert "用户名" in line and ("已经有人用了" in line or "已存在" in line), line
    assert _count(demo_file, "SELECT count(*) FROM users WHERE login = 'bob'") == 1


def test_two_match_applies_at_once_pair_each_elder_once(demo_file):
    results = _at_once([("match", "--apply")] * 2, demo_file)
    assert any(r.returncode == 0 for r in results)
    assert _count(demo_file, "SELECT count(*) FROM (SELECT resident_id FROM pairings "
                  "WHERE state = '结对中' GROUP BY resident_id HAVING count(*) > 1)") == 0
