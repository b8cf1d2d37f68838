"""The roll-call (点名) of a new warning: who is on it, in what order, and who calls whom.

One query reads the facts of the current residents of the chosen communities that the rule's
SQL form (weather.selection_sql) selects, with the risk tier and 悬空老人 in their SQL forms
(services/care/coverage.py, the housing rule), the active helper and the 包户人; the reasons
and the order are the domain's rules applied in Python over those rows. Reading only the
selected rows is what keeps 10,000 residents under 50 ms (all of them: 250 ms). The rows are
written with one batched INSERT.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ...domain import weather
from ...domain.people import age_on
from ...store.rows import new_uids, to_json
from ..admin import settings
from ..care.coverage import risk_expression
from ..care.pairing_rows import ACTIVE
from ..session import Session
from .access import stamp

_CURRENT = "{v}.status = '在册' AND {v}.archived_at IS NULL"


@dataclass(frozen=True)
class Selected:
    """A resident the warning's rule puts on the roll-call, with what the list stores."""

    resident_id: int
    community_id: int | None
    place_id: int | None
    reasons: tuple[str, ...]
    risk_level: str
    stranded: bool
    helper_id: int | None
    responsible_id: int | None
    key: tuple


def _facts_sql(session: Session, rule: weather.SelectionRule,
               community_ids: Sequence[int]) -> tuple[str, list[Any]]:
    """The facts of the residents the rule's SQL form selects (the Python form decides)."""
    today = session.today()
    tier = risk_expression(session, "r")
    stranded = settings.housing_rule(session).sql(today, "r")
    chosen, chosen_params = weather.selection_sql(rule, today, tier, stranded, "r")
    marks = ", ".join("?" * len(community_ids))
    sql = (
        f"SELECT r.id, r.community_id, r.place_id, COALESCE(p.name, '') AS place, r.building, r.unit, "
        f"r.room, r.birth_date, {tier[0]} AS tier, CASE WHEN {stranded[0]} THEN 1 ELSE 0 END AS stranded, "
        "r.lives_alone, r.power_dependent, r.chronic_illness, "
        "(SELECT min(x.volunteer_id) FROM pairings x JOIN volunteers h ON h.id = x.volunteer_id "
        f" WHERE x.resident_id = r.id AND x.state = '{ACTIVE}' AND {_CURRENT.format(v='h')}) AS helper_id, "
        "rv.id AS responsible_id "
        "FROM residents r LEFT JOIN places p ON p.id = r.place_id "
        "LEFT JOIN volunteers rv ON rv.id = r.responsible_volunteer_id AND rv.is_staff = 1 "
        f" AND {_CURRENT.format(v='rv')} "
        f"WHERE r.archived_at IS NULL AND r.community_id IN ({marks}) AND {chosen}")
    return sql, [*tier[1], *stranded[1], *community_ids, *chosen_params]


def select(session: Session, kind: weather.AlertType, community_ids: Sequence[int],
           leave_out: Iterable[int] = ()) -> list[Selected]:
    """Everyone ``kind``'s rule (a setting) puts on the list, in list order; residents in
    ``leave_out`` (already on it) are not."""
    rule = settings.selection_rule(session, kind)
    if not community_ids:
        return []
    sql, params = _facts_sql(session, rule, community_ids)
    skip = set(leave_out)
    today = session.today()
    found = []
    for row in session.db.execute(sql, params):
        (rid, community, place_id, place, building, unit, room, birth, tier, stranded, alone,
         power, chronic, helper, responsible) = row
        if rid in skip:
            continue
        facts = weather.ResidentFacts(age_on(birth, today), tier, bool(stranded), bool(alone),
                                      bool(power), bool(chronic))
        why = weather.reasons(rule, facts)
        if why:
            key = (*weather.order_key(rule, facts, place, building, unit, room), rid)
            found.append(Selected(rid, community, place_id, tuple(why), tier, bool(stranded),
                                  helper, responsible, key))
    found.sort(key=lambda s: s.key)
    return found


def by_reason(selected: Iterable[Selected]) -> dict[str, int]:
    """How many on the list for each reason word (one resident counts under each of theirs)."""
    counts = Counter(word for s in selected for word in s.reasons)
    order = [c.value for c in weather.Criterion]
    return {word: counts[word] for word in sorted(counts, key=order.index)}


# -- who calls whom ----------------------------------------------------------------------------

def current_staff(session: Session) -> dict[int | None, list[int]]:
    """Current community workers by community (``None``: every one of them)."""
    staff: dict[int | None, list[int]] = {None: []}
    for vid, community in session.db.execute(
            f"SELECT id, community_id FROM volunteers v WHERE is_staff = 1 AND {_CURRENT.format(v='v')} "
            "ORDER BY id"):
        staff.setdefault(community, []).append(vid)
        staff[None].append(vid)
    return staff


def callers(selected: Sequence[Selected], staff: dict[int | None, list[int]],
            duty_staff_id: int | None, load: Counter) -> list[tuple[int | None, str]]:
    """(caller id, role) for each resident: helper, else 包户人, else the staff on duty.

    The staff on duty is ``duty_staff_id`` when given; else the community worker of the
    resident's own community (any current one when the community has none) with the fewest
    residents on the list so far, whatever the role they call them in. ``load`` holds the list's counts per caller (an upgrade's
    existing rows) and is updated."""
    for s in selected:
        known = s.helper_id if s.helper_id is not None else s.responsible_id
        if known is not None:
            load[known] += 1
    chosen: list[tuple[int | None, str]] = []
    for s in selected:
        duty = None
        if s.helper_id is None and s.responsible_id is None:
            duty = duty_staff_id if duty_staff_id is not None else _least_loaded(
                staff.get(s.community_id) or staff[None], load)
            if duty is not None:
                load[duty] += 1
        person, role = weather.choose_caller(s.helper_id, s.responsible_id, duty)
        chosen.append((person, role.value if role else ""))
    return chosen


def _least_loaded(candidates: Sequence[int], load: Counter) -> int | None:
    return min(candidates, key=lambda vid: (load[vid], vid)) if candidates else None


# -- writing -----------------------------------------------------------------------------------

def insert_rows(session: Session, alert_id: int, selected: Sequence[Selected],
                chosen: Sequence[tuple[int | None, str]], first_position: int, added_at: datetime) -> None:
    """The roll-call rows in one batched INSERT (inside the caller's transaction)."""
    at = stamp(added_at)
    uids = new_uids(len(selected))
    session.db.conn.executemany(
        "INSERT INTO alert_roll (uid, alert_id, resident_id, community_id, position, added_at, reasons, "
        "risk_level, stranded, caller_id, caller_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(uid, alert_id, s.resident_id, s.community_id, first_position + n, at, to_json(list(s.reasons)),
          s.risk_level, int(s.stranded), caller, role)
         for n, (uid, s, (caller, role)) in enumerate(zip(uids, selected, chosen, strict=True))])


def caller_load(session: Session, alert_id: int) -> Counter:
    return Counter(dict(session.db.execute(
        "SELECT caller_id, count(*) FROM alert_roll WHERE alert_id = ? AND caller_id IS NOT NULL "
        "GROUP BY caller_id", [alert_id]).fetchall()))
