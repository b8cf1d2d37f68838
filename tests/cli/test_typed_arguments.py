"""Every argument of every subcommand, typed with a Chinese input method: free text loses the
spaces around it (a full-width one, a newline or tab pasted from Excel or WeChat), codes,
numbers, roles, choices and dates typed full-width are read half-width, and a value that is
still wrong gets one Chinese line naming the argument (exit 2) before anything is opened."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from volunteer_app.cli import build_parser, main
from volunteer_app.cli.typed_values import path, plain, street_role, text, user_role
from volunteer_app.store.connection import open_database

# Arguments whose value is taken exactly as typed, and why.
EXACT = {("street", "add-publisher", "--password"): "a password is compared byte for byte",
         ("street", "add-viewer", "--password"): "a password is compared byte for byte"}
READERS = {plain, text, path, int, street_role, user_role}


def _arguments(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _arguments(sub, (*prefix, name))
        elif action.nargs != 0 and not isinstance(action, argparse._HelpAction):
            yield (*prefix, action.option_strings[0] if action.option_strings else action.dest), action


def test_every_argument_that_takes_a_value_reads_what_an_input_method_types():
    unread = []
    for where, action in _arguments(build_parser()):
        if where in EXACT:
            assert action.type is None, where
        elif action.type not in READERS:
            unread.append(" ".join(where))
    assert unread == [], f"arguments taken as typed (give them a type= of cli/typed_values): {unread}"


@pytest.mark.parametrize(("line", "dest", "meant"), [
    # free text: the spaces around it go, full-width signs inside stay
    (["place", "add-community", "\u3000高立庄社区\u3000"], "name", "高立庄社区"),
    (["place", "add-community", "高立庄社区", "--street", "花乡街道\n"], "street", "花乡街道"),
    (["place", "add", "明春苑（东区）\t", "--community", "\u3000明春苑社区"], "name", "明春苑（东区）"),
    (["place", "add", "明春苑", "--community", "明春苑社区\u3000"], "community", "明春苑社区"),
    (["place", "flood-prone", "低洼院\u3000", "--community", "新发地村"], "name", "低洼院"),
    (["alert", "log", "--resident", "１２", "--result", "平安\u3000"], "result", "平安"),
    (["alert", "log", "--resident", "1", "--result", "需要帮助", "--need", "送药\u3000"], "need", ["送药"]),
    (["alert", "log", "--resident", "1", "--result", "平安", "--via", "\u3000家属"], "via", "家属"),
    (["alert", "log", "--resident", "1", "--result", "平安", "--note", "药快吃完了（降压药）\n"],
     "note", "药快吃完了（降压药）"),
    (["alert", "start", "--type", "暴雪\u3000", "--level", "橙色"], "type", "暴雪"),
    (["alert", "start", "--type", "暴雪", "--level", "\u3000橙色"], "level", "橙色"),
    (["alert", "start", "--type", "暴雪", "--level", "橙色", "--until", "２０２６－１２－０５ １８：００\u3000"],
     "until", "２０２６－１２－０５ １８：００"),        # read half-width by alert start itself
    (["alert", "start", "--type", "暴雪", "--level", "橙色", "--community", "明春苑社区\u3000"],
     "community", ["明春苑社区"]),
    (["alert", "start", "--type", "暴雪", "--level", "橙色", "--notice", "北京市气象台发布暴雪橙色预警。\n"],
     "notice", "北京市气象台发布暴雪橙色预警。"),
    (["alert", "start", "--type", "暴雪", "--level", "橙色", "--insurance", "人保　ＰＩＣＣ－１\u3000"],
     "insurance", "人保　ＰＩＣＣ－１"),
    (["user", "add", "bob", "--name", "\u3000王小明\u3000", "--role", "staff"], "name", "王小明"),
    (["report", "monthly", "--team", "高立庄夕阳红志愿服务队\u3000", "--month", "2026-11", "--out", "a.pdf"],
     "team", "高立庄夕阳红志愿服务队"),
    (["report", "hours", "--team", "２\u3000", "--year", "2026", "--out", "a.pdf"], "team", "２"),
    (["report", "certificate", "--volunteer", "ＺＹ２０２６－０００１２\u3000", "--out", "a.pdf"],
     "volunteer", "ＺＹ２０２６－０００１２"),         # found half-width by find_volunteer
    (["report", "certificate", "--volunteer", "1", "--handler", "\u3000李春梅\u3000", "--out", "a.pdf"],
     "handled_by", "李春梅"),
    (["roster", "--team", "\u3000１", "--week", "2026-W49"], "team", "１"),
    (["roster", "--volunteer", "３\t", "--week", "2026-W49"], "volunteer", "３"),
    (["publish", "--to", "postgresql://h/street\u3000"], "to", "postgresql://h/street"),
    (["street", "init", "--server", "postgresql://h/street\n"], "server", "postgresql://h/street"),
    # codes, dates, weeks, logins and choices: half-width
    (["user", "add", "ｂｏｂ\u3000", "--name", "王", "--role", "staff"], "login", "bob"),
    (["user", "add", "bob", "--name", "王", "--role", "ｓｔａｆｆ\u3000"], "role", "staff"),
    (["user", "add", "bob", "--name", "王", "--role", "社区工作者"], "role", "staff"),   # as the window says it
    (["user", "add", "bob", "--name", "王", "--role", "管理员"], "role", "admin"),       # as --help says it
    (["user", "reset-password", "ｂｏｂ"], "login", "bob"),
    (["import", "ｒｅｓｉｄｅｎｔｓ", "台账.xlsx"], "kind", "residents"),
    (["export", "ｒｅｃｏｒｄｓ\u3000", "记录.csv"], "kind", "records"),
    (["roster", "--team", "1", "--week", "２０２６－Ｗ４９", "--format", "ｔｅｘｔ"], "format", "text"),
    (["place", "add-community", "新发地村", "--kind", "村\u3000"], "kind", "村"),
    (["place", "add", "明春苑", "--community", "1", "--kind", "\u3000院落"], "kind", "院落"),
    (["report", "certificate", "--volunteer", "1", "--from", "２０２６－０１－０１\u3000", "--out", "a.pdf"],
     "date_from", "2026-01-01"),
    (["report", "hours", "--to", "２０２６－１１－３０", "--out", "a.pdf"], "date_to", "2026-11-30"),
    (["requests", "rates", "--month", "２０２６－１１"], "month", "2026-11"),
    (["street", "add-publisher", "--server", "postgresql://h/s", "--role", "ｈｕａｘｉａｎｇ＿ｇａｏｌｉｚｈｕａｎｇ\u3000"],
     "role", "huaxiang_gaolizhuang"),
    (["street", "add-viewer", "--server", "postgresql://h/s", "--role", "huaxiang_street", "--password", " 密 码\u3000"],
     "password", " 密 码\u3000"),                          # exactly as typed
    # counts and ids
    (["alert", "log", "--resident", "１２\u3000", "--result", "平安"], "resident", 12),
    (["demo", "--scale", "２"], "scale", 2),
    (["user", "add", "bob", "--name", "王", "--role", "captain", "--volunteer", "３\u3000"], "volunteer", "３"),
    (["report", "hours", "--year", "２０２６", "--out", "a.pdf"], "year", 2026),
    (["requests", "hotspots", "--days", "３０\u3000"], "days", 30),
    (["publish", "--to", "postgresql://h/s", "--batch", "１００"], "batch", 100),
    # files: the spaces around the name go
    (["--db", "\u3000台账 数据.sqlite3\u3000", "check"], "db", Path("台账 数据.sqlite3")),
    (["backup", "--out", "备份.sqlite3\n"], "out", Path("备份.sqlite3")),
    (["restore", "\u3000备份.sqlite3"], "file", Path("备份.sqlite3")),
    (["import", "residents", "台账.xlsx\u3000", "--errors", "\t未导入.xlsx"], "errors", Path("未导入.xlsx")),
    (["export", "residents", "居民 台账.xlsx\u3000"], "file", Path("居民 台账.xlsx")),
    (["requests", "import", "12345.xlsx\u3000", "--errors", "错.xlsx\u3000"], "file", Path("12345.xlsx")),
    (["report", "monthly", "--month", "2026-11", "--out", "月报.pdf\u3000"], "out", Path("月报.pdf")),
    (["roster", "--team", "1", "--week", "2026-W49", "--out", "值班.ics\u3000"], "out", Path("值班.ics")),
    (["alert", "close", "--report", "总结.pdf\u3000"], "report", Path("总结.pdf")),
])
def test_a_typed_argument_is_read_as_meant(line, dest, meant):
    assert getattr(build_parser().parse_args(line), dest) == meant


@pytest.mark.parametrize(("line", "named"), [
    (["street", "add-publisher", "--server", "postgresql://nowhere.invalid/s", "--role", "花乡"], "--role"),
    (["street", "add-viewer", "--server", "postgresql://nowhere.invalid/s", "--role", "Ｈｕａｘｉａｎｇ"], "--role"),
    (["user", "add", "bob", "--name", "王", "--role", "主任"], "--role"),
    (["alert", "log", "--resident", "十二", "--result", "平安"], "--resident"),
    (["export", "居民", "a.xlsx"], "类别"),
    (["roster", "--team", "1", "--week", "2026-W49", "--format", "ｗｏｒｄ"], "--format"),
])
def test_a_value_still_wrong_gets_one_chinese_line_naming_the_argument(line, named, capsys):
    with pytest.raises(SystemExit) as ended:
        main(line)
    assert ended.value.code == 2
    said = capsys.readouterr().err
    assert len(said.strip().splitlines()) == 1, said
    assert said.startswith("邻里帮：命令参数有误：参数") and named in said, said
    assert "argument" not in said and "invalid" not in said, said


def test_a_roll_call_result_typed_with_a_full_width_space_is_stored_without_it(demo_template, tmp_path, capsys):
    db_file = str(shutil.copy(demo_template, tmp_path / "demo.sqlite3"))
    assert main(["alert", "start", "--type", "暴雪\u3000", "--level", "橙色", "--community", "明春苑社区\u3000",
                 "--db", db_file]) == 0
    db = open_database(db_file)
    first = db.execute("SELECT resident_id FROM alert_roll ORDER BY position").fetchone()[0]
    db.close()
    assert main(["alert", "log", "--resident", str(first), "--result", "需要帮助\u3000",
                 "--need", "送药\u3000", "--note", "药快吃完了\u3000\n", "--db", db_file]) == 0, capsys.readouterr().err
    db = open_database(db_file)
    try:
        stored = db.execute("SELECT result, needs, note FROM alert_attempts ORDER BY id DESC").fetchone()
    finally:
        db.close()
    assert tuple(stored) == ("需要帮助", '["送药"]', "药快吃完了")
