"""80后帮90后 matching: who may be paired, how well a pair fits, and the optimal set of pairs.

No Qt, no SQL. The score of a pair is a sum of named parts (nearness, shared free times,
skills against needs, the resident's priority) so that every proposal can say in words why
it was made. The chosen set is optimal in a lexicographic sense: first the number of matched
悬空老人 is as high as possible, then the total score, under each helper's capacity. It is
solved exactly per community (or once for all, when the user widens the range) as an
assignment problem (domain/assignment.py: a sparse solve proved optimal on every pair).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .availability import PART_NAMES, PARTS, WEEKDAYS
from .people import Cohorts, age_on

if TYPE_CHECKING:
    # numpy is imported where a match is scored, not when the 80后帮90后 page (which lists
    # pairs through this module) opens: 0.1-0.2 s of the page's first block on the GUI thread
    import numpy as np

# needs a resident may have, as stored in residents.needs
ERRANDS = frozenset({"跑腿代办", "代购药品"})
HOSPITAL = "陪同就医"
STAIRS = "上下楼"
TALK = "聊天陪伴"


@dataclass(frozen=True)
class Weights:
    """Points of each part of a score; settings ``pairing.w_*`` with these defaults."""

    same_building: float = 30
    same_place: float = 20
    same_community: float = 10
    time_per_slot: float = 4        # per shared half-day, up to ``time_slots_counted``
    time_slots_counted: int = 4
    stairs: float = 15              # a physically able helper for someone who needs 上下楼
    hospital: float = 12            # a driver or a health worker for 陪同就医
    errands: float = 6              # errands and medicine for a helper living close
    talk: float = 5                 # 聊天陪伴 with someone trained in 心理疏导
    stranded: float = 40            # priority: 悬空老人
    lives_alone: float = 15
    no_family: float = 10
    per_year_over_age: float = 1    # per year over the minimum age, up to 10 years


@dataclass(frozen=True)
class Helper:
    id: int
    name: str
    gender: str | None
    community_id: int | None
    place_id: int | None
    building: str
    slots: frozenset[tuple[int, str]]
    skills: frozenset[str]
    health_limit: bool
    capacity: int                   # places left: helper_capacity minus active pairs


@dataclass(frozen=True)
class Senior:
    id: int
    name: str
    gender: str | None
    community_id: int | None
    place_id: int | None
    building: str
    slots: frozenset[tuple[int, str]]
    needs: frozenset[str]
    gender_preference: str | None
    stranded: bool
    lives_alone: bool
    family_nearby: bool
    age: int


@dataclass(frozen=True)
class ScorePart:
    key: str                 # nearness, time, needs, priority
    label: str
    points: float
    words: tuple[str, ...]   # reasons in words; empty when the part gives no points


@dataclass(frozen=True)
class Score:
    parts: tuple[ScorePart, ...]

    @property
    def total(self) -> float:
        return round(sum(p.points for p in self.parts), 1)

    @property
    def reasons(self) -> list[str]:
        return [word for part in self.parts for word in part.words]


@dataclass(frozen=True)
class Pair:
    helper_id: int
    resident_id: int
    score: Score
    stranded: bool


@dataclass(frozen=True)
class Unmatched:
    resident_id: int
    reason: str


@dataclass
class MatchResult:
    pairs: list[Pair] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)

    @property
    def total_score(self) -> float:
        return round(sum(p.score.total for p in self.pairs), 1)

    @property
    def stranded_matched(self) -> int:
        return sum(1 for p in self.pairs if p.stranded)


# -- eligibility ---------------------------------------------------------------------------
# Pairs are made inside a community; a resident whose community is unknown cannot be placed
# (not even when widened: nearness and the visits' cadence need to know where she lives).
ALL = "*"   # a helper of any gender, in the counts behind the reasons (see Reasons)
NO_COMMUNITY = "没有填写所属社区，无法就近结对：请在居民对话框里选择小区/院落（决定所属社区）后再匹配"


def is_senior(birth: str | date | None, consent: bool, consent_date: str | None, today: date,
              cohorts: Cohorts) -> bool:
    """A 90后 resident: old enough today and agreed to visits, with the date recorded."""
    return bool(consent and consent_date) and cohorts.is_senior(birth, today)


def senior_age(birth: str | date | None, today: date) -> int:
    return age_on(birth, today) or 0


# -- hard rules ----------------------------------------------------------------------------
def allowed(helper: Helper, senior: Senior, *, widen: bool = False,
            forbidden: frozenset[tuple[int, int]] = frozenset()) -> bool:
    """Hard rules besides capacity: both in a community, the same one unless widened, the
    resident's gender preference, never a pair marked not to be repeated."""
    if helper.community_id is None or senior.community_id is None:
        return False
    if not widen and helper.community_id != senior.community_id:
        return False
    if senior.gender_preference and helper.gender != senior.gender_preference:
        return False
    return (helper.id, senior.id) not in forbidden


