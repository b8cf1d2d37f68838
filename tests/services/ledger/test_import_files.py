"""Importing real ledger files: GBK and UTF-8-BOM CSV, .xlsx with a title row, Excel-mangled
ID numbers, merged cells and blank rows; duplicates, teams, availability, rejected rows."""

from __future__ import annotations

import threading
from datetime import date, datetime

import pytest
from ledger_fixtures import RESIDENT_HEADER, make_id, write_csv, write_xlsx
from openpyxl import load_workbook

from volunteer_app.domain.identity import FieldError
from volunteer_app.domain.ledger_columns import parse_availability_words, parse_yes_no
from volunteer_app.services import permissions
from volunteer_app.services.ledger import (
    import_apply,
    import_check,
    import_header,
    import_rows,
    rejected_rows,
)
from volunteer_app.services.ledger.ledger_files import LedgerFileError
from volunteer_app.services.people import residents, teams, volunteers
from volunteer_app.services.permissions import Permission, PermissionDenied, Role
from volunteer_app.services.session import Actor, Session

ID_ZHANG = make_id(date(1929, 4, 12), male=True)
ID_LI = make_id(date(1935, 8, 1), male=False)
ID_WANG = make_id(date(1931, 2, 3), male=True, serial=7)


def run(session, path, kind="residents", mode=import_rows.SKIP):
    table, mapping = import_header.load(path, kind)
    preview = import_check.check(session, table, mapping, kind)
    summary = import_apply.apply(session, preview, mode)
    return preview, summary


def saved(session, table="residents"):
    return {r["name"]: r for r in session.db.query(f"SELECT * FROM {table}")}


def test_gbk_csv_imports_good_rows_and_explains_the_bad_ones(session, tmp_path):
    path = write_csv(tmp_path / "居民.csv", [
        RESIDENT_HEADER,
        [1, "张建国", ID_ZHANG, "男", "1929-04-12", "13812345678", "3号楼", "5", "无", "是"],
        [2, "李秀兰", ID_LI, "女", "", "010-63451234", "3号楼", "2", "有", "否"],
        [3, "赵四", ID_WANG, "女", "", "12345", "4号楼", "", "", ""],
        [4, "", ID_WANG, "男", "", "", "", "", "", ""],
    ], "gbk")
    preview, summary = run(session, path)
    assert preview.table.encoding == "gb18030"
    assert (summary.imported, summary.rejected) == (2, 2)
    people = saved(session)
    assert people["张建国"]["birth_date"] == "1929-04-12"
    assert people["张建国"]["has_lift"] == 0 and people["张建国"]["lives_alone"] == 1
    assert people["张建国"]["floor"] == 5 and people["张建国"]["risk_level"] == "高"
    assert people["张建国"]["name_initials"] == "zjg" and people["张建国"]["phone_tail"] == "5678"
    assert people["李秀兰"]["phone"] == "010-63451234"
    bad = {row.number: row.errors for row in preview.rejected}
    assert set(bad) == {4, 5}
    assert "性别“女”与身份证号（男）不一致" in bad[4]["gender"]
    assert "11位手机号，或8位固定电话" in bad[4]["phone"]
    assert "姓名为空" in bad[5]["name"]


def test_utf8_bom_csv_reads_every_date_format_and_rare_names(session, tmp_path):
    header = ["姓名", "性别", "出生日期", "电话", "门牌"]
    path = write_csv(tmp_path / "bom.csv", [
        header,
        ["王䶮", "男", "1929-04-12", "63451234", "101"],
        ["陈喆", "女", "1929/04/12", "", "102"],
        ["刘堃", "男", "1929.04.12", "", "103"],
        ["阿依古丽·买买提", "女", "1929年04月12日", "", "104"],
        ["周赟", "男", "19290412", "", "105"],
        ["吴坏日", "男", "1929-02-30", "", "106"],
        ["郑不懂", "男", "去年", "", "107"],
    ], "utf-8-sig")
    preview, summary = run(session, path)
    assert preview.table.encoding == "utf-8-sig"
    assert (summary.imported, summary.rejected) == (5, 2)
    people = saved(session)
    assert {p["birth_date"] for n, p in people.items()} == {"1929-04-12"}
    assert people["王䶮"]["phone"] == "010-63451234" and people["王䶮"]["room"] == "101"
    reasons = {row.number: row.errors["birth_date"] for row in preview.rejected}
    assert "不存在" in reasons[7] and "看不懂" in reasons[8]


