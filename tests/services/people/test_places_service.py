"""Communities and places added by the staff who keep the ledgers: names required and
unique where they are current, refused with a message naming the field, nothing written."""

from __future__ import annotations

import pytest

from volunteer_app.services.people import places
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.session import Actor, Session


def _as(session: Session, role: Role) -> Session:
    return Session(session.db, Actor(None, "某人", role), today=session.today)


def _count(session: Session, table: str) -> int:
    return session.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_staff_add_a_community_and_its_courtyard(session):
    staff = _as(session, Role.STAFF)
    community = places.add_community(staff, "  高立庄社区 ", "花乡街道")
    place = places.add_place(staff, community, "高立庄", "院落")
    assert [c["name"] for c in places.communities(staff)] == ["高立庄社区"]
    assert [(p["id"], p["name"], p["kind"]) for p in places.places(staff, community)] == [(place, "高立庄", "院落")]
    assert places.find_community(staff, "高立庄社区")["id"] == community
    assert places.find_community(staff, str(community))["id"] == community
    assert places.find_community(staff, "银地社区") is None


@pytest.mark.parametrize("role", [Role.CAPTAIN, Role.SUPERVISOR, Role.ADMIN])
def test_only_ledger_keepers_add(session, role):
    community = places.add_community(session, "高立庄社区")
    with pytest.raises(PermissionDenied):
        places.add_community(_as(session, role), "银地第二社区")
    with pytest.raises(PermissionDenied):
        places.add_place(_as(session, role), community, "明春苑")
    assert (_count(session, "communities"), _count(session, "places")) == (1, 0)


@pytest.mark.parametrize("name", ["", "   ", "\u3000"])
def test_empty_names_are_refused_by_field(session, name):
    with pytest.raises(places.PlaceError, match="社区名称为空"):
        places.add_community(session, name)
    community = places.add_community(session, "高立庄社区")
    with pytest.raises(places.PlaceError, match="小区/院落名称为空"):
        places.add_place(session, community, name)
    assert (_count(session, "communities"), _count(session, "places")) == (1, 0)


def test_duplicates_are_refused_among_current_rows_only(session):
    gaoli = places.add_community(session, "高立庄社区")
    yindi = places.add_community(session, "银地第二社区")
    with pytest.raises(places.PlaceError, match="社区名称“高立庄社区”已经有了"):
        places.add_community(session, "高立庄社区 ")
    places.add_place(session, gaoli, "明春苑")
    with pytest.raises(places.PlaceError, match="小区/院落名称“明春苑”在高立庄社区已经有了"):
        places.add_place(session, gaoli, "明春苑")
    places.add_place(session, yindi, "明春苑")            # another community may use the name
    session.db.execute("UPDATE communities SET archived_at = '2026-01-01' WHERE id = ?", [gaoli])
    session.db.conn.commit()
    assert places.add_community(session, "高立庄社区") != gaoli
    assert (_count(session, "communities"), _count(session, "places")) == (3, 2)


def test_a_place_needs_a_current_community_and_a_known_kind(session):
    with pytest.raises(places.PlaceError, match="所属社区"):
        places.add_place(session, 99, "明春苑")
    with pytest.raises(places.PlaceError, match="社区类型"):
        places.add_community(session, "高立庄", kind="街道")
    assert (_count(session, "communities"), _count(session, "places")) == (0, 0)
