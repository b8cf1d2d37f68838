"""The columns of the Excel ledgers (台账) staff already keep: headers and their synonyms,
yes/no words, and free-text availability such as 周末上午 or 工作日晚上.

Pure rules, no files and no database: the importer reads cells, this module says what a
header means and what a cell says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .availability import PARTS, Availability
from .identity import FieldError


@dataclass(frozen=True)
class LedgerField:
    key: str                 # the field the importer fills
    label: str               # the header the exporter writes (and the importer reads)
    synonyms: tuple[str, ...] = ()
    kind: str = "text"       # text, flag, int, date, address (a building read from a 住址)
    exported: bool = True    # False: read from a ledger, never written (the app keeps its parts)


def _f(key: str, label: str, *synonyms: str, kind: str = "text", exported: bool = True) -> LedgerField:
    return LedgerField(key, label, synonyms, kind, exported)


_PERSON = (
    _f("name", "姓名", "名字", "居民姓名", "志愿者姓名", "老人姓名"),
    _f("id_number", "身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "证件号"),
    _f("gender", "性别"),
    _f("birth_date", "出生日期", "出生年月", "出生年月日", "生日", kind="date"),
    _f("phone", "联系电话", "手机号", "手机号码", "电话", "手机", "联系方式", "电话号码"),
)

# Where a person lives: 80后帮90后 pairs people inside a community (the place decides it).
_COMMUNITY = _f("community", "社区", "所属社区", "社区（村）", "所在社区", "社区名称")
_PLACE = _f("place", "小区", "所在小区", "院落", "小区/院落", "小区（院落）")

RESIDENT_FIELDS: tuple[LedgerField, ...] = _PERSON + (
    _COMMUNITY,
    _PLACE,
    _f("building", "楼号", "楼栋", "楼栋号", "楼"),
    _f("unit", "单元", "单元号"),
    _f("room", "门牌", "房号", "门牌号", "房间号", "室"),
    _f("floor", "楼层", "所在楼层", "层", kind="int"),
    # 3号楼2单元501 in one cell: read into 楼号, 单元 and 门牌 (domain/ledger_address.py)
    _f("address", "住址", "家庭住址", "居住地址", "现住址", "详细地址", "地址", "家庭地址",
       exported=False),
    _f("has_lift", "有无电梯", "电梯", "是否有电梯", kind="flag"),
    _f("cannot_use_stairs", "不能上下楼", "行动不便", "无法上下楼", kind="flag"),
    _f("lives_alone", "独居", "是否独居", "独居老人", kind="flag"),
    _f("empty_nest", "空巢", "是否空巢", "空巢老人", kind="flag"),
    _f("disabled", "失能残疾", "残疾", "失能", "是否残疾", kind="flag"),
    _f("dementia", "失智", "认知障碍", kind="flag"),
    _f("serious_illness", "重病", "重大疾病", kind="flag"),
    # 极端天气: a power cut is dangerous for a home oxygen concentrator or a ventilator
    _f("power_dependent", "依赖电力或氧气", "依赖电力", "吸氧", "制氧机", "呼吸机", "家庭吸氧", kind="flag"),
    _f("chronic_illness", "慢性病", "是否慢性病", "慢病", "患慢性病", kind="flag"),
    _f("hardship", "困难群众", "困难", "低保", kind="flag"),
    _f("emergency_contact", "紧急联系人", "家属联系方式", "紧急联系方式"),
    _f("health_notes", "健康情况", "健康状况", "身体状况", "疾病情况", "病史"),
    # the separate consent health notes need (个人信息保护法 art. 29): who gave it, and when
    _f("health_consent_by", "健康信息同意人", "健康信息单独同意人"),
    _f("health_consent_date", "健康信息同意日期", "健康信息单独同意日期", kind="date"),
    _f("hardship_notes", "困难情况", "困难原因", "家庭困难情况", "困难描述"),
    _f("notes", "备注", "说明"),
)

# Health and hardship notes (个人信息保护法 art. 28, sensitive personal information): only a
# role allowed to see them may import or export these columns.
SENSITIVE_KEYS = frozenset({"health_notes", "hardship_notes"})

VOLUNTEER_FIELDS: tuple[LedgerField, ...] = (
    _f("volunteer_no", "志愿者编号", "编号", "志愿者号"),
) + _PERSON + (
    _f("teams", "所属队伍", "队伍", "服务队", "所在队伍", "志愿服务队"),
    _f("community", "所属社区", "社区", "社区（村）", "所在社区", "社区名称"),
    _PLACE,
    _f("skills", "技能", "特长", "专长", "技能特长"),
    _f("availability", "可服务时间", "服务时间", "空闲时间", "可参加时间", "时间"),
    # a volunteer's building, for 同一楼栋 in 80后帮90后: 3号楼2单元501 keeps 3号楼
    _f("building", "住址", "楼号", "居住楼号", "住址楼号", kind="address"),
    _f("is_staff", "社区工作者", "是否社区工作者", "社工", kind="flag"),
    _f("health_limit", "不宜重体力", "健康限制", kind="flag"),
    _f("weekly_hours_cap", "每周时长上限", "每周最多小时"),
    _f("status", "状态", "在册状态"),
    _f("joined_on", "加入日期", "注册日期", "入队日期", kind="date"),
    _f("notes", "备注", "说明"),
)

# The 12345 export (接诉即办): one row per ticket (工单), keyed by 工单编号. 问题分类 comes either
# as one cell (城乡建设/物业管理/电梯) or as three level columns; the 回访 columns arrive once the
# city has called the caller back. The words in the cells are read by domain/ticket_columns.py.
TICKET_FIELDS: tuple[LedgerField, ...] = (
    _f("ticket_no", "工单编号", "工单号", "工单编码", "诉求编号", "编号", "单号"),
    _f("received_at", "来电时间", "受理时间", "诉求时间", "来电日期", "登记时间", "接单时间",
       kind="datetime"),
    _f("dispatched_at", "派单时间", "派发时间", "转办时间", "下派时间", kind="datetime"),
    _f("caller_name", "诉求人", "来电人", "来电人姓名", "诉求人姓名", "反映人", "姓名"),
    _f("caller_phone", "联系电话", "电话", "来电号码", "来电电话", "联系方式", "手机号"),
    _f("address", "诉求地址", "地址", "事发地址", "问题地址", "反映地址", "事发地点"),
    _f("category", "问题分类", "问题类别", "诉求分类", "分类", "问题类型"),
    _f("category_1", "一级分类", "一级类别", "一级问题分类"),
    _f("category_2", "二级分类", "二级类别", "二级问题分类"),
    _f("category_3", "三级分类", "三级类别", "三级问题分类"),
    _f("content", "诉求内容", "反映内容", "来电内容", "问题描述", "诉求描述", "工单内容"),
    _f("request_type", "诉求类型", "来电类型", "工单类型", "诉求性质"),
    _f("urgency", "紧急程度", "缓急程度", "紧急度", "是否紧急"),
    _f("handling_unit", "承办单位", "办理单位", "主办单位", "承办部门"),
    _f("handling_role", "主办/协办", "主协办", "主办协办", "承办类型", "办理类型"),
    _f("due_at", "办理时限", "办结时限", "处理时限", "截止时间", "办理期限", kind="datetime"),
    _f("callback_contacted", "是否联系", "回访是否联系", "响应情况", "是否响应"),
    _f("callback_resolved", "是否解决", "回访是否解决", "解决情况"),
    _f("callback_satisfaction", "满意度", "回访满意度", "满意情况", "是否满意"),
    _f("callback_at", "回访时间", "回访日期", kind="datetime"),
)

FIELDS = {"residents": RESIDENT_FIELDS, "volunteers": VOLUNTEER_FIELDS, "tickets": TICKET_FIELDS}


def normalize_header(text: Any) -> str:
    """"*姓名（必填）" → "姓名": stars, spaces and remarks in brackets are noise."""
    value = re.sub(r"\s+", "", str(text or ""))
    value = value.replace("（", "(").replace("）", ")").strip("*＊:：")
    return value


def match_header(text: Any, fields: Sequence[LedgerField]) -> str | None:
    value = normalize_header(text)
    if not value:
        return None
    for candidate in (value, re.sub(r"\(.*?\)", "", value).strip("*＊")):
        for spec in fields:
            names = {normalize_header(n) for n in (spec.label, *spec.synonyms)}
            if candidate in names:
                return spec.key
    return None


def map_headers(headers: Sequence[Any], fields: Sequence[LedgerField]) -> list[str | None]:
    """One field key (or None) per column; a field is taken by its first column only."""
    taken: set[str] = set()
    mapping: list[str | None] = []
    for header in headers:
        key = match_header(header, fields)
        if key in taken:
            key = None
        if key:
            taken.add(key)
        mapping.append(key)
    return mapping


def find_header_row(rows: Sequence[Sequence[Any]], fields: Sequence[LedgerField],
                    scan: int = 10) -> int | None:
    """The index of the header row: the first of the top rows naming two fields or more,
    preferring one that names 姓名 (a header the importer does not know, such as 户主, is
    mapped by the user in the window).

    Title rows ("花乡街道志愿者台账（2026年11月）") above it are skipped.
    """
    fallback = None
    for index, row in enumerate(rows[:scan]):
        keys = [k for k in map_headers(row, fields) if k]
        if "name" in keys and len(keys) >= 2:
            return index
        if fallback is None and len(keys) >= 2:
            fallback = index
    return fallback


# -- cells that say there is nothing ------------------------------------------------------

# 联系电话“无”, 楼号“/”, 身份证号“未提供”: the worker says the cell is empty. Read as a phone,
# a building or a team they were refused, or saved as a building “/” and a team “无”.
_NOTHING = frozenset({"/", "／", "\\", "-", "－", "—", "——", "--", "---", "–", "无", "暂无", "没有",
                      "不详", "未知", "未提供", "空", "null", "none", "n/a", "#n/a"})
_NOTHING_FLAG = _NOTHING - {"无", "没有", "暂无"}     # in a yes/no column 无 is 否


def says_nothing(text: str, flag: bool = False) -> bool:
    return "".join(text.split()).lower() in (_NOTHING_FLAG if flag else _NOTHING)


# -- yes / no -----------------------------------------------------------------------------

_YES = {"有", "是", "y", "yes", "√", "✓", "✔", "1", "true", "对", "独居", "有电梯"}
_NO = {"无", "否", "n", "no", "×", "✗", "✘", "x", "0", "false", "没有", "不是", "不", "无电梯"}


def parse_yes_no(raw: Any, label: str) -> bool | None:
    """有/无, 是/否, Y/N, √/×: True or False; an empty cell is None."""
    if raw is None or isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise FieldError(label, f"{label}“{raw}”看不懂，请填“是”或“否”（也可写有/无、Y/N、√/×）。")


def yes_no_text(value: Any) -> str:
    return "是" if value else "否"


# -- availability in words ------------------------------------------------------------------

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7,
           "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}
_DAY_CHARS = "一二三四五六日天七1234567"
_GROUP_DAYS = {
    "周末": (6, 7), "双休日": (6, 7), "双休": (6, 7), "节假日": (6, 7), "休息日": (6, 7),
    "非工作日": (6, 7), "工作日": (1, 2, 3, 4, 5), "平日": (1, 2, 3, 4, 5), "平时": (1, 2, 3, 4, 5),
    "每天": tuple(range(1, 8)), "天天": tuple(range(1, 8)), "每日": tuple(range(1, 8)),
    "全周": tuple(range(1, 8)),
}
_PART_WORDS = {
    "上午": ("am",), "早上": ("am",), "早晨": ("am",), "上半天": ("am",),
    "中午": ("pm",), "下午": ("pm",), "下半天": ("pm",), "午后": ("pm",),
    "晚上": ("ev",), "晚间": ("ev",), "傍晚": ("ev",), "夜间": ("ev",), "晚": ("ev",),
    "全天": PARTS, "整天": PARTS, "一整天": PARTS, "白天": ("am", "pm"),
}
_ALWAYS = ("随时", "任何时间", "都可以", "均可", "都行", "不限", "随叫随到", "全部")
_FILLER = re.compile(r"^(的|都|每|可以|可|有空|有时间|时间|均|[,，、;；/\s和及或]+)+$")

_TOKEN = re.compile(
    "(?P<always>" + "|".join(_ALWAYS) + ")"
    r"|(?P<week>(?:周|星期|礼拜)(?P<list>[" + _DAY_CHARS + r"](?:[、,，和及至到~\-—]?(?:周|星期)?["
    + _DAY_CHARS + r"])*))"
    "|(?P<group>" + "|".join(sorted(_GROUP_DAYS, key=len, reverse=True)) + ")"
    "|(?P<part>" + "|".join(sorted(_PART_WORDS, key=len, reverse=True)) + ")"
    r"|(?P<sep>[,，、;；/\s和及或]+)"
)


def _week_days(text: str) -> set[int]:
    """一三五 → {1, 3, 5}; 一至五 → {1..5}."""
    days: set[int] = set()
    chars = re.sub(r"周|星期", "", text)
    for match in re.finditer(rf"([{_DAY_CHARS}])(?:[至到~\-—]([{_DAY_CHARS}]))?", chars):
        first = _DIGITS[match.group(1)]
        last = _DIGITS[match.group(2)] if match.group(2) else first
        days.update(range(first, last + 1) if first <= last else (first,))
    return days


def parse_availability_words(text: Any) -> tuple[Availability, list[str]]:
    """Read 周末上午, 工作日晚上, 周六全天, 随时, 周一三五下午 into the weekly grid.

    Returns the grid and the pieces of text that could not be read (empty when all was).
    The app's own code ("1am,6pm") is read too, so an export imports back.
    """
    raw = str(text or "").strip()
    if not raw:
        return Availability(), []
    if re.fullmatch(r"[1-7](am|pm|ev)(\s*,\s*[1-7](am|pm|ev))*", raw):
        return Availability.parse(raw), []
    slots: set[tuple[int, str]] = set()
    unread: list[str] = []
    days: set[int] = set()
    parts: set[str] = set()

    def close() -> None:
        if days or parts:
            for day in days or range(1, 8):
                for part in parts or PARTS:
                    slots.add((day, part))
        days.clear()
        parts.clear()

    position = 0
    while position < len(raw):
        match = _TOKEN.match(raw, position)
        if not match:
            end = position + 1
            while end < len(raw) and not _TOKEN.match(raw, end):
                end += 1
            piece = raw[position:end]
            if not _FILLER.match(piece):
                unread.append(piece)
            position = end
            continue
        position = match.end()
        if match.group("always"):
            close()
            slots.update(Availability.always().slots)
        elif match.group("week") or match.group("group"):
            if parts:
                close()
            days.update(_week_days(match.group("list")) if match.group("week")
                        else _GROUP_DAYS[match.group("group")])
        elif match.group("part"):
            parts.update(_PART_WORDS[match.group("part")])
    close()
    return Availability(frozenset(slots)), unread
