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


# -- 住址 in one cell ------------------------------------------------------------------------

ADDRESS_LEDGER = [
    ["姓名", "性别", "出生日期", "住址", "楼号"],
    ["郑一", "男", "1935-03-02", "3号楼2单元501", ""],
    ["郑二", "男", "1935-03-02", "银地家园３号楼２单元５０２室", ""],
    ["郑三", "男", "1935-03-02", "3-2-501", ""],
    ["郑四", "男", "1935-03-02", "4号楼1单元101", "3号楼"],
    ["郑五", "男", "1935-03-02", "1号院3号楼2单元501", ""],
]


def test_an_address_in_one_cell_fills_building_unit_and_room(demo_session, tmp_path):
    """住址 was not a column the importer knew: 3号楼2单元501 was dropped unseen. An address
    that says which number is which is read into 小区, 楼号, 单元, 门牌; 3-2-501 (building 3,
    unit 2? or floor 2?) is not guessed: it is kept in 备注 with a warning, as is an address
    that disagrees with the row's own 楼号 or begins with words that are not a 小区."""
    path = write_xlsx(tmp_path / "居民.xlsx", ADDRESS_LEDGER)
    preview, summary = run(demo_session, path)
    assert summary.imported == 5
    saved = {name: people(demo_session, name)[0] for name in ("郑一", "郑二", "郑三", "郑四", "郑五")}
    where = {n: (p["building"], p["unit"], p["room"]) for n, p in saved.items()}
    assert where == {"郑一": ("3号楼", "2单元", "501"), "郑二": ("3号楼", "2单元", "502"),
                     "郑三": ("", "", ""), "郑四": ("3号楼", "1单元", "101"),
                     "郑五": ("3号楼", "2单元", "501")}
    place = demo_session.db.execute("SELECT id, community_id FROM places WHERE name = '银地家园'").fetchone()
    assert (saved["郑二"]["place_id"], saved["郑二"]["community_id"]) == tuple(place)
    assert saved["郑一"]["place_id"] is None
    warned = {r.number: r.warnings.get("address", "") for r in preview.rows}
    assert warned[2] == warned[3] == ""
    assert "分不清哪一段是楼号、单元、门牌" in warned[4] and "3号楼2单元501" in warned[4]
    assert "与楼号列不一致，按楼号列导入" in warned[5]
    assert "“1号院”不是系统里的小区" in warned[6]
    for name in ("郑三", "郑四", "郑五"):
        assert saved[name]["notes"].startswith("住址（原文）：")


def test_the_command_line_says_which_addresses_it_kept_in_notes(demo_template, tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    db.write_bytes(demo_template.read_bytes())
    path = write_xlsx(tmp_path / "居民.xlsx", ADDRESS_LEDGER)
    assert main(["--db", str(db), "import", "residents", str(path)]) == 0
    out = capsys.readouterr().out
    assert "已导入 5 行" in out
    assert "第4行 提醒：住址“3-2-501”分不清哪一段是楼号、单元、门牌" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT building, unit, room FROM residents WHERE name = '郑一'"
                            ).fetchone() == ("3号楼", "2单元", "501")


def test_an_export_has_no_address_column(demo_session, tmp_path):
    """住址 is read from a ledger, never written: the export keeps 楼号, 单元, 门牌 apart."""
    from openpyxl import load_workbook

    from volunteer_app.services.ledger import ledger_export

    path = tmp_path / "居民.xlsx"
    ledger_export.export(demo_session, "residents", path)
    header = [c.value for c in next(load_workbook(path).active.iter_rows(max_row=1))]
    assert "住址" not in header and {"楼号", "单元", "门牌"} <= set(header)


def test_the_command_line_names_the_columns_it_leaves_out(session, db_path, tmp_path, capsys):
    """户籍地址 and 户主 are columns the importer does not know; the window shows them as 不导入,
    the command line left them out without a word."""
    session.db.close()
    path = write_xlsx(tmp_path / "居民.xlsx", [
        ["序号", "姓名", "性别", "出生日期", "户籍地址", "户主"],
        [1, "郑一", "男", "1935-03-02", "河北省保定市", "郑大"]])
    assert main(["--db", str(db_path), "import", "residents", str(path)]) == 0
    out = capsys.readouterr().out
    assert "“户籍地址”“户主”列认不出是哪一项，没有导入" in out
    assert "序号" not in out


