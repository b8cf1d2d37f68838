"""Importing a varied ledger saves exactly what the importer saved before it was made faster
(issue 16): every column of every new or updated row but the uid and the timestamps, the
reason of every refused row, every warning, duplicate and count, through the window's path
(check, then apply) and the command line's (ledger_stream), skipping and updating duplicates."""

from __future__ import annotations

import json

import pytest
from conftest import TODAY
from import_golden import GOLDEN, import_everything

EXPECTED = json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def found(demo_template, tmp_path_factory):
    return import_everything(demo_template, tmp_path_factory.mktemp("golden"), TODAY)


def _as_written(saved: dict, expected: dict) -> dict:
    """The saved rows in the golden file's columns. A column a later migration added (not in
    the golden file, which no import fills: the ledger has no such header) must hold one value,
    its default, in every row."""
    out = {}
    for table, now in saved.items():
        columns = now["columns"]
        keep = [columns.index(c) for c in expected[table]["columns"] if c in columns]
        added = [i for i, c in enumerate(columns) if c not in expected[table]["columns"]]
        for i in added:
            assert len({row[i] for row in now["rows"].values()}) <= 1, columns[i]
        out[table] = {"columns": [columns[i] for i in keep],
                      "rows": {k: [row[i] for i in keep] for k, row in now["rows"].items()}}
    return out


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_an_import_saves_row_for_row_what_it_saved_before(found, case):
    expected, got = EXPECTED[case], found[case]
    assert got.keys() == expected.keys()
    for part in expected:
        found = _as_written(got[part], expected[part]) if part == "saved" else got[part]
        assert found == expected[part], part
    saved = expected["saved"][case.split("/")[0]]["rows"]
    assert len(saved) > 100     # the golden file holds enough rows to mean something
