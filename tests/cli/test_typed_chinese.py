"""Arguments typed with a Chinese input method left in full-width mode (２０２６－１１,
ＺＹ２０２６－０００１２, a full-width space after a word) are read as the half-width text
the person meant; a script's output redirected into a file on a Chinese Windows PC (GBK, the
console's code page) keeps the rare characters of names instead of ending in a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from volunteer_app.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_file(demo_template, tmp_path) -> str:
    path = tmp_path / "社区 数据.sqlite3"
    shutil.copy(demo_template, path)
    return str(path)


@pytest.mark.parametrize(("argv", "said"), [
    (["report", "monthly", "--team", "１", "--month", "２０２６－１１", "--out", "{out}/月报.pdf"],
     "已生成 高立庄夕阳红志愿服务队 2026-11 月报"),
    (["report", "requests", "--month", "２０２６－１１　", "--out", "{out}/接诉即办.pdf"],
     "已生成 2026-11 接诉即办月报"),
    (["report", "certificate", "--volunteer", "ＺＹ２０２６－０００１２", "--from", "２０２６－０１－０１",
      "--to", "２０２６－１１－３０", "--handler", "李春梅\u3000", "--out", "{out}/证明.pdf"],
     "2026-01-01至2026-11-30，"),
    (["report", "hours", "--from", "２０２６－０１－０１", "--to", "２０２６－１１－３０", "--team", "２",
      "--out", "{out}/时长.xlsx"], "2026-01-01至2026-11-30"),
    (["roster", "--team", "１", "--week", "２０２６－Ｗ４９", "--format", "text"], "第49周值班表"),
    (["roster", "--volunteer", "３", "--week", "２０２６－ｗ４９", "--out", "{out}/值班.ics"], "2026-W49"),
    (["requests", "rates", "--month", "２０２６－１１"], "2026-11 接诉即办三率"),
])
def test_full_width_arguments_are_read_as_meant(db_file, tmp_path, capsys, qapp, argv, said):
    line = [word.replace("{out}", str(tmp_path / "输出 文件")) for word in argv]
    assert main([*line, "--db", db_file]) == 0, capsys.readouterr().err
    assert said in capsys.readouterr().out


def test_a_team_named_with_full_width_signs_is_still_found_by_its_name(db_file, tmp_path, capsys, qapp):
    """Only what does not match as typed is read half-width: a team whose real name has
    full-width brackets is found by that name."""
    from volunteer_app.services.people import teams
    from volunteer_app.services.session import Session
    from volunteer_app.store.connection import open_database

    db = open_database(db_file)
    try:
        teams.create(Session(db), "新发地村（二组）青年队")
    finally:
        db.close()
    out = tmp_path / "月报.pdf"
    assert main(["report", "monthly", "--team", "新发地村（二组）青年队", "--month", "2026-11",
                 "--out", str(out), "--db", db_file]) == 0, capsys.readouterr().err
    assert "新发地村（二组）青年队 2026-11 月报" in capsys.readouterr().out


def _gbk_run(*args: str) -> subprocess.CompletedProcess:
    """main.py with its output redirected into a file on a Chinese Windows PC: GBK."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "gbk", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, timeout=120)


def test_rare_characters_survive_output_redirected_as_gbk(db_file):
    """𠮷 (a surname's rare form) is outside GBK: printing it used to end in a traceback."""
    added = _gbk_run("place", "add-community", "𠮷祥社区", "--db", db_file)
    assert added.returncode == 0, added.stderr.decode("gb18030")
    listed = _gbk_run("place", "list", "--db", db_file)
    assert listed.returncode == 0, listed.stderr.decode("gb18030")
    text = listed.stdout.decode("gb18030")
    assert "𠮷祥社区" in text and "高立庄" in text
    assert "高立庄".encode("gbk") in listed.stdout          # still GBK for every GBK character
    again = _gbk_run("place", "add-community", "𠮷祥社区", "--db", db_file)
    assert again.returncode == 1 and "𠮷祥社区" in again.stderr.decode("gb18030")



