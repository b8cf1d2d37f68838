"""A name's pinyin keys as :func:`.people.pinyin_keys` gives them, without loading pypinyin.

pypinyin loads its 47,000 phrases (~0.35 s) before it reads any name, and an import of a
small ledger spent most of its time there. A phrase changes a name's pinyin only when its
reading differs from its characters' own readings (长乐: chang le, where 长 alone is zhang):
pinyin_readings.txt keeps every character's reading and just those 3,437 phrases, generated
from pypinyin by build_scripts/pinyin_readings.py. A name made only of those characters and
holding none of those phrases is read character by character, which is exactly what
pypinyin's segmentation gives it (each segment is a phrase read as its characters, or read
character by character); any other name (a listed phrase, a letter, a middle dot, a rare
character) goes to pypinyin itself.

The table names the pypinyin version it was made from; with any other version installed
(an upgrade on a fresh machine) it is not used and every name goes to pypinyin, slower but
never different. Run the build script again after an upgrade to have the speed back.
"""

from __future__ import annotations

import functools
import re
from importlib import metadata, resources

from .people import pinyin_keys

READINGS_FILE = resources.files(__package__).joinpath("pinyin_readings.txt")


@functools.cache
def _table() -> tuple[dict[str, str], frozenset[str], int]:
    readings: dict[str, str] = {}
    phrases = []
    for line in READINGS_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("="):
            phrases.append(line[1:])
        elif line and not line.startswith("#"):
            reading, chars = line.split("\t")
            readings.update(dict.fromkeys(chars, reading))
    return readings, frozenset(phrases), max(map(len, phrases), default=0)


@functools.cache
def table_is_current() -> bool:
    """Whether the table was made from the installed pypinyin (its first line names it)."""
    with READINGS_FILE.open(encoding="utf-8") as lines:
        made_from = re.match(r"# pypinyin (\S+):", lines.readline())
    try:
        return made_from is not None and made_from.group(1) == metadata.version("pypinyin")
    except metadata.PackageNotFoundError:
        return False


def load() -> None:
    """Read the table now (~10 ms), e.g. in a thread while a file is being read."""
    _table()


def name_pinyin_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) in lower case, the same as :func:`.people.pinyin_keys`."""
    if not table_is_current():
        return pinyin_keys(name)
    readings, phrases, longest = _table()
    try:
        syllables = [readings[char] for char in name]
    except KeyError:
        return pinyin_keys(name)
    size = len(name)
    for start in range(size - 1):
        for end in range(start + 2, min(size, start + longest) + 1):
            if name[start:end] in phrases:
                return pinyin_keys(name)
    syllables = [s.lower() for s in syllables]
    return "".join(s[0] for s in syllables), "".join(syllables)
