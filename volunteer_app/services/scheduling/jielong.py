"""Names from a WeChat 接龙 matched to volunteers, and the chosen ones put on a shift.

People sign up under the name their group knows them by, typed on a phone: a homophone
(张山 for 张珊), a character off, or a name two volunteers share. A name is looked for among
the team's current members, then among every active volunteer:

1. exactly (sure when one person in that pool has the name);
2. by full pinyin without tones (sure when one person has it: a homophone is the commonest
   slip of a phone's input method, so a member who sounds the same comes before another
   volunteer written the same);
3. by close spelling: one character off, one letter off in pinyin, or the volunteer's name
   inside what was written ("明春苑张三"), members first — never sure, the window asks.

``volunteer_id`` is set only when the match is sure; ``candidates`` always lists whom the
window should offer, best first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...domain.people import pinyin_keys
from ..permissions import Permission
from ..session import Session
from . import assigning
from .schedule_facts import HardConflict, ScheduleError, SoftConflict

MAX_CANDIDATES = 5


@dataclass(frozen=True)
class NameMatch:
    name: str
    volunteer_id: int | None            # set only when sure
    how: str                            # "exact" | "pinyin" | "close" | "none"
    candidates: list[tuple[int, str]]   # (volunteer id, name), best first

    @property
    def sure(self) -> bool:
        return self.volunteer_id is not None

    @property
    def reason(self) -> str:
        """In words, for the window: why this person, or why it asks."""
        if self.how == "none":
            return "没有找到这个名字的志愿者"
        if self.sure:
            return {"exact": "姓名相同", "pinyin": "读音相同（同音字）"}[self.how]
        if self.how == "close":
            return "只找到相近的名字，请确认"
        return f"有{len(self.candidates)}位志愿者{'同名' if self.how == 'exact' else '读音相同'}，请选择"


@dataclass(frozen=True)
class _Person:
    id: int
    name: str
    pinyin: str
    member: bool


def match_names(session: Session, team_id: int, names: Iterable[str]) -> list[NameMatch]:
    session.require(Permission.SCHEDULE, team_id)
    ledger = _Ledger(_people(session, team_id))
    return [_match(name.strip(), ledger) for name in names if name.strip()]


def _people(session: Session, team_id: int) -> list[_Person]:
    """Active volunteers, the team's current members first."""
    rows = session.db.execute(
        "SELECT v.id, v.name, v.name_pinyin, m.id IS NOT NULL AS member FROM volunteers v "
        "LEFT JOIN team_members m ON m.volunteer_id = v.id AND m.team_id = ? AND m.left_on IS NULL "
        "WHERE v.status = '在册' AND v.archived_at IS NULL ORDER BY member DESC, v.name_pinyin, v.id",
        [team_id]).fetchall()
    return [_Person(r[0], r[1], r[2] or pinyin_keys(r[1])[1], bool(r[3])) for r in rows]


class _Ledger:
    """The volunteers indexed by name, by pinyin, by each character and by pinyin with one
    letter left out, so that a thread of 30 names against 10,000 volunteers compares each
    name with a handful of people instead of all of them."""

    def __init__(self, people: list[_Person]):
        self.by_name: dict[str, list[_Person]] = defaultdict(list)
        self.by_pinyin: dict[str, list[_Person]] = defaultdict(list)
        self.by_char: dict[str, list[_Person]] = defaultdict(list)
        self.by_near_pinyin: dict[str, list[_Person]] = defaultdict(list)
        for person in people:                     # members first, so every list is too
            self.by_name[person.name].append(person)
            self.by_pinyin[person.pinyin].append(person)
            for ch in set(person.name):
                self.by_char[ch].append(person)
            for key in _one_out(person.pinyin):
                self.by_near_pinyin[key].append(person)

    def near(self, name: str, spelled: str) -> dict[int, _Person]:
        """Everyone who could be close: sharing a character, or a pinyin one letter apart
        (any two strings one edit apart have a common string with at most one letter out)."""
        found: dict[int, _Person] = {}
        for ch in set(name):
            found.update((p.id, p) for p in self.by_char.get(ch, ()))
        for key in _one_out(spelled):
            found.update((p.id, p) for p in self.by_near_pinyin.get(key, ()))
        return found


