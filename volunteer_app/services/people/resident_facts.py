"""What the resident form shows beside the typed facts: age, 悬空老人, the risk tier and how
often the tier is visited, by the same rules (domain/risk.py, domain/people.py) and settings
the ledger's queries use, so the form and the ledger never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...domain.people import age_on
from ...domain.risk import RiskLevel, is_stranded, resident_risk
from ..admin import settings
from ..session import Session


@dataclass(frozen=True)
class ResidentFacts:
    age: int | None
    stranded: bool          # 悬空老人
    level: RiskLevel
    visit_every_days: int   # the tier's visit cadence (a setting)


def derived(session: Session, values: dict[str, Any]) -> ResidentFacts:
    """``values`` as ``residents.validate`` cleaned them (birth date, floor, lift, flags)."""
    today = session.today()
    rule = settings.housing_rule(session)
    level = resident_risk(values, rule, today)
    return ResidentFacts(age=age_on(values.get("birth_date"), today),
                         stranded=is_stranded(values, rule, today), level=level,
                         visit_every_days=settings.visit_cadence(session).days(level))
