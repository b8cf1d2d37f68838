"""The street's figures count what the communities published, by the app's own rules: rows two
publisher roles wrote as the protocol does (each its own source), read by a viewer.

Each figure has a row that must count and a row that must not (archived, another month, a
closed warning, an amended original, another community), so a wrong filter shows."""

from __future__ import annotations

import json
from datetime import date

import psycopg
import pytest

from volunteer_app.domain.stars import STAR_THRESHOLDS
from volunteer_app.services.street import figures

TODAY = date(2026, 12, 4)


def publish_rows(url: str, source: str, rows: list[tuple[str, str, dict]]) -> None:
    """As a community's role publishes: its own sources row, then its rows by (tbl, uid)."""
    with psycopg.connect(url) as conn:
        conn.execute("INSERT INTO street.sources (source_uid, last_published) VALUES (%s, now())",
                     [source])
        for seq, (table, uid, data) in enumerate(rows, 1):
            conn.execute("INSERT INTO street.rows (source_uid, tbl, uid, data, generation, seq) "
                         "VALUES (%s, %s, %s, %s, 1, %s)", [source, table, uid, json.dumps(data), seq])


def _resident(uid: str, community: str, **data) -> tuple[str, str, dict]:
    base = {"community_uid": community, "age_band": "80-89", "stranded": False, "uncovered": False,
            "visit_due": None, "archived": False}
    return ("residents", uid, {**base, **data})


def _record(uid: str, volunteer: str, team: str | None, day: str, hours: float, status: str = "已核实",
            stars: bool = True) -> tuple[str, str, dict]:
    return ("service_records", uid, {"volunteer_uid": volunteer, "team_uid": team, "date": day,
                                     "hours": hours, "status": status, "counts_for_stars": stars})


def _request(uid: str, community: str, received: str, contacted: str | None, resolved: str | None,
             satisfaction: str | None) -> tuple[str, str, dict]:
    return ("requests", uid, {"community_uid": community, "received_at": received,
                              "callback_contacted": contacted, "callback_resolved": resolved,
                              "callback_satisfaction": satisfaction})


GAOLI = [
    ("communities", "c-gaoli", {"name": "高立庄社区", "archived": False}),
    ("communities", "c-old", {"name": "已撤并社区", "archived": True}),
    ("teams", "t-sunset", {"community_uid": "c-gaoli", "name": "高立庄夕阳红志愿服务队", "archived": False}),
    ("volunteers", "v-a", {"community_uid": "c-gaoli", "status": "在册", "id_hash": "hash-a", "archived": False}),
    ("volunteers", "v-b", {"community_uid": "c-gaoli", "status": "退出", "id_hash": "hash-b", "archived": False}),
    ("volunteers", "v-c", {"community_uid": "c-gaoli", "status": "在册", "id_hash": None, "archived": True}),
    _resident("r1", "c-gaoli", age_band="90+", stranded=True, visit_due="2026-12-01"),
    _resident("r2", "c-gaoli", age_band="90+", uncovered=True, visit_due="2026-12-04"),
    _resident("r3", "c-gaoli", age_band="90+", stranded=True, uncovered=True, archived=True,
              visit_due="2026-01-01"),
    _record("s1", "v-a", "t-sunset", "2026-12-02", 3.0),
    _record("s2", "v-a", None, "2026-12-03", 1.5, status="已记录"),
    _record("s3", "v-a", "t-sunset", "2026-12-03", 9.0, status="已更正"),
    _record("s4", "v-a", "t-sunset", "2026-11-30", 2.0),
    _record("s5", "v-a", "t-sunset", "2026-10-10", STAR_THRESHOLDS[0], stars=False),
    ("alerts", "a-open", {"type": "暴雪", "level": "黄色", "closed_at": None}),
    ("alerts", "a-closed", {"type": "暴雨", "level": "蓝色", "closed_at": "2026-08-01T10:00:00"}),
    ("alert_roll", "ar1", {"alert_uid": "a-open", "community_uid": "c-gaoli", "reached_at": "2026-12-03T08:00:00"}),
    ("alert_roll", "ar2", {"alert_uid": "a-open", "community_uid": "c-gaoli", "reached_at": None}),
    ("alert_roll", "ar3", {"alert_uid": "a-closed", "community_uid": "c-gaoli", "reached_at": None}),
    _request("q1", "c-gaoli", "2026-12-01T09:00:00", "已联系", "已解决", "满意"),
    _request("q2", "c-gaoli", "2026-12-02T09:00:00", "已联系", "未解决", "基本满意"),
    _request("q3", "c-gaoli", "2026-12-02T10:00:00", "未联系", "未解决", "不满意"),
    _request("q4", "c-gaoli", "2026-12-03T10:00:00", None, None, None),
    _request("q5", "c-gaoli", "2026-11-30T23:59:00", "未联系", "未解决", "不满意"),
]
XINFADI = [
    ("communities", "c-xinfadi", {"name": "新发地村", "archived": False}),
    ("teams", "t-youth", {"community_uid": "c-xinfadi", "name": "新发地村青年先锋队", "archived": False}),
    # the same person (ID hash) as v-a, serving in a second community
    ("volunteers", "v-a2", {"community_uid": "c-xinfadi", "status": "在册", "id_hash": "hash-a", "archived": False}),
    _record("x1", "v-a2", "t-youth", "2026-12-01", STAR_THRESHOLDS[0]),
    # without a team, a record counts for its volunteer's community
    _record("x2", "v-a2", None, "2026-12-01", 0.5),
]


@pytest.fixture
def street(street_db):
    publish_rows(street_db.add_publisher("gaoli"), "source-gaoli", GAOLI)
    publish_rows(street_db.add_publisher("xinfadi"), "source-xinfadi", XINFADI)
    return street_db.add_viewer("office")


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
    # verified and counting for stars: not the 已记录 1.5, not the duty-hours record s5
    assert person.star_hours == 3.0 + 2.0 + STAR_THRESHOLDS[0] + 0.5
    assert person.star_level == 1
    assert totals["hash-b"].hours == 0 and totals["hash-b"].star_level == 0


def test_a_publisher_role_reads_only_its_own_community(street_db, street):
    gaoli_url = street_db.add_publisher("gaoli")      # the same role, a new password
    assert [f.uid for f in figures.read(gaoli_url, None, figures.communities, TODAY)] == ["c-gaoli"]
