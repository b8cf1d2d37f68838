"""楼号, 单元 and 门牌 stored half-width, as the forms have stored them since they were typed
with input methods in mind (domain.typed_text.clean_code).

Ledger imports kept the cell as it was until later: a ledger typed with an input method put
３号楼 beside the 3号楼 the forms wrote, and the two were counted as different buildings (the
诉求 hot spots, the roll-call's order, pairing's 同一楼栋). The migration rewrites such
values the way the import now writes them.
"""

from __future__ import annotations

import sqlite_utils

from ..domain.typed_text import clean_code

CODES = {"residents": ("building", "unit", "room"), "volunteers": ("building",)}


def m_half_width_addresses(db: sqlite_utils.Database) -> None:
    for table, columns in CODES.items():
        listed = ", ".join(columns)
        for row_id, *values in db.execute(f"SELECT id, {listed} FROM {table}").fetchall():
            clean = [clean_code(value) for value in values]
            if clean != values:
                assignments = ", ".join(f"{column} = ?" for column in columns)
                db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*clean, row_id])
