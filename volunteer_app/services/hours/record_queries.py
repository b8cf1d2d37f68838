"""Reading service records: the records page's filtered, paged query with its total hours,
and a volunteer's verified hours and star level (for any page that shows a volunteer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...domain.hours import star_hours_sql
from ...domain.stars import StarStanding, standing
from ..permissions import Permission
from ..session import Session
from .records import VERIFIED

STATUSES = ("已记录", "已核实", "已锁定", "已更正")
_SORTS = {
    "date": "r.date {d}, r.start_time {d}, r.id {d}", "volunteer": "v.name_pinyin {d}, r.date",
    "volunteer_no": "v.volunteer_no {d}", "team": "t.name {d}, r.date", "type": "st.name {d}, r.date",
    "hours": "r.hours {d}, r.id", "status": "r.status {d}, r.date", "id": "r.id {d}",
    "time": "r.start_time {d}, r.id", "beneficiary": "r.beneficiary {d}", "content": "r.content {d}",
    "source": "r.source {d}, r.date",
}
_SELECT = ("SELECT r.*, v.name AS volunteer_name, v.volunteer_no, t.name AS team_name, "
           "st.name AS service_type FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id "
           "LEFT JOIN teams t ON t.id = r.team_id LEFT JOIN service_types st ON st.id = r.service_type_id")
_FROM = ("FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id "
         "LEFT JOIN teams t ON t.id = r.team_id")
VERIFIED_SQL = "('" + "', '".join(VERIFIED) + "')"


@dataclass(frozen=True)
class RecordQuery:
    text: str = ""                      # volunteer name, pinyin initials or volunteer number
    volunteer_id: int | None = None
    team_id: int | None = None
    service_type_id: int | None = None
    month: str = ""                     # YYYY-MM
    date_from: str = ""
    date_to: str = ""
    status: str = ""                    # one of STATUSES, or "" for all
    sort: str = "date"
    descending: bool = True


def _text_clause(text: str, clauses: list[str], params: list[Any]) -> None:
    """A volunteer by name, pinyin initials or volunteer number."""
    text = text.strip()
    if not text:
        return
    if text.isascii() and text.isalpha():
        clauses.append("(v.name_initials LIKE ? OR v.name_pinyin LIKE ?)")
        params += [text.lower() + "%", text.lower() + "%"]
    else:
        clauses.append("(v.name LIKE ? OR v.volunteer_no LIKE ?)")
        params += [f"%{text}%", f"%{text}%"]


def _where(query: RecordQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    _text_clause(query.text, clauses, params)
    for column, value in (("r.volunteer_id", query.volunteer_id), ("r.team_id", query.team_id),
                          ("r.service_type_id", query.service_type_id)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if query.month:
        clauses.append("r.date LIKE ?")
        params.append(query.month + "-%")
    if query.date_from:
        clauses.append("r.date >= ?")
        params.append(query.date_from)
    if query.date_to:
        clauses.append("r.date <= ?")
        params.append(query.date_to)
    if query.status:
        clauses.append("r.status = ?")
        params.append(query.status)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count(session: Session, query: RecordQuery) -> int:
    session.require(Permission.LEDGER_READ)
    where, params = _where(query)
    return session.db.execute(f"SELECT count(*) {_FROM}{where}", params).fetchone()[0]


def page(session: Session, query: RecordQuery, offset: int, limit: int) -> list[dict[str, Any]]:
    session.require(Permission.LEDGER_READ)
    where, params = _where(query)
    order = _SORTS.get(query.sort, _SORTS["date"]).format(d="DESC" if query.descending else "ASC")
    return list(session.db.query(f"{_SELECT}{where} ORDER BY {order} LIMIT ? OFFSET ?",
                                 [*params, limit, offset]))


@dataclass(frozen=True)
class Totals:
    records: int
    hours: float            # every record matching, superseded (已更正) ones left out
    verified_hours: float


def totals(session: Session, query: RecordQuery) -> Totals:
    """The hours of the filtered set. An amended original is shown but never counted twice."""
    session.require(Permission.LEDGER_READ)
    where, params = _where(query)
    row = session.db.execute(
        f"SELECT count(*), coalesce(sum(CASE WHEN r.status != '已更正' THEN r.hours END), 0), "
        f"coalesce(sum(CASE WHEN r.status IN {VERIFIED_SQL} THEN r.hours END), 0) {_FROM}{where}",
        params).fetchone()
    return Totals(records=row[0], hours=round(row[1], 2), verified_hours=round(row[2], 2))


def verified_hours(session: Session, volunteer_id: int, date_from: str | None = None,
                   date_to: str | None = None, stars_only: bool = False) -> float:
    """Verified hours; ``stars_only`` leaves out a community worker's duty hours."""
    summed = star_hours_sql("r") if stars_only else "r.hours"
    sql = (f"SELECT coalesce(sum({summed}), 0) FROM service_records r WHERE r.volunteer_id = ? "
           f"AND r.status IN {VERIFIED_SQL}")
    params: list[Any] = [volunteer_id]
    if date_from:
        sql += " AND r.date >= ?"
        params.append(date_from)
    if date_to:
        sql += " AND r.date <= ?"
        params.append(date_to)
    return round(session.db.execute(sql, params).fetchone()[0], 2)


