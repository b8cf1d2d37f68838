"""Figures for the printed reports: a team's month, hours over any period, a year's totals.

Counted hours leave out superseded records (已更正): an amendment counts instead of the
record it corrected. The monthly report shows all of the month's hours and, beside them,
how many are verified, so a supervisor sees what is still to verify.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...domain.hours import star_hours_sql
from ...domain.risk import risk_sql
from ...domain.stars import standing
from ..admin import settings
from ..permissions import Permission
from ..session import Session
from .record_queries import VERIFIED_SQL


class ReportError(ValueError):
    """A report cannot be made as asked; the message says which input to change."""


# Where a record's hours came from (service_records.source), in the order a report lists them.
SOURCES = ("排班", "探访", "手工", "导入", "更正")
NO_TEAM = "不属任何队伍"
COMMUNITY = "全社区"


@dataclass(frozen=True)
class MonthlyReport:
    team_id: int | None                   # None: the whole community, teamless records too
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
    sources: list[dict[str, Any]] = field(default_factory=list)    # source, records, hours, verified_hours
    teams: list[dict[str, Any]] = field(default_factory=list)      # community: team, records, hours
    teamless_visits: list[dict[str, Any]] = field(default_factory=list)  # community: name, records, hours

    @property
    def community(self) -> bool:
        return self.team_id is None

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


def _scope(team_id: int | None, column: str) -> tuple[str, list[Any]]:
    """The report's shifts or members: one team's, or (None) every team's."""
    return (f" AND {column} = ?", [team_id]) if team_id is not None else ("", [])


@dataclass(frozen=True)
class _MonthRecords:
    """The records a monthly report counts: the month's, superseded ones left out, of one
    team or (``team_id`` None) all of them, those of no team included."""

    team_id: int | None
    start: str
    end: str

    def sql(self, select: str, joins: str = "", more: str = "", tail: str = "") -> tuple[str, list[Any]]:
        where, scope = _scope(self.team_id, "r.team_id")
        return (f"SELECT {select} FROM service_records r {joins} WHERE r.date BETWEEN ? AND ? "
                f"AND r.status != '已更正'{where}{more} {tail}", [self.start, self.end, *scope])


_VOLUNTEER = "JOIN volunteers v ON v.id = r.volunteer_id"
_SUMS = (f"count(*) AS records, sum(r.hours) AS hours, "
         f"coalesce(sum(CASE WHEN r.status IN {VERIFIED_SQL} THEN r.hours END), 0) AS verified_hours")


def monthly_team(session: Session, team_id: int | None, month: str) -> MonthlyReport:
    """One team's month, or with ``team_id`` None the community's: every record of the month,
    those of no team (a community worker's 结对探访, say) included."""
    session.require(Permission.REPORT_PRINT)
    team = session.row("teams", team_id) if team_id is not None else {"name": COMMUNITY}
    if team is None:
        raise ReportError(f"找不到编号为{team_id}的队伍，请检查队伍编号。")
    start, end = month_bounds(month)
    db, records = session.db, _MonthRecords(team_id, start, end)
    members = [dict(r) for r in db.query(*records.sql(
        f"v.id, v.name, v.volunteer_no, {_SUMS}", _VOLUNTEER,
        tail="GROUP BY v.id ORDER BY hours DESC, v.name_pinyin"))]
    types = [dict(r) for r in db.query(*records.sql(
        "coalesce(st.name, '其他') AS service_type, count(*) AS records, sum(r.hours) AS hours",
        "LEFT JOIN service_types st ON st.id = r.service_type_id", tail="GROUP BY 1 ORDER BY hours DESC"))]
    where, scope = _scope(team_id, "t.team_id")
    shifts = [dict(r) for r in db.query(
        "SELECT s.date, s.start_time || '–' || s.end_time AS time, t.title, s.min_people AS needed, "
        "(SELECT count(*) FROM assignments a WHERE a.shift_id = s.id "
        " AND a.state NOT IN ('已谢绝', '缺席')) AS assigned, "
        "(SELECT count(*) FROM assignments a WHERE a.shift_id = s.id AND a.state = '已完成') AS completed "
        f"FROM shifts s JOIN tasks t ON t.id = s.task_id WHERE s.cancelled = 0{where} "
        "AND s.date BETWEEN ? AND ? ORDER BY s.date, s.start_time", [*scope, start, end])]
    where, scope = _scope(team_id, "m.team_id")
    return MonthlyReport(
        team_id=team_id, team_name=team["name"], month=month[:7], members=members,
        service_types=types, shifts=shifts, visits=_visits(session, team_id, start, end),
        joined=[dict(r) for r in db.query(
            "SELECT v.name, m.joined_on FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
            f"WHERE m.joined_on BETWEEN ? AND ?{where} ORDER BY m.joined_on", [start, end, *scope])],
        left=[dict(r) for r in db.query(
            "SELECT v.name, m.left_on FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
            f"WHERE m.left_on BETWEEN ? AND ?{where} ORDER BY m.left_on", [start, end, *scope])],
        hours=round(sum(m["hours"] for m in members), 2),
        verified_hours=round(sum(m["verified_hours"] for m in members), 2),
        records=sum(m["records"] for m in members), **_parts(session, records))


