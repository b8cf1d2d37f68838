"""import … --errors FILE, and requests import … --errors FILE: a file for the refused rows that
cannot be written is refused before anything is imported. It used to fail after the import
had been saved: exit 1 (a script takes the import for failed, though it changed the file),
with the system's English reason ("Not a directory") and no word that the rows were saved."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from ledger_fixtures import write_csv
from ticket_fixtures import ticket, write_export

from volunteer_app.cli import main


@pytest.fixture
def db_file(demo_template, tmp_path) -> str:
    path = tmp_path / "社区 数据.sqlite3"
    shutil.copy(demo_template, path)
    return str(path)


def _count(db: str, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _ledgers(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    """One good row and one refused row each: a residents ledger and a 12345 export."""
    residents = write_csv(tmp_path / "居民 台账.csv", [["姓名", "性别", "出生日期"],
                                                    ["错行淑兰", "女", "1936-04-02"],
                                                    ["错行秀英", "女", "昨天"]], "utf-8-sig")
    tickets = write_export(tmp_path / "12345 工单.xlsx", [ticket(1, datetime(2026, 11, 2, 9, 0)),
                                                          ticket(2, "昨天")])
    return {"residents": (["import", "residents", str(residents)], "residents"),
            "tickets": (["requests", "import", str(tickets)], "requests")}


@pytest.mark.parametrize("kind", ["residents", "tickets"])
@pytest.mark.parametrize(("name", "reason"), [("挡路的文件/未导入.xlsx", "不是文件夹"),
                                               ("未导入.txt", "应以 .xlsx 或 .csv 结尾"),
                                               ("一个文件夹.xlsx", "是一个文件夹")])
def test_an_errors_file_that_cannot_be_written_imports_nothing(db_file, tmp_path, capsys, kind,
                                                              name, reason):
    (tmp_path / "挡路的文件").write_text("a file where a folder should be", encoding="utf-8")
    (tmp_path / "一个文件夹.xlsx").mkdir()
    line, table = _ledgers(tmp_path)[kind]
    before = _count(db_file, table)
    assert main([*line, "--errors", str(tmp_path / name), "--db", db_file]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and reason in captured.err, captured.err
    assert _count(db_file, table) == before


@pytest.mark.parametrize("kind", ["residents", "tickets"])
def test_a_good_errors_file_still_gets_the_refused_row(db_file, tmp_path, capsys, kind):
    line, table = _ledgers(tmp_path)[kind]
    before = _count(db_file, table)
    errors = tmp_path / "新 文件夹" / "未导入.xlsx"
    assert main([*line, "--errors", str(errors), "--db", db_file]) == 0, capsys.readouterr().err
    assert f"未导入的行已另存到 {errors}" in capsys.readouterr().out
    assert errors.stat().st_size > 1000 and _count(db_file, table) == before + 1
