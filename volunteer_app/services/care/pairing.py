"""80后帮90后: propose pairs, accept or reject them, release active pairs, and log visits.

The matcher itself lives in ``domain/matching.py``; this module loads the eligible people
(helpers with places left, consenting residents aged 90+ without an active pair), keeps
pairs in the ``pairings`` table and visits in ``visits``; a logged visit becomes a service
record of the helper through :func:`records.from_visit`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from functools import lru_cache
from typing import Any

from ...domain import helper_rule, matching, risk
from ...domain.availability import Availability
from ...domain.forms import parse_date
from ...domain.identity import FieldError
from ...domain.people import HousingRule
from ...domain.risk import resident_risk, risk_sql
from ...domain.typed_text import clean_code
from ...store.rows import from_json, new_uid, now_text, to_json
from .. import privacy, scope
from ..admin import settings
from ..hours import records
from ..people import consent
from ..permissions import Permission, PermissionDenied
from ..session import Session
from .pairing_rows import ACTIVE, VISIT_TEXTS

MODES = ("上门", "电话", "视频")


class PairingError(ValueError):
    """A pairing action could not be done; the message names the pair and what to do."""


@dataclass
class Proposal:
    result: matching.MatchResult
    helpers: dict[int, dict[str, Any]] = field(default_factory=dict)    # id → name, place …
    residents: dict[int, dict[str, Any]] = field(default_factory=dict)


def weights(session: Session) -> matching.Weights:
    names = [f for f in matching.Weights.__dataclass_fields__ if f != "time_slots_counted"]
    # settings.put refuses a negative weight; one saved before it did counts as 0, since
    # the matcher's best total assumes no pair part lowers a score
    return matching.Weights(**{n: max(0.0, float(settings.get(session, f"pairing.w_{n}")))
                                for n in names})


def _helper_rows(session: Session) -> list[dict[str, Any]]:
    """The available helpers (domain/helper_rule.py: the 工作台 counts the same people)."""
    available, params = helper_rule.available_helper_sql(settings.cohorts(session), "v")
    return list(session.db.query(
        f"SELECT v.*, p.name AS place_name, v.helper_capacity - {helper_rule.active_pairs_sql('v')} "
        f"AS places_left FROM volunteers v LEFT JOIN places p ON p.id = v.place_id WHERE {available}",
        params))


def _senior_rows(session: Session) -> list[dict[str, Any]]:
    old_enough, params = settings.cohorts(session).sql(session.today(), "r")  # 90+ (domain/people.py)
    return list(session.db.query(
        "SELECT r.*, p.name AS place_name FROM residents r LEFT JOIN places p ON p.id = r.place_id "
        f"WHERE r.archived_at IS NULL AND {old_enough} AND r.consent_visit = 1 "
        "AND r.consent_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pairings x "
        " WHERE x.resident_id = r.id AND x.state = ?)", [*params, ACTIVE]))


@lru_cache(maxsize=1024)
def _json_set(text: str | None) -> frozenset[str]:
    """A stored list of needs or skills as a set: few lists recur among thousands of people."""
    return frozenset(from_json(text, []))


def _helper(row: dict[str, Any]) -> matching.Helper:
    return matching.Helper(
        row["id"], row["name"], row["gender"], row["community_id"], row["place_id"],
        row["building"] or "", Availability.parse(row["availability"]).slots,
        _json_set(row["skills"]), bool(row["health_limit"]),
        max(int(row["places_left"]), 0))


def _stranded(session: Session, row: dict[str, Any]) -> bool:
    return risk.is_stranded(row, settings.housing_rule(session), session.today())


def _senior(row: dict[str, Any], rule: HousingRule, today: date) -> matching.Senior:
    return matching.Senior(
        row["id"], row["name"], row["gender"], row["community_id"], row["place_id"],
        row["building"] or "", Availability.parse(row["preferred_visit_times"]).slots,
        _json_set(row["needs"]), row["gender_preference"],
        risk.is_stranded(row, rule, today), bool(row["lives_alone"]), bool(row["family_nearby"]),
        matching.senior_age(row["birth_date"], today))


def forbidden_pairs(session: Session) -> frozenset[tuple[int, int]]:
    return frozenset(tuple(r) for r in session.db.execute(
        "SELECT volunteer_id, resident_id FROM pairings WHERE do_not_repeat = 1"))


def load(session: Session) -> tuple[list[matching.Helper], list[matching.Senior],
                                    dict[int, dict], dict[int, dict]]:
    """The eligible helpers (with places left) and residents, and their rows by id, shaped
    for the acting user: the matcher reads the whole rows, the caller gets them as any
    service gives them (a public function that returned them raw gave every role full ID
    numbers, phones and health notes)."""
    session.require(Permission.PAIRING)
    helper_rows, senior_rows = _helper_rows(session), _senior_rows(session)
    helpers = [_helper(r) for r in helper_rows]
    # the housing rule read once, not once a resident (a query each)
    rule, today = settings.housing_rule(session), session.today()
    seniors = [_senior(r, rule, today) for r in senior_rows]
    for r, s in zip(senior_rows, seniors, strict=True):   # the rows are this call's own
        r["stranded"], r["age"] = s.stranded, s.age
    return (helpers, seniors, _shaped(session, {r["id"]: r for r in helper_rows}),
            _shaped(session, {r["id"]: r for r in senior_rows}))


def propose(session: Session, widen: bool = False) -> Proposal:
    """The optimal new pairs and the residents left without a helper, with reasons."""
    helpers, seniors, helper_rows, senior_rows = load(session)
    result = matching.optimal_match(
        helpers, seniors, weights(session), widen=widen, forbidden=forbidden_pairs(session),
        min_age=settings.cohorts(session).resident_min_age)
    # the rows are whole table rows, shaped by load like every other service's, so a page or
    # the command line that shows more of them than the name shows nothing past the role
    return Proposal(result, helper_rows, senior_rows)


def _shaped(session: Session, rows: dict[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
    return {row_id: privacy.shape(session, row) for row_id, row in rows.items()}


def cadence(session: Session, resident: dict[str, Any]) -> int:
    """Days between visits: the setting of the resident's risk tier today (domain/risk.py)."""
    level = resident_risk(resident, settings.housing_rule(session), session.today())
    return settings.visit_cadence(session).days(level)