def test_a_ledger_typed_in_full_width_imports(db_file, tmp_path, capsys):
    """ID numbers and phones typed full-width were read; a birth date was refused (看不懂)."""
    from ledger_fixtures import write_csv

    ledger = write_csv(tmp_path / "全角 台账.csv", [
        ["姓名", "性别", "出生日期", "手机号"],
        ["全角淑兰", "女", "１９３６－０４－０２", "１３９　１２３４　５６７８"],
        ["全角秀英", "女", "１９３５年３月１日", "（０１０）６７８９－１２３４"],
    ], "utf-8-sig")
    assert main(["import", "residents", str(ledger), "--all-or-nothing", "--db", db_file]) == 0, \
        capsys.readouterr()
    assert capsys.readouterr().out.startswith("已导入 2 行")
    import sqlite3

    with sqlite3.connect(db_file) as conn:
        rows = conn.execute("SELECT name, birth_date, phone FROM residents WHERE name LIKE '全角%' "
                            "ORDER BY name").fetchall()
    assert rows == [("全角淑兰", "1936-04-02", "13912345678"), ("全角秀英", "1935-03-01", "010-67891234")]


def test_a_login_typed_full_width_is_the_login_typed_at_the_login_dialog(db_file, capsys, monkeypatch):
    """`user add ｂｏｂ` stored ｂｏｂ, and bob (what the login dialog gets) was not found."""
    import io

    from volunteer_app.services.admin import users
    from volunteer_app.store.connection import open_database

    monkeypatch.setattr("sys.stdin", io.StringIO("password123\n"))
    assert main(["user", "add", "ｂｏｂ　", "--name", "鲍勃", "--role", "staff", "--password-stdin",
                 "--db", db_file]) == 0, capsys.readouterr().err
    assert "已新增用户“bob”" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("password456\n"))
    assert main(["user", "reset-password", "ＢＯＢ", "--password-stdin", "--db", db_file]) == 0
    db = open_database(db_file)
    try:
        assert users.authenticate(db, "bob", "password456").name == "鲍勃"
    finally:
        db.close()


def test_a_captain_account_is_made_with_the_role_and_the_volunteer_as_a_worker_knows_them(
        db_file, capsys, monkeypatch):
    """--role 队长 (as the window names it) and --volunteer ZY2026-00021 (the number on the
    volunteer's card); without --volunteer the command says to add it instead of 请选择, a word
    for a window, and changes nothing."""
    import io

    from volunteer_app.services.admin import users
    from volunteer_app.store.connection import open_database

    assert main(["user", "add", "zhaohx", "--name", "赵晗欣", "--role", "队长", "--password-stdin",
                 "--db", db_file]) == 1
    said = capsys.readouterr().err
    assert "请加 --volunteer 志愿者编号" in said and "什么也没有改" in said and "请选择" not in said
    monkeypatch.setattr("sys.stdin", io.StringIO("password123\n"))
    assert main(["user", "add", "zhaohx", "--name", "赵晗欣", "--role", "队长", "--volunteer", "ＺＹ２０２６－０００２１",
                 "--password-stdin", "--db", db_file]) == 0, capsys.readouterr().err
    assert "已新增用户“zhaohx”（队长）" in capsys.readouterr().out
    db = open_database(db_file)
    try:
        actor = users.authenticate(db, "zhaohx", "password123")
        team = db.execute("SELECT id FROM teams WHERE name = '银地第二社区居民志愿服务队'").fetchone()[0]
        assert actor.role == "captain" and actor.team_ids == {team}
    finally:
        db.close()


@pytest.mark.parametrize(("argv", "hint"), [
    (["report", "monthly", "——month", "2026-11", "——out", "x.pdf"],
     "“——month”“——out”前面是中文破折号或全角减号，请改成半角的 --month、--out"),
    (["requests", "rates", "－－month", "２０２６－１１"],
     "“－－month”前面是中文破折号或全角减号，请改成半角的 --month"),
    (["match", "—apply"], "“—apply”前面是中文破折号或全角减号，请改成半角的 --apply"),
])
def test_options_typed_with_a_chinese_dash_are_pointed_out(tmp_path, capsys, argv, hint):
    """A Chinese input method turns -- into ——: the line said the options the person had
    typed were missing (缺少必填的参数：--month、--out) and nothing about the dashes."""
    with pytest.raises(SystemExit) as ended:
        main([*argv, "--db", str(tmp_path / "x.sqlite3")])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("邻里帮：命令参数有误：") and hint in err, err
    assert not (tmp_path / "x.sqlite3").exists()
