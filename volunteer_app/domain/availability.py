"""A volunteer's weekly availability: weekdays × morning / afternoon / evening.

Stored as text that IT staff can read, e.g. ``"1am,1pm,6am"`` (ISO weekday 1 = Monday).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
PARTS = ("am", "pm", "ev")
PART_NAMES = {"am": "上午", "pm": "下午", "ev": "晚上"}
# Where the parts of a day begin and end; a shift overlapping a part needs that part free.
PART_HOURS = {"am": (time(6, 0), time(12, 0)), "pm": (time(12, 0), time(18, 0)),
              "ev": (time(18, 0), time(22, 0))}

_SLOT_OF = {f"{d}{p}": (d, p) for d in range(1, 8) for p in PARTS}   # "1am" → (1, "am")


@dataclass(frozen=True)
class Availability:
    slots: frozenset[tuple[int, str]] = frozenset()

    @classmethod
    def parse(cls, text: str | None) -> Availability:
        # the 21 usual codes looked up (the matcher parses every resident and helper); any
        # other text checked as always (e.g. a weekday written with another script's digit)
        slots = set()
        for code in (text or "").split(","):
            code = code.strip()
            if code in _SLOT_OF:
                slots.add(_SLOT_OF[code])
            elif len(code) >= 3 and code[0].isdigit() and code[1:] in PARTS and 1 <= int(code[0]) <= 7:
                slots.add((int(code[0]), code[1:]))
        return cls(frozenset(slots))

    @classmethod
    def always(cls) -> Availability:
        return cls(frozenset((d, p) for d in range(1, 8) for p in PARTS))

    def to_text(self) -> str:
        return ",".join(f"{d}{p}" for d, p in sorted(self.slots, key=lambda s: (s[0], PARTS.index(s[1]))))

    def describe(self) -> str:
        """周一上午、周六全天 — as a person would say it."""
        words = []
        for day in range(1, 8):
            parts = [p for p in PARTS if (day, p) in self.slots]
            if len(parts) == 3:
                words.append(f"{WEEKDAYS[day - 1]}全天")
            elif parts:
                words.append(WEEKDAYS[day - 1] + "、".join(PART_NAMES[p] for p in parts))
        return "；".join(words) or "未填写"

    def covers(self, weekday: int, start: time, end: time) -> bool:
        """True when every part of the day that [start, end) touches is free on that weekday."""
        needed = [p for p, (lo, hi) in PART_HOURS.items() if start < hi and end > lo]
        return bool(needed) and all((weekday, p) in self.slots for p in needed)

    def __bool__(self) -> bool:
        return bool(self.slots)
