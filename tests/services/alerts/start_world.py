"""What the 发布预警 tests share: the roll-call worked out again from the residents through the
Python forms of the rules (domain/risk.py), independent of the SQL the service uses."""

from __future__ import annotations

import json
from typing import Any

from conftest import TODAY

from volunteer_app.domain import weather
from volunteer_app.domain.people import age_on
from volunteer_app.domain.risk import is_stranded, resident_risk
from volunteer_app.services.admin import settings
from volunteer_app.services.session import Session


def expected_roll(session: Session, kind: weather.AlertType,
                  community_ids: list[int] | None = None) -> dict[int, list[str]]:
    """resident id → reasons, for every current resident ``kind``'s rule selects."""
    rule = settings.selection_rule(session, kind)
    housing = settings.housing_rule(session)
    found = {}
    for r in session.db.query("SELECT * FROM residents WHERE archived_at IS NULL"):
        if community_ids is not None and r["community_id"] not in community_ids:
            continue
        facts = weather.ResidentFacts(
            age_on(r["birth_date"], TODAY), resident_risk(r, housing, TODAY), is_stranded(r, housing, TODAY),
            bool(r["lives_alone"]), bool(r["power_dependent"]), bool(r["chronic_illness"]))
        why = weather.reasons(rule, facts)
        if why:
            found[r["id"]] = why
    return found


def roll(session: Session, alert_id: int) -> list[dict[str, Any]]:
    """The roll-call rows in list order, reasons decoded."""
    return [{**r, "reasons": json.loads(r["reasons"])} for r in session.db.query(
        "SELECT * FROM alert_roll WHERE alert_id = ? ORDER BY position", [alert_id])]


def community_id(session: Session, name: str) -> int:
    return session.db.execute("SELECT id FROM communities WHERE name = ?", [name]).fetchone()[0]


def count(session: Session, table: str) -> int:
    return session.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
