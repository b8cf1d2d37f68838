"""What the cells of a 12345 export say: a date-time, a 问题分类 path, the 诉求类型 word, 主办 or
协办, and the 回访 words. Pure rules, no files and no database (the columns themselves are
declared in ledger_columns.TICKET_FIELDS).

Each reader returns the stored word or raises FieldError with a Chinese message naming the
column and the words it accepts, so that the importer can name the row and field.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from .identity import FieldError
from .requests import Contacted, RequestType, Resolved, Satisfaction

CATEGORY_LEVELS = 3
# 城乡建设/物业管理/电梯, 城乡建设-物业管理-电梯, 城乡建设>物业管理>电梯, 城乡建设→物业管理
_CATEGORY_SPLIT = re.compile(r"\s*(?:/|／|\\|-|－|—|>|＞|→|》|\|)\s*")

_DATETIME = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]*(\d{1,2})\s*[:：时点]\s*(\d{1,2})?\s*(?:[:：分]\s*(\d{1,2})?\s*秒?)?)?$")


def parse_datetime(raw: Any, label: str) -> datetime | None:
    """2026-11-03 08:15:22, 2026/11/3 8:15, 2026年11月3日8时15分, a bare date (00:00), or the
    date-time cell Excel stored; None for an empty cell."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.replace(microsecond=0, tzinfo=None)
    if isinstance(raw, date):
        return datetime.combine(raw, time.min)
    text = str(raw).strip()
    if not text:
        return None
    match = _DATETIME.match(text)
    if not match:
        raise FieldError(label, f"{label}“{raw}”看不懂，请写成2026-11-03 08:15或2026年11月3日8时15分。")
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise FieldError(label, f"{label}“{raw}”不存在（没有这一天或这个时刻），请核对。") from None


def category_path(cells: list[str], label: str = "问题分类") -> tuple[str, str]:
    """The 问题分类 path joined by '/', from one cell or the three level cells, and a warning
    (empty when none) when the city gave more levels than the three the app keeps."""
    levels = [part for cell in cells for part in _CATEGORY_SPLIT.split(cell.strip()) if part]
    warning = ""
    if len(levels) > CATEGORY_LEVELS:
        warning = f"{label}“{'/'.join(levels)}”超过三级，只保留前三级。"
        levels = levels[:CATEGORY_LEVELS]
    return "/".join(levels), warning


_TYPE_WORDS = {
    "咨询": RequestType.CONSULT, "询问": RequestType.CONSULT, "政策咨询": RequestType.CONSULT,
    "求助": RequestType.HELP, "求助类": RequestType.HELP,
    "投诉": RequestType.COMPLAINT, "投诉类": RequestType.COMPLAINT,
    "举报": RequestType.REPORT, "举报类": RequestType.REPORT,
    "建议": RequestType.SUGGESTION, "意见建议": RequestType.SUGGESTION, "意见": RequestType.SUGGESTION,
}


def request_type(text: str, label: str = "诉求类型") -> RequestType:
    word = text.strip()
    if word in _TYPE_WORDS:
        return _TYPE_WORDS[word]
    raise FieldError(label, f"{label}“{text}”看不懂，只能是咨询、求助、投诉、举报或建议。")


def handling_role(text: str, label: str = "主办/协办") -> str:
    word = text.strip().removesuffix("单位")
    if word in ("", "主办", "协办"):
        return word
    raise FieldError(label, f"{label}“{text}”看不懂，只能是“主办”或“协办”（可以空着）。")


_CONTACTED = {"已联系": Contacted.YES, "是": Contacted.YES, "已响应": Contacted.YES,
              "联系": Contacted.YES, "未联系": Contacted.NO, "否": Contacted.NO,
              "未响应": Contacted.NO}
_RESOLVED = {"已解决": Resolved.YES, "是": Resolved.YES, "解决": Resolved.YES,
             "未解决": Resolved.NO, "否": Resolved.NO}
_SATISFACTION = {"满意": Satisfaction.SATISFIED, "非常满意": Satisfaction.SATISFIED,
                 "基本满意": Satisfaction.BASIC, "比较满意": Satisfaction.BASIC,
                 "不满意": Satisfaction.UNSATISFIED, "非常不满意": Satisfaction.UNSATISFIED}

_CALLBACK = {
    "callback_contacted": (_CONTACTED, "已联系或未联系"),
    "callback_resolved": (_RESOLVED, "已解决或未解决"),
    "callback_satisfaction": (_SATISFACTION, "满意、基本满意或不满意"),
}
CALLBACK_WORDS = tuple(_CALLBACK)


def callback_word(key: str, text: str, label: str) -> str | None:
    """One 回访 cell (是否联系, 是否解决, 满意度) as the stored word; None when empty."""
    word = text.strip()
    if not word:
        return None
    words, allowed = _CALLBACK[key]
    if word in words:
        return words[word].value
    raise FieldError(label, f"{label}“{text}”看不懂，只能是{allowed}。")