def _one_out(text: str) -> set[str]:
    return {text, *(text[:i] + text[i + 1:] for i in range(len(text)))} if text else set()


def _match(name: str, ledger: _Ledger) -> NameMatch:
    spelled = pinyin_keys(name)[1]
    # A member with the same sound comes before another volunteer with the same characters:
    # the thread is the team's own group.
    for members_only in (True, False):
        for how, found in (("exact", ledger.by_name.get(name, [])),
                           ("pinyin", ledger.by_pinyin.get(spelled, []) if spelled else [])):
            if members_only:
                found = [p for p in found if p.member]
            if len(found) == 1:
                return NameMatch(name, found[0].id, how, [(found[0].id, found[0].name)])
            if found:
                return NameMatch(name, None, how, [(p.id, p.name) for p in found][:MAX_CANDIDATES])
    close = _close(name, spelled, ledger.near(name, spelled).values())
    if close:
        return NameMatch(name, None, "close", [(p.id, p.name) for p in close])
    return NameMatch(name, None, "none", [])


def _close(name: str, spelled: str, people: Iterable[_Person]) -> list[_Person]:
    scored = []
    for person in people:
        score = _closeness(name, spelled, person)
        if score is not None:
            scored.append((not person.member, score, person.pinyin, person.id, person))
    scored.sort(key=lambda item: item[:4])
    return [item[-1] for item in scored[:MAX_CANDIDATES]]


def _closeness(name: str, spelled: str, person: _Person) -> int | None:
    """Smaller is closer; None when not close at all."""
    if len(person.name) >= 2 and person.name in name:
        return 0                                     # 明春苑张三, 张三爸爸
    if len(name) >= 2 and _one_edit(name, person.name):
        return 1                                     # 张三丰 / 张山丰, 王小明 / 王晓明 (not homophones)
    if len(spelled) >= 4 and _one_edit(spelled, person.pinyin):
        return 2                                     # zhangsan / zhangshan: a flat-tongue slip
    return None


def _one_edit(a: str, b: str) -> bool:
    """At most one character added, left out or changed (Levenshtein distance ≤ 1), in one pass."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


# -- assigning the chosen people ------------------------------------------------------------

@dataclass(frozen=True)
class AssignResult:
    name: str                      # as written in the thread
    volunteer_id: int
    status: str                    # "assigned" | "warning" | "blocked" | "error"
    assignment_id: int | None = None
    reasons: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        what = {"assigned": "已安排", "warning": "需要确认", "blocked": "不能安排", "error": "未安排"}
        return what[self.status] + ("：" + "；".join(self.reasons) if self.reasons else "")


def assign_names(session: Session, shift_id: int, chosen: Sequence[tuple[str, int]],
                 accept_warnings: bool = False) -> list[AssignResult]:
    """Put each chosen (written name, volunteer id) on the shift through assigning.assign.

    Each person stands alone: one blocked by a conflict leaves the others assigned. Those with
    warnings only come back as "warning" unless ``accept_warnings``; the window shows the
    reasons and calls again for the ones the captain accepts.
    """
    results = []
    for name, volunteer_id in chosen:
        results.append(_assign_one(session, shift_id, name, volunteer_id, accept_warnings))
    return results


def _assign_one(session: Session, shift_id: int, name: str, volunteer_id: int,
                accept_warnings: bool) -> AssignResult:
    base: dict[str, Any] = {"name": name, "volunteer_id": volunteer_id}
    try:
        assignment_id = assigning.assign(session, shift_id, volunteer_id, accept_warnings=accept_warnings)
    except HardConflict as error:
        return AssignResult(**base, status="blocked", reasons=error.reasons)
    except SoftConflict as error:
        return AssignResult(**base, status="warning", reasons=error.reasons)
    except ScheduleError as error:
        return AssignResult(**base, status="error", reasons=[str(error)])
    return AssignResult(**base, status="assigned", assignment_id=assignment_id)