def volunteer_stars(session: Session, volunteer_id: int, as_of: str | None = None) -> StarStanding:
    """The star level from all verified hours that count for stars (staff duty hours do not)."""
    session.require(Permission.LEDGER_READ)
    return standing(verified_hours(session, volunteer_id, date_to=as_of, stars_only=True))


@dataclass(frozen=True)
class StandingQuery:
    """The 时长与星级 list: each volunteer's hours this month, this year and in all, and star level."""

    text: str = ""
    team_id: int | None = None          # that team's members (past and present)
    as_of: str = ""                     # ISO day whose month and year count; "" for today
    sort: str = "total"
    descending: bool = True


_STANDING_SORTS = {
    "name": "v.name_pinyin {d}", "volunteer_no": "v.volunteer_no {d}",
    "month": "month_hours {d}, v.name_pinyin", "year": "year_hours {d}, v.name_pinyin",
    "total": "total_hours {d}, v.name_pinyin", "verified": "verified_hours {d}, v.name_pinyin",
    "stars": "star_hours {d}, v.name_pinyin",
}


def _standing_where(query: StandingQuery) -> tuple[str, list[Any]]:
    # Archived volunteers stay listed while they have hours: their records still count.
    clauses = ["(v.archived_at IS NULL OR EXISTS (SELECT 1 FROM service_records x "
               "WHERE x.volunteer_id = v.id))"]
    params: list[Any] = []
    _text_clause(query.text, clauses, params)
    if query.team_id:
        clauses.append("EXISTS (SELECT 1 FROM team_members m WHERE m.volunteer_id = v.id "
                       "AND m.team_id = ?)")
        params.append(query.team_id)
    return " WHERE " + " AND ".join(clauses), params


def standings_count(session: Session, query: StandingQuery) -> int:
    session.require(Permission.LEDGER_READ)
    where, params = _standing_where(query)
    return session.db.execute(f"SELECT count(*) FROM volunteers v{where}", params).fetchone()[0]


def standings_page(session: Session, query: StandingQuery, offset: int = 0,
                   limit: int = -1) -> list[dict[str, Any]]:
    """Volunteers with ``month_hours``, ``year_hours``, ``total_hours`` (all counted hours,
    amended originals left out), ``verified_hours``, ``star_hours`` and ``stars``
    (a :class:`StarStanding` from all verified hours that count for stars)."""
    session.require(Permission.LEDGER_READ)
    day = query.as_of or session.today().isoformat()
    where, params = _standing_where(query)
    order = _STANDING_SORTS.get(query.sort, _STANDING_SORTS["total"]).format(
        d="DESC" if query.descending else "ASC")
    rows = session.db.query(
        f"SELECT v.id, v.name, v.volunteer_no, "
        f"coalesce(sum(CASE WHEN substr(r.date, 1, 7) = ? THEN r.hours END), 0) AS month_hours, "
        f"coalesce(sum(CASE WHEN substr(r.date, 1, 4) = ? THEN r.hours END), 0) AS year_hours, "
        f"coalesce(sum(r.hours), 0) AS total_hours, "
        f"coalesce(sum(CASE WHEN r.status IN {VERIFIED_SQL} THEN r.hours END), 0) AS verified_hours, "
        f"coalesce(sum(CASE WHEN r.status IN {VERIFIED_SQL} THEN {star_hours_sql('r')} END), 0) "
        f"AS star_hours "
        f"FROM volunteers v LEFT JOIN service_records r ON r.volunteer_id = v.id "
        f"AND r.status != '已更正' AND r.date <= ?{where} GROUP BY v.id ORDER BY {order} "
        f"LIMIT ? OFFSET ?", [day[:7], day[:4], day, *params, limit, offset])
    out = []
    for row in rows:
        row = dict(row)
        for key in ("month_hours", "year_hours", "total_hours", "verified_hours", "star_hours"):
            row[key] = round(row[key], 2)
        row["stars"] = standing(row["star_hours"])
        out.append(row)
    return out


def lookup_lists(session: Session) -> dict[str, list[dict[str, Any]]]:
    """Teams, service types and volunteers for the page's filters and the record dialog."""
    return {
        **filter_lists(session),
        "volunteers": list(session.db.query(
            "SELECT id, name, volunteer_no, name_initials FROM volunteers WHERE archived_at IS NULL "
            "ORDER BY name_pinyin")),
    }


def filter_lists(session: Session) -> dict[str, list[dict[str, Any]]]:
    """Teams and service types for the page's filters: :func:`lookup_lists` without the
    volunteers, which the page does not show (7,300 of them on a street)."""
    session.require(Permission.LEDGER_READ)
    return {
        "teams": list(session.db.query("SELECT id, name FROM teams WHERE archived_at IS NULL ORDER BY id")),
        "service_types": list(session.db.query(
            "SELECT id, name FROM service_types WHERE archived_at IS NULL ORDER BY id")),
    }


def teams_of(session: Session, volunteer_id: int) -> list[dict[str, Any]]:
    return list(session.db.query(
        "SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id "
        "WHERE m.volunteer_id = ? AND m.left_on IS NULL ORDER BY t.id", [volunteer_id]))
