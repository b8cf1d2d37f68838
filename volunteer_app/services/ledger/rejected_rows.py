"""The rejected rows of an import, for staff to fix in Excel and import again."""

from __future__ import annotations

from pathlib import Path

from ...domain.forms import FIELD_LABELS
from .import_cells import _id_text, _text
from .import_rows import Preview
from .ledger_files import write_rows


def save_rejected(preview: Preview, path: Path | str) -> Path:
    """The rejected rows as they were, with a 错误原因 column, ready to fix and import again."""
    headers = [h or f"第{i + 1}列" for i, h in enumerate(preview.mapping.headers)]
    width = len(headers)
    labels = {**FIELD_LABELS, **preview.labels}
    rows = []
    for row in preview.rejected:
        cells = [_id_text(c) if preview.mapping.columns[i:i + 1] == ["id_number"] else _text(c)
                 for i, c in enumerate(row.cells[:width])]
        cells += [""] * (width - len(cells))
        rows.append([*cells, f"第{row.number}行：{row.reasons(labels)}"])
    text_columns = range(width)
    return write_rows(path, [*headers, "错误原因"], rows, text_columns=text_columns,
                      widths=[14] * width + [60], sheet_title="未导入的行")


def describe(preview: Preview) -> list[str]:
    """One line per rejected row and column: 第5行 身份证号：…"""
    labels = {**FIELD_LABELS, **preview.labels}
    return [f"第{row.number}行 {labels.get(key, key)}：{message}"
            for row in preview.rejected for key, message in row.errors.items()]