# -- the workbook's sheets ------------------------------------------------------------------

def one_sheet_per_building(path: Path) -> Path:
    """填表说明 in front, then a sheet per building, as many offices keep them."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "填表说明"
    book.active.append(["出生日期请写成1935-03-02，楼层只写数字。"])
    for building, name in (("1号楼", "孙一"), ("2号楼", "孙二")):
        sheet = book.create_sheet(building)
        sheet.append([f"{building}居民台账"])
        sheet.append(["姓名", "性别", "出生日期", "楼号"])
        sheet.append([name, "男", "1935-03-02", building])
    book.save(path)
    return path


def test_a_sheet_of_instructions_in_front_does_not_hide_the_ledger(session, tmp_path):
    """The first sheet was the only one read: a 填表说明 sheet in front refused the whole file
    (找不到表头), and the sheets after the first ledger were left out without a word."""
    path = one_sheet_per_building(tmp_path / "居民.xlsx")
    preview, summary = run(session, path)
    assert summary.imported == 1 and people(session, "孙一")
    assert preview.notices == ["工作簿里的工作表“2号楼”也像是台账，这次只导入了工作表“1号楼”。"
                               "请把其他工作表的行复制到这个工作表里，或分别另存为单独的文件，再导入。"]


def test_the_command_line_says_which_sheets_it_did_not_read(session, db_path, tmp_path, capsys):
    session.db.close()
    path = one_sheet_per_building(tmp_path / "居民.xlsx")
    assert main(["--db", str(db_path), "import", "residents", str(path)]) == 0
    out = capsys.readouterr().out
    assert "工作表“2号楼”也像是台账，这次只导入了工作表“1号楼”" in out
    assert count(db_path, "residents") == 1


# -- rows that are not people ---------------------------------------------------------------

def ledger_with_furniture(path: Path) -> Path:
    """A title, a blank row, the header, a 填写说明 row under it, a page's header again, and a
    合计 row at the bottom: the rows a ledger kept for printing has besides its people."""
    header = ["序号", "姓名", "性别", "出生日期", "联系电话"]
    return write_xlsx(path, [
        ["银地第二社区居民台账（2026年11月）"], [],
        header,
        ["填写说明：", "必填", "男/女", "如1935-03-02", "手机或座机"],
        [1, "小明月", "女", "1935-03-02", "13800001111"],
        header,
        [2, "孙二", "男", "1936-04-05", ""],
        ["合 计", "2人"],
    ], merges=["A1:E1"])


def test_totals_instructions_and_repeated_headers_are_left_out_and_named(session, tmp_path):
    """They were refused as people (姓名“2人”中含有数字, 性别“男/女”只能是男或女), which read as
    if the ledger were wrong and failed an --all-or-nothing import."""
    preview, summary = run(session, ledger_with_furniture(tmp_path / "居民.xlsx"))
    assert [r.number for r in preview.rows] == [5, 7]
    assert (summary.imported, summary.rejected) == (2, 0)
    assert preview.notices == ["第4行（填表说明）、第6行（又一行表头）、第8行（合计行）不是人员，没有导入。"]


def test_all_or_nothing_imports_a_ledger_with_a_totals_row(session, db_path, tmp_path, capsys):
    session.db.close()
    path = ledger_with_furniture(tmp_path / "居民.xlsx")
    assert main(["--db", str(db_path), "import", "residents", str(path), "--all-or-nothing"]) == 0
    assert "第8行（合计行）" in capsys.readouterr().out
    assert count(db_path, "residents") == 2


# -- floors and dates as written -------------------------------------------------------------

def test_floors_as_people_write_them(session, tmp_path):
    """六层, 6F and 地下一层 were refused (楼层“六”应为整数, quoting a cell cut short); they are
    read now, and 顶楼 is refused saying what to write."""
    path = write_xlsx(tmp_path / "居民.xlsx", [
        ["姓名", "性别", "出生日期", "楼层", "有无电梯"],
        ["冯一", "男", "1930-03-02", "六层", "无"],
        ["冯二", "男", "1930-03-02", "6F", "无"],
        ["冯三", "男", "1930-03-02", "地下一层", "有"],
        ["冯四", "男", "1930-03-02", "顶楼", "无"],
    ])
    preview, summary = run(session, path)
    floors = {r["name"]: r["floor"] for r in session.db.query("SELECT name, floor FROM residents")}
    assert floors == {"冯一": 6, "冯二": 6, "冯三": -1}
    assert preview.rows[3].errors == {"floor": "楼层“顶楼”看不懂，请只写数字，如6（地下一层写-1）。"}


def test_dates_as_excel_keeps_them_and_birth_months_with_an_id_number(session, tmp_path):
    """A date column formatted 常规 holds Excel's serial number (12845 is 1935-03-02): it was
    refused as unreadable; it is read, with a warning showing the day. 出生年月 of 1940.01 beside
    an ID number that agrees was refused although the number gives the day; without a number
    the row is refused saying the day is missing. A year alone, 1935 as a number, is a year,
    not a serial."""
    path = write_xlsx(tmp_path / "居民.xlsx", [
        ["姓名", "性别", "出生年月", "身份证号"],
        ["褚一", "男", 12845, ""],
        ["褚二", "男", "1940.01", ID_ZHOU],
        ["褚四", "男", "1935年3月", ""],
        ["褚五", "男", 1935, ""],
    ])
    preview, summary = run(session, path)
    rows = {r.number: r for r in preview.rows}
    assert people(session, "褚一")[0]["birth_date"] == "1935-03-02"
    assert "“12845”是Excel的日期序号，按1935年3月2日导入" in rows[2].warnings["birth_date"]
    assert people(session, "褚二")[0]["birth_date"] == "1940-01-02"
    assert rows[4].errors["birth_date"] == ("出生日期“1935年3月”只写到月，没有写哪一天：请写全年月日"
                                            "（如1935年3月2日），或填写身份证号（出生日期自动带出）。")
    assert rows[5].errors["birth_date"].startswith("出生日期“1935”只写到年")
    assert summary.imported == 2


def test_a_month_that_disagrees_with_the_id_number_is_refused(session, tmp_path):
    path = write_xlsx(tmp_path / "居民.xlsx", [["姓名", "出生年月", "身份证号"],
                                              ["褚三", "1940年3月", ID_ZHOU]])
    preview, _summary = run(session, path)
    assert preview.rows[0].errors == {
        "birth_date": "出生年月“1940年3月”与身份证号中的1940-01-02不一致，请核对。"}


def test_a_joining_day_as_a_serial_number_is_read(session, tmp_path):
    path = write_xlsx(tmp_path / "志愿者.xlsx", [["姓名", "性别", "出生日期", "手机", "加入日期"],
                                                ["钱一", "女", "1985-01-02", "13800001111", 45000]])
    preview, _summary = run(session, path, "volunteers")
    assert people(session, "钱一", "volunteers")[0]["joined_on"] == "2023-03-15"
    assert "加入日期“45000”是Excel的日期序号" in preview.rows[0].warnings["joined_on"]


# -- phones as people write them -------------------------------------------------------------

def test_a_phone_cell_with_two_numbers_or_a_remark_keeps_the_first_and_the_rest_in_notes(
        session, tmp_path):
    """13800001111/13900002222, 13800001111（儿子）, 010-63451234转123 were refused (应为11位手机号);
    the app keeps one number, so the first is taken and the cell goes to 备注, with a warning.
    A cell that is not numbers (63451234-8021: an extension, or a typo?) stays refused."""
    path = write_xlsx(tmp_path / "居民.xlsx", [
        ["姓名", "性别", "出生日期", "联系电话"],
        ["卫一", "男", "1940-01-02", "13800001111/13900002222"],
        ["卫二", "男", "1940-01-02", "13800001112（儿子）"],
        ["卫三", "男", "1940-01-02", "010-63451234转123"],
        ["卫四", "男", "1940-01-02", "63451234-8021"],
    ])
    preview, summary = run(session, path)
    saved = {r["name"]: r for r in session.db.query("SELECT * FROM residents")}
    assert {n: r["phone"] for n, r in saved.items()} == {
        "卫一": "13800001111", "卫二": "13800001112", "卫三": "010-63451234"}
    assert saved["卫一"]["notes"] == "联系电话（原文）：13800001111/13900002222"
    assert saved["卫一"]["phone_tail"] == "1111"
    assert "只能存一个，按13800001111导入" in preview.rows[0].warnings["phone"]
    assert "应为11位手机号" in preview.rows[3].errors["phone"]


def test_a_volunteers_address_keeps_the_building_for_pairing(session, tmp_path):
    """A volunteer's 住址 is the building 同一楼栋 compares with the residents' 楼号: 3号楼2单元501
    was saved whole, so it never met a resident's 3号楼."""
    path = write_xlsx(tmp_path / "志愿者.xlsx", [
        ["姓名", "性别", "出生日期", "手机", "住址"],
        ["钱一", "女", "1985-01-02", "13800001111", "3号楼2单元501"],
        ["钱二", "女", "1985-01-02", "13800001112", "4号楼"],
        ["钱三", "女", "1985-01-02", "13800001113", "3-2-501"],
    ])
    run(session, path, "volunteers")
    saved = {r["name"]: r for r in session.db.query("SELECT * FROM volunteers")}
    assert {n: r["building"] for n, r in saved.items()} == {"钱一": "3号楼", "钱二": "4号楼",
                                                            "钱三": "3-2-501"}
    assert saved["钱一"]["notes"] == "住址（原文）：3号楼2单元501"
    assert saved["钱二"]["notes"] == ""


