"""The street's figures count what the communities published, by the app's own rules, over the
small street of tests/street_world.py (two publisher roles, read by a viewer)."""

from __future__ import annotations

from street_world import TODAY
from street_world import street as street  # noqa: F401 (the fixture)

from volunteer_app.domain.stars import STAR_THRESHOLDS
from volunteer_app.services.street import figures


def test_each_community_counts_its_own_rows_by_the_rules(street):
    rows = {f.uid: f for f in figures.read(street, None, figures.communities, TODAY)}
    assert set(rows) == {"c-gaoli", "c-xinfadi"}             # the archived community is not shown
    gaoli = rows["c-gaoli"]
    assert (gaoli.name, gaoli.residents_90_plus, gaoli.xuankong, gaoli.uncovered) == ("高立庄社区", 2, 1, 1)
    assert gaoli.late_visits == 1                  # due 12-01 is late on 12-04; due today is not
    assert gaoli.hours_this_month == 4.5           # 3 + 1.5; the amended original and November not
    assert gaoli.active_volunteers == 1            # 在册 and not archived
    assert (gaoli.roll_total, gaoli.roll_reached) == (2, 1)   # the open warning only
    # December's tickets: 3 rated of 4 (q4 has no callback yet); q5 is November's
    assert (gaoli.response_rate, gaoli.resolution_rate) == (round(2 / 3, 4), round(1 / 3, 4))
    assert gaoli.satisfaction_rate == round(2 / 3, 4)        # 满意 + 1.0 × 基本满意
    assert gaoli.last_published is not None
    xinfadi = rows["c-xinfadi"]
    assert xinfadi.hours_this_month == STAR_THRESHOLDS[0] + 0.5
    assert (xinfadi.residents_90_plus, xinfadi.roll_total, xinfadi.response_rate) == (0, 0, None)


def test_a_community_month_by_month_per_team(street):
    months = figures.read(street, None, figures.community_months, "c-gaoli", 3, TODAY)
    assert months.months == ("2026-10", "2026-11", "2026-12")
    by_name = {t.name: t.hours for t in months.teams}
    assert by_name == {"高立庄夕阳红志愿服务队": (STAR_THRESHOLDS[0], 2.0, 3.0), figures.NO_TEAM: (0.0, 0.0, 1.5)}


def test_a_volunteers_hours_add_up_across_communities_by_id_hash(street):
    totals = {v.id_hash: v for v in figures.read(street, None, figures.volunteer_totals)}
    assert set(totals) == {"hash-a", "hash-b"}     # no hash: cannot be added up
    person = totals["hash-a"]
    assert person.communities == 2
    assert person.hours == 3.0 + 1.5 + 2.0 + STAR_THRESHOLDS[0] + STAR_THRESHOLDS[0] + 0.5
    # verified and counting for stars: not the 已记录 1.5, not the duty-hours record s5, not
    # s4's half hour on duty
    assert person.star_hours == 3.0 + 1.5 + STAR_THRESHOLDS[0] + 0.5
    assert person.star_level == 1
    assert totals["hash-b"].hours == 0 and totals["hash-b"].star_level == 0


def test_a_publisher_role_reads_only_its_own_community(street_db, street):
    gaoli_url = street_db.add_publisher("gaoli")      # the same role, a new password
    assert [f.uid for f in figures.read(gaoli_url, None, figures.communities, TODAY)] == ["c-gaoli"]
