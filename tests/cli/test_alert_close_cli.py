"""alert close --report FILE.pdf on a real database file: the open warning is closed, its
report written and a Chinese summary printed (in-process, on the tests' one QApplication); with nothing open, a bad report path or no
database, one Chinese line and a non-zero exit, and nothing changed or created."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest
from alert_close_world import attempt, open_warning, roll
from pdftext import pdf_text

from volunteer_app.cli import main
from volunteer_app.services.session import Session
from volunteer_app.store.connection import open_database


@pytest.fixture
def db_file(demo_template, tmp_path) -> str:
    """The demo with an open 暴雪 warning, three residents reached (the command line runs on
    the real clock, so the warning started in the past)."""
    path = tmp_path / "alert.sqlite3"
    shutil.copy(demo_template, path)
    db = open_database(path)
    session = Session(db)
    alert_id = open_warning(session)
    for minute, row in enumerate(roll(session, alert_id)[:3]):
        attempt(session, row["id"], "平安", datetime(2026, 11, 28, 8, minute), caller_id=row["caller_id"])
    db.close()
    return str(path)


def closed_at(db_file: str):
    db = open_database(db_file)
    try:
        return db.execute("SELECT closed_at FROM alerts").fetchone()[0]
    finally:
        db.close()


def test_close_writes_the_report_and_prints_a_summary(db_file, tmp_path, capsys, qapp):
    report = tmp_path / "报告" / "暴雪总结.pdf"
    assert main(["alert", "close", "--report", str(report), "--db", db_file]) == 0
    out = capsys.readouterr().out
    assert out.startswith("已解除暴雪橙色预警：点名")
    assert "已联系上3人" in out and "生成服务记录" in out and str(report) in out
    assert "暴雪橙色预警总结报告" in "".join(pdf_text(report).split())
    assert closed_at(db_file) is not None


def test_nothing_open_is_one_chinese_line(db_file, tmp_path, capsys, qapp):
    assert main(["alert", "close", "--report", str(tmp_path / "a.pdf"), "--db", db_file]) == 0
    capsys.readouterr()
    assert main(["alert", "close", "--report", str(tmp_path / "b.pdf"), "--db", db_file]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "邻里帮：没有进行中的预警，无需解除。"
    assert not (tmp_path / "b.pdf").exists()


@pytest.mark.parametrize("name, words", [("report.txt", "应以 .pdf 结尾"), ("folder.pdf", "是一个文件夹")])
def test_a_bad_report_path_closes_nothing(db_file, tmp_path, capsys, qapp, name, words):
    (tmp_path / "folder.pdf").mkdir()
    assert main(["alert", "close", "--report", str(tmp_path / name), "--db", db_file]) == 1
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1
    assert closed_at(db_file) is None


def test_no_database_is_never_created(tmp_path, capsys, qapp):
    missing = tmp_path / "none.sqlite3"
    assert main(["alert", "close", "--report", str(tmp_path / "r.pdf"), "--db", str(missing)]) == 1
    assert "找不到数据库文件" in capsys.readouterr().err
    assert not missing.exists()
