"""The records page's filtered list as a PDF (导出PDF).

Runs in a worker thread on its own connection (the page awaits it through qasync), laid out a
page at a time (long_table.py) so that no one Qt call holds Python's lock for long: the
window stays responsive (bench/print_block.py). Nothing here touches a widget.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..services.hours import record_queries
from ..services.hours.certificates import format_hours
from ..services.session import Session
from .long_table import LongTable, write_long_table_pdf
from .printing import PageCallback, escape

ROW_LIMIT = 5_000
HEADERS = ("日期", "时间", "志愿者", "队伍", "服务类别", "时长", "状态", "服务内容")


def time_span(row: dict[str, Any]) -> str:
    return f"{row['start_time'] or ''}–{row['end_time'] or ''}" if row.get("start_time") else ""


def status_text(row: dict[str, Any]) -> str:
    """The status, with a community worker's duty part: all of it, or some hours, not counting."""
    if not row["counts_for_stars"]:
        return row["status"] + "·不计星"
    duty = row.get("duty_hours") or 0
    return row["status"] + (f"·{format_hours(duty)}小时不计星" if 0 < duty < row["hours"] else "")


def content_text(row: dict[str, Any]) -> str:
    if row.get("amends_record_id"):
        return f"【更正记录{row['amends_record_id']}：{row['amendment_reason']}】{row['content']}"
    return row["content"] or row["activity"] or ""


def write_record_list_pdf(session: Session, query: record_queries.RecordQuery, path: Path | str,
                          filters: str = "", on_page: PageCallback | None = None,
                          ) -> tuple[Path, int, int]:
    """Write the records matching ``query``; returns the file, the rows written and the rows
    matching (more than written when over :data:`ROW_LIMIT`)."""
    rows = record_queries.page(session, query, 0, ROW_LIMIT)
    totals = record_queries.totals(session, query)
    before = (f"<h1>志愿服务记录</h1><p>{escape(filters)}</p>"
              f"<p>共 {totals.records} 条记录，合计 {format_hours(totals.hours)} 小时，其中已核实 "
              f"{format_hours(totals.verified_hours)} 小时（已更正的原记录不计）。</p>")
    after = (f"<p>只导出了前 {len(rows)} 条，请缩小筛选范围后分批导出。</p>"
             if totals.records > len(rows) else "")
    table = LongTable(HEADERS, [(r["date"], time_span(r), r["volunteer_name"], r["team_name"] or "",
                                 r["service_type"] or "", format_hours(r["hours"]), status_text(r),
                                 content_text(r)) for r in rows],
                      right=(5,), widths=(9, 10, 8, 20, 14, 5, 12, 22), before=before, after=after,
                      title="志愿服务记录", landscape=True)
    return write_long_table_pdf(table, path, on_page), len(rows), totals.records
