"""The facts a weather warning selects by: 依赖电力或氧气 and 慢性病 on a resident, 低洼易涝 on a
place. Saved and audited through the ledger's services, seen by every role that reads the
ledger (they are yes/no facts like 重病, not notes), refused for roles that may not write."""

from __future__ import annotations

import json

import pytest

from volunteer_app.services.people import places, residents
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.session import Actor, Session


def _as(session: Session, role: Role) -> Session:
    return Session(session.db, Actor(None, "某人", role), today=session.today)


def _place(session: Session) -> int:
    community = places.add_community(session, "新发地村", kind="村")
    return places.add_place(session, community, "南洼院", "院落")


def test_resident_facts_are_saved_changed_and_audited(session):
    place = _place(session)
    form = {"name": "吴桂兰", "birth_date": "1936-03-02", "gender": "女", "place_id": place}
    resident = residents.add(session, {**form, "power_dependent": True})
    row = session.row("residents", resident)
    assert (row["power_dependent"], row["chronic_illness"]) == (1, 0)
    residents.update(session, resident, {**form, "power_dependent": False, "chronic_illness": "yes"})
    row = session.row("residents", resident)
    assert (row["power_dependent"], row["chronic_illness"]) == (0, 1)
    entry = session.db.execute("SELECT before, after FROM audit_log WHERE entity = 'residents' "
                               "AND action = '修改'").fetchone()
    before, after = json.loads(entry[0]), json.loads(entry[1])
    assert (before["power_dependent"], after["power_dependent"]) == (1, 0)
    assert (before["chronic_illness"], after["chronic_illness"]) == (0, 1)


def test_validate_cleans_the_facts_to_zero_or_one(session):
    result = residents.validate(session, {"name": "吴桂兰", "birth_date": "1936-03-02", "gender": "女",
                                          "power_dependent": 1, "chronic_illness": ""})
    assert (result.values["power_dependent"], result.values["chronic_illness"]) == (1, 0)


@pytest.mark.parametrize("role", [Role.CAPTAIN, Role.SUPERVISOR])
def test_roles_without_sensitive_rights_still_see_the_facts(session, role):
    # the roll-call and the call sheet need them; only health *notes* are withheld
    place = _place(session)
    resident = residents.add(session, {"name": "吴桂兰", "birth_date": "1936-03-02", "gender": "女",
                                       "place_id": place, "power_dependent": True,
                                       "chronic_illness": True})
    row = residents.get(_as(session, role), resident)
    assert (row["power_dependent"], row["chronic_illness"]) == (1, 1)


def test_a_place_is_added_flood_prone_and_marked_later(session):
    community = places.add_community(session, "新发地村", kind="村")
    low = places.add_place(session, community, "南洼院", "院落", flood_prone=True)
    high = places.add_place(session, community, "北坡院", "院落")
    assert {p["name"]: p["flood_prone"] for p in places.places(session, community)} == {
        "南洼院": 1, "北坡院": 0}
    places.set_flood_prone(session, high, True)
    places.set_flood_prone(session, low, False)
    places.set_flood_prone(session, low, False)          # already so: nothing written
    assert {p["name"]: p["flood_prone"] for p in places.places(session, community)} == {
        "南洼院": 0, "北坡院": 1}
    details = [r[0] for r in session.db.execute(
        "SELECT detail FROM audit_log WHERE entity = 'places' AND action = '修改' ORDER BY id")]
    assert details == ["“北坡院”标为低洼易涝", "“南洼院”取消低洼易涝"]
    assert places.find_place(session, community, "北坡院")["id"] == high
    assert places.find_place(session, community, str(low))["id"] == low
    assert places.find_place(session, community, "东院") is None


def test_marking_is_refused_for_readers_and_unknown_places(session):
    community = places.add_community(session, "新发地村", kind="村")
    place = places.add_place(session, community, "南洼院", "院落")
    with pytest.raises(PermissionDenied):
        places.set_flood_prone(_as(session, Role.SUPERVISOR), place, True)
    with pytest.raises(places.PlaceError, match="找不到编号为99的小区/院落"):
        places.set_flood_prone(session, 99, True)
    assert session.row("places", place)["flood_prone"] == 0
