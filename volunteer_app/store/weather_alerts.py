"""Schema for 极端天气风险防控: a weather warning, its roll-call (点名) and every attempt to reach
a vulnerable resident.

A district warning may cover several communities of the file (``alert_communities``); a
community has at most one open warning, which the partial unique index enforces. Each
resident selected for the roll-call is one ``alert_roll`` row holding its running state, so
the live board reads one table; each attempt is one ``alert_attempts`` row, written in the
same transaction as the state it changes, so a crash loses no attempt. ``alert_events`` is
the warning's timeline (发布, 升级, 转上门, 关闭) for the after-action report.

Residents gain two facts the selection rules need (依赖电力或氧气, 慢性病); places gain 低洼易涝
(暴雨 patrols); tasks and service records name the warning they came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .row_versions import _bump_trigger

if TYPE_CHECKING:
    import sqlite_utils

TABLES = (
    """
    CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL CHECK (type IN ('暴雪', '寒潮', '道路结冰', '暴雨', '大风', '高温')),
        level TEXT NOT NULL CHECK (level IN ('蓝色', '黄色', '橙色', '红色')),
        started_at TEXT NOT NULL,               -- when the office started it
        until TEXT,                             -- expected end, as announced
        notice TEXT NOT NULL DEFAULT '',        -- the weather office's notice, pasted in
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        row_version INTEGER NOT NULL DEFAULT 1
    )
    """,
    """
    CREATE TABLE alert_communities (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        alert_id INTEGER NOT NULL REFERENCES alerts(id),
        community_id INTEGER NOT NULL REFERENCES communities(id),
        open INTEGER NOT NULL DEFAULT 1,        -- 0 once the warning is closed
        UNIQUE (alert_id, community_id)
    )
    """,
    """
    CREATE TABLE alert_events (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        alert_id INTEGER NOT NULL REFERENCES alerts(id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,                     -- 发布, 升级, 转上门, 需要帮助, 关闭 …
        detail TEXT NOT NULL DEFAULT '',
        user_id INTEGER REFERENCES users(id),
        user_name TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE alert_roll (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        alert_id INTEGER NOT NULL REFERENCES alerts(id),
        resident_id INTEGER NOT NULL REFERENCES residents(id),
        community_id INTEGER REFERENCES communities(id),
        position INTEGER NOT NULL,              -- order on the list: risk, then building
        added_at TEXT NOT NULL,                 -- on the list since (the start, or an upgrade)
        reasons TEXT NOT NULL DEFAULT '[]',     -- JSON words: why the resident is on the list
        risk_level TEXT NOT NULL DEFAULT '一般',
        stranded INTEGER NOT NULL DEFAULT 0,
        caller_id INTEGER REFERENCES volunteers(id),    -- who calls them
        caller_role TEXT NOT NULL DEFAULT ''
            CHECK (caller_role IN ('', '结对帮手', '包户人', '值班工作人员')),
        state TEXT NOT NULL DEFAULT '待联系'
            CHECK (state IN ('待联系', '未接通', '平安', '需要帮助', '已上门')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        reached_at TEXT,                        -- the first 平安, 需要帮助 or 已上门
        needs TEXT NOT NULL DEFAULT '[]',       -- JSON: 送餐, 送药, 取暖, 就医, 转移, 其他
        need_note TEXT NOT NULL DEFAULT '',
        need_handler_id INTEGER REFERENCES volunteers(id),   -- who is on it
        need_done_at TEXT,
        escalated_at TEXT,                      -- turned red: too many 未接通 too quickly
        door_volunteer_id INTEGER REFERENCES volunteers(id), -- the door visit (上门查看) is theirs
        door_closed_at TEXT,                    -- the door visit's outcome was logged
        visit_due_by TEXT,                      -- after the warning: a visit within 24 h
        unreached_reason TEXT NOT NULL DEFAULT '',   -- why never reached, written at closing
        row_version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (alert_id, resident_id)
    )
    """,
    """
    CREATE TABLE alert_attempts (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        roll_id INTEGER NOT NULL REFERENCES alert_roll(id),
        alert_id INTEGER NOT NULL REFERENCES alerts(id),
        resident_id INTEGER NOT NULL REFERENCES residents(id),
        at TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('平安', '需要帮助', '未接通', '已上门')),
        via TEXT NOT NULL DEFAULT '本人' CHECK (via IN ('本人', '家属', '上门')),
        needs TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        caller_id INTEGER REFERENCES volunteers(id),    -- who made the call or the visit
        user_id INTEGER REFERENCES users(id),           -- who typed it in
        user_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )
    """,
)

INDEXES = (
    # one open warning per community, whatever writes the file
    "CREATE UNIQUE INDEX alert_communities_open ON alert_communities(community_id) WHERE open = 1",
    "CREATE INDEX alert_events_alert ON alert_events(alert_id, at)",
    "CREATE INDEX alert_roll_state ON alert_roll(alert_id, state)",
    "CREATE INDEX alert_roll_caller ON alert_roll(caller_id) WHERE caller_id IS NOT NULL",
    "CREATE INDEX alert_roll_resident ON alert_roll(resident_id)",
    "CREATE INDEX alert_attempts_roll ON alert_attempts(roll_id, at)",
    "CREATE INDEX alert_attempts_alert ON alert_attempts(alert_id, at)",
    "CREATE INDEX tasks_alert ON tasks(alert_id) WHERE alert_id IS NOT NULL",
    "CREATE INDEX service_records_alert ON service_records(alert_id) WHERE alert_id IS NOT NULL",
)

COLUMNS = (
    # 依赖电力或氧气: a home oxygen concentrator, a ventilator, an electric bed
    "ALTER TABLE residents ADD COLUMN power_dependent INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE residents ADD COLUMN chronic_illness INTEGER NOT NULL DEFAULT 0",   # 慢性病
    "ALTER TABLE places ADD COLUMN flood_prone INTEGER NOT NULL DEFAULT 0",          # 低洼易涝
    "ALTER TABLE tasks ADD COLUMN alert_id INTEGER REFERENCES alerts(id)",
    "ALTER TABLE service_records ADD COLUMN alert_id INTEGER REFERENCES alerts(id)",
)


def m_weather_alerts(db: sqlite_utils.Database) -> None:
    for statement in (*COLUMNS, *TABLES, *INDEXES):
        db.execute(statement)
    for table in ("alerts", "alert_roll"):
        db.execute(_bump_trigger(table))
