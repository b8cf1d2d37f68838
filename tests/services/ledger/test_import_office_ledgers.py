"""Ledgers as a community office really keeps them, imported through the window's services
(load, check, apply) and the command line: the same person written twice, once with an ID
number and once without; availability in free words; an address in one cell; floors, dates
and phones as people write them."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from ledger_fixtures import make_id, write_xlsx

from volunteer_app.cli import main
from volunteer_app.services.ledger import import_apply, import_check, import_header, import_rows

ID_ZHOU = make_id(date(1940, 1, 2), male=True)


def run(session, path, kind="residents", mode=import_rows.SKIP):
    table, mapping = import_header.load(path, kind)
    preview = import_check.check(session, table, mapping, kind)
    return preview, import_apply.apply(session, preview, mode)


def people(session, name, table="residents"):
    return [dict(r) for r in session.db.query(f"SELECT * FROM {table} WHERE name = ?", [name])]


# -- the same person twice ----------------------------------------------------------------

def test_a_person_written_with_and_without_an_id_number_is_one_person(session, tmp_path):
    """A ledger kept by two hands: one wrote 周建军's ID number, the other did not. They are the
    same name and phone: one person, whichever row comes first (it used to save two)."""
    path = write_xlsx(tmp_path / "居民.xlsx", [
        ["姓名", "性别", "出生日期", "联系电话", "身份证号"],
        ["周建军", "男", "1940-01-02", "13800001111", ID_ZHOU],
        ["周建军", "男", "1940-01-02", "13800001111", ""],
        ["吴桂兰", "女", "1941-03-04", "13900002222", ""],
        ["吴桂兰", "女", "1941-03-04", "13900002222", make_id(date(1941, 3, 4), male=False)],
    ])
    preview, summary = run(session, path, mode=import_rows.UPDATE)
    assert [r.duplicate_of for r in preview.rows] == [None, 2, None, 4]
    assert (summary.imported, summary.updated) == (2, 2)
    assert len(people(session, "周建军")) == len(people(session, "吴桂兰")) == 1
    assert people(session, "吴桂兰")[0]["id_number"] == make_id(date(1941, 3, 4), male=False)


def test_two_id_numbers_with_one_name_and_phone_are_two_people(session, tmp_path):
    """A father and son of one name sharing the home's landline: two numbers, two people."""
    son = make_id(date(1968, 5, 6), male=True)
    path = write_xlsx(tmp_path / "居民.xlsx", [
        ["姓名", "性别", "出生日期", "联系电话", "身份证号"],
        ["周建军", "男", "", "63451234", ID_ZHOU],
        ["周建军", "男", "", "63451234", son],
    ])
    preview, summary = run(session, path)
    assert [r.is_duplicate for r in preview.rows] == [False, False]
    assert summary.imported == 2


def test_a_ledger_with_id_numbers_finds_the_people_saved_without_them(session, tmp_path, db_path,
                                                                     capsys):
    """Last year's ledger had no ID numbers; this year's has them. Imported with --update, the
    numbers go to the people already saved (found by name and phone) instead of making each of
    them a second time."""
    first = write_xlsx(tmp_path / "去年.xlsx", [
        ["姓名", "性别", "出生日期", "联系电话"],
        ["周建军", "男", "1940-01-02", "13800001111"],
    ])
    run(session, first)
    session.db.close()
    second = write_xlsx(tmp_path / "今年.xlsx", [
        ["姓名", "身份证号", "联系电话"],
        ["周建军", ID_ZHOU, "13800001111"],
    ])
    assert main(["--db", str(db_path), "import", "residents", str(second), "--update"]) == 0
    assert "更新 1 行" in capsys.readouterr().out
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT id_number FROM residents WHERE name = '周建军'").fetchall()
    assert rows == [(ID_ZHOU,)]


