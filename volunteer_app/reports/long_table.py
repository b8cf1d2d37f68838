"""A table of thousands of rows printed a page at a time (the records page's 导出PDF).

Qt lays out a rich-text table in one call, and PySide6 keeps Python's GIL during a Qt call:
one document of 2,500 rows held it for 1.8 s, so the window froze even with the work on a
worker thread, and the layout grew faster than the rows. Here every page is a small
document of its own: the text before the table and the first rows, then the header row and
the next rows, ... , the last rows and the text after the table. Each is laid out with as
many rows as should fit; the rows Qt put on its first page stay there, and the next page
starts with the first row it pushed over (a row taller than a page, which Qt breaks, gets
its pages to itself). Each page's table has its header row, and every page is numbered
"第 n 页 共 N 页", as when the whole table was one document. No Qt call holds the GIL for
longer than a page, and the time grows with the rows, not faster.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil
from pathlib import Path

from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPagedPaintDevice,
    QPainter,
    QTextCursor,
    QTextDocument,
    QTextTable,
)

from .fonts import cjk_font
from .monthly import RIGHT
from .printing import (
    BASE_CSS,
    MARGIN_CM,
    SOURCE_DPI,
    PageCallback,
    device_document,
    escape,
    page_layout,
    paint_page,
    write_device_pdf,
)

FIRST_GUESS = 40        # rows tried on the first page; later pages try the last page's count
GRID = "#c0c0c0"        # the colour of Qt's table borders, which table_html's tables have
_WHITE = ' bgcolor="#ffffff"'


@dataclass(frozen=True)
class LongTable:
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    right: Sequence[int] = ()          # columns aligned right
    widths: Sequence[int] = ()         # the columns' share of the width, in percent
    before: str = ""                   # HTML above the table, on the first page
    after: str = ""                    # HTML under the table, on the last page
    title: str = ""
    landscape: bool = False


@dataclass(frozen=True)
class _Sheet:
    document: QTextDocument
    pages: int                         # pages of ``document`` to paint (1 but for a giant row
                                       # or text before the table longer than a page)
    end: int                           # the rows up to here are on this sheet or before it
    bottom: float = 0.0                # where its last page ends: the rows Qt pushed on are cut


def write_long_table_pdf(table: LongTable, path: Path | str, on_page: PageCallback | None = None) -> Path:
    """The table as an A4 PDF (see :func:`~.printing.write_pages_pdf`). ``on_page(done,
    total)`` is called after each page is laid out and again after each is painted, so
    ``total`` is twice the rows and 取消 (:class:`~.printing.PrintCancelled`) is heard
    between any two pages."""
    return write_device_pdf(path, table.title, lambda writer: paint_long_table(table, writer, on_page))


def paint_long_table(table: LongTable, device: QPagedPaintDevice,
                     on_page: PageCallback | None = None) -> int:
    """Lay the table out and paint it on ``device``; returns the number of pages."""
    device.setPageLayout(page_layout(table.landscape))
    sheets = _sheets(table, device, on_page)
    return _paint_sheets(device, [(sheets, len(table.rows))], len(table.rows), on_page)


def _paint_sheets(device: QPagedPaintDevice, groups: Sequence[tuple[list[_Sheet], int]], rows: int,
                  on_page: PageCallback | None) -> int:
    """Paint laid-out tables, each a (sheets, row count) group, with the pages numbered across
    all of them; ``on_page`` hears the rows painted (after the ``rows`` laid out) after each
    sheet. Returns the number of pages (long_tables.py prints several tables this way)."""
    total = sum(sheet.pages for sheets, _count in groups for sheet in sheets)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始打印（打印机或文件不可用）")
    page = painted = 0
    try:
        for sheets, count in groups:
            for sheet in sheets:
                page = _paint_sheet(sheet, device, painter, page, total)
                if on_page is not None:
                    on_page(rows + painted + sheet.end, 2 * rows)
            painted += count
    finally:
        painter.end()
    return page


def _paint_sheet(sheet: _Sheet, device: QPagedPaintDevice, painter: QPainter, page: int, total: int) -> int:
    """Paint the sheet's pages after page ``page`` of ``total``; returns the last page painted."""
    for own in range(1, sheet.pages + 1):
        if page and not device.newPage():
            raise OSError("打印机或文件拒绝了新的一页")
        page += 1
        paint_page(sheet.document, painter, own, f"第 {page} 页  共 {total} 页", _area(sheet, device, own))
    return page


def _area(sheet: _Sheet, device: QPagedPaintDevice, own: int = 1) -> tuple[float, float]:
    """The part of page ``own`` of the sheet that is drawn: inside the margins (where a
    table's grey runs on over a page break), and on its last page no lower than its last
    whole row."""
    margin = MARGIN_CM / 2.54 * device.logicalDpiY()
    height = sheet.document.pageSize().height()
    bottom = sheet.bottom if own == sheet.pages else 0.0
    return margin, min(height - margin, bottom or height)


