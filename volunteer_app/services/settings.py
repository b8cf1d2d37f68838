"""Settings the committee can change, with defaults from domain.md.

Values are JSON in the ``settings`` table; a missing key means the default. Settings marked
*unconfirmed* in domain.md say so in their help text, shown in the settings page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain.people import Cohorts, HousingRule
from ..store.rows import from_json, new_uid, now_text, to_json
from . import resident_risk
from .permissions import Permission
from .session import Session


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: Any
    help: str = ""


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("community.name", "社区名称", "花乡街道示范社区"),
    SettingSpec("housing.floor_threshold", "悬空老人楼层线", 2,
                "住在此楼层以上且无电梯的老人算作悬空老人（也可在居民信息中直接标记不能上下楼）。"),
    SettingSpec("housing.elder_age", "老人年龄线", 60, "悬空老人、独居老人等按此年龄起算。"),
    SettingSpec("cohort.helper_birth_from", "80后帮手出生年份起", 1980),
    SettingSpec("cohort.helper_birth_to", "80后帮手出生年份止", 1989),
    SettingSpec("cohort.resident_min_age", "90后老人最低年龄", 90,
                "“90后”指年满90周岁的老人，不是90年代出生。"),
    SettingSpec("security.idle_lock_minutes", "空闲多少分钟后锁屏", 10),
    SettingSpec("records.round_to_hours", "服务时长取整（小时）", 0.5),
    SettingSpec("records.daily_cap_hours", "每日服务时长上限（小时）", 8),
    SettingSpec("certificate.leader", "证明负责人", "", "志愿服务记录证明上的负责人姓名。"),
    SettingSpec("certificate.handler", "证明经办人", "",
                "志愿服务记录证明上的经办人；留空时填开具证明的用户。"),
    SettingSpec("certificate.contact", "证明联系电话", "", "志愿服务记录证明上的联系方式。"),
    SettingSpec("certificate.number_prefix", "证明编号前缀", "LLB",
                "证明编号形如 LLB-2026-000123；补打件在原编号后加 -R1、-R2。"),
    SettingSpec("schedule.heavy_task_max_age", "重体力任务年龄上限", 70,
                "超过此年龄的志愿者不安排铲冰除雪等重体力任务。"),
    SettingSpec("privacy.retention_years", "归档人员信息保存年限", 3,
                "归档超过此年限的人员信息将被清除（个人信息保护法第19条）。"),
    *(SettingSpec(f"pairing.w_{key}", f"结对评分：{label}", default) for key, label, default in (
        ("same_building", "同一楼栋", 30), ("same_place", "同一小区（院落）", 20),
        ("same_community", "同一社区", 10), ("time_per_slot", "每个共同空闲半天", 4),
        ("stairs", "可帮上下楼", 15), ("hospital", "可陪同就医", 12), ("errands", "跑腿代办方便", 6),
        ("talk", "可聊天陪伴", 5), ("stranded", "悬空老人", 40), ("lives_alone", "独居", 15),
        ("no_family", "子女不在身边", 10), ("per_year_over_age", "超过年龄线每岁", 1))),
    SettingSpec("pairing.visit_days_high", "悬空、独居老人探访间隔（天）", 7,
                "悬空老人和独居老人至少每周探访一次（高风险档）。"),
    SettingSpec("pairing.visit_days", "其他结对老人探访间隔（天）", 14),
    SettingSpec("import.max_unpacked_mb", "导入Excel解压后上限（MB）", 200,
                "Excel文件（.xlsx）是压缩包：解压后超过这个大小的文件不读取，以免把电脑内存用光。"),
)
_BY_KEY = {spec.key: spec for spec in SPECS}


def get(session: Session, key: str) -> Any:
    rows = list(session.db.query("SELECT value FROM settings WHERE key = ?", [key]))
    if rows:
        return from_json(rows[0]["value"])
    if key in _BY_KEY:
        return _BY_KEY[key].default
    raise KeyError(key)


def put(session: Session, key: str, value: Any) -> None:
    session.require(Permission.SETTINGS)
    before = get(session, key) if key in _BY_KEY else None
    housing = key in resident_risk.HOUSING_KEYS
    with session.write("settings", *(("residents",) if housing else ())):
        session.db.execute(
            "INSERT INTO settings (uid, key, value, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            [new_uid(), key, to_json(value), now_text()],
        )
        detail = ""
        if housing:  # stored risk levels follow the new 悬空老人 rule
            changed = resident_risk.recompute(session, housing_rule(session))
            detail = f"按新的悬空老人标准重算风险等级：{changed}位居民的等级有变化"
        session.audit("修改设置", "settings", None, {"key": key, "value": before},
                      {"key": key, "value": value}, detail)


def max_unpacked_bytes(session: Session) -> int:
    """How big an .xlsx may be once unpacked before the import refuses to read it."""
    return int(float(get(session, "import.max_unpacked_mb")) * 2**20)


def housing_rule(session: Session) -> HousingRule:
    return HousingRule(floor_threshold=int(get(session, "housing.floor_threshold")),
                       elder_age=int(get(session, "housing.elder_age")))


def cohorts(session: Session) -> Cohorts:
    return Cohorts(
        helper_birth_from=int(get(session, "cohort.helper_birth_from")),
        helper_birth_to=int(get(session, "cohort.helper_birth_to")),
        resident_min_age=int(get(session, "cohort.resident_min_age")),
    )