def test_a_row_after_an_update_in_the_same_file_finds_the_updated_person(demo_session, tmp_path):
    """Row 2 changes a saved resident's phone (with her ID number); row 3, written without the
    number, has the new phone: it is the same person, not a new one."""
    saved = next(demo_session.db.query(
        "SELECT * FROM residents WHERE id_number IS NOT NULL ORDER BY id LIMIT 1"))
    path = write_xlsx(tmp_path / "居民.xlsx", [
        ["姓名", "身份证号", "联系电话", "出生日期", "性别"],
        [saved["name"], saved["id_number"], "13912345678", "", ""],
        [saved["name"], "", "13912345678", saved["birth_date"], saved["gender"]],
    ])
    preview, summary = run(demo_session, path, mode=import_rows.UPDATE)
    assert preview.rows[1].duplicate_text() == "与文件第2行重复"
    assert (summary.imported, summary.updated) == (0, 2)
    assert [p["id"] for p in people(demo_session, saved["name"])] == [saved["id"]]


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# -- availability in words ----------------------------------------------------------------

def test_availability_half_understood_is_not_saved_half_read(session, tmp_path):
    """除周三外每天 was saved as every day, Wednesday too, and 周一至周五 18:00以后 as all day on
    weekdays: the words not understood narrowed the rest. Such a cell now leaves the grid
    empty (its text in 备注, a warning in the preview); 非工作日 reads as the weekend."""
    path = write_xlsx(tmp_path / "志愿者.xlsx", [
        ["姓名", "性别", "出生日期", "手机", "可服务时间"],
        ["钱一", "女", "1985-01-02", "13800001111", "除周三外每天"],
        ["钱二", "女", "1985-01-02", "13800001112", "周一至周五 18:00以后"],
        ["钱三", "女", "1985-01-02", "13800001113", "非工作日"],
        ["钱四", "女", "1985-01-02", "13800001114", "工作日晚上、周末全天"],
    ])
    preview, summary = run(session, path, "volunteers")
    saved = {p: people(session, p, "volunteers")[0] for p in ("钱一", "钱二", "钱三", "钱四")}
    assert saved["钱一"]["availability"] == saved["钱二"]["availability"] == ""
    assert "除周三外每天" in saved["钱一"]["notes"]
    assert "这一格没有导入" in preview.rows[0].warnings["availability"]
    assert saved["钱三"]["availability"] == "6am,6pm,6ev,7am,7pm,7ev"
    assert saved["钱四"]["availability"] == "1ev,2ev,3ev,4ev,5ev,6am,6pm,6ev,7am,7pm,7ev"


def test_availability_not_understood_leaves_a_saved_volunteers_grid(session, tmp_path):
    """Updating from a ledger whose cell says 看情况 keeps the times already ticked."""
    first = write_xlsx(tmp_path / "一.xlsx", [["姓名", "性别", "出生日期", "手机", "可服务时间"],
                                             ["钱一", "女", "1985-01-02", "13800001111", "周末上午"]])
    run(session, first, "volunteers")
    second = write_xlsx(tmp_path / "二.xlsx", [["姓名", "性别", "出生日期", "手机", "可服务时间"],
                                              ["钱一", "女", "1985-01-02", "13800001111", "看情况"]])
    _preview, summary = run(session, second, "volunteers", import_rows.UPDATE)
    assert summary.updated == 1
    assert people(session, "钱一", "volunteers")[0]["availability"] == "6am,7am"


def test_an_update_adds_what_it_could_not_read_to_the_saved_notes(session, tmp_path):
    """A volunteer's 备注 (老伴卧床，周三不能出门) was replaced by 可服务时间（原文）：看情况 when a
    ledger without a 备注 column updated her; now the text is added, once, however often the
    ledger is imported."""
    first = write_xlsx(tmp_path / "一.xlsx", [["姓名", "性别", "出生日期", "手机", "备注"],
                                             ["钱一", "女", "1985-01-02", "13800001111",
                                              "老伴卧床，周三不能出门"]])
    run(session, first, "volunteers")
    second = write_xlsx(tmp_path / "二.xlsx", [["姓名", "性别", "出生日期", "手机", "可服务时间"],
                                              ["钱一", "女", "1985-01-02", "13800001111", "看情况"]])
    run(session, second, "volunteers", import_rows.UPDATE)
    run(session, second, "volunteers", import_rows.UPDATE)
    notes = people(session, "钱一", "volunteers")[0]["notes"]
    assert notes == "老伴卧床，周三不能出门；可服务时间（原文）：看情况"
