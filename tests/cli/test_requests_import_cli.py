"""requests import FILE [--errors FILE]: the counts of added, updated and refused tickets, one
line per refused cell, the refused rows saved with their reasons; a wrong file is one
Chinese line and a non-zero exit."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from ticket_fixtures import ticket, write_export

from volunteer_app.cli import main

ROOT = Path(__file__).resolve().parents[2]
MONDAY = datetime(2026, 11, 2, 9, 0)


def _tickets(db: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT ticket_no, status, callback_satisfaction FROM requests "
                            "ORDER BY ticket_no").fetchall()


def test_import_then_a_later_export_updates(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    first = write_export(tmp_path / "11月.xlsx", [ticket(1, MONDAY), ticket(2, MONDAY),
                                                  ticket(3, MONDAY, 满意度="还行")])
    errors = tmp_path / "未导入.xlsx"
    assert main(["requests", "import", str(first), "--errors", str(errors), "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "新增 2 件，更新 0 件，未变 0 件，未导入 1 件。"
    assert out[1].startswith("第5行 满意度：满意度“还行”看不懂")
    assert out[2] == f"未导入的行已另存到 {errors}，改好后可以再导入。"
    sheet = load_workbook(errors).active
    assert sheet.cell(2, 2).value == "GD2026000003" and "满意度" in sheet.cell(2, 18).value

    later = write_export(tmp_path / "12月.csv", [ticket(1, MONDAY, 满意度="满意"), ticket(2, MONDAY),
                                                 ticket(3, MONDAY, 满意度="基本满意")], encoding="gbk")
    assert main(["requests", "import", str(later), "--db", db]) == 0
    assert capsys.readouterr().out == "新增 1 件，更新 1 件，未变 1 件，未导入 0 件。\n"
    assert _tickets(db) == [("GD2026000001", "待签收", "满意"), ("GD2026000002", "待签收", None),
                            ("GD2026000003", "待签收", "基本满意")]


def test_wrong_files_are_one_chinese_line(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    no_numbers = write_export(tmp_path / "x.xlsx", [ticket(1, MONDAY)], ["诉求人", "来电时间"])
    for line, reason in (([str(tmp_path / "none.xlsx")], "找不到文件"),
                         ([str(tmp_path / "a.txt")], "不支持的文件类型"),
                         ([str(no_numbers)], "没有“工单编号”列")):
        if line[0].endswith(".txt"):
            Path(line[0]).write_text("工单编号", encoding="utf-8")
        assert main(["requests", "import", *line, "--db", db]) == 1
        err = capsys.readouterr().err
        assert reason in err and err.count("\n") == 1 and "Traceback" not in err


def test_the_front_door_runs_requests_import(tmp_path):
    db = str(tmp_path / "office.sqlite3")
    path = write_export(tmp_path / "12345.xlsx", [ticket(1, MONDAY)])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "requests", "import", str(path),
                           "--db", db], env=env, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "新增 1 件，更新 0 件，未变 0 件，未导入 0 件。\n"
