"""place add-community / add / list on an empty database, as a committee starting out would
type them; a mistake is one Chinese line and a non-zero exit, and changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from volunteer_app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_add_a_community_and_its_courtyard_then_list(tmp_path, capsys):
    db = str(tmp_path / "empty.sqlite3")
    assert main(["place", "add-community", "高立庄社区", "--street", "花乡街道", "--db", db]) == 0
    assert main(["place", "add", "高立庄", "--community", "高立庄社区", "--kind", "院落", "--db", db]) == 0
    assert main(["place", "add", "明春苑", "--community", "1", "--db", db]) == 0
    capsys.readouterr()
    assert main(["place", "list", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["1\t高立庄社区\t社区\t花乡街道", "  1\t高立庄\t院落", "  2\t明春苑\t小区"]


def test_mistakes_say_one_chinese_line_and_change_nothing(tmp_path, capsys):
    db = str(tmp_path / "empty.sqlite3")
    assert main(["place", "add-community", "高立庄社区", "--db", db]) == 0
    capsys.readouterr()
    for line, reason in ((["place", "add-community", "高立庄社区"], "已经有了"),
                         (["place", "add-community", " "], "社区名称为空"),
                         (["place", "add", "明春苑", "--community", "银地社区"], "找不到社区“银地社区”")):
        assert main([*line, "--db", db]) == 1
        err = capsys.readouterr().err
        assert reason in err and err.count("\n") == 1 and "Traceback" not in err
    assert main(["place", "list", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines() == ["1\t高立庄社区\t社区\t"]


def test_the_front_door_runs_place_commands(tmp_path):
    db = str(tmp_path / "empty.sqlite3")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    run = [sys.executable, str(ROOT / "main.py"), "place"]
    done = subprocess.run([*run, "add-community", "银地第二社区", "--db", db], env=env,
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    bad = subprocess.run([*run, "add", "银地家园", "--community", "9", "--db", db], env=env,
                         capture_output=True, text=True, encoding="utf-8")
    assert bad.returncode == 1 and bad.stderr.startswith("邻里帮：找不到社区“9”") and not bad.stdout
