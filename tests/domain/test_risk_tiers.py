"""Risk tiers and visit cadence: the table of domain.md row by row, the cadences as validated
settings, the tier of a resident read from today's facts (never the stored copy), and the
migration that carries a committee's own weekly cadence over."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import TODAY

from volunteer_app.domain.people import HousingRule
from volunteer_app.domain.risk import RiskLevel, VisitCadence, resident_risk, risk_level
from volunteer_app.services.admin import settings
from volunteer_app.services.care import coverage, pairing, visit_list
from volunteer_app.services.people import residents
from volunteer_app.services.people.residents import ResidentQuery
from volunteer_app.services.session import Session
from volunteer_app.store.migrations import MIGRATIONS, apply_migrations, latest_version
from volunteer_app.store.visit_coverage import m_visit_coverage

HIGH, PRIORITY, GENERAL = RiskLevel.HIGH, RiskLevel.PRIORITY, RiskLevel.GENERAL


@pytest.mark.parametrize(("age", "facts", "tier"), [
    (91, {"stranded": True}, HIGH),                       # 悬空老人, added to the high tier
    (80, {"lives_alone": True}, HIGH),                    # 80+ living alone
    (85, {"empty_nest": True}, HIGH),                     # 80+ empty-nest
    (79, {"lives_alone": True}, GENERAL),                 # not yet 80
    (None, {"lives_alone": True}, GENERAL),               # an unknown age is not 80+
    (45, {"serious_illness": True}, HIGH),                # serious illness, at any age
    (70, {"dementia": True}, HIGH),                       # dementia: high beats priority
    (60, {"disabled": True}, PRIORITY),                   # 60+ disabled
    (59, {"disabled": True}, GENERAL),
    (30, {"hardship": True}, PRIORITY),                   # extreme hardship, at any age
    (95, {}, GENERAL),                                    # old alone is not a risk
])
def test_the_tiers_of_domain_md(age, facts, tier):
    assert risk_level(age, stranded=facts.pop("stranded", False),
                      lives_alone=facts.pop("lives_alone", False), **facts) == tier


def test_cadence_table_defaults_come_from_settings_and_follow_changes(session):
    cadence = settings.visit_cadence(session)
    assert cadence == VisitCadence(high=7, priority=30, general=90)
    assert [cadence.days(t) for t in (HIGH, PRIORITY, GENERAL)] == [7, 30, 90]
    assert {spec.key: spec.default for spec in settings.SPECS
            if spec.kind == "days" and spec.key.startswith("visits.")} == {
        "visits.days_high": 7, "visits.days_priority": 30, "visits.days_general": 90}
    settings.put(session, "visits.days_high", 5)
    settings.put(session, "visits.days_priority", "21")      # typed text is read as days
    settings.put(session, "visits.days_general", 60)
    cadence = settings.visit_cadence(session)
    assert [cadence.days(t) for t in (HIGH, PRIORITY, GENERAL)] == [5, 21, 60]
    assert settings.get(session, "visits.days_priority") == 21


@pytest.mark.parametrize("bad", [0, -7, "abc", "7.5", 7.5, "", True])
def test_a_cadence_must_be_a_positive_whole_number_of_days(session, bad):
    before = session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(settings.SettingError) as error:
        settings.put(session, "visits.days_high", bad)
    assert "“高风险居民探访间隔（天）”应为正整数" in str(error.value)
    assert settings.get(session, "visits.days_high") == 7
    assert session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before


def test_turning_80_today_makes_a_resident_living_alone_high_tier_without_any_write(db):
    yesterday = Session(db, today=lambda: TODAY - timedelta(days=1))
    resident_id = residents.add(yesterday, {
        "name": "严淑贞", "birth_date": "1946-11-28", "gender": "女", "floor": "1",
        "lives_alone": True})
    query = ResidentQuery(text="严淑贞")
    assert residents.page(yesterday, query, 0, 5)[0]["risk_level"] == "一般"
    assert coverage.uncovered_count(yesterday) == 0
    writes = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]

    today = Session(db, today=lambda: TODAY)                # her 80th birthday
    [row] = residents.page(today, query, 0, 5)
    assert row["risk_level"] == "高" and row["age"] == 80
    assert residents.count(today, ResidentQuery(only_uncovered=True)) == 1
    assert coverage.uncovered_count(today) == 1
    assert [r["id"] for r in visit_list.late_list(today)] == [resident_id]
    assert visit_list.late_list(today)[0]["every_days"] == 7
    # nothing was written: the stored copy still says what it said yesterday
    assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == writes
    assert today.row("residents", resident_id)["risk_level"] == "一般"


def test_the_list_sorts_by_urgency_of_the_derived_tier(session):
    for name, facts in (("甲", {}), ("乙", {"hardship": True}), ("丙", {"dementia": True})):
        residents.add(session, {"name": f"{name}某", "birth_date": "1950-01-01", "gender": "男",
                                **facts})
    session.db.execute("UPDATE residents SET risk_level = '一般'")     # a stale copy is ignored
    rows = residents.page(session, ResidentQuery(sort="risk_level", descending=True), 0, 10)
    assert [r["risk_level"] for r in rows] == ["高", "重点", "一般"]


def test_a_pairs_cadence_is_its_residents_tier(session):
    rule = HousingRule()
    row = {"birth_date": "1930-01-01", "floor": 1, "has_lift": 0, "cannot_use_stairs": 0,
           "lives_alone": 0, "disabled": 1}
    assert resident_risk(row, rule, TODAY) == PRIORITY
    assert pairing.cadence(session, row) == 30
    assert pairing.cadence(session, {**row, "lives_alone": 1}) == 7
    assert pairing.cadence(session, {**row, "disabled": 0}) == 90


def test_migration_keeps_a_committees_own_weekly_cadence(db_path):
    from volunteer_app.store.connection import open_database

    db = open_database(db_path, migrate=False)
    try:
        before = MIGRATIONS.index(m_visit_coverage)         # the version just before it
        apply_migrations(db, before)
        db.execute("INSERT INTO settings (uid, key, value, updated_at) VALUES "
                   "('u1', 'pairing.visit_days_high', '5', 'x'), ('u2', 'pairing.visit_days', '14', 'x')")
        db.conn.commit()
        apply_migrations(db)
        assert db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert settings.visit_cadence(Session(db)) == VisitCadence(high=5, priority=30, general=90)
        # migration 16 adds the street office's keys (street.*): none of this migration's
        keys = {r[0] for r in db.execute("SELECT key FROM settings WHERE key NOT LIKE 'street.%'")}
        assert keys == {"visits.days_high"}
        columns = {r[1] for r in db.execute("PRAGMA table_info(residents)")}
        assert {"responsible_volunteer_id", "responsible_since"} <= columns
    finally:
        db.close()
