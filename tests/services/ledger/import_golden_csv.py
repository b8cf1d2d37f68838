"""The golden ledger of import_golden.py once more, as staff also bring it: a GBK CSV (every
cell text, as Excel saves it), with full-width digits in some ID numbers, phones and floors,
and more rows than the bulk import's threshold (import_apply.BULK_ROWS is lowered to 100 in
the test, so that the big-import path runs: its indexes dropped and rebuilt). What importing
it saves, row by row, through the window's path and the command line's, must stay what the
importer saved before the import-speed work of issue 16.

``import_golden_csv.json`` was written by the importer as it was before that work, by
running ``PYTHONPATH=. python tests/services/ledger/import_golden_csv.py DEMO.sqlite3`` on a
demo database built with TODAY (tests/conftest.py) at scale 1.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from import_golden import HERE, demo_facts, resident_rows, run_preview_path, run_stream_path

GOLDEN_CSV = HERE / "import_golden_csv.json"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ID_COLUMN, PHONE_COLUMN, FLOOR_COLUMN = 2, 5, 11


def _csv_cell(value: Any) -> str:
    """A cell as Excel writes it into a CSV: dates as 2025-03-01, True as TRUE, 4.0 as 4."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value)


def csv_rows(rng: random.Random, facts: dict[str, list[str]]) -> list[list[str]]:
    rows = [[_csv_cell(v) for v in row] for row in resident_rows(rng, 600, facts)]
    for row in rows[2:]:
        for column in (ID_COLUMN, PHONE_COLUMN, FLOOR_COLUMN):
            if len(row) > column and rng.random() < 0.25:
                row[column] = row[column].translate(FULL_WIDTH)
    # GBK has no emoji and not every rare character: such a cell would not be in a GBK file
    return [row for row in rows if all(_in_gbk(cell) for cell in row)]


def _in_gbk(text: str) -> bool:
    try:
        text.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


def write_csv_ledger(folder: Path, facts: dict[str, list[str]]) -> Path:
    path = folder / "residents-gbk.csv"
    with path.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(csv_rows(random.Random("golden-csv"), facts))
    return path


def import_csv_everything(demo: Path, folder: Path, today: date) -> dict[str, Any]:
    """The CSV through both paths, skipping and updating duplicates, each on a fresh copy of the
    demo database, with the bulk import's threshold at 100 rows."""
    from volunteer_app.services.ledger import import_apply
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database

    path = write_csv_ledger(folder, demo_facts(demo))
    result: dict[str, Any] = {}
    bulk_rows, import_apply.BULK_ROWS = import_apply.BULK_ROWS, 100
    try:
        for name, run in (("preview", run_preview_path), ("stream", run_stream_path)):
            for duplicates in ("skip", "update"):
                copy = folder / f"csv-{name}-{duplicates}.sqlite3"
                shutil.copy(demo, copy)
                db = open_database(copy)
                try:
                    session = Session(db, BUILTIN_ADMIN, today=lambda: today)
                    found = run(session, path, "residents", duplicates)
                finally:
                    db.close()
                if duplicates == "update":
                    found = {"summary": found["summary"], "saved": found["saved"]}
                result[f"residents-csv/{name}/{duplicates}"] = found
    finally:
        import_apply.BULK_ROWS = bulk_rows
    return json.loads(json.dumps(result, ensure_ascii=False, default=str))


if __name__ == "__main__":
    import tempfile

    sys.path.insert(0, str(HERE.parent.parent))
    from conftest import TODAY

    with tempfile.TemporaryDirectory() as scratch:
        found = import_csv_everything(Path(sys.argv[1]), Path(scratch), TODAY)
    GOLDEN_CSV.write_text(json.dumps(found, ensure_ascii=False, sort_keys=True) + "\n",
                          encoding="utf-8")
    print(f"wrote {GOLDEN_CSV}: " + ", ".join(f"{k} {len(v['saved']['residents']['rows'])} rows"
                                              for k, v in found.items()))
