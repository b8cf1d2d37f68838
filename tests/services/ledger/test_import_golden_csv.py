"""A GBK CSV ledger with full-width digits, bad rows and duplicates, big enough for the bulk
path, saves row for row what the importer saved before it was made faster (issue 16), through
the window's path and the command line's, skipping and updating duplicates."""

from __future__ import annotations

import json

import pytest
from conftest import TODAY
from import_golden_csv import GOLDEN_CSV, import_csv_everything

EXPECTED = json.loads(GOLDEN_CSV.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def found(demo_template, tmp_path_factory):
    return import_csv_everything(demo_template, tmp_path_factory.mktemp("golden-csv"), TODAY)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_a_gbk_csv_import_saves_row_for_row_what_it_saved_before(found, case):
    expected, got = EXPECTED[case], found[case]
    assert got.keys() == expected.keys()
    for part in expected:
        assert got[part] == expected[part], part
    assert len(expected["saved"]["residents"]["rows"]) > 200


def test_the_golden_csv_holds_what_it_is_meant_to(found):
    preview = found["residents-csv/preview/skip"]
    states = [row[1] for row in preview["rows"]]
    assert states.count("有错误") > 30 and states.count("重复") > 10   # bad rows, duplicates
    assert preview["counts"]["rows"] > 100                       # the bulk path (BULK_ROWS 100)
