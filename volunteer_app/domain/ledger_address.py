"""One 住址 cell of a ledger (银地家园3号楼2单元501室) read into the 小区, 楼号, 单元 and 门牌
the app keeps apart.

Only an address that says which part is which is read: 3号楼 is a building because of 号楼,
2单元 a unit because of 单元. 3-2-501 could be building 3, unit 2, room 501, or building 3,
floor 2, room 501 in another estate; 3楼 is the third floor as often as building 3. Such a cell
is not guessed at: the importer keeps it word for word in 备注 and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
