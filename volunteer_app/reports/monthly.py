"""The monthly team report as a printable document, and the table and heading pieces that
the other reports share.

Long tables (a big team's members, a month of shifts) run over several pages; printing.py
repeats each table's header row on every page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtGui import QTextDocument

from ..domain.day_text import full_date
from ..services.hours.certificates import format_hours
from ..services.hours.reports import MonthlyReport, month_bounds
from .printing import PageCallback, build_document, escape, write_pdf

RIGHT = ' align="right"'


def table_html(headers: Sequence[str], rows: Iterable[Sequence[Any]], right: Sequence[int] = (),
               empty: str = "（无）", widths: Sequence[int] = (), total_row: bool = False) -> str:
    """A bordered table with a <thead> row; ``right`` lists the columns aligned right,
    ``widths`` gives the columns' share of the width in percent; with ``total_row`` the last
    row (a 合计) is bold."""
    head = "".join(f'<th{f" width={chr(34)}{widths[i]}%{chr(34)}" if i < len(widths) else ""}>'
                   f"{escape(h)}</th>" for i, h in enumerate(headers))
    body = []
    for row in rows:
        cells = "".join(f"<td{RIGHT if i in right else ''}>{escape(v)}</td>"
                        for i, v in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}" class="muted">{escape(empty)}</td></tr>')
    elif total_row:
        body[-1] = body[-1].replace("<td>", '<td style="font-weight:bold;">').replace(
            f"<td{RIGHT}>", f'<td{RIGHT} style="font-weight:bold;">')
    return (f'<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>")


def _h(hours: float | None) -> str:
    return format_hours(hours or 0)


def heading_html(title: str, subtitle: str, period: str, issuer: str = "",
                 prepared_on: str = "") -> str:
    """The head of a printed report: title, whom it covers, the period, who made it and when."""
    made = ('<table cellspacing="0" cellpadding="0" width="100%"><tr>'
            f'<td>{f"编制单位：{escape(issuer)}" if issuer else ""}</td>'
            f'<td align="right">{f"编制日期：{full_date(prepared_on)}" if prepared_on else ""}</td>'
            "</tr></table>") if issuer or prepared_on else ""
    return (f'<p align="center" style="font-size:20pt; font-weight:bold; margin-bottom:2pt;">'
            f"{escape(title)}</p>"
            f'<p align="center" style="margin-bottom:2pt;"><span style="font-size:13pt; font-weight:bold;">'
            f"{escape(subtitle)}</span></p>"
            f'<p align="center" style="margin-bottom:8pt;">统计期间：{escape(period)}</p>{made}')


def sign_off_html(issuer: str) -> str:
    """Who filled the report in and who checked it, with room for the seal."""
    return ('<p style="font-size:6pt;">&nbsp;</p>'
            '<table cellspacing="0" cellpadding="6" width="100%"><tr>'
            '<td width="34%">填报人：＿＿＿＿＿＿</td><td width="33%">审核人：＿＿＿＿＿＿</td>'
            f'<td align="right">{escape(issuer)}（盖章）</td></tr></table>')


_CHINESE_NUMBERS = "一二三四五六七八九十"


def _sections(parts: Sequence[tuple[str, str]]) -> list[str]:
    """Numbered headings (一、二、…) over the sections this report has."""
    return [f"<h2>{_CHINESE_NUMBERS[i]}、{escape(title)}</h2>{table}" for i, (title, table) in enumerate(parts)]


def _with_total(rows: list[tuple[Any, ...]], total: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    return [*rows, total] if rows else rows


def _source_parts(report: MonthlyReport) -> list[tuple[str, str]]:
    """By source for every report; by team and the teamless helpers' visits for the community."""
    rows = [(s["source"], s["records"], _h(s["hours"]), _h(s["verified_hours"])) for s in report.sources]
    parts = [("按来源（排班 / 探访 / 手工等）", table_html(
        ("来源", "记录数", "时长（小时）", "其中已核实"),
        _with_total(rows, ("合计", report.records, _h(report.hours), _h(report.verified_hours))),
        right=(1, 2, 3), empty="本月没有服务记录", total_row=True))]
    if report.community:
        rows = [(t["team"], t["records"], _h(t["hours"])) for t in report.teams]
        parts.append(("按队伍", table_html(
            ("队伍", "记录数", "时长（小时）"), _with_total(rows, ("合计", report.records, _h(report.hours))),
            right=(1, 2), empty="本月没有服务记录", total_row=True)))
        rows = [(v["name"], v["volunteer_no"] or "", v["records"], _h(v["hours"]))
                for v in report.teamless_visits]
        parts.append(("结对探访（不属任何队伍的帮手，如社区工作者）", table_html(
            ("帮扶人", "志愿者编号", "探访记录数", "时长（小时）"),
            _with_total(rows, ("合计", "", sum(v["records"] for v in report.teamless_visits),
                               _h(sum(v["hours"] for v in report.teamless_visits)))),
            right=(2, 3), empty="本月没有", total_row=True)))
    return parts


