"""Chinese ID numbers, phone numbers and names: validation with messages in Chinese.

Every check returns the cleaned value or raises :class:`FieldError`, whose message names
the field and says what to do, so dialogs and importers show the same words.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import NamedTuple

NAME_MAX_LENGTH = 50
MIDDLE_DOT = "\u00b7"
# Dots people type in place of the standard U+00B7 in minority names.
_DOT_VARIANTS = "\u2022\u30fb\u2027\uff0e\u0387\u22c5.．"
_TO_MIDDLE_DOT = str.maketrans(dict.fromkeys(_DOT_VARIANTS, MIDDLE_DOT))

# Compiled once: an importer checks 50,000 rows, and re's own cache lookup costs per call.
_SCIENTIFIC = re.compile(r"\d(\.\d+)?E\+?\d+")
_ID_SHAPE = re.compile(r"\d{17}[\dX]")
_MOBILE = re.compile(r"1\d{10}")
_LANDLINE = re.compile(r"(010)?\d{8}")
_SPACES = re.compile(r"\s+")
_SPACES_DASHES = re.compile(r"[\s\-]")
_DIGIT = re.compile(r"\d")


class FieldError(ValueError):
    """A value a person typed or imported is wrong; the message is Chinese and names the field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class IdNumberFacts(NamedTuple):   # a tuple: cheap to make 50,000 times in an import
    number: str
    birth_date: date
    gender: str  # "男" or "女"


def clean_id_number(raw: str, field: str = "身份证号") -> IdNumberFacts:
    """Validate an 18-digit resident ID number (GB 11643-1999) and read birth date and gender."""
    text = str(raw or "").strip().upper().replace(" ", "")
    if not text:
        raise FieldError(field, f"{field}为空，请填写18位身份证号。")
    if _SCIENTIFIC.fullmatch(text):
        raise FieldError(
            field,
            f"{field}“{raw}”被Excel当成了数字（科学计数法），后几位已经丢失。"
            "请在Excel中把该列设为“文本”格式后重新填写身份证号。",
        )
    if not _ID_SHAPE.fullmatch(text):
        raise FieldError(field, f"{field}“{raw}”应为18位：17位数字加最后一位数字或X。")
    try:
        birth = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise FieldError(field, f"{field}“{raw}”中的出生日期不存在，请核对第7到14位。") from None
    # The same checks as ric.validate, without its repeated clean-ups: an importer runs this
    # on 50,000 rows, and the area-code lookup is the same for a whole community.
    if text[-1] != _check_digit(text):
        raise FieldError(field, f"{field}“{raw}”的校验位不对，请核对每一位数字。")
    if not _area_existed(text[:6], birth.year):
        raise FieldError(field, f"{field}“{raw}”不是有效的身份证号，请核对。")
    if birth > date.today():
        raise FieldError(field, f"{field}“{raw}”中的出生日期在今天之后，请核对。")
    gender = "男" if int(text[16]) % 2 == 1 else "女"
    return IdNumberFacts(text, birth, gender)


def _check_digit(number: str) -> str:
    """GB 11643's check digit, as stdnum's ``ric.calc_check_digit`` computes it (the 17 digits
    read in base 13 give the weighted sum mod 11), without importing stdnum for it."""
    checksum = (1 - 2 * int(number[:17], 13)) % 11
    return "X" if checksum == 10 else str(checksum)


@functools.lru_cache(maxsize=8192)
def _area_existed(area: str, year: int) -> bool:
    """Whether the area code (first six digits) was assigned in the birth year (stdnum's list)."""
    from stdnum import exceptions as stdnum_errors
    from stdnum.cn import ric

    try:
        ric.get_birth_place(f"{area}{year:04d}01010000")
    except (stdnum_errors.ValidationError, ValueError, KeyError):  # KeyError: a code with no county
        return False
    return True


def clean_mobile(raw: str, field: str = "手机号") -> str:
    """An 11-digit mainland mobile number. The prefix list changes, so only the shape is checked."""
    text = _SPACES_DASHES.sub("", str(raw or ""))
    if text.startswith("+86"):
        text = text[3:]
    if not _MOBILE.fullmatch(text):
        raise FieldError(field, f"{field}“{raw}”应为以1开头的11位数字。")
    return text


def clean_phone(raw: str, field: str = "联系电话") -> str:
    """A mobile number, or a Beijing landline of 8 digits with or without 010-."""
    text = _SPACES.sub("", str(raw or ""))
    digits = text.replace("-", "")
    if digits.startswith("+86"):
        digits = digits[3:]
    if _MOBILE.fullmatch(digits):
        return digits
    if _LANDLINE.fullmatch(digits):
        local = digits[-8:]
        return f"010-{local}"
    raise FieldError(field, f"{field}“{raw}”应为11位手机号，或8位固定电话（可带010-）。")


def clean_name(raw: str, field: str = "姓名") -> str:
    """A person's name: any GB18030 characters, minority names joined by the middle dot."""
    text = _SPACES.sub("", str(raw or "")).translate(_TO_MIDDLE_DOT)
    if not text:
        raise FieldError(field, f"{field}为空，请填写。")
    if len(text) > NAME_MAX_LENGTH:
        raise FieldError(field, f"{field}超过{NAME_MAX_LENGTH}个字，请核对。")
    if _DIGIT.search(text):
        raise FieldError(field, f"{field}“{raw}”中含有数字，请核对。")
    if text.startswith(MIDDLE_DOT) or text.endswith(MIDDLE_DOT):
        raise FieldError(field, f"{field}“{raw}”的间隔号“·”不能在开头或结尾。")
    return text


def mask_id_number(number: str | None) -> str:
    """110106********0035: the first six and the last four stay."""
    if not number:
        return ""
    if len(number) <= 10:
        return number[:2] + "*" * max(len(number) - 2, 0)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str | None) -> str:
    """138****1234 for mobiles; a landline keeps its last four digits."""
    if not phone:
        return ""
    digits = phone.replace("-", "")
    if len(digits) == 11 and digits.startswith("1"):
        return digits[:3] + "****" + digits[-4:]
    return "*" * max(len(digits) - 4, 0) + digits[-4:]
