"""A ticket typed by hand: its fields checked, the caller matched, its number and deadline.

Each wrong field gets its own Chinese message (:class:`FormError`), so the dialog shows it
beside the field; nothing is written until every field is right.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any, NamedTuple

from ...domain.forms import FormError
from ...domain.hours import is_working_day
from ...domain.identity import FieldError, clean_phone, half_width
from ...domain.requests import DeadlineRule, Kind, RequestType, Source, classify_kind
from ..admin import settings
from ..session import Session
from .access import now, require_handle

LABELS = {
    "source": "来源", "ticket_no": "工单编号", "caller_name": "诉求人", "caller_phone": "联系电话",
    "address": "诉求地址", "category": "问题分类", "request_type": "诉求类型", "kind": "时限类别",
    "content": "诉求内容", "handling_role": "主办/协办", "received_at": "来电时间",
    "dispatched_at": "派单时间", "due_at": "办理时限",
}
TEXT_FIELDS = ("caller_name", "address", "handling_unit")
_BUILDING = re.compile(r"(\d+)\s*(?:号楼|号|栋|幢)")


class CallerMatch(NamedTuple):
    resident_id: int | None
    place_id: int | None
    community_id: int | None
    building: str


def deadline_rule(session: Session) -> DeadlineRule:
    get = settings.get
    return DeadlineRule(
        emergency_hours=float(get(session, "requests.hours_emergency")),
        utilities_hours=float(get(session, "requests.hours_utilities")),
        general_days=int(get(session, "requests.days_general")),
        complex_days=int(get(session, "requests.days_complex")),
        working_days=bool(int(get(session, "requests.working_days"))))


def due_at(session: Session, received: datetime, kind: Kind) -> datetime:
    return deadline_rule(session).due(received, kind, is_working_day)


def match(session: Session, phone: str, address: str) -> CallerMatch:
    """The resident whose phone is the caller's (normalised, exact), and the place whose name
    appears in the address (the longest such name), with 'N号楼' as the building. Staff
    only: it answers whether a full phone number is a resident's, which a role that sees
    phones masked must not be able to ask."""
    require_handle(session)
    number = _number(phone)
    resident = session.db.execute(
        "SELECT id, community_id FROM residents WHERE phone = ? AND archived_at IS NULL "
        "ORDER BY id LIMIT 1", [number]).fetchone() if number else None
    place = session.db.execute(
        "SELECT id, community_id FROM places WHERE archived_at IS NULL AND name <> '' "
        "AND instr(?, name) > 0 ORDER BY length(name) DESC, id LIMIT 1", [address]).fetchone()
    return _caller_match(resident, place, address)


class CallerMatcher:
    """:func:`match` for the many tickets of an import: the residents' phones and the places
    are read once. Asked ticket by ticket, the phone's query read every resident (no index
    holds the phone): 23 ms a ticket on a street's file of 100,000 residents."""

    def __init__(self, session: Session):
        require_handle(session)         # it holds every resident's full phone (see match)
        self._residents: dict[str, tuple[int, int | None]] = {}
        for resident_id, community_id, phone in session.db.execute(
                "SELECT id, community_id, phone FROM residents WHERE archived_at IS NULL "
                "AND phone <> '' ORDER BY id DESC"):
            self._residents[phone] = (resident_id, community_id)   # the lowest id is kept
        self._places = session.db.execute(
            "SELECT id, community_id, name FROM places WHERE archived_at IS NULL AND name <> '' "
            "ORDER BY length(name) DESC, id").fetchall()

    def __call__(self, phone: str, address: str) -> CallerMatch:
        number = _number(phone)
        resident = self._residents.get(number) if number else None
        place = next(((place_id, community_id) for place_id, community_id, name in self._places
                      if name in address), None)
        return _caller_match(resident, place, address)


def _number(phone: str) -> str:
    try:
        return clean_phone(phone) if phone.strip() else ""
    except FieldError:
        return ""


