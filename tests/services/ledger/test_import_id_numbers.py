"""Old ledgers imported as they are: full-width ID numbers and phones, 15-digit numbers (as
text, and as numbers Excel kept whole), the area codes of counties since renamed; the same
person full-width and half-width is one person, in the file and against the database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ledger_fixtures import write_csv, write_xlsx

from volunteer_app.services.ledger import import_apply, import_check, import_header, rejected_rows
from volunteer_app.services.people import residents
from volunteer_app.store.connection import open_database

ROOT = Path(__file__).resolve().parents[3]
WIDE = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
HEADER = ["姓名", "身份证号", "性别", "联系电话", "楼号"]
ELDER = "11022419310305007X"               # 大兴县 before it became 大兴区
DAXING_1935 = "110224193506120036"
SHIJIAZHUANG = "130102198206120037"


def run(session, path):
    table, mapping = import_header.load(path, "residents")
    preview = import_check.check(session, table, mapping, "residents")
    return preview, import_apply.apply(session, preview)


def stored(session) -> dict[str, tuple]:
    return {r[0]: tuple(r[1:]) for r in session.db.execute(
        "SELECT name, id_number, phone, birth_date, gender FROM residents")}


def test_xlsx_with_full_width_and_15_digit_numbers(session, tmp_path):
    residents.add(session, {"name": "李淑英", "id_number": SHIJIAZHUANG})
    path = write_xlsx(tmp_path / "老台账.xlsx", [
        ["花乡街道老年人台账（2003年）"],
        HEADER,
        ["祁长河", ELDER.translate(WIDE), "男", "１３８－１２３４－５６７８", "1号楼"],
        ["祁秀兰", "110224350612003", "", "（010）6371 2345", "2号楼"],
        ["赵德福", 110105491231003, "", "", "3号楼"],            # a number Excel kept whole
        ["李淑英", SHIJIAZHUANG.translate(WIDE), "", "", "4号楼"],  # already registered
        ["祁长河", ELDER.lower(), "", "", "1号楼"],               # the first row again
        ["钱桂兰", "110105491231002", "男", "", "5号楼"],          # 15 digits, but a woman
    ])
    preview, summary = run(session, path)
    statuses = {row.number: row.status for row in preview.rows}
    assert statuses == {3: "可导入", 4: "可导入", 5: "可导入", 6: "重复", 7: "重复", 8: "有错误"}
    assert preview.rows[4].duplicate_text() == "与文件第3行重复"
    assert "性别“男”与身份证号（女）不一致" in preview.rows[5].errors["gender"]
    assert (summary.imported, summary.skipped, summary.rejected) == (3, 2, 1)
    people = stored(session)
    assert people["祁长河"] == (ELDER, "13812345678", "1931-03-05", "男")
    assert people["祁秀兰"] == (DAXING_1935, "010-63712345", "1935-06-12", "男")
    assert people["赵德福"][0] == "110105194912310038" and people["赵德福"][2] == "1949-12-31"
    assert session.db.execute("SELECT count(*) FROM residents WHERE name = '李淑英'").fetchone()[0] == 1


def test_gb18030_csv_from_an_old_pc(session, tmp_path):
    path = write_csv(tmp_path / "居民.csv", [
        HEADER,
        ["王淑珍", DAXING_1935.translate(WIDE), "", "６３７１２３４５", ""],
        ["马占山", "１１０１０５　４９１２３１　００３", "", "", ""],   # full-width spaces too
        ["刘䶮", "11010519491231002x", "", "", ""],
        ["王淑珍", DAXING_1935, "", "", ""],
    ], "gb18030")
    preview, summary = run(session, path)
    assert (summary.imported, summary.skipped, summary.rejected) == (3, 1, 0), \
        rejected_rows.describe(preview)
    people = stored(session)
    assert people["王淑珍"][:2] == (DAXING_1935, "010-63712345")
    assert people["马占山"][0] == "110105194912310038"
    assert people["刘䶮"][0] == "11010519491231002X"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=120)


def test_the_command_line_import_takes_the_same_numbers(tmp_path):
    db_path = tmp_path / "cli.sqlite3"
    open_database(db_path).close()
    path = write_csv(tmp_path / "居民.csv", [
        HEADER,
        ["祁长河", ELDER.translate(WIDE), "", "１３８ １２３４ ５６７８", ""],
        ["祁秀兰", "110224350612003", "", "", ""],
        ["王奶奶🌸", SHIJIAZHUANG, "", "", ""],
    ], "utf-8-sig")
    done = run_cli("import", "residents", str(path), "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "已导入 2 行" in done.stdout and "未导入 1 行" in done.stdout
    assert "第4行 姓名：" in done.stdout and "“🌸”" in done.stdout
    db = open_database(db_path)
    try:
        rows = {r[0]: (r[1], r[2]) for r in db.execute("SELECT name, id_number, phone FROM residents")}
    finally:
        db.close()
    assert rows == {"祁长河": (ELDER, "13812345678"), "祁秀兰": (DAXING_1935, None)}
    again = run_cli("import", "residents", str(path), "--db", str(db_path))
    assert again.returncode == 0 and "跳过重复 2 行" in again.stdout, again.stderr


def test_an_address_typed_with_an_input_method_is_stored_as_the_forms_store_it(session, tmp_path):
    """３号楼 from a ledger is the building 3号楼 the forms and the 诉求 address already know,
    not a building of its own in the hot spots, the roll-call's order and the pairing's
    'same building'; the CLI's streamed import stores it the same way."""
    residents.add(session, {"name": "李淑英", "id_number": SHIJIAZHUANG, "building": "３号楼",
                            "unit": "２", "room": "５０１"})
    path = write_xlsx(tmp_path / "台账.xlsx", [
        ["姓名", "身份证号", "楼号", "单元", "门牌"],
        ["祁长河", ELDER, "３号楼", "２", " ５０２ "],
        ["祁秀兰", DAXING_1935, "3号楼", "２单元", "５０３"],
    ])
    run(session, path)
    rows = session.db.execute("SELECT name, building, unit, room FROM residents ORDER BY id").fetchall()
    assert rows == [("李淑英", "3号楼", "2", "501"), ("祁长河", "3号楼", "2", "502"),
                    ("祁秀兰", "3号楼", "2单元", "503")]
    db_path = tmp_path / "cli.sqlite3"
    open_database(db_path).close()
    subprocess.run([sys.executable, "main.py", "--db", str(db_path), "import", "residents", str(path)],
                   check=True, cwd=ROOT, capture_output=True)
    db = open_database(db_path)
    try:
        assert db.execute("SELECT building, unit, room FROM residents ORDER BY id").fetchall() == [
            ("3号楼", "2", "502"), ("3号楼", "2单元", "503")]
    finally:
        db.close()
