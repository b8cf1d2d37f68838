"""The SQL forms of the derived rules (risk tier, 悬空老人, aged 90+) give what their Python
forms give, on generated residents stored in a real SQLite file: missing birth dates and
floors, birthdays on the boundary day (29 February included), any housing setting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from volunteer_app.domain.people import Cohorts, HousingRule, age_on, years_before
from volunteer_app.domain.risk import HIGH_AGE, PRIORITY_AGE, resident_risk, risk_sql
from volunteer_app.store.connection import open_database

FLAGS = ("has_lift", "cannot_use_stairs", "lives_alone", "empty_nest", "disabled", "dementia",
         "serious_illness", "hardship")
# Fixed days to judge from: the suite's day, a leap day, the day after it, a new year's eve.
TODAYS = (date(2026, 11, 28), date(2024, 2, 29), date(2025, 3, 1), date(2023, 12, 31))


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("risk") / "risk.sqlite3")
    yield db
    db.close()


@st.composite
def birth_dates(draw, today: date, elder_age: int) -> str | None:
    """Missing (NULL or empty), anywhere in a long life, or within a few days of an age that matters."""
    kind = draw(st.sampled_from(("none", "empty", "any", "edge")))
    if kind in ("none", "empty"):
        return None if kind == "none" else ""
    if kind == "any":
        return draw(st.dates(date(1900, 1, 1), today)).isoformat()
    years = draw(st.sampled_from((HIGH_AGE, PRIORITY_AGE, elder_age, 90)))
    edge = date.fromisoformat(years_before(today, years))
    return (edge + timedelta(days=draw(st.integers(-2, 2)))).isoformat()


@st.composite
def cases(draw):
    today = draw(st.sampled_from(TODAYS))
    rule = HousingRule(floor_threshold=draw(st.integers(0, 6)), elder_age=draw(st.integers(55, 70)))
    cohorts = Cohorts(resident_min_age=draw(st.integers(85, 95)))
    people = draw(st.lists(st.fixed_dictionaries({
        "birth_date": birth_dates(today, rule.elder_age),
        "floor": st.one_of(st.none(), st.integers(-3, 30)),
        **{flag: st.sampled_from((0, 1)) for flag in FLAGS},
    }), min_size=1, max_size=25))
    return today, rule, cohorts, people


def _store(db, people: list[dict]) -> list[int]:
    db.execute("DELETE FROM residents")
    ids = []
    for k, person in enumerate(people):
        ids.append(db.execute(
            f"INSERT INTO residents (uid, name, created_at, updated_at, {', '.join(person)}) "
            f"VALUES (?, ?, 'x', 'x', {', '.join('?' * len(person))})",
            [f"u{k}", f"居民{k}", *person.values()]).lastrowid)
    return ids


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases())
def test_sql_and_python_agree(database, case):
    today, rule, cohorts, people = case
    ids = _store(database, people)
    level, level_params = risk_sql(rule, today, "r")
    stranded, stranded_params = rule.sql(today, "r")
    senior, senior_params = cohorts.sql(today, "r")
    rows = database.execute(
        f"SELECT r.id, {level}, coalesce({stranded}, 0), coalesce({senior}, 0) FROM residents r "
        "ORDER BY r.id", [*level_params, *stranded_params, *senior_params]).fetchall()
    assert [r[0] for r in rows] == ids
    for person, (_id, sql_level, sql_stranded, sql_senior) in zip(people, rows, strict=True):
        age = age_on(person["birth_date"], today)
        expected = (resident_risk(person, rule, today).value,
                    rule.is_stranded(person["floor"], bool(person["has_lift"]),
                                     bool(person["cannot_use_stairs"]), age),
                    cohorts.is_senior(person["birth_date"], today))
        assert (sql_level, bool(sql_stranded), bool(sql_senior)) == expected, (person, today, rule)


def test_a_missing_birth_date_never_hides_someone_who_cannot_use_the_stairs(database):
    today, rule = TODAYS[0], HousingRule()
    person = {"birth_date": None, "floor": 1, **dict.fromkeys(FLAGS, 0), "cannot_use_stairs": 1}
    _store(database, [person])
    level, params = risk_sql(rule, today)
    assert database.execute(f"SELECT {level} FROM residents", params).fetchone()[0] == "高"
    assert resident_risk(person, rule, today).value == "高"
