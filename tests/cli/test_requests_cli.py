"""requests rates / hotspots on a real database file: the JSON exactly as issue 13 spells it,
the Chinese table with each formula, and one Chinese line with a non-zero exit on a mistake."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from request_world import make_world

from volunteer_app.cli import main
from volunteer_app.services.requests import tickets
from volunteer_app.services.session import Session
from volunteer_app.store.connection import open_database

ROOT = Path(__file__).resolve().parents[2]
RATE_KEYS = ["month", "received", "rated", "contacted", "resolved", "satisfied", "basically_satisfied",
             "response_rate", "resolution_rate", "satisfaction_rate"]


@pytest.fixture
def db_file(tmp_path) -> str:
    """November 2026: four tickets at the bin point, three called back (the command line runs
    on the real clock, so these are in the past)."""
    path = tmp_path / "requests.sqlite3"
    db = open_database(path)
    session = Session(db)
    world = make_world(session)
    for hour, callback in ((8, ("已联系", "已解决", "满意")), (9, ("已联系", "已解决", "基本满意")),
                           (10, ("未联系", "未解决", None)), (11, None)):
        ticket_id = tickets.add(session, {"source": "12345", "address": "明春苑东门垃圾桶站",
                                          "category": "城乡建设/垃圾分类", "content": "桶站满溢",
                                          "received_at": f"2026-11-0{hour - 7} {hour:02d}:00"})
        if callback:
            tickets.record_callback(session, ticket_id, *callback)
    assert world.bins
    db.close()
    return str(path)


def test_rates_json_is_exactly_the_issues_object(db_file, capsys):
    assert main(["requests", "rates", "--month", "2026-11", "--json", "--db", db_file]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert list(figures) == RATE_KEYS
    assert figures == {"month": "2026-11", "received": 4, "rated": 3, "contacted": 2, "resolved": 2,
                       "satisfied": 1, "basically_satisfied": 1, "response_rate": 0.6667,
                       "resolution_rate": 0.6667, "satisfaction_rate": 0.6667}
    assert main(["requests", "rates", "--month", "2026-10", "--json", "--db", db_file]) == 0
    assert json.loads(capsys.readouterr().out)["response_rate"] is None


def test_rates_table_shows_each_figure_with_its_formula(db_file, capsys):
    assert main(["requests", "rates", "--month", "2026-11", "--db", db_file]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2026-11 接诉即办三率（按来电时间统计）"
    assert "  有回访结果\t3" in out
    assert "  满意率\t66.67%\t满意率 = (满意 + 1 × 基本满意) ÷ 有回访结果的工单" in out


def test_hotspots_json_and_text(db_file, capsys):
    assert main(["requests", "hotspots", "--days", "1", "--json", "--db", db_file]) == 0
    assert json.loads(capsys.readouterr().out) == []              # November's calls are older
    assert main(["requests", "hotspots", "--days", "100000", "--json", "--db", db_file]) == 0
    spots = json.loads(capsys.readouterr().out)
    assert len(spots) == 1 and spots[0]["place_name"] == "明春苑东门垃圾桶站" and spots[0]["count"] == 4
    assert spots[0]["ticket_nos"][0].startswith("SQ")
    assert main(["requests", "hotspots", "--days", "100000", "--db", db_file]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("明春苑东门垃圾桶站\t城乡建设/垃圾分类\t4件\t2026-11-01 至 2026-11-04\t工单：SQ")


@pytest.mark.parametrize(("line", "reason"), [
    (["rates", "--month", "2026-13"], "月份“2026-13”看不懂"),
    (["rates", "--month", "十一月", "--json"], "月份“十一月”看不懂"),
    (["hotspots", "--days", "0"], "统计天数“0”应为正整数"),
])
def test_mistakes_are_one_chinese_line_and_exit_one(db_file, capsys, line, reason):
    assert main(["requests", *line, "--db", db_file]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("邻里帮：") and reason in captured.err
    assert captured.err.count("\n") == 1 and not captured.out


def test_the_front_door_runs_requests_rates(db_file):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    run = [sys.executable, str(ROOT / "main.py"), "requests", "rates", "--db", db_file]
    done = subprocess.run([*run, "--month", "2026-11", "--json"], env=env, capture_output=True, text=True,
                          encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rated"] == 3
    bad = subprocess.run([*run, "--month", "2026/11"], env=env, capture_output=True, text=True, encoding="utf-8")
    assert bad.returncode == 1 and bad.stderr.startswith("邻里帮：月份“2026/11”") and "Traceback" not in bad.stderr
