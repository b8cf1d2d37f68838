"""A CSV ledger as a stream of rows, for imports too big to hold in memory.

The encoding is settled first by one pass over the bytes a megabyte at a time (UTF-8 with or
without BOM, else GBK/GB18030, as ledger_files reads a whole file), which also counts the
lines; a second pass hands out the rows one by one.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .formula_guard import unguard_csv
from .ledger_files import LedgerFileError

BLOCK = 2**20


def csv_rows(path: Path) -> tuple[Iterator[list[Any]], int]:
    """The rows of the CSV at ``path`` and about how many there are (its line count)."""
    if not path.is_file():
        raise LedgerFileError(f"找不到文件 {path}，请确认文件名和文件夹。")
    encoding, lines, first = _survey(path)
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    return _rows(path, encoding, delimiter), lines


def _survey(path: Path) -> tuple[str, int, str]:
    """The encoding, the number of lines and the first line, reading the file once."""
    try:
        with path.open("rb") as handle:
            start = handle.read(3)
            encoding = "utf-8-sig" if start == codecs.BOM_UTF8 else "utf-8"
            handle.seek(0)
            lines, first = _decodes(handle, encoding)
            if lines is None:
                handle.seek(0)
                encoding = "gb18030"
                lines, first = _decodes(handle, encoding)
    except OSError as error:
        raise LedgerFileError(f"无法打开文件 {path}：{error.strerror or error}。"
                              "如果它正在Excel中打开，请先关闭。") from None
    if lines is None:
        raise LedgerFileError(f"文件 {path.name} 的文字编码看不懂（不是UTF-8也不是GBK）。"
                              "请在Excel中另存为“CSV UTF-8”后重试。")
    if first is None:
        raise LedgerFileError(f"文件 {path.name} 不是文本格式的CSV文件，请确认文件类型。")
    return encoding, lines, first


def _decodes(handle: Any, encoding: str) -> tuple[int | None, str | None]:
    """(line count, first line) if the whole file decodes; (None, None) if it does not;
    (count, None) if it holds a NUL, which no text CSV does."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines, first = 0, ""
    while block := handle.read(BLOCK):
        try:
            text = decoder.decode(block)
        except UnicodeDecodeError:
            return None, None
        if "\x00" in text:
            return lines, None
        if lines == 0:
            first += text.split("\n", 1)[0]
        lines += text.count("\n")
    try:
        first += decoder.decode(b"", final=True).split("\n", 1)[0] if lines == 0 else ""
    except UnicodeDecodeError:
        return None, None
    return lines + 1, first


def _rows(path: Path, encoding: str, delimiter: str) -> Iterator[list[Any]]:
    try:
        with path.open(encoding=encoding, newline="") as handle:
            # the ' our export put before a formula-like cell comes off, as in ledger_files
            for row in csv.reader(handle, delimiter=delimiter):
                yield [unguard_csv(cell) for cell in row]
    except csv.Error as error:
        raise LedgerFileError(f"文件 {path.name} 的CSV格式有误（{error}），请在Excel中重新另存。") from None
    except OSError as error:
        raise LedgerFileError(f"读取文件 {path} 时出错：{error.strerror or error}。") from None
