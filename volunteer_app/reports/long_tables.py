"""Several long tables in one print-out, each from a new page, laid out a page at a time.

long_table.py prints one table of thousands of rows without holding Python's lock for more
than a page; a report with several lists (a warning's report: the unreached, the follow-up
visits; a call sheet: one table per place) needs that for each of them, with the pages
numbered across the whole print-out. Each table keeps its own text before and after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from .long_table import LongTable, _paint_sheets, _sheets
from .printing import PageCallback, page_layout, write_device_pdf


def write_long_tables_pdf(tables: Sequence[LongTable], path: Path | str, title: str = "",
                          on_page: PageCallback | None = None) -> Path:
    """The tables as one A4 PDF; ``on_page(done, total)`` as in long_table.py (rows laid out,
    then rows painted), so 取消 is heard between any two pages."""
    return write_device_pdf(path, title or (tables[0].title if tables else ""),
                            lambda writer: paint_long_tables(tables, writer, on_page))


def paint_long_tables(tables: Sequence[LongTable], device: QPagedPaintDevice,
                      on_page: PageCallback | None = None) -> int:
    """Lay the tables out and paint them on ``device`` (a QPdfWriter, or a QPrinter on the GUI
    thread); returns the number of pages. All are portrait or landscape as the first is."""
    landscape = bool(tables) and tables[0].landscape
    device.setPageLayout(page_layout(landscape))
    rows = sum(len(t.rows) for t in tables) or 1
    done = 0

    def progress(offset: int):
        if on_page is None:
            return None
        return lambda count, _total: on_page(min(offset + count, rows), 2 * rows)

    groups = []                     # each table's sheets and rows, laid out before painting
    for table in tables:
        groups.append((_sheets(table, device, progress(done)), len(table.rows)))
        done += len(table.rows)
    return _paint_sheets(device, groups, rows, on_page)
