"""住址 in one cell: read only where the words say which number is which."""

from __future__ import annotations

import re

import pytest

from volunteer_app.domain.identity import FieldError
from volunteer_app.domain.ledger_address import AddressParts, read_address, read_floor


@pytest.mark.parametrize(("text", "parts"), [
    ("3号楼2单元501", ("", "3号楼", "2单元", "501")),
    ("3号楼2单元501室", ("", "3号楼", "2单元", "501")),
    ("３号楼２单元５０１", ("", "3号楼", "2单元", "501")),
    ("银地家园 3号楼 2单元 501", ("银地家园", "3号楼", "2单元", "501")),
    ("3栋2门501号", ("", "3栋", "2门", "501")),
    ("3号楼501", ("", "3号楼", "", "501")),
    ("3号楼", ("", "3号楼", "", "")),
])
def test_an_address_that_names_its_parts_is_read(text, parts):
    assert read_address(text) == AddressParts(*parts)


@pytest.mark.parametrize("text", ["3-2-501", "3楼2单元501", "1-3号楼", "平房12号", "3号楼2单元5层501", ""])
def test_an_address_that_would_need_a_guess_is_not_read(text):
    assert read_address(text) is None


@pytest.mark.parametrize(("text", "floor"), [
    ("6", 6), ("6楼", 6), ("六层", 6), ("6F", 6), ("6f", 6), ("第3层", 3), ("十二层", 12), ("二十", 20),
    ("１２", 12), (" 6 楼", 6), ("地下一层", -1), ("B1", -1), ("-1", -1), ("负二层", -2), ("平房", 1),
    ("", None)])
def test_a_floor_as_people_write_it(text, floor):
    assert read_floor(text) == floor


@pytest.mark.parametrize(("text", "says"), [
    ("顶楼", "楼层“顶楼”看不懂，请只写数字，如6（地下一层写-1）。"),
    ("6/7", "楼层“6/7”看不懂"), ("6层（顶层）", "看不懂"), ("61", "楼层“61”应在-3到60之间。")])
def test_a_floor_that_is_not_one_is_refused_saying_what_to_write(text, says):
    with pytest.raises(FieldError, match=re.escape(says)):
        read_floor(text)
