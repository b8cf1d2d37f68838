"""Restore and backup never lose work: the window's lock refuses a command-line restore, a
backup's -wal comes back with it, every safety copy is kept, both are audited, and a failed
backup leaves no partial file and names its real cause.

The window is a real second process holding the real QLockFile (the same function the
window uses), so the lock is tested the way it is used.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from volunteer_app.cli import main as cli_main
from volunteer_app.services.admin import backups
from volunteer_app.services.session import BUILTIN_ADMIN
from volunteer_app.store import maintenance
from volunteer_app.store.connection import connect_read_only, open_database
from volunteer_app.store.errors import StoreError
from volunteer_app.store.window_lock import WindowOpen, lock_path

ROOT = Path(__file__).resolve().parents[2]
STAMP = "2026-11-28T09:00:00"
HOLD_LOCK = """
import sys
from pathlib import Path
from volunteer_app.ui.window_lock import take_window_lock
lock, refused = take_window_lock(Path(sys.argv[1]))
print(refused or "locked", flush=True)
sys.stdin.readline()
"""


def _add_teams(path: Path, *names: str) -> None:
    db = open_database(path)
    for name in names:
        db.execute("INSERT INTO teams (uid, name, created_at) VALUES (?, ?, ?)", [name, name, STAMP])
    db.close()


def _team_count(path: Path) -> int:
    conn = connect_read_only(path)
    try:
        return conn.execute("SELECT count(*) FROM teams").fetchone()[0]
    finally:
        conn.close()


def _audit_actions(path: Path) -> list[str]:
    conn = connect_read_only(path)
    try:
        return [r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def window_process(tmp_path):
    """Start a process that holds a database's window lock, as an open window does."""
    started = []

    def start(db: Path) -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], cwd=ROOT,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                   env={**os.environ, "PYTHONPATH": str(ROOT)})
        started.append(process)
        assert process.stdout.readline().strip() == "locked"
        return process

    yield start
    for process in started:
        process.stdin.close()           # the window closes
        process.wait(timeout=30)
        process.stdout.close()


