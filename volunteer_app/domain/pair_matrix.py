"""The matcher's matrices: every (resident, helper) pair's score and its integer edge weight.

No Qt, no SQL. Widened, the matrix has 10 million cells; each part of the score is a full
pass over it, so the parts are computed a block of rows at a time (about 64k cells, in the
processor's cache) and each block goes straight on to its edge weights. A block's cells are
computed exactly as they were a whole matrix at a time: the same floats, the same weights.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from .matching import ERRANDS, HOSPITAL, STAIRS, TALK, Helper, Senior, Weights, priority
from .matching import _slot_bits as slot_bits

BLOCK_CELLS = 1 << 16


@dataclass(frozen=True)
class Sides:
    """What a score reads of each helper (a row of m) and each resident (a column of n)."""

    h_place: np.ndarray
    s_place: np.ndarray
    h_bld: np.ndarray
    s_bld: np.ndarray
    h_com: np.ndarray
    s_com: np.ndarray
    h_slots: np.ndarray
    s_slots: np.ndarray
    able: np.ndarray
    stairs: np.ndarray
    carer: np.ndarray
    hospital: np.ndarray
    errands: np.ndarray
    talker: np.ndarray
    talk: np.ndarray
    priority: np.ndarray


def sides(helpers: Sequence[Helper], seniors: Sequence[Senior], w: Weights, min_age: int) -> Sides:
    n, m = len(seniors), len(helpers)

    def col(values, dtype=np.int64):
        return np.array(values, dtype=dtype).reshape(1, m)

    def row(values, dtype=np.int64):
        return np.array(values, dtype=dtype).reshape(n, 1)

    codes: dict[object, int] = {None: -1}
    code = lambda v: codes.setdefault(v, len(codes))  # noqa: E731
    return Sides(
        col([code(("p", h.place_id)) if h.place_id is not None else -1 for h in helpers]),
        row([code(("p", s.place_id)) if s.place_id is not None else -2 for s in seniors]),
        col([code(("b", h.place_id, h.building)) if h.building else -3 for h in helpers]),
        row([code(("b", s.place_id, s.building)) if s.building else -4 for s in seniors]),
        col([code(("c", h.community_id)) if h.community_id is not None else -5 for h in helpers]),
        row([code(("c", s.community_id)) if s.community_id is not None else -6 for s in seniors]),
        col([slot_bits(h.slots) for h in helpers]), row([slot_bits(s.slots) for s in seniors]),
        col([not h.health_limit for h in helpers], bool), row([STAIRS in s.needs for s in seniors], bool),
        col([bool({"驾驶", "医护"} & h.skills) for h in helpers], bool),
        row([HOSPITAL in s.needs for s in seniors], bool),
        row([bool(ERRANDS & s.needs) for s in seniors], bool),
        col(["心理疏导" in h.skills for h in helpers], bool), row([TALK in s.needs for s in seniors], bool),
        row([priority(s, w, min_age).points for s in seniors], float))


def scores(x: Sides, w: Weights, rows: slice = slice(None)) -> np.ndarray:
    """The scores of the residents ``rows`` with every helper, as matching.pair_score."""
    same_place = x.h_place == x.s_place[rows]
    result = np.where(same_place & (x.h_bld == x.s_bld[rows]), w.same_building,
                      np.where(same_place, w.same_place,
                               np.where(x.h_com == x.s_com[rows], w.same_community, 0.0)))
    shared = np.bitwise_count(x.h_slots & x.s_slots[rows])
    result += w.time_per_slot * np.minimum(shared, w.time_slots_counted)
    result += w.stairs * (x.stairs[rows] & x.able)
    result += w.hospital * (x.hospital[rows] & x.carer)
    result += w.errands * (x.errands[rows] & same_place)
    result += w.talk * (x.talk[rows] & x.talker)
    result += x.priority[rows]
    return result


def blocks(n: int, m: int) -> Iterator[slice]:
    """Slices of n rows of m cells, about BLOCK_CELLS cells each."""
    step = max(1, BLOCK_CELLS // max(m, 1))
    for start in range(0, n, step):
        yield slice(start, start + step)


def allowed(helpers: Sequence[Helper], seniors: Sequence[Senior], widen: bool,
            forbidden: frozenset[tuple[int, int]]) -> np.ndarray:
    """matching.allowed for every pair at once."""
    n, m = len(seniors), len(helpers)
    ok = np.ones((n, m), dtype=bool)
    if not widen:   # community ids as small integers: comparing objects cell by cell is slow
        codes: dict[int | None, int] = {}
        h_com = [codes.setdefault(h.community_id, len(codes)) for h in helpers]
        s_com = [codes.setdefault(s.community_id, len(codes)) for s in seniors]
        ok &= np.array(h_com).reshape(1, m) == np.array(s_com).reshape(n, 1)
    h_gender = np.array([h.gender or "" for h in helpers])
    wanting: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(seniors):
        if s.gender_preference:
            wanting[s.gender_preference].append(i)
    for gender, rows in wanting.items():
        ok[rows] &= h_gender == gender
    if forbidden:
        h_index = {h.id: j for j, h in enumerate(helpers)}
        s_index = {s.id: i for i, s in enumerate(seniors)}
        for h_id, s_id in forbidden:
            if h_id in h_index and s_id in s_index:
                ok[s_index[s_id], h_index[h_id]] = False
    return ok


def edge_weights(helpers: Sequence[Helper], seniors: Sequence[Senior], w: Weights, min_age: int,
                 ok: np.ndarray) -> np.ndarray:
    """Integer weights whose maximum is lexicographic: 悬空老人 matched, then score, then
    the number of pairs. 0 means "no pair" (``ok`` false)."""
    n, m = len(seniors), len(helpers)
    x = sides(helpers, seniors, w, min_age)
    edge = np.empty((n, m), dtype=np.int64)
    for rows in blocks(n, m):
        tenths = np.rint(scores(x, w, rows) * 10)
        np.maximum(tenths, 0, out=tenths)
        part = tenths.astype(np.int64)
        part *= n + 1
        part += 1
        part *= ok[rows]
        edge[rows] = part
    bonus = int(edge.max(axis=1, initial=0).sum()) + 1
    stranded = np.array([s.stranded for s in seniors], dtype=bool).reshape(n, 1)
    for rows in blocks(n, m):
        edge[rows] += (stranded[rows] & ok[rows]) * bonus
    return edge
