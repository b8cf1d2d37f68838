"""Commands cut off half-way (the PC switched off, the task killed: SIGKILL) and commands run
twice at once, on one file, as a community office's scripts run them: afterwards the file
opens and passes `check`, each command did all of its work or none of it, and nothing
half-written lies under a name a person would open.

Each test starts the real main.py in a subprocess and, for a cut-off, polls until the write
is under way before killing it (no timing guesses: the sign of "under way" is a file the
command makes only then).
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Room for the certificate's PDF (about 30 KiB) beside the -shm of the open file, none for
# the frames its register entry adds to the journal: the commit, not the PDF, fails.
ROOM_FOR_THE_PDF_ONLY = 32768 + 4096
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
       "PYTHONDONTWRITEBYTECODE": "1"}


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=ENV,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, timeout=180)


def kill_once(process: subprocess.Popen, under_way: Callable[[], bool]) -> None:
    """SIGKILL ``process`` as soon as ``under_way()``; fail if it ended before that."""
    deadline = time.monotonic() + 120
    while not under_way():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the command ended before its write was under way: {out}{err}")
        assert time.monotonic() < deadline, "the write never got under way"
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)


def query(db: Path, sql: str) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()
    finally:
        conn.close()


def checked(db: Path) -> None:
    """`main.py check` passes on the file: intact, current version, audit chain whole."""
    result = run("check", "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "完整性：正常" in result.stdout


@pytest.fixture
def office_db(demo_template, tmp_path) -> Path:
    """The demo community in a folder with Chinese and spaces in its name, as offices name them."""
    folder = tmp_path / "社区 台账"
    folder.mkdir()
    path = folder / "邻里帮 数据.sqlite3"
    shutil.copy(demo_template, path)
    return path


def test_a_certificate_cut_off_while_printing_is_not_registered(office_db):
    """The certificate's number used to be registered before its PDF was written: a print cut
    off (or failed) left a number nobody received, and the next print came out as 补打."""
    out = office_db.parent / "证明 书.pdf"
    before = query(office_db, "SELECT count(*) FROM certificates")
    process = start("report", "certificate", "--volunteer", "1", "--handler", "李春梅", "--out", str(out),
                    "--db", str(office_db))
    # the PDF under way: printing's own partial file inside the command's
    kill_once(process, lambda: any(office_db.parent.glob("*partial*partial*")))
    checked(office_db)
    assert query(office_db, "SELECT count(*) FROM certificates") == before
    assert not out.exists()

    again = run("report", "certificate", "--volunteer", "1", "--handler", "李春梅", "--out", str(out), "--db", str(office_db))
    assert again.returncode == 0, again.stderr
    assert "补打" not in again.stdout and out.stat().st_size > 1000


def test_a_certificate_whose_register_entry_cannot_be_saved_leaves_no_pdf(office_db):
    """The disk fills between the PDF and the register's commit (room for the PDF, none for
    the journal): no PDF may carry a number the register does not hold."""
    out = office_db.parent / "证明.pdf"
    before = query(office_db, "SELECT count(*) FROM certificates")
    window = sqlite3.connect(office_db)     # a window holds the file: its -shm is made already
    try:
        window.execute("SELECT count(*) FROM certificates").fetchone()
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "report", "certificate", "--volunteer", "1",
             "--handler", "李春梅",
             "--out", str(out), "--db", str(office_db)], cwd=ROOT, env=ENV, capture_output=True,
            text=True, timeout=180, preexec_fn=lambda: resource.setrlimit(
                resource.RLIMIT_FSIZE, (ROOM_FOR_THE_PDF_ONLY, ROOM_FOR_THE_PDF_ONLY)))
    finally:
        window.close()
    assert "Traceback" not in result.stderr
    if result.returncode == 0:          # the disk held it all after all: both or ...
        assert out.exists() and query(office_db, "SELECT count(*) FROM certificates") > before
    else:                                # ... neither
        assert "磁盘" in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert not out.exists(), result.stderr
        assert query(office_db, "SELECT count(*) FROM certificates") == before
    assert not list(office_db.parent.glob("*partial*"))


def test_a_certificate_that_cannot_be_written_is_not_registered(office_db, tmp_path):
    in_the_way = tmp_path / "打印"
    in_the_way.write_text("a file where the folder should be", encoding="utf-8")
    before = query(office_db, "SELECT count(*) FROM certificates")
    result = run("report", "certificate", "--volunteer", "1", "--handler", "李春梅", "--out", str(in_the_way / "证明.pdf"),
                 "--db", str(office_db))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("邻里帮：")
    assert query(office_db, "SELECT count(*) FROM certificates") == before


# -- two at once ----------------------------------------------------------------------------

def at_once(*commands: tuple[str, ...]) -> list[subprocess.CompletedProcess]:
    running = [start(*command) for command in commands]
    done = []
    for process in running:
        out, err = process.communicate(timeout=180)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    for result in done:
        assert "Traceback" not in result.stderr, result.stderr
    return done


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return None


def test_a_new_ledger_is_never_seen_empty_by_a_second_command(tmp_path):
    """SQLite makes a new file at 0 bytes and writes its first page a moment later. A second
    command starting the same new ledger in that moment (two scheduled imports of a new
    office) refused the file as one whose data were lost and told the person to restore a
    backup. Here the first command is frozen (SIGSTOP) if it is ever seen at 0 bytes."""
    db = tmp_path / "新 台账" / "邻里帮 数据.sqlite3"
    first = start("place", "add-community", "高立庄社区", "--db", str(db))
    second = None
    while first.poll() is None:
        if second is None and _size(db) == 0:
            first.send_signal(signal.SIGSTOP)
            try:
                second = run("place", "add-community", "新发地村", "--db", str(db))
            finally:
                first.send_signal(signal.SIGCONT)
    out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert second is None, f"the new file was seen at 0 bytes; the second command said: {second.stderr}"
    second = run("place", "add-community", "新发地村", "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert query(db, "SELECT count(*) FROM communities") == (2,)
    assert sorted(p.name for p in db.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [db.name]


def test_a_demo_cut_off_half_way_leaves_the_name_free(tmp_path):
    """`demo` builds in one transaction, but it used to build in the file itself: cut off, it
    left an empty ledger under the name, and `demo` again refused it as a file already there."""
    db = tmp_path / "演示 社区.sqlite3"
    process = start("demo", "--db", str(db))
    kill_once(process, lambda: any((_size(w) or 0) > 1_000_000 for w in tmp_path.glob("*-wal")))
    assert not db.exists()


def test_a_restore_while_another_restore_runs_says_so(office_db):
    """The second of two restores at once was told a window had the file open, and to close
    that window: there was none. The first is frozen (SIGSTOP) while it holds the file."""
    backup = office_db.parent / "备份 周一.sqlite3"
    shutil.copy(office_db, backup)
    first = start("restore", str(backup), "--db", str(office_db))
    lock = Path(os.path.realpath(office_db) + ".lock")
    deadline = time.monotonic() + 120
    while not lock.exists():
        assert first.poll() is None and time.monotonic() < deadline, first.communicate()
        time.sleep(0.002)
    first.send_signal(signal.SIGSTOP)
    try:
        second = run("restore", str(backup), "--db", str(office_db))
    finally:
        first.send_signal(signal.SIGCONT)
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert second.returncode == 1 and len(second.stderr.strip().splitlines()) == 1
    assert "另一个恢复" in second.stderr and "没有改动" in second.stderr, second.stderr
    checked(office_db)

