"""python main.py match [--apply] [--json]."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=120)


def test_json_shape_and_apply(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("UPDATE pairings SET state = '已解除' WHERE state = '结对中'")
    conn.commit()
    conn.close()
    out = run("match", "--json", "--db", str(path))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"pairs", "unmatched"}
    assert data["pairs"] and data["unmatched"]
    for pair in data["pairs"]:
        assert set(pair) == {"helper_id", "resident_id", "score", "reasons"}
        assert isinstance(pair["score"], float) and pair["reasons"]
    for item in data["unmatched"]:
        assert set(item) == {"resident_id", "reason"} and item["reason"]
    conn = sqlite3.connect(path)
    ids = {r[0] for r in conn.execute("SELECT id FROM residents")}
    helpers = {r[0] for r in conn.execute("SELECT id FROM volunteers")}
    conn.close()
    assert {p["resident_id"] for p in data["pairs"]} <= ids
    assert {p["helper_id"] for p in data["pairs"]} <= helpers

    applied = run("match", "--json", "--apply", "--db", str(path))
    assert applied.returncode == 0, applied.stderr
    assert json.loads(applied.stdout)["pairs"] == data["pairs"]
    conn = sqlite3.connect(path)
    stored = {tuple(r) for r in conn.execute(
        "SELECT volunteer_id, resident_id FROM pairings WHERE state = '结对中'")}
    conn.close()
    assert stored == {(p["helper_id"], p["resident_id"]) for p in data["pairs"]}
    again = json.loads(run("match", "--json", "--db", str(path)).stdout)
    assert again["pairs"] == []

    table = run("match", "--db", str(path))
    assert table.returncode == 0 and "未能结对" in table.stdout


def test_missing_database_folder_is_a_one_line_error(tmp_path):
    bad = tmp_path / "file"
    bad.write_text("not a database", encoding="utf-8")
    out = run("match", "--db", str(bad))
    assert out.returncode != 0 and len(out.stderr.strip().splitlines()) == 1


def test_the_command_line_says_how_to_widen_not_to_tick_a_box(demo_template, tmp_path):
    # The window has a 允许跨社区结对 box; the command line has --widen. An elder with no
    # helper in her community is told what to do in the words of the place she is read in.
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    out = run("match", "--db", str(path))
    assert out.returncode == 0, out.stderr
    assert "本社区没有帮手" in out.stdout
    assert "勾选" not in out.stdout and "--widen" in out.stdout