def monthly_html(report: MonthlyReport, issuer: str = "", prepared_on: str = "") -> str:
    year, month = report.month.split("-")
    start, end = month_bounds(report.month)
    title = f"{int(year)}年{int(month)}月志愿服务月报"
    by_source = "、".join(f"{s['source']} {_h(s['hours'])} 小时" for s in report.sources)
    summary = (f"本月服务记录 {report.records} 条，服务时长 {_h(report.hours)} 小时（已核实 "
               f"{_h(report.verified_hours)} 小时；按来源：{by_source}）；班次 {len(report.shifts)} 个，"
               f"人数达标 {report.shifts_staffed} 个；结对探访应访 {report.visits_due} 次，实访 "
               f"{report.visits_done} 次；新加入 {len(report.joined)} 人，退出 {len(report.left)} 人。")
    member_rows = [(i + 1, m["name"], m["volunteer_no"] or "", m["records"], _h(m["hours"]),
                    _h(m["verified_hours"])) for i, m in enumerate(report.members)]
    member_rows = _with_total(member_rows, ("", "合计", "", report.records, _h(report.hours),
                                            _h(report.verified_hours)))
    type_rows = _with_total([(t["service_type"], t["records"], _h(t["hours"])) for t in report.service_types],
                            ("合计", report.records, _h(report.hours)))
    sections = [
        *_source_parts(report),
        ("志愿者服务时长" if report.community else "队员服务时长", table_html(
            ("序号", "姓名", "志愿者编号", "记录数", "时长（小时）", "其中已核实"), member_rows,
            right=(0, 3, 4, 5), empty="本月没有服务记录", total_row=True)),
        ("按服务类别", table_html(("服务类别", "记录数", "时长（小时）"), type_rows, right=(1, 2),
                             empty="本月没有服务记录", total_row=True)),
        ("班次到岗（需要人数 / 安排人数 / 完成人数）", table_html(
            ("日期", "时间", "任务", "需要", "安排", "完成", "是否达标"),
            ((s["date"], s["time"], s["title"], s["needed"], s["assigned"], s["completed"],
              "达标" if s["assigned"] >= s["needed"] else "缺人") for s in report.shifts),
            right=(3, 4, 5), empty="本月没有班次")),
        ("结对探访（应访 / 实访）", table_html(
            ("帮扶志愿者", "老人", "应访次数", "实访次数"),
            ((v["volunteer"], v["resident"], v["due"], v["done"]) for v in report.visits),
            right=(2, 3), empty="没有结对帮扶" if report.community else "本队没有结对帮扶")),
        ("队员变动", table_html(
            ("变动", "姓名", "日期"),
            [*(("新加入", j["name"], j["joined_on"]) for j in report.joined),
             *(("退出", q["name"], q["left_on"]) for q in report.left)], empty="本月无变动")),
    ]
    parts = [
        heading_html(title, report.team_name, f"{full_date(start)}至{full_date(end)}",
                     issuer, prepared_on),
        f"<p>{summary}</p>",
        *_sections(sections),
        sign_off_html(issuer),
    ]
    return "<html><body>" + "".join(parts) + "</body></html>"


def monthly_document(report: MonthlyReport, issuer: str = "", prepared_on: str = "") -> QTextDocument:
    return build_document(monthly_html(report, issuer, prepared_on),
                          f"{report.team_name} {report.month} 月报")


def write_monthly_pdf(report: MonthlyReport, path: Path | str, issuer: str = "",
                      prepared_on: str = "", on_page: PageCallback | None = None) -> Path:
    return write_pdf(monthly_document(report, issuer, prepared_on), path, on_page=on_page)
