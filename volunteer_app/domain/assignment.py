"""The heaviest assignment of rows to columns with places, exactly, without the dense matrix.

A max-weight b-matching: each row (a resident) takes at most one column (a helper), each
column at most its capacity; weights are integers, positive where an edge exists (0: none).
The dense way, scipy's ``linear_sum_assignment`` on a matrix with a column per place, costs
time in the number of cells. Here each row keeps only its best few columns as candidate
edges and the sparse problem is solved (``min_weight_full_bipartite_matching``, with an
"unpaired" column per row). The answer is then PROVED optimal for the whole matrix with
prices: ``u_i >= 0`` per row and ``v_h >= 0`` per column such that every edge of the full
matrix has ``w_ih <= u_i + v_h`` and the matching weighs ``sum(u) + sum(capacity * v)``. By
weak duality no b-matching weighs more. A left-out edge that breaks the inequality (one of
positive reduced gain) is added and the sparse problem solved again, starting from the last
prices (a warm start: the solver keeps what still holds); should the prices not be found,
the dense solve decides. The proof is checked in integers, whatever the solvers
did in floating point.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_array
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

CANDIDATES = 20     # columns kept per row at first; the proof adds any others needed
SPREAD = 3          # columns drawn at random per row besides its best
PER_ROUND = 10      # left-out edges added per row and round: those of most reduced gain
BUDGET = 10         # ... or more, up to this many a row on average, when few rows break it
DENSE_CELLS = 250_000   # a matrix of at most this many places is solved dense: faster
MAX_ROUNDS = 16     # sparse solves before the dense solve decides


@dataclass(frozen=True)
class Edges:
    """Candidate edges as parallel arrays (row, column, weight), each pair once."""

    rows: np.ndarray
    cols: np.ndarray
    weights: np.ndarray


def best_assignment(edge: np.ndarray, capacities: Sequence[int],
                    candidates: int | None = None) -> dict[int, int]:
    """The b-matching of largest total weight: {row: column}. ``edge`` is rows × columns."""
    if edge.shape[0] * sum(capacities) <= DENSE_CELLS:
        return dense_assignment(edge, capacities)
    return solve(edge, capacities, candidates)[0]


def solve(edge: np.ndarray, capacities: Sequence[int],
          candidates: int | None = None) -> tuple[dict[int, int], str]:
    """:func:`best_assignment` and how it was found: "proved after N sparse solves", or
    "dense" when the proof failed and the dense solve decided (never seen; there to be safe)."""
    n, m = edge.shape
    cap = np.asarray(capacities, dtype=np.int64).reshape(m)
    edge = _nonnegative(edge, cap)
    if not n or not m or not edge.max(initial=0):
        return {}, "empty"
    cand = _edges(edge, *_best_columns(edge, candidates or CANDIDATES))
    known = np.zeros(edge.shape, dtype=bool)
    known[cand.rows, cand.cols] = True
    prices = None
    for rounds in range(1, MAX_ROUNDS + 1):
        chosen = _solve_sparse(cand, cap, n, prices)
        prices = _prices(cand, cap, chosen)
        if prices is None or not _dual_optimal(edge, cap, chosen, *prices):
            break                       # cannot happen with exact solvers; dense decides
        rows, cols = _left_out(edge, *prices)
        if not len(rows):               # proved: no edge of the full matrix does better
            return {int(i): int(h) for i, h in enumerate(chosen) if h >= 0}, f"proved after {rounds}"
        if known[rows, cols].any():
            break                       # a candidate edge breaks it: likewise
        known[rows, cols] = True
        cand = Edges(np.concatenate([cand.rows, rows]), np.concatenate([cand.cols, cols]),
                     np.concatenate([cand.weights, edge[rows, cols]]))
    return dense_assignment(edge, cap), "dense"


def _nonnegative(edge: np.ndarray, cap: np.ndarray) -> np.ndarray:
    """``edge`` as integers, 0 where negative or the column has no place: copied only when
    it must be (the widened matrix has 10 million cells)."""
    if edge.dtype == np.int64 and (cap > 0).all() and edge.min(initial=0) >= 0:
        return edge
    return np.where(cap > 0, np.maximum(edge, 0), 0).astype(np.int64)


def _row_blocks(n: int, m: int) -> Iterator[slice]:
    """Slices of n rows of m cells, about 64k cells each: a pass over the matrix a block at
    a time stays in the processor's cache (a whole-matrix step writes and reads back 80 MB
    when widened)."""
    step = max(1, (1 << 16) // max(m, 1))
    for start in range(0, n, step):
        yield slice(start, start + step)


def dense_assignment(edge: np.ndarray, capacities: Sequence[int]) -> dict[int, int]:
    """The same optimum the dense way: a column per place, ``linear_sum_assignment``."""
    slots = np.repeat(np.arange(len(capacities)), capacities)
    expanded = edge[:, slots].astype(np.float64)
    rows, cols = linear_sum_assignment(expanded, maximize=True)
    return {int(r): int(slots[c]) for r, c in zip(rows, cols, strict=True) if expanded[r, c] > 0}


def _best_columns(edge: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    n, m = edge.shape
    if k >= m:
        rows, cols = np.nonzero(edge)
        return rows, cols
    # Many helpers score alike for a resident. Ties broken at random, and a few columns
    # drawn at random besides, so that rows spread over them: otherwise the sparse graph
    # splits into crowded columns and idle ones, and the proof needs many more rounds.
    # (Seeded: the same input gives the same pairs.)
    rng = np.random.default_rng(0)
    spread = edge.max() < 1 << 52
    cols = np.empty((n, k), dtype=np.int64)
    for block in _row_blocks(n, m):
        ranked = edge[block]
        if spread:
            ranked = (ranked << 10) | rng.integers(0, 1 << 10, ranked.shape, dtype=np.int16)
        cols[block] = np.argpartition(-ranked, k - 1, axis=1)[:, :k]
    cols = cols.ravel()
    rows = np.repeat(np.arange(n), k)
    rows2 = np.repeat(np.arange(n), SPREAD)
    cols2 = rng.integers(0, m, n * SPREAD)
    rows, cols = np.concatenate([rows, rows2]), np.concatenate([cols, cols2])
    keep = edge[rows, cols] > 0
    return rows[keep], cols[keep]


def _edges(edge: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> Edges:
    key = np.unique(rows.astype(np.int64) * edge.shape[1] + cols)
    rows, cols = np.divmod(key, edge.shape[1])
    return Edges(rows, cols, edge[rows, cols])


def _solve_sparse(cand: Edges, cap: np.ndarray, n: int,
                  prices: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Each row's column in the heaviest matching of the candidate edges (-1: unpaired):
    from scratch, or from the last round's ``prices`` when given (see :func:`_warm_graph`)."""
    places = int(cap.sum())
    edges = _places(cand, cap)
    if prices is None:
        rank = _rank(edges[0], edges[2], n)
        col_ind = min_weight_full_bipartite_matching(_cold_graph(*edges, rank, places))[1][rank]
    else:
        col_ind = min_weight_full_bipartite_matching(_warm_graph(*edges, prices, cap))[1][:n]
    helper_of_place = np.repeat(np.arange(len(cap)), cap)
    return np.where(col_ind < places, helper_of_place[np.minimum(col_ind, places - 1)], -1)


