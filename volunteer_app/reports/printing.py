"""HTML → PDF or printer through Qt: A4, the CJK font embedded, page numbers, table headers
repeated on every page.

Reports build HTML (Qt's rich-text subset) from service data and hand it here. A table's
``<thead>`` row is repeated on each page because ``QTextTableFormat.headerRowCount`` is set
for every table in the document.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter

from ..services.output_files import OutputError, pdf_is_complete, written_whole
from .fonts import cjk_font

MARGIN_MM = 0          # of the printer's page; the text keeps MARGIN_CM itself
MARGIN_CM = 2.0
SOURCE_DPI = 96        # document lengths are in pixels at this resolution (Qt's default)
BASE_CSS = """
body { font-size: 10.5pt; }
h1 { font-size: 20pt; text-align: center; margin-bottom: 6pt; }
h2 { font-size: 13pt; margin-top: 10pt; }
table { border-collapse: collapse; }
th { background-color: #e9eef5; font-weight: bold; }
td, th { padding: 3px 6px; }
.muted { color: #555555; }
.right { text-align: right; }
"""


def escape(value: object) -> str:
    return html.escape("" if value is None else str(value))


def build_document(body_html: str, title: str = "") -> QTextDocument:
    """A QTextDocument laid out for A4 with repeated table headers."""
    document = QTextDocument()
    document.setDefaultFont(cjk_font(10.5))
    document.setDefaultStyleSheet(BASE_CSS)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    document.setHtml(body_html)
    _repeat_table_headers(document)
    return document


def _repeat_table_headers(document: QTextDocument) -> None:
    # Tables are frames: walk the frame tree rather than asking a cursor for currentTable()
    # at every block (PySide6 drops a reference to None each time that returns None, which
    # crashed the interpreter on documents of a few thousand blocks).
    frames = list(document.rootFrame().childFrames())
    while frames:
        frame = frames.pop()
        frames.extend(frame.childFrames())
        if isinstance(frame, QTextTable):
            fmt = frame.format()
            if fmt.headerRowCount() == 0 and frame.rows() > 1:
                fmt.setHeaderRowCount(1)
                frame.setFormat(fmt)


def page_layout(landscape: bool = False) -> QPageLayout:
    """A4 with no margin of its own: :func:`paint_document` keeps 2 cm round the text (and
    the page footer inside it), so printer margins on top of that would make 3.8 cm."""
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


class PrintCancelled(Exception):
    """Raised by an ``on_page`` callback to stop printing; nothing half-written is kept."""


PageCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class Pages:
    """What to print, as parts that each start on a new page.

    A batch of certificates is one small document per certificate, built only when its page
    is painted: PySide6 keeps Python's GIL during a Qt call, so laying out a 300-page
    document in one go froze the window for a second even from a worker thread, while one
    certificate at a time lets the GUI thread in between. Page numbers ("第 n 页 共 N 页")
    are printed for a single part only (a certificate carries none).
    """

    parts: Sequence[Callable[[], QTextDocument]]
    title: str = ""
    page_numbers: bool = True
    landscape: bool = False

    @classmethod
    def of(cls, document: QTextDocument, title: str = "", page_numbers: bool = True,
           landscape: bool = False) -> Pages:
        title = title or document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
        return cls((lambda: document,), title, page_numbers, landscape)


def paint_pages(pages: Pages, device: QPagedPaintDevice, on_page: PageCallback | None = None) -> int:
    """Lay each part out on A4 pages of ``device`` and paint them one by one; returns the
    number of pages painted.

    What ``QTextDocument.print_`` does (2 cm margins, table headers repeated by the layout),
    but a page at a time, so that ``on_page(done, total)`` can report progress or raise
    :class:`PrintCancelled` in between (per page for one part, per part for several). It
    touches no widget, so a worker thread may run it on a QPdfWriter; a QPrinter stays on
    the GUI thread.
    """
    device.setPageLayout(page_layout(pages.landscape))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始打印（打印机或文件不可用）")
    single = len(pages.parts) == 1
    painted = 0
    try:
        for index, build in enumerate(pages.parts):
            if index and not device.newPage():
                raise OSError("打印机或文件拒绝了新的一页")
            painted += _paint_pages(build(), device, painter, pages.page_numbers and single,
                                    on_page if single else None)
            if on_page is not None and not single:
                on_page(index + 1, len(pages.parts))
    finally:
        painter.end()
    return painted


def paint_document(document: QTextDocument, device: QPagedPaintDevice, landscape: bool = False,
                   page_numbers: bool = True, on_page: PageCallback | None = None) -> int:
    """One document on a QPdfWriter or QPrinter (the print preview paints through this)."""
    return paint_pages(Pages.of(document, page_numbers=page_numbers, landscape=landscape),
                       device, on_page)


print_document = paint_document        # the first version's name


def _paint_pages(document: QTextDocument, device: QPagedPaintDevice, painter: QPainter,
                 page_numbers: bool, on_page: PageCallback | None) -> int:
    # Lay out a copy for this device, so the original can be printed again on another one
    # (the preview at screen resolution, then the printer at 600 dpi).
    doc = device_document(device, document.defaultFont(), document.defaultStyleSheet())
    QTextCursor(doc).insertFragment(QTextDocumentFragment(document))
    total = doc.pageCount()
    first, last = _page_range(device, total)
    for page in range(first, last + 1):
        if page > first and not device.newPage():
            raise OSError("打印机或文件拒绝了新的一页")
        paint_page(doc, painter, page, f"第 {page} 页  共 {total} 页" if page_numbers else "")
        if on_page is not None:
            on_page(page - first + 1, last - first + 1)
    return last - first + 1


def device_document(device: QPagedPaintDevice, font: QFont, style_sheet: str) -> QTextDocument:
    """An empty document laid out on ``device``'s A4 pages with the 2 cm margins, to be filled.

    It gets its device, margins and page size while still empty and the content after: each
    of those set on a filled document is a full new layout (four of them took 6 s for a list
    of 2,500 records, holding the GIL, so the window froze even with this on a worker)."""
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)       # printed, never edited: no undo record of the filling
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(style_sheet)
    doc.documentLayout().setPaintDevice(device)
    _keep_margin(doc)
    doc.setPageSize(QSizeF(device.width(), device.height()))
    return doc


def paint_page(doc: QTextDocument, painter: QPainter, page: int, footer: str = "",
               area: tuple[float, float] | None = None) -> None:
    """Page ``page`` (from 1) of a :func:`device_document`, and ``footer`` centred under it;
    with ``area``, only what lies between those two heights from the page's top edge."""
    body = QRectF(0, 0, doc.pageSize().width(), doc.pageSize().height())
    first, last = area or (0.0, body.height())
    top = (page - 1) * body.height()
    view = QRectF(0, top + first, body.width(), last - first)
    context = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    context.palette = palette
    painter.save()
    painter.translate(0, -top)
    painter.setClipRect(view)
    context.clip = view
    doc.documentLayout().draw(painter, context)
    painter.restore()
    if footer:
        margin = MARGIN_CM / 2.54 * painter.device().logicalDpiY()
        font = QFont(doc.defaultFont())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
        painter.setFont(font)
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(0, body.height() - margin * 0.55, body.width(), margin * 0.4),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, footer)


def _keep_margin(doc: QTextDocument) -> float:
    margin = MARGIN_CM / 2.54 * SOURCE_DPI          # the layout scales it to the device
    frame = doc.rootFrame().frameFormat()
    frame.setMargin(margin)
    doc.rootFrame().setFrameFormat(frame)
    return margin


def pages_needed(document: QTextDocument, landscape: bool = False, slack: float = 0.97) -> int:
    """How many A4 pages ``document`` takes with the margins :func:`paint_pages` keeps.

    Laid out at the document's own 96 dpi, whose font hinting differs from a 300 dpi PDF's by
    a few pixels: ``slack`` counts a page as a little shorter, so "fits" holds on paper too."""
    doc = document.clone()
    _keep_margin(doc)
    size = page_layout(landscape).fullRectPixels(SOURCE_DPI).size()
    doc.setPageSize(QSizeF(size.width(), size.height() * slack))
    return doc.pageCount()


def _page_range(device: QPagedPaintDevice, total: int) -> tuple[int, int]:
    """The pages a print dialog asked for (a QPrinter's from/to), else all of them."""
    asked_from = device.fromPage() if isinstance(device, QPrinter) else 0
    asked_to = device.toPage() if isinstance(device, QPrinter) else 0
    if asked_from == 0 and asked_to == 0:
        return 1, max(1, total)
    return max(1, asked_from), max(1, min(total, asked_to or total))


def write_pages_pdf(pages: Pages, path: Path | str, on_page: PageCallback | None = None) -> Path:
    """An A4 PDF with the CJK font embedded. Safe in a worker thread. When ``on_page``
    raises (:class:`PrintCancelled`) or the disk fails, no partial file is left."""
    return write_device_pdf(path, pages.title, lambda writer: paint_pages(pages, writer, on_page))


def write_device_pdf(path: Path | str, title: str, paint: Callable[[QPdfWriter], object]) -> Path:
    """A PDF that ``paint`` draws on a 300 dpi QPdfWriter (see :func:`write_pages_pdf`)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with written_whole(path) as partial:   # renamed over ``path`` only once complete
        # Fail here with the system's reason (a folder, read-only, open in another program)
        # rather than as Qt's bare "QPainter::begin(): Returned false" halfway through.
        with partial.open("wb"):
            pass
        writer = QPdfWriter(str(partial))
        writer.setResolution(300)
        writer.setTitle(title)
        writer.setCreator("邻里帮")
        try:
            paint(writer)
        finally:
            del writer  # the file is finished when the writer is destroyed
        if not pdf_is_complete(partial):   # Qt ignores a failed write (a full disk)
            raise OutputError(f"PDF文件没有写成（磁盘可能已满）：{path}")
    return path


def write_pdf(document: QTextDocument, path: Path | str, title: str = "", landscape: bool = False,
              page_numbers: bool = True, on_page: PageCallback | None = None) -> Path:
    """One document as an A4 PDF (see :func:`write_pages_pdf`)."""
    return write_pages_pdf(Pages.of(document, title, page_numbers, landscape), path, on_page)
