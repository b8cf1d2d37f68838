"""How a phone is masked (domain.identity.mask_phone, the one masker every table, export,
paper and the 诉求 caller field go through): a mobile keeps its first three and last four
digits; a landline its area code, the dash and its last four; anything else never more
than its last four digits, and masking never raises."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volunteer_app.domain.identity import mask_phone
from volunteer_app.domain.masking import mask_contact


@pytest.mark.parametrize(("phone", "masked"), [
    ("13812341234", "138****1234"),
    ("138 1234 1234", "138****1234"),
    ("+8613812341234", "138****1234"),
    ("19912345678", "199****5678"),
])
def test_a_mobile_keeps_three_and_four(phone, masked):
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(("phone", "masked"), [
    ("010-62345678", "010-****5678"),        # as clean_phone stores a Beijing landline
    ("01062345678", "010-****5678"),         # typed without the dash
    ("(010)62345678", "010-****5678"),
    ("０１０－６２３４５６７８", "010-****5678"),  # full-width, from an input method
    ("022-2345678", "022-***5678"),          # a 7-digit local number
    ("0755-23456789", "0755-****6789"),      # a four-digit area code
    ("+86 10 62345678", "010-****5678"),      # dialled from abroad
])
def test_a_landline_keeps_its_area_code_and_last_four(phone, masked):
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(("phone", "masked"), [
    ("62345678", "****5678"),
    ("6234567", "***4567"),
])
def test_a_landline_without_area_code_keeps_its_last_four(phone, masked):
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(("phone", "masked"), [
    (None, ""), ("", ""), ("无", ""),
    ("5678", "**78"),                         # a short number is not shown whole
    ("110", "**0"),
    ("12345", "***45"),
    ("010-62345678-803", "**********8803"),   # an extension: only the last four
    ("1381234123", "******4123"),             # a mobile one digit short
])
def test_short_and_odd_numbers_keep_at_most_their_last_four(phone, masked):
    assert mask_phone(phone) == masked


@pytest.mark.parametrize("phone", ["13812341234", "010-62345678", "62345678", "5678", "0755-23456789"])
def test_masking_a_masked_number_gives_it_back(phone):
    """The volunteer dialog and the audit log may see a value already masked."""
    assert mask_phone(mask_phone(phone)) == mask_phone(phone)


def test_a_landline_in_an_emergency_contact():
    assert mask_contact("女儿 王芳 010-62345678") == "女儿 王芳 010-****5678"


def _shown_digits(masked: str) -> str:
    """The digits a mask shows of the subscriber's number: a mobile's first three and a
    landline's area code are not counted."""
    if re.fullmatch(r"1\d\d\*{4}\d{4}", masked):
        return masked[-4:]
    return re.sub(r"\D", "", masked.split("-", 1)[-1])


@given(st.text(alphabet="0123456789-+() *转０１２３４５６７８９", max_size=20))
def test_any_text_masks_without_raising_and_shows_at_most_four_digits(text):
    masked = mask_phone(text)
    assert len(_shown_digits(masked)) <= 4
    assert mask_phone(masked) == masked
    if re.search(r"\d", text):
        assert "*" in masked
