"""A 12345 sheet's or a hand-typed 来电时间 in an input method's full-width digits and colon
is the same time; a time that is none is still refused naming the field."""

from __future__ import annotations

from datetime import datetime

import pytest

from volunteer_app.domain.identity import FieldError
from volunteer_app.services.requests.ticket_form import parse_time


@pytest.mark.parametrize("typed", ["２０２６－１１－２７ ０９：１５", "2026/11/27 09：15\u3000", "２０２６-11-27T09:15\n"])
def test_a_received_time_typed_full_width_is_read(typed):
    assert parse_time(typed, "received_at") == datetime(2026, 11, 27, 9, 15)


def test_a_received_time_that_is_none_names_the_field():
    with pytest.raises(FieldError) as refused:
        parse_time("昨天上午", "received_at")
    assert "来电时间" in refused.value.message and "2026-11-03 09:15" in refused.value.message
