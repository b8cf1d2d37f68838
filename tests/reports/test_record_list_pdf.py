"""The records page's list as a PDF, laid out a page at a time (reports/long_table.py), read
back: every row once and in order, the header row and the page number on every page, the
totals above the table, the CJK font embedded; a row longer than a page is all there."""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta

import pytest
from pdftext import pdf_pages, pdf_text

from volunteer_app.reports import record_list
from volunteer_app.services.hours import record_queries
from volunteer_app.store.rows import new_uid, now_text

ROWS = 120


def _team_with_records(session, count: int, long_content: str = "") -> int:
    """A new team with ``count`` records, each with its own numbered content, one a day back
    from 2026-10-31 (the list shows the newest first, so 内容0001 comes first)."""
    db = session.db
    with session.write("teams", "service_records"):
        team = db.table("teams").insert({"uid": new_uid(), "name": "打印测试服务队",
                                         "created_at": now_text()}).last_pk
        volunteer = db.execute("SELECT id FROM volunteers ORDER BY id LIMIT 1").fetchone()[0]
        db.table("service_records").insert_all([
            {"uid": new_uid(), "volunteer_id": volunteer, "team_id": team, "service_type_id": 1,
             "date": (date(2026, 10, 31) - timedelta(days=i)).isoformat(),
             "start_time": "08:00", "end_time": "10:00", "hours": 2.0,
             "content": (long_content if long_content and i == count // 2 else f"巡查内容{i + 1:04d}号"),
             "status": "已记录", "created_at": now_text()} for i in range(count)])
    return team


def _write(session, tmp_path, team: int):
    path = tmp_path / "记录.pdf"
    return record_list.write_record_list_pdf(session, record_queries.RecordQuery(team_id=team), path,
                                             "筛选：打印测试服务队")


def test_every_row_once_in_order_with_a_header_and_number_on_every_page(demo_session, tmp_path, qapp):
    team = _team_with_records(demo_session, ROWS)
    path, written, matching = _write(demo_session, tmp_path, team)
    assert written == matching == ROWS
    pages = pdf_pages(path)
    assert pages >= 3
    text = pdf_text(path)
    numbers = [int(n) for n in re.findall(r"巡查内容(\d{4})号", text)]
    assert numbers == list(range(1, ROWS + 1))          # first, middle, last: each once, in order
    assert f"共 {ROWS} 条记录，合计 {ROWS * 2} 小时" in text.replace("\n", "")
    for page in range(1, pages + 1):
        on_page = pdf_text(path, page, page)
        assert "日期" in on_page and "服务内容" in on_page, page
        assert re.search(rf"第\s*{page}\s*页\s*共\s*{pages}\s*页", on_page), page
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    assert "CID" in fonts and " yes " in fonts           # the CJK font is embedded


def test_a_row_longer_than_a_page_is_printed_whole(demo_session, tmp_path, qapp):
    long_content = "开始" + "长" * 6000 + "结束"
    team = _team_with_records(demo_session, 40, long_content)
    path, written, _ = _write(demo_session, tmp_path, team)
    text = pdf_text(path).replace("\n", "").replace(" ", "")
    assert written == 40 and "开始长长" in text and "长长结束" in text
    assert text.count("长") >= 6000
    numbers = [int(n) for n in re.findall(r"巡查内容(\d{4})号", text)]
    assert numbers == [n for n in range(1, 41) if n != 21]


def test_over_the_limit_the_last_page_says_so(demo_session, tmp_path, qapp, monkeypatch):
    monkeypatch.setattr(record_list, "ROW_LIMIT", 50)
    team = _team_with_records(demo_session, 60)
    path, written, matching = _write(demo_session, tmp_path, team)
    assert (written, matching) == (50, 60)
    last = pdf_text(path, pdf_pages(path), pdf_pages(path))
    assert "只导出了前 50 条" in last and "巡查内容0050号" in pdf_text(path)
    assert "巡查内容0051号" not in pdf_text(path)


@pytest.mark.parametrize("count", [0, 1])
def test_an_empty_or_one_row_list_is_one_page(demo_session, tmp_path, qapp, count):
    team = _team_with_records(demo_session, count)
    path, written, _ = _write(demo_session, tmp_path, team)
    assert written == count and pdf_pages(path) == 1
    text = pdf_text(path)
    assert ("（无）" in text) == (count == 0) and "第 1 页" in text.replace("第1页", "第 1 页")


def test_a_status_with_its_not_counted_part_stays_on_one_line(demo_session, tmp_path, qapp):
    team = _team_with_records(demo_session, 3)
    demo_session.db.execute("UPDATE service_records SET counts_for_stars = 0 WHERE team_id = ?", [team])
    path, written, _ = _write(demo_session, tmp_path, team)
    assert pdf_text(path).count("已记录·不计星") == written == 3      # not 已记录·不 / 计星
