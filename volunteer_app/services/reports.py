"""Figures for the printed reports: a team's month, hours over any period, a year's totals.

Counted hours leave out superseded records (已更正): an amendment counts instead of the
record it corrected. The monthly report shows all of the month's hours and, beside them,
how many are verified, so a supervisor sees what is still to verify.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain.risk import risk_sql
from ..domain.stars import standing
from . import settings
from .permissions import Permission
from .record_queries import VERIFIED_SQL
from .session import Session


class ReportError(ValueError):
    """A report cannot be made as asked; the message says which input to change."""


@dataclass(frozen=True)
class MonthlyReport:
    team_id: int
    team_name: str
    month: str                            # YYYY-MM
    members: list[dict[str, Any]]         # name, volunteer_no, records, hours, verified_hours
    service_types: list[dict[str, Any]]   # service_type, records, hours
    shifts: list[dict[str, Any]]          # date, time, title, needed, assigned, completed
    visits: list[dict[str, Any]]          # volunteer, resident, due, done
    joined: list[dict[str, Any]]          # name, joined_on
    left: list[dict[str, Any]]            # name, left_on
    hours: float
    verified_hours: float
    records: int

    @property
    def shifts_needed(self) -> int:
        return sum(s["needed"] for s in self.shifts)

    @property
    def shifts_staffed(self) -> int:
        """Shifts that had at least their minimum headcount assigned (declined ones left out)."""
        return sum(1 for s in self.shifts if s["assigned"] >= s["needed"])

    @property
    def visits_due(self) -> int:
        return sum(v["due"] for v in self.visits)

    @property
    def visits_done(self) -> int:
        return sum(v["done"] for v in self.visits)


def month_bounds(month: str) -> tuple[str, str]:
    try:
        year, number = (int(part) for part in month.split("-"))
        last = calendar.monthrange(year, number)[1]
    except (ValueError, calendar.IllegalMonthError):
        raise ReportError(f"月份“{month}”应写成 2026-11 这样的年-月。") from None
    return f"{year:04d}-{number:02d}-01", f"{year:04d}-{number:02d}-{last:02d}"


def monthly_team(session: Session, team_id: int, month: str) -> MonthlyReport:
    session.require(Permission.REPORT_PRINT)
    team = session.row("teams", team_id)
    if team is None:
        raise ReportError(f"找不到编号为{team_id}的队伍，请检查队伍编号。")
    start, end = month_bounds(month)
    db = session.db
    members = [dict(r) for r in db.query(
        f"SELECT v.id, v.name, v.volunteer_no, count(*) AS records, sum(r.hours) AS hours, "
        f"coalesce(sum(CASE WHEN r.status IN {VERIFIED_SQL} THEN r.hours END), 0) AS verified_hours "
        f"FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id WHERE r.team_id = ? "
        f"AND r.date BETWEEN ? AND ? AND r.status != '已更正' GROUP BY v.id "
        f"ORDER BY hours DESC, v.name_pinyin", [team_id, start, end])]
    types = [dict(r) for r in db.query(
        "SELECT coalesce(st.name, '其他') AS service_type, count(*) AS records, sum(r.hours) AS hours "
        "FROM service_records r LEFT JOIN service_types st ON st.id = r.service_type_id "
        "WHERE r.team_id = ? AND r.date BETWEEN ? AND ? AND r.status != '已更正' GROUP BY 1 "
        "ORDER BY hours DESC", [team_id, start, end])]
    shifts = [dict(r) for r in db.query(
        "SELECT s.date, s.start_time || '–' || s.end_time AS time, t.title, s.min_people AS needed, "
        "(SELECT count(*) FROM assignments a WHERE a.shift_id = s.id "
        " AND a.state NOT IN ('已谢绝', '缺席')) AS assigned, "
        "(SELECT count(*) FROM assignments a WHERE a.shift_id = s.id AND a.state = '已完成') AS completed "
        "FROM shifts s JOIN tasks t ON t.id = s.task_id WHERE t.team_id = ? AND s.cancelled = 0 "
        "AND s.date BETWEEN ? AND ? ORDER BY s.date, s.start_time", [team_id, start, end])]
    return MonthlyReport(
        team_id=team_id, team_name=team["name"], month=month[:7], members=members,
        service_types=types, shifts=shifts, visits=_visits(session, team_id, start, end),
        joined=[dict(r) for r in db.query(
            "SELECT v.name, m.joined_on FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
            "WHERE m.team_id = ? AND m.joined_on BETWEEN ? AND ? ORDER BY m.joined_on",
            [team_id, start, end])],
        left=[dict(r) for r in db.query(
            "SELECT v.name, m.left_on FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
            "WHERE m.team_id = ? AND m.left_on BETWEEN ? AND ? ORDER BY m.left_on",
            [team_id, start, end])],
        hours=round(sum(m["hours"] for m in members), 2),
        verified_hours=round(sum(m["verified_hours"] for m in members), 2),
        records=sum(m["records"] for m in members))


def _visits(session: Session, team_id: int, start: str, end: str) -> list[dict[str, Any]]:
    """Visits due and done for pairings whose helper is in the team: a pairing active for
    d days of the month at one visit every n days is due ceil(d / n) visits."""
    # The cadence of the resident's tier today, under today's settings (never a stored copy).
    level, level_params = risk_sql(settings.housing_rule(session), session.today(), "r")
    cadence = settings.visit_cadence(session)
    rows = session.db.query(
        f"SELECT p.id, v.name AS volunteer, r.name AS resident, {level} AS risk_level, p.started_on, "
        "p.ended_on, (SELECT count(*) FROM visits x WHERE x.pairing_id = p.id "
        " AND x.visited_on BETWEEN ? AND ?) AS done FROM pairings p "
        "JOIN volunteers v ON v.id = p.volunteer_id JOIN residents r ON r.id = p.resident_id "
        "WHERE p.state IN ('结对中', '已解除') AND (p.started_on IS NULL OR p.started_on <= ?) "
        "AND (p.ended_on IS NULL OR p.ended_on >= ?) AND EXISTS (SELECT 1 FROM team_members m "
        " WHERE m.team_id = ? AND m.volunteer_id = p.volunteer_id) ORDER BY v.name_pinyin",
        [*level_params, start, end, end, start, team_id])
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    out = []
    for row in rows:
        active_from = max(first, date.fromisoformat(row["started_on"])) if row["started_on"] else first
        active_to = min(last, date.fromisoformat(row["ended_on"])) if row["ended_on"] else last
        days = (active_to - active_from).days + 1
        due = math.ceil(days / cadence.days(row["risk_level"])) if days > 0 else 0
        out.append({"volunteer": row["volunteer"], "resident": row["resident"], "due": due,
                    "done": row["done"]})
    return out


def hours_summary(session: Session, date_from: str, date_to: str,
                  team_id: int | None = None) -> list[dict[str, Any]]:
    """Each volunteer's hours over any period: all counted, verified, and counting for stars;
    with a team, only the records of that team's activities. ``stars`` is the volunteer's
    level on the last day of the period, from all their verified hours up to it (stars
    belong to the person, not to one team or one period)."""
    session.require(Permission.REPORT_PRINT)
    sql = (f"SELECT v.id, v.name, v.volunteer_no, count(*) AS records, sum(r.hours) AS hours, "
           f"coalesce(sum(CASE WHEN r.status IN {VERIFIED_SQL} THEN r.hours END), 0) AS verified_hours, "
           f"coalesce(sum(CASE WHEN r.status IN {VERIFIED_SQL} AND r.counts_for_stars = 1 "
           f"THEN r.hours END), 0) AS star_hours, "
           f"(SELECT coalesce(sum(x.hours), 0) FROM service_records x WHERE x.volunteer_id = v.id "
           f" AND x.status IN {VERIFIED_SQL} AND x.counts_for_stars = 1 AND x.date <= ?) "
           f"AS cumulative_star_hours FROM service_records r "
           f"JOIN volunteers v ON v.id = r.volunteer_id WHERE r.date BETWEEN ? AND ? "
           f"AND r.status != '已更正'")
    params: list[Any] = [date_to, date_from, date_to]
    if team_id:
        sql += " AND r.team_id = ?"
        params.append(team_id)
    rows = [dict(r) for r in session.db.query(
        sql + " GROUP BY v.id ORDER BY hours DESC, v.name_pinyin", params)]
    for row in rows:
        for key in ("hours", "verified_hours", "star_hours", "cumulative_star_hours"):
            row[key] = round(row[key], 2)
        row["stars"] = standing(row["cumulative_star_hours"])
    return rows


def period_bounds(year: int | None = None, date_from: str | None = None,
                  date_to: str | None = None) -> tuple[str, str]:
    """A whole year, or a checked from–to period (both ISO days)."""
    if year is not None:
        if not 2000 <= year <= 2100:
            raise ReportError(f"年份“{year}”不对，请写成 2026 这样的四位年份。")
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    try:
        start, end = date.fromisoformat(date_from or ""), date.fromisoformat(date_to or "")
    except ValueError:
        raise ReportError(f"统计期间“{date_from or ''}至{date_to or ''}”应写成 2026-01-01 这样的日期，"
                          f"或只给年份。") from None
    if start > end:
        raise ReportError(f"统计期间的开始日期{start}晚于结束日期{end}，请调换后再试。")
    return start.isoformat(), end.isoformat()


def year_totals(session: Session, year: int, team_id: int | None = None) -> dict[str, Any]:
    """The year's hours by month and by service type, and its volunteers and records (of one
    team's activities when ``team_id`` is given)."""
    session.require(Permission.REPORT_PRINT)
    where = "WHERE r.date LIKE ? AND r.status != '已更正'"
    params: list[Any] = [f"{year:04d}-%"]
    if team_id:
        where += " AND r.team_id = ?"
        params.append(team_id)
    by_month = {row[0]: (row[1], row[2], row[3]) for row in session.db.execute(
        f"SELECT substr(r.date, 1, 7), count(*), sum(r.hours), count(DISTINCT r.volunteer_id) "
        f"FROM service_records r {where} GROUP BY 1", params)}
    months = []
    for number in range(1, 13):
        records, hours, volunteers = by_month.get(f"{year:04d}-{number:02d}", (0, 0, 0))
        months.append({"month": f"{year:04d}-{number:02d}", "records": records,
                       "hours": round(hours or 0, 2), "volunteers": volunteers})
    types = [dict(r) for r in session.db.query(
        f"SELECT coalesce(st.name, '其他') AS service_type, count(*) AS records, sum(r.hours) AS hours "
        f"FROM service_records r LEFT JOIN service_types st ON st.id = r.service_type_id {where} "
        f"GROUP BY 1 ORDER BY hours DESC", params)]
    row = session.db.execute(
        f"SELECT count(*), coalesce(sum(r.hours), 0), count(DISTINCT r.volunteer_id) "
        f"FROM service_records r {where}", params).fetchone()
    return {"year": year, "months": months, "service_types": types, "records": row[0],
            "hours": round(row[1], 2), "volunteers": row[2]}