# -- hidden rows ------------------------------------------------------------------------------

def ledger_with_hidden_rows(path: Path) -> Path:
    """A 说明 sheet in front, then the ledger whose rows 4 and 5 are hidden in Excel."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本表按楼号排列"])
    sheet = book.create_sheet("居民")
    for row in (["姓名", "性别", "出生日期"], ["蒋一", "男", "1935-03-02"],
                ["蒋二", "女", "1936-03-02"], ["蒋三（已故）", "男", "1925-03-02"],
                ["蒋四", "女", "1926-03-02"], ["蒋五", "女", "1937-03-02"]):
        sheet.append(row)
    for number in (4, 5):
        sheet.row_dimensions[number].hidden = True
    book.save(path)
    return path


def test_hidden_rows_are_read_and_marked(session, tmp_path):
    """Rows hidden in Excel (a person who moved away or died, or a 筛选) were imported like the
    rest, without a word; they still are read (the file is what it holds) but each is marked."""
    preview, summary = run(session, ledger_with_hidden_rows(tmp_path / "居民.xlsx"))
    assert summary.imported == 5
    marked = [r.number for r in preview.rows if "隐藏" in r.warnings.get("name", "")]
    assert marked == [4, 5]
    assert preview.counts["warned"] == 2


def test_the_command_line_names_the_hidden_rows(session, db_path, tmp_path, capsys):
    session.db.close()
    path = ledger_with_hidden_rows(tmp_path / "居民.xlsx")
    assert main(["--db", str(db_path), "import", "residents", str(path)]) == 0
    out = capsys.readouterr().out
    assert "第5行 提醒：这一行在Excel里是隐藏的" in out
    assert "按“蒋三”导入，括号里的字已保存到备注。这一行在Excel里是隐藏的" in out
    assert "第3行 提醒" not in out


# -- a header of two rows ---------------------------------------------------------------------

def two_row_header(path: Path) -> Path:
    """住址 merged over 楼号, 单元, 门牌 in the row below; the other headers merged down."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "性别", "出生日期", "住址", None, None, "联系电话"])
    sheet.append([None, None, None, None, "楼号", "单元", "门牌", None])
    sheet.merge_cells("E1:G1")
    for column in "ABCDH":
        sheet.merge_cells(f"{column}1:{column}2")
    sheet.append([1, "沈一", "男", "1935-03-02", "3号楼", "2单元", "501", "13800001111"])
    book.save(path)
    return path