# -- the score -----------------------------------------------------------------------------
# a half-day's place in the week: sorting a pair's shared times by it is most of a reason's cost
_WEEK_ORDER = {(d, p): (d - 1) * len(PARTS) + i for d in range(1, 8) for i, p in enumerate(PARTS)}


def _slot_words(slots: Iterable[tuple[int, str]]) -> str:
    ordered = sorted(slots, key=_WEEK_ORDER.__getitem__)
    shown = "、".join(f"{WEEKDAYS[d - 1]}{PART_NAMES[p]}" for d, p in ordered[:2])
    return shown + ("等" if len(ordered) > 2 else "")


def nearness(helper: Helper, senior: Senior, w: Weights) -> ScorePart:
    if helper.place_id is not None and helper.place_id == senior.place_id:
        if helper.building and helper.building == senior.building:
            return ScorePart("nearness", "住得近", w.same_building, ("同一楼栋",))
        return ScorePart("nearness", "住得近", w.same_place, ("同一小区（院落）",))
    if helper.community_id is not None and helper.community_id == senior.community_id:
        return ScorePart("nearness", "住得近", w.same_community, ("同一社区",))
    return ScorePart("nearness", "住得近", 0, ())


def shared_time(helper: Helper, senior: Senior, w: Weights) -> ScorePart:
    common = helper.slots & senior.slots
    points = w.time_per_slot * min(len(common), w.time_slots_counted)
    words = (f"{_slot_words(common)}都有空",) if common and points else ()
    return ScorePart("time", "时间合得来", points, words)


def needs_met(helper: Helper, senior: Senior, w: Weights) -> ScorePart:
    points, words = 0.0, []
    if STAIRS in senior.needs and not helper.health_limit and w.stairs:
        points += w.stairs
        words.append("身体条件好，可帮老人上下楼")
    if HOSPITAL in senior.needs and w.hospital and ({"驾驶", "医护"} & helper.skills):
        points += w.hospital
        words.append("会开车，可陪同就医" if "驾驶" in helper.skills else "懂医护，可陪同就医")
    near = helper.place_id is not None and helper.place_id == senior.place_id
    if ERRANDS & senior.needs and near and w.errands:
        points += w.errands
        words.append("住得近，跑腿代办方便")
    if TALK in senior.needs and "心理疏导" in helper.skills and w.talk:
        points += w.talk
        words.append("擅长心理疏导，可聊天陪伴")
    return ScorePart("needs", "能帮上忙", points, tuple(words))


def priority(senior: Senior, w: Weights, min_age: int) -> ScorePart:
    points, words = 0.0, []
    if senior.stranded and w.stranded:
        points += w.stranded
        words.append("悬空老人，优先结对")
    if senior.lives_alone and w.lives_alone:
        points += w.lives_alone
        words.append("独居")
    if not senior.family_nearby and w.no_family:
        points += w.no_family
        words.append("子女不在身边")
    years = min(max(senior.age - min_age, 0), 10)
    if years and w.per_year_over_age:
        points += w.per_year_over_age * years
        words.append(f"{senior.age}岁高龄")
    return ScorePart("priority", "老人优先程度", points, tuple(words))


