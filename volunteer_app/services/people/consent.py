"""Consent rules (个人信息保护法 art. 13-15, 28-29) for residents.

- Consent to visits and pairing can be withdrawn: the resident's active pairs end with the
  reason 撤回同意 (each audited), matching leaves them out and no visit is logged for them.
- Health notes are sensitive personal information and need their own, separate consent:
  who gave it (本人, or a family member by name) and when. Without it they are not saved.
"""

from __future__ import annotations

from typing import Any

from ...domain.forms import FormResult, parse_date
from ...domain.identity import FieldError
from ..session import Session

WITHDRAWN_REASON = "撤回同意"
HEALTH_CONSENT_MISSING = ("填写健康情况需要居民另行单独同意：请勾选“另行同意记录健康信息”，并填写"
                          "同意人和同意日期；否则请清空健康情况。")


def is_withdrawal(current: dict[str, Any], values: dict[str, Any]) -> bool:
    return bool(current.get("consent_visit")) and "consent_visit" in values \
        and not values["consent_visit"]


def end_pairs(session: Session, resident_id: int) -> int:
    """End the resident's active pairs for the withdrawn consent; call inside the write."""
    today = session.today().isoformat()
    rows = [dict(r) for r in session.db.query(
        "SELECT * FROM pairings WHERE resident_id = ? AND state = '结对中'", [resident_id])]
    for row in rows:
        change = {"state": "已解除", "ended_on": today, "end_reason": WITHDRAWN_REASON}
        session.db.table("pairings").update(row["id"], change)
        session.audit("解除结对", "pairings", row["id"], row, {**row, **change},
                      "居民撤回上门探访和结对的同意")
    return len(rows)


def refusal(resident: dict[str, Any] | None) -> str:
    """Why no pair or visit may be made for this resident now ('' when it may)."""
    if resident is None or resident.get("consent_visit"):
        return ""
    if resident.get("consent_withdrawn_on"):
        return (f"老人“{resident['name']}”已于{resident['consent_withdrawn_on']}撤回上门探访和结对的"
                "同意，不能再结对或登记探访。如本人重新同意，请先在居民信息中登记。")
    return (f"老人“{resident['name']}”没有同意上门探访和结对，不能结对或登记探访。"
            "请先在居民信息中登记同意。")


def check_health_consent(session: Session, fields: dict[str, Any], result: FormResult) -> None:
    """Health notes only with the separate consent: by whom and when (a date not in the future).

    A partial update counts what is already saved for the fields it does not send."""
    current = session.row("residents", fields["id"]) if fields.get("id") else None
    current = current or {}

    def given(key: str) -> Any:
        return fields[key] if key in fields else current.get(key)

    if "health_consent_date" in fields:
        result.values["health_consent_date"] = None
        if fields["health_consent_date"]:
            try:
                day = parse_date(fields["health_consent_date"], "健康信息同意日期")
                if day > session.today():
                    raise FieldError("健康信息同意日期", f"健康信息同意日期{day.isoformat()}在今天之后。")
                result.values["health_consent_date"] = day.isoformat()
            except FieldError as error:
                result.errors["health_notes"] = error.message
                return
    notes = str(given("health_notes") or "").strip()
    agreed = (given("sensitive_consent") and str(given("health_consent_by") or "").strip()
              and given("health_consent_date"))
    if notes and not agreed:
        result.errors["health_notes"] = HEALTH_CONSENT_MISSING


def active_pair_count(session: Session, resident_id: int | None) -> int:
    """How many pairs a withdrawal of this resident's consent would end."""
    if resident_id is None:
        return 0
    return session.db.execute("SELECT count(*) FROM pairings WHERE resident_id = ? "
                              "AND state = '结对中'", [resident_id]).fetchone()[0]
