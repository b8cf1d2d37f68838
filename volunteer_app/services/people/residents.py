"""Residents' ledger: register, edit, archive, and the query behind the 居民 table.

The table may hold 100,000 rows, so filtering, sorting and paging happen in SQL; age and
悬空老人 are computed there from the birth date and the housing rule in force.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ...domain.forms import FormError, FormResult, parse_int, validate_person
from ...domain.identity import FieldError
from ...domain.people import age_on, pinyin_keys
from ...domain.typed_text import clean_code
from ...store.row_versions import check_version
from ...store.rows import new_uid, now_text, to_json
from .. import privacy
from ..admin import settings
from ..care import coverage
from ..permissions import Permission
from ..session import Session
from . import consent, person_community, resident_risk

# power_dependent (依赖电力或氧气) and chronic_illness (慢性病) are yes/no facts like
# serious_illness: the weather roll-call selects by them, so every role that reads the
# ledger sees them; only the notes in SENSITIVE are kept from roles without VIEW_SENSITIVE.
FLAGS = ("has_lift", "cannot_use_stairs", "lives_alone", "empty_nest", "disabled", "dementia",
         "serious_illness", "hardship", "family_nearby", "consent_visit", "sensitive_consent",
         "power_dependent", "chronic_illness")
TEXTS = ("building", "unit", "room", "emergency_contact", "health_notes", "hardship_notes",
         "consent_method", "consent_scope", "notes", "preferred_visit_times", "health_consent_by")
SENSITIVE = ("health_notes", "hardship_notes")
ADDRESS = ("building", "unit", "room")    # numbers: ３号楼 is stored 3号楼, as a caller's address says it


class ResidentError(FormError):
    """A resident could not be saved; ``errors`` maps field → Chinese message."""


def validate(session: Session, fields: dict[str, Any]) -> FormResult:
    """Check a resident form; used on every keystroke by the dialog. The values come back
    with personal numbers masked; a number shown masked and left so stays as stored."""
    result = _checked(session, fields)
    result.values = privacy.mask_row(result.values)
    return result


def _checked(session: Session, fields: dict[str, Any]) -> FormResult:
    """The form's clean values (the stored number for one left masked) and its errors."""
    fields, masked_errors = privacy.restore_stored(session, "residents", fields.get("id"), fields)
    result = validate_person(fields, session.today())
    for flag in FLAGS:
        if flag in fields:
            result.values[flag] = 1 if fields[flag] else 0
    for key in TEXTS:
        if key in fields:
            typed = fields[key]
            result.values[key] = clean_code(typed) if key in ADDRESS else str(typed or "").strip()
    try:
        result.values["floor"] = parse_int(fields.get("floor"), "楼层", -3, 60)
    except FieldError as error:
        result.errors["floor"] = error.message
    # the place decides the community (and keeps it when the place changes)
    person_community.settle(session, "residents", fields, result.values, result.errors, "place_id")
    if "needs" in fields:
        result.values["needs"] = to_json(list(fields["needs"] or []))
    if "gender_preference" in fields:
        result.values["gender_preference"] = fields["gender_preference"] or None
    if "responsible_volunteer_id" in fields:
        staff = fields["responsible_volunteer_id"] or None
        problem = coverage.check_responsible(session, staff)
        if problem:
            result.errors["responsible_volunteer_id"] = problem
        result.values["responsible_volunteer_id"] = staff
    if fields.get("consent_visit") and "consent_date" in fields:
        result.values["consent_date"] = fields.get("consent_date") or session.today().isoformat()
    _check_unique_id(session, fields.get("id"), result)
    result.errors.update(masked_errors)
    consent.check_health_consent(session, fields, result)
    return result


def _check_unique_id(session: Session, resident_id: int | None, result: FormResult) -> None:
    number = result.values.get("id_number")
    if not number:
        return
    rows = list(session.db.query(
        "SELECT id, name FROM residents WHERE id_number = ? AND id IS NOT ?", [number, resident_id]))
    if rows:
        result.errors["id_number"] = f"身份证号已登记给居民“{rows[0]['name']}”（编号{rows[0]['id']}），请勿重复登记。"


def _derived(session: Session, values: dict[str, Any], current: dict[str, Any] | None) -> dict[str, Any]:
    """Columns computed on save: pinyin keys, phone tail, risk level."""
    merged = {**(current or {}), **values}
    initials, full = pinyin_keys(merged["name"])
    phone = merged.get("phone") or ""
    level = resident_risk.level_of(merged, settings.housing_rule(session), session.today())
    staff = (coverage.responsible_values(session, values["responsible_volunteer_id"], current)
             if "responsible_volunteer_id" in values else {})
    return {"name_initials": initials, "name_pinyin": full,
            "phone_tail": re.sub(r"\D", "", phone)[-4:], "risk_level": level, **staff}


