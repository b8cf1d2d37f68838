"""place add … --flood-prone and place flood-prone: a 低洼易涝 courtyard from the command line,
shown in place list; a wrong name is one Chinese line, non-zero, and changes nothing."""

from __future__ import annotations

from volunteer_app.cli import main


def test_add_flood_prone_then_mark_and_unmark(tmp_path, capsys):
    db = str(tmp_path / "village.sqlite3")
    assert main(["place", "add-community", "新发地村", "--kind", "村", "--db", db]) == 0
    assert main(["place", "add", "南洼院", "--community", "新发地村", "--kind", "院落",
                 "--flood-prone", "--db", db]) == 0
    assert "南洼院（新发地村，低洼易涝）" in capsys.readouterr().out
    assert main(["place", "add", "北坡院", "--community", "新发地村", "--kind", "院落", "--db", db]) == 0
    capsys.readouterr()
    assert main(["place", "list", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "1\t新发地村\t村\t", "  1\t南洼院\t院落\t低洼易涝", "  2\t北坡院\t院落"]
    assert main(["place", "flood-prone", "北坡院", "--community", "1", "--db", db]) == 0
    assert main(["place", "flood-prone", "1", "--community", "新发地村", "--off", "--db", db]) == 0
    capsys.readouterr()
    assert main(["place", "list", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["  1\t南洼院\t院落", "  2\t北坡院\t院落\t低洼易涝"]


def test_a_wrong_place_or_missing_file_is_one_line(tmp_path, capsys):
    db = str(tmp_path / "village.sqlite3")
    assert main(["place", "add-community", "新发地村", "--db", db]) == 0
    capsys.readouterr()
    for line, reason in ((["place", "flood-prone", "东院", "--community", "新发地村", "--db", db],
                          "新发地村没有小区/院落“东院”"),
                         (["place", "flood-prone", "东院", "--community", "高立庄", "--db", db],
                          "找不到社区“高立庄”"),
                         (["place", "flood-prone", "东院", "--community", "1",
                           "--db", str(tmp_path / "none.sqlite3")], "找不到数据库文件")):
        assert main(line) == 1
        err = capsys.readouterr().err
        assert reason in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "none.sqlite3").exists()
