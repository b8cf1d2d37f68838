"""Validation of the person forms (resident, volunteer) shared by dialogs and importers.

``validate_person`` takes what a person typed (strings, booleans) and returns the clean
values plus a message per wrong field, so a dialog can show each error beside its field
and an importer can name the row and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .identity import FieldError, clean_id_number, clean_mobile, clean_name, clean_phone
from .typed_text import half_width

FIELD_LABELS = {
    "name": "姓名",
    "id_number": "身份证号",
    "birth_date": "出生日期",
    "gender": "性别",
    "phone": "联系电话",
    "floor": "楼层",
    "weekly_hours_cap": "每周时长上限",
    "helper_capacity": "可结对人数",
}


class FormError(ValueError):
    """A form could not be saved; ``errors`` maps each field to its Chinese message, and the
    message of the error itself is all of them, for a one-line report."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("；".join(errors.values()))
        self.errors = errors


@dataclass
class FormResult:
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(raw: Any, label: str = "日期") -> date:
    """The date formats staff write: 1929-04-12, 1929/04/12, 1929.04.12, 1929年04月12日, 19290412."""
    if isinstance(raw, date):
        return raw
    text = half_width(raw or "").strip()   # an input method's full-width １９３６－０４－０２ too
    if not text:
        raise FieldError(label, f"{label}为空。")
    text = text.split(" ")[0].split("T")[0]
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                raise FieldError(label, f"{label}“{raw}”不存在（没有这一天），请核对。") from None
    raise FieldError(label, f"{label}“{raw}”看不懂，请写成1929-04-12或1929年4月12日。")


def validate_person(fields: dict[str, Any], today: date, *, mobile_only: bool = False,
                    min_age: int = 0) -> FormResult:
    """Check name, ID number, birth date, gender and phone of a resident or volunteer.

    When an ID number is given, birth date and gender come from it; typed ones must agree.
    """
    result = FormResult()
    values, errors = result.values, result.errors

    try:
        values["name"] = clean_name(fields.get("name", ""))
    except FieldError as error:
        errors["name"] = error.message

    id_text = str(fields.get("id_number") or "").strip()
    facts = None
    if id_text:
        try:
            facts = clean_id_number(id_text)
            values["id_number"] = facts.number
        except FieldError as error:
            errors["id_number"] = error.message
    else:
        values["id_number"] = None

    birth_raw = fields.get("birth_date")
    birth = None
    if birth_raw not in (None, ""):
        try:
            birth = parse_date(birth_raw, "出生日期")
        except FieldError as error:
            errors["birth_date"] = error.message
    if facts:
        if birth and birth != facts.birth_date:
            errors["birth_date"] = (f"出生日期{birth.isoformat()}与身份证号中的"
                                    f"{facts.birth_date.isoformat()}不一致，请核对。")
        birth = facts.birth_date
    if birth is None and "birth_date" not in errors and not id_text:
        errors["birth_date"] = "请填写出生日期（或填写身份证号，自动带出）。"
    if birth is not None:
        if birth > today:
            errors["birth_date"] = f"出生日期{birth.isoformat()}在今天之后，请核对。"
        elif birth.year < 1880:
            errors["birth_date"] = f"出生日期{birth.isoformat()}太早，请核对。"
        values["birth_date"] = birth.isoformat()

    gender = str(fields.get("gender") or "").strip()
    if facts:
        if gender and gender != facts.gender:
            errors["gender"] = f"性别“{gender}”与身份证号（{facts.gender}）不一致，请核对。"
        gender = facts.gender
    if gender not in ("男", "女"):
        if "gender" not in errors:
            errors["gender"] = "请选择性别：男或女。" if not gender else f"性别“{gender}”只能是男或女。"
    else:
        values["gender"] = gender

    phone = str(fields.get("phone") or "").strip()
    if phone:
        try:
            values["phone"] = clean_mobile(phone) if mobile_only else clean_phone(phone)
        except FieldError as error:
            errors["phone"] = error.message
    else:
        values["phone"] = None
    return result


def parse_int(raw: Any, label: str, low: int, high: int) -> int | None:
    text = str(raw if raw is not None else "").strip()
    if not text:
        return None
    if not re.fullmatch(r"-?\d+", text):
        raise FieldError(label, f"{label}“{raw}”应为整数。")
    value = int(text)
    if not low <= value <= high:
        raise FieldError(label, f"{label}“{raw}”应在{low}到{high}之间。")
    return value
