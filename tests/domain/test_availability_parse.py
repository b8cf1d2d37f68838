"""Availability.parse looks the usual codes up: the same slots as checking each code."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from volunteer_app.domain.availability import PARTS, Availability


def checked_one_by_one(text: str | None) -> frozenset:
    slots = set()
    for code in (text or "").split(","):
        code = code.strip()
        if len(code) >= 3 and code[0].isdigit() and code[1:] in PARTS and 1 <= int(code[0]) <= 7:
            slots.add((int(code[0]), code[1:]))
    return frozenset(slots)


CODES = st.sampled_from(["1am", "7ev", "8am", "0pm", " 2pm", "3 pm", "3pm ", "am", "1", "",
                         "1AM", "\t4ev", "5ev\n", "11am", "x", "١am", "６pm"]) | st.text(max_size=4)


@given(st.lists(CODES, max_size=8))
def test_parse_equals_checking_each_code(codes):
    text = ",".join(codes)
    assert Availability.parse(text).slots == checked_one_by_one(text)


def test_usual_text():
    assert Availability.parse("1am, 6pm,7ev").slots == {(1, "am"), (6, "pm"), (7, "ev")}
    assert Availability.parse(None).slots == frozenset()
