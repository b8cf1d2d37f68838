"""The monthly team report read back from its PDF agrees with the records; long tables repeat
their header on every page."""

from __future__ import annotations

import re
import shutil

import pytest
from pdftext import pdf_pages, pdf_text

from volunteer_app.cli import main as cli_main
from volunteer_app.services.hours import reports
from volunteer_app.services.hours.certificates import format_hours
from volunteer_app.services.hours.reports import ReportError
from volunteer_app.store.rows import new_uid, now_text

TEAM = "银地第二社区居民志愿服务队"


def _team(session):
    return session.db.execute("SELECT id FROM teams WHERE name = ?", [TEAM]).fetchone()[0]


def test_monthly_report_figures_agree_with_the_records(demo_session):
    team_id = _team(demo_session)
    report = reports.monthly_team(demo_session, team_id, "2026-10")
    expected = demo_session.db.execute(
        "SELECT count(*), sum(hours) FROM service_records WHERE team_id = ? AND date LIKE '2026-10-%' "
        "AND status != '已更正'", [team_id]).fetchone()
    assert (report.records, report.hours) == (expected[0], pytest.approx(expected[1]))
    assert sum(t["hours"] for t in report.service_types) == pytest.approx(expected[1])
    assert len(report.members) == demo_session.db.execute(
        "SELECT count(DISTINCT volunteer_id) FROM service_records WHERE team_id = ? "
        "AND date LIKE '2026-10-%'", [team_id]).fetchone()[0]


def test_monthly_report_pdf_read_back(demo_session, tmp_path, qapp):
    from volunteer_app.reports.monthly import write_monthly_pdf

    team_id = _team(demo_session)
    # A shift with too few people, a member who joined and one who left this month.
    db = demo_session.db
    task = db.table("tasks").insert({"uid": new_uid(), "team_id": team_id, "service_type_id": 2,
                                     "title": "桶前值守测试", "created_at": now_text()}).last_pk
    shift = db.table("shifts").insert({"uid": new_uid(), "task_id": task, "date": "2026-10-12",
                                       "start_time": "07:00", "end_time": "09:00", "min_people": 3,
                                       "max_people": 4}).last_pk
    member = db.execute("SELECT volunteer_id FROM team_members WHERE team_id = ? LIMIT 1 OFFSET 3",
                        [team_id]).fetchone()[0]
    db.table("assignments").insert({"uid": new_uid(), "shift_id": shift, "volunteer_id": member,
                                    "state": "已完成", "created_at": now_text()})
    db.execute("UPDATE team_members SET left_on = '2026-10-20' WHERE team_id = ? AND volunteer_id = ?",
               [team_id, member])
    report = reports.monthly_team(demo_session, team_id, "2026-10")
    assert report.shifts == [{"date": "2026-10-12", "time": "07:00–09:00", "title": "桶前值守测试",
                              "needed": 3, "assigned": 1, "completed": 1}]
    path = write_monthly_pdf(report, tmp_path / "月报.pdf")
    text = pdf_text(path)
    assert "2026年10月志愿服务月报" in text and TEAM in text
    assert f"本月服务记录 {report.records} 条，服务时长 {format_hours(report.hours)} 小时" in text.replace("\n", "")
    for m in report.members:
        line = next(x for x in text.splitlines() if f" {m['name']} " in f" {x} " and m["volunteer_no"] in x)
        assert re.search(rf"{m['records']}\s+{re.escape(format_hours(m['hours']))}\s", line + " ")
    for t in report.service_types:
        assert re.search(rf"{t['service_type']}\s+{t['records']}\s+{re.escape(format_hours(t['hours']))}", text)
    assert "桶前值守测试" in text and "缺人" in text and "退出" in text


def test_a_500_row_table_spans_pages_with_its_header_on_each(tmp_path, qapp):
    from volunteer_app.reports.monthly import table_html
    from volunteer_app.reports.printing import build_document, write_pdf

    rows = [(i, f"志愿者{i:03d}", f"ZY2026-{i:05d}", 2, "4.5") for i in range(1, 501)]
    html = "<h1>长表</h1>" + table_html(("序号", "姓名", "志愿者编号", "记录数", "时长（小时）"), rows, right=(0, 3))
    path = write_pdf(build_document(html), tmp_path / "long.pdf")
    pages = pdf_pages(path)
    assert pages >= 10
    seen = set()
    for page in range(1, pages + 1):
        text = pdf_text(path, page, page)
        assert "志愿者编号" in text and "时长（小时）" in text, f"第{page}页没有表头"
        assert re.search(rf"第 {page} 页\s+共 {pages} 页$", text.strip()), f"第{page}页没有页码"
        seen |= set(re.findall(r"志愿者(\d{3})", text))
    assert len(seen) == 500