def test_a_header_of_two_rows_takes_the_names_from_the_second(session, tmp_path):
    """The first row alone was the header: 单元 and 门牌 (under the merged 住址) were not
    imported, and the second header row was taken for a row of data."""
    table, mapping = import_header.load(two_row_header(tmp_path / "居民.xlsx"), "residents")
    assert mapping.header_row == 1
    assert mapping.columns[4:7] == ["building", "unit", "room"]
    preview, summary = run(session, two_row_header(tmp_path / "居民.xlsx"))
    assert [r.number for r in preview.rows] == [3] and not preview.notices
    saved = people(session, "沈一")[0]
    assert (saved["building"], saved["unit"], saved["room"]) == ("3号楼", "2单元", "501")


def test_the_command_line_reads_a_header_of_two_rows(session, db_path, tmp_path):
    session.db.close()
    assert main(["--db", str(db_path), "import", "residents",
                 str(two_row_header(tmp_path / "居民.xlsx"))]) == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT unit, room FROM residents").fetchall() == [("2单元", "501")]


# -- cells that say there is nothing -----------------------------------------------------------

def test_a_cell_that_says_there_is_nothing_is_an_empty_cell(session, tmp_path):
    """联系电话“无”, 身份证号“/”, 楼层“-” were refused as wrong numbers (a ledger where half the
    old people have no mobile refused half of them), and 楼号“/” was saved as a building “/”.
    独居“无” stays 否; 独居“/” says nothing either way."""
    path = write_xlsx(tmp_path / "居民.xlsx", [
        ["姓名", "性别", "出生日期", "联系电话", "身份证号", "楼号", "楼层", "独居", "备注"],
        ["韩一", "男", "1935-03-02", "无", "/", "/", "-", "无", "无"],
        ["韩二", "男", "1935-03-02", "暂无", "未提供", "—", "/", "/", ""],
    ])
    preview, summary = run(session, path)
    assert (summary.imported, summary.rejected) == (2, 0), preview.rows[0].errors
    saved = {r["name"]: r for r in session.db.query("SELECT * FROM residents")}
    for name in ("韩一", "韩二"):
        assert (saved[name]["phone"], saved[name]["id_number"], saved[name]["building"],
                saved[name]["floor"]) == (None, None, "", None)
    assert saved["韩一"]["lives_alone"] == 0 and saved["韩一"]["notes"] == "无"


