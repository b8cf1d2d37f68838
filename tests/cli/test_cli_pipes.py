"""Commands piped into a reader that stops early (`… | head -1`) end quietly, no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _closed_reader(*args: str) -> tuple[int, str]:
    """Run main.py with its stdout a pipe whose reading end is already closed, as when
    `head -1` has read its line and gone: every write fails with EPIPE, deterministically."""
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    _, err = process.communicate(timeout=120)
    return process.returncode, err.decode("utf-8", "replace")


def test_match_into_a_closed_pipe(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    code, err = _closed_reader("match", "--db", str(path))
    assert code == 141, err
    assert "Traceback" not in err and "BrokenPipeError" not in err and err == ""


def test_json_and_help_into_a_closed_pipe(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    assert _closed_reader("match", "--json", "--db", str(path)) == (141, "")
    code, err = _closed_reader("--help")   # argparse itself swallows the failed write
    assert code in (0, 141) and err == ""


def test_head_in_a_shell_pipeline(demo_template, tmp_path):
    if shutil.which("sh") is None or shutil.which("head") is None:
        pytest.skip("no POSIX shell here")
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    out = subprocess.run(["sh", "-c", f'"{sys.executable}" main.py match --db "{path}" | head -1'],
                         cwd=ROOT, capture_output=True, timeout=120)
    assert out.returncode == 0 and out.stdout.decode("utf-8").startswith("建议结对")
    assert b"Traceback" not in out.stderr and out.stderr == b""
