"""Communities and places (小区, 院落, 村, bin stations): the reference lists of the ledgers."""

from __future__ import annotations

from typing import Any

from ...store.rows import new_uid, now_text
from ..permissions import Permission
from ..session import Session


def communities(session: Session) -> list[dict[str, Any]]:
    return list(session.db.query("SELECT * FROM communities WHERE archived_at IS NULL ORDER BY id"))


def places(session: Session, community_id: int | None = None) -> list[dict[str, Any]]:
    if community_id is None:
        return list(session.db.query("SELECT * FROM places WHERE archived_at IS NULL ORDER BY id"))
    return list(session.db.query("SELECT * FROM places WHERE archived_at IS NULL AND community_id = ? "
                                 "ORDER BY id", [community_id]))


def add_community(session: Session, name: str, street: str = "", kind: str = "社区") -> int:
    session.require(Permission.SETTINGS)
    row = {"uid": new_uid(), "name": name.strip(), "street": street, "kind": kind, "created_at": now_text()}
    with session.write("communities"):
        community_id = session.db.table("communities").insert(row).last_pk
        session.audit("新增", "communities", community_id, None, row)
    return community_id


def add_place(session: Session, community_id: int, name: str, kind: str = "小区", address: str = "") -> int:
    session.require(Permission.RESIDENT_WRITE)
    row = {"uid": new_uid(), "community_id": community_id, "name": name.strip(), "kind": kind,
           "address": address, "created_at": now_text()}
    with session.write("places"):
        place_id = session.db.table("places").insert(row).last_pk
        session.audit("新增", "places", place_id, None, row)
    return place_id


def service_types(session: Session) -> list[dict[str, Any]]:
    return list(session.db.query("SELECT * FROM service_types WHERE archived_at IS NULL ORDER BY id"))