def test_a_volunteer_in_team_none_joins_no_team(session, tmp_path):
    """所属队伍“无” made a team named 无, and 技能“无” a skill."""
    path = write_xlsx(tmp_path / "志愿者.xlsx", [["姓名", "性别", "出生日期", "手机", "所属队伍", "技能"],
                                                ["钱一", "女", "1985-01-02", "13800001111", "无", "/"]])
    _preview, summary = run(session, path, "volunteers")
    assert summary.new_teams == []
    assert session.db.execute("SELECT count(*) FROM teams WHERE name = '无'").fetchone()[0] == 0
    assert people(session, "钱一", "volunteers")[0]["skills"] == "[]"


def test_a_remark_in_brackets_after_a_name_goes_to_notes(session, tmp_path):
    """张建国（户主） was saved as the name: search, pinyin and the duplicate check all missed
    张建国, and 李秀兰(已故) came in without anyone seeing the word."""
    path = write_xlsx(tmp_path / "居民.xlsx", [["姓名", "性别", "出生日期"],
                                              ["张建国（户主）", "男", "1935-03-02"],
                                              ["李秀兰(已故)", "女", "1936-03-02"],
                                              ["阿依古丽·买买提", "女", "1937-03-02"]])
    preview, _summary = run(session, path)
    saved = {r["name"]: r for r in session.db.query("SELECT * FROM residents")}
    assert set(saved) == {"张建国", "李秀兰", "阿依古丽·买买提"}
    assert saved["张建国"]["notes"] == "姓名后的说明：户主"
    assert saved["张建国"]["name_initials"] == "zjg"
    assert "括号里的“已故”不是姓名" in preview.rows[1].warnings["name"]
