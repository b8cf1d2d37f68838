"""No exported cell runs as a formula in Excel/WPS, and the importer gives back the text."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from volunteer_app.reports.hours import hours_report, write_hours_report
from volunteer_app.services.admin import audit_log
from volunteer_app.services.admin.audit_log import AuditQuery
from volunteer_app.services.ledger import (
    import_apply,
    import_check,
    import_header,
    ledger_export,
    ledger_stream,
    rejected_rows,
)
from volunteer_app.services.ledger.formula_guard import guard_csv, unguard_csv
from volunteer_app.services.ledger.ledger_files import read_table
from volunteer_app.services.people import residents, volunteers

LINK = '=HYPERLINK("http://evil","点我")'
TRICKY = {"building": "=1+1", "unit": "+1", "room": "-3", "notes": "@SUM(A1)",
          "emergency_contact": "'老伴", "hardship_notes": "'=不是公式"}


@pytest.mark.parametrize("text", ["=1+1", "+8613812345678", "-5", "@A1", "\tx", "\rx", "'abc",
                                  "'=x", "''-1", "张建国", "", "13812345678", "010-63451234"])
def test_guard_then_unguard_gives_back_the_text(text):
    guarded = guard_csv(text)
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unguard_csv(guarded) == text


def test_numbers_and_a_real_apostrophe_are_left_alone():
    assert guard_csv(-5) == -5 and guard_csv(3.5) == 3.5
    assert guard_csv("'abc") == "'abc" and unguard_csv("'abc") == "'abc"
    assert guard_csv("13812345678") == "13812345678"


def _add_tricky_resident(session) -> int:
    return residents.add(session, {"name": LINK, "birth_date": "1930-01-02", "gender": "女",
                                   "phone": "010-63451234", **TRICKY})


def _cells(sheet, column_label):
    header = [c.value for c in sheet[1]]
    return sheet.cell(2, header.index(column_label) + 1)


def test_xlsx_export_writes_formula_like_text_as_string_cells(session, tmp_path):
    _add_tricky_resident(session)
    path = tmp_path / "居民.xlsx"
    ledger_export.export(session, "residents", path, full=True)
    sheet = load_workbook(path).active
    for label, value in (("姓名", LINK), ("楼号", "=1+1"), ("单元", "+1"), ("门牌", "-3"),
                         ("备注", "@SUM(A1)")):
        cell = _cells(sheet, label)
        assert cell.value == value and cell.data_type == "s", label
    assert "<f>" not in _sheet_xml(path)


def _sheet_xml(path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_csv_export_prefixes_and_import_gives_back_the_text(session, tmp_path):
    _add_tricky_resident(session)
    path = tmp_path / "居民.csv"
    ledger_export.export(session, "residents", path, full=True)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle))[:2]
    cell = dict(zip(header, row, strict=True))
    assert cell["姓名"] == "'" + LINK and cell["楼号"] == "'=1+1" and cell["门牌"] == "'-3"
    assert cell["紧急联系人"] == "'老伴"              # a real apostrophe, not a guard
    assert cell["困难情况"] == "''=不是公式"          # a real apostrophe before '=': guarded too
    assert cell["联系电话"] == "010-63451234"
    read = read_table(path).rows[1]
    assert read[header.index("姓名")] == LINK and read[header.index("困难情况")] == "'=不是公式"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_through_the_importer(session, tmp_path, suffix):
    resident = _add_tricky_resident(session)
    before = session.row("residents", resident)
    path = tmp_path / f"居民{suffix}"
    ledger_export.export(session, "residents", path, full=True)
    session.db.execute("DELETE FROM residents")
    table, mapping = import_header.load(path, "residents")
    preview = import_check.check(session, table, mapping, "residents")
    assert not preview.rejected, rejected_rows.describe(preview)
    import_apply.apply(session, preview)
    [after] = [dict(r) for r in session.db.query("SELECT * FROM residents")]
    for key in ("name", "phone", *TRICKY):
        assert after[key] == before[key], key


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_through_the_command_lines_streamed_import(session, tmp_path, suffix):
    """`main.py import` reads through ledger_stream, not ledger_files: it must take the
    guard off too, or a resident named '=1+1' comes back as "'=1+1"."""
    resident = _add_tricky_resident(session)
    before = session.row("residents", resident)
    path = tmp_path / f"居民{suffix}"
    ledger_export.export(session, "residents", path, full=True)
    session.db.execute("DELETE FROM residents")
    outcome = ledger_stream.import_file(session, path, "residents")
    assert outcome.summary.rejected == 0
    [after] = [dict(r) for r in session.db.query("SELECT * FROM residents")]
    for key in ("name", "phone", *TRICKY):
        assert after[key] == before[key], key


def test_volunteers_records_hours_and_audit_exports_are_guarded(session, tmp_path):
    volunteers.add(session, {"name": "=刘洋", "birth_date": "1985-03-02", "gender": "男",
                             "notes": "+会开车"})
    for kind in ("volunteers", "records"):
        ledger_export.export(session, kind, tmp_path / f"{kind}.xlsx")
    sheet = load_workbook(tmp_path / "volunteers.xlsx").active
    assert _cells(sheet, "姓名").data_type == "s" and _cells(sheet, "姓名").value == "=刘洋"
    ledger_export.export(session, "volunteers", tmp_path / "v.csv")
    assert "'=刘洋" in (tmp_path / "v.csv").read_text(encoding="utf-8-sig")
    with session.write("audit_log"):
        session.audit("修改", "residents", None, None, None, "=1+1 from a script")
    audit_log.export(session, AuditQuery(action="修改"), tmp_path / "log.xlsx")
    audit_log.export(session, AuditQuery(action="修改"), tmp_path / "log.csv")
    log = load_workbook(tmp_path / "log.xlsx").active
    assert log.cell(2, 9).value == "=1+1 from a script" and log.cell(2, 9).data_type == "s"
    assert "'=1+1 from a script" in (tmp_path / "log.csv").read_text(encoding="utf-8-sig")


def test_hours_report_tables_are_guarded(demo_session, tmp_path):
    demo_session.db.execute("UPDATE volunteers SET name = '=1+1' WHERE id = (SELECT min(volunteer_id) "
                            "FROM service_records)")
    report = hours_report(demo_session, "2000-01-01", "2100-01-01")
    for suffix in (".xlsx", ".csv"):
        write_hours_report(report, tmp_path / f"hours{suffix}")
    assert "<f>" not in _sheet_xml(tmp_path / "hours.xlsx")
    text = (tmp_path / "hours.csv").read_text(encoding="utf-8-sig")
    assert "'=1+1" in text and ",=1+1" not in text