def accept(session: Session, pairs: list[matching.Pair]) -> list[int]:
    """Store proposed pairs as active, refusing any that no longer fit (one transaction)."""
    session.require(Permission.PAIRING)
    ids = []
    with session.write("pairings"):
        for pair in pairs:
            helper = session.row("volunteers", pair.helper_id)
            resident = session.row("residents", pair.resident_id)
            if helper is None or resident is None:
                raise PairingError(f"结对（帮手编号{pair.helper_id}、老人编号{pair.resident_id}）中的"
                                   "人员已不存在，请重新匹配。")
            _check_free(session, helper, resident)
            row = {"uid": new_uid(), "volunteer_id": helper["id"], "resident_id": resident["id"],
                   "state": ACTIVE, "score": pair.score.total, "reasons": to_json(pair.score.reasons),
                   "visit_every_days": cadence(session, resident),
                   "started_on": session.today().isoformat(), "created_at": now_text()}
            pairing_id = session.db.table("pairings").insert(row).last_pk
            session.audit("结对", "pairings", pairing_id, None, row)
            ids.append(pairing_id)
    return ids


def _check_free(session: Session, helper: dict, resident: dict) -> None:
    refused = consent.refusal(resident)
    if refused:
        raise PairingError(refused)
    taken = session.db.execute("SELECT count(*) FROM pairings WHERE volunteer_id = ? AND state = ?",
                               [helper["id"], ACTIVE]).fetchone()[0]
    if taken >= helper["helper_capacity"]:
        raise PairingError(f"帮手“{helper['name']}”已结对{taken}位老人，达到可结对人数"
                           f"{helper['helper_capacity']}，请重新匹配或先解除一个结对。")
    if session.db.execute("SELECT 1 FROM pairings WHERE resident_id = ? AND state = ?",
                          [resident["id"], ACTIVE]).fetchone():
        raise PairingError(f"老人“{resident['name']}”已经有结对帮手，请重新匹配。")


