"""Who is an 80后 helper available for 80后帮90后: the one definition, in Python and in SQL.

The 工作台 counts available helpers, 匹配 proposes them, and the 志愿者 list filters the 80后:
all of them use this module, so the card can never promise a helper the matcher will not
propose. A helper with no community is not available: pairs are made inside a community,
and two people of unknown community are not neighbours (see domain/matching.py).
tests/test_helper_rule.py checks that the two forms agree on any row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .people import Cohorts

ACTIVE_PAIR = "结对中"          # pairings.state of a pair that takes one of the helper's places
CURRENT = "在册"                 # volunteers.status of someone who serves now
MAX_CAPACITY = 3                 # a helper takes 1–3 residents (volunteers.helper_capacity)


def is_available_helper(volunteer: Mapping[str, Any], active_pairs: int, cohorts: Cohorts) -> bool:
    """An 80后 helper who can take another resident now: born in the helper years, 在册 and
    not archived, in a community, with a pairing capacity of 1–3 not used up by
    ``active_pairs``. ``volunteer`` holds the ``volunteers`` columns by name."""
    capacity = volunteer["helper_capacity"]
    return (volunteer["archived_at"] is None and volunteer["status"] == CURRENT
            and volunteer["community_id"] is not None
            and capacity is not None and 1 <= capacity <= MAX_CAPACITY and active_pairs < capacity
            and cohorts.is_helper_birth(volunteer["birth_date"]))


def active_pairs_sql(table: str = "v") -> str:
    """How many active pairs the helper ``table`` has, as an SQL expression."""
    return (f"(SELECT count(*) FROM pairings x WHERE x.volunteer_id = {table}.id "
            f"AND x.state = '{ACTIVE_PAIR}')")


def available_helper_sql(cohorts: Cohorts, table: str = "v") -> tuple[str, list[Any]]:
    """:func:`is_available_helper` as an SQL condition on ``volunteers {table}``, with its
    parameters."""
    born, params = cohorts.helper_birth_sql(f"{table}.birth_date")
    t = f"{table}."
    return (f"({t}archived_at IS NULL AND {t}status = '{CURRENT}' AND {born} "
            f"AND {t}community_id IS NOT NULL "
            f"AND {t}helper_capacity BETWEEN 1 AND {MAX_CAPACITY} "
            f"AND {t}helper_capacity > {active_pairs_sql(table)})", params)
