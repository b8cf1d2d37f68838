"""Two community files publish to one server; the street's figures equal the sums of what each
file's own services count (the 工作台, the visit list, the records' totals, the 三率, the
时长与星级 list), so the street and the communities never tell two stories."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from conftest import TODAY

from volunteer_app.services.admin import dashboard
from volunteer_app.services.care.visit_list import visit_list
from volunteer_app.services.hours import record_queries
from volunteer_app.services.requests import rates
from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.services.street import derived, figures, outbox
from volunteer_app.services.street.publish import publish
from volunteer_app.store.connection import open_database

KEY = b"huaxiang street key"


def _expected(session: Session) -> dict[str, float]:
    """The file's own figures, by its own services."""
    board = dashboard.load(session)
    month = f"{TODAY:%Y-%m}"
    late = {row["id"] for row in visit_list(session) if row["due_on"] and row["due_on"] < TODAY.isoformat()}
    three = rates.month_rates(session, month)
    return {
        "residents_90_plus": board.seniors, "xuankong": board.stranded, "uncovered": board.uncovered,
        "late_visits": len(late), "active_volunteers": board.volunteers,
        "hours_this_month": record_queries.totals(session, record_queries.RecordQuery(month=month)).hours,
        "rated": three["rated"], "contacted": three["contacted"],
    }


@pytest.fixture
def two_files(street_db, demo_template, full_demo_template, tmp_path):
    """The two demo files (built apart: different uids, the same invented people), each
    published with its own role; their own figures; the viewer's URL."""
    expected = {}
    for name, template in (("gaoli", demo_template), ("xinfadi", full_demo_template)):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copy(template, path)
        database = open_database(path)
        session = Session(database, BUILTIN_ADMIN, today=lambda: TODAY)
        publish(session, street_db.add_publisher(name), None, KEY)
        expected[outbox.source_uid(session)] = (_expected(session), _people(session))
        database.close()
    return street_db.add_viewer("office"), expected


def _people(session: Session) -> dict[str, tuple[float, float]]:
    """ID hash -> (hours, star hours) from the file's 时长与星级 list."""
    ids = {row["id"]: row["id_number"] for row in session.db.query("SELECT id, id_number FROM volunteers")}
    rows = record_queries.standings_page(session, record_queries.StandingQuery(as_of="9999-12-31"))
    return {derived.id_hash(ids[r["id"]], KEY): (r["total_hours"], r["star_hours"])
            for r in rows if derived.id_hash(ids[r["id"]], KEY)}


def test_the_streets_figures_are_the_sums_of_the_files(two_files):
    viewer, expected = two_files
    rows = figures.read(viewer, None, figures.communities, TODAY)
    assert len(rows) == 8                                   # four communities in each demo file
    by_source = _communities_by_source(viewer)
    for source, (own, _) in expected.items():
        mine = [row for row in rows if by_source[row.uid] == source]
        assert len(mine) == 4
        for key in ("residents_90_plus", "xuankong", "uncovered", "late_visits", "active_volunteers"):
            assert sum(getattr(row, key) for row in mine) == own[key], key
        assert own["residents_90_plus"] and own["xuankong"] and own["late_visits"]   # not 0 == 0
        assert sum(row.hours_this_month for row in mine) == pytest.approx(own["hours_this_month"])
        assert own["hours_this_month"] > 0
        assert sum(row.rated for row in mine) == own["rated"]
        contacted = sum(round((row.response_rate or 0) * row.rated) for row in mine)
        assert contacted == own["contacted"]
        assert all(row.last_published is not None for row in mine)
    _a_persons_hours_add_up_over_both_files(viewer, expected)


def _a_persons_hours_add_up_over_both_files(viewer: str, expected: dict) -> None:
    """(In the same test: publishing two demo files takes half a minute.)"""
    totals = {v.id_hash: v for v in figures.read(viewer, None, figures.volunteer_totals)}
    (_, first), (_, second) = expected.values()
    both = set(first) & set(second)
    assert both, "the two demo files share their invented volunteers"
    for id_hash in both:
        person = totals[id_hash]
        assert person.communities == 2
        assert person.hours == pytest.approx(first[id_hash][0] + second[id_hash][0])
        assert person.star_hours == pytest.approx(first[id_hash][1] + second[id_hash][1])


def _communities_by_source(url: str) -> dict[str, str]:
    def query(conn, _today: date):
        return dict(conn.execute("SELECT uid, source_uid FROM street.communities").fetchall())

    return figures.read(url, None, query, TODAY)
