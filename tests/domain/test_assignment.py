"""The sparse assignment with its proof of optimality: equal to brute force and to the dense
solve, also when its candidate edges are far too few and the proof must add edges back."""

from __future__ import annotations

import itertools
import random

import numpy as np

from volunteer_app.domain.assignment import (
    _edges,
    _solve_sparse,
    best_assignment,
    dense_assignment,
    solve,
)


def weight(edge: np.ndarray, chosen: dict[int, int]) -> int:
    return int(sum(int(edge[r, c]) for r, c in chosen.items()))


def assert_valid(edge: np.ndarray, caps: list[int], chosen: dict[int, int]) -> None:
    assert all(edge[r, c] > 0 for r, c in chosen.items())        # only real edges
    used = np.bincount(list(chosen.values()), minlength=len(caps))
    assert (used <= np.array(caps)).all()


def brute_force(edge: np.ndarray, caps: list[int]) -> int:
    n, m = edge.shape
    best = 0
    for choice in itertools.product(*[[None, *[j for j in range(m) if edge[i, j] > 0]]
                                       for i in range(n)]):
        used = np.bincount([c for c in choice if c is not None], minlength=m)
        if (used <= np.array(caps)).all():
            best = max(best, sum(int(edge[i, c]) for i, c in enumerate(choice) if c is not None))
    return best


def random_instance(r: random.Random, n: int, m: int, levels: int) -> tuple[np.ndarray, list[int]]:
    """Few distinct weights (many ties, as helpers who score alike) and holes (no edge)."""
    edge = np.array([[r.randrange(levels) * 7 + r.choice((0, 0, 1000)) if r.random() < 0.8 else 0
                      for _ in range(m)] for _ in range(n)], dtype=np.int64)
    return edge, [r.randint(0, 3) for _ in range(m)]


def test_equals_brute_force_with_one_candidate_per_row_or_many():
    for seed in range(120):
        r = random.Random(seed)
        edge, caps = random_instance(r, r.randint(1, 6), r.randint(1, 4), 4)
        expected = brute_force(edge, caps)
        for k in (1, 2, 20):
            chosen = best_assignment(edge, caps, candidates=k)
            assert_valid(edge, caps, chosen)
            assert weight(edge, chosen) == expected, (seed, k)


def test_too_few_candidates_are_mended_by_the_proof_and_equal_the_dense_optimum():
    rounds = []
    for seed in range(25):
        r = random.Random(seed)
        edge, caps = random_instance(r, r.randint(40, 160), r.randint(10, 50), 6)
        dense = weight(edge, dense_assignment(edge, caps))
        for k in (1, 3):
            chosen, how = solve(edge, caps, candidates=k)
            assert_valid(edge, caps, chosen)
            assert weight(edge, chosen) == dense, (seed, k, how)
            assert how.startswith("proved after"), how       # the dense solve never decided
            rounds.append(int(how.rsplit(" ", 1)[1]))
    # one candidate a row is deliberately too small: the proof had to add edges back
    assert max(rounds) > 1


def test_lexicographic_weights_far_apart_stay_exact():
    """The matcher's weights: a bonus far above the score for 悬空老人 (about 1e11 here)."""
    r = random.Random(3)
    n, m = 120, 30
    edge, caps = random_instance(r, n, m, 8)
    bonus = int(edge.sum()) * (n + 1) + 1
    stranded = np.array([r.random() < 0.6 for _ in range(n)])
    edge = np.where(edge > 0, edge * (n + 1) + 1 + np.where(stranded, bonus, 0)[:, None], 0)
    chosen, how = solve(edge, caps, candidates=2)
    assert how.startswith("proved after")
    assert weight(edge, chosen) == weight(edge, dense_assignment(edge, caps))


def test_nothing_to_assign():
    assert best_assignment(np.zeros((3, 2), dtype=np.int64), [1, 1]) == {}
    assert best_assignment(np.ones((3, 2), dtype=np.int64), [0, 0]) == {}
    assert best_assignment(np.ones((0, 2), dtype=np.int64), [1, 1]) == {}


def test_a_warm_start_from_any_prices_keeps_the_optimum():
    """A round after the first starts from the last prices (the square problem with the
    prices taken out of the costs). Whatever the prices, even ones far from the optimum's
    or breaking the inequalities, every matching's cost moves alike: same optimum."""
    for seed in range(60):
        r = random.Random(seed)
        edge, caps = random_instance(r, r.randint(1, 7), r.randint(1, 4), 5)
        cap = np.array(caps, dtype=np.int64)
        rows, cols = np.nonzero(edge * (cap > 0))     # as solve() leaves out full helpers
        if not len(rows):
            continue
        cand = _edges(edge, rows, cols)
        u = np.array([r.choice((0, 0, r.randrange(3000))) for _ in range(edge.shape[0])])
        v = np.array([r.choice((0, r.randrange(3000))) for _ in range(edge.shape[1])])
        chosen = _solve_sparse(cand, cap, edge.shape[0], (u, v))
        as_dict = {i: int(h) for i, h in enumerate(chosen) if h >= 0}
        assert_valid(edge, caps, as_dict)
        assert weight(edge, as_dict) == brute_force(edge, caps), seed
