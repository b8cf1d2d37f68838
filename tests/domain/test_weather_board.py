"""The roll-call's rules without a database: when unanswered calls turn a resident red (a
fake clock: the times are made up), what the live board counts, what one attempt does to a
roll entry, and who is sent to the door."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from volunteer_app.domain.weather import EscalationRule, Need, Result, RollFacts, Via, board_figures
from volunteer_app.domain.weather_roll import (
    DoorCandidate,
    EntryState,
    after_attempt,
    choose_door_visitor,
    closes_door_visit,
)

T0 = datetime(2026, 12, 3, 8, 0)


def clock(*minutes: float) -> list[datetime]:
    """The moments ``minutes`` after 08:00, as a fake clock would stamp them."""
    return [T0 + timedelta(minutes=m) for m in minutes]


@pytest.mark.parametrize(("minutes", "trips"), [
    ((), False),
    ((0, 10), False),                 # two are not three
    ((0, 10, 30), True),              # exactly 30 minutes from first to third
    ((0, 10, 30.5), False),           # half a minute too slow
    ((0, 40, 50, 60), True),          # the latest three: 40, 50, 60
    ((0, 40, 80), False),
    ((60, 0, 50, 40), True),          # logged out of order (a call sheet typed in later)
])
def test_three_unanswered_within_thirty_minutes(minutes, trips):
    assert EscalationRule().escalates(clock(*minutes)) is trips


def test_the_rule_follows_its_settings():
    assert EscalationRule(attempts=2, minutes=5).escalates(clock(0, 5))
    assert not EscalationRule(attempts=2, minutes=5).escalates(clock(0, 6))
    assert not EscalationRule(attempts=0, minutes=30).escalates(clock(0, 1, 2))   # 0: never


def _facts(resident: int, added: float, reached: float | None) -> RollFacts:
    return RollFacts(resident, clock(added)[0], clock(reached)[0] if reached is not None else None)


def test_board_figures_count_reached_within_2h_and_24h_and_the_median():
    rows = [_facts(1, 0, 30), _facts(2, 0, 120), _facts(3, 0, 121), _facts(4, 60, 60 + 24 * 60 + 1),
            _facts(5, 0, None), _facts(6, 90, None)]
    figures = board_figures(rows, clock(24 * 60 + 100)[0])
    assert (figures.total, figures.reached, figures.within_2h, figures.within_24h) == (6, 4, 2, 3)
    assert figures.median_minutes == 120.5             # of 30, 120, 121, 1441
    assert figures.reached_share == pytest.approx(4 / 6)
    assert figures.unreached == [(5, 24 * 60 + 100), (6, 24 * 60 + 10)]   # the longest waiting first


def test_an_empty_board():
    figures = board_figures([], T0)
    assert (figures.total, figures.reached, figures.median_minutes, figures.reached_share) == (0, 0, None, None)


def test_waiting_never_goes_negative_and_ties_go_by_resident():
    figures = board_figures([_facts(9, 10, None), _facts(3, 10, None), _facts(4, 20, None)], clock(5)[0])
    assert figures.unreached == [(3, 0), (4, 0), (9, 0)]


NEW = EntryState("待联系", None, None)


def test_a_reached_entry_stays_reached():
    entry = after_attempt(NEW, Result.NO_ANSWER, clock(0)[0])
    assert (entry.state, entry.reached_at) == ("未接通", None)
    entry = after_attempt(entry, Result.SAFE, clock(10)[0])
    entry = after_attempt(entry, Result.NO_ANSWER, clock(20)[0])
    assert (entry.state, entry.reached_at, entry.last_attempt_at) == ("平安", clock(10)[0], clock(20)[0])


def test_needs_add_up_and_hold_the_state_until_done():
    entry = after_attempt(NEW, Result.NEEDS_HELP, clock(0)[0], [Need.MEDICINE], "降压药")
    entry = after_attempt(entry, Result.SAFE, clock(5)[0])
    assert entry.state == "需要帮助" and entry.needs_open
    entry = after_attempt(entry, Result.NEEDS_HELP, clock(9)[0], [Need.HEATING, Need.MEDICINE], "暖气")
    assert (entry.needs, entry.need_note) == (("送药", "取暖"), "降压药；暖气")
    done = EntryState(entry.state, entry.reached_at, entry.last_attempt_at, entry.needs, entry.need_note, False)
    assert after_attempt(done, Result.SAFE, clock(30)[0]).state == "平安"


def test_the_earliest_reach_wins_when_typed_in_late():
    entry = after_attempt(NEW, Result.SAFE, clock(60)[0])
    entry = after_attempt(entry, Result.DOOR, clock(20)[0])
    assert (entry.reached_at, entry.last_attempt_at, entry.state) == (clock(20)[0], clock(60)[0], "已上门")


@pytest.mark.parametrize(("result", "via", "closes"), [
    (Result.DOOR, Via.SELF, True), (Result.SAFE, Via.DOOR, True), (Result.NEEDS_HELP, Via.DOOR, True),
    (Result.NO_ANSWER, Via.DOOR, False), (Result.SAFE, Via.FAMILY, False)])
def test_what_closes_a_door_visit(result, via, closes):
    assert closes_door_visit(result, via) is closes


def _person(vid: int, place: int | None, building: str = "", doors: int = 0, community: int = 1) -> DoorCandidate:
    return DoorCandidate(vid, community, place, building, doors)


def test_the_door_visitor_is_the_nearest():
    people = [_person(1, None), _person(2, 7, "2号楼"), _person(3, 7, "5号楼"), _person(4, 8, "5号楼", community=2)]
    assert choose_door_visitor(people, 1, 7, "5号楼") == 3            # same building
    assert choose_door_visitor(people, 1, 7, "9号楼") == 2            # same place, lowest id
    assert choose_door_visitor(people[:1], 1, 7, "5号楼") == 1        # same community
    assert choose_door_visitor(people[3:], 1, 7, "5号楼") is None     # another community: nobody


def test_not_the_unanswered_caller_when_someone_else_is_as_near_and_fewest_visits_first():
    people = [_person(1, 7, "5号楼"), _person(2, 7, "5号楼", doors=2), _person(3, 7, "5号楼", doors=1)]
    assert choose_door_visitor(people, 1, 7, "5号楼") == 1
    assert choose_door_visitor(people, 1, 7, "5号楼", unanswered_caller=1) == 3
    assert choose_door_visitor(people[:1] + [_person(5, 7, "")], 1, 7, "5号楼", unanswered_caller=1) == 1
