"""THE declaration of what leaves the PC for the street office (个人信息保护法 Art. 6,
minimum necessary): one place, read by the outbox, the server's views and 设置.

Each table's ``select`` reads the published data of the rows whose uid is in the JSON array
``:uids`` (its only parameter): ``uid`` and the declared columns, foreign keys as the other
row's uid. A column that is derived by a rule of the app in Python (a resident's age band,
tier, 悬空, coverage and next visit; a volunteer's keyed ID hash) is read as NULL here and
filled by ``outbox.row_data``; the facts it needs are selected under names starting with
``_`` and never leave the PC. No name, ID number, phone, address below the building, free
text or health note is ever a published column.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..care.pairing_rows import ACTIVE


@dataclass(frozen=True)
class PublishedColumn:
    name: str
    title: str          # Chinese, shown in 设置
    kind: str = "text"  # 'text' | 'int' | 'real' | 'bool' | 'date' | 'timestamp': the server's cast


@dataclass(frozen=True)
class PublishedTable:
    table: str
    title: str
    columns: tuple[PublishedColumn, ...]
    select: str

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


NEVER_PUBLISHED: tuple[str, ...] = (
    "姓名", "身份证号", "电话", "门牌和房间号", "健康与困难备注", "备注、内容等自由文字", "紧急联系人",
)

KINDS = ("text", "int", "real", "bool", "date", "timestamp")
_BY_UIDS = "WHERE t.uid IN (SELECT value FROM json_each(:uids))"


def _uid_of(table: str, column: str, alias: str) -> str:
    """The uid of the row a foreign key points at, as a published column."""
    return f"(SELECT u.uid FROM {table} u WHERE u.id = t.{column}) AS {alias}"


def _c(name: str, title: str, kind: str = "text") -> PublishedColumn:
    return PublishedColumn(name, title, kind)


ARCHIVED = _c("archived", "已归档", "bool")
_ARCHIVED_SQL = "t.archived_at IS NOT NULL AS archived"


def _table(table: str, title: str, columns: tuple[PublishedColumn, ...], *expressions: str) -> PublishedTable:
    select = f"SELECT t.uid, {', '.join(expressions)} FROM {table} t {_BY_UIDS}"
    return PublishedTable(table, title, columns, select)


# The facts the Python rules of a resident's derived columns read (outbox.row_data).
RESIDENT_FACTS = (
    "id", "birth_date", "floor", "has_lift", "cannot_use_stairs", "lives_alone", "empty_nest",
    "serious_illness", "dementia", "disabled", "hardship", "responsible_volunteer_id",
)

PUBLISHED: tuple[PublishedTable, ...] = (
    _table("communities", "社区", (
        _c("name", "社区名称"), _c("street", "所属街道"), _c("kind", "社区或村"), ARCHIVED),
        "t.name", "t.street", "t.kind", _ARCHIVED_SQL),
    _table("places", "地点", (
        _c("community_uid", "所属社区"), _c("name", "地点名称"), _c("kind", "地点类型"),
        _c("flood_prone", "易积水", "bool"), ARCHIVED),
        _uid_of("communities", "community_id", "community_uid"), "t.name", "t.kind",
        "t.flood_prone = 1 AS flood_prone", _ARCHIVED_SQL),
    _table("teams", "志愿服务队", (
        _c("community_uid", "所属社区"), _c("name", "队伍名称"), ARCHIVED),
        _uid_of("communities", "community_id", "community_uid"), "t.name", _ARCHIVED_SQL),
    _table("service_types", "服务类型", (_c("name", "服务类型名称"),), "t.name"),
    _table("volunteers", "志愿者（不含姓名、身份证号、电话）", (
        _c("community_uid", "所属社区"), _c("birth_year", "出生年份", "int"), _c("gender", "性别"),
        _c("status", "状态"), _c("is_staff", "社区工作者", "bool"),
        _c("id_hash", "身份证号的加密摘要（用于跨社区累计时长）"), ARCHIVED),
        _uid_of("communities", "community_id", "community_uid"),
        "CASE WHEN t.birth_date GLOB '[0-9][0-9][0-9][0-9]*' "
        "THEN CAST(substr(t.birth_date, 1, 4) AS INTEGER) END AS birth_year",
        "t.gender", "t.status", "t.is_staff = 1 AS is_staff", "NULL AS id_hash", _ARCHIVED_SQL,
        "t.id_number AS _id_number"),
    _table("team_members", "队员", (
        _c("team_uid", "队伍"), _c("volunteer_uid", "志愿者"), _c("role", "队内角色"),
        _c("joined_on", "入队日期", "date"), _c("left_on", "离队日期", "date")),
        _uid_of("teams", "team_id", "team_uid"), _uid_of("volunteers", "volunteer_id", "volunteer_uid"),
        "t.role", "t.joined_on", "t.left_on"),
    _table("residents", "居民（不含姓名、身份证号、电话、门牌、健康信息）", (
        _c("community_uid", "所属社区"), _c("place_uid", "所在地点"), _c("building", "楼号"),
        _c("age_band", "年龄段（90+、80-89、70-79、60-69、<60）"), _c("risk_level", "风险等级"),
        _c("stranded", "悬空老人", "bool"), _c("covered", "已覆盖（有结对帮手或包户人）", "bool"),
        _c("uncovered", "未覆盖（高风险、重点居民无人覆盖）", "bool"),
        _c("visit_due", "下次应探访日期", "date"), ARCHIVED),
        _uid_of("communities", "community_id", "community_uid"),
        _uid_of("places", "place_id", "place_uid"), "t.building",
        "NULL AS age_band", "NULL AS risk_level", "NULL AS stranded",
        f"(t.responsible_volunteer_id IS NOT NULL OR EXISTS (SELECT 1 FROM pairings x "
        f"WHERE x.resident_id = t.id AND x.state = '{ACTIVE}')) AS covered",
        "NULL AS uncovered", "NULL AS visit_due", _ARCHIVED_SQL,
        *(f"t.{fact} AS _{fact}" for fact in RESIDENT_FACTS)),
    _table("pairings", "80后帮90后结对", (
        _c("volunteer_uid", "帮手"), _c("resident_uid", "居民"), _c("state", "状态"),
        _c("started_on", "开始日期", "date"), _c("ended_on", "结束日期", "date"),
        _c("visit_every_days", "探访间隔（天）", "int")),
        _uid_of("volunteers", "volunteer_id", "volunteer_uid"),
        _uid_of("residents", "resident_id", "resident_uid"),
        "t.state", "t.started_on", "t.ended_on", "t.visit_every_days"),
    _table("visits", "探访（不含探访内容）", (
        _c("pairing_uid", "结对"), _c("volunteer_uid", "探访人"), _c("resident_uid", "居民"),
        _c("visited_on", "探访日期", "date"), _c("minutes", "时长（分钟）", "int"),
        _c("mode", "方式"), _c("done", "已记录所做事项", "bool")),
        _uid_of("pairings", "pairing_id", "pairing_uid"),
        _uid_of("volunteers", "volunteer_id", "volunteer_uid"),
        _uid_of("residents", "resident_id", "resident_uid"),
        "t.visited_on", "t.minutes", "t.mode", "COALESCE(t.done, '') <> '' AS done"),
    _table("tasks", "任务（不含标题和说明）", (
        _c("team_uid", "队伍"), _c("place_uid", "地点"), _c("service_type_uid", "服务类型"),
        _c("starts_on", "开始日期", "date"), _c("ends_on", "结束日期", "date"),
        _c("alert_uid", "所属天气预警"), _c("insured", "已投保", "bool")),
        _uid_of("teams", "team_id", "team_uid"), _uid_of("places", "place_id", "place_uid"),
        _uid_of("service_types", "service_type_id", "service_type_uid"),
        "t.starts_on", "t.ends_on", _uid_of("alerts", "alert_id", "alert_uid"),
        "COALESCE(t.insurance, '') <> '' AS insured"),
    _table("shifts", "班次", (
        _c("task_uid", "任务"), _c("date", "日期", "date"), _c("start_time", "开始时间"),
        _c("end_time", "结束时间"), _c("min_people", "最少人数", "int"),
        _c("max_people", "最多人数", "int"), _c("cancelled", "已取消", "bool")),
        _uid_of("tasks", "task_id", "task_uid"), "t.date", "t.start_time", "t.end_time",
        "t.min_people", "t.max_people", "t.cancelled = 1 AS cancelled"),
    _table("assignments", "排班", (
        _c("shift_uid", "班次"), _c("volunteer_uid", "志愿者"), _c("state", "状态")),
        _uid_of("shifts", "shift_id", "shift_uid"), _uid_of("volunteers", "volunteer_id", "volunteer_uid"),
        "t.state"),
    _table("service_records", "服务记录与时长（不含服务内容）", (
        _c("volunteer_uid", "志愿者"), _c("team_uid", "队伍"), _c("service_type_uid", "服务类型"),
        _c("date", "日期", "date"), _c("hours", "时长（小时）", "real"),
        _c("counts_for_stars", "计入星级", "bool"), _c("status", "状态"), _c("source", "来源"),
        _c("alert_uid", "所属天气预警")),
        _uid_of("volunteers", "volunteer_id", "volunteer_uid"), _uid_of("teams", "team_id", "team_uid"),
        _uid_of("service_types", "service_type_id", "service_type_uid"), "t.date", "t.hours",
        "t.counts_for_stars = 1 AS counts_for_stars", "t.status", "t.source",
        _uid_of("alerts", "alert_id", "alert_uid")),
    _table("alerts", "天气预警", (
        _c("type", "预警类型"), _c("level", "预警级别"), _c("started_at", "开始时间", "timestamp"),
        _c("until", "预计结束", "timestamp"), _c("closed_at", "解除时间", "timestamp")),
        "t.type", "t.level", "t.started_at", "t.until", "t.closed_at"),
    _table("alert_communities", "预警涉及的社区", (
        _c("alert_uid", "天气预警"), _c("community_uid", "社区"), _c("open", "进行中", "bool")),
        _uid_of("alerts", "alert_id", "alert_uid"), _uid_of("communities", "community_id", "community_uid"),
        "t.open = 1 AS open"),
    _table("alert_roll", "预警点名结果（不含姓名和备注）", (
        _c("alert_uid", "天气预警"), _c("resident_uid", "居民"), _c("community_uid", "社区"),
        _c("state", "点名结果"), _c("attempts", "拨打次数", "int"),
        _c("added_at", "列入时间", "timestamp"), _c("reached_at", "联系上的时间", "timestamp"),
        _c("needs", "需要的帮助（类别）"), _c("escalated_at", "转上门时间", "timestamp"),
        _c("door_closed_at", "上门查看完成时间", "timestamp"),
        _c("visit_due_by", "解除后应探访时间", "timestamp")),
        _uid_of("alerts", "alert_id", "alert_uid"), _uid_of("residents", "resident_id", "resident_uid"),
        _uid_of("communities", "community_id", "community_uid"), "t.state", "t.attempts",
        "t.added_at", "t.reached_at", "t.needs", "t.escalated_at", "t.door_closed_at", "t.visit_due_by"),
    _table("requests", "诉求（12345等）的状态与回访结果（不含来电人和内容）", (
        _c("community_uid", "社区"), _c("team_uid", "承办队伍"), _c("source", "来源"),
        _c("category", "分类"), _c("request_type", "诉求类型"), _c("kind", "一般或复杂"),
        _c("status", "状态"), _c("received_at", "受理时间", "timestamp"),
        _c("dispatched_at", "派单时间", "timestamp"), _c("due_at", "办理时限", "timestamp"),
        _c("signed_at", "签收时间", "timestamp"), _c("contacted_at", "联系诉求人时间", "timestamp"),
        _c("feedback_at", "反馈时间", "timestamp"), _c("closed_at", "办结时间", "timestamp"),
        _c("reopened", "重办次数", "int"), _c("callback_contacted", "回访：联系情况"),
        _c("callback_resolved", "回访：解决情况"), _c("callback_satisfaction", "回访：满意度"),
        _c("callback_at", "回访时间", "timestamp")),
        _uid_of("communities", "community_id", "community_uid"), _uid_of("teams", "team_id", "team_uid"),
        "t.source", "t.category", "t.request_type", "t.kind", "t.status", "t.received_at",
        "t.dispatched_at", "t.due_at", "t.signed_at", "t.contacted_at", "t.feedback_at", "t.closed_at",
        "t.reopened", "t.callback_contacted", "t.callback_resolved", "t.callback_satisfaction",
        "t.callback_at"),
)

_BY_NAME = {table.table: table for table in PUBLISHED}


def published(name: str) -> PublishedTable:
    """The declaration of the published table ``name`` (KeyError for any other table)."""
    return _BY_NAME[name]
