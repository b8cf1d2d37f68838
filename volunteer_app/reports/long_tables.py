"""Several long tables in one print-out, each from a new page, laid out a page at a time.

long_table.py prints one table of thousands of rows without holding Python's lock for more
than a page; a report with several lists (a warning's report: the unreached, the follow-up
visits; a call sheet: one table per place) needs that for each of them, with the pages
numbered across the whole print-out. Each table keeps its own text before and after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice, QPainter

from .long_table import LongTable, _area, _sheets
from .printing import PageCallback, page_layout, paint_page, write_device_pdf


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

    laid_out = []
    for table in tables:
        laid_out.append(_sheets(table, device, progress(done)))
        done += len(table.rows)
    total = sum(sheet.pages for sheets in laid_out for sheet in sheets)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始打印（打印机或文件不可用）")
    page, painted = 0, 0
    try:
        for table, sheets in zip(tables, laid_out, strict=True):
            for sheet in sheets:
                for own in range(1, sheet.pages + 1):
                    if page and not device.newPage():
                        raise OSError("打印机或文件拒绝了新的一页")
                    page += 1
                    paint_page(sheet.document, painter, own, f"第 {page} 页  共 {total} 页",
                               _area(sheet, device, own))
                if on_page is not None:
                    on_page(rows + painted + sheet.end, 2 * rows)
            painted += len(table.rows)
    finally:
        painter.end()
    return page