def test_xlsx_with_title_rows_and_date_cells(session, tmp_path):
    path = write_xlsx(tmp_path / "title.xlsx", [
        ["花乡街道居民台账（2026年11月）"],
        ["填表人：社区居委会"],
        ["*姓名", "公民身份号码", "出生日期", "联系电话（手机）", "楼号", "电梯"],
        ["张建国", ID_ZHANG, datetime(1929, 4, 12), 13812345678, "3号楼", "×"],
        ["李秀兰", ID_LI, datetime(1935, 8, 2), "", "3号楼", "√"],
    ], merges=["A1:F1"])
    preview, summary = run(session, path)
    assert preview.mapping.header_row == 2
    assert preview.mapping.columns == ["name", "id_number", "birth_date", "phone", "building",
                                       "has_lift"]
    assert (summary.imported, summary.rejected) == (1, 1)
    assert saved(session)["张建国"]["phone"] == "13812345678"
    [bad] = preview.rejected
    assert bad.number == 5
    assert "出生日期1935-08-02与身份证号中的1935-08-01不一致" in bad.errors["birth_date"]


def test_id_numbers_excel_turned_into_numbers_get_their_own_message(session, tmp_path):
    path = write_xlsx(tmp_path / "numbers.xlsx", [
        ["姓名", "身份证号", "性别"],
        ["张建国", float(ID_ZHANG[:17]) * 10, "男"],
        ["李秀兰", ID_LI, "女"],
    ])
    preview, summary = run(session, path)
    assert (summary.imported, summary.rejected) == (1, 1)
    message = preview.rejected[0].errors["id_number"]
    assert "1.10106E+17" in message and "科学计数法" in message and "文本" in message
    csv_path = write_csv(tmp_path / "numbers.csv", [["姓名", "身份证号"], ["张建国", "1.10106E+17"]],
                         "utf-8")
    preview, _ = run(session, csv_path)
    assert "科学计数法" in preview.rejected[0].errors["id_number"]


def test_merged_cells_fill_down_and_blank_rows_are_skipped(session, tmp_path):
    path = write_xlsx(tmp_path / "merged.xlsx", [
        ["居民台账"],
        ["姓名", "性别", "出生日期", "楼号", "单元"],
        ["张建国", "男", "1929-04-12", "7号楼", "1"],
        ["李秀兰", "女", "1935-08-01", None, "2"],
        [None, None, None, None, None],
        ["王大爷", "男", "1931-02-03", None, "2"],
        [],
        ["赵奶奶", "女", "1930-1-1", "8号楼", "1"],
        ["钱某", "不详", "1930-01-01", "8号楼", "1"],
    ], merges=["A1:E1", "D3:D6"])
    preview, summary = run(session, path)
    assert (summary.imported, summary.rejected) == (4, 1)
    people = saved(session)
    assert [people[n]["building"] for n in ("张建国", "李秀兰", "王大爷", "赵奶奶")] == [
        "7号楼", "7号楼", "7号楼", "8号楼"]
    assert [row.number for row in preview.rows] == [3, 4, 6, 8, 9]
    assert "只能是男或女" in preview.rejected[0].errors["gender"]


def test_duplicates_in_the_file_and_in_the_database_skip_or_update(session, tmp_path):
    residents.add(session, {"name": "张建国", "id_number": ID_ZHANG, "phone": "13800000000"})
    residents.add(session, {"name": "李秀兰", "birth_date": "1935-08-01", "gender": "女",
                            "phone": "13900000000"})
    rows = [["姓名", "身份证号", "出生日期", "性别", "手机号", "楼层"],
            ["张建国", ID_ZHANG, "", "", "13811112222", "6"],
            ["李秀兰", "", "1935-08-01", "女", "13900000000", "3"],
            ["王大爷", ID_WANG, "", "", "", "1"],
            ["王大爷", ID_WANG, "", "", "", "2"]]
    path = write_csv(tmp_path / "dup.csv", rows, "utf-8")
    preview, summary = run(session, path)
    assert [r.status for r in preview.rows] == ["重复", "重复", "可导入", "重复"]
    assert preview.rows[3].duplicate_text() == "与文件第4行重复"
    assert (summary.imported, summary.updated, summary.skipped) == (1, 0, 3)
    assert saved(session)["张建国"]["phone"] == "13800000000"
    preview, summary = run(session, path, mode=import_rows.UPDATE)
    assert (summary.imported, summary.updated, summary.skipped) == (0, 4, 0)
    people = saved(session)
    assert people["张建国"]["phone"] == "13811112222" and people["张建国"]["floor"] == 6
    assert people["李秀兰"]["floor"] == 3 and people["王大爷"]["floor"] == 2
    assert session.db.execute("SELECT count(*) FROM residents").fetchone()[0] == 3
    assert session.db.execute(
        "SELECT count(*) FROM audit_log WHERE action = '导入更新'").fetchone()[0] == 4


