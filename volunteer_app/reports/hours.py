"""志愿服务时长统计: each volunteer's hours over any period with their star level, and for a
whole year the year's totals by month and by service type. As a PDF, or as the table alone
in Excel or CSV (for the street office's own spreadsheets).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtGui import QTextDocument

from ..domain.day_text import full_date
from ..services.hours import reports
from ..services.hours.certificates import format_hours
from ..services.ledger.ledger_files import write_rows
from ..services.session import Session
from .monthly import heading_html, sign_off_html, table_html
from .printing import PageCallback, build_document, write_pdf

HEADERS = ("序号", "姓名", "志愿者编号", "记录数", "服务时长（小时）", "其中已核实（小时）",
           "累计计星时长（小时）", "星级")
FORMATS = (".pdf", ".xlsx", ".csv")


@dataclass(frozen=True)
class HoursReport:
    date_from: str
    date_to: str
    team_name: str                      # "" for every team
    rows: list[dict[str, Any]]          # services.hours.reports.hours_summary rows
    year: dict[str, Any] | None         # services.hours.reports.year_totals, for a whole year

    @property
    def title(self) -> str:
        if self.year is not None:
            return f"{self.year['year']}年度志愿服务时长统计"
        return "志愿服务时长统计"

    @property
    def hours(self) -> float:
        return round(sum(r["hours"] for r in self.rows), 2)


def hours_report(session: Session, date_from: str, date_to: str, team_id: int | None = None,
                 whole_year: int | None = None) -> HoursReport:
    team = session.row("teams", team_id) if team_id else None
    if team_id and team is None:
        raise reports.ReportError(f"找不到编号为{team_id}的队伍，请检查队伍编号。")
    return HoursReport(
        date_from=date_from, date_to=date_to, team_name=team["name"] if team else "",
        rows=reports.hours_summary(session, date_from, date_to, team_id),
        year=reports.year_totals(session, whole_year, team_id) if whole_year else None)


def table_rows(report: HoursReport) -> list[tuple[Any, ...]]:
    return [(i, r["name"], r["volunteer_no"] or "", r["records"], r["hours"], r["verified_hours"],
             r["stars"].hours, r["stars"].text) for i, r in enumerate(report.rows, start=1)]


def hours_html(report: HoursReport, issuer: str = "", prepared_on: str = "") -> str:
    scope = f"（{report.team_name}组织的服务）" if report.team_name else "（全部队伍及个人登记的服务）"
    parts = [heading_html(report.title, report.team_name or "全部志愿者",
                          f"{full_date(report.date_from)}至{full_date(report.date_to)}",
                          issuer, prepared_on)]
    parts.append(f"<p>统计期间共 {len(report.rows)} 位志愿者参加服务{scope}，服务时长合计 "
                 f"{format_hours(report.hours)} 小时。星级按截至期末的累计已核实服务时长评定。</p>")
    if report.year is not None:
        totals = report.year
        parts += [
            "<h2>一、全年按月</h2>",
            table_html(("月份", "记录数", "志愿者人数", "时长（小时）"),
                       [*((m["month"], m["records"], m["volunteers"], format_hours(m["hours"]))
                          for m in totals["months"]),
                        ("全年", totals["records"], totals["volunteers"], format_hours(totals["hours"]))],
                       right=(1, 2, 3), total_row=True),
            "<h2>二、全年按服务类别</h2>",
            table_html(("服务类别", "记录数", "时长（小时）"),
                       ((t["service_type"], t["records"], format_hours(t["hours"]))
                        for t in totals["service_types"]), right=(1, 2), empty="全年没有服务记录"),
            '<h2 style="page-break-before: always;">三、志愿者服务时长与星级</h2>',
        ]
    rows = [(*row[:4], format_hours(row[4]), format_hours(row[5]), format_hours(row[6]), row[7])
            for row in table_rows(report)]
    parts.append(table_html(HEADERS, rows, right=(0, 3, 4, 5, 6), empty="统计期间没有服务记录",
                            widths=(7, 11, 19, 9, 14, 14, 15, 11)))   # ZY2026-00062 on one line
    parts.append(sign_off_html(issuer))
    return "<html><body>" + "".join(parts) + "</body></html>"


def hours_document(report: HoursReport, issuer: str = "", prepared_on: str = "") -> QTextDocument:
    return build_document(hours_html(report, issuer, prepared_on), report.title)


def write_hours_report(report: HoursReport, path: Path | str, issuer: str = "",
                       prepared_on: str = "", on_page: PageCallback | None = None) -> Path:
    """By the file's ending: a PDF of the whole report, or the volunteers' table as .xlsx/.csv
    (LedgerFileError when that file cannot be written)."""
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        return write_pdf(hours_document(report, issuer, prepared_on), path, report.title,
                         on_page=on_page)
    return write_rows(path, HEADERS, table_rows(report), text_columns=(2,),
                      widths=(6, 10, 15, 8, 16, 18, 20, 10), sheet_title=report.title)
