"""The layers hold: ui and cli hold no SQL, the command line never imports the window,
and import-linter's contracts name every package of volunteer_app."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "volunteer_app"

# What SQL looks like in Python source: a statement keyword followed by its next word, or a
# call that hands a statement to the database. Chinese UI text never matches these.
SQL = re.compile(
    r"\.execute(many|script)?\(|\.query\(|\.rows_where\(|\.table\(|\bdb\[|PRAGMA\s"
    r"|\bSELECT\s+[\w*(]|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b")


def _sql_lines(folder: Path) -> list[str]:
    return [f"{path.relative_to(folder)}:{number}: {line.strip()}"
            for path in sorted(folder.rglob("*.py"))
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if SQL.search(line)]


@pytest.mark.parametrize("layer", ["ui", "cli"])
def test_ui_and_cli_hold_no_sql(layer):
    assert _sql_lines(PACKAGE / layer) == []


def test_the_sql_scan_finds_sql(tmp_path):
    """The scan would see the SQL it forbids (a test that cannot fail is a defect)."""
    (tmp_path / "page.py").write_text(
        'rows = session.db.execute("SELECT id FROM teams").fetchall()\n'
        'n = session.db.table("residents").count\n'
        'sql = "DELETE FROM pairs WHERE id = ?"\n'
        'label = "选择队伍"  # update the team set\n', encoding="utf-8")
    found = _sql_lines(tmp_path)
    assert [line.split(":")[1] for line in found] == ["1", "2", "3"]


def _contracts() -> list[dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["contracts"]


def test_the_layers_contract_names_every_package():
    layers = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    named = {name.strip() for layer in layers for name in layer.split("|")}
    packages = {f"volunteer_app.{p.name}" for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages == named
    assert "volunteer_app.ui | volunteer_app.cli" in layers  # siblings: neither imports the other


def test_every_command_loads_without_the_window():
    """Building the whole command line (every command module) imports nothing from ui."""
    code = ("import sys; from volunteer_app.cli import build_parser; build_parser(); "
            "print(sorted(m for m in sys.modules if m.startswith('volunteer_app.ui')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_main_py_chooses_the_window_only_without_a_command(tmp_path):
    from volunteer_app.cli import window_database

    db = tmp_path / "a.sqlite3"
    assert window_database(["--db", str(db)]) == db
    assert window_database([f"--db={db}"]) == db
    assert window_database(["check", "--db", str(db)]) is None
    assert window_database(["--help"]) is None


def test_cli_main_without_a_command_says_so_in_one_line(tmp_path, capsys):
    from volunteer_app.cli import main

    assert main(["--db", str(tmp_path / "a.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "没有给出命令" in err
