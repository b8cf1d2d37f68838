"""The one definition of an available 80后 helper: its Python and SQL forms agree on any row,
and the 工作台, 匹配 and the 志愿者 filter all count the same people."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from volunteer_app.domain.helper_rule import available_helper_sql, is_available_helper
from volunteer_app.domain.people import Cohorts
from volunteer_app.services.admin import dashboard
from volunteer_app.services.care import pairing
from volunteer_app.services.people import volunteers
from volunteer_app.store.connection import open_database

STAMP = "2026-11-28T09:00:00"

# Birth dates as stored, and as scripts or old files may have left them.
births = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["1980", "1989", "1990", "1979-12-31", "1990-01-01", "198", "19:0-01-01",
                     "198a-01-01", "１９８５-01-01", " 1985-01-01", "", "1985/03/12"]),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12),
)
cohorts = st.builds(lambda start, span, age: Cohorts(start, start + span, age),
                    st.integers(1900, 2020), st.integers(0, 30), st.integers(60, 100))
volunteer_rows = st.fixed_dictionaries({
    "birth_date": births,
    "status": st.sampled_from(["在册", "暂停", "退出"]),
    "archived_at": st.sampled_from([None, STAMP]),
    "helper_capacity": st.integers(0, 3),
    "community_id": st.sampled_from([None, 1, 2]),
    "active_pairs": st.integers(0, 4),
    "other_pairs": st.integers(0, 2),          # released or refused: take no place
})


@pytest.fixture(scope="module")
def rule_db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("rule") / "rule.sqlite3")
    for community_id in (1, 2):
        db.execute("INSERT INTO communities (id, uid, name, created_at) VALUES (?, ?, ?, ?)",
                   [community_id, f"c-{community_id}", f"社区{community_id}", STAMP])
    db.execute("INSERT INTO residents (id, uid, name, created_at, updated_at) "
               "VALUES (1, 'r-1', '老人', ?, ?)", [STAMP, STAMP])
    yield db
    db.close()


def _store(db, rows: list[dict]) -> None:
    db.execute("DELETE FROM pairings")
    db.execute("DELETE FROM volunteers")
    for i, row in enumerate(rows, 1):
        db.execute("INSERT INTO volunteers (id, uid, name, birth_date, status, archived_at, "
                   "helper_capacity, community_id, created_at, updated_at) "
                   "VALUES (?, ?, '帮手', ?, ?, ?, ?, ?, ?, ?)",
                   [i, f"v-{i}", row["birth_date"], row["status"], row["archived_at"],
                    row["helper_capacity"], row["community_id"], STAMP, STAMP])
        states = ["结对中"] * row["active_pairs"] + ["已解除"] * row["other_pairs"]
        for k, state in enumerate(states):
            db.execute("INSERT INTO pairings (uid, volunteer_id, resident_id, state, created_at) "
                       "VALUES (?, ?, 1, ?, ?)", [f"p-{i}-{k}", i, state, STAMP])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(volunteer_rows, max_size=8), cohorts)
def test_python_and_sql_forms_agree(rule_db, rows, cohort):
    _store(rule_db, rows)
    condition, params = available_helper_sql(cohort, "v")
    by_sql = {r[0] for r in rule_db.execute(f"SELECT v.id FROM volunteers v WHERE {condition}", params)}
    by_python = {i for i, row in enumerate(rows, 1) if is_available_helper(row, row["active_pairs"], cohort)}
    assert by_sql == by_python
    born, more = cohort.helper_birth_sql("birth_date")
    assert ({r[0] for r in rule_db.execute(f"SELECT id FROM volunteers WHERE {born}", more)}
            == {i for i, row in enumerate(rows, 1) if cohort.is_helper_birth(row["birth_date"])})


def test_edges_of_the_rule():
    cohort = Cohorts(1980, 1989)
    helper = {"birth_date": "1985-06-01", "status": "在册", "archived_at": None,
              "helper_capacity": 2, "community_id": 7}
    assert is_available_helper(helper, 1, cohort)
    assert not is_available_helper(helper, 2, cohort)                          # places used up
    assert not is_available_helper({**helper, "community_id": None}, 0, cohort)  # no community
    assert not is_available_helper({**helper, "birth_date": "1990-01-01"}, 0, cohort)
    assert not is_available_helper({**helper, "status": "暂停"}, 0, cohort)
    assert not is_available_helper({**helper, "helper_capacity": 0}, 0, cohort)
    assert not cohort.is_helper_birth("１９８５-01-01") and cohort.is_helper_birth("1980")


def test_dashboard_matcher_and_filter_count_the_same_helpers(demo_session):
    db = demo_session.db
    # one helper loses her community (an old row), one is full, one is new and free
    no_home = db.execute("SELECT id FROM volunteers WHERE birth_date LIKE '198%' "
                         "AND status = '在册' ORDER BY id LIMIT 1").fetchone()[0]
    db.execute("UPDATE volunteers SET community_id = NULL, place_id = NULL WHERE id = ?", [no_home])
    helpers, _seniors, _h, _s = pairing.load(demo_session)
    proposable = {h.id for h in helpers if h.capacity > 0}
    assert no_home not in proposable and proposable
    assert dashboard.load(demo_session).helpers_available == len(proposable)
    born_80s = volunteers.count(demo_session, volunteers.VolunteerQuery(only_helpers=True))
    assert born_80s == db.execute("SELECT count(*) FROM volunteers WHERE archived_at IS NULL "
                                  "AND birth_date BETWEEN '1980-01-01' AND '1989-12-31'").fetchone()[0]
