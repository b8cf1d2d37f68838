"""The after-action report of a weather warning (暴雪橙色预警 总结报告), A4, from
services/alerts/report_data.py: the timeline, the roll-call's figures, who needed what and
what was done, the duty shifts and the hours, the residents never reached and why, and the
visits owed after the warning.

Residents appear as 张** with the place and building: the report is kept by the committee
and printed for the street office, so it carries the minimum needed to check that everyone
was reached (the committee finds the household from the list number when asked). A list
long enough to take pages (2,000 follow-up visits at a street's scale) is laid out a page
at a time (long_tables.py), so printing never freezes the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtGui import QPagedPaintDevice

from ..domain.day_text import full_moment, minute_text
from ..services.hours.certificates import format_hours
from .long_table import LongTable
from .long_tables import paint_long_tables, write_long_tables_pdf
from .monthly import heading_html, sign_off_html, table_html
from .printing import PageCallback, escape

SHORT_ROWS = 30        # a list this short is printed in the flow of the text; a longer one gets pages
_NUMBERS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Section:
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths: Sequence[int] = ()
    right: Sequence[int] = ()
    empty: str = "（无）"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f}%"


def _period(data: dict[str, Any]) -> str:
    alert = data["alert"]
    end = full_moment(alert["closed_at"]) if alert["closed_at"] else f"{full_moment(data['until'])}（尚未解除）"
    return f"{full_moment(alert['started_at'])} 至 {end}"


def _figures_html(data: dict[str, Any]) -> str:
    f = data["figures"]
    median = "—" if f["median_minutes"] is None else f"{f['median_minutes']:g}分钟"
    rows = [("点名人数", f["total"]), ("已联系上", f"{f['reached']}（{percent(f['reached_share'])}）"),
            ("2小时内联系上", f["within_2h"]), ("24小时内联系上", f["within_24h"]),
            ("联系上所用时间（中位数）", median), ("转上门查看", f["escalated"]),
            ("需要帮助", f["needs_help"]), ("始终未联系上", f["unreached"])]
    return table_html(("指标", "数值"), rows, widths=(50, 50))


def _heading(data: dict[str, Any]) -> str:
    alert = data["alert"]
    parts = [heading_html(data["title"], "、".join(alert["community_names"]), _period(data),
                          data["issuer"], data["prepared_on"])]
    if alert.get("notice"):
        parts.append(f"<p><b>预警通知：</b>{escape(alert['notice'])}</p>")
    parts.append(f"<h2>点名结果</h2>{_figures_html(data)}")
    return "".join(parts)


def _sections(data: dict[str, Any]) -> list[Section]:
    shift_rows = [(s["title"], s["place_name"] or "", s["date"], f"{s['start_time']}–{s['end_time']}",
                   f"{s['people']}/{s['min_people']}人", s["names"] or "", format_hours(s["hours"]))
                  for s in data["shifts"]]
    hour_rows = [(h["name"], h["date"], h["content"], format_hours(h["hours"]),
                  "计入" if h["counts_for_stars"] else "工作时间内，不计星") for h in data["call_hours"]]
    total = sum(h["hours"] for h in data["call_hours"])
    if hour_rows:
        hour_rows.append(("合计", "", f"{len(hour_rows)}条记录", format_hours(total), ""))
    return [
        Section("时间线", ("时间", "事项", "说明", "登记人"),
                [(minute_text(e["at"]), e["kind"], e["detail"], e["user_name"]) for e in data["timeline"]],
                (20, 13, 52, 15)),
        Section("需要帮助的居民及处理情况", ("序号", "居民", "住址", "需要", "说明", "负责人", "办结时间"),
                [(n["line"], n["name"], n["where"], n["needs"], n["note"], n["handler"] or "（未指定）",
                  minute_text(n["done_at"]) or "未办结") for n in data["needs"]],
                (7, 9, 18, 12, 22, 14, 18), (0,), "没有居民需要帮助"),
        Section("值守班次", ("任务", "地点", "日期", "时间", "人数", "人员", "时长"), shift_rows,
                (18, 11, 15, 16, 8, 25, 7), (4, 6), "本次预警没有值守班次"),   # a date on one line
        Section("点名与上门查看计入的服务时长", ("志愿者", "日期", "内容", "小时", "星级"), hour_rows,
                (16, 16, 36, 10, 22), (3,), "没有可计时长的点名记录"),
        Section("始终未联系上的居民及原因", ("序号", "居民", "住址", "联系人", "次数", "原因"),
                [(u["line"], u["name"], u["where"], u["caller"], u["attempts"], u["reason"])
                 for u in data["unreached"]], (7, 9, 22, 12, 7, 43), (0, 4), "点名名单上的居民都已联系上"),
        Section("预警解除后的探访（高风险居民）", ("居民", "住址", "应探访时间", "探访时间", "情况"),
                [(v["name"], v["where"], minute_text(v["due_by"]), minute_text(v["visited"]) or "尚未探访",
                  _visit_state(v)) for v in data["follow_ups"]], (12, 28, 20, 20, 20), (),
                "预警尚未解除，或名单上没有高风险居民"),
    ]


def _visit_state(visit: dict[str, Any]) -> str:
    if not visit["visited"]:
        return "待探访"
    return "按时" if visit["on_time"] else "逾期后探访"


def _closing(data: dict[str, Any]) -> str:
    return ('<p class="muted">注：为保护个人信息，居民只列姓氏（如“张**”）和所在小区、楼号，不含门牌和电话；'
            "序号为点名名单上的序号，需要核实时请向社区居委会查询。</p>" + sign_off_html(data["issuer"]))


def report_tables(data: dict[str, Any]) -> list[LongTable]:
    """The report as tables to print: the short lists in the flow of the text, each long one
    from a new page; the last section carries the text after it when no list is long."""
    sections = _sections(data)
    tables: list[LongTable] = []
    pending = _heading(data)
    for index, section in enumerate(sections):
        head = f"<h2>{_NUMBERS[index]}、{escape(section.title)}</h2>"
        last = index == len(sections) - 1
        if len(section.rows) > SHORT_ROWS or (last and not tables):
            tables.append(LongTable(section.headers, section.rows, section.right, section.widths,
                                    before=pending + head, title=data["title"]))
            pending = ""
        else:
            pending += head + table_html(section.headers, section.rows, section.right, section.empty,
                                         section.widths)
    tables[-1] = replace(tables[-1], after=pending + _closing(data))
    return tables


def write_report(data: dict[str, Any], path: Path | str, on_page: PageCallback | None = None) -> Path:
    """The report as an A4 PDF (safe in a worker thread; nothing is left of a cancelled one)."""
    return write_long_tables_pdf(report_tables(data), path, data["title"], on_page)


def paint_report(data: dict[str, Any], device: QPagedPaintDevice, on_page: PageCallback | None = None) -> int:
    """The report on a printer (or the print preview); returns the pages painted."""
    return paint_long_tables(report_tables(data), device, on_page)


def summary_line(data: dict[str, Any]) -> str:
    """One line for the command line and the window's status."""
    f = data["figures"]
    return (f"{data['alert']['title']}：点名{f['total']}人，已联系上{f['reached']}人（{percent(f['reached_share'])}），"
            f"需要帮助{f['needs_help']}人，始终未联系上{f['unreached']}人。")

