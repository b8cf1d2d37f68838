"""Chinese ID numbers, phone numbers and names: validation with messages in Chinese.

Every check returns the cleaned value or raises :class:`FieldError`, whose message names
the field and says what to do, so dialogs and importers show the same words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

from .typed_text import half_width

NAME_MAX_LENGTH = 50
MIDDLE_DOT = "\u00b7"
# Dots people type in place of the standard U+00B7 in minority names (an ASCII "." only
# between two Chinese characters: in "Mary J. Blige" it is an initial's full stop).
_DOT_VARIANTS = "\u2022\u30fb\u2027\uff0e\u0387\u22c5"
_TO_MIDDLE_DOT = str.maketrans(dict.fromkeys(_DOT_VARIANTS, MIDDLE_DOT))
# Han characters (with the CJK radicals, strokes and punctuation blocks around them), in the
# BMP and in planes 2 and 3 where the rare characters of GB18030 live.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
# Only the unified Han letters: the blocks around them also hold symbols (⺀, ㈱, ㎏).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003ffff"

# Compiled once: an importer checks 50,000 rows, and re's own cache lookup costs per call.
# [0-9], not \d: \d also takes Arabic-Indic and other digits that NFKC leaves alone.
_SCIENTIFIC = re.compile(r"[0-9](\.[0-9]+)?E\+?[0-9]+")
_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_OLD_ID_SHAPE = re.compile(r"[0-9]{15}")
_MOBILE = re.compile(r"1[0-9]{10}")
_LANDLINE = re.compile(r"(010)?[0-9]{8}")
_SPACES = re.compile(r"\s+")
_PHONE_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015()]")   # after NFKC: full-width ones too
_DIGIT = re.compile(r"\d")
# Phones as masking reads them, "*" standing for a digit already hidden (masking a masked
# number gives it back): a mobile; a landline, with an area code (010 and 02x have three
# digits, the others four) or without, its local number of 7 or 8 digits not starting 0 or 1.
_MASK_MOBILE = re.compile(r"1[0-9*]{10}")
_MASK_LANDLINE = re.compile(r"(0[12][0-9]|0[3-9][0-9]{2})?([2-9*][0-9*]{6,7})")
_NOT_PHONE_CHARACTER = re.compile(r"[^0-9*]")
_PLAIN_HAN_NAME = re.compile(rf"[{_HAN}{MIDDLE_DOT}]+")
_SPACE_BESIDE_HAN = re.compile(rf" (?=[{_CJK}{MIDDLE_DOT}])|(?<=[{_CJK}{MIDDLE_DOT}]) ")
_ASCII_DOT_BETWEEN_HAN = re.compile(rf"(?<=[{_CJK}]) ?\. ?(?=[{_CJK}])")


# A birth date before the day this module was loaded is before today too: only a later one
# needs to ask the clock.
_DAY_LOADED = date.today()


class FieldError(ValueError):
    """A value a person typed or imported is wrong; the message is Chinese and names the field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class IdNumberFacts(NamedTuple):   # a tuple: cheap to make 50,000 times in an import
    number: str                    # always the 18-character form
    birth_date: date
    gender: str  # "男" or "女"
    old_number: str = ""           # the 15-digit number it was converted from, if it was


def normalise_id_text(raw: Any) -> str:
    """An ID number as it is stored and compared: half-width, no spaces, capital X."""
    return "".join(half_width(raw).split()).upper()


_calc_check_digit: Callable[[str], str] | None = None


def id_check_character(first17: str) -> str:
    """GB 11643's check character (ISO 7064 MOD 11-2) of the first 17 digits, by stdnum's
    ``ric.calc_check_digit``. stdnum.cn is imported on first use, not at start-up (~0.1 s)."""
    global _calc_check_digit
    if _calc_check_digit is None:
        from stdnum.cn.ric import calc_check_digit

        _calc_check_digit = calc_check_digit
    return _calc_check_digit(first17 + "0")   # it drops the last character it is given


