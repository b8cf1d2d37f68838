"""alert start on a copy of the demo file: the summary, the upgrade, and one Chinese line with
a non-zero exit for an open warning, an unknown community or a bad time; no database made."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from volunteer_app.cli import main

FULL_WIDTH = str.maketrans("0123456789:", "０１２３４５６７８９：")


@pytest.fixture
def demo_file(demo_session) -> str:
    return demo_session.path


def rows(session, sql: str, params=()) -> list[tuple]:
    return session.db.execute(sql, list(params)).fetchall()


def test_start_prints_one_summary_and_keeps_what_it_says(demo_session, demo_file, capsys):
    until = (datetime.now() + timedelta(days=2)).replace(hour=18, minute=0, second=0, microsecond=0)
    typed = until.strftime("%Y-%m-%d %H:%M").translate(FULL_WIDTH)      # ２０２６-１２-０５ １８：００
    assert main(["alert", "start", "--type", "暴雪", "--level", "橙色", "--until", typed, "--community", "明春苑社区",
                 "--notice", "区气象台发布暴雪橙色预警", "--insurance", "人保意外险 P-9", "--db", demo_file]) == 0
    out = capsys.readouterr()
    alert = rows(demo_session, "SELECT id, type, level, until, notice FROM alerts")
    assert alert == [(1, "暴雪", "橙色", until.isoformat(), "区气象台发布暴雪橙色预警")]
    roll_count = rows(demo_session, "SELECT count(*) FROM alert_roll")[0][0]
    made = rows(demo_session, "SELECT count(*), count(DISTINCT t.id) FROM shifts s JOIN tasks t ON t.id = s.task_id "
                              "WHERE t.alert_id = 1")[0]
    lines = out.out.splitlines()
    assert lines[0] == "已发布暴雪橙色预警（编号1，明春苑社区）。"
    assert lines[1] == f"点名名单：{roll_count}人。" and roll_count > 0
    assert lines[2].startswith(f"值班班次：新生成{made[0]}个（{made[1]}项任务），一键补缺安排")
    assert out.err == "" and not [line for line in lines if "保险" in line]
    assert {r[0] for r in rows(demo_session, "SELECT insurance FROM tasks WHERE alert_id = 1")} == {"人保意外险 P-9"}
    assert rows(demo_session, "SELECT c.name FROM alert_communities a JOIN communities c ON c.id = a.community_id"
                ) == [("明春苑社区",)]


def test_a_missing_insurance_is_a_reminder_line(demo_file, capsys):
    assert main(["alert", "start", "--type", "暴雪", "--level", "黄", "--db", demo_file]) == 0
    out = capsys.readouterr().out
    assert "提醒：雪后铲冰：明春苑 需要为志愿者登记保险（《志愿服务条例》第十七条），尚未登记。" in out


def test_an_open_warning_refuses_with_one_line_and_a_higher_level_upgrades(demo_session, demo_file, capsys):
    assert main(["alert", "start", "--type", "暴雪", "--level", "黄色", "--db", demo_file]) == 0
    capsys.readouterr()
    for again in (["--type", "暴雪", "--level", "黄色"], ["--type", "暴雨", "--level", "红色"]):
        assert main(["alert", "start", *again, "--db", demo_file]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("邻里帮：") and "已有进行中的暴雪黄色预警" in err
        assert "请先解除或升级" in err and "Traceback" not in err
    assert main(["alert", "start", "--type", "暴雪", "--level", "红色", "--db", demo_file]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("已升级为暴雪红色预警（编号1，") and out[1].startswith("点名名单：共")
    assert rows(demo_session, "SELECT level FROM alerts") == [("红色",)]


@pytest.mark.parametrize("args, words", [
    (["--type", "冰雹", "--level", "橙色"], "预警类型“冰雹”不对"),
    (["--type", "暴雪", "--level", "紫色"], "预警级别“紫色”不对"),
    (["--type", "暴雪", "--level", "橙色", "--community", "明春"], "找不到社区“明春”，请写社区的全名：银地第二社区"),
    (["--type", "暴雪", "--level", "橙色", "--until", "明天傍晚"], "预计结束时间（--until）“明天傍晚”看不懂"),
    (["--type", "暴雪", "--level", "橙色", "--until", "2020-01-01T08:00"], "应晚于发布时间"),
])
def test_bad_input_is_one_chinese_line_and_nothing_is_started(demo_session, demo_file, capsys, args, words):
    assert main(["alert", "start", *args, "--db", demo_file]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err
    assert rows(demo_session, "SELECT count(*) FROM alerts") == [(0,)]


def test_no_database_is_created(tmp_path, capsys):
    missing = tmp_path / "nowhere.sqlite3"
    assert main(["alert", "start", "--type", "暴雪", "--level", "橙色", "--db", str(missing)]) == 1
    assert "找不到数据库文件" in capsys.readouterr().err
    assert not missing.exists() and list(tmp_path.iterdir()) == []


def test_type_and_level_are_required(demo_file, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["alert", "start", "--level", "橙色", "--db", demo_file])
    assert exited.value.code == 2
    assert capsys.readouterr().err == "邻里帮：命令参数有误：缺少必填的参数：--type（用 --help 查看用法）\n"
