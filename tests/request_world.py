"""A small neighbourhood for the 接诉即办 tests: a community with a 小区 and a bin point, a
resident who calls, a community worker, a team and the acting roles. Each test module
makes its ``world`` fixture with :func:`make_world`."""

from __future__ import annotations

from dataclasses import dataclass

from volunteer_app.services.people import places, residents, teams, volunteers
from volunteer_app.services.permissions import Role
from volunteer_app.services.scheduling import service_types
from volunteer_app.services.session import Actor, Session


@dataclass
class World:
    session: Session
    community: int
    place: int
    bins: int
    resident: int
    worker: int
    team: int
    types: dict[str, int]

    def as_role(self, role: Role, name: str = "") -> Session:
        actor = Actor(None, name or role.value, role, frozenset({self.team}))
        return Session(self.session.db, actor, today=self.session.today)


def make_world(session: Session) -> World:
    community = places.add_community(session, "银地社区")
    place = places.add_place(session, community, "明春苑")
    bins = places.add_place(session, community, "明春苑东门垃圾桶站", kind="其他")
    resident = residents.add(session, {"name": "王秀兰", "birth_date": "1950-02-03", "gender": "女",
                                       "phone": "13911112222", "community_id": community, "place_id": place})
    worker = volunteers.add(session, {"name": "李社工", "birth_date": "1988-05-06", "gender": "女",
                                      "phone": "13800001111", "is_staff": 1})
    team = teams.create(session, "银地居民志愿服务队", community)
    types = {t["name"]: t["id"] for t in service_types.list_all(session)}
    return World(session, community, place, bins, resident, worker, team, types)
