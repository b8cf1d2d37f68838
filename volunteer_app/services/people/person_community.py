"""Every person belongs to a community: residents and volunteers get it from their place.

80后帮90后 pairs people inside a community, so a person saved without one is never
proposed (domain/matching.py). The resident and volunteer forms call :func:`settle`: a
chosen place (小区/院落) decides the community, so the two can never disagree, and a form
that shows the location must fill it while the database has communities to choose from.
"""

from __future__ import annotations

from typing import Any

from ..session import Session

# What staff do about a person without a community (the forms, `check`, the match reasons).
FIX_RESIDENT = "在居民对话框里选择小区/院落（决定所属社区）"
FIX_VOLUNTEER = "在志愿者对话框里选择所属社区"

MISSING = {
    "residents": "请选择小区/院落：它决定所属社区，80后帮90后只在本社区内结对，没有社区的老人不会被推荐。",
    "volunteers": "请选择所属社区：80后帮90后只在本社区内结对，没有社区的帮手不会被推荐。",
}


def settle(session: Session, table: str, fields: dict[str, Any], values: dict[str, Any],
           errors: dict[str, str], error_key: str) -> None:
    """Put ``community_id`` (and ``place_id``) of a ``residents`` or ``volunteers`` form into
    ``values``; a message goes to ``errors[error_key]`` when the place does not exist, does
    not lie in the chosen community, or the form leaves the person without a community."""
    if "place_id" not in fields and "community_id" not in fields:
        return                       # a form without the location: nothing to settle
    place_id = fields.get("place_id") or None
    community_id = fields.get("community_id") or None
    if "place_id" in fields:
        values["place_id"] = place_id
    if place_id is not None:
        place = session.db.execute("SELECT name, community_id FROM places WHERE id = ?",
                                   [place_id]).fetchone()
        if place is None:
            errors[error_key] = f"所选小区/院落（编号{place_id}）不存在，请重新选择。"
            return
        if community_id is not None and community_id != place[1]:
            errors[error_key] = (f"小区/院落“{place[0]}”属于{_name(session, place[1])}，"
                                 f"不属于所选的{_name(session, community_id)}，请重新选择。")
            return
        community_id = place[1]
    elif fields.get("id") is not None:
        stored_community, stored_place = _stored(session, table, fields["id"])
        if "community_id" not in fields:
            community_id = stored_community           # the place was cleared only
        elif "place_id" not in fields and stored_place is not None and community_id != stored_community:
            values["place_id"] = None                 # moved to another community: not that place
    if community_id is not None and _name(session, community_id) is None:
        errors[error_key] = f"所选社区（编号{community_id}）不存在，请重新选择。"
        return
    values["community_id"] = community_id
    if community_id is None and _has_communities(session):
        errors[error_key] = MISSING[table]


def _name(session: Session, community_id: int) -> str | None:
    row = session.db.execute("SELECT name FROM communities WHERE id = ?", [community_id]).fetchone()
    return row[0] if row else None


def _stored(session: Session, table: str, row_id: int) -> tuple[int | None, int | None]:
    row = session.db.execute(f"SELECT community_id, place_id FROM {table} WHERE id = ?",
                             [row_id]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def _has_communities(session: Session) -> bool:
    return session.db.execute(
        "SELECT 1 FROM communities WHERE archived_at IS NULL LIMIT 1").fetchone() is not None
