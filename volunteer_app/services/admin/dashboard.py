"""The numbers that matter now, for the 工作台 page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ...domain import helper_rule
from ..care import coverage
from ..people.residents import stranded_sql
from ..permissions import Permission
from ..session import Session
from . import settings


class TeamCount(NamedTuple):
    id: int
    name: str
    members: int                 # current members who have not withdrawn (退出)


@dataclass(frozen=True)
class Dashboard:
    residents: int
    seniors: int                 # aged 90+ (the 90后 setting)
    stranded: int                # 悬空老人
    stranded_seniors: int
    living_alone: int
    volunteers: int
    helpers_available: int       # 80后, active, in a community, with pairing capacity left
    teams: list[TeamCount]
    uncovered: int = 0           # high or priority tier with neither helper nor 包户人
    # for the first steps of an office that starts empty
    issuer_missing: tuple[str, ...] = ()   # the issuer's settings still blank (社区名称 …)
    accounts: int = 0            # active accounts, counted for those who manage them
    tasks: int = 0


def load(session: Session) -> Dashboard:
    session.require(Permission.LEDGER_READ)
    db = session.db
    cohort = settings.cohorts(session)
    total, seniors, stranded_count, stranded_seniors, alone = _resident_counts(
        session, cohort.sql(session.today()))
    volunteers = db.execute("SELECT count(*) FROM volunteers WHERE archived_at IS NULL AND status = '在册'"
                            ).fetchone()[0]
    # the people 匹配 can propose (domain/helper_rule.py), so the card never promises more
    available, params = helper_rule.available_helper_sql(cohort, "v")
    helpers = db.execute(f"SELECT count(*) FROM volunteers v WHERE {available}", params).fetchone()[0]
    teams = [TeamCount(r["id"], r["name"], r["members"]) for r in db.query(
        "SELECT t.id, t.name, (SELECT count(*) FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
        " WHERE m.team_id = t.id AND m.left_on IS NULL AND v.archived_at IS NULL AND v.status <> '退出') "
        "AS members FROM teams t WHERE t.archived_at IS NULL ORDER BY t.id")]
    accounts = db.execute("SELECT count(*) FROM users WHERE active = 1").fetchone()[0] \
        if session.can(Permission.USERS) else 0
    return Dashboard(total, seniors, stranded_count, stranded_seniors, alone, volunteers, helpers, teams,
                     uncovered=coverage.uncovered_count(session),
                     issuer_missing=tuple(settings.missing_issuer(session)), accounts=accounts,
                     tasks=db.execute("SELECT count(*) FROM tasks").fetchone()[0])


def _resident_counts(session: Session, senior: tuple[str, list]) -> tuple[int, int, int, int, int]:
    """Current residents: all, 90+, 悬空老人, 悬空 and 90+, living alone.

    One query per figure, each a range in one partial index (store/dashboard_indexes.py);
    one pass over the table for all five took 55 ms on 100,000 residents."""
    db = session.db
    current = "FROM residents WHERE archived_at IS NULL"
    total = db.execute(f"SELECT count(*) {current}").fetchone()[0]
    aged, aged_params = senior
    seniors = db.execute(f"SELECT count(*) {current} AND {aged}", aged_params).fetchone()[0]
    stranded, params = stranded_sql(session)
    stranded_count, stranded_seniors = db.execute(
        f"SELECT count(*), total({aged}) {current} AND {stranded}",
        [*aged_params, *params]).fetchone()
    alone = db.execute(f"SELECT count(*) {current} AND lives_alone = 1").fetchone()[0]
    return total, seniors, stranded_count, int(stranded_seniors), alone