def test_volunteers_teams_by_name_and_availability_in_words(session, tmp_path):
    from volunteer_app.services.people import teams

    teams.create(session, "高立庄夕阳红志愿服务队")
    path = write_xlsx(tmp_path / "志愿者.xlsx", [
        ["花乡街道志愿者台账（2026年11月）"],
        ["姓名", "性别", "出生日期", "手机号", "所属队伍", "技能", "可服务时间"],
        ["刘洋", "男", "1985-03-02", "13700001111", "高立庄夕阳红志愿服务队", "驾驶、电工", "周末上午"],
        ["孙敏", "女", "1988-06-09", "13700002222", "新发地村青年先锋队", "", "工作日晚上，周六全天"],
        ["周杰", "男", "1990-01-01", "13700003333", "新发地村青年先锋队、高立庄夕阳红志愿服务队", "",
         "看情况再说"],
    ])
    preview, summary = run(session, path, "volunteers")
    assert summary.imported == 3 and summary.new_teams == ["新发地村青年先锋队"]
    people = saved(session, "volunteers")
    assert people["刘洋"]["availability"] == "6am,7am"
    assert people["刘洋"]["skills"] == '["电工", "驾驶"]'
    assert people["孙敏"]["availability"] == "1ev,2ev,3ev,4ev,5ev,6am,6pm,6ev"
    assert people["周杰"]["availability"] == ""
    assert "看情况再说" in people["周杰"]["notes"]
    assert "看不懂" in preview.rows[2].warnings["availability"]
    assert people["刘洋"]["volunteer_no"].startswith("ZY2026-")
    members = session.db.execute(
        "SELECT count(*) FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
        "WHERE v.name = '周杰'").fetchone()[0]
    assert members == 2


def test_cancelling_changes_nothing(session, tmp_path):
    rows = [["姓名", "性别", "出生日期"]] + [[f"张{chr(0x4e00 + i)}", "男", "1950-01-01"]
                                            for i in range(600)]
    table, mapping = import_header.load(write_csv(tmp_path / "many.csv", rows, "utf-8"), "residents")
    preview = import_check.check(session, table, mapping, "residents")
    cancel = threading.Event()

    def progress(done, total):
        if done >= 250:
            cancel.set()

    before = session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(import_rows.ImportCancelled):
        import_apply.apply(session, preview, progress=progress, cancel=cancel)
    assert session.db.execute("SELECT count(*) FROM residents").fetchone()[0] == 0
    assert session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before


def test_rejected_rows_are_saved_with_a_reason_column(session, tmp_path):
    path = write_xlsx(tmp_path / "bad.xlsx", [
        ["姓名", "身份证号", "手机号"],
        ["张建国", ID_ZHANG, "13812345678"],
        ["李秀兰", ID_LI[:-1] + ("0" if ID_LI[-1] != "0" else "1"), "1381234"],
    ])
    preview, _ = run(session, path)
    out = rejected_rows.save_rejected(preview, tmp_path / "errors.xlsx")
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("姓名", "身份证号", "手机号", "错误原因")
    assert rows[1][0] == "李秀兰" and rows[1][1] == preview.rejected[0].cells[1]
    assert "第3行" in rows[1][3] and "校验位不对" in rows[1][3] and "联系电话" in rows[1][3]
    assert sheet["B2"].data_type == "s"


def test_unsupported_and_unreadable_files_say_so(session, tmp_path):
    doc = tmp_path / "台账.docx"
    doc.write_bytes(b"PK\x03\x04 not a ledger")
    with pytest.raises(LedgerFileError, match="不支持的文件类型"):
        import_header.load(doc, "residents")
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"this is not a zip file")
    with pytest.raises(LedgerFileError, match="不是有效的Excel文件"):
        import_header.load(broken, "residents")
    no_header = write_csv(tmp_path / "nohead.csv", [["a", "b"], ["1", "2"]], "utf-8")
    with pytest.raises(LedgerFileError, match="找不到表头"):
        import_header.load(no_header, "residents")


@pytest.mark.parametrize(("text", "expected"), [
    ("有", True), ("无", False), ("是", True), ("否", False), ("Y", True), ("n", False),
    ("√", True), ("×", False), ("", None), (1, True)])
def test_yes_no_words(text, expected):
    assert parse_yes_no(text, "独居") is expected


