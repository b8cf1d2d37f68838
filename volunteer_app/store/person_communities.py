"""Every person gets the community of their place.

Before this version the 居民 dialog stored a resident's place (小区/院落) but not its
community, and the 志愿者 dialog stored neither; 80后帮90后 pairs people inside a community,
so those people were never proposed. A person with a place and no community takes the
place's; people with neither are listed by `python main.py check` for staff to fix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def m_person_communities_from_places(db: sqlite_utils.Database) -> None:
    for table in ("residents", "volunteers"):
        db.execute(f"""
            UPDATE {table} SET community_id = (SELECT p.community_id FROM places p
                                               WHERE p.id = {table}.place_id)
            WHERE community_id IS NULL AND place_id IS NOT NULL
        """)


def people_without_community(db: sqlite_utils.Database) -> list[tuple[str, int, str]]:
    """Current residents and volunteers with no community: (table, id, name), for `check`."""
    return [(table, row[0], row[1]) for table in ("residents", "volunteers")
            for row in db.execute(f"SELECT id, name FROM {table} "
                                  "WHERE community_id IS NULL AND archived_at IS NULL ORDER BY id")]
