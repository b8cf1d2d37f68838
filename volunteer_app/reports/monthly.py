"""The monthly team report and the hours summaries as printable documents.

Long tables (a big team's members, a month of shifts) run over several pages; printing.py
repeats each table's header row on every page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtGui import QTextDocument

from ..services.certificates import format_hours
from ..services.reports import MonthlyReport
from .printing import build_document, escape, write_pdf

RIGHT = ' align="right"'


def table_html(headers: Sequence[str], rows: Iterable[Sequence[Any]], right: Sequence[int] = (),
               empty: str = "（无）", widths: Sequence[int] = ()) -> str:
    """A bordered table with a <thead> row; ``right`` lists the columns aligned right,
    ``widths`` gives the columns' share of the width in percent."""
    head = "".join(f'<th{f" width={chr(34)}{widths[i]}%{chr(34)}" if i < len(widths) else ""}>'
                   f"{escape(h)}</th>" for i, h in enumerate(headers))
    body = []
    for row in rows:
        cells = "".join(f"<td{RIGHT if i in right else ''}>{escape(v)}</td>"
                        for i, v in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}" class="muted">{escape(empty)}</td></tr>')
    return (f'<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>")


def _h(hours: float | None) -> str:
    return format_hours(hours or 0)


def monthly_html(report: MonthlyReport, issuer: str = "") -> str:
    year, month = report.month.split("-")
    title = f"{int(year)}年{int(month)}月志愿服务月报"
    summary = (f"本月服务记录 {report.records} 条，服务时长 {_h(report.hours)} 小时（已核实 "
               f"{_h(report.verified_hours)} 小时）；班次 {len(report.shifts)} 个，人数达标 "
               f"{report.shifts_staffed} 个；结对探访应访 {report.visits_due} 次，实访 "
               f"{report.visits_done} 次；新加入 {len(report.joined)} 人，退出 {len(report.left)} 人。")
    parts = [
        f"<h1>{title}</h1>",
        f'<p align="center" style="font-size:13pt;"><b>{escape(report.team_name)}</b></p>',
        f'<p class="muted" align="center">{escape(issuer)}</p>' if issuer else "",
        f"<p>{summary}</p>",
        "<h2>一、队员服务时长</h2>",
        table_html(("序号", "姓名", "志愿者编号", "记录数", "时长（小时）", "其中已核实"),
                   ((i + 1, m["name"], m["volunteer_no"] or "", m["records"], _h(m["hours"]),
                     _h(m["verified_hours"])) for i, m in enumerate(report.members)),
                   right=(0, 3, 4, 5), empty="本月没有服务记录"),
        "<h2>二、按服务类别</h2>",
        table_html(("服务类别", "记录数", "时长（小时）"),
                   ((t["service_type"], t["records"], _h(t["hours"])) for t in report.service_types),
                   right=(1, 2), empty="本月没有服务记录"),
        "<h2>三、班次到岗（需要人数 / 安排人数 / 完成人数）</h2>",
        table_html(("日期", "时间", "任务", "需要", "安排", "完成", "是否达标"),
                   ((s["date"], s["time"], s["title"], s["needed"], s["assigned"], s["completed"],
                     "达标" if s["assigned"] >= s["needed"] else "缺人") for s in report.shifts),
                   right=(3, 4, 5), empty="本月没有班次"),
        "<h2>四、结对探访（应访 / 实访）</h2>",
        table_html(("帮扶志愿者", "老人", "应访次数", "实访次数"),
                   ((v["volunteer"], v["resident"], v["due"], v["done"]) for v in report.visits),
                   right=(2, 3), empty="本队没有结对帮扶"),
        "<h2>五、队员变动</h2>",
        table_html(("变动", "姓名", "日期"),
                   [*(("新加入", j["name"], j["joined_on"]) for j in report.joined),
                    *(("退出", q["name"], q["left_on"]) for q in report.left)], empty="本月无变动"),
    ]
    return "<html><body>" + "".join(parts) + "</body></html>"


def monthly_document(report: MonthlyReport, issuer: str = "") -> QTextDocument:
    return build_document(monthly_html(report, issuer), f"{report.team_name} {report.month} 月报")


def write_monthly_pdf(report: MonthlyReport, path: Path | str, issuer: str = "") -> Path:
    return write_pdf(monthly_document(report, issuer), path)


def summary_html(title: str, rows: Sequence[dict[str, Any]]) -> str:
    """The volunteer hours summary for a period (services.reports.hours_summary rows)."""
    total = sum(r["hours"] for r in rows)
    return ("<html><body>" + f"<h1>{escape(title)}</h1>"
            + f"<p>共 {len(rows)} 位志愿者，服务时长合计 {_h(total)} 小时。</p>"
            + table_html(("序号", "姓名", "志愿者编号", "记录数", "时长", "已核实", "计星时长"),
                         ((i + 1, r["name"], r["volunteer_no"] or "", r["records"], _h(r["hours"]),
                           _h(r["verified_hours"]), _h(r["star_hours"])) for i, r in enumerate(rows)),
                         right=(0, 3, 4, 5, 6)) + "</body></html>")


def year_html(totals: dict[str, Any]) -> str:
    return ("<html><body>" + f"<h1>{totals['year']}年志愿服务年度统计</h1>"
            + f"<p>全年服务记录 {totals['records']} 条，{totals['volunteers']} 位志愿者，"
              f"服务时长合计 {_h(totals['hours'])} 小时。</p><h2>按月</h2>"
            + table_html(("月份", "记录数", "志愿者人数", "时长（小时）"),
                         ((m["month"], m["records"], m["volunteers"], _h(m["hours"]))
                          for m in totals["months"]), right=(1, 2, 3))
            + "<h2>按服务类别</h2>"
            + table_html(("服务类别", "记录数", "时长（小时）"),
                         ((t["service_type"], t["records"], _h(t["hours"]))
                          for t in totals["service_types"]), right=(1, 2)) + "</body></html>")


def html_document(html: str, title: str) -> QTextDocument:
    return build_document(html, title)
