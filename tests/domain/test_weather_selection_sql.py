"""The SQL form of a warning's selection rule (weather.selection_sql) selects exactly the
residents the Python form (weather.reasons) gives a reason, on generated residents stored in
a real SQLite file, for any rule and housing setting: the roll-call reads only those rows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from volunteer_app.domain import weather
from volunteer_app.domain.people import HousingRule, age_on, years_before
from volunteer_app.domain.risk import is_stranded, resident_risk, risk_sql
from volunteer_app.store.connection import open_database

FLAGS = ("has_lift", "cannot_use_stairs", "lives_alone", "empty_nest", "disabled", "dementia",
         "serious_illness", "hardship", "power_dependent", "chronic_illness")
TODAYS = (date(2026, 11, 28), date(2024, 2, 29), date(2023, 12, 31))


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("weather") / "weather.sqlite3")
    yield db
    db.close()


@st.composite
def births(draw, today: date) -> str | None:
    kind = draw(st.sampled_from(("none", "empty", "any", "edge")))
    if kind in ("none", "empty"):
        return None if kind == "none" else ""
    if kind == "any":
        return draw(st.dates(date(1910, 1, 1), today)).isoformat()
    edge = date.fromisoformat(years_before(today, draw(st.sampled_from((60, 80, 90)))))
    return (edge + timedelta(days=draw(st.integers(-1, 1)))).isoformat()


@st.composite
def cases(draw):
    today = draw(st.sampled_from(TODAYS))
    housing = HousingRule(floor_threshold=draw(st.integers(0, 4)), elder_age=draw(st.integers(55, 70)))
    criteria = draw(st.sets(st.sampled_from(list(weather.Criterion)), min_size=1))
    rule = weather.SelectionRule(frozenset(criteria), draw(st.booleans()))
    people = draw(st.lists(st.fixed_dictionaries({
        "birth_date": births(today), "floor": st.one_of(st.none(), st.integers(0, 20)),
        **{flag: st.sampled_from((0, 1)) for flag in FLAGS}}), min_size=1, max_size=20))
    return today, housing, rule, people


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases())
def test_sql_selects_whom_python_gives_a_reason(database, case):
    today, housing, rule, people = case
    database.execute("DELETE FROM residents")
    for k, person in enumerate(people):
        database.execute(f"INSERT INTO residents (uid, name, created_at, updated_at, {', '.join(person)}) "
                         f"VALUES (?, ?, 'x', 'x', {', '.join('?' * len(person))})",
                         [f"u{k}", f"居民{k}", *person.values()])
    condition, params = weather.selection_sql(rule, today, risk_sql(housing, today, "r"),
                                              housing.sql(today, "r"), "r")
    rows = database.execute(f"SELECT r.*, {condition} AS chosen FROM residents r ORDER BY r.id", params)
    for row in [dict(zip([c[0] for c in rows.description], r, strict=True)) for r in rows.fetchall()]:
        facts = weather.ResidentFacts(
            age_on(row["birth_date"], today), resident_risk(row, housing, today), is_stranded(row, housing, today),
            bool(row["lives_alone"]), bool(row["power_dependent"]), bool(row["chronic_illness"]))
        assert bool(row["chosen"]) == bool(weather.reasons(rule, facts)), (row, rule)


def test_an_empty_rule_selects_nobody():
    assert weather.selection_sql(weather.SelectionRule(frozenset()), date(2026, 11, 28),
                                 ("'高'", []), ("1", []))[0] == "0"
