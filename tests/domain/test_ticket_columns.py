"""The words of a 12345 export's cells: date-times as the city and Excel write them, the
category path, the 诉求类型 and 回访 words, and the headers under their synonyms."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from volunteer_app.domain import ticket_columns as words
from volunteer_app.domain.identity import FieldError
from volunteer_app.domain.ledger_columns import TICKET_FIELDS, find_header_row, map_headers


@pytest.mark.parametrize(("raw", "expected"), [
    ("2026-11-03 08:15:22", datetime(2026, 11, 3, 8, 15, 22)),
    ("2026/11/3 8:15", datetime(2026, 11, 3, 8, 15)),
    ("2026年11月3日8时15分", datetime(2026, 11, 3, 8, 15)),
    ("2026年11月3日 8:05", datetime(2026, 11, 3, 8, 5)),
    ("2026-11-03T23:59:00", datetime(2026, 11, 3, 23, 59)),
    ("2026-11-03", datetime(2026, 11, 3)),
    (date(2026, 11, 3), datetime(2026, 11, 3)),
    (datetime(2026, 11, 3, 8, 15, 22, 500), datetime(2026, 11, 3, 8, 15, 22)),
    ("", None), (None, None),
])
def test_date_times(raw, expected):
    assert words.parse_datetime(raw, "来电时间") == expected


@pytest.mark.parametrize(("raw", "reason"), [
    ("2026-02-30 08:00", "不存在"), ("2026-11-03 25:00", "不存在"), ("昨天下午", "看不懂"),
])
def test_bad_date_times_are_named(raw, reason):
    with pytest.raises(FieldError, match=f"来电时间“{raw}”{reason}"):
        words.parse_datetime(raw, "来电时间")


def test_category_path_from_one_cell_or_three():
    assert words.category_path(["城乡建设/物业管理/电梯"]) == ("城乡建设/物业管理/电梯", "")
    assert words.category_path(["城乡建设-物业管理 > 电梯"]) == ("城乡建设/物业管理/电梯", "")
    assert words.category_path(["城乡建设", "物业管理", ""]) == ("城乡建设/物业管理", "")
    path, warning = words.category_path(["城乡建设/物业管理/电梯/困人"])
    assert path == "城乡建设/物业管理/电梯" and "超过三级" in warning


def test_request_types_roles_and_callback_words():
    assert words.request_type("意见建议") == "建议"
    with pytest.raises(FieldError, match="只能是咨询、求助、投诉、举报或建议"):
        words.request_type("表扬")
    assert words.handling_role("主办单位") == "主办"
    with pytest.raises(FieldError, match="主办/协办"):
        words.handling_role("督办")
    assert words.callback_word("callback_contacted", "是", "是否联系") == "已联系"
    assert words.callback_word("callback_resolved", "未解决", "是否解决") == "未解决"
    assert words.callback_word("callback_satisfaction", "非常满意", "满意度") == "满意"
    assert words.callback_word("callback_satisfaction", " ", "满意度") is None
    with pytest.raises(FieldError, match="满意度“一般”看不懂"):
        words.callback_word("callback_satisfaction", "一般", "满意度")


def test_header_found_under_title_rows_with_synonyms():
    rows = [["北京市12345市民服务热线工单"], [], ["工单号", "受理时间", "来电人", "反映内容", "办结时限"]]
    assert find_header_row(rows, TICKET_FIELDS) == 2
    assert map_headers(rows[2], TICKET_FIELDS) == [
        "ticket_no", "received_at", "caller_name", "content", "due_at"]