def reject(session: Session, pair: matching.Pair, do_not_repeat: bool = False,
           reason: str = "") -> int:
    """Turn a proposal down; with ``do_not_repeat`` the matcher never proposes it again."""
    session.require(Permission.PAIRING)
    row = {"uid": new_uid(), "volunteer_id": pair.helper_id, "resident_id": pair.resident_id,
           "state": "已拒绝", "score": pair.score.total, "reasons": to_json(pair.score.reasons),
           "ended_on": session.today().isoformat(), "end_reason": reason.strip(),
           "do_not_repeat": 1 if do_not_repeat else 0, "created_at": now_text()}
    with session.write("pairings"):
        pairing_id = session.db.table("pairings").insert(row).last_pk
        session.audit("拒绝结对建议", "pairings", pairing_id, None, row)
    return pairing_id


def release(session: Session, pairing_id: int, reason: str, do_not_repeat: bool = False) -> None:
    """End an active pair; the reason is required and kept."""
    session.require(Permission.PAIRING)
    current = session.row("pairings", pairing_id)
    if current is None or current["state"] != ACTIVE:
        raise PairingError(f"编号为{pairing_id}的结对不在“结对中”状态，无法解除。请刷新后再试。")
    if not reason.strip():
        raise PairingError("请填写解除结对的原因（例如：帮手搬家、老人入住养老院）。")
    change = {"state": "已解除", "ended_on": session.today().isoformat(),
              "end_reason": reason.strip(), "do_not_repeat": 1 if do_not_repeat else 0}
    with session.write("pairings"):
        session.db.table("pairings").update(pairing_id, change)
        session.audit("解除结对", "pairings", pairing_id, current, {**current, **change})


def active_pairs(session: Session) -> list[dict[str, Any]]:
    """Every active pair with its cadence and lateness, the latest first to be visited first."""
    session.require(Permission.LEDGER_READ)
    today, cadences = session.today(), settings.visit_cadence(session)
    level, level_params = risk_sql(settings.housing_rule(session), today, "r")
    rows = privacy.shape_all(session, session.db.query(
        "SELECT x.id, x.volunteer_id, x.resident_id, x.score, x.reasons, x.started_on, "
        "v.name AS helper_name, v.phone AS helper_phone, r.name AS resident_name, r.birth_date, "
        f"r.floor, r.has_lift, r.cannot_use_stairs, r.lives_alone, r.building, {level} AS risk_level, "
        "p.name AS place_name, (SELECT max(visited_on) FROM visits w WHERE w.resident_id = "
        "x.resident_id) AS last_visit, (SELECT group_concat(m.team_id) FROM team_members m "
        "WHERE m.volunteer_id = x.volunteer_id AND m.left_on IS NULL) AS team_ids "
        "FROM pairings x JOIN volunteers v ON v.id = x.volunteer_id "
        "JOIN residents r ON r.id = x.resident_id LEFT JOIN places p ON p.id = r.place_id "
        "WHERE x.state = ?", [*level_params, ACTIVE]), {"helper_phone": "phone"})
    for row in rows:
        every = cadences.days(row["risk_level"])
        last = date.fromisoformat(row["last_visit"]) if row["last_visit"] else None
        started = date.fromisoformat(row["started_on"] or today.isoformat())
        row["stranded"] = _stranded(session, row)
        row["every_days"] = every
        row["days_late"] = matching.days_late(last, started, every, today)
        since = max(d for d in (last, started) if d is not None)
        row["due_on"] = date.fromordinal(since.toordinal() + every).isoformat()
        row["reasons"] = from_json(row["reasons"], [])
        row["team_ids"] = [int(t) for t in (row["team_ids"] or "").split(",") if t]
    rows.sort(key=lambda r: (-r["days_late"], r["due_on"], r["id"]))
    return rows