def test_hours_summary_and_year_totals(demo_session):
    year = reports.year_totals(demo_session, 2026)
    total = demo_session.db.execute("SELECT sum(hours) FROM service_records WHERE date LIKE '2026-%' "
                                    "AND status != '已更正'").fetchone()[0]
    assert year["hours"] == pytest.approx(total)
    assert sum(m["hours"] for m in year["months"]) == pytest.approx(total)
    summary = reports.hours_summary(demo_session, "2026-01-01", "2026-12-31")
    assert sum(r["hours"] for r in summary) == pytest.approx(total)
    assert all(r["star_hours"] <= r["verified_hours"] <= r["hours"] + 1e-9 for r in summary)


def test_bad_month_and_team(demo_session):
    with pytest.raises(ReportError, match="2026-13"):
        reports.monthly_team(demo_session, _team(demo_session), "2026-13")
    with pytest.raises(ReportError, match="队伍"):
        reports.monthly_team(demo_session, 999, "2026-10")


def test_cli_monthly_exit_codes(demo_template, tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, db)
    out = tmp_path / "m.pdf"
    assert cli_main(["report", "monthly", "--team", "2", "--month", "2026-10", "--out", str(out),
                     "--db", str(db)]) == 0
    assert "志愿服务月报" in pdf_text(out)
    assert cli_main(["report", "monthly", "--team", "99", "--month", "2026-10", "--out", str(out),
                     "--db", str(db)]) == 1
    assert cli_main(["report", "monthly", "--team", "2", "--month", "十月", "--out", str(out),
                     "--db", str(db)]) == 1
    assert cli_main(["report", "monthly", "--team", "2", "--month", "2026-10",
                     "--out", str(tmp_path / "nofolder" / "x" / "m.pdf"), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "找不到队伍" in err and "十月" in err


def test_cli_hours_summary_as_pdf_csv_and_xlsx(demo_template, tmp_path, capsys):
    import csv

    from openpyxl import load_workbook

    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database

    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, db)
    pdf, table, book = tmp_path / "年度.pdf", tmp_path / "年度.csv", tmp_path / "队.xlsx"
    assert cli_main(["report", "hours", "--year", "2026", "--out", str(pdf), "--db", str(db)]) == 0
    assert cli_main(["report", "hours", "--year", "2026", "--out", str(table), "--db", str(db)]) == 0
    assert cli_main(["report", "hours", "--from", "2026-09-01", "--to", "2026-10-31", "--team", TEAM,
                     "--out", str(book), "--db", str(db)]) == 0
    database = open_database(db)
    try:
        session = Session(database, BUILTIN_ADMIN)
        year_total = database.execute("SELECT sum(hours) FROM service_records WHERE date LIKE '2026-%' "
                                      "AND status != '已更正'").fetchone()[0]
        team_id = _team(session)
        team_rows = reports.hours_summary(session, "2026-09-01", "2026-10-31", team_id)
    finally:
        database.close()
    text = pdf_text(pdf)
    assert "2026年度志愿服务时长统计" in text and "全年按月" in text and "按服务类别" in text
    assert format_hours(year_total) in text.replace(" ", "")
    with table.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["序号", "姓名", "志愿者编号"] and rows[0][-1] == "星级"
    assert sum(float(r[4]) for r in rows[1:]) == pytest.approx(year_total)
    assert all(r[-1].endswith("星级") for r in rows[1:])
    workbook = load_workbook(book, read_only=True)
    sheet = list(workbook.active.iter_rows(values_only=True))
    workbook.close()
    assert [(r[1], r[4]) for r in sheet[1:]] == [(r["name"], r["hours"]) for r in team_rows]

    assert cli_main(["report", "hours", "--out", str(pdf), "--db", str(db)]) == 1
    assert cli_main(["report", "hours", "--year", "2026", "--from", "2026-01-01", "--out", str(pdf),
                     "--db", str(db)]) == 1
    assert cli_main(["report", "hours", "--year", "2026", "--out", str(tmp_path / "x.doc"),
                     "--db", str(db)]) == 1
    assert cli_main(["report", "hours", "--from", "2026-12-01", "--to", "2026-01-01",
                     "--out", str(pdf), "--db", str(db)]) == 1
    assert cli_main(["report", "hours", "--year", "2026", "--team", "没有这个队", "--out", str(pdf),
                     "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "--year" in err and ".xlsx" in err and "晚于" in err and "找不到队伍" in err
