"""The ledger columns 依赖电力或氧气 and 慢性病: read from the headers staff write (依赖电力, 吸氧,
制氧机, 慢性病 …) with the yes/no words of the other flags, exported with the importer's own
header, and a real .xlsx export imports back to the same facts."""

from __future__ import annotations

from datetime import date

import pytest
from ledger_fixtures import make_id, write_xlsx
from openpyxl import load_workbook

from volunteer_app.domain.ledger_columns import RESIDENT_FIELDS, match_header
from volunteer_app.services.ledger import (
    import_apply,
    import_check,
    import_header,
    import_rows,
    ledger_export,
)
from volunteer_app.services.people import places, residents

ID_WU = make_id(date(1936, 3, 2), male=False)
ID_ZHAO = make_id(date(1931, 7, 9), male=True, serial=5)


def run(session, path, mode=import_rows.SKIP):
    table, mapping = import_header.load(path, "residents")
    preview = import_check.check(session, table, mapping, "residents")
    return preview, import_apply.apply(session, preview, mode)


def facts(session):
    return {r["name"]: (r["power_dependent"], r["chronic_illness"]) for r in session.db.query(
        "SELECT name, power_dependent, chronic_illness FROM residents")}


@pytest.mark.parametrize(("header", "key"), [
    ("依赖电力或氧气", "power_dependent"), ("依赖电力", "power_dependent"), ("吸氧", "power_dependent"),
    ("制氧机", "power_dependent"), ("*依赖电力（制氧机、呼吸机）", "power_dependent"),
    ("慢性病", "chronic_illness"), ("是否慢性病", "chronic_illness")])
def test_headers_staff_write_are_understood(header, key):
    assert match_header(header, RESIDENT_FIELDS) == key


def test_an_xlsx_with_the_columns_imports_them(session, tmp_path):
    path = write_xlsx(tmp_path / "居民.xlsx", [
        ["姓名", "身份证号码", "楼号", "制氧机", "慢性病"],
        ["吴桂兰", ID_WU, "3号楼", "有", "√"],
        ["赵德顺", ID_ZHAO, "4号楼", "否", "×"],
        ["钱玉珍", "", "5号楼", "偶尔", "是"],
    ])
    preview, summary = run(session, path)
    assert (summary.imported, summary.rejected) == (2, 1)
    bad = preview.rejected
    assert len(bad) == 1 and "“偶尔”看不懂" in " ".join(bad[0].errors.values())
    assert facts(session) == {"吴桂兰": (1, 1), "赵德顺": (0, 0)}


def test_export_then_import_gives_back_the_facts(session, tmp_path):
    community = places.add_community(session, "新发地村", kind="村")
    place = places.add_place(session, community, "南洼院", "院落")
    residents.add(session, {"name": "吴桂兰", "id_number": ID_WU, "place_id": place,
                            "power_dependent": True})
    residents.add(session, {"name": "赵德顺", "id_number": ID_ZHAO, "place_id": place,
                            "chronic_illness": True})
    path = tmp_path / "居民台账.xlsx"
    assert ledger_export.export(session, "residents", path, full=True) == 2
    sheet = load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    rows = {row[header.index("姓名")]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    power, chronic = header.index("依赖电力或氧气"), header.index("慢性病")
    assert (rows["吴桂兰"][power], rows["吴桂兰"][chronic]) == ("是", "否")
    assert (rows["赵德顺"][power], rows["赵德顺"][chronic]) == ("否", "是")

    # turned around in the file, then read back over the same people: the facts follow it
    book = load_workbook(path)
    book.active.cell(row=[r[header.index("姓名")] for r in rows.values()].index("吴桂兰") + 2,
                     column=power + 1, value="否")
    book.save(path)
    _preview, summary = run(session, path, import_rows.UPDATE)
    assert summary.rejected == 0
    assert facts(session) == {"吴桂兰": (0, 0), "赵德顺": (0, 1)}
