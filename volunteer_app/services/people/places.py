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


COMMUNITY_KINDS = ("社区", "村")
PLACE_KINDS = ("小区", "院落", "村", "其他")   # what the window offers; the ledgers know more (驿站 …)


class PlaceError(ValueError):
    """A community or place that cannot be added; the message names the field."""


def add_community(session: Session, name: str, street: str = "", kind: str = "社区") -> int:
    """A new 社区 or 村. Staff keep the ledgers, so adding one is RESIDENT_WRITE, not SETTINGS:
    a committee starting empty must be able to place its first resident."""
    session.require(Permission.RESIDENT_WRITE)
    name = _required(name, "社区名称")
    if kind not in COMMUNITY_KINDS:
        raise PlaceError(f"社区类型“{kind}”不对，只能是：{'、'.join(COMMUNITY_KINDS)}。")
    row = {"uid": new_uid(), "name": name, "street": street.strip(), "kind": kind, "created_at": now_text()}
    with session.write("communities"):
        if _taken(session, "SELECT 1 FROM communities WHERE archived_at IS NULL AND name = ?", [name]):
            raise PlaceError(f"社区名称“{name}”已经有了，不能重复新增。")
        community_id = session.db.table("communities").insert(row).last_pk
        session.audit("新增", "communities", community_id, None, row)
    return community_id


def add_place(session: Session, community_id: int, name: str, kind: str = "小区", address: str = "",
              *, flood_prone: bool = False) -> int:
    """A 小区, 院落 or 村 of a current community; its name is unique within that community.
    ``flood_prone`` (低洼易涝) puts it on the 暴雨 warning's patrols."""
    session.require(Permission.RESIDENT_WRITE)
    name = _required(name, "小区/院落名称")
    kind = kind.strip() or "小区"
    row = {"uid": new_uid(), "community_id": community_id, "name": name, "kind": kind,
           "address": address.strip(), "flood_prone": 1 if flood_prone else 0, "created_at": now_text()}
    with session.write("places"):
        community = session.db.execute("SELECT name FROM communities WHERE id = ? AND archived_at IS NULL",
                                       [community_id]).fetchone()
        if community is None:
            raise PlaceError(f"所属社区（编号 {community_id}）不存在或已归档，请先新增社区。")
        if _taken(session, "SELECT 1 FROM places WHERE archived_at IS NULL AND community_id = ? AND name = ?",
                  [community_id, name]):
            raise PlaceError(f"小区/院落名称“{name}”在{community[0]}已经有了，不能重复新增。")
        place_id = session.db.table("places").insert(row).last_pk
        session.audit("新增", "places", place_id, None, row)
    return place_id


def set_flood_prone(session: Session, place_id: int, flood_prone: bool) -> None:
    """Mark a place 低洼易涝 (or not): water stands there after heavy rain, so a 暴雨 warning
    sends a patrol. Audited like any ledger change; setting what is already set writes nothing."""
    session.require(Permission.RESIDENT_WRITE)
    with session.write("places"):
        current = session.row("places", place_id)
        if current is None or current["archived_at"] is not None:
            raise PlaceError(f"找不到编号为{place_id}的小区/院落，可能已归档。")
        value = 1 if flood_prone else 0
        if current["flood_prone"] == value:
            return
        session.db.table("places").update(place_id, {"flood_prone": value})
        session.audit("修改", "places", place_id, current, {**current, "flood_prone": value},
                      f"“{current['name']}”{'标为' if value else '取消'}低洼易涝")


def find_place(session: Session, community_id: int, text: str) -> dict[str, Any] | None:
    """A current place of the community by its full name, or by its id when no name matches."""
    text = text.strip()
    rows = places(session, community_id)
    found = next((p for p in rows if p["name"] == text), None)
    if found is None and text.isdigit():
        found = next((p for p in rows if p["id"] == int(text)), None)
    return found


def find_community(session: Session, text: str) -> dict[str, Any] | None:
    """A current community by its full name, or by its id when no name matches."""
    text = text.strip()
    for community in communities(session):
        if community["name"] == text:
            return community
    if text.isdigit():
        return next((c for c in communities(session) if c["id"] == int(text)), None)
    return None


def _required(value: str, field: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise PlaceError(f"{field}为空，请填写。")
    return value


def _taken(session: Session, sql: str, params: list[Any]) -> bool:
    return session.db.execute(sql, params).fetchone() is not None


def service_types(session: Session) -> list[dict[str, Any]]:
    return list(session.db.query("SELECT * FROM service_types WHERE archived_at IS NULL ORDER BY id"))
