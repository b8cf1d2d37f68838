"""住址 in one cell: read only where the words say which number is which."""

from __future__ import annotations

import pytest

from volunteer_app.domain.ledger_address import AddressParts, read_address


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
