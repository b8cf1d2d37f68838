"""A command killed mid-write (SIGKILL) leaves its partial file beside the target; the next
command writing the same target removes it once its writer is certainly dead, and never one a
running command is still writing (two commands at once both finish).

Each writer is killed for real: a subprocess runs the writer the commands use and SIGKILLs
itself in the middle of the write (or main.py is killed from outside once its partial file is
there), then the real main.py command writes the same target.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.cli.test_cut_off_and_at_once import ENV, ROOT, run, start

_KILLERS = {
    # the export/report/roster writer: output_files.written_whole
    "export": """
        from volunteer_app.services.output_files import written_whole
        with written_whole(TARGET) as partial:
            partial.write_bytes(b"PK" * 5000)
            die()
    """,
    # the backup writer: safe_copy.write_verified
    "backup": """
        from volunteer_app.store import safe_copy
        safe_copy.write_verified(lambda partial: (partial.write_bytes(b"x" * 8192), die()), TARGET)
    """,
    # a new database: new_file.create, killed between SQLite's 0-byte file and its first page
    "new database": """
        import sqlite3
        from volunteer_app.store import new_file
        real = sqlite3.connect
        class Killing:
            Error = sqlite3.Error
            @staticmethod
            def connect(path):
                conn = real(path)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("CREATE TABLE half (x)")
                die()
        new_file.sqlite3 = Killing
        new_file.create(TARGET)
    """,
}


def killed_while_writing(kind: str, target: Path) -> None:
    script = ("import os, signal, sys\nfrom pathlib import Path\n"
              f"TARGET = Path({str(target)!r})\n"
              "def die():\n    os.kill(os.getpid(), signal.SIGKILL)\n"
              + textwrap.dedent(_KILLERS[kind]))
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    kept = {name + end for name in keep for end in ("", "-wal", "-shm", "-journal", ".lock")}
    return sorted(p.name for p in folder.iterdir() if p.name not in kept)


@pytest.mark.parametrize("kind", ["export", "backup", "new database"])
def test_the_next_command_removes_a_killed_writers_partial_file(kind, demo_template, tmp_path):
    folder = tmp_path / "社区 台账"
    folder.mkdir()
    db = folder / "邻里帮 数据.sqlite3"
    if kind == "new database":
        target, command = db, ("place", "add-community", "高立庄社区", "--db", str(db))
    else:
        db.write_bytes(demo_template.read_bytes())
        target = folder / ("居民 台账.xlsx" if kind == "export" else "备份 周一.sqlite3")
        command = (("export", "residents", str(target)) if kind == "export"
                   else ("backup", "--out", str(target))) + ("--db", str(db))
    killed_while_writing(kind, target)
    assert leftovers(folder, {db.name}), "the killed writer left nothing to clean up"
    assert not target.exists()

    result = run(*command)
    assert result.returncode == 0, result.stderr
    assert leftovers(folder, {db.name, target.name}) == []


def test_a_demo_killed_half_way_is_cleared_by_the_next_demo(tmp_path):
    db = tmp_path / "演示 社区.sqlite3"
    process = start("demo", "--db", str(db))
    deadline = time.monotonic() + 120
    while not any(w.stat().st_size > 1_000_000 for w in tmp_path.glob("*-wal") if w.exists()):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert leftovers(tmp_path, set())

    again = run("demo", "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert leftovers(tmp_path, {db.name}) == []


def test_a_certificate_killed_while_printing_is_cleared_by_the_next_print(demo_template, tmp_path):
    db = tmp_path / "邻里帮 数据.sqlite3"
    db.write_bytes(demo_template.read_bytes())
    out = tmp_path / "证明 书.pdf"
    process = start("report", "certificate", "--volunteer", "1", "--handler", "李春梅", "--out", str(out), "--db", str(db))
    deadline = time.monotonic() + 120
    while not any(tmp_path.glob("*partial*partial*")):     # printing's own partial file inside
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert any(tmp_path.glob("*partial*"))

    again = run("report", "certificate", "--volunteer", "1", "--handler", "李春梅", "--out", str(out), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert not list(tmp_path.glob("*partial*"))


def test_a_running_writers_partial_file_is_left_alone(demo_template, tmp_path):
    """The first export is frozen (SIGSTOP) with its partial file half-written while a second
    export of the same file runs: the second must not take the first one's file away."""
    db = tmp_path / "邻里帮 数据.sqlite3"
    db.write_bytes(demo_template.read_bytes())
    out = tmp_path / "居民.xlsx"
    first = start("export", "residents", str(out), "--db", str(db))
    deadline = time.monotonic() + 120
    while not any(tmp_path.glob("*partial*")):
        assert first.poll() is None and time.monotonic() < deadline, first.communicate()
        time.sleep(0.001)
    first.send_signal(signal.SIGSTOP)
    try:
        partial = next(tmp_path.glob("*partial*"))
        second = run("export", "residents", str(out), "--db", str(db))
        assert partial.exists(), "the running export's partial file was removed"
    finally:
        first.send_signal(signal.SIGCONT)
    out_text, err = first.communicate(timeout=120)
    assert second.returncode == 0, second.stderr
    assert first.returncode == 0, err
    assert not list(tmp_path.glob("*partial*"))
