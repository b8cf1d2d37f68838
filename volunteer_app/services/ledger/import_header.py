"""Step 1 of an import: find the header row under title rows and map the file's columns to fields
(health columns only for roles that may see them)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...domain.ledger_columns import (
    FIELDS,
    SENSITIVE_KEYS,
    LedgerField,
    find_header_row,
    map_headers,
    match_header,
)
from ..permissions import Permission
from ..session import Session
from .import_cells import load_tables_meanwhile
from .import_rows import Mapping
from .ledger_files import MAX_UNPACKED, LedgerFileError, LedgerTest, Table, read_table


def detect(table: Table, kind: str) -> Mapping:
    fields = FIELDS[kind]
    index = find_header_row(table.rows, fields)
    if index is None:
        raise LedgerFileError(
            f"文件 {table.path.name} 的前10行里找不到表头：表头里至少要有两列认得出的列名"
            "（如姓名、身份证号、联系电话）。请检查是否选错了文件或工作表。")
    headers = ["" if h is None else str(h).strip() for h in table.rows[index]]
    below = _sub_headers(table, index, fields)
    if below:
        headers += [""] * (max(below) + 1 - len(headers))
        for column, text in below.items():
            headers[column] = text
        index += 1
    return Mapping(index, headers, map_headers(headers, fields))


def _sub_headers(table: Table, index: int, fields: Sequence[LedgerField]) -> dict[int, str]:
    """A header of two rows: 住址 merged over three columns, 楼号, 单元, 门牌 under it. The row
    below the header names fields under a merged (or empty) header cell: those columns take
    their names from it, and it is no person. It was read as a repeated header and the
    columns as one 住址, so 单元 and 门牌 were lost."""
    rows = table.rows
    if index + 1 >= len(rows):
        return {}
    top, below = rows[index], rows[index + 1]
    spans = {column for top_row, left, bottom, right in table.merged
             if top_row == index == bottom and right > left for column in range(left, right + 1)}
    found = {}
    for column, cell in enumerate(below):
        text = "" if cell is None else str(cell).strip()
        over = top[column] if column < len(top) else None
        if text and (column in spans or over in (None, "")) and match_header(text, fields):
            found[column] = text
    return found


def load(path: Path | str, kind: str, max_unpacked: int = MAX_UNPACKED) -> tuple[Table, Mapping]:
    load_tables_meanwhile()
    table = read_table(path, max_unpacked, looks_like(kind))
    return table, detect(table, kind)


def looks_like(kind: str) -> LedgerTest:
    """Whether a sheet's first rows hold a header of this kind of ledger."""
    fields = FIELDS[kind]
    return lambda rows: find_header_row(rows, fields) is not None


def sheet_notices(table: Table) -> list[str]:
    """The other sheets of the workbook that are ledgers too: one import reads one sheet."""
    if not table.other_ledgers:
        return []
    names = "".join(f"“{name}”" for name in table.other_ledgers)
    return [f"工作簿里的工作表{names}也像是台账，这次只导入了工作表“{table.sheet}”。"
            "请把其他工作表的行复制到这个工作表里，或分别另存为单独的文件，再导入。"]


def mappable_fields(session: Session, kind: str) -> list[LedgerField]:
    """What a file's columns may be imported as: health and hardship notes only for a role
    that may see them (see :func:`_readable_columns`)."""
    readable = session.can(Permission.VIEW_SENSITIVE)
    return [f for f in FIELDS[kind] if readable or f.key not in SENSITIVE_KEYS]


def _readable_columns(session: Session, mapping: Mapping) -> tuple[Mapping, list[str]]:
    """Health and hardship columns are left out, with a notice, for a role that may not see
    them: the rest of the file imports as usual (refusing the whole ledger over two columns
    would only push staff to delete them in Excel)."""
    sensitive = [i for i, key in enumerate(mapping.columns) if key in SENSITIVE_KEYS]
    if not sensitive or session.can(Permission.VIEW_SENSITIVE):
        return mapping, []
    names = "".join(f"“{mapping.headers[i] or f'第{i + 1}列'}”" for i in sensitive)
    notice = (f"{names}列是健康与困难情况，您的角色没有“{Permission.VIEW_SENSITIVE.value}”的权限，"
              "这些列不导入（已忽略），其他列照常导入。")
    columns = [None if key in SENSITIVE_KEYS else key for key in mapping.columns]
    return Mapping(mapping.header_row, mapping.headers, columns), [notice]