def clean_id_number(raw: Any, field: str = "身份证号") -> IdNumberFacts:
    """Validate a resident ID number (GB 11643-1999) and read birth date and gender.

    Only the shape, the birth date and the check character are checked, never the area code:
    the first six digits say where the card was issued (from 1984), and counties have been
    renamed and merged since. A 15-digit first-generation number becomes 18 digits.
    """
    text = normalise_id_text(raw)
    if not text:
        raise FieldError(field, f"{field}为空，请填写18位身份证号。")
    old = ""
    if len(text) == 15 and _OLD_ID_SHAPE.fullmatch(text):
        old, body = text, f"{text[:6]}19{text[6:]}"
        text = body + id_check_character(body)
    else:
        _check_id_shape(text, raw, field)
    try:
        birth = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        digits = "第7到12位" if old else "第7到14位"
        raise FieldError(field, f"{field}“{raw}”中的出生日期不存在，请核对{digits}。") from None
    if not old and text[-1] != id_check_character(text[:17]):
        raise FieldError(field, f"{field}“{raw}”的校验位不对，请核对每一位数字。")
    if birth >= _DAY_LOADED and birth > date.today():   # date.today() is 1 µs, 50,000 times
        raise FieldError(field, f"{field}“{raw}”中的出生日期在今天之后，请核对。")
    gender = "男" if int(text[16]) % 2 == 1 else "女"
    return IdNumberFacts(text, birth, gender, old)


def _check_id_shape(text: str, raw: Any, field: str) -> None:
    if _ID_SHAPE.fullmatch(text):   # nearly every number: nothing more to test
        return
    if _SCIENTIFIC.fullmatch(text):
        raise FieldError(
            field,
            f"{field}“{raw}”被Excel当成了数字（科学计数法），后几位已经丢失。"
            "请在Excel中把该列设为“文本”格式后重新填写身份证号。",
        )
    if not _ID_SHAPE.fullmatch(text):
        raise FieldError(field, f"{field}“{raw}”应为18位：17位数字加最后一位数字或X"
                                "（15位的旧号码也可以）。")


def normalise_phone_text(raw: Any) -> str:
    """A phone number without the spaces, hyphens and brackets people write, half-width."""
    return _PHONE_SEPARATORS.sub("", half_width(raw))


def clean_mobile(raw: Any, field: str = "手机号") -> str:
    """An 11-digit mainland mobile number. The prefix list changes, so only the shape is checked."""
    text = normalise_phone_text(raw)
    if text.startswith("+86"):
        text = text[3:]
    if not _MOBILE.fullmatch(text):
        raise FieldError(field, f"{field}“{raw}”应为以1开头的11位数字。")
    return text


def clean_phone(raw: Any, field: str = "联系电话") -> str:
    """A mobile number, or a Beijing landline of 8 digits with or without 010-."""
    digits = normalise_phone_text(raw)
    if digits.startswith("+86"):
        digits = digits[3:]
    if _MOBILE.fullmatch(digits):
        return digits
    if _LANDLINE.fullmatch(digits):
        local = digits[-8:]
        return f"010-{local}"
    raise FieldError(field, f"{field}“{raw}”应为11位手机号，或8位固定电话（可带010-）。")


_PHONE_LIST = re.compile(r"[/／、,，;；]|\s{2,}|或")
_PHONE_REMARK = re.compile(r"[（(][^（）()0-9]*[)）]")          # （儿子）, (本人); not (010)
_PHONE_EXTENSION = re.compile(r"(?:转|分机|ext\.?)\s*[0-9]+$", re.IGNORECASE)


def phones_in(raw: Any, field: str = "联系电话") -> list[str]:
    """Every number of a cell that holds more than a number: 13800001111/13900002222, one with
    （儿子） after it, a landline with 转123. Empty when any piece is not a number (the cell
    is then refused as it is)."""
    found = []
    for piece in _PHONE_LIST.split(half_width(raw)):
        piece = _PHONE_EXTENSION.sub("", _PHONE_REMARK.sub("", piece)).strip()
        if not piece:
            continue
        try:
            found.append(clean_phone(piece, field))
        except FieldError:
            return []
    return found