def add(session: Session, fields: dict[str, Any]) -> int:
    session.require(Permission.RESIDENT_WRITE)
    result = _checked(session, fields)
    if not result.ok:
        raise ResidentError(result.errors)
    values = result.values
    if any(values.get(k) for k in SENSITIVE):
        session.require(Permission.VIEW_SENSITIVE)
    stamp = now_text()
    row = {**values, **_derived(session, values, None), "uid": new_uid(),
           "created_at": stamp, "updated_at": stamp}
    with session.write("residents"):
        resident_id = session.db.table("residents").insert(row).last_pk
        session.audit("新增", "residents", resident_id, None, row)
    return resident_id


def update(session: Session, resident_id: int, fields: dict[str, Any], *,
           version: int | None = None) -> None:
    """Save an edit; ``version`` is the row_version the edit was based on (StaleRecord if moved on)."""
    session.require(Permission.RESIDENT_WRITE)
    current = session.row("residents", resident_id)
    if current is None:
        raise ResidentError({"id": f"找不到编号为{resident_id}的居民，可能已被删除。"})
    if any(k in fields for k in SENSITIVE):
        session.require(Permission.VIEW_SENSITIVE)
    result = _checked(session, {**fields, "id": resident_id})
    if not result.ok:
        raise ResidentError(result.errors)
    values = {**result.values, **_derived(session, result.values, current), "updated_at": now_text()}
    withdrawn = consent.is_withdrawal(current, values)
    if withdrawn:
        values["consent_withdrawn_on"] = session.today().isoformat()
    elif values.get("consent_visit"):
        values["consent_withdrawn_on"] = None
    with session.write("residents", "pairings"):
        check_version(session.db, "residents", resident_id, version)
        session.db.table("residents").update(resident_id, values)
        session.audit("修改", "residents", resident_id, current, {**current, **values})
        if withdrawn:
            consent.end_pairs(session, resident_id)


def archive(session: Session, resident_id: int, reason: str = "", *,
            version: int | None = None) -> None:
    """Removing a resident archives them: their history (visits, pairs, requests) stays."""
    session.require(Permission.RESIDENT_WRITE)
    current = session.row("residents", resident_id)
    if current is None:
        raise ResidentError({"id": f"找不到编号为{resident_id}的居民。"})
    values = {"archived_at": now_text(), "archive_reason": reason.strip()}
    with session.write("residents", "pairings"):
        check_version(session.db, "residents", resident_id, version)
        session.db.table("residents").update(resident_id, values)
        session.db.execute(
            "UPDATE pairings SET state = '已解除', ended_on = ?, end_reason = ? "
            "WHERE resident_id = ? AND state = '结对中'",
            [session.today().isoformat(), "居民已归档", resident_id])
        session.audit("归档", "residents", resident_id, current, {**current, **values}, reason)


def get(session: Session, resident_id: int) -> dict[str, Any] | None:
    session.require(Permission.LEDGER_READ)
    row = session.row("residents", resident_id)
    # numbers masked for every role (privacy.reveal gives one in full, audited); health and
    # hardship notes only for a role that may see them
    return privacy.shape(session, row) if row else None


# -- the table's query ------------------------------------------------------------------

SORTABLE = {
    "name": "r.name_pinyin", "gender": "r.gender", "age": "r.birth_date", "phone": "r.phone",
    "place": "p.name", "community": "c.name", "building": "r.building", "floor": "r.floor", "has_lift": "r.has_lift",
    "stranded": "stranded", "lives_alone": "r.lives_alone", "risk_level": "risk_level",
    "id": "r.id",
}
# Age sorts by birth date reversed; "desc" on age means youngest first, so flip it.
_REVERSED = {"age"}


@dataclass(frozen=True)
class ResidentQuery:
    text: str = ""
    only_stranded: bool = False
    only_seniors: bool = False      # aged at least the 90后 setting
    only_alone: bool = False
    only_uncovered: bool = False    # high or priority tier, with neither helper nor 包户人
    include_archived: bool = False
    sort: str = "id"
    descending: bool = False


# Past every character, so that ``column >= text AND column < text + _LAST`` is "starts with".
_LAST = "\U0010ffff"


def _starts_with(expression: str, text: str) -> tuple[str, list[Any]]:
    return f"{expression} >= ? AND {expression} < ?", [text, text + _LAST]


@functools.lru_cache(maxsize=1200)
def _phone_tails(digits: str) -> str:
    """Every stored 4-digit phone tail ending in ``digits`` (and the shorter tails of short
    numbers), as a JSON list for ``json_each``; 1,111 of them for one digit, so kept."""
    tails = [digits]
    for width in range(1, 5 - len(digits)):
        tails += [f"{n:0{width}d}{digits}" for n in range(10 ** width)]
    return to_json(tails)