def test_yes_no_unreadable_names_the_column():
    with pytest.raises(FieldError, match="独居“也许”看不懂"):
        parse_yes_no("也许", "独居")


@pytest.mark.parametrize(("text", "slots"), [
    ("周末上午", "6am,7am"), ("工作日晚上", "1ev,2ev,3ev,4ev,5ev"), ("周六全天", "6am,6pm,6ev"),
    ("周一三五下午", "1pm,3pm,5pm"), ("周二、周四上午和下午", "2am,2pm,4am,4pm"),
    ("每周二上午有空", "2am"), ("1am,6pm", "1am,6pm")])
def test_availability_words(text, slots):
    grid, unread = parse_availability_words(text)
    assert grid.to_text() == slots and unread == []


def test_availability_always_and_unreadable():
    grid, unread = parse_availability_words("随时")
    assert len(grid.slots) == 21 and not unread
    grid, unread = parse_availability_words("周六全天，9点到11点")
    assert grid.to_text() == "6am,6pm,6ev" and unread == ["9点到11点"]


def test_the_sample_ledgers_import_into_the_demo(demo_session):
    from volunteer_app.paths import resource

    preview, summary = run(demo_session, resource("samples", "居民台账示例.xlsx"))
    assert (summary.imported, summary.rejected) == (3, 2)
    assert {r.number for r in preview.rejected} == {5, 7}
    preview, summary = run(demo_session, resource("samples", "志愿者台账示例.csv"), "volunteers")
    assert (summary.imported, summary.rejected) == (4, 1)
    assert summary.new_teams == ["花乡街道应急突击队"]
    assert "availability" in preview.rows[4].warnings


# -- health and hardship notes: sensitive (PIPL art. 28) ------------------------------------

SENSITIVE_LEDGER = [["姓名", "性别", "出生日期", "健康状况", "困难情况", "楼号", "健康信息同意人",
                     "健康信息同意日期"],
                    ["张建国", "男", "1929-04-12", "高血压，耳背", "低保户", "3号楼", "本人", "2026-10-01"],
                    ["李秀兰", "女", "1935-08-01", "", "独子在外地", "5号楼", "", ""]]


def without_sensitive_access(monkeypatch) -> Actor:
    """Staff as a committee might set them up without 查看健康与困难情况 (no shipped role both
    imports and lacks it, so the matrix is narrowed here)."""
    narrowed = permissions.MATRIX[Role.STAFF] - {Permission.VIEW_SENSITIVE}
    monkeypatch.setitem(permissions.MATRIX, Role.STAFF, narrowed)
    return Actor(5, "王丽", Role.STAFF)


def test_health_and_hardship_columns_import_for_a_role_that_may_see_them(session, tmp_path):
    path = write_csv(tmp_path / "敏感.csv", SENSITIVE_LEDGER, "utf-8-sig")
    preview, summary = run(session, path)
    assert preview.mapping.columns[3:5] == ["health_notes", "hardship_notes"]
    assert summary.imported == 2 and preview.notices == []
    people = saved(session)
    assert people["张建国"]["health_notes"] == "高血压，耳背"
    assert people["李秀兰"]["hardship_notes"] == "独子在外地"


def test_health_and_hardship_columns_are_ignored_with_a_notice_without_the_permission(
        session, tmp_path, monkeypatch):
    actor = without_sensitive_access(monkeypatch)
    staff = Session(session.db, actor, today=session.today)
    path = write_csv(tmp_path / "敏感.csv", SENSITIVE_LEDGER, "utf-8-sig")
    table, mapping = import_header.load(path, "residents")
    checked_by_system = import_check.check(session, table, mapping, "residents")
    before = session.db.execute("SELECT count(*) FROM residents").fetchone()[0]
    with pytest.raises(PermissionDenied, match="健康情况和困难情况"):
        import_apply.apply(staff, checked_by_system)
    assert session.db.execute("SELECT count(*) FROM residents").fetchone()[0] == before

    preview, summary = run(staff, path)
    [notice] = preview.notices
    assert "“健康状况”“困难情况”列" in notice and "查看健康与困难情况" in notice
    assert "其他列照常导入" in notice
    assert summary.imported == 2 and summary.rejected == 0
    people = saved(session)
    assert people["张建国"]["building"] == "3号楼"
    assert all(p["health_notes"] == "" and p["hardship_notes"] == "" for p in people.values())