def clean_name(raw: Any, field: str = "姓名") -> str:
    """A person's name: any GB18030 characters, minority names joined by the middle dot, and
    one space between the words of a Latin name; no emoji or other symbols (they print as
    empty boxes). Spaces beside Chinese characters go: staff pad 张  三 to line names up."""
    text = str(raw if raw is not None else "")
    if not text.isascii():
        text = text.translate(_TO_MIDDLE_DOT)
        if _PLAIN_HAN_NAME.fullmatch(text):
            # Han characters and dots only (most names): no space, no digit, not empty
            return _plain_name(text, raw, field)
        text = text.translate(_INVISIBLE)
        _refuse_unprintable(text, raw, field)
        if "." in text:
            text = _ASCII_DOT_BETWEEN_HAN.sub(MIDDLE_DOT, text)
    elif not text.isprintable():
        _refuse_unprintable(text, raw, field)
    text = _SPACES.sub(" ", text).strip()
    if " " in text:
        text = _SPACE_BESIDE_HAN.sub("", text)
    if not text:
        raise FieldError(field, f"{field}为空，请填写。")
    if len(text) > NAME_MAX_LENGTH:
        raise FieldError(field, f"{field}超过{NAME_MAX_LENGTH}个字，请核对。")
    if _DIGIT.search(text):
        raise FieldError(field, f"{field}“{raw}”中含有数字，请核对。")
    if text.startswith(MIDDLE_DOT) or text.endswith(MIDDLE_DOT):
        raise FieldError(field, f"{field}“{raw}”的间隔号“·”不能在开头或结尾。")
    return text


def _plain_name(text: str, raw: Any, field: str) -> str:
    """The checks of :func:`clean_name` that a name of Han characters and dots can fail."""
    if len(text) > NAME_MAX_LENGTH:
        raise FieldError(field, f"{field}超过{NAME_MAX_LENGTH}个字，请核对。")
    if text.startswith(MIDDLE_DOT) or text.endswith(MIDDLE_DOT):
        raise FieldError(field, f"{field}“{raw}”的间隔号“·”不能在开头或结尾。")
    return text


# Invisible characters that come along when a name is copied from a web page or a chat.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _refuse_unprintable(text: str, raw: Any, field: str) -> None:
    for char in text:
        if char.isspace() or (char.isprintable() if char.isascii() else _printable_in_name(char)):
            continue
        raise FieldError(field, f"{field}“{raw}”中的“{char}”（U+{ord(char):04X}）打印不出来"
                                "（表情、特殊符号或看不见的字符），请删除或换成文字。")


def _printable_in_name(char: str) -> bool:
    """Whether a non-ASCII character belongs in a printed name: letters and marks of any
    script do; emoji, pictographs, symbols, format characters (direction overrides, emoji
    presentation selectors) and code points the font cannot know do not."""
    category = unicodedata.category(char)
    if category[0] == "S" or category in ("Cc", "Cf", "Cs", "Me") or char in "\ufe0e\ufe0f":
        return False
    if category == "Cn":   # unassigned in Python's Unicode 14: allowed only for future Han
        return "\U00020000" <= char <= "\U0003ffff"
    if category == "Co":   # private use: GB18030-2005 mapped some rare characters into the BMP's
        return char <= "\uffff"
    return True


def mask_id_number(number: str | None) -> str:
    """110106********0035: the first six and the last four stay."""
    if not number:
        return ""
    if len(number) <= 10:
        return number[:2] + "*" * max(len(number) - 2, 0)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str | None) -> str:
    """A phone as lists, exports and papers show it: a mobile 138****1234; a landline its
    area code, a dash and its last four digits (010-****5678: the area code tells a worker
    it is a landline), without an area code ****5678. Anything else (a short or odd number
    from a 12345 ticket) keeps at most its last four digits, and at most half of them.
    Never raises; masking a masked number gives it back unchanged."""
    if not phone:
        return ""
    text = _PHONE_SEPARATORS.sub("", half_width(phone))
    if text.startswith("+86"):      # +86 10 6234 5678 is 010-62345678 dialled from abroad
        text = text[3:] if text.startswith("+861") and len(text) == 14 else "0" + text[3:]
    if _MASK_MOBILE.fullmatch(text):
        return text[:3] + "****" + text[-4:]
    landline = _MASK_LANDLINE.fullmatch(text)
    if landline:
        area, local = landline.groups()
        hidden = "*" * (len(local) - 4) + local[-4:]
        return f"{area}-{hidden}" if area else hidden
    kept = _NOT_PHONE_CHARACTER.sub("", text)
    shown = min(4, len(kept) // 2)
    return "*" * (len(kept) - shown) + kept[len(kept) - shown:]