def _parts(session: Session, records: _MonthRecords) -> dict[str, list[dict[str, Any]]]:
    """The month's hours by source, and for the community by team and the visits of helpers
    in no team (a community worker's 结对探访), so that every hour has its line."""
    found = {r["source"]: dict(r) for r in session.db.query(
        *records.sql(f"r.source, {_SUMS}", tail="GROUP BY 1"))}
    sources = [found.get(name) or {"source": name, "records": 0, "hours": 0.0, "verified_hours": 0.0}
               for name in SOURCES if name in found or name in SOURCES[:3]]
    if records.team_id is not None:
        return {"sources": sources}
    teams = [dict(r) for r in session.db.query(*records.sql(
        f"coalesce(t.name, '{NO_TEAM}') AS team, count(*) AS records, sum(r.hours) AS hours",
        "LEFT JOIN teams t ON t.id = r.team_id", tail="GROUP BY r.team_id ORDER BY r.team_id IS NULL, r.team_id"))]
    visits = [dict(r) for r in session.db.query(*records.sql(
        "v.name, v.volunteer_no, count(*) AS records, sum(r.hours) AS hours", _VOLUNTEER,
        " AND r.team_id IS NULL AND r.source = '探访'", "GROUP BY v.id ORDER BY hours DESC, v.name_pinyin"))]
    return {"sources": sources, "teams": teams, "teamless_visits": visits}


def _visits(session: Session, team_id: int | None, start: str, end: str) -> list[dict[str, Any]]:
    """Visits due and done for pairings whose helper is in the team (every pairing for the
    community): a pairing active for d days of the month at one visit every n days is due
    ceil(d / n) visits."""
    # The cadence of the resident's tier today, under today's settings (never a stored copy).
    level, level_params = risk_sql(settings.housing_rule(session), session.today(), "r")
    cadence = settings.visit_cadence(session)
    rows = session.db.query(
        f"SELECT p.id, v.name AS volunteer, r.name AS resident, {level} AS risk_level, p.started_on, "
        "p.ended_on, (SELECT count(*) FROM visits x WHERE x.pairing_id = p.id "
        " AND x.visited_on BETWEEN ? AND ?) AS done FROM pairings p "
        "JOIN volunteers v ON v.id = p.volunteer_id JOIN residents r ON r.id = p.resident_id "
        "WHERE p.state IN ('结对中', '已解除') AND (p.started_on IS NULL OR p.started_on <= ?) "
        "AND (p.ended_on IS NULL OR p.ended_on >= ?) AND (? IS NULL OR EXISTS (SELECT 1 "
        " FROM team_members m WHERE m.team_id = ? AND m.volunteer_id = p.volunteer_id)) "
        "ORDER BY v.name_pinyin", [*level_params, start, end, end, start, team_id, team_id])
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
           f"coalesce(sum(CASE WHEN r.status IN {VERIFIED_SQL} THEN {star_hours_sql('r')} END), 0) "
           f"AS star_hours, "
           f"(SELECT coalesce(sum({star_hours_sql('x')}), 0) FROM service_records x "
           f"WHERE x.volunteer_id = v.id AND x.status IN {VERIFIED_SQL} AND x.date <= ?) "
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
