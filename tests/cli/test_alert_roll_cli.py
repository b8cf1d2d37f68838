"""alert status / alert log on a real demo file, on the real clock: a warning started with
``alert start``, attempts logged by resident id, the JSON exactly as the issue spells it, the
Chinese table, and one Chinese line with a non-zero exit for each mistake."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from volunteer_app.cli import main
from volunteer_app.store.connection import open_database

ROOT = Path(__file__).resolve().parents[2]
KEYS = ["alert", "total", "reached", "needs_help", "median_minutes", "unreached"]


@pytest.fixture
def demo_file(demo_template, tmp_path) -> str:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    return str(path)


@pytest.fixture
def started(demo_file, capsys) -> tuple[str, list[int]]:
    """A 暴雪 warning on 明春苑社区 started now; the roll-call's resident ids in list order."""
    assert main(["alert", "start", "--type", "暴雪", "--level", "橙色", "--community", "明春苑社区",
                 "--db", demo_file]) == 0
    capsys.readouterr()
    db = open_database(demo_file)
    ids = [r for (r,) in db.execute("SELECT resident_id FROM alert_roll ORDER BY position")]
    db.close()
    return demo_file, ids


def _status(db_file: str, capsys) -> dict:
    assert main(["alert", "status", "--json", "--db", db_file]) == 0
    return json.loads(capsys.readouterr().out)


def test_status_json_with_no_warning(demo_file, capsys):
    assert _status(demo_file, capsys) == {"alert": None, "total": 0, "reached": 0, "needs_help": 0,
                                          "median_minutes": None, "unreached": []}
    assert main(["alert", "status", "--db", demo_file]) == 0
    assert capsys.readouterr().out == "现在没有进行中的预警。\n"


def test_log_then_status_json(started, capsys):
    db_file, ids = started
    assert main(["alert", "log", "--resident", str(ids[0]), "--result", "平安", "--db", db_file]) == 0
    assert capsys.readouterr().out.startswith(f"已登记：居民{ids[0]}，平安；现在状态：平安，共尝试1次")
    assert main(["alert", "log", "--resident", str(ids[1]), "--result", "需要帮助", "--need", "送药",
                 "--need", "取暖", "--note", "药快吃完了", "--via", "家属", "--db", db_file]) == 0
    assert "需要送药、取暖" in capsys.readouterr().out
    for _ in range(3):
        assert main(["alert", "log", "--resident", str(ids[2]), "--result", "未接通", "--db", db_file]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("共尝试3次，已转上门查看。")
    status = _status(db_file, capsys)
    assert list(status) == KEYS
    assert status["alert"]["type"] == "暴雪" and status["alert"]["level"] == "橙色"
    assert (status["total"], status["reached"], status["needs_help"]) == (len(ids), 2, 1)
    assert isinstance(status["median_minutes"], float)
    unreached = {u["resident_id"]: u for u in status["unreached"]}
    assert set(unreached) == set(ids[2:])
    assert unreached[ids[2]] == {"resident_id": ids[2], "waiting_minutes": unreached[ids[2]]["waiting_minutes"],
                                 "attempts": 3, "escalated": True}
    db = open_database(db_file)
    resident_ids = {r for (r,) in db.execute("SELECT id FROM residents")}
    db.close()
    assert set(unreached) <= resident_ids


def test_status_table_in_chinese(started, capsys):
    db_file, ids = started
    assert main(["alert", "log", "--resident", str(ids[0]), "--result", "平安", "--db", db_file]) == 0
    capsys.readouterr()
    assert main(["alert", "status", "--db", db_file]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("暴雪橙色预警（") and out[0].endswith("发布）")
    assert out[1:4] == [f"  点名人数\t{len(ids)}", "  已联系上\t1", "  需要帮助\t0"]
    assert out[4].startswith("  联系上的中位用时\t") and out[4].endswith("分钟")
    assert out[5] == f"  未联系上\t{len(ids) - 1}"
    assert out[6] == "居民编号\t已等待（分钟）\t尝试次数\t已转上门"
    assert len(out) == 7 + len(ids) - 1


@pytest.mark.parametrize(("line", "message"), [
    (["--result", "平安", "--resident", "999999"], "居民（编号999999）不在进行中预警的点名名单上"),
    (["--result", "好", "--resident", "FIRST"], "点名结果“好”不对"),
    (["--result", "需要帮助", "--resident", "FIRST"], "请选择需要的帮助"),
    (["--result", "需要帮助", "--need", "买菜", "--resident", "FIRST"], "需要的帮助“买菜”不对"),
    (["--result", "平安", "--via", "邻居", "--resident", "FIRST"], "联系方式“邻居”不对"),
])
def test_log_mistakes_are_one_chinese_line(started, capsys, line, message):
    db_file, ids = started
    line = [str(ids[0]) if word == "FIRST" else word for word in line]
    assert main(["alert", "log", *line, "--db", db_file]) == 1
    err = capsys.readouterr().err
    assert err.startswith("邻里帮：") and message in err and err.count("\n") == 1
    assert _status(db_file, capsys)["reached"] == 0


def test_log_with_no_open_warning(demo_file, capsys):
    assert main(["alert", "log", "--resident", "1", "--result", "平安", "--db", demo_file]) == 1
    assert capsys.readouterr().err == "邻里帮：现在没有进行中的预警，无需登记点名结果。\n"


def test_a_missing_file_is_not_created(tmp_path, capsys):
    missing = tmp_path / "nope.sqlite3"
    for line in (["status", "--json"], ["log", "--resident", "1", "--result", "平安"]):
        assert main(["alert", *line, "--db", str(missing)]) == 1
        assert "找不到数据库文件" in capsys.readouterr().err
    assert not missing.exists()


def test_the_real_command_line(started):
    """Through main.py in its own process: exit codes and stderr as a script sees them."""
    db_file, ids = started
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(*words: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "alert", *words, "--db", db_file],
                              capture_output=True, text=True, env=env, timeout=120)

    done = run("log", "--resident", str(ids[0]), "--result", "已上门", "--via", "上门")
    assert done.returncode == 0 and done.stderr == ""
    bad = run("log", "--resident", str(ids[0]), "--result", "没人")
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    status = run("status", "--json")
    assert status.returncode == 0 and json.loads(status.stdout)["reached"] == 1