def _places(cand: Edges, cap: np.ndarray) -> tuple[np.ndarray, ...]:
    """The candidate edges with a column per place (a helper with 3 places is 3 columns):
    row, place, weight and helper of each."""
    starts = np.concatenate([[0], np.cumsum(cap)])
    reps = cap[cand.cols]
    first = np.repeat(np.cumsum(reps) - reps, reps)
    place = np.repeat(starts[cand.cols], reps) + (np.arange(int(reps.sum())) - first)
    return (np.repeat(cand.rows, reps), place, np.repeat(cand.weights, reps),
            np.repeat(cand.cols, reps))


def _rank(rows: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    """Each row's place in the order of its heaviest edge, 悬空老人 first. The solver adds
    the rows one at a time by a shortest path; in this order the paths stay short (the
    solve took half the time on the bench's communities)."""
    best = np.zeros(n, dtype=np.int64)
    np.maximum.at(best, rows, weights)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(-best, kind="stable")] = np.arange(n)
    return rank


def _cold_graph(rows: np.ndarray, place: np.ndarray, weights: np.ndarray, _helper: np.ndarray,
                rank: np.ndarray, places: int) -> csr_array:
    """Rows (in ``rank`` order) × (places + an "unpaired" column per row); costs must be
    non-zero: c = top - w, so the unpaired column (w = 0) costs the most."""
    n, top = len(rank), int(weights.max()) + 1
    costs = np.concatenate([top - weights, np.full(n, top)]).astype(np.float64)
    return csr_array((costs, (np.concatenate([rank[rows], np.arange(n)]),
                              np.concatenate([place, places + np.arange(n)]))),
                     shape=(n, places + n))


