"""Indexes behind filter-as-you-type on the residents' ledger (100,000 rows).

The 居民 filter matches what is typed as a prefix of one of these columns; each match is
one range lookup in one index, and the lookups are combined with UNION (see
``services.people.residents``). The indexes are partial, over residents not archived, so the
lookup alone says whether a row is current: counting 7,000 matches reads only the index,
never the table. The first schema's full indexes on name, initials and phone tail are
replaced by partial ones (nothing else queries residents by them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

ACTIVE = "WHERE archived_at IS NULL"
FILTER_INDEXES = {
    "residents_name": "name",
    "residents_given_name": "substr(name, 2)",   # 建国 finds 张建国
    "residents_initials": "name_initials",
    "residents_pinyin": "name_pinyin",
    "residents_phone_tail": "phone_tail",
    "residents_building": "building",
    "residents_active_place": "place_id",         # also counts the whole ledger, index only
}


def m_resident_filter_indexes(db: sqlite_utils.Database) -> None:
    for name, expression in FILTER_INDEXES.items():
        db.execute(f"DROP INDEX IF EXISTS {name}")
        db.execute(f"CREATE INDEX {name} ON residents({expression}) {ACTIVE}")
