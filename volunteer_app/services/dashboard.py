"""The numbers that matter now, for the 工作台 page."""

from __future__ import annotations

from dataclasses import dataclass

from . import settings
from .permissions import Permission
from .residents import stranded_sql
from .session import Session


@dataclass(frozen=True)
class Dashboard:
    residents: int
    seniors: int                 # aged 90+ (the 90后 setting)
    stranded: int                # 悬空老人
    stranded_seniors: int
    living_alone: int
    volunteers: int
    helpers_available: int       # 80后, active, with pairing capacity left
    teams: list[tuple[str, int]]  # (team name, active members)


def load(session: Session) -> Dashboard:
    session.require(Permission.LEDGER_READ)
    db = session.db
    cohort = settings.cohorts(session)
    cutoff = cohort.senior_birth_cutoff(session.today())
    stranded, stranded_params = stranded_sql(session)
    row = db.execute(
        f"SELECT count(*), sum(birth_date <= ?), sum({stranded}), "
        f"sum({stranded} AND birth_date <= ?), sum(lives_alone) "
        "FROM residents WHERE archived_at IS NULL",
        [cutoff, *stranded_params, *stranded_params, cutoff]).fetchone()
    total, seniors, stranded_count, stranded_seniors, alone = (value or 0 for value in row)
    volunteers = db.execute("SELECT count(*) FROM volunteers WHERE archived_at IS NULL AND status = '在册'"
                            ).fetchone()[0]
    helpers = db.execute(
        "SELECT count(*) FROM volunteers v WHERE v.archived_at IS NULL AND v.status = '在册' "
        "AND substr(v.birth_date, 1, 4) BETWEEN ? AND ? AND v.helper_capacity > "
        "(SELECT count(*) FROM pairings p WHERE p.volunteer_id = v.id AND p.state = '结对中')",
        [str(cohort.helper_birth_from), str(cohort.helper_birth_to)]).fetchone()[0]
    teams = [(r["name"], r["members"]) for r in db.query(
        "SELECT t.name, (SELECT count(*) FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
        " WHERE m.team_id = t.id AND m.left_on IS NULL AND v.archived_at IS NULL) AS members "
        "FROM teams t WHERE t.archived_at IS NULL ORDER BY t.id")]
    return Dashboard(total, seniors, stranded_count, stranded_seniors, alone, volunteers, helpers, teams)