def late_list(session: Session) -> list[dict[str, Any]]:
    """Residents whose next visit is overdue, the latest first."""
    return [r for r in active_pairs(session) if r["days_late"] > 0]


def visit_fields(session: Session, fields: dict[str, Any]) -> dict[str, Any]:
    errors = []
    try:
        day = parse_date(fields.get("visited_on"), "探访日期")
        if day > session.today():
            errors.append(f"探访日期{day.isoformat()}在今天之后，只能登记已经完成的探访。")
    except FieldError as error:
        errors.append(error.message)
        day = None
    start = clean_code(fields.get("start_time")) or None     # an input method's １４：３０ too
    if start:
        try:
            start = time.fromisoformat(start.rjust(5, "0")[:5]).strftime("%H:%M")
        except ValueError:
            errors.append(f"开始时间“{start}”应写成 09:30 这样的时间。")
    try:
        minutes = int(fields.get("minutes") or 0)
    except (TypeError, ValueError):
        minutes = 0
    if not 5 <= minutes <= 480:
        errors.append("探访时长应在5到480分钟之间。")
    mode = fields.get("mode") or "上门"
    if mode not in MODES:
        errors.append(f"探访方式只能是{'、'.join(MODES)}。")
    if errors:
        raise PairingError("；".join(errors))
    return {"visited_on": day.isoformat(), "start_time": start, "minutes": minutes, "mode": mode,
            **{k: str(fields.get(k) or "").strip() for k in VISIT_TEXTS}}


def _may_log(session: Session, team_ids: list[int]) -> bool:
    # a helper in no team is no captain's: can_any fails closed on an empty list
    return session.can_any(Permission.VISIT_LOG, team_ids)


def may_log_visit(session: Session, pair: dict[str, Any]) -> bool:
    """Whether the acting user may log a visit of ``pair`` (a row of :func:`active_pairs`):
    a captain only when the helper is in a team they lead."""
    return _may_log(session, pair["team_ids"])


def _require_visit_log(session: Session, volunteer_id: int) -> None:
    if not _may_log(session, scope.volunteer_team_ids(session, volunteer_id)):
        helper = session.row("volunteers", volunteer_id) or {"name": f"编号{volunteer_id}"}
        raise PermissionDenied(f"队长“{session.actor.name}”只能为自己带领的队伍的队员登记探访，"
                               f"帮手“{helper['name']}”不在您带领的队伍里。")


def log_visit(session: Session, pairing_id: int, fields: dict[str, Any]) -> tuple[int, int]:
    """Save a visit of an active pair and the helper's service record; returns both ids."""
    session.require_held(Permission.VISIT_LOG)
    pair = session.row("pairings", pairing_id)
    refused = consent.refusal(session.row("residents", pair["resident_id"]) if pair else None)
    if refused:
        raise PairingError(refused)
    if pair is None or pair["state"] != ACTIVE:
        raise PairingError(f"编号为{pairing_id}的结对不在“结对中”状态，不能登记探访。")
    _require_visit_log(session, pair["volunteer_id"])
    values = visit_fields(session, fields)
    row = {"uid": new_uid(), "pairing_id": pairing_id, "volunteer_id": pair["volunteer_id"],
           "resident_id": pair["resident_id"], **values, "created_at": now_text()}
    with session.write("visits", "service_records"):
        visit_id = session.db.table("visits").insert(row).last_pk
        session.audit("登记探访", "visits", visit_id, None, row)
        record_id = records.from_visit(session, visit_id)
    return visit_id, record_id


def visits_of(session: Session, resident_id: int) -> list[dict[str, Any]]:
    session.require(Permission.LEDGER_READ)
    # a visit's note on the resident's health only for a role that may see health notes
    return privacy.shape_all(session, session.db.query(
        "SELECT w.*, v.name AS helper_name FROM visits w JOIN volunteers v ON v.id = w.volunteer_id "
        "WHERE w.resident_id = ? ORDER BY w.visited_on DESC, w.id DESC", [resident_id]))