def _sheets(table: LongTable, device: QPagedPaintDevice, on_page: PageCallback | None) -> list[_Sheet]:
    """The page documents, each holding the rows that Qt put on its first page."""
    font, rows = cjk_font(10.5), len(table.rows)
    if not rows:
        document = _document(table, device, font, 0, 0)
        return [_Sheet(document, document.pageCount(), 0)]
    sheets: list[_Sheet] = []
    start, guess, skip = 0, FIRST_GUESS, _tables_in(table.before)
    while start < rows:
        end = min(rows, start + guess)
        document = _document(table, device, font, start, end)
        page, fitted, bottom = _first_page(document, skip if start == 0 else 0)
        if fitted == end - start and end < rows:
            # all fitted with room to spare: try as many more as the room left should hold
            guess = ceil(guess * document.pageSize().height() / max(bottom, 1.0)) + 2
            continue
        if fitted == end - start:               # the last rows, and the text under them
            sheets.append(_Sheet(document, document.pageCount(), end))
        elif fitted <= 1:
            # One row or none on the page: the row may be taller than a page, which Qt breaks
            # over the next ones. That row alone, on all the pages it takes.
            end = start + 1
            document = _document(table, device, font, start, end)
            sheets.append(_Sheet(document, document.pageCount(), end))
        else:
            end, guess = start + fitted, fitted + 2     # the next page holds about as many
            sheets.append(_Sheet(document, page, end, bottom))
        start = end
        if on_page is not None:
            on_page(start, 2 * rows)
    return sheets


def _document(table: LongTable, device: QPagedPaintDevice, font: QFont, start: int,
              end: int) -> QTextDocument:
    """Rows ``start``..``end`` laid out on ``device``'s pages, with the text before the table
    on the first page and the text after it on the last. The <thead> row is the table's
    header row, repeated on each page should the rows take more than one."""
    before = table.before if start == 0 else ""
    after = table.after if end >= len(table.rows) else ""
    document = device_document(device, font, BASE_CSS)
    # inserted, not set: setHtml would drop the page margins device_document gave the document
    QTextCursor(document).insertHtml(f"<html><body>{before}{_grid_html(table, start, end)}{after}"
                                     "</body></html>")
    return document


def _grid_html(table: LongTable, start: int, end: int) -> str:
    """The rows as a table that looks like :func:`~.monthly.table_html`'s, drawn cheaper.

    Its lines are the table's grey background showing through 1 px between white cells,
    where table_html's collapsed borders are 1 px lines of the same grey: Qt lays out and
    paints a collapsed border edge by edge, 2.3 times the time of the whole page."""
    head = "".join(f'<th width="{table.widths[i]}%">{escape(h)}</th>' if i < len(table.widths)
                   else f"<th>{escape(h)}</th>" for i, h in enumerate(table.headers))
    body = ["<tr>" + "".join(f'<td{_WHITE}{RIGHT if i in table.right else ""}>{escape(v)}</td>'
                             for i, v in enumerate(row)) + "</tr>" for row in table.rows[start:end]]
    if not table.rows:
        body = [f'<tr><td{_WHITE} colspan="{len(table.headers)}" class="muted">（无）</td></tr>']
    return (f'<table border="0" cellspacing="1" cellpadding="3" width="100%" bgcolor="{GRID}" '
            f'style="border-collapse: separate;"><thead><tr>{head}</tr></thead>{"".join(body)}</table>')


def _tables_in(html: str) -> int:
    """How many tables the text before the long one holds (a report's heading, the short
    lists printed in the flow of the text): the long table is the one after them."""
    if "<table" not in html:
        return 0
    document = QTextDocument()
    document.setHtml(html)
    return sum(isinstance(f, QTextTable) for f in document.rootFrame().childFrames())


def _first_page(document: QTextDocument, skip: int = 0) -> tuple[int, int, float]:
    """The page (from 1) where the document's long table (the one after ``skip`` others)
    has its first row, how many rows (after the header row) are whole on that page, and
    where the last of them ends on it, the grid line under it included. The text before the
    table may take pages of its own. Qt pushes a row that does not fit on to the next page,
    but breaks one taller than a page."""
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    if len(tables) <= skip:
        return 1, 0, 0.0
    table, layout = tables[skip], document.documentLayout()
    page_height = document.pageSize().height()
    page = _page_of(table, layout, page_height)
    limit = page * page_height
    fitted = table.rows() - 1
    for row in range(1, table.rows()):
        block = table.cellAt(row, 0).firstCursorPosition().block()
        if layout.blockBoundingRect(block).top() >= limit:
            fitted = row - 1
            break
    bottom = _text_bottom(table, layout, fitted)
    if fitted and bottom > limit:                 # broken over the page: not whole on it
        fitted -= 1
        bottom = _text_bottom(table, layout, fitted)
    # lengths in the table's format are pixels at 96 dpi, laid out at the device's resolution
    scale = layout.paintDevice().logicalDpiY() / SOURCE_DPI
    fmt = table.format()
    return page, fitted, bottom - limit + page_height + (fmt.cellPadding() + fmt.cellSpacing()) * scale


def _page_of(table: QTextTable, layout: QAbstractTextDocumentLayout, page_height: float) -> int:
    """The page (from 1) of the table's first row after the header row (of the header row
    in a table without rows)."""
    row = 1 if table.rows() > 1 else 0
    top = layout.blockBoundingRect(table.cellAt(row, 0).firstCursorPosition().block()).top()
    return int(top // page_height) + 1


def _text_bottom(table: QTextTable, layout: QAbstractTextDocumentLayout, row: int) -> float:
    """Where the text of the row's cells ends (the header row's for row 0)."""
    return max(layout.blockBoundingRect(table.cellAt(row, column).lastCursorPosition().block()).bottom()
               for column in range(table.columns()))
