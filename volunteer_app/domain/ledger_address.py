"""One 住址 cell of a ledger (银地家园3号楼2单元501室) read into the 小区, 楼号, 单元 and 门牌
the app keeps apart, and a 楼层 as people write it (六层, 6F, 地下一层).

Only an address that says which part is which is read: 3号楼 is a building because of 号楼,
2单元 a unit because of 单元. 3-2-501 could be building 3, unit 2, room 501, or building 3,
floor 2, room 501 in another estate; 3楼 is the third floor as often as building 3. Such a cell
is not guessed at: the importer keeps it word for word in 备注 and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .identity import FieldError
from .typed_text import half_width

_ADDRESS = re.compile(
    r"(?P<prefix>.*?)"
    r"(?P<building>\d+(?:号楼|栋|幢|座|号院))"
    r"(?P<unit>\d+(?:单元|门))?"
    r"(?:(?P<room>\d+)(?:室|号)?)?"
)


@dataclass(frozen=True)
class AddressParts:
    prefix: str         # the words before the building (a 小区's name), "" when none
    building: str       # 3号楼, as written
    unit: str           # 2单元 (or 2门), as written, or ""
    room: str           # 501, or ""


def read_address(raw: object) -> AddressParts | None:
    """The parts of 3号楼2单元501 (with a place's name before it, 单元 or 门, 室 or 号 after the
    room), or None when the cell does not say which number is which."""
    text = "".join(half_width(raw).split())
    found = _ADDRESS.fullmatch(text)
    if found is None:
        return None
    prefix = found["prefix"]
    if prefix and (prefix[-1].isdigit() or re.search(r"[-—－/]$", prefix)):
        return None     # 1-3号楼: a number glued to the building's is not a place's name
    return AddressParts(prefix, found["building"], found["unit"] or "", found["room"] or "")


# -- 楼层 as written: 6, 6楼, 六层, 6F, 地下一层, B1 -----------------------------------------

_FLOOR = re.compile(r"第?(?P<below>地下|负|B|-)?(?P<number>\d+|[一二两三四五六七八九十]+)(?:层|楼|F)?")
_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
LOWEST_FLOOR, HIGHEST_FLOOR = -3, 60


def read_floor(raw: object, label: str = "楼层") -> int | None:
    """The floor a cell names, or None for an empty cell. 平房 (a one-storey house) is floor 1;
    anything else that is not a floor (顶楼, 6/7) is refused, saying what to write."""
    text = "".join(half_width(raw).split()).upper()
    if not text:
        return None
    if text == "平房":
        return 1
    found = _FLOOR.fullmatch(text)
    number = _number(found["number"]) if found else None
    if number is None:
        raise FieldError(label, f"{label}“{raw}”看不懂，请只写数字，如6（地下一层写-1）。")
    floor = -number if found["below"] else number
    if not LOWEST_FLOOR <= floor <= HIGHEST_FLOOR:
        raise FieldError(label, f"{label}“{raw}”应在{LOWEST_FLOOR}到{HIGHEST_FLOOR}之间。")
    return floor


def _number(text: str) -> int | None:
    """12, or 十二, 二十, 六 (up to 九十九)."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _CHINESE_DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if any(len(part) > 1 or (part and part not in _CHINESE_DIGITS) for part in (tens, ones)):
        return None
    return _CHINESE_DIGITS.get(tens, 1) * 10 + _CHINESE_DIGITS.get(ones, 0)
