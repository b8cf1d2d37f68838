"""The matcher: optimal against brute force, hard rules on large instances, reasons in words."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from volunteer_app.domain import assignment, pair_matrix
from volunteer_app.domain.availability import PARTS
from volunteer_app.domain.matching import (
    NO_COMMUNITY,
    Helper,
    Senior,
    Weights,
    allowed,
    greedy_match,
    optimal_match,
    pair_score,
    score_matrix,
    why_unmatched,
)

NEEDS = ("跑腿代办", "陪同就医", "上下楼", "代购药品", "聊天陪伴")
SKILLS = ("驾驶", "医护", "心理疏导", "体力好")


def _slots(r: random.Random) -> frozenset:
    return frozenset((d, p) for d in range(1, 8) for p in PARTS if r.random() < 0.2)


def make_helper(r: random.Random, i: int, communities: int = 2) -> Helper:
    community = r.randrange(communities)
    return Helper(i, f"帮手{i}", r.choice("男女"), community, community * 10 + r.randrange(2),
                  f"{r.randint(1, 3)}号楼", _slots(r), frozenset(s for s in SKILLS if r.random() < 0.3),
                  r.random() < 0.2, r.randint(0, 3))


def make_senior(r: random.Random, i: int, communities: int = 2) -> Senior:
    community = r.randrange(communities)
    return Senior(i, f"老人{i}", r.choice("男女"), community, community * 10 + r.randrange(2),
                  f"{r.randint(1, 3)}号楼", _slots(r), frozenset(n for n in NEEDS if r.random() < 0.3),
                  r.choice([None, None, None, "男", "女"]), r.random() < 0.4, r.random() < 0.3,
                  r.random() < 0.6, r.randint(90, 104))


def brute_force(helpers, seniors, w, forbidden, widen=False):
    """Best (悬空老人 matched, total score) over every assignment of seniors to helpers or none."""
    best = (-1, -1.0)
    options = [[None] + [h for h in helpers if h.capacity and allowed(h, s, widen=widen,
                                                                        forbidden=forbidden)]
               for s in seniors]
    for choice in itertools.product(*options):
        used = Counter(h.id for h in choice if h is not None)
        if any(used[h.id] > h.capacity for h in helpers):
            continue
        stranded = sum(1 for s, h in zip(seniors, choice, strict=True) if h and s.stranded)
        total = round(sum(pair_score(h, s, w).total for s, h in zip(seniors, choice, strict=True)
                          if h), 1)
        best = max(best, (stranded, total))
    return best


@pytest.mark.parametrize("candidates", [1, assignment.CANDIDATES])
def test_optimal_equals_brute_force_on_many_small_instances(monkeypatch, candidates):
    # with one candidate helper a resident, the optimum is only reached through the proof
    # of optimality adding the left-out pairs back (domain/assignment.py)
    monkeypatch.setattr(assignment, "CANDIDATES", candidates)
    monkeypatch.setattr(assignment, "DENSE_CELLS", 0)    # small matrices are solved dense
    w = Weights()
    for seed in range(150):
        r = random.Random(seed)
        helpers = [make_helper(r, i) for i in range(r.randint(1, 3))]
        seniors = [make_senior(r, 100 + i) for i in range(r.randint(1, 6))]
        forbidden = frozenset((h.id, s.id) for h in helpers for s in seniors if r.random() < 0.1)
        widen = seed % 5 == 0
        result = optimal_match(helpers, seniors, w, forbidden=forbidden, widen=widen)
        expected = brute_force(helpers, seniors, w, forbidden, widen)
        assert (result.stranded_matched, result.total_score) == expected, seed


def test_sparse_and_proved_equals_the_dense_solve_on_large_instances(monkeypatch):
    """The whole result, lexicographic key and pair count, against the dense assignment;
    with few candidates the proof must add pairs back, and every time it is the optimum."""
    key = lambda m: (m.stranded_matched, m.total_score, len(m.pairs))  # noqa: E731
    methods: list[str] = []
    sparse_solve = assignment.solve
    monkeypatch.setattr(assignment, "DENSE_CELLS", 0)

    def spied(edge, capacities):
        chosen, how = sparse_solve(edge, capacities)
        methods.append(how)
        return chosen

    for seed in range(6):
        r = random.Random(seed)
        helpers = [make_helper(r, i, 3) for i in range(r.randint(20, 60))]
        seniors = [make_senior(r, 1000 + i, 3) for i in range(r.randint(80, 240))]
        forbidden = frozenset((h.id, s.id) for h in helpers for s in seniors if r.random() < 0.03)
        widen = seed % 2 == 1
        monkeypatch.setattr(assignment, "best_assignment", assignment.dense_assignment)
        dense = key(optimal_match(helpers, seniors, forbidden=forbidden, widen=widen))
        monkeypatch.setattr(assignment, "best_assignment", spied)
        for k in (1, 3, assignment.CANDIDATES):
            monkeypatch.setattr(assignment, "CANDIDATES", k)
            assert key(optimal_match(helpers, seniors, forbidden=forbidden, widen=widen)) == dense
    assert methods and "dense" not in methods
    assert any(how != "proved after 1" for how in methods)


def test_greedy_can_be_worse_and_never_better():
    w, worse = Weights(), 0
    for seed in range(200):
        r = random.Random(seed)
        helpers = [make_helper(r, i, 1) for i in range(3)]
        seniors = [make_senior(r, 100 + i, 1) for i in range(7)]
        best, greedy = optimal_match(helpers, seniors, w), greedy_match(helpers, seniors, w)
        key = lambda m: (m.stranded_matched, m.total_score)  # noqa: E731
        assert key(greedy) <= key(best)
        worse += key(greedy) < key(best)
    assert worse > 0


def test_stranded_first_even_at_the_cost_of_score():
    near = Helper(1, "甲", "女", 1, 1, "1号楼", frozenset(), frozenset({"驾驶"}), False, 1)
    stranded = Senior(10, "乙", "女", 1, 2, "9号楼", frozenset(), frozenset(), None, True, False,
                      True, 90)
    other = Senior(11, "丙", "女", 1, 1, "1号楼", frozenset({(6, "am")}), frozenset({"陪同就医"}),
                   None, False, True, False, 100)
    w = Weights(stranded=1)
    assert pair_score(near, other, w).total > pair_score(near, stranded, w).total
    result = optimal_match([near], [stranded, other], w)
    assert [(p.helper_id, p.resident_id) for p in result.pairs] == [(1, 10)]
    assert result.unmatched[0].resident_id == 11
    assert "名额都已用满" in result.unmatched[0].reason


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(50, 300), st.integers(10, 80), st.booleans())
def test_capacities_and_hard_rules_hold_on_large_instances(seed, n_seniors, n_helpers, widen):
    r = random.Random(seed)
    helpers = [make_helper(r, i, 4) for i in range(n_helpers)]
    seniors = [make_senior(r, 10_000 + i, 4) for i in range(n_seniors)]
    forbidden = frozenset((h.id, s.id) for h in helpers for s in seniors if r.random() < 0.02)
    result = optimal_match(helpers, seniors, forbidden=forbidden, widen=widen)
    by_id = {h.id: h for h in helpers}
    seniors_by_id = {s.id: s for s in seniors}
    used = Counter(p.helper_id for p in result.pairs)
    assert all(used[h] <= by_id[h].capacity for h in used)
    assert all(allowed(by_id[p.helper_id], seniors_by_id[p.resident_id], widen=widen,
                       forbidden=forbidden) for p in result.pairs)
    matched = [p.resident_id for p in result.pairs]
    assert len(matched) == len(set(matched))
    assert sorted(matched + [u.resident_id for u in result.unmatched]) == sorted(seniors_by_id)
    # no unmatched 悬空老人 while an allowed helper still has room
    for u in result.unmatched:
        s = seniors_by_id[u.resident_id]
        room = [h for h in helpers if used[h.id] < h.capacity
                and allowed(h, s, widen=widen, forbidden=forbidden)]
        assert not room, u


def test_matrix_scores_equal_the_readable_scores():
    r = random.Random(7)
    helpers = [make_helper(r, i) for i in range(15)]
    seniors = [make_senior(r, 100 + i) for i in range(20)]
    w = Weights(per_year_over_age=2.5, time_per_slot=3)
    matrix = score_matrix(helpers, seniors, w, 90)
    for i, s in enumerate(seniors):
        for j, h in enumerate(helpers):
            assert abs(matrix[i, j] - pair_score(h, s, w).total) < 1e-6


def test_reasons_in_words_follow_the_score_parts():
    w = Weights()
    helper = Helper(1, "甲", "男", 1, 5, "3号楼", frozenset({(6, "am"), (7, "pm")}),
                    frozenset({"驾驶"}), False, 2)
    senior = Senior(9, "乙", "女", 1, 5, "3号楼", frozenset({(6, "am")}),
                    frozenset({"陪同就医", "上下楼"}), None, True, True, False, 95)
    score = pair_score(helper, senior, w)
    assert score.reasons == ["同一楼栋", "周六上午都有空", "身体条件好，可帮老人上下楼",
                             "会开车，可陪同就医", "悬空老人，优先结对", "独居", "子女不在身边",
                             "95岁高龄"]
    assert score.total == 30 + 4 + 15 + 12 + 40 + 15 + 10 + 5
    for seed in range(100):
        r = random.Random(seed)
        score = pair_score(make_helper(r, 1), make_senior(r, 2), w)
        for part in score.parts:
            assert bool(part.words) == (part.points > 0), part
    weaker = Helper(2, "丙", "男", 1, 6, "3号楼", frozenset(), frozenset(), True, 1)
    parts = {p.key: p for p in pair_score(weaker, senior, w).parts}
    assert parts["nearness"].words == ("同一社区",) and parts["nearness"].points == 10
    assert parts["time"].points == 0 and parts["needs"].points == 0


def test_unmatched_reasons_name_the_cause():
    senior = Senior(9, "乙", "女", 1, 5, "3号楼", frozenset(), frozenset(), "女", False, False,
                    True, 92)
    far = Helper(1, "甲", "女", 2, 7, "1号楼", frozenset(), frozenset(), False, 2)
    man = Helper(2, "丁", "男", 1, 5, "3号楼", frozenset(), frozenset(), False, 2)
    assert "附近没有" in optimal_match([far], [senior]).unmatched[0].reason
    assert "女性帮手" in optimal_match([far, man], [senior]).unmatched[0].reason
    assert optimal_match([far], [senior], widen=True).pairs[0].helper_id == 1
    woman = Helper(3, "戊", "女", 1, 5, "3号楼", frozenset(), frozenset(), False, 1)
    assert "不再" in optimal_match([woman], [senior], forbidden=frozenset({(3, 9)})).unmatched[0].reason


def scan_reason(senior, helpers, widen, forbidden):
    """The reasons as they were first written: a scan of every helper."""
    if senior.community_id is None:
        return NO_COMMUNITY
    near = [h for h in helpers if h.community_id is not None
            and (widen or h.community_id == senior.community_id)]
    if not near:
        return "附近没有"
    wanted = [h for h in near if not senior.gender_preference or h.gender == senior.gender_preference]
    if not wanted:
        return "性帮手"
    fresh = [h for h in wanted if (h.id, senior.id) not in forbidden]
    return f"{len(fresh)}位帮手名额" if fresh else "不再"


def test_counted_reasons_equal_the_scan_of_every_helper():
    for seed in range(60):
        r = random.Random(seed)
        helpers = [make_helper(r, i, 3) for i in range(r.randint(0, 12))]
        helpers += [Helper(99, "无社区", "女", None, None, "", frozenset(), frozenset(), False, 1)]
        seniors = [make_senior(r, 100 + i, 4) for i in range(20)]
        forbidden = frozenset((h.id, s.id) for h in helpers for s in seniors if r.random() < 0.3)
        for s in seniors:
            for widen in (False, True):
                assert scan_reason(s, helpers, widen, forbidden) in why_unmatched(
                    s, helpers, widen=widen, forbidden=forbidden), (seed, s)


def test_edge_weights_block_by_block_equal_the_readable_scores(monkeypatch):
    """The matrix is built a few rows at a time (domain/pair_matrix.py); with blocks of a
    row or two, every weight is still the readable score's, lexicographic as before."""
    monkeypatch.setattr(pair_matrix, "BLOCK_CELLS", 30)          # 2 rows of 13 a block
    w = Weights(per_year_over_age=2.5, time_per_slot=3)
    for seed in range(6):
        r = random.Random(seed)
        helpers = [make_helper(r, i) for i in range(13)]
        seniors = [make_senior(r, 100 + i) for i in range(r.randint(1, 41))]
        forbidden = frozenset((h.id, s.id) for h in helpers for s in seniors if r.random() < 0.1)
        widen = seed % 2 == 1
        ok = pair_matrix.allowed(helpers, seniors, widen, forbidden)
        edge = pair_matrix.edge_weights(helpers, seniors, w, 90, ok)
        n = len(seniors)
        plain = [[round(pair_score(h, s, w).total * 10) * (n + 1) + 1
                  if allowed(h, s, widen=widen, forbidden=forbidden) else 0 for h in helpers]
                 for s in seniors]
        bonus = sum(max(row) for row in plain) + 1
        expected = [[x + bonus if x and s.stranded else x for x in row]
                    for row, s in zip(plain, seniors, strict=True)]
        assert edge.tolist() == expected
