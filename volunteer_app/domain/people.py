"""Rules about people: ages, cohorts, 悬空老人, pinyin keys (risk tiers: ``domain/risk.py``).

A rule that queries filter by has its SQL form beside its Python form, built from the same
settings and the same "today", so that a list, a count and a dialog never disagree.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Gender(StrEnum):
    MALE = "男"
    FEMALE = "女"


def age_on(birth: date | str | None, today: date) -> int | None:
    """Whole years completed on ``today``; a 29 February birthday counts from 1 March."""
    if birth is None or birth == "":
        return None
    if isinstance(birth, str):
        birth = date.fromisoformat(birth)
    years = today.year - birth.year
    if (today.month, today.day) < (birth.month, birth.day):
        years -= 1
    return years


def pinyin_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) in lower case: 张建国 → ("zjg", "zhangjianguo").

    Characters without a reading (letters, the middle dot) pass through, minus the dot.
    """
    syllables = [s.lower() for s in _syllables(name) if s.strip() and s != "\u00b7"]
    initials = "".join(s[0] for s in syllables if s)
    return initials, "".join(syllables)


def _syllables(name: str) -> list[str]:
    # pypinyin loads its phrase dictionary on import (~0.6 s): only when a name is saved,
    # never on the way to the first window.
    from pypinyin.constants import PHRASES_DICT

    # A name with no word of pypinyin's phrase list in it reads character by character, so
    # each character's reading is looked up once (an import of 50,000 residents spends its
    # time here otherwise); a name holding a phrase (长乐, 单于) is read as a whole.
    if len(name) > 8 or any(name[i:j] in PHRASES_DICT
                            for i in range(len(name)) for j in range(i + 2, len(name) + 1)):
        return _whole(name)
    return [syllable for char in name for syllable in _char_syllables(char)]


def _whole(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: list(s))


@functools.lru_cache(maxsize=65536)
def _char_syllables(char: str) -> tuple[str, ...]:
    return tuple(_whole(char))


@dataclass(frozen=True)
class HousingRule:
    """悬空老人: an elder (``elder_age`` or older) living above ``floor_threshold`` without a
    lift, or unable to use the stairs."""

    floor_threshold: int = 2
    elder_age: int = 60

    def is_stranded(self, floor: int | None, has_lift: bool, cannot_use_stairs: bool,
                    age: int | None = None) -> bool:
        if age is not None and age < self.elder_age:
            return False
        if cannot_use_stairs:
            return True
        return floor is not None and floor > self.floor_threshold and not has_lift

    def sql(self, today: date, table: str = "") -> tuple[str, list[object]]:
        """:meth:`is_stranded` as an SQL condition on ``residents`` columns, with parameters.

        As in Python, a missing birth date does not make someone "too young": a resident
        marked as unable to use the stairs whose birth date was never entered still counts."""
        t = f"{table}." if table else ""
        return (f"(({t}birth_date IS NULL OR {t}birth_date <= ?) AND ({t}cannot_use_stairs = 1 "
                f"OR ({t}floor > ? AND {t}has_lift = 0)))",
                [self.elder_birth_cutoff(today), self.floor_threshold])

    def elder_birth_cutoff(self, today: date) -> str:
        """ISO date: people born on or before it count as elders today."""
        return years_before(today, self.elder_age)


@dataclass(frozen=True)
class Cohorts:
    """80后帮90后: helpers born in a year range, residents of at least an age. Both are settings."""

    helper_birth_from: int = 1980
    helper_birth_to: int = 1989
    resident_min_age: int = 90

    def is_helper_birth(self, birth: date | str | None) -> bool:
        """Born in the helper years: the text starts with a four-digit year in the range.
        :meth:`helper_birth_sql` is the same test in SQL (tests/test_helper_rule.py)."""
        if not birth:
            return False
        if isinstance(birth, date):
            return self.helper_birth_from <= birth.year <= self.helper_birth_to
        year = str(birth)[:4]
        if len(year) < 4 or not (year.isascii() and year.isdigit()):
            return False
        return self.helper_birth_from <= int(year) <= self.helper_birth_to

    def helper_birth_sql(self, column: str = "birth_date") -> tuple[str, list[str]]:
        """:meth:`is_helper_birth` over a text ``column``, with its parameters. A range on the
        column itself, so an index on birth dates answers it; the GLOB keeps out text that
        does not start with a year (it would sort inside the range, e.g. '19:0')."""
        return (f"({column} >= ? AND {column} < ? AND {column} GLOB '[0-9][0-9][0-9][0-9]*')",
                [f"{self.helper_birth_from:04d}", f"{self.helper_birth_to + 1:04d}"])

    def is_senior(self, birth: date | str | None, today: date) -> bool:
        age = age_on(birth, today)
        return age is not None and age >= self.resident_min_age

    def senior_birth_cutoff(self, today: date) -> str:
        """ISO date: residents born on or before it are old enough today."""
        return years_before(today, self.resident_min_age)

    def sql(self, today: date, table: str = "") -> tuple[str, list[object]]:
        """:meth:`is_senior` as an SQL condition; an unknown birth date is not 90+."""
        return born_by_sql(table, years_before(today, self.resident_min_age))


def born_by_sql(table: str, cutoff: str) -> tuple[str, list[object]]:
    """Born on or before ``cutoff`` (ISO), with a known birth date: the SQL of ``age >= n``.

    ``> ''`` leaves out an empty birth date, as :func:`age_on` does, and keeps the
    condition a range that an index on ``birth_date`` answers."""
    t = f"{table}." if table else ""
    return f"({t}birth_date > '' AND {t}birth_date <= ?)", [cutoff]


def years_before(today: date, years: int) -> str:
    try:
        cutoff = today.replace(year=today.year - years)
    except ValueError:  # 29 February in a non-leap target year
        cutoff = today.replace(year=today.year - years, day=28)
    return cutoff.isoformat()