def test_update_without_the_permission_keeps_the_saved_notes(session, tmp_path, monkeypatch):
    residents.add(session, {"name": "张建国", "gender": "男", "birth_date": "1929-04-12",
                            "health_notes": "糖尿病", "sensitive_consent": True,
                            "health_consent_by": "女儿王芳", "health_consent_date": "2026-10-01"})
    staff = Session(session.db, without_sensitive_access(monkeypatch), today=session.today)
    path = write_csv(tmp_path / "敏感.csv", SENSITIVE_LEDGER, "utf-8-sig")
    _, summary = run(staff, path, mode=import_rows.UPDATE)
    assert summary.updated == 1
    assert saved(session)["张建国"]["health_notes"] == "糖尿病"
    assert saved(session)["张建国"]["building"] == "3号楼"


def _ledger_giving_this_years_numbers(tmp_path):
    return write_xlsx(tmp_path / "志愿者.xlsx", [
        ["姓名", "性别", "出生日期", "手机号", "志愿者编号"],
        ["刘洋", "男", "1985-03-02", "13700001111", ""],
        ["孙敏", "女", "1988-06-09", "13700002222", "ZY2026-00001"],
        ["周杰", "男", "1990-01-01", "13700003333", "ZY2026-00002"],
    ])


def _numbers(db) -> dict[str, str]:
    return {r["name"]: r["volunteer_no"] for r in db.query("SELECT name, volunteer_no FROM volunteers")}


def test_a_volunteer_without_a_number_never_takes_one_the_file_gives(session, tmp_path):
    _preview, summary = run(session, _ledger_giving_this_years_numbers(tmp_path), "volunteers")
    assert summary.imported == 3
    assert _numbers(session.db) == {"孙敏": "ZY2026-00001", "周杰": "ZY2026-00002", "刘洋": "ZY2026-00003"}


def test_nor_through_the_command_line(tmp_path):
    from volunteer_app import cli
    from volunteer_app.store.connection import open_database

    db = tmp_path / "新.sqlite3"
    assert cli.main(["import", "volunteers", str(_ledger_giving_this_years_numbers(tmp_path)),
                     "--db", str(db)]) == 0
    numbers = _numbers(open_database(db))
    assert numbers["孙敏"] == "ZY2026-00001" and numbers["周杰"] == "ZY2026-00002"
    assert numbers["刘洋"] not in ("ZY2026-00001", "ZY2026-00002")


def _roles(session) -> dict[tuple[str, str], str]:
    return {(v, t): role for v, t, role in session.db.execute(
        "SELECT v.name, t.name, m.role FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
        "JOIN teams t ON t.id = m.team_id WHERE m.left_on IS NULL")}


def test_a_captain_written_in_the_ledger_leads_the_team_and_a_second_one_is_told(session, tmp_path):
    """夕阳红志愿服务队（队长）: the role in brackets is kept (it used to be dropped, everyone a
    队员). A team has one captain: a second row claiming it, or a row claiming a team whose
    captain is already saved, joins as 队员 with a warning; the saved captain stays."""
    led = teams.create(session, "银地第二社区居民志愿服务队")
    old_captain = volunteers.add(session, {"name": "赵晗欣", "birth_date": "1962-04-01", "gender": "女"})
    teams.add_member(session, led, old_captain, "队长")
    path = write_xlsx(tmp_path / "志愿者.xlsx", [
        ["姓名", "身份证号", "所属队伍"],
        ["孙浩然", make_id(date(1985, 3, 4), male=True), "高立庄夕阳红志愿服务队（队长）、新发地村青年先锋队(副队长)"],
        ["周婷", make_id(date(1988, 5, 6), male=False), "高立庄夕阳红志愿服务队 (队长)"],
        ["吴刚", make_id(date(1989, 7, 8), male=True), "银地第二社区居民志愿服务队（队长）"],
    ])
    preview, summary = run(session, path, "volunteers")
    warned = {row.number: row.warnings.get("teams", "") for row in preview.rows}
    assert warned[2] == ""
    assert warned[3] == "文件第2行已写明“高立庄夕阳红志愿服务队”的队长，本行按队员加入。"
    assert warned[4] == ("“银地第二社区居民志愿服务队”已有队长赵晗欣，本行按队员加入；"
                         "如要换队长，请在“志愿者与队伍”里指定。")
    assert summary.imported == 3
    assert _roles(session) == {
        ("孙浩然", "高立庄夕阳红志愿服务队"): "队长", ("孙浩然", "新发地村青年先锋队"): "副队长",
        ("周婷", "高立庄夕阳红志愿服务队"): "队员",
        ("赵晗欣", "银地第二社区居民志愿服务队"): "队长", ("吴刚", "银地第二社区居民志愿服务队"): "队员"}
