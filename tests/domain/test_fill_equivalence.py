"""一键补缺 at speed gives the same answer as the plain rules.

The standing rules as arrays (domain/eligibility.py) must agree with ``conflict_kinds`` on
every member and shift, for any set of allowed warnings; and ``fill_gaps`` must propose
exactly what the first, straightforward version did: members checked pair by pair through
``conflict_kinds`` and sorted again for every pick (kept here as the reference).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.test_scheduling_properties import RULES, members, shift_facts, weeks
from volunteer_app.domain.eligibility import StandingRules
from volunteer_app.domain.shift_rules import (
    FILL_ALLOWED_SOFT,
    SOFT_KINDS,
    Commitment,
    Load,
    Member,
    Pick,
    check,
    conflict_kinds,
    fill_gaps,
    fit_reasons,
)

allowed_sets = st.frozensets(st.sampled_from(sorted(SOFT_KINDS)))


@settings(max_examples=200, deadline=None)
@given(members(), st.lists(shift_facts(1), min_size=1, max_size=6), allowed_sets,
       st.frozensets(st.sampled_from(("驾驶", "医护")), max_size=2))
def test_standing_rules_agree_with_conflict_kinds(team, shifts, allowed, skills):
    team = [replace(m, skills=skills if m.id % 2 else frozenset()) for m in team]
    standing = StandingRules(team, RULES.heavy_max_age, allowed)
    for n, shift in enumerate(shifts):
        shift = replace(shift, id=n, skills=frozenset({"驾驶"}) if n % 3 == 0 else frozenset())
        expected = {m.id for m in team if conflict_kinds(m, shift, (), None, RULES) <= allowed}
        assert standing.eligible(shift) == expected


def test_standing_rules_birthday_edge_and_empty_availability():
    shift_day = date(2026, 12, 3)
    heavy = replace(next(iter([_shift(shift_day)])), heavy=True)
    turns_71_today = Member(1, "甲", birth_date=date(1955, 12, 3))
    turns_71_tomorrow = Member(2, "乙", birth_date=date(1955, 12, 4))
    no_birth = Member(3, "丙")
    standing = StandingRules([turns_71_today, turns_71_tomorrow, no_birth], 70, FILL_ALLOWED_SOFT)
    assert standing.eligible(heavy) == {2, 3}
    assert StandingRules([no_birth], 70, frozenset()).eligible(heavy) == set()


def _shift(day: date):
    from volunteer_app.domain.shift_rules import ShiftFacts
    return ShiftFacts(id=1, day=day, start=time(8), end=time(10))


def reference_fill(gaps, team, commitments, loads, rules, allowed_soft=FILL_ALLOWED_SOFT) -> list[Pick]:
    """The first version of fill_gaps, pair by pair and sorted for every pick."""
    allowed = frozenset(allowed_soft) & SOFT_KINDS
    busy = {m.id: list(commitments.get(m.id, ())) for m in team}
    load = {m.id: Load(loads.get(m.id, Load()).week, loads.get(m.id, Load()).month) for m in team}
    static = {g.shift.id: [m for m in team if m.id not in g.assignees
                           and conflict_kinds(m, g.shift, (), None, rules) <= allowed] for g in gaps}

    def need(g):
        return min(g.shift.min_people, g.shift.max_people) - len(g.assignees)

    order = sorted((g for g in gaps if need(g) > 0 and not g.shift.cancelled),
                   key=lambda g: (len(static[g.shift.id]) / need(g), g.shift.day, g.shift.start, g.shift.id))
    picks = []
    for gap in order:
        shift, taken = gap.shift, len(gap.assignees)
        for _ in range(need(gap)):
            ranked = sorted(static[shift.id], key=lambda m: (bool(shift.group) and m.group != shift.group,
                                                             not m.availability, load[m.id].month,
                                                             load[m.id].week, m.id))
            chosen = next((m for m in ranked if conflict_kinds(m, shift, busy[m.id], load[m.id], rules,
                                                               filled=taken) <= allowed), None)
            if chosen is None:
                break
            found = check(chosen, shift, busy[chosen.id], load[chosen.id], rules, filled=taken)
            picks.append(Pick(shift.id, chosen.id, tuple(fit_reasons(chosen, shift, load[chosen.id]) + found.soft)))
            busy[chosen.id].append(Commitment(shift.id, shift.day, shift.start, shift.end, shift.label))
            load[chosen.id].week += shift.hours
            load[chosen.id].month += shift.hours
            static[shift.id] = [m for m in static[shift.id] if m.id != chosen.id]
            taken += 1
    return picks


@settings(max_examples=150, deadline=None)
@given(weeks(), allowed_sets)
def test_fill_gaps_proposes_what_the_plain_version_did(week, allowed):
    team, gaps, held, loads = week
    assert fill_gaps(gaps, team, held, loads, RULES, allowed) == reference_fill(gaps, team, held, loads, RULES, allowed)
    assert fill_gaps(gaps, team, held, loads, RULES) == reference_fill(gaps, team, held, loads, RULES)
