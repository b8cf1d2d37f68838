"""The published columns that a rule of the app derives in Python: a resident's age band,
tier, 悬空, coverage and next visit; a volunteer's keyed ID hash.

Each is the app's own rule (domain/people.py, domain/risk.py, care/coverage.py,
care/visit_list.py), never a second definition of it: the street counts what the
community's own lists count.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import date
from typing import Any

from ...domain.identity import FieldError, clean_id_number, normalise_id_text
from ...domain.people import age_on
from ...domain.risk import COVERED_TIERS, HIGH_AGE, PRIORITY_AGE, is_stranded, resident_risk
from ..admin import settings
from ..session import Session

# Lower bounds of the published age bands, oldest first.
BANDS = ((90, "90+"), (80, "80-89"), (70, "70-79"), (60, "60-69"), (0, "<60"))


def age_band(birth_date: str | None, today: date) -> str | None:
    """The band of an age on ``today``; None without a (readable) birth date."""
    age = _age(birth_date, today)
    if age is None:
        return None
    return next(band for lowest, band in BANDS if age >= lowest)


def _age(birth_date: str | None, today: date) -> int | None:
    try:
        return age_on(birth_date, today)
    except ValueError:   # a birth date that is not a date counts as unknown, as in risk_sql
        return None


def age_marks(birth_date: str | None, today: date, elder_age: int) -> tuple[object, ...]:
    """What of a resident's published data moves with age alone: the band, and each age
    line of the tier (80+, 60+) and of 悬空 (the elder age setting)."""
    age = _age(birth_date, today)
    if age is None:
        return (None,)
    return (age_band(birth_date, today), age >= HIGH_AGE, age >= PRIORITY_AGE, age >= elder_age)


def fill_residents(session: Session, rows: list[dict[str, Any]], today: date) -> None:
    """Fill the derived columns of published ``residents`` rows from their ``_`` facts."""
    if not rows:
        return
    from ..care.visit_list import due_dates  # brings in the pairing service: on first use only

    rule = settings.housing_rule(session)
    due = due_dates(session, [row["_id"] for row in rows], today)
    for row in rows:
        facts = {key[1:]: value for key, value in row.items() if key.startswith("_")}
        if _age(facts["birth_date"], today) is None:
            facts["birth_date"] = None
        tier = resident_risk(facts, rule, today)
        row["age_band"] = age_band(facts["birth_date"], today)
        row["risk_level"] = str(tier)
        row["stranded"] = is_stranded(facts, rule, today)
        row["uncovered"] = tier in COVERED_TIERS and not row["covered"]
        row["visit_due"] = due[row["_id"]]


def id_hash(id_number: str | None, key: bytes | None) -> str | None:
    """HMAC-SHA256 under the street's key of the ID number as the app stores and compares it
    (a 15-digit number as its 18-digit form), so that one person's hours add up across
    communities; None without a key or without a number."""
    if not key or not id_number or not normalise_id_text(id_number):
        return None
    try:
        number = clean_id_number(id_number).number
    except FieldError:
        number = normalise_id_text(id_number)
    return hmac.new(key, number.encode("ascii", "replace"), hashlib.sha256).hexdigest()


def fill_volunteers(rows: list[dict[str, Any]], key: bytes | None) -> None:
    for row in rows:
        row["id_hash"] = id_hash(row["_id_number"], key)
