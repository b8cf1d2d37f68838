"""The demo community: a believable 花乡街道-style neighbourhood, built the same way every run.

``build(session, scale)`` runs the steps in :data:`STEPS` in order inside one transaction.
Each capability adds its own step (shifts, pairs, visits, records) in its own module, so
that every screen shows something real.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ..permissions import Permission
from ..session import Session


@dataclass
class DemoContext:
    """What earlier steps made, for later steps to use."""

    scale: int
    today: date
    seed: int = 20261128
    community_ids: dict[str, int] = field(default_factory=dict)
    place_ids: dict[str, int] = field(default_factory=dict)
    team_ids: dict[str, int] = field(default_factory=dict)
    volunteer_ids: dict[str, list[int]] = field(default_factory=dict)   # team name → members
    staff_ids: list[int] = field(default_factory=list)


DemoStep = Callable[[Session, DemoContext], None]


def _steps() -> list[DemoStep]:
    from . import alerts, coverage, pairing, people, records, requests, schedule, users

    return [people.build_places, people.build_teams_and_volunteers, people.build_residents,
            alerts.mark_facts, people.add_family_contacts,
            users.build_users,
            schedule.build_schedule,
            pairing.build_pairs_and_visits,
            coverage.build_staff_coverage,
            requests.build_requests,
            records.build_records,   # it tops up what earlier steps made
            # last winter's warning after the top-up, so the demo's other records stay as they
            # were; its records are locked as build_records locks old ones
            alerts.mark_low_places, alerts.build_winter_warning,
            records.build_certificates]


def build(session: Session, scale: int = 1, steps: list[DemoStep] | None = None) -> DemoContext:
    """Fill an empty database with the demo community."""
    session.require(Permission.SETTINGS)
    if session.db.execute("SELECT count(*) FROM residents").fetchone()[0]:
        raise ValueError("这个数据库里已经有居民数据，演示数据只能装入空的数据库。")
    context = DemoContext(scale=max(1, scale), today=session.today())
    tables = ("communities", "places", "teams", "volunteers", "team_members", "residents", "tasks",
              "shifts", "assignments", "pairings", "visits", "service_records", "requests", "request_events", "users",
              "certificates", "settings", "alerts", "alert_communities", "alert_roll", "alert_attempts",
              "alert_events")
    with session.write(*tables):
        for step in steps or _steps():
            step(session, context)
        session.audit("生成演示数据", "communities", None, None, {"scale": context.scale})
    return context
