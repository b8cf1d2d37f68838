"""The rows an .xlsx hides (右键“隐藏”, or a 筛选 that leaves them out): the Excel reader
(python-calamine) reads them like any other and does not say which they are.

An office hides a row for a person who moved away or died as often as it filters a ledger
down to one building; the importer reads every row, and marks the hidden ones so that the
worker sees them. The sheet's XML is searched here, in a thread of its own while the reader
parses (both leave Python's lock: on two cores the search costs nothing).
"""

from __future__ import annotations

import contextlib
import io
import re
import threading
import zipfile
from html import unescape

_SHEET = re.compile(rb"<sheet\b[^>]*>")
_HIDDEN_ROW = re.compile(rb'<row\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')


class HiddenRowSearch:
    """Started on the file's bytes; :meth:`rows` gives a sheet's hidden row numbers (from 1)."""

    def __init__(self, data: bytes):
        self._found: dict[str, frozenset[int]] = {}
        self._thread = threading.Thread(target=self._search, args=(data,), name="hidden-rows",
                                        daemon=True)
        self._thread.start()

    def rows(self, sheet_name: str) -> frozenset[int]:
        self._thread.join()
        return self._found.get(sheet_name, frozenset())

    def _search(self, data: bytes) -> None:
        # a file the reader cannot open is refused by the reader: nothing to say here
        with contextlib.suppress(Exception), zipfile.ZipFile(io.BytesIO(data)) as book:
            for name, member in _sheet_files(book).items():
                numbers = _hidden_in(book, member)
                if numbers:
                    self._found[name] = numbers


def _hidden_in(book: zipfile.ZipFile, member: str) -> frozenset[int]:
    """A megabyte at a time (a sheet of 50,000 rows unpacks to ~25 MB), holding on only to
    the tail a row's tag may straddle."""
    numbers: set[int] = set()
    tail = b""
    with book.open(member) as sheet:
        while block := sheet.read(_BLOCK):
            text = tail + block
            if b"hidden=" in text:
                cut = text.rfind(b"<row")          # the last tag may be cut off: kept for later
                whole, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
                for tag in _HIDDEN_ROW.finditer(whole):
                    number = _ROW_NUMBER.search(tag.group(0))
                    if number:
                        numbers.add(int(number.group(1)))
            else:
                tail = text[-_TAG_ROOM:]
    for tag in _HIDDEN_ROW.finditer(tail):
        number = _ROW_NUMBER.search(tag.group(0))
        if number:
            numbers.add(int(number.group(1)))
    return frozenset(numbers)


_BLOCK = 2**20
_TAG_ROOM = 200     # longer than any <row …> tag's start that "hidden=" could be cut from


def _sheet_files(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML file in the zip, through workbook.xml and its relationships."""
    workbook = book.read("xl/workbook.xml")
    rels = book.read("xl/_rels/workbook.xml.rels")
    targets = {}
    for tag in re.finditer(rb"<Relationship\b[^>]*>", rels):
        ident = re.search(rb'\bId="([^"]+)"', tag.group(0))
        target = re.search(rb'\bTarget="([^"]+)"', tag.group(0))
        if ident and target:
            path = target.group(1).decode()
            targets[ident.group(1)] = path.lstrip("/") if path.startswith("/") else f"xl/{path}"
    files = {}
    for tag in _SHEET.finditer(workbook):
        name = re.search(rb'\bname="([^"]*)"', tag.group(0))
        ident = re.search(rb'\br:id="([^"]+)"', tag.group(0))
        if name and ident and ident.group(1) in targets:
            files[unescape(name.group(1).decode())] = targets[ident.group(1)]
    return files