def test_restore_is_refused_while_a_window_holds_the_file(tmp_path, db_path, window_process,
                                                          capsys):
    _add_teams(db_path, "高立庄夕阳红志愿服务队")
    backup = tmp_path / "backup.sqlite3"
    db = open_database(db_path)
    maintenance.backup(db, backup)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    _add_teams(db_path, "新发地村青年先锋队")
    before = db_path.read_bytes()
    window_process(db_path)

    assert cli_main(["restore", str(backup), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "窗口正在使用" in err and "没有改动" in err
    assert db_path.read_bytes() == before
    assert not list(tmp_path.glob("*.before-restore")) and not list(tmp_path.glob(".restore-*"))
    with pytest.raises(WindowOpen):     # the same through a symlink to the file
        link = tmp_path / "快捷方式.sqlite3"
        link.symlink_to(db_path)
        maintenance.restore(backup, link)
    assert db_path.read_bytes() == before


def test_a_lock_left_by_a_killed_window_does_not_block_restore(tmp_path, db_path, window_process):
    _add_teams(db_path, "高立庄夕阳红志愿服务队")
    db = open_database(db_path)
    maintenance.backup(db, tmp_path / "backup.sqlite3")
    db.close()
    _add_teams(db_path, "新发地村青年先锋队")
    window = window_process(db_path)
    window.send_signal(signal.SIGKILL)
    window.wait(timeout=30)
    assert lock_path(db_path).exists()      # a crash leaves the file, but nobody holds it

    assert cli_main(["restore", str(tmp_path / "backup.sqlite3"), "--db", str(db_path)]) == 0
    assert _team_count(db_path) == 1
    assert not lock_path(db_path).exists()  # the restore's own lock is gone again


def test_a_backup_with_its_wal_comes_back_whole(tmp_path, db_path):
    """A copy taken from a live folder: 8 teams, 5 of them only in the -wal beside it."""
    source = tmp_path / "live.sqlite3"
    db = open_database(source)
    db.execute("PRAGMA wal_autocheckpoint = 0")       # keep the last rows in the -wal
    for i in range(3):
        db.execute("INSERT INTO teams (uid, name, created_at) VALUES (?, ?, ?)", [f"a{i}", f"队{i}", STAMP])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for i in range(3, 8):
        db.execute("INSERT INTO teams (uid, name, created_at) VALUES (?, ?, ?)", [f"a{i}", f"队{i}", STAMP])
    copy = tmp_path / "U盘" / "copy.sqlite3"
    copy.parent.mkdir()
    shutil.copy(source, copy)
    shutil.copy(f"{source}-wal", f"{copy}-wal")
    db.close()
    saved = copy.read_bytes(), Path(f"{copy}-wal").read_bytes()
    _add_teams(db_path, "别的队")

    backups.restore(BUILTIN_ADMIN, db_path, copy)

    assert _team_count(db_path) == 8
    assert (copy.read_bytes(), Path(f"{copy}-wal").read_bytes()) == saved   # only read
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.sqlite3", "copy.sqlite3-wal"]


def test_two_restores_keep_two_safety_copies(tmp_path, db_path):
    _add_teams(db_path, "队一")
    db = open_database(db_path)
    maintenance.backup(db, tmp_path / "backup.sqlite3")
    db.close()
    _add_teams(db_path, "队二")
    first = maintenance.restore(tmp_path / "backup.sqlite3", db_path)
    _add_teams(db_path, "队三", "队四")
    second = maintenance.restore(tmp_path / "backup.sqlite3", db_path)

    assert first != second and first.name.endswith(".before-restore")
    assert sorted(tmp_path.glob("*.before-restore")) == sorted([first, second])
    assert (_team_count(first), _team_count(second), _team_count(db_path)) == (2, 3, 1)


@pytest.mark.parametrize("content", ["zero bytes", "an empty SQLite file"])
def test_restoring_an_empty_file_is_refused_and_changes_nothing(tmp_path, db_path, capsys, content):
    """A careless pick of a 0-byte file emptied the whole database, exit 0."""
    _add_teams(db_path, "高立庄夕阳红志愿服务队")
    empty = tmp_path / "空的.sqlite3"
    empty.write_bytes(b"")
    if content != "zero bytes":
        sqlite3.connect(empty).execute("VACUUM").connection.close()
    before = db_path.read_bytes()
    assert cli_main(["restore", str(empty), "--db", str(db_path)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "空的" in err and "请选择正确的备份文件" in err, err
    assert db_path.read_bytes() == before and list(tmp_path.glob("*.before-restore")) == []


def test_cli_backup_and_restore_are_audited(tmp_path, db_path, capsys):
    _add_teams(db_path, "高立庄夕阳红志愿服务队")
    out = tmp_path / "nightly.sqlite3"
    assert cli_main(["backup", "--out", str(out), "--db", str(db_path)]) == 0
    assert _audit_actions(db_path)[-1] == "备份"
    assert cli_main(["restore", str(out), "--db", str(db_path)]) == 0
    assert _audit_actions(db_path)[-1] == "恢复备份"
    assert "原数据库另存为" in capsys.readouterr().out


# -- a failed backup -----------------------------------------------------------------------

def test_backup_through_a_regular_file_says_so_and_writes_nothing(tmp_path, session, capsys):
    blocker = tmp_path / "备份.txt"
    blocker.write_text("我是一个文件")
    for target in (blocker / "b.sqlite3", blocker / "子文件夹" / "b.sqlite3"):
        with pytest.raises(StoreError, match="是一个文件，不是文件夹"):
            backups.backup(session, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["备份.txt", "linlibang.sqlite3",
                                                                 "linlibang.sqlite3-wal",
                                                                 "linlibang.sqlite3-shm"])
    db = session.db.execute("PRAGMA database_list").fetchone()[2]
    assert cli_main(["backup", "--out", str(blocker / "b.sqlite3"), "--db", db]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "不是文件夹" in err


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux sysfs")
def test_backup_into_a_folder_root_cannot_write(session):
    """sysfs refuses new files even to root (chmod would not stop root, CI runs as root)."""
    target = Path("/sys/kernel/邻里帮备份.sqlite3")
    with pytest.raises(StoreError, match="不能写入") as refused:
        backups.backup(session, target)
    assert "/sys/kernel" in str(refused.value) and not target.exists()
    assert not [p for p in Path("/sys/kernel").iterdir() if "邻里帮" in p.name]


BACKUP_WITH_SMALL_FILE_LIMIT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)       # a short write instead of death
resource.setrlimit(resource.RLIMIT_FSIZE, (48 * 1024, 48 * 1024))
from volunteer_app.cli import main
sys.exit(main(["backup", "--out", sys.argv[2], "--db", sys.argv[1]]))
"""


def test_a_backup_that_fails_half_way_leaves_no_partial_file(tmp_path, demo_session):
    """The copy stops at 48 KB (a real short write, as on a full disk): one Chinese line,
    exit 1, and nothing left in the target folder."""
    db = demo_session.db.execute("PRAGMA database_list").fetchone()[2]
    demo_session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folder = tmp_path / "备份"
    folder.mkdir()
    run = subprocess.run([sys.executable, "-c", BACKUP_WITH_SMALL_FILE_LIMIT, db,
                          str(folder / "b.sqlite3")], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert run.returncode == 1, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "磁盘读写出错" in run.stderr
    assert "未完成的文件已删除" in run.stderr
    assert list(folder.iterdir()) == []


def test_verify_refuses_a_damaged_copy(tmp_path, db):
    """The check that runs before the rename: a copy that is not whole is not a backup."""
    from volunteer_app.store import safe_copy

    maintenance.backup(db, tmp_path / "good.sqlite3")
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray((tmp_path / "good.sqlite3").read_bytes())
    data[len(data) // 2:] = b"\xff" * (len(data) - len(data) // 2)
    damaged.write_bytes(bytes(data))
    safe_copy.verify(tmp_path / "good.sqlite3")
    with pytest.raises(StoreError, match="完整性检查"):
        safe_copy.verify(damaged)


def test_the_in_place_restore_reaches_connections_still_open(tmp_path, db_path):
    """A reader left open on the file (a page's query worker) reads the restored rows."""
    _add_teams(db_path, "队一")
    db = open_database(db_path)
    maintenance.backup(db, tmp_path / "backup.sqlite3")
    db.close()
    _add_teams(db_path, "队二", "队三")
    reader = sqlite3.connect(db_path)
    assert reader.execute("SELECT count(*) FROM teams").fetchone()[0] == 3
    maintenance.restore(tmp_path / "backup.sqlite3", db_path)
    assert reader.execute("SELECT count(*) FROM teams").fetchone()[0] == 1
    reader.close()


def test_restore_into_a_folder_it_cannot_write_says_so(tmp_path, db, capsys):
    backup = tmp_path / "backup.sqlite3"
    maintenance.backup(db, backup)
    blocker = tmp_path / "数据.txt"
    blocker.write_text("不是文件夹")
    targets = [blocker / "linlibang.sqlite3"]
    if Path("/sys/kernel").is_dir():        # refuses new files even to root
        targets.append(Path("/sys/kernel/linlibang.sqlite3"))
    for target in targets:
        assert cli_main(["restore", str(backup), "--db", str(target)]) == 1
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and err.startswith("邻里帮：")
        assert "不是文件夹" in err or "不能写入" in err
        assert not target.exists()
    assert blocker.read_text() == "不是文件夹"
