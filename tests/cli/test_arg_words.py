"""A mistyped command gets one Chinese line naming the argument, and exit code 2."""

from __future__ import annotations

import pytest

from volunteer_app import cli
from volunteer_app.cli.arg_words import chinese


@pytest.mark.parametrize(("argv", "expected"), [
    (["report", "monthly", "--month"], "参数--month后面缺少取值"),
    (["import", "people", "x.xlsx"], "参数类别“people”不是可选的值（可选：residents、volunteers）"),
    (["export", "residents"], "缺少必填的参数：文件"),
    (["match", "--bogus"], "无法识别的参数：--bogus"),
])
def test_mistyped_commands_are_told_in_chinese(argv, expected, tmp_path, capsys):
    with pytest.raises(SystemExit) as ended:
        cli.main([*argv, "--db", str(tmp_path / "x.sqlite3")])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err == f"邻里帮：命令参数有误：{expected}（用 --help 查看用法）\n"
    assert not (tmp_path / "x.sqlite3").exists()


def test_a_value_of_the_wrong_type_and_an_unknown_message():
    assert chinese("argument --days: invalid int value: 'abc'") == "参数--days应为整数，现在是“abc”"
    assert chinese("something argparse says one day") == "something argparse says one day"
