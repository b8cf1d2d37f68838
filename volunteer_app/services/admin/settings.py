"""Settings the committee can change, with defaults from domain.md.

Values are JSON in the ``settings`` table; a missing key means the default. Settings marked
*unconfirmed* in domain.md say so in their help text, shown in the settings page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ...domain import weather
from ...domain.hours import parse_office_hours
from ...domain.people import Cohorts, HousingRule
from ...domain.risk import VisitCadence
from ...store.rows import from_json, new_uid, now_text, to_json
from ..people import resident_risk
from ..permissions import Permission
from ..session import Session


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: Any
    help: str = ""
    kind: str = ""          # "days": a whole number of days, at least 1


class SettingError(ValueError):
    """A setting's value is refused; the message names the setting and says what is wanted."""


WEIGHT_PREFIX = "pairing.w_"   # the matching weights: never negative
ALERT_RULE_PREFIX = "alerts.select."   # + 暴雪 …: the roll-call rule of that warning type
SPECS: tuple[SettingSpec, ...] = (
    # No default: an office that started empty printed the demo's name as the issuer
    SettingSpec("community.name", "社区名称", "",
                "志愿服务记录证明、排班名单和报表上的出具单位，如 高立庄社区居民委员会。"),
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
    SettingSpec("records.office_hours", "社区工作者上班时间", "09:00-17:00",
                "社区工作者在工作日（按国家法定节假日安排，调休上班日算工作日）这段时间内的服务"
                "属本职工作：登记，但不计入星级和志愿服务记录证明的时长。"),
    SettingSpec("certificate.leader", "证明负责人", "", "志愿服务记录证明上的负责人姓名。"),
    SettingSpec("certificate.handler", "证明经办人", "",
                "志愿服务记录证明上的经办人；留空时填开具证明的用户（命令行开具时须用 --handler 写明经办人）。"),
    SettingSpec("certificate.contact", "证明联系电话", "", "志愿服务记录证明上的联系方式。"),
    SettingSpec("certificate.number_prefix", "证明编号前缀", "LLB",
                "证明编号形如 LLB-2026-000123；补打件在原编号后加 -R1、-R2。"),
    SettingSpec("schedule.heavy_task_max_age", "重体力任务年龄上限", 70,
                "超过此年龄的志愿者不安排铲冰除雪等重体力任务。"),
    SettingSpec("privacy.retention_years", "归档人员信息保存年限", 3,
                "归档超过此年限的人员信息将被清除（个人信息保护法第19条）。"),
    SettingSpec("backup.auto_hours", "自动备份间隔（小时）", 4,
                "窗口打开时先自动备份一次，之后每隔这么多小时再备份一次，存在数据库旁的“自动备份”"
                "文件夹里（保留最近7天每天、4周每周、12个月每月各一份）；填0不自动备份。"),
    *(SettingSpec(f"{WEIGHT_PREFIX}{key}", f"结对评分：{label}", default) for key, label, default in (
        ("same_building", "同一楼栋", 30), ("same_place", "同一小区（院落）", 20),
        ("same_community", "同一社区", 10), ("time_per_slot", "每个共同空闲半天", 4),
        ("stairs", "可帮上下楼", 15), ("hospital", "可陪同就医", 12), ("errands", "跑腿代办方便", 6),
        ("talk", "可聊天陪伴", 5), ("stranded", "悬空老人", 40), ("lives_alone", "独居", 15),
        ("no_family", "子女不在身边", 10), ("per_year_over_age", "超过年龄线每岁", 1))),
    # Visit cadence by risk tier (domain.md); the tiers themselves are domain/risk.py.
    SettingSpec("visits.days_high", "高风险居民探访间隔（天）", 7,
                "悬空老人，80岁以上独居或空巢，重病或失智：至少每周探访一次。", kind="days"),
    SettingSpec("visits.days_priority", "重点居民探访间隔（天）", 30,
                "60岁以上残疾或失智，特困人员：至少每月探访一次。", kind="days"),
    SettingSpec("visits.days_general", "一般居民探访间隔（天）", 90,
                "其他结对或包户的居民：至少每季度探访一次。", kind="days"),
    # 接诉即办 (domain.md, "Citizens' requests"): deadlines of the draft 12345 standard, the
    # weight of 基本满意 in the *unconfirmed* 满意率 formula, and what makes a hot spot.
    SettingSpec("requests.hours_emergency", "紧急诉求办理时限（小时）", 2,
                "危及生命财产安全的紧急诉求，按钟点计算，夜间和节假日照算。"),
    SettingSpec("requests.hours_utilities", "水电气热诉求办理时限（小时）", 24,
                "供水、供电、燃气、供暖类诉求，按钟点计算。"),
    SettingSpec("requests.days_general", "一般诉求办理时限（天）", 7, "", kind="days"),
    SettingSpec("requests.days_complex", "复杂诉求办理时限（天）", 15, "", kind="days"),
    SettingSpec("requests.working_days", "按工作日计算天数时限（1是，0否）", 1,
                "填1时，一般和复杂诉求的时限按工作日计算（法定节假日不计，调休上班日计入）。"),
    SettingSpec("requests.basic_satisfied_weight", "满意率中“基本满意”的权重", 1.0,
                "满意率 =（满意 + 权重 × 基本满意）÷ 有回访结果的工单。此公式未经官方确认，"
                "有的区按0.9计算。"),
    SettingSpec("requests.hotspot_days", "高频诉求统计天数", 30, "", kind="days"),
    SettingSpec("requests.hotspot_min", "高频诉求最少件数", 3,
                "同一地点、同一类别在统计天数内的诉求达到这个件数，列为“未诉先办”的高频点位。"),
    # 极端天气风险防控 (domain.md, "Extreme weather"): who is on each warning's roll-call, when an
    # unanswered resident turns red for a door visit, and what the calls count as service.
    *(SettingSpec(f"{ALERT_RULE_PREFIX}{kind.value}", f"{kind.value}预警点名条件", rule,
                  "用顿号分隔：高风险、90岁以上、独居、依赖电力或氧气、慢性病、悬空老人；"
                  "写上“悬空老人优先”时悬空老人排在名单最前。")
      for kind, rule in weather.DEFAULT_RULES.items()),
    SettingSpec("alerts.escalate_attempts", "连续未接通几次转上门", 3,
                "在下面的分钟数内连续这么多次未接通，居民标红，并指派离得最近的帮手或工作人员上门查看。"),
    SettingSpec("alerts.escalate_minutes", "未接通计次的时间窗（分钟）", 30),
    SettingSpec("alerts.call_hours", "每次点名电话计服务时长（小时）", 0.25,
                "帮手和工作人员打的点名电话计入志愿服务时长，每个电话按这个时长计算。"),
    SettingSpec("alerts.door_visit_hours", "每次上门查看计服务时长（小时）", 0.5),
    SettingSpec("alerts.day_cap_hours", "每人每天点名计时上限（小时）", 2,
                "一位志愿者一天内因点名和上门查看计入的时长不超过这个数。"),
    SettingSpec("alerts.after_visit_hours", "预警解除后多少小时内探访高风险居民", 24,
                "预警解除属于探访规则中的“重大变化”：每位高风险居民要在这段时间内探访一次。"),
    SettingSpec("import.max_unpacked_mb", "导入Excel解压后上限（MB）", 200,
                "Excel文件（.xlsx）是压缩包：解压后超过这个大小的文件不读取，以免把电脑内存用光。"),
)
CADENCE_KEYS = ("visits.days_high", "visits.days_priority", "visits.days_general")
_BY_KEY = {spec.key: spec for spec in SPECS}
# Settings whose text must parse; the parser's ValueError says what is wrong.
_CHECKS = {"records.office_hours": parse_office_hours,
           **{f"{ALERT_RULE_PREFIX}{kind.value}": weather.parse_rule for kind in weather.AlertType}}


