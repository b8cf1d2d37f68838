"""HTML → PDF or printer through Qt: A4, the CJK font embedded, page numbers, table headers
repeated on every page.

Reports build HTML (Qt's rich-text subset) from service data and hand it here. A table's
``<thead>`` row is repeated on each page because ``QTextTableFormat.headerRowCount`` is set
for every table in the document.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextTable,
)

from .fonts import cjk_font

MARGIN_MM = 0
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
    """A4 with no margin of its own: QTextDocument.print puts a 2 cm margin round the text
    (and the page number inside it), so printer margins on top of that made 3.8 cm."""
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


def print_document(document: QTextDocument, device: QPagedPaintDevice, landscape: bool = False) -> None:
    """Print on a QPdfWriter or QPrinter. With no page size of its own set on the document,
    QTextDocument.print lays it out for the device and prints page numbers at the foot."""
    device.setPageLayout(page_layout(landscape))
    document.print_(device)


def write_pdf(document: QTextDocument, path: Path | str, title: str = "",
              landscape: bool = False) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(title or document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("邻里帮")
    print_document(document, writer, landscape)
    del writer  # the file is finished when the writer is destroyed
    return path
