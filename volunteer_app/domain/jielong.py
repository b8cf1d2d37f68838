"""WeChat 接龙: the names in a sign-up thread a captain copies out of a group chat.

A thread looks like this (WeChat's own 接龙 tool, or one typed by hand)::

    #接龙
    周六铲冰 8:00集合

    例 张三 带铁锹

    1. 张三
    2. 李四 🙋
    3、王五（带铁锹）
    ④ 夕阳红-赵六 +1

Lines before the first numbered line are the title and the description; "例" lines are the
example WeChat puts in. Each numbered line is one person (or two: "5. 钱七、孙八"), written
however they like: emoji, notes in brackets, "+1", "带孩子", a group nickname such as
"夕阳红-张三" or "3号楼张三". The parser keeps the name and moves the rest to the entry's
note. Matching names to volunteers is services/scheduling/jielong.py's job.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"

# "1." "1、" "1 " "1）" "(1)" "①". A point straight before a digit is a decimal ("1.5小时" in
# a description is no entry) unless a building follows ("5.3号楼张三" is entry 5).
_POINT = r"[.．](?:(?!\d)|(?=\d+\s*(?:号楼|号院|栋|幢|单元|[-－—]\d)))"
_NUMBERED = re.compile(
    rf"^(?:[(（]\s*(\d{{1,3}})\s*[)）]|(\d{{1,3}})\s*(?:{_POINT}|[。、,，)）])|(\d{{1,3}})(?=\s)"
    rf"|([{CIRCLED}]))\s*(.*)$")
# The same numbers inside a line, after a space: a thread flattened into one line by the app
# it was copied through ("#接龙 周六铲冰 1. 张三 2. 李四").
_INLINE_NUMBER = re.compile(rf"(?:^|(?<=\s))(?:(\d{{1,3}})\s*(?:{_POINT}|[、)）])|([{CIRCLED}]))")
_TAG = re.compile(r"^(?:[#＃]\s*接龙|【接龙】|接龙(?=[:：]))\s*[:：]?\s*")
_EXAMPLE = re.compile(r"^例(?:如|子)?(?:\s|[:：.．、]|$)")
_BRACKETS = re.compile(r"（[^）]*）?|\([^)]*\)?|【[^】]*】?|\[[^\]]*\]?|〔[^〕]*〕|「[^」]*」|《[^》]*》")
_PLUS = re.compile(r"[+＋]\s*[0-9一二两三四五]+\s*人?|加\s*[1-9一二两三]\s*人?")
# Where someone lives, written before or after the name: 3号楼, 12栋, 2单元, 3-2-501, 501室.
_HOME = re.compile(r"\d+\s*(?:号楼|号院|栋|幢|单元|号|室|楼)|\d+(?:[-－—]\d+)+|\d+")
# Who else comes, written after the name without a space: 张三带孩子, 李四和家属, 王五一家.
_COMPANY = re.compile(
    r"(?:[和及与跟、+＋]?(?:家属|爱人|老伴|孩子|小孩|儿子|女儿|孙子|孙女|外孙|老公|媳妇)\S*"
    r"|[带携]\S+|全家\S*|一家\S*|夫妇|夫妻|两口子?|\d+人)$")
# Parts of a group nickname: "夕阳红-张三", "明春苑|3-502|张三". The middle dot stays: it is
# part of names such as 阿依古丽·买买提.
_NICK_SEPARATORS = re.compile(r"[-－—–_＿|｜/／~～•]+")
_TWO_PEOPLE = re.compile(r"[、，,；;]|\s*[&＆]\s*")


@dataclass(frozen=True)
class JielongEntry:
    """One person in the thread: the number and line as written, the name read from it and
    what was written beside the name (brackets, "+1", "带孩子", the home address)."""

    number: int | None
    line: str
    name: str
    note: str = ""


@dataclass(frozen=True)
class JielongThread:
    title: str
    names: list[str]                                  # each person once, in thread order
    entries: list[JielongEntry] = field(default_factory=list)
    description: str = ""                             # header lines after the title


def parse_jielong(text: str) -> JielongThread:
    lines = [part.strip(" \t\u3000\u00a0\u200b\ufeff")
             for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
             for part in _unflatten(line)]
    numbered = [(i, m) for i, line in enumerate(lines) if (m := _NUMBERED.match(line))]
    header = _header_lines(lines[:numbered[0][0]] if numbered else lines)
    entries: list[JielongEntry] = []
    if numbered:
        for i, match in numbered:
            entries += _entries(_number(match), lines[i], match.group(5))
    else:
        # Typed by hand without numbers: the title, then one name a line.
        people = [line for line in header[1:] if _one_person(line)]
        for line in people:
            entries += _entries(None, line, line)
        header = [line for line in header if line not in people]
    names: list[str] = []
    for entry in entries:
        if entry.name not in names:
            names.append(entry.name)
    return JielongThread(title=header[0] if header else "", names=names, entries=entries,
                         description="\n".join(header[1:]))


def clean_name(written: str) -> tuple[str, str]:
    """(name, note) from what one person wrote: "夕阳红-张三🌸（带铁锹）+1" → ("张三", "夕阳红 带铁锹 +1")."""
    notes: list[str] = []
    text = _strip_symbols(written)
    for pattern in (_BRACKETS, _PLUS):
        notes += [m.group(0).strip("（）()【】[]〔〕「」《》 ") for m in pattern.finditer(text)]
        text = pattern.sub(" ", text)
    words = text.split()
    name = ""
    while words and not name:
        name = _name_in_word(words.pop(0), notes)
    notes += words
    return name, " ".join(n for n in notes if n)


def _unflatten(line: str) -> list[str]:
    """A line split before each number of its longest run 1, 2, 3 … (at least two long)."""
    marks = [(m.start(), int(m.group(1)) if m.group(1) else CIRCLED.index(m.group(2)) + 1)
             for m in _INLINE_NUMBER.finditer(line)]
    best: list[tuple[int, int]] = []
    for i, first in enumerate(marks):
        run = [first]
        for mark in marks[i + 1:]:
            if mark[1] == run[-1][1] + 1:
                run.append(mark)
        if len(run) > len(best):
            best = run
    if len(best) < 2:
        return [line]
    cuts = [0, *(at for at, _ in best if at > 0), len(line)]
    return [line[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if line[a:b].strip()]


def _entries(number: int | None, line: str, written: str) -> list[JielongEntry]:
    """Usually one entry; two when a couple signs on one line ("钱七、孙八")."""
    parts = [clean_name(p) for p in _TWO_PEOPLE.split(_BRACKETS.sub("", written)) if p.strip()]
    if len(parts) > 1 and all(_plain_name(name) for name, _ in parts):
        return [JielongEntry(number, line, name, note) for name, note in parts]
    name, note = clean_name(written)
    return [JielongEntry(number, line, name, note)] if name else []


def _name_in_word(word: str, notes: list[str]) -> str:
    # A group nickname puts the name last ("夕阳红-张三", "明春苑-3-502-张三"); a part that is
    # only a home address ("张三-3号楼") is a note.
    names = [rest for part in _NICK_SEPARATORS.split(word) if (rest := _HOME.sub("", part).strip())]
    if not names:
        return ""
    name = names[-1]
    company = _COMPANY.search(name)
    if company and company.start() >= 2:    # 李带娣 keeps her 带
        name = name[:company.start()]
    at = word.rindex(name)
    notes.append(f"{word[:at]} {word[at + len(name):]}".strip(" -－—–_＿|｜/／~～•"))
    return name


def _number(match: re.Match[str]) -> int:
    digits = match.group(1) or match.group(2) or match.group(3)
    return int(digits) if digits else CIRCLED.index(match.group(4)) + 1


def _header_lines(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        tag = _TAG.match(line)
        if tag:
            line = line[tag.end():].strip()
        if line and not _EXAMPLE.match(line):
            out.append(line)
    return out


def _one_person(line: str) -> bool:
    """An unnumbered line that is one name, give or take emoji and a bracketed note."""
    words = _PLUS.sub(" ", _BRACKETS.sub(" ", _strip_symbols(line))).split()
    return len(words) == 1 and _plain_name(clean_name(line)[0])


def _plain_name(name: str) -> bool:
    return 2 <= len(name) <= 5 and all(_is_han(ch) or ch == "·" for ch in name)


def _strip_symbols(text: str) -> str:
    """Emoji, skin tones, joiners and variation selectors become spaces."""
    return "".join(" " if unicodedata.category(ch) in ("So", "Sk", "Cf", "Co", "Cs")
                   or ch in "\ufe0f\ufe0e\u20e3" else ch for ch in text)


def _is_han(ch: str) -> bool:
    return ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
            or "\U00020000" <= ch <= "\U0003134f")
