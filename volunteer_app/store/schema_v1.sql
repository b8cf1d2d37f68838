-- 邻里帮 schema, version 1: the whole domain of design.md.
-- Every table has an integer id and a uid (UUID text, never changed) so that data from
-- several PCs can be merged later. Dates are ISO 'YYYY-MM-DD', times 'HH:MM', moments
-- 'YYYY-MM-DDTHH:MM:SS', all in local time. Booleans are 0/1. Lists are JSON text.

CREATE TABLE communities (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    street TEXT NOT NULL DEFAULT '',          -- 街道, e.g. 花乡街道
    kind TEXT NOT NULL DEFAULT '社区',         -- 社区 or 村
    created_at TEXT NOT NULL,
    archived_at TEXT
);

CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    community_id INTEGER NOT NULL REFERENCES communities(id),
    name TEXT NOT NULL,                        -- 明春苑, 高立庄, a bin station …
    kind TEXT NOT NULL DEFAULT '小区',          -- 小区, 院落, 村, 垃圾分类驿站, 活动中心 …
    address TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX places_community ON places(community_id);

CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    community_id INTEGER REFERENCES communities(id),
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    archived_at TEXT
);

CREATE TABLE volunteers (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    volunteer_no TEXT UNIQUE,                  -- 志愿者编号, printed on certificates
    name TEXT NOT NULL,
    name_initials TEXT NOT NULL DEFAULT '',    -- pinyin initials, lower case: zjg
    name_pinyin TEXT NOT NULL DEFAULT '',      -- full pinyin, lower case: zhangjianguo
    gender TEXT CHECK (gender IN ('男', '女')),
    birth_date TEXT,
    id_number TEXT UNIQUE,
    phone TEXT,
    community_id INTEGER REFERENCES communities(id),
    place_id INTEGER REFERENCES places(id),
    building TEXT NOT NULL DEFAULT '',         -- 楼号/院落, for nearness
    skills TEXT NOT NULL DEFAULT '[]',         -- JSON list of skill words
    availability TEXT NOT NULL DEFAULT '',     -- '1am,1pm,6am': ISO weekday + am/pm/ev
    weekly_hours_cap REAL NOT NULL DEFAULT 8,
    health_limit INTEGER NOT NULL DEFAULT 0,   -- 1: no heavy labour
    is_staff INTEGER NOT NULL DEFAULT 0,       -- community worker (hours on duty do not count to stars)
    helper_capacity INTEGER NOT NULL DEFAULT 2 CHECK (helper_capacity BETWEEN 0 AND 3),
    status TEXT NOT NULL DEFAULT '在册' CHECK (status IN ('在册', '暂停', '退出')),
    joined_on TEXT,
    left_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX volunteers_name ON volunteers(name);
CREATE INDEX volunteers_initials ON volunteers(name_initials);
CREATE INDEX volunteers_birth ON volunteers(birth_date);

CREATE TABLE team_members (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    team_id INTEGER NOT NULL REFERENCES teams(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    role TEXT NOT NULL DEFAULT '队员' CHECK (role IN ('队长', '副队长', '队员')),
    rota_group TEXT NOT NULL DEFAULT '',       -- A–D for a rota cycle
    joined_on TEXT,
    left_on TEXT,
    UNIQUE (team_id, volunteer_id)
);
CREATE INDEX team_members_volunteer ON team_members(volunteer_id);

CREATE TABLE residents (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_initials TEXT NOT NULL DEFAULT '',
    name_pinyin TEXT NOT NULL DEFAULT '',
    gender TEXT CHECK (gender IN ('男', '女')),
    birth_date TEXT,
    id_number TEXT UNIQUE,
    phone TEXT,                                -- mobile or landline (010-xxxxxxxx)
    phone_tail TEXT NOT NULL DEFAULT '',       -- last 4 digits, for filtering
    community_id INTEGER REFERENCES communities(id),
    place_id INTEGER REFERENCES places(id),
    building TEXT NOT NULL DEFAULT '',         -- 楼号
    unit TEXT NOT NULL DEFAULT '',             -- 单元
    room TEXT NOT NULL DEFAULT '',             -- 门牌
    floor INTEGER,
    has_lift INTEGER NOT NULL DEFAULT 0,
    cannot_use_stairs INTEGER NOT NULL DEFAULT 0,
    lives_alone INTEGER NOT NULL DEFAULT 0,
    empty_nest INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    dementia INTEGER NOT NULL DEFAULT 0,
    serious_illness INTEGER NOT NULL DEFAULT 0,
    hardship INTEGER NOT NULL DEFAULT 0,       -- 困难群众
    family_nearby INTEGER NOT NULL DEFAULT 1,
    risk_level TEXT NOT NULL DEFAULT '一般' CHECK (risk_level IN ('高', '重点', '一般')),
    needs TEXT NOT NULL DEFAULT '[]',          -- JSON: 跑腿代办, 陪同就医, 上下楼, …
    preferred_visit_times TEXT NOT NULL DEFAULT '',   -- same code as volunteers.availability
    gender_preference TEXT CHECK (gender_preference IN ('男', '女')),
    emergency_contact TEXT NOT NULL DEFAULT '',
    health_notes TEXT NOT NULL DEFAULT '',     -- sensitive (PIPL art. 28)
    hardship_notes TEXT NOT NULL DEFAULT '',   -- sensitive
    consent_visit INTEGER NOT NULL DEFAULT 0,  -- agreed to be visited / paired
    consent_date TEXT,
    consent_method TEXT NOT NULL DEFAULT '',   -- 书面, 口头（有见证人）, 家属代签 …
    consent_scope TEXT NOT NULL DEFAULT '',
    sensitive_consent INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived_at TEXT,
    archive_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX residents_name ON residents(name);
CREATE INDEX residents_initials ON residents(name_initials);
CREATE INDEX residents_birth ON residents(birth_date);
CREATE INDEX residents_phone_tail ON residents(phone_tail);
CREATE INDEX residents_place ON residents(place_id, building);

CREATE TABLE service_types (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    intensity TEXT NOT NULL DEFAULT '轻' CHECK (intensity IN ('重', '轻')),
    usual_minutes INTEGER NOT NULL DEFAULT 120,
    skills TEXT NOT NULL DEFAULT '[]',
    needs_insurance INTEGER NOT NULL DEFAULT 0,
    builtin INTEGER NOT NULL DEFAULT 0,
    archived_at TEXT
);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    team_id INTEGER NOT NULL REFERENCES teams(id),
    place_id INTEGER REFERENCES places(id),
    service_type_id INTEGER NOT NULL REFERENCES service_types(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    recurrence TEXT NOT NULL DEFAULT '{}',     -- JSON rule the shifts were generated from
    starts_on TEXT,
    ends_on TEXT,
    insurance TEXT NOT NULL DEFAULT '',        -- policy for risky work (条例 art. 17)
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX tasks_team ON tasks(team_id);

CREATE TABLE shifts (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    min_people INTEGER NOT NULL DEFAULT 1,
    max_people INTEGER NOT NULL DEFAULT 1,
    skills TEXT NOT NULL DEFAULT '[]',
    rota_group TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    cancelled INTEGER NOT NULL DEFAULT 0,
    CHECK (min_people <= max_people)
);
CREATE INDEX shifts_task_date ON shifts(task_id, date);
CREATE INDEX shifts_date ON shifts(date);

CREATE TABLE assignments (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    shift_id INTEGER NOT NULL REFERENCES shifts(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    state TEXT NOT NULL DEFAULT '已安排'
        CHECK (state IN ('已安排', '已确认', '已签到', '已完成', '已谢绝', '缺席')),
    check_in TEXT,
    check_out TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (shift_id, volunteer_id)
);
CREATE INDEX assignments_volunteer ON assignments(volunteer_id);

CREATE TABLE pairings (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),   -- the 80后 helper
    resident_id INTEGER NOT NULL REFERENCES residents(id),     -- the resident aged 90+
    state TEXT NOT NULL DEFAULT '结对中' CHECK (state IN ('建议', '结对中', '已解除', '已拒绝')),
    score REAL,
    reasons TEXT NOT NULL DEFAULT '[]',
    visit_every_days INTEGER NOT NULL DEFAULT 14,
    started_on TEXT,
    ended_on TEXT,
    end_reason TEXT NOT NULL DEFAULT '',
    do_not_repeat INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX pairings_volunteer ON pairings(volunteer_id);
CREATE INDEX pairings_resident ON pairings(resident_id);

CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    pairing_id INTEGER REFERENCES pairings(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    resident_id INTEGER NOT NULL REFERENCES residents(id),
    visited_on TEXT NOT NULL,
    start_time TEXT,
    minutes INTEGER NOT NULL DEFAULT 60,
    mode TEXT NOT NULL DEFAULT '上门' CHECK (mode IN ('上门', '电话', '视频')),
    done TEXT NOT NULL DEFAULT '',             -- what was done
    health TEXT NOT NULL DEFAULT '',           -- speech, mobility, illness
    mood TEXT NOT NULL DEFAULT '',
    safety TEXT NOT NULL DEFAULT '',           -- gas, water and heating, electricity
    hygiene TEXT NOT NULL DEFAULT '',
    living TEXT NOT NULL DEFAULT '',
    problem TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX visits_resident ON visits(resident_id, visited_on);

CREATE TABLE service_records (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    team_id INTEGER REFERENCES teams(id),
    service_type_id INTEGER REFERENCES service_types(id),
    date TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    hours REAL NOT NULL CHECK (hours >= 0),
    counts_for_stars INTEGER NOT NULL DEFAULT 1,   -- 0: a staff member's duty hours
    source TEXT NOT NULL DEFAULT '手工' CHECK (source IN ('排班', '探访', '手工', '导入', '更正')),
    assignment_id INTEGER UNIQUE REFERENCES assignments(id),
    visit_id INTEGER UNIQUE REFERENCES visits(id),
    resident_id INTEGER REFERENCES residents(id),  -- who was served, if a resident
    beneficiary TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    activity TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    evaluation TEXT NOT NULL DEFAULT '',
    lead_name TEXT NOT NULL DEFAULT '',
    recorder_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '已记录' CHECK (status IN ('已记录', '已核实', '已锁定', '已更正')),
    verified_by INTEGER REFERENCES users(id),
    verified_at TEXT,
    locked_at TEXT,
    amends_record_id INTEGER REFERENCES service_records(id),   -- an amendment points at the original
    amendment_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX service_records_volunteer ON service_records(volunteer_id, date);
CREATE INDEX service_records_team ON service_records(team_id, date);

CREATE TABLE certificates (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    number TEXT NOT NULL UNIQUE,               -- 证明编号
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    hours REAL NOT NULL,
    issued_by INTEGER REFERENCES users(id),
    issued_at TEXT NOT NULL,
    reprint_of INTEGER REFERENCES certificates(id)
);

CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    resident_id INTEGER REFERENCES residents(id),
    caller_name TEXT NOT NULL DEFAULT '',
    caller_phone TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL DEFAULT '来电' CHECK (channel IN ('12345', '来访', '来电', '微信', '其他')),
    category TEXT NOT NULL DEFAULT '求助' CHECK (category IN ('咨询', '求助', '投诉', '举报', '建议')),
    urgency TEXT NOT NULL DEFAULT '一般' CHECK (urgency IN ('紧急', '民生保障', '一般', '复杂')),
    content TEXT NOT NULL,
    received_at TEXT NOT NULL,
    respond_by TEXT,
    resolve_by TEXT,
    team_id INTEGER REFERENCES teams(id),
    volunteer_id INTEGER REFERENCES volunteers(id),
    status TEXT NOT NULL DEFAULT '待派单' CHECK (status IN ('待派单', '已派单', '处理中', '已解决', '未解决', '已关闭')),
    responded_at TEXT,
    resolved_at TEXT,
    closed_at TEXT,
    resolution TEXT NOT NULL DEFAULT '',
    satisfaction TEXT CHECK (satisfaction IN ('满意', '基本满意', '不满意')),
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    login TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'captain', 'supervisor')),
    volunteer_id INTEGER REFERENCES volunteers(id),   -- a captain is a volunteer
    password_hash TEXT NOT NULL DEFAULT '',
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    last_login_at TEXT
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    user_id INTEGER,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL,                      -- 新增, 修改, 归档, 查看完整信息, 导出 …
    entity TEXT NOT NULL,                      -- table name
    entity_id INTEGER,
    before TEXT,                               -- JSON, personal numbers masked
    after TEXT,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- The audit log is append-only: no row is ever changed or removed.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, '操作日志只能追加，不能修改'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, '操作日志只能追加，不能删除'); END;

CREATE TABLE settings (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL,                       -- JSON
    updated_at TEXT NOT NULL
);
