"""A small street for the street window's tests: two communities' rows as their publisher roles
write them (each its own source), and a viewer's URL. Each figure has a row that must count and
a row that must not (archived, another month, a closed warning, an amended original, another
community), so a wrong filter shows."""

from __future__ import annotations

import json
from datetime import date

import psycopg
import pytest

from volunteer_app.domain.stars import STAR_THRESHOLDS

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
            stars: bool = True, duty: float = 0.0) -> tuple[str, str, dict]:
    return ("service_records", uid, {"volunteer_uid": volunteer, "team_uid": team, "date": day,
                                     "hours": hours, "status": status, "counts_for_stars": stars,
                                     "star_hours": hours - duty if stars else 0.0})


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
    _record("s4", "v-a", "t-sunset", "2026-11-30", 2.0, duty=0.5),     # half an hour on duty
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
def street(street_db) -> str:
    """The viewer's URL of a street of 高立庄社区 and 新发地村 (an archived third is hidden)."""
    publish_rows(street_db.add_publisher("gaoli"), "source-gaoli", GAOLI)
    publish_rows(street_db.add_publisher("xinfadi"), "source-xinfadi", XINFADI)
    return street_db.add_viewer("office")