def get(session: Session, key: str) -> Any:
    rows = list(session.db.query("SELECT value FROM settings WHERE key = ?", [key]))
    if rows:
        return from_json(rows[0]["value"])
    if key in _BY_KEY:
        return _BY_KEY[key].default
    raise KeyError(key)


# What a certificate must name of its issuer (民发〔2015〕149号), as the settings call them
ISSUER_FIELDS = (("community.name", "社区名称"), ("certificate.leader", "证明负责人"),
                 ("certificate.contact", "证明联系电话"))


def missing_issuer(session: Session) -> list[str]:
    """The labels of the issuer's settings still blank: no certificate is issued until none is."""
    return [label for key, label in ISSUER_FIELDS if not str(get(session, key) or "").strip()]


def checked(key: str, value: Any) -> Any:
    """``value`` as it would be saved, or :class:`SettingError`. A text setting with a parser
    (office hours) must parse; a number setting takes a number (or its text), a whole number
    where the default is one; the matching weights may have decimals but must not be
    negative, else 匹配 no longer finds the best total."""
    spec = _BY_KEY.get(key)
    if key in _CHECKS:
        try:
            _CHECKS[key](value)
        except ValueError as error:
            raise SettingError(f"“{spec.label}”：{error}") from None
    if spec is not None and spec.kind == "days":
        text = str(value).strip()
        if isinstance(value, bool) or not (isinstance(value, int) or text.isdigit()) or int(text) < 1:
            raise SettingError(f"“{spec.label}”应为正整数（天数，至少1天），现在是“{text}”。")
        return int(text)
    if spec is None or isinstance(spec.default, (str, bool)):
        return value
    weight = key.startswith(WEIGHT_PREFIX)
    number = _number(value)
    if number is None:
        raise SettingError(f"“{spec.label}”应为数字，现在是“{value}”。")
    if weight and number < 0:
        raise SettingError(f"“{spec.label}”不能为负数（现在是{value}），请填0或正数。")
    whole = number == int(number)
    if isinstance(spec.default, int) and not weight and not whole:
        raise SettingError(f"“{spec.label}”应为整数，现在是“{value}”。")
    return int(number) if isinstance(spec.default, int) and whole else number


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value) if isinstance(value, (int, float)) else float(str(value).strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def put(session: Session, key: str, value: Any) -> None:
    session.require(Permission.SETTINGS)
    value = checked(key, value)
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


def visit_cadence(session: Session) -> VisitCadence:
    high, priority, general = (int(get(session, key)) for key in CADENCE_KEYS)
    return VisitCadence(high=high, priority=priority, general=general)


def selection_rule(session: Session, kind: weather.AlertType) -> weather.SelectionRule:
    """Who is on the roll-call of a ``kind`` warning, as the committee set it."""
    return weather.parse_rule(str(get(session, f"{ALERT_RULE_PREFIX}{kind.value}")))


def escalation_rule(session: Session) -> weather.EscalationRule:
    return weather.EscalationRule(attempts=int(get(session, "alerts.escalate_attempts")),
                                  minutes=int(get(session, "alerts.escalate_minutes")))
