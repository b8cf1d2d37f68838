"""The 志愿服务时长统计 read back from its PDF: one line for each volunteer, the number whole."""

from __future__ import annotations

import re

from pdftext import pdf_text

from volunteer_app.reports.hours import hours_report, write_hours_report


def test_each_volunteer_number_is_printed_whole(demo_session, tmp_path, qapp):
    report = hours_report(demo_session, "2026-01-01", "2026-12-31")
    path = write_hours_report(report, tmp_path / "时长统计.pdf", "花乡街道示范社区", "2026-11-28")
    text = pdf_text(path)
    numbers = {row[0] for row in demo_session.db.execute(
        "SELECT volunteer_no FROM volunteers WHERE id IN (SELECT volunteer_id FROM service_records "
        "WHERE date BETWEEN '2026-01-01' AND '2026-12-31')")}
    assert numbers and numbers == set(re.findall(r"ZY\d{4}-\d{5}", text))   # not ZY2026-0006 / 2
    assert "编制日期：2026年11月28日" in text