def _text_branches(text: str) -> list[tuple[str, list[Any]]]:
    """What the typed text may be, each a condition that one index answers with a range."""
    if re.fullmatch(r"[a-z]+", text):                    # pinyin initials or pinyin
        return [_starts_with("name_initials", text), _starts_with("name_pinyin", text)]
    if re.fullmatch(r"\d+", text):                       # a phone's last digits, or a building
        phone = (("phone_tail = ? AND phone LIKE ?", [text[-4:], "%" + text]) if len(text) > 4 else
                 ("phone_tail IN (SELECT value FROM json_each(?))", [_phone_tails(text)]))
        return [phone, ("building = ?", [text]), _starts_with("building", text + "号")]
    return [_starts_with("name", text), _starts_with("substr(name, 2)", text),
            _starts_with("building", text),
            ("place_id IN (SELECT id FROM places WHERE name LIKE ?)", [f"%{text}%"])]


def _matching_ids(query: ResidentQuery) -> tuple[str, list[Any]] | None:
    """The ids of residents matching the typed text, as a UNION of index lookups; None if no text.

    One OR over several columns would make SQLite fetch every matching row to check it; each
    branch alone is a range in one partial index that already leaves archived rows out.
    """
    text = unicodedata.normalize("NFKC", query.text).strip().lower()
    if not text:
        return None
    active = "" if query.include_archived else "archived_at IS NULL AND "
    branches = _text_branches(text)
    sql = " UNION ".join(f"SELECT id FROM residents WHERE {active}{condition}" for condition, _ in branches)
    return sql, [param for _, params in branches for param in params]


def stranded_sql(session: Session, table: str = "") -> tuple[str, list[Any]]:
    """The 悬空老人 rule as an SQL expression over ``residents`` columns, with its parameters.

    ``table`` qualifies the columns (``"r"`` gives ``r.floor``) when the query joins others."""
    return settings.housing_rule(session).sql(session.today(), table)


def _where(session: Session, query: ResidentQuery) -> tuple[list[str], list[Any]]:
    """Conditions on ``residents r`` besides the typed text."""
    clauses, params = [], []
    if not query.include_archived:
        clauses.append("r.archived_at IS NULL")
    if query.only_stranded:
        expression, more = stranded_sql(session, "r")
        clauses.append(expression)
        params += more
    if query.only_seniors:
        expression, more = settings.cohorts(session).sql(session.today(), "r")
        clauses.append(expression)
        params += more
    if query.only_alone:
        clauses.append("r.lives_alone = 1")
    if query.only_uncovered:
        expression, more = coverage.uncovered_sql(session, "r")
        clauses.append(expression)
        params += more
    return clauses, params


def count(session: Session, query: ResidentQuery) -> int:
    session.require(Permission.LEDGER_READ)
    ids = _matching_ids(query)
    clauses, params = _where(session, query)
    if ids and clauses in ([], ["r.archived_at IS NULL"]):
        # Only the text: count the ids the indexes give, never touching the table.
        return session.db.execute(f"SELECT count(*) FROM ({ids[0]})", ids[1]).fetchone()[0]
    if ids:
        clauses.insert(0, f"r.id IN ({ids[0]})")
        params = ids[1] + params
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return session.db.execute(f"SELECT count(*) FROM residents r{where}", params).fetchone()[0]


def page(session: Session, query: ResidentQuery, offset: int, limit: int) -> list[dict[str, Any]]:
    """One page of the table: plain dicts with ``age`` and ``stranded`` computed."""
    session.require(Permission.LEDGER_READ)
    ids = _matching_ids(query)
    clauses, params = _where(session, query)
    if ids:
        clauses.insert(0, f"r.id IN ({ids[0]})")
        params = ids[1] + params
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    stranded, stranded_params = stranded_sql(session, "r")
    level, level_params = coverage.risk_expression(session, "r")
    column = SORTABLE.get(query.sort, "r.id")
    descending = query.descending != (query.sort in _REVERSED)
    order = f"{column} {'DESC' if descending else 'ASC'}, r.id"
    today = session.today()
    sql = (f"SELECT r.id, r.name, r.gender, r.birth_date, r.phone, r.id_number, r.building, r.unit, "
           f"r.room, r.floor, r.has_lift, {stranded} AS stranded, r.lives_alone, {level} AS risk_level, "
           f"r.archived_at, p.name AS place, c.name AS community FROM residents r "
           f"LEFT JOIN places p ON p.id = r.place_id LEFT JOIN communities c ON c.id = r.community_id"
           f"{where} ORDER BY {order} LIMIT ? OFFSET ?")
    # Lists show personal numbers masked; privacy.reveal gives the full value, audited.
    rows = privacy.shape_all(session, session.db.query(
        sql, stranded_params + level_params + params + [limit, offset]))
    for row in rows:
        row["age"] = age_on(row["birth_date"], today)
    return rows
