"""Ledger files as staff make them, built by the tests themselves: real .xlsx and .csv."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from stdnum.cn import ric


def make_id(birth: date, male: bool, serial: int = 1, area: str = "110106") -> str:
    body = f"{area}{birth:%Y%m%d}{serial * 2 % 1000 + (1 if male else 0):03d}"
    return body + ric.calc_check_digit(body + "0")


def write_csv(path: Path, rows: Sequence[Sequence[Any]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], merges: Sequence[str] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "居民"
    for row in rows:
        sheet.append(list(row))
    for span in merges:
        sheet.merge_cells(span)
    book.save(path)
    return path


RESIDENT_HEADER = ["序号", "姓名", "身份证号码", "性别", "出生年月", "手机号", "楼号", "楼层",
                   "有无电梯", "独居"]
