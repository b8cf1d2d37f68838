"""The monthly 接诉即办 report for the street's 调度会: the three rates with their formulas,
the tickets received and rated, the 12-month trend (the chart of the 三率 tab), the office's
own figures by category and staff member, the late tickets and the hot spots (未诉先办).

Callers' names and phones stay off the paper: the meeting discusses tickets by number,
category and place, and a printed page travels further than the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtGui import QTextDocument

from ..domain.day_text import full_date, minute_text
from ..services.admin import settings
from ..services.hours.reports import month_bounds
from ..services.requests import hotspots, rates, tickets
from ..services.session import Session
from .monthly import heading_html, sign_off_html, table_html
from .printing import PageCallback, build_document, escape, write_pdf
from .trend_chart import image_data_url, trend_image

RATE_TITLES = (("response_rate", "响应率"), ("resolution_rate", "解决率"), ("satisfaction_rate", "满意率"))
CHART_PIXELS = (1800, 640)      # drawn at about 270 dpi across the 16.9 cm of text width
CHART_WIDTH = 620               # its width in the document's 96-dpi pixels


@dataclass(frozen=True)
class RequestsMonthReport:
    month: str
    rates: dict[str, Any]
    formulas: dict[str, str]
    trend: list[dict[str, Any]]
    office: dict[str, Any]
    late: list[dict[str, Any]]
    hotspots: list[Any]
    hotspot_days: int


def gather(session: Session, month: str) -> RequestsMonthReport:
    """The month's figures from the services (each checks that the user may read tickets)."""
    month_rows = tickets.list_tickets(session, view="all", month=month)
    return RequestsMonthReport(
        month=month, rates=rates.month_rates(session, month), formulas=rates.formulas(session),
        trend=rates.trend(session, month, 12), office=rates.office_figures(session, month),
        late=[row for row in month_rows if row.get("late")],
        hotspots=list(hotspots.find(session)),
        hotspot_days=int(settings.get(session, "requests.hotspot_days")))


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def overdue_text(row: dict[str, Any]) -> str:
    """How late: closed that long after the deadline, or still open that long past it."""
    due = datetime.fromisoformat(str(row["due_at"]))
    if row.get("closed_at"):
        minutes = (datetime.fromisoformat(str(row["closed_at"])) - due).total_seconds() / 60
    else:
        minutes = -float(row.get("minutes_left") or 0)
    minutes = max(0, int(minutes))
    if minutes >= 24 * 60:
        return f"{minutes // (24 * 60)}天"
    return f"{minutes // 60}小时" if minutes >= 60 else f"{minutes}分钟"


def _rates_table(report: RequestsMonthReport) -> str:
    rows = [(title, percent(report.rates[key]), report.formulas.get(key, "")) for key, title in RATE_TITLES]
    return table_html(("指标", "本月", "计算公式"), rows, right=(1,), widths=(14, 14, 72))


def _counts_text(report: RequestsMonthReport) -> str:
    r, o = report.rates, report.office
    return (f"本月受理诉求 {r['received']} 件，其中有12345回访结果 {r['rated']} 件：已联系 {r['contacted']} 件，"
            f"已解决 {r['resolved']} 件，满意 {r['satisfied']} 件，基本满意 {r['basically_satisfied']} 件。"
            f"本社区统计：时限内联系 {o['contacted_in_time']} 件，已办结 {o['closed']} 件（其中时限内办结 "
            f"{o['closed_in_time']} 件），超时未办结 {o['late_open']} 件。")


def _trend_part(report: RequestsMonthReport) -> str:
    image = trend_image(report.trend, *CHART_PIXELS)
    height = round(CHART_WIDTH * CHART_PIXELS[1] / CHART_PIXELS[0])
    rows = [(m["month"], m["received"], m["rated"], *(percent(m[key]) for key, _t in RATE_TITLES))
            for m in report.trend]
    return (f'<p align="center"><img src="{image_data_url(image)}" width="{CHART_WIDTH}" '
            f'height="{height}"></p>' + table_html(
                ("月份", "受理", "有回访", "响应率", "解决率", "满意率"), rows, right=(1, 2, 3, 4, 5)))


def _sections(report: RequestsMonthReport) -> list[tuple[str, str]]:
    office = report.office
    return [
        ("三率（按来电时间统计本月受理、有回访结果的工单）", _rates_table(report)),
        ("近12个月走势", _trend_part(report)),
        ("按问题分类", table_html(("问题分类", "件数", "时限内办结"),
                              [(c["category"] or "（未分类）", c["count"], c["closed_in_time"])
                               for c in office["by_category"]], right=(1, 2), widths=(60, 20, 20),
                              empty="本月没有诉求")),
        ("按承办工作人员", table_html(("工作人员", "件数", "时限内办结"),
                                [(s["staff_name"] or "（未派给个人）", s["count"], s["closed_in_time"])
                                 for s in office["by_staff"]], right=(1, 2), widths=(60, 20, 20),
                                empty="本月没有派给工作人员的诉求")),
        ("超时工单", table_html(("工单编号", "来电时间", "问题分类", "办理时限", "状态", "超时"),
                            [(t["ticket_no"], minute_text(t["received_at"]), t.get("category") or "",
                              minute_text(t["due_at"]), t["status"], overdue_text(t)) for t in report.late],
                            right=(5,), empty="本月没有超时工单")),
        (f"高频诉求点位（近{report.hotspot_days}天，未诉先办）", table_html(
            ("点位", "楼栋", "问题分类", "件数", "首次", "最近"),
            [(h.place_name, h.building, h.category, h.count, minute_text(h.first_at)[:10], minute_text(h.last_at)[:10])
             for h in report.hotspots], right=(3,), empty="没有达到件数的点位")),
    ]


_NUMBERS = "一二三四五六七八九十"


def requests_html(report: RequestsMonthReport, issuer: str = "", prepared_on: str = "") -> str:
    year, month = report.month.split("-")
    start, end = month_bounds(report.month)
    parts = [heading_html(f"{int(year)}年{int(month)}月接诉即办工作月报", issuer or "接诉即办",
                          f"{full_date(start)}至{full_date(end)}", issuer, prepared_on),
             f"<p>{escape(_counts_text(report))}</p>"]
    parts += [f"<h2>{_NUMBERS[i]}、{escape(title)}</h2>{body}"
              for i, (title, body) in enumerate(_sections(report))]
    parts.append('<p class="muted">注：三率计算公式为暂定口径，可在“设置”中调整基本满意的权重。</p>')
    parts.append(sign_off_html(issuer))
    return "<html><body>" + "".join(parts) + "</body></html>"


def requests_document(report: RequestsMonthReport, issuer: str = "", prepared_on: str = "") -> QTextDocument:
    return build_document(requests_html(report, issuer, prepared_on), f"{report.month} 接诉即办月报")


def write_requests_pdf(report: RequestsMonthReport, path: Path | str, issuer: str = "",
                       prepared_on: str = "", on_page: PageCallback | None = None) -> Path:
    return write_pdf(requests_document(report, issuer, prepared_on), path, on_page=on_page)