def _caller_match(resident: Any, place: Any, address: str) -> CallerMatch:
    found = _BUILDING.search(address)
    community = place[1] if place else (resident[1] if resident else None)
    return CallerMatch(resident[0] if resident else None, place[0] if place else None, community,
                       f"{half_width(found.group(1))}号楼" if found else "")   # ３号楼 is 3号楼


def parse_time(raw: Any, field: str) -> datetime:
    if isinstance(raw, datetime):
        return raw.replace(microsecond=0)
    text = half_width(raw or "").strip().replace("/", "-")   # an input method's ２０２６－１１－０３ too
    try:
        return datetime.fromisoformat(text).replace(microsecond=0)
    except ValueError:
        raise FieldError(field, f"{LABELS[field]}“{raw}”看不懂，请写成2026-11-03 09:15。") from None


def _choice(form: Mapping[str, Any], field: str, words: type, default: str,
            errors: dict[str, str]) -> str:
    value = str(form.get(field) or default).strip()
    allowed = [w.value for w in words]
    if value not in allowed:
        errors[field] = f"{LABELS[field]}“{value}”不对，只能是：{'、'.join(allowed)}。"
    return value


def clean(session: Session, form: Mapping[str, Any]) -> dict[str, Any]:
    """The stored values of a hand-entered ticket, or :class:`FormError` naming each field."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {f: " ".join(str(form.get(f) or "").split()) for f in TEXT_FIELDS}
    values["source"] = _choice(form, "source", Source, Source.WALK_IN, errors)
    values["request_type"] = _choice(form, "request_type", RequestType, RequestType.HELP, errors)
    values["ticket_no"] = str(form.get("ticket_no") or "").strip() or None
    values["category"] = "/".join(p.strip() for p in str(form.get("category") or "").split("/") if p.strip())
    values["content"] = str(form.get("content") or "").strip()
    if not values["content"]:
        errors["content"] = "诉求内容为空，请写明诉求人反映的问题。"
    values["handling_role"] = str(form.get("handling_role") or "").strip()
    if values["handling_role"] not in ("", "主办", "协办"):
        errors["handling_role"] = f"主办/协办“{values['handling_role']}”只能是主办或协办（或不填）。"
    values["caller_phone"] = _phone(form, errors)
    values["kind"] = _kind(form, values, errors)
    _times(session, form, values, errors)
    if errors:
        raise FormError(errors)
    return values


def _phone(form: Mapping[str, Any], errors: dict[str, str]) -> str:
    raw = str(form.get("caller_phone") or "").strip()
    try:
        return clean_phone(raw, "联系电话") if raw else ""
    except FieldError as error:
        errors["caller_phone"] = error.message
        return raw


def _kind(form: Mapping[str, Any], values: dict[str, Any], errors: dict[str, str]) -> str:
    raw = str(form.get("kind") or "").strip()
    if not raw:
        return classify_kind(str(form.get("urgency") or ""), values["category"], values["content"]).value
    if raw not in [k.value for k in Kind]:
        errors["kind"] = f"时限类别“{raw}”不对，只能是：{'、'.join(k.value for k in Kind)}。"
    return raw


def _times(session: Session, form: Mapping[str, Any], values: dict[str, Any],
           errors: dict[str, str]) -> None:
    moments: dict[str, datetime | None] = {}
    for field in ("received_at", "dispatched_at", "due_at"):
        raw = form.get(field)
        try:
            moments[field] = parse_time(raw, field) if raw not in (None, "") else None
        except FieldError as error:
            errors[field] = error.message
    if errors.keys() & {"received_at", "dispatched_at", "due_at", "kind"}:
        return
    received = moments["received_at"] or now(session)
    if received > now(session):
        errors["received_at"] = f"来电时间{received:%Y-%m-%d %H:%M}在现在之后，请核对。"
    due = moments["due_at"] or due_at(session, received, Kind(values["kind"]))
    if due <= received:
        errors["due_at"] = f"办理时限{due:%Y-%m-%d %H:%M}不能早于来电时间{received:%Y-%m-%d %H:%M}。"
    values.update(received=received, dispatched=moments["dispatched_at"], due=due)
