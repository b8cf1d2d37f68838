"""Which members pass a shift's standing rules, for every short shift of a week at once.

一键补缺 first asks, for each short shift, which members pass every rule that depends only on
the member and the shift, not on what they already hold: active, in the team, fit and young
enough for heavy work, free at that time, under their weekly cap with this shift alone,
with the skills. Asked a pair at a time through :func:`shift_rules.conflict_kinds` that is
members × shifts calls (600 × 1,000: four fifths of the fill's time); here each rule is one
array operation over all members. The rules stay those of ``conflict_kinds``: a property
test (tests/domain/test_eligibility.py) checks every pair against it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from .availability import PART_HOURS, PARTS

if TYPE_CHECKING:
    from .shift_rules import Member, ShiftFacts

_CAP_SLACK = 1e-9   # as conflict_kinds: a shift that exactly fills the cap is no warning


def _slot_bit(weekday: int, part: str) -> int:
    return 1 << ((weekday - 1) * len(PARTS) + PARTS.index(part))


def needed_mask(shift: ShiftFacts) -> int:
    """The availability bits a shift needs: every part of its weekday it touches."""
    weekday = shift.day.isoweekday()
    return sum(_slot_bit(weekday, part) for part, (lo, hi) in PART_HOURS.items()
               if shift.start < hi and shift.end > lo)


class StandingRules:
    """The members' facts as arrays; :meth:`eligible` answers one shift in a few array steps.

    ``allowed`` are the soft warnings a member may carry and still be eligible (hard
    conflicts are never allowed).
    """

    def __init__(self, members: Sequence[Member], heavy_max_age: int, allowed: frozenset[str]):
        self.members = list(members)
        self.ids = np.array([m.id for m in members], dtype=np.int64)
        self.heavy_max_age = heavy_max_age
        self.allowed = allowed
        self.active = np.array([not m.archived and m.status == "在册" and m.in_team for m in members],
                               dtype=bool)
        self.health = np.array([m.health_limit for m in members], dtype=bool)
        births = [m.birth_date for m in members]
        self.born = np.array([b is not None for b in births], dtype=bool)
        self.birth_year = np.array([b.year if b else 0 for b in births], dtype=np.int64)
        self.birth_md = np.array([b.month * 100 + b.day if b else 0 for b in births], dtype=np.int64)
        self.slots = np.array([_mask(m) for m in members], dtype=np.int64)
        self.cap = np.array([m.weekly_cap for m in members], dtype=float)
        self._skills: dict[frozenset[str], np.ndarray] = {}

    def eligible(self, shift: ShiftFacts) -> set[int]:
        """Ids of the members whose standing conflicts with ``shift`` are all allowed:
        ``conflict_kinds(member, shift)`` with nothing held and nobody on the shift yet."""
        return set(self.ids[self.mask(shift)].tolist())

    def mask(self, shift: ShiftFacts) -> np.ndarray:
        """:meth:`eligible` as one flag per member, in the order of ``members``."""
        ok = self.active.copy()
        if shift.cancelled or shift.max_people <= 0:
            return ok & False
        if shift.heavy:
            ok &= ~self.health
            day_md = shift.day.month * 100 + shift.day.day
            age = shift.day.year - self.birth_year - (day_md < self.birth_md)
            ok &= ~(self.born & (age > self.heavy_max_age))
        has_slots = self.slots != 0
        if "no_availability" not in self.allowed:
            ok &= has_slots
        if "availability" not in self.allowed:
            need = needed_mask(shift)
            covers = (self.slots & need) == need if need else np.zeros_like(ok)
            ok &= ~has_slots | covers
        if "cap" not in self.allowed:
            ok &= ~(shift.hours > self.cap + _CAP_SLACK)
        if shift.skills and "skills" not in self.allowed:
            ok &= self._has_skills(shift.skills)
        return ok

    def _has_skills(self, skills: frozenset[str]) -> np.ndarray:
        if skills not in self._skills:
            self._skills[skills] = np.array([skills <= m.skills for m in self.members], dtype=bool)
        return self._skills[skills]


def _mask(member: Member) -> int:
    return sum(_slot_bit(day, part) for day, part in member.availability.slots)
