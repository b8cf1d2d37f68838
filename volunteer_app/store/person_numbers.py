"""Stored ID numbers and phones in the form the app writes since issue 10.

Earlier versions could store a number as it was typed: an ID number of full-width digits
ending in X, a landline of eight full-width digits; scripts may have written 15-digit ID
numbers or lowercase x. Such a number does not match the same one typed today, so the same
person could be registered twice. The migration rewrites them as ``domain.identity`` cleans
them (half-width, no spaces, capital X, 18 digits).

If the cleaned ID number already belongs to another row of the same table (the same person
registered twice, once full-width), neither row is changed or removed: both stay as they
are, and :func:`same_person_twice` lists them for ``check`` so that staff can archive one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..domain.identity import (
    FieldError,
    clean_id_number,
    clean_phone,
    half_width,
    mask_id_number,
    normalise_id_text,
)

if TYPE_CHECKING:
    import sqlite_utils

TABLES = {"residents": "居民", "volunteers": "志愿者"}
# What the app writes; a row in these shapes needs no look (a big ledger is not read twice).
_CLEAN_ID = "[0-9]" * 17 + "[0-9X]"
_CLEAN_MOBILE = "1" + "[0-9]" * 10
_CLEAN_LANDLINE = "010-" + "[0-9]" * 8
_NOT_DIGIT = re.compile(r"[^0-9]")


def stored_id_number(number: str) -> str:
    """The number as the app would store it now; a wrong one only made half-width."""
    try:
        return clean_id_number(number).number
    except FieldError:
        return normalise_id_text(number)


def stored_phone(phone: str) -> str:
    try:
        return clean_phone(phone)
    except FieldError:
        return half_width(phone).strip()


def m_normalise_id_numbers_and_phones(db: sqlite_utils.Database) -> None:
    for table in TABLES:
        taken = {r[0] for r in db.execute(f"SELECT id_number FROM {table} WHERE id_number IS NOT NULL")}
        for row_id, number, phone in _unclean_rows(db, table):
            changes: dict[str, str] = {}
            if number is not None:
                cleaned = stored_id_number(number)
                if cleaned != number and cleaned not in taken:   # a clash stays for check
                    changes["id_number"] = cleaned
                    taken.add(cleaned)
            if phone is not None and stored_phone(phone) != phone:
                changes["phone"] = stored_phone(phone)
                if table == "residents":     # as services.people.residents derives it on save
                    changes["phone_tail"] = _NOT_DIGIT.sub("", changes["phone"])[-4:]
            if changes:
                db.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in changes)} WHERE id = ?",
                           [*changes.values(), row_id])


def _unclean_rows(db: sqlite_utils.Database, table: str) -> list[tuple]:
    return db.execute(
        f"SELECT id, CASE WHEN id_number GLOB ? THEN NULL ELSE id_number END, "
        f"CASE WHEN phone GLOB ? OR phone GLOB ? THEN NULL ELSE phone END FROM {table} "
        f"WHERE (id_number IS NOT NULL AND NOT id_number GLOB ?) OR (phone IS NOT NULL "
        f"AND phone <> '' AND NOT phone GLOB ? AND NOT phone GLOB ?)",
        [_CLEAN_ID, _CLEAN_MOBILE, _CLEAN_LANDLINE, _CLEAN_ID, _CLEAN_MOBILE, _CLEAN_LANDLINE],
    ).fetchall()


def same_person_twice(db: sqlite_utils.Database) -> list[str]:
    """One line per stored ID number that is another row's number once cleaned."""
    return list(_clashes(db))


def _clashes(db: sqlite_utils.Database) -> Iterator[str]:
    present = set(db.table_names())
    for table, word in TABLES.items():
        if table not in present:      # a file check is asked about may be empty
            continue
        for row_id, number in db.execute(
                f"SELECT id, id_number FROM {table} WHERE NOT id_number GLOB ?", [_CLEAN_ID]):
            cleaned = stored_id_number(number)
            other = db.execute(f"SELECT id FROM {table} WHERE id_number = ? AND id <> ?",
                               [cleaned, row_id]).fetchone()
            if other:
                yield (f"{word}编号{row_id}与编号{other[0]}的身份证号是同一个"
                       f"（{mask_id_number(cleaned)}），可能重复登记，请核对后归档其一。")