def _warm_graph(rows: np.ndarray, place: np.ndarray, weights: np.ndarray, helper: np.ndarray,
                prices: tuple[np.ndarray, np.ndarray], cap: np.ndarray) -> csr_array:
    """The same problem made square, with the last round's prices taken out of the costs,
    so that the solver starts from the last matching instead of from nothing (a round
    after the first took a third of the time on the bench).

    A row per place is added (its "keeper") and every column must be taken: a keeper
    takes its place when it stays free, or else the "unpaired" column of the row that
    took it. With ``u``, ``v`` the prices of rows and helpers, a cost is the slack of
    its edge: ``u_i + v_h - w_ih`` for a pair (below 0 only on an edge added since the
    prices), ``u_i`` for row i unpaired, ``v_h`` for a free place of h, 0 for a keeper on
    an unpaired column. In a square problem each row and column is taken exactly once,
    so taking prices out changes every matching's cost alike: the optimum is the same."""
    u, v = prices
    n, places = len(u), int(cap.sum())
    keepers = n + np.arange(places)
    slack = np.concatenate([u[rows] + v[helper] - weights, u, np.zeros(len(rows), dtype=np.int64),
                            np.repeat(v, cap)])
    costs = (slack - min(int(slack.min()), 0) + 1).astype(np.float64)   # scipy drops a 0
    return csr_array((costs, (np.concatenate([rows, np.arange(n), keepers[place], keepers]),
                              np.concatenate([place, places + np.arange(n), places + rows,
                                              np.arange(places)]))),
                     shape=(n + places, n + places))


def _prices(cand: Edges, cap: np.ndarray, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Row and column prices proving ``chosen`` optimal on the candidate edges, or None.

    The least column prices v (0 on a column with a place left) such that every candidate
    edge has ``w_ih <= u_i + v_h`` when each row's price is what its own pair leaves,
    ``u_i = w_i,chosen - v_chosen`` (0 unpaired)."""
    m = len(cap)
    paired = chosen >= 0
    mine = paired[cand.rows] & (cand.cols == chosen[cand.rows])
    own = np.zeros(len(chosen), dtype=np.int64)
    own[cand.rows[mine]] = cand.weights[mine]
    src = np.where(paired, chosen, m)      # column m: a price of 0 for the unpaired
    full = np.bincount(chosen[paired], minlength=m) >= cap
    keep = full[cand.cols] & ~mine         # a column with a place left keeps price 0
    v = _least_prices(cand.rows[keep], cand.cols[keep], cand.weights[keep] - own[cand.rows[keep]],
                      src, m, int(full.sum()) + 2)
    return None if v is None else (own - v[src], v[:m])


def _least_prices(rows: np.ndarray, cols: np.ndarray, gain: np.ndarray, src: np.ndarray, m: int,
                  rounds: int) -> np.ndarray | None:
    """``v_h = max(0, max over edges (i, h) of gain_i + v_src(i))``: a longest-path fixpoint
    over the columns, found by relaxing every edge at once until nothing changes. With the
    matching optimal there is no positive cycle, so it ends within one round per column."""
    v = np.zeros(m + 1, dtype=np.int64)
    if not len(cols):
        return v
    order = np.argsort(cols, kind="stable")
    rows, cols, gain = rows[order], cols[order], gain[order]
    heads = np.flatnonzero(np.r_[True, cols[1:] != cols[:-1]])
    for _ in range(rounds):
        new = v.copy()
        new[cols[heads]] = np.maximum(np.maximum.reduceat(gain + v[src[rows]], heads), 0)
        if np.array_equal(new, v):
            return v
        v = new
    return None


def _dual_optimal(edge: np.ndarray, cap: np.ndarray, chosen: np.ndarray, u: np.ndarray,
                  v: np.ndarray) -> bool:
    """Whether ``chosen`` is a b-matching of real edges and (u, v) non-negative prices that
    it exhausts: ``sum(u) + sum(cap * v)`` equals its weight, a column with a place left
    has price 0 and an unpaired row too. With no edge of positive reduced gain left, this
    proves ``chosen`` optimal."""
    paired = chosen >= 0
    used = np.bincount(chosen[paired], minlength=len(cap))
    pairs = edge[np.flatnonzero(paired), chosen[paired]]
    return not ((pairs <= 0).any() or (used > cap).any() or (u < 0).any() or (v < 0).any()
                or (v[used < cap] != 0).any() or (u[~paired] != 0).any()
                or int(u.sum()) + int((cap * v).sum()) != int(pairs.sum()))


def _left_out(edge: np.ndarray, u: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Edges of positive reduced gain ``w_ih - u_i - v_h``: a row's few of the most (more
    when few rows have any: the last rounds' solves cost as much as the first's)."""
    best = np.concatenate([(edge[block] - v).max(axis=1) for block in _row_blocks(*edge.shape)])
    bad = np.flatnonzero(best > u)
    if not len(bad):
        return bad, bad
    m = edge.shape[1]
    p = min(max(PER_ROUND, BUDGET * len(edge) // len(bad)), m)
    rows, cols = [], []
    for block in _row_blocks(len(bad), m):     # the rows that have any, a block at a time
        some = bad[block]
        gain = edge[some] - v - u[some, None]
        top = np.argpartition(gain, m - p, axis=1)[:, m - p:]
        keep = np.take_along_axis(gain, top, axis=1) > 0
        rows.append(np.broadcast_to(some[:, None], top.shape)[keep])
        cols.append(top[keep])
    return np.concatenate(rows), np.concatenate(cols)