def pair_score(helper: Helper, senior: Senior, w: Weights, min_age: int = 90) -> Score:
    return Score((nearness(helper, senior, w), shared_time(helper, senior, w),
                  needs_met(helper, senior, w), priority(senior, w, min_age)))


# -- the optimal set -----------------------------------------------------------------------
def _scaled(score: float) -> int:
    return int(round(score * 10))


def _components(helpers: Sequence[Helper], seniors: Sequence[Senior], widen: bool):
    if widen:
        yield list(helpers), list(seniors)
        return
    by_h: dict[int | None, list[Helper]] = defaultdict(list)
    by_s: dict[int | None, list[Senior]] = defaultdict(list)
    for h in helpers:
        by_h[h.community_id].append(h)
    for s in seniors:
        by_s[s.community_id].append(s)
    for key, group in by_s.items():
        yield by_h.get(key, []), group


def _slot_bits(slots: frozenset[tuple[int, str]]) -> int:
    return sum(1 << ((d - 1) * 3 + PARTS.index(p)) for d, p in slots)


def score_matrix(helpers: Sequence[Helper], seniors: Sequence[Senior], w: Weights,
                 min_age: int) -> np.ndarray:
    """Scores of every (senior, helper) as in :func:`pair_score`, computed with numpy."""
    from . import pair_matrix

    return pair_matrix.scores(pair_matrix.sides(helpers, seniors, w, min_age), w)


def optimal_match(helpers: Sequence[Helper], seniors: Sequence[Senior], w: Weights = Weights(),  # noqa: B008
                  *, min_age: int = 90, widen: bool = False,
                  forbidden: frozenset[tuple[int, int]] = frozenset()) -> MatchResult:
    """The best set of new pairs (see the module text); ``helpers`` carry their places left."""
    return _match(_best_edges, helpers, seniors, w, min_age, widen, forbidden)


def greedy_match(helpers: Sequence[Helper], seniors: Sequence[Senior], w: Weights = Weights(),  # noqa: B008
                 *, min_age: int = 90, widen: bool = False,
                 forbidden: frozenset[tuple[int, int]] = frozenset()) -> MatchResult:
    """The baseline for the bench: take the best remaining allowed edge until none is left."""
    return _match(_greedy_edges, helpers, seniors, w, min_age, widen, forbidden)


# Given a component's edge weights (seniors × helpers) and each helper's places, which helper
# each senior gets: {senior row: helper column}.
Choose = Callable[["np.ndarray", list[int]], dict[int, int]]


def _match(choose: Choose, helpers: Sequence[Helper], seniors: Sequence[Senior], w: Weights,
           min_age: int, widen: bool, forbidden: frozenset[tuple[int, int]]) -> MatchResult:
    """Pairs chosen by ``choose`` in each community (or in one group when widened)."""
    from . import pair_matrix  # it reads this module's types and rules

    result = MatchResult()
    placed = [s for s in seniors if s.community_id is not None]
    result.unmatched += [Unmatched(s.id, NO_COMMUNITY) for s in seniors if s.community_id is None]
    free = [h for h in helpers if h.capacity > 0 and h.community_id is not None]
    reasons = Reasons(helpers, widen, forbidden)
    for group_h, group_s in _components(free, placed, widen):
        chosen: dict[int, int] = {}
        if group_h:
            ok = pair_matrix.allowed(group_h, group_s, widen, forbidden)
            edge = pair_matrix.edge_weights(group_h, group_s, w, min_age, ok)
            chosen = choose(edge, [h.capacity for h in group_h])
        _collect(result, group_h, group_s, chosen, reasons, w, min_age)
    result.pairs.sort(key=lambda p: (not p.stranded, -p.score.total, p.resident_id))
    return result


