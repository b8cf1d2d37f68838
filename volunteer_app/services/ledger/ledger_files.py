"""Reading the ledger files staff bring (.xlsx, .csv in UTF-8, UTF-8 with BOM or GBK) into
plain rows of cells, and writing rows back out as .xlsx or CSV that Excel opens right.

.xlsx is read with python-calamine: on 50,000 rows it read the file in 0.5 s where openpyxl
in read-only mode took 11.6 s (bench/ledger_import.py measures both).
"""

from __future__ import annotations

import contextlib
import csv
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from ...store.errors import os_reason
from ..output_files import written_whole
from .formula_guard import guard_csv, starts_formula, unguard_csv
from .hidden_rows import HiddenRowSearch

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
SUFFIXES = EXCEL_SUFFIXES + (".csv",)
MAX_BYTES = 200 * 2**20   # 100,000 residents take about 10 MB as .xlsx
ZIP_SUFFIXES = (".xlsx", ".xlsm")   # an .xls is not a zip: MAX_BYTES bounds it
MAX_UNPACKED = 200 * 2**20          # the default of the setting import.max_unpacked_mb


class LedgerFileError(Exception):
    """The file cannot be read or written; the message is one Chinese line naming the file."""


@dataclass
class Table:
    path: Path
    rows: list[list[Any]]            # every row of the sheet from row 1, cells as read
    encoding: str = ""               # CSV only: utf-8-sig, utf-8 or gb18030
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    sheet: str = ""                  # Excel only: the sheet read
    # Excel only: the sheets after it that look like a ledger too, which were not read
    other_ledgers: list[str] = field(default_factory=list)
    hidden_rows: frozenset[int] = frozenset()    # Excel only: row numbers (from 1) it hides


# Whether the first rows of a sheet hold a ledger's header (import_header.looks_like)
LedgerTest = Callable[[list[list[Any]]], bool]


def read_table(path: Path | str, max_unpacked: int = MAX_UNPACKED,
               is_ledger: LedgerTest | None = None) -> Table:
    path = Path(path)
    suffix = path.suffix.lower()
    check_readable(path)
    if path.stat().st_size > MAX_BYTES:
        raise LedgerFileError(f"文件 {path.name} 超过{MAX_BYTES // 2**20}MB，不像是一份台账。"
                              "请确认选对了文件，或把台账分成几个文件导入。")
    if suffix in ZIP_SUFFIXES:
        refuse_unpacked_size(path, max_unpacked)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LedgerFileError(f"无法打开文件 {path}：{error.strerror or error}。"
                              "如果它正在Excel中打开，请先关闭。") from None
    if suffix == ".csv":
        return _read_csv(path, data)
    return _read_excel(path, data, is_ledger)


def check_readable(path: Path) -> None:
    """The refusals that need no reading: a file type we do not read, a missing file."""
    if path.suffix.lower() not in SUFFIXES:
        raise LedgerFileError(f"不支持的文件类型“{path.suffix or path.name}”：请导入 .xlsx 或 .csv 文件"
                              "（Excel 中“另存为”可以选择这两种格式）。")
    if not path.is_file():
        raise LedgerFileError(f"找不到文件 {path}，请确认文件名和文件夹。")


def refuse_unpacked_size(path: Path, limit: int) -> None:
    """An .xlsx is a zip whose members the reader unpacks into memory: a small file can unpack
    to gigabytes (a "zip bomb", or a sheet formatted down to row 1,048,576). The sizes are in
    the zip's directory, so they are known before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return   # not a zip after all: the Excel reader says the file is broken
    if unpacked > limit:
        raise LedgerFileError(
            f"文件 {path.name} 解压后有{unpacked / 2**20:.0f}MB，超过导入上限{limit / 2**20:.0f}MB"
            "（设置中的“导入Excel解压后上限”），没有读取。请确认选对了文件，或把台账分成几个文件导入。")


def _read_csv(path: Path, data: bytes) -> Table:
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "gb18030"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise LedgerFileError(f"文件 {path.name} 的文字编码看不懂（不是UTF-8也不是GBK）。"
                              "请在Excel中另存为“CSV UTF-8”后重试。") from None
    if "\x00" in text:
        raise LedgerFileError(f"文件 {path.name} 不是文本格式的CSV文件，请确认文件类型。")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    try:
        # the ' our export put before a formula-like cell comes off again (formula_guard)
        rows = [[unguard_csv(cell) for cell in row]
                for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise LedgerFileError(f"文件 {path.name} 的CSV格式有误（{error}），请在Excel中重新另存。") from None
    return Table(path, rows, encoding)


def _cell(value: Any) -> Any:
    """Excel keeps every number as a float and dates as datetimes: give back 3, not 3.0."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    return value


def _read_excel(path: Path, data: bytes, is_ledger: LedgerTest | None = None) -> Table:
    from python_calamine import CalamineWorkbook

    hidden = HiddenRowSearch(data) if path.suffix.lower() in ZIP_SUFFIXES else None
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet, others = _ledger_sheet(book, is_ledger)
        raw = _sheet_rows(sheet) if sheet is not None else []
        merged = list(sheet.merged_cell_ranges or []) if sheet is not None else []
    except Exception:  # calamine raises its own error types for every kind of broken file
        if hidden is not None:
            hidden.rows("")     # its thread is waited for, not left running past the refusal
        raise LedgerFileError(f"文件 {path.name} 不是有效的Excel文件，或者已经损坏。"
                              "请用Excel打开后另存为 .xlsx 再导入。") from None
    rows = raw  # already converted row by row: freeing a second copy of 50,000 rows at once
    # is one long C call that holds the GIL
    blank = {index for index, row in enumerate(rows) if is_blank(row)}  # stays blank when merged
    spans = []
    for (top, left), (bottom, right) in merged:
        spans.append((top, left, bottom, right))
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            if r in blank:
                continue
            for c in range(left, min(right, len(rows[r]) - 1) + 1):
                rows[r][c] = value
    name = sheet.name if sheet is not None else ""
    return Table(path, rows, "", spans, name, others, hidden.rows(name) if hidden else frozenset())


