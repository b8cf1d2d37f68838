"""Exports: masked by default, full only when permitted and then audited, Excel-safe cells,
CSV with BOM, a round trip back through the importer, and the command line."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from ledger_fixtures import make_id, write_csv
from openpyxl import load_workbook

from volunteer_app.cli import main
from volunteer_app.services.admin import audit_log
from volunteer_app.services.ledger import (
    import_apply,
    import_check,
    import_header,
    import_rows,
    ledger_export,
    rejected_rows,
)
from volunteer_app.services.people import places, residents, teams, volunteers
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.session import Actor, Session
from volunteer_app.store.connection import open_database
from volunteer_app.store.errors import DatabaseReadOnly

ID = make_id(date(1929, 4, 12), male=True)
# health notes are saved only with their separate consent (services/people/consent.py)
HEALTH_CONSENT = {"sensitive_consent": True, "health_consent_by": "本人",
                  "health_consent_date": "2026-10-01"}

PERSON_COLUMNS = ("name", "gender", "birth_date", "id_number", "phone", "building", "unit", "room",
                  "floor", "has_lift", "lives_alone", "cannot_use_stairs", "empty_nest", "disabled",
                  "dementia", "serious_illness", "hardship", "place_id", "community_id",
                  "emergency_contact", "notes", "name_initials", "name_pinyin", "phone_tail",
                  "risk_level", "health_notes", "hardship_notes", "sensitive_consent",
                  "health_consent_by", "health_consent_date")
VOLUNTEER_COLUMNS = ("volunteer_no", "name", "gender", "birth_date", "id_number", "phone", "skills",
                     "availability", "building", "is_staff", "health_limit", "weekly_hours_cap",
                     "status", "joined_on", "notes", "name_initials", "name_pinyin")


def _snapshot(session, table, columns):
    return sorted(tuple(r[c] for c in columns) for r in session.db.query(f"SELECT * FROM {table}"))


def _members(session):
    return sorted(session.db.execute(
        "SELECT v.name, t.name, m.role FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
        "JOIN teams t ON t.id = m.team_id").fetchall())


def test_masked_xlsx_has_text_cells_styled_header_and_frozen_row(session, tmp_path):
    residents.add(session, {"name": "张建国", "id_number": ID, "phone": "13812345678",
                            "floor": "5", "lives_alone": True})
    path = tmp_path / "居民.xlsx"
    assert ledger_export.export(session, "residents", path) == 1
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["姓名", "身份证号", "性别", "出生日期", "联系电话", "社区"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    id_cell, phone_cell = sheet.cell(2, header.index("身份证号") + 1), sheet.cell(2, 5)
    assert id_cell.value == ID[:6] + "********" + ID[-4:] and id_cell.data_type == "s"
    assert id_cell.number_format == "@" and phone_cell.value == "138****5678"
    assert sheet.column_dimensions["B"].width >= 20
    assert sheet.cell(2, header.index("独居") + 1).value == "是"
    assert session.db.execute("SELECT count(*) FROM audit_log WHERE action = '完整导出'").fetchone()[0] == 0


def test_csv_has_a_bom_and_full_export_is_audited(session, tmp_path):
    residents.add(session, {"name": "张建国", "id_number": ID, "phone": "13812345678"})
    path = tmp_path / "居民.csv"
    ledger_export.export(session, "residents", path, full=True)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert ID in data.decode("utf-8-sig") and "13812345678" in data.decode("utf-8-sig")
    [entry] = session.db.query("SELECT * FROM audit_log WHERE action = '完整导出'")
    assert entry["entity"] == "residents" and "1行" in entry["detail"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_full_export_that_cannot_be_audited_writes_no_file(session, tmp_path, suffix):
    """A read-only database cannot take the audit entry: no file of full numbers goes out
    untraced, and a file already there under that name stays as it was."""
    residents.add(session, {"name": "张建国", "id_number": ID, "phone": "13812345678"})
    folder = tmp_path / "导出"
    folder.mkdir()
    fresh, kept = folder / f"新{suffix}", folder / f"旧{suffix}"
    kept.write_bytes(b"old")
    session.db.execute("PRAGMA query_only = ON")   # SQLITE_READONLY, as a read-only file gives
    for path in (fresh, kept):
        with pytest.raises(DatabaseReadOnly, match="只读"):
            ledger_export.export(session, "residents", path, full=True)
    assert not fresh.exists() and kept.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == [kept.name]   # no partial file either


def test_an_audit_log_export_that_cannot_be_audited_writes_no_file(session, tmp_path):
    path = tmp_path / "操作日志.csv"
    session.db.execute("PRAGMA query_only = ON")
    with pytest.raises(DatabaseReadOnly):
        audit_log.export(session, audit_log.AuditQuery(), path)
    assert not path.exists()


def test_full_export_needs_the_permission(db, tmp_path):
    captain = Session(db, Actor(7, "队长甲", Role.CAPTAIN))
    with pytest.raises(PermissionDenied):
        ledger_export.export(captain, "residents", tmp_path / "x.xlsx")
    supervisor = Session(db, Actor(8, "督导乙", Role.SUPERVISOR))
    assert ledger_export.export(supervisor, "volunteers", tmp_path / "v.xlsx", full=True) == 0


def test_health_and_hardship_notes_go_out_only_to_a_role_that_may_see_them(session, tmp_path,
                                                                           monkeypatch):
    from volunteer_app.services import permissions
    from volunteer_app.services.permissions import Permission

    residents.add(session, {"name": "张建国", "id_number": ID, "health_notes": "高血压",
                            **HEALTH_CONSENT})
    supervisor = Session(session.db, Actor(8, "督导乙", Role.SUPERVISOR))
    ledger_export.export(supervisor, "residents", tmp_path / "s.xlsx")
    header = [c.value for c in load_workbook(tmp_path / "s.xlsx").active[1]]
    assert "健康情况" in header and "困难情况" in header
    narrowed = permissions.MATRIX[Role.SUPERVISOR] - {Permission.VIEW_SENSITIVE}
    monkeypatch.setitem(permissions.MATRIX, Role.SUPERVISOR, narrowed)
    ledger_export.export(supervisor, "residents", tmp_path / "n.csv")
    text = (tmp_path / "n.csv").read_text(encoding="utf-8-sig")
    assert "健康情况" not in text and "困难情况" not in text and "高血压" not in text


def test_masked_export_does_not_import_back_as_real_numbers(session, tmp_path):
    residents.add(session, {"name": "张建国", "id_number": ID, "phone": "13812345678"})
    path = tmp_path / "masked.xlsx"
    ledger_export.export(session, "residents", path)
    table, mapping = import_header.load(path, "residents")
    preview = import_check.check(session, table, mapping, "residents")
    assert "打码" in preview.rows[0].errors["id_number"]


def test_export_then_import_gives_back_the_same_records(session, db_path, tmp_path):
    community = places.add_community(session, "银地第二社区")
    places.add_place(session, community, "银地家园")
    session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    empty = tmp_path / "empty.sqlite3"
    shutil.copy(db_path, empty)
    place = session.db.execute("SELECT id FROM places").fetchone()[0]
    residents.add(session, {"name": "张建国", "id_number": ID, "phone": "13812345678", "floor": "5",
                            "lives_alone": True, "place_id": place, "community_id": community,
                            "building": "3号楼", "unit": "2", "room": "501", "notes": "耳背",
                            "health_notes": "高血压", "hardship_notes": "低保户", **HEALTH_CONSENT})
    residents.add(session, {"name": "阿依古丽·买买提", "birth_date": "1931-02-03", "gender": "女",
                            "phone": "010-63451234", "has_lift": True, "floor": "9"})
    team = teams.create(session, "高立庄夕阳红志愿服务队")
    helper = volunteers.add(session, {"name": "刘洋", "birth_date": "1985-03-02", "gender": "男",
                                      "phone": "13700001111", "skills": "驾驶、电工",
                                      "availability": "6am,6pm,6ev,1ev", "weekly_hours_cap": 6,
                                      "is_staff": True, "notes": "会开车"})
    teams.add_member(session, team, helper, "队长")       # the export writes （队长）; it comes back
    deputy = volunteers.add(session, {"name": "孙敏", "id_number": make_id(date(1988, 6, 9), male=False),
                                      "availability": ""})
    teams.add_member(session, team, deputy, "副队长")
    teams.add_member(session, teams.create(session, "新发地村青年先锋队"), deputy)
    for kind in ("residents", "volunteers"):
        ledger_export.export(session, kind, tmp_path / f"{kind}.xlsx", full=True)
    ledger_export.export(session, "volunteers", tmp_path / "volunteers.csv", full=True)

    target_db = open_database(empty)
    try:
        target = Session(target_db, session.actor, today=session.today)
        for kind, columns in (("residents", PERSON_COLUMNS), ("volunteers", VOLUNTEER_COLUMNS)):
            table, mapping = import_header.load(tmp_path / f"{kind}.xlsx", kind)
            preview = import_check.check(target, table, mapping, kind)
            summary = import_apply.apply(target, preview)
            assert summary.rejected == 0 and summary.imported == 2, rejected_rows.describe(preview)
            assert _snapshot(target, kind, columns) == _snapshot(session, kind, columns)
        assert _members(target) == _members(session)
        table, mapping = import_header.load(tmp_path / "volunteers.csv", "volunteers")
        preview = import_check.check(target, table, mapping, "volunteers")
        assert import_apply.apply(target, preview).skipped == 2
    finally:
        target_db.close()


def test_demo_export_imports_back_unchanged(demo_session, tmp_path):
    path = tmp_path / "demo.xlsx"
    ledger_export.export(demo_session, "residents", path, full=True)
    before = _snapshot(demo_session, "residents", PERSON_COLUMNS)
    table, mapping = import_header.load(path, "residents")
    preview = import_check.check(demo_session, table, mapping, "residents")
    assert not preview.rejected, rejected_rows.describe(preview)[:3]
    summary = import_apply.apply(demo_session, preview, import_rows.UPDATE)
    assert summary.updated == len(before) and summary.imported == 0
    assert _snapshot(demo_session, "residents", PERSON_COLUMNS) == before


def test_records_export_names_volunteer_and_hours(demo_session, tmp_path):
    path = tmp_path / "records.csv"
    count = ledger_export.export(demo_session, "records", path)
    text = path.read_text(encoding="utf-8-sig").splitlines()
    assert text[0].startswith("志愿者编号,志愿者姓名,身份证号")
    assert len(text) == count + 1


# -- the command line ----------------------------------------------------------------------

def _ledger(tmp_path, bad: bool):
    rows = [["姓名", "身份证号", "手机号"], ["张建国", ID, "13812345678"]]
    if bad:
        rows.append(["李秀兰", "110106", "12"])
    return write_csv(tmp_path / ("bad.csv" if bad else "good.csv"), rows, "gbk")


def test_cli_import_prints_counts_and_rejected_rows(db_path, tmp_path, capsys):
    errors = tmp_path / "errors.xlsx"
    code = main(["import", "residents", str(_ledger(tmp_path, True)), "--db", str(db_path),
                 "--errors", str(errors)])
    out = capsys.readouterr().out
    assert code == 0
    assert "已导入 1 行，更新 0 行，跳过重复 0 行，未导入 1 行" in out
    assert "第3行 身份证号：" in out and "第3行 联系电话：" in out
    assert load_workbook(errors).active["D1"].value == "错误原因"
    assert main(["import", "residents", str(_ledger(tmp_path, False)), "--db", str(db_path),
                 "--update"]) == 0
    assert "更新 1 行" in capsys.readouterr().out


def test_cli_all_or_nothing_imports_nothing_on_a_bad_row(db_path, tmp_path, capsys):
    code = main(["import", "residents", str(_ledger(tmp_path, True)), "--db", str(db_path),
                 "--all-or-nothing"])
    captured = capsys.readouterr()
    assert code == 1 and "未导入任何数据" in captured.err
    db = open_database(db_path)
    assert db.execute("SELECT count(*) FROM residents").fetchone()[0] == 0
    db.close()
    assert main(["import", "residents", str(_ledger(tmp_path, False)), "--db", str(db_path),
                 "--all-or-nothing"]) == 0


def test_cli_refuses_unsupported_files_in_one_line(db_path, tmp_path, capsys):
    doc = tmp_path / "台账.pdf"
    doc.write_bytes(b"%PDF-1.4")
    assert main(["import", "residents", str(doc), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "不支持的文件类型" in err
    assert main(["export", "residents", str(tmp_path / "x.txt"), "--db", str(db_path)]) == 1
    assert "以 .xlsx 或 .csv 结尾" in capsys.readouterr().err


def test_cli_export_masks_unless_full(db_path, tmp_path, capsys):
    main(["import", "residents", str(_ledger(tmp_path, False)), "--db", str(db_path)])
    out = tmp_path / "out.csv"
    assert main(["export", "residents", str(out), "--db", str(db_path)]) == 0
    assert ID not in out.read_text(encoding="utf-8-sig")
    assert main(["export", "residents", str(out), "--db", str(db_path), "--full"]) == 0
    assert ID in out.read_text(encoding="utf-8-sig")
    capsys.readouterr()


@pytest.mark.parametrize(("kind", "text_header"), [("volunteers", "联系电话"), ("records", "身份证号")])
def test_volunteers_and_records_xlsx_are_styled_with_numbers_as_text(demo_session, tmp_path, kind,
                                                                    text_header):
    path = tmp_path / f"{kind}.xlsx"
    count = ledger_export.export(demo_session, kind, path, full=True)
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert sheet.max_row == count + 1 and sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    column = header.index(text_header) + 1
    filled = [sheet.cell(r, column) for r in range(2, sheet.max_row + 1) if sheet.cell(r, column).value]
    assert filled and all(c.data_type == "s" and c.number_format == "@" for c in filled)
    assert sheet.column_dimensions["A"].width >= 8