def _best_edges(edge: np.ndarray, capacities: list[int]) -> dict[int, int]:
    """The assignment of largest total weight under the helpers' places."""
    # scipy is imported when a match is first solved, not when the 80后帮90后 page (which
    # lists pairs through this module) opens: it was most of the page's 0.45 s first block
    from . import assignment

    return assignment.best_assignment(edge, capacities)


def _greedy_edges(edge: np.ndarray, capacities: list[int]) -> dict[int, int]:
    """The heaviest allowed edge left, again and again, while the helper has places."""
    import numpy as np

    chosen: dict[int, int] = {}
    left = list(capacities)
    order = np.argsort(-edge, axis=None, kind="stable")
    flat = edge.ravel()
    m = len(capacities)
    for k in order:
        if flat[k] <= 0:
            break
        r, c = divmod(int(k), m)
        if r in chosen or not left[c]:
            continue
        chosen[r] = c
        left[c] -= 1
    return chosen


def _collect(result: MatchResult, group_h: Sequence[Helper], group_s: Sequence[Senior],
             chosen: dict[int, int], reasons: Reasons, w: Weights, min_age: int) -> None:
    for i, senior in enumerate(group_s):
        if i in chosen:
            helper = group_h[chosen[i]]
            result.pairs.append(Pair(helper.id, senior.id, pair_score(helper, senior, w, min_age),
                                     senior.stranded))
        else:
            result.unmatched.append(Unmatched(senior.id, reasons.why(senior)))


def why_unmatched(senior: Senior, helpers: Sequence[Helper], *, widen: bool = False,
                  forbidden: frozenset[tuple[int, int]] = frozenset()) -> str:
    """Why a resident got no helper, in words the staff can act on."""
    return Reasons(helpers, widen, forbidden).why(senior)


class Reasons:
    """:func:`why_unmatched` for many residents: the helpers counted once by community and
    gender, so a reason costs the resident's few forbidden pairs, not a scan of all helpers."""

    def __init__(self, helpers: Sequence[Helper], widen: bool,
                 forbidden: frozenset[tuple[int, int]]) -> None:
        self.widen = widen
        self.count: Counter[tuple[int | None, str | None]] = Counter()
        self.by_id: dict[int, list[Helper]] = defaultdict(list)
        for h in helpers:
            if h.community_id is not None:
                self.count[self._area(h.community_id), ALL] += 1
                self.count[self._area(h.community_id), h.gender] += 1
                self.by_id[h.id].append(h)
        self.banned: dict[int, list[int]] = defaultdict(list)
        for h_id, s_id in forbidden:
            self.banned[s_id].append(h_id)

    def _area(self, community_id: int | None) -> int | None:
        return None if self.widen else community_id

    def why(self, senior: Senior) -> str:
        if senior.community_id is None:
            return NO_COMMUNITY
        area, gender = self._area(senior.community_id), senior.gender_preference or ALL
        if not self.count[area, ALL]:
            return "附近没有可结对的80后帮手（本社区没有帮手），可允许跨社区结对或招募帮手"
        wanted = self.count[area, gender]
        if not wanted:
            return f"老人希望{senior.gender_preference}性帮手，附近的帮手中没有"
        fresh = wanted - sum(1 for h_id in self.banned.get(senior.id, ()) for h in self.by_id.get(h_id, ())
                             if self._area(h.community_id) == area and gender in (ALL, h.gender))
        if not fresh:
            return "附近合适的帮手都曾被标为不再与这位老人结对"
        return f"附近的{fresh}位帮手名额都已用满（已优先安排悬空老人和更合适的结对）"


# -- visits --------------------------------------------------------------------------------
def days_late(last_visit: date | None, started_on: date, every_days: int, today: date) -> int:
    """Days past the due date of the next visit (0 when not late); counted from the pairing's
    start when there has been no visit yet."""
    since = max(d for d in (last_visit, started_on) if d is not None)
    return max((today - since).days - every_days, 0)