def _sheet_rows(sheet: Any) -> list[list[Any]]:
    """Rows from row 1 and column A. Row by row, because ``to_python`` holds the GIL for the
    whole sheet (90 ms on 50,000 rows) and the window's event loop would stall meanwhile."""
    start_row, start_col = sheet.start or (0, 0)
    end_row = sheet.end[0] if sheet.end else -1
    pad = [""] * start_col
    rows = [pad + [_cell(v) for v in row] for row in sheet.iter_rows()]
    missing = end_row + 1 - len(rows)
    return [[] for _ in range(missing)] + rows if missing > 0 else rows


def _ledger_sheet(book: Any, is_ledger: LedgerTest | None) -> tuple[Any, list[str]]:
    """The first sheet with something in it that ``is_ledger`` (the first filled one without
    it, or when none is), and the names of the later sheets that are ledgers too: a workbook
    kept one sheet per building (1号楼, 2号楼) would otherwise lose all but the first unseen,
    and a 填表说明 sheet in front hid the ledger behind it."""
    chosen, first, others = None, None, []
    for index in range(len(book.sheet_names)):
        sheet = book.get_sheet_by_index(index)
        if not sheet.height:
            continue
        first = first or sheet
        if is_ledger is None:
            return sheet, []
        if is_ledger([[_cell(v) for v in row] for row in islice(sheet.iter_rows(), 10)]):
            if chosen is None:
                chosen = sheet
            else:
                others.append(sheet.name)
    if chosen is None:
        chosen = first or (book.get_sheet_by_index(0) if book.sheet_names else None)
    return chosen, others


def is_blank(row: Sequence[Any]) -> bool:
    # a plain loop: the generator of all() cost more than the test, once per row of 50,000
    for cell in row:
        if cell is not None and (cell if type(cell) is str else str(cell)).strip():
            return False
    return True


# -- writing ------------------------------------------------------------------------------

TEXT_FORMAT = "@"


def write_rows(path: Path | str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
               text_columns: Sequence[int] = (), widths: Sequence[int] | None = None,
               sheet_title: str = "台账") -> Path:
    """Write a table as .xlsx (styled header, frozen first row, text cells where asked) or as
    CSV in UTF-8 with BOM, by the file's ending."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise LedgerFileError(f"不支持导出为“{path.suffix or path.name}”：文件名请以 .xlsx 或 .csv 结尾。")
    try:
        with written_whole(path) as partial:   # a full disk leaves no 0-byte or cut-off file
            if suffix == ".csv":
                with partial.open("w", encoding="utf-8-sig", newline="") as handle:
                    writer = csv.writer(handle)
                    writer.writerow([guard_csv(v) for v in headers])
                    writer.writerows([["" if v is None else guard_csv(v) for v in row] for row in rows])
            else:
                _write_xlsx(partial, headers, rows, set(text_columns), widths, sheet_title)
    except OSError as error:
        raise LedgerFileError(f"无法写入文件 {path}：{os_reason(error)}。"
                              "如果它正在Excel中打开，请先关闭；或换一个可写的文件夹，或清理磁盘空间。") from None
    return path


def _write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                text_columns: set[int], widths: Sequence[int] | None, title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers):
        width = widths[index] if widths else max(8, min(40, 2 * len(str(header)) + 4))
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    fill = PatternFill("solid", fgColor="DCE6F1")
    bold = Font(bold=True)
    line = Border(bottom=Side(style="thin", color="7F8FA6"))
    centre = Alignment(horizontal="center", vertical="center")
    head = []
    for header in headers:
        cell = _text_cell(sheet, header)
        cell.font, cell.fill, cell.border, cell.alignment = bold, fill, line, centre
        head.append(cell)
    try:
        _append_rows(sheet, head, rows, text_columns)
        book.save(path)
    except BaseException:
        # the sheet's writer is a generator over a temporary file: closed here, a failed write
        # (a full disk) is not raised a second time, as a traceback, when it is collected
        with contextlib.suppress(Exception):
            sheet.close()
        raise


def _append_rows(sheet: Any, head: list[Any], rows: Sequence[Sequence[Any]],
                 text_columns: set[int]) -> None:
    from openpyxl.cell import WriteOnlyCell

    sheet.append(head)
    for row in rows:
        out = []
        for index, value in enumerate(row):
            if index in text_columns or (isinstance(value, str) and starts_formula(value)):
                out.append(_text_cell(sheet, value))
            elif isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
                out.append(cell)
            else:
                out.append(value)
        sheet.append(out)


def _text_cell(sheet: Any, value: Any) -> Any:
    """A string cell: openpyxl would otherwise store a str starting with "=" as a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value="" if value is None else str(value))
    cell.data_type = "s"
    cell.number_format = TEXT_FORMAT
    return cell
