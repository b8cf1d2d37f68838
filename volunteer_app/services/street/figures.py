"""The street office's figures: every community side by side, a community's teams month by
month, and a volunteer's hours across communities (the street window and ``street --json``).

Read from the server's typed views (``street.<table>``, server_schema.py), one query per
family of figures, each grouped by community on the server. The rules are the app's own:
the 三率 come from domain/requests.py over the month's rows fetched here, star levels from
domain/stars.py; a resident's 90+, 悬空, 未覆盖 and next visit were judged by the community's
own file when it published them (outbox.row_data), so the street only counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import psycopg

from ...domain.requests import CallbackCounts, Contacted, Resolved, Satisfaction, rates
from ...domain.stars import star_level
from . import server

if TYPE_CHECKING:
    from .hangup import Hangup

T = TypeVar("T")

# Hours as the app's records page sums them: an amended original (已更正) is never counted
# twice; star hours as its 时长与星级 list: of verified records, the hours that count for stars
# (published as star_hours; a row published before that column counts whole or not at all).
SUPERSEDED = "已更正"
VERIFIED = ("已核实", "已锁定")
# Active volunteers as the 工作台 counts them: on the register (在册) and not archived.
ON_REGISTER = "在册"


@dataclass(frozen=True)
class CommunityFigures:
    uid: str
    name: str
    residents_90_plus: int = 0
    xuankong: int = 0                   # 悬空老人
    uncovered: int = 0                  # the app's 未覆盖 rule
    late_visits: int = 0                # residents whose next visit was due before today
    hours_this_month: float = 0.0
    active_volunteers: int = 0
    roll_total: int = 0                 # open weather warnings' roll-call: on the list
    roll_reached: int = 0               # … and reached
    response_rate: float | None = None  # the month's 三率, None when nothing is rated
    resolution_rate: float | None = None
    satisfaction_rate: float | None = None
    last_published: datetime | None = None
    rated: int = 0                      # the month's tickets with the city's callback result

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["last_published"] = self.last_published.isoformat() if self.last_published else None
        return data


def _month(today: date, back: int = 0) -> tuple[date, date]:
    """[first day, first day of the next month) of the month ``back`` months before today's."""
    index = today.year * 12 + today.month - 1 - back
    first = date(index // 12, index % 12 + 1, 1)
    following = date((index + 1) // 12, (index + 1) % 12 + 1, 1)
    return first, following


_COMMUNITIES = """
SELECT c.uid, c.name, s.last_published FROM street.communities c
JOIN street.sources s ON s.source_uid = c.source_uid
WHERE NOT coalesce(c.archived, false) ORDER BY c.name, c.uid
"""
# Each resident's four facts are read from its JSON first (in the scan's parallel workers):
# counted straight from the view, every row's whole JSON was carried into a sort by
# community that spilled to disk (0.5 s at 20 files of scale 10; half that now).
_RESIDENTS = """
SELECT community_uid, count(*) FILTER (WHERE ninety), count(*) FILTER (WHERE stranded),
    count(*) FILTER (WHERE uncovered), count(*) FILTER (WHERE late)
FROM (SELECT community_uid, age_band = '90+' AS ninety, stranded, uncovered,
             visit_due < %(today)s AS late
      FROM street.residents WHERE NOT coalesce(archived, false) OFFSET 0) AS facts
GROUP BY community_uid
"""
_VOLUNTEERS = """
SELECT community_uid, count(*) FROM street.volunteers
WHERE status = %(on_register)s AND NOT coalesce(archived, false) GROUP BY community_uid
"""
# The records of the days [from_day, to_day) as ISO text, each counting for its team's
# community, one without a team for its volunteer's. Read from street.rows rather than the
# typed view: the view's date is a cast no index can hold, while the date's text is indexed
# (server_schema rows_date) and orders as the dates do. A month is then an index range,
# not a scan of every record of the street (0.7 s of the street window's 0.8 s at 20 files).
_RECORDS_OF_DAYS = """
FROM street.rows r
LEFT JOIN street.teams t ON t.uid = r.data->>'team_uid' AND t.source_uid = r.source_uid
LEFT JOIN street.volunteers v ON v.uid = r.data->>'volunteer_uid' AND v.source_uid = r.source_uid
WHERE r.tbl = 'service_records' AND NOT r.deleted AND r.data->>'status' <> %(superseded)s
    AND r.data->>'date' >= %(from_day)s AND r.data->>'date' < %(to_day)s
"""
_RECORD_HOURS = "NULLIF(r.data->>'hours', '')::double precision"   # the view's cast of hours
_HOURS = f"""
SELECT coalesce(t.community_uid, v.community_uid), sum({_RECORD_HOURS}) {_RECORDS_OF_DAYS}
GROUP BY 1
"""
_ROLL = """
SELECT r.community_uid, count(*), count(r.reached_at) FROM street.alert_roll r
JOIN street.alerts a ON a.uid = r.alert_uid AND a.source_uid = r.source_uid
WHERE a.closed_at IS NULL GROUP BY r.community_uid
"""
_REQUESTS = """
SELECT community_uid, callback_contacted, callback_resolved, callback_satisfaction
FROM street.requests WHERE received_at >= %(first)s AND received_at < %(following)s
"""


def communities(conn: psycopg.Connection, today: date) -> list[CommunityFigures]:
    """One row per community not archived, by name; figures of a community that has published
    nothing of a kind are 0 (rates None)."""
    first, following = _month(today)
    params = {"today": today, "first": first, "following": following,
              "from_day": first.isoformat(), "to_day": following.isoformat(),
              "superseded": SUPERSEDED, "on_register": ON_REGISTER}
    residents = _by_community(conn, _RESIDENTS, params)
    volunteers = _by_community(conn, _VOLUNTEERS, params)
    hours = _by_community(conn, _HOURS, params)
    roll = _by_community(conn, _ROLL, params)
    three = month_rates(conn, first, following)
    out = []
    for uid, name, published in conn.execute(_COMMUNITIES).fetchall():
        ninety, stranded, uncovered, late = residents.get(uid, (0, 0, 0, 0))
        total, reached = roll.get(uid, (0, 0))
        out.append(CommunityFigures(
            uid, name, ninety, stranded, uncovered, late,
            round(float(hours.get(uid, (0,))[0] or 0), 2), volunteers.get(uid, (0,))[0],
            total, reached, **three.get(uid, _NO_RATES), last_published=published))
    return out


def _by_community(conn: psycopg.Connection, query: str, params: dict[str, Any]) -> dict[str, tuple]:
    return {row[0]: tuple(row[1:]) for row in conn.execute(query, params).fetchall()}


_NO_RATES = {**rates(CallbackCounts(0, 0, 0, 0, 0, 0)), "rated": 0}


def month_rates(conn: psycopg.Connection, first: date, following: date,
                basic_weight: float = 1.0) -> dict[str, dict[str, Any]]:
    """Each community's 三率 over the tickets received in [first, following), by the app's rule
    (domain/requests.rates). The 基本满意 weight is each community's setting, which does not
    leave the PC: the street uses the default."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    for uid, contacted, resolved, satisfaction in conn.execute(
            _REQUESTS, {"first": first, "following": following}).fetchall():
        tally = counts[uid]
        tally[0] += 1
        if contacted is None:       # rated once the city's callback result is recorded
            continue
        tally[1] += 1
        tally[2] += contacted == Contacted.YES
        tally[3] += resolved == Resolved.YES
        tally[4] += satisfaction == Satisfaction.SATISFIED
        tally[5] += satisfaction == Satisfaction.BASIC
    return {uid: {**rates(CallbackCounts(*tally), basic_weight), "rated": tally[1]}
            for uid, tally in counts.items()}


@dataclass(frozen=True)
class TeamMonths:
    uid: str | None             # None: the community's records without a team
    name: str
    hours: tuple[float, ...]    # one per month of CommunityMonths.months


@dataclass(frozen=True)
class CommunityMonths:
    months: tuple[str, ...]     # 'YYYY-MM', oldest first
    teams: list[TeamMonths]


# Only the files that publish the community (one, unless a file was copied) can hold its
# records: a year of one community's hours read every community's year before (1.5 s).
_TEAM_HOURS = f"""
SELECT r.data->>'team_uid', left(r.data->>'date', 7), sum({_RECORD_HOURS}) {_RECORDS_OF_DAYS}
    AND r.source_uid IN (SELECT source_uid FROM street.communities WHERE uid = %(community)s)
    AND coalesce(t.community_uid, v.community_uid) = %(community)s
GROUP BY 1, 2
"""
_TEAMS = """
SELECT uid, name FROM street.teams WHERE community_uid = %(community)s
    AND (NOT coalesce(archived, false) OR uid = ANY(%(served)s)) ORDER BY name, uid
"""
NO_TEAM = "（未属队伍）"


def community_months(conn: psycopg.Connection, community_uid: str, months: int,
                     today: date | None = None) -> CommunityMonths:
    """The community's hours per team for each of the ``months`` months ending with today's;
    its current teams, and archived ones that served in those months."""
    today = today or date.today()
    names = tuple(f"{_month(today, back)[0]:%Y-%m}" for back in range(months - 1, -1, -1))
    first, following = _month(today, months - 1)[0], _month(today)[1]
    hours: dict[str | None, dict[str, float]] = defaultdict(dict)
    for team, month, total in conn.execute(_TEAM_HOURS, {
            "community": community_uid, "from_day": first.isoformat(),
            "to_day": following.isoformat(), "superseded": SUPERSEDED}).fetchall():
        hours[team][month] = round(float(total or 0), 2)
    teams = [(uid, name) for uid, name in conn.execute(
        _TEAMS, {"community": community_uid, "served": [t for t in hours if t]}).fetchall()]
    if None in hours:
        teams.append((None, NO_TEAM))
    return CommunityMonths(names, [TeamMonths(uid, name, tuple(hours[uid].get(m, 0.0) for m in names))
                                   for uid, name in teams])


@dataclass(frozen=True)
class VolunteerTotal:
    id_hash: str                # the keyed hash of the ID number: never a name
    hours: float                # every counted hour, amended originals left out
    star_hours: float           # verified hours that count for stars
    communities: int            # communities with a volunteer row under this hash
    star_level: int             # domain/stars.py on star_hours


# Each volunteer row's sums first (a few thousand groups), then by person: summing the
# records straight under the person sorted every record's data (3 s at 5 demo files).
_VOLUNTEER_TOTALS = """
WITH served AS (
    SELECT source_uid, volunteer_uid, sum(hours) AS hours,
        sum(coalesce(star_hours, CASE WHEN counts_for_stars THEN hours ELSE 0 END))
            FILTER (WHERE status = ANY(%(verified)s)) AS star_hours
    FROM street.service_records WHERE status <> %(superseded)s GROUP BY 1, 2)
SELECT v.id_hash, count(DISTINCT v.community_uid), coalesce(sum(s.hours), 0),
    coalesce(sum(s.star_hours), 0)
FROM street.volunteers v
LEFT JOIN served s ON s.volunteer_uid = v.uid AND s.source_uid = v.source_uid
WHERE v.id_hash IS NOT NULL GROUP BY v.id_hash
"""


# Memory for the sorts and groupings of the volunteers' totals, which read every record of
# the street. With the server's default of 4 MB, 670,000 records (20 files of scale 10) were
# sorted on disk in 2.2 s; in memory they take 1.1 s. Only for this query: with more memory
# the communities' figures give up their parallel scan and get slower.
_TOTALS_WORK_MEM = "64MB"


def volunteer_totals(conn: psycopg.Connection) -> list[VolunteerTotal]:
    """Each person (by ID hash) across every community they serve, the most hours first.
    Volunteers published without a hash (no ID number, or no street key) cannot be added up
    and are left out."""
    with conn.transaction():
        conn.execute(f"SET LOCAL work_mem = '{_TOTALS_WORK_MEM}'")
        found = conn.execute(_VOLUNTEER_TOTALS, {"verified": list(VERIFIED),
                                                 "superseded": SUPERSEDED}).fetchall()
    out = []
    for id_hash, places, hours, star_hours in found:
        out.append(VolunteerTotal(id_hash, round(float(hours), 2), round(float(star_hours), 2),
                                  places, star_level(float(star_hours))))
    out.sort(key=lambda v: (-v.hours, v.id_hash))
    return out


@dataclass(frozen=True)
class Overview:
    """The street window's communities tab at one refresh."""

    communities: list[CommunityFigures]
    at: datetime                # when the server answered (its clock)


def overview(conn: psycopg.Connection, today: date) -> Overview:
    at = conn.execute("SELECT now()").fetchone()[0]
    return Overview(communities(conn, today), at)


def read(url: str, password: str | None, query: Callable[..., T], *args: Any,
         hangup: Hangup | None = None) -> T:
    """``query(conn, *args)`` on a connection of its own, read-only, closed after; every
    failure a :class:`~.server.StreetServerError` with one Chinese line. ``hangup.cut()``
    from another thread (the street window closing) ends it at once (hangup.Abandoned)."""
    conn = server.connect(url, password, hangup=hangup)
    try:
        with server.held(conn, hangup), server.translated():
            conn.read_only = True
            return query(conn, *args)
    finally:
        conn.close()
