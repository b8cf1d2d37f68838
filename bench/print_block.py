"""How long printing freezes the window: the worst gap between ticks of a 5 ms timer on the
GUI thread while certificates (a ceremony of 40, and 300), a monthly report and the records
page's list are saved as PDF, printed, or opened in the print preview.

"before" does the whole job on the GUI thread, as the first version of the print dialogs
did (issue and register, build the document, paint every page); "after" is the dialogs as
they are, with the work on a QThread. Both run here, on the same data, so the ratio means
the same on any PC. The preview and a printer still paint on the GUI thread (a QPrinter
lives there); only the gathering and the document building left it.

What could remain of a block on the worker's side is one Qt call that holds Python's GIL: the
layout of one long document. A certificate batch is painted one certificate at a time, and
the records list a page at a time (reports/long_table.py), to avoid it. The records list is
exported at 250, 500 and 2,500 rows (BENCH_BLOCK_LIST) to show its growth; main() returns
``record_list_ms_per_row`` and ``record_list_block_ms`` of the last (2,500 rows).
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# the records list at 1x, 2x and 10x: growth shows in its ms a row; the headline is the last
LIST_ROWS = tuple(int(x) for x in os.environ.get("BENCH_BLOCK_LIST", "250,500,2500").split(","))
COUNTS = tuple(int(x) for x in os.environ.get("BENCH_BLOCK_CERTIFICATES", "40,300").split(","))


class Heartbeat:
    """Ticks every 5 ms on the GUI thread; the largest gap is how long the window froze."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def __enter__(self) -> Heartbeat:
        self.last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._tick()
        self.timer.stop()


def _blocking(loop: Any, fn: Callable[[], Any]) -> tuple[float, float]:
    """Run ``fn`` on the GUI thread from inside the running event loop."""
    async def call() -> Any:
        await asyncio.sleep(0.02)
        return fn()

    with Heartbeat() as beat:
        started = time.perf_counter()
        loop.run_until_complete(call())
        total = time.perf_counter() - started - 0.02
    return beat.worst, total


def _async(loop: Any, make: Callable[[], Any]) -> tuple[float, float]:
    with Heartbeat() as beat:
        started = time.perf_counter()
        loop.run_until_complete(make())
        total = time.perf_counter() - started
    return beat.worst, total


def main() -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    from bench.reports import _database

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app, already_running=False)
    asyncio.set_event_loop(loop)
    from volunteer_app.reports.certificate import certificates_document, write_certificates_pdf
    from volunteer_app.reports.monthly import write_monthly_pdf
    from volunteer_app.reports.printing import paint_document
    from volunteer_app.services.hours import certificates, reports
    from volunteer_app.ui.dialogs.print_dialogs import CertificateDialog, MonthlyDialog

    print(f"{'打印什么':<26} {'之前 最长卡顿':>12} {'之后 最长卡顿':>12} {'之后 总用时':>10} {'卡顿减少':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        session, team, ids = _database(folder, 5000, "block")
        _issuer(session)
        for count in COUNTS:
            chosen = ids[:count]

            def before_save(chosen: list[int] = chosen, count: int = count) -> None:
                issued, _ = certificates.issue_batch(session, chosen, "2026-01-01", "2026-11-28")
                write_certificates_pdf(issued, folder / f"before_{count}.pdf")

            before, _ = _blocking(loop, before_save)
            dialog = CertificateDialog(session, chosen)
            dialog.date_from.setDate(dialog.date_from.date().addYears(-1))
            after, total = _async(loop, lambda d=dialog, c=count: d.save_pdf(folder / f"after_{c}.pdf"))
            _row(f"{count}份证明 保存PDF", before, after, total)

            def before_preview(chosen: list[int] = chosen) -> None:
                shown = [certificates.preview(session, v, "2026-01-01", "2026-11-28") for v in chosen]
                document = certificates_document(shown)
                _open_preview(lambda device: paint_document(document, device, page_numbers=False))

            before, _ = _blocking(loop, before_preview)

            async def after_preview(d: CertificateDialog = dialog) -> None:
                preview = await d.preview()
                assert preview is not None and preview.isVisible()
                app.processEvents()
                preview.close()

            after, total = _async(loop, after_preview)
            _row(f"{count}份证明 预览（之后只画前20份）", before, after, total)

            def before_print(chosen: list[int] = chosen, count: int = count) -> None:
                issued, _ = certificates.issue_batch(session, chosen, "2026-01-01", "2026-11-28")
                paint_document(certificates_document(issued), _pdf_printer(folder / f"p0_{count}.pdf"),
                               page_numbers=False)

            before, _ = _blocking(loop, before_print)
            printer = _pdf_printer(folder / f"p1_{count}.pdf")
            after, total = _async(loop, lambda d=dialog, p=printer: d.print_to(p))
            _row(f"{count}份证明 打印机（之后逐份绘制）", before, after, total)
            dialog.deleteLater()

        def before_monthly() -> None:
            write_monthly_pdf(reports.monthly_team(session, team, "2026-10"), folder / "m0.pdf", "基准")

        before, _ = _blocking(loop, before_monthly)
        monthly = MonthlyDialog(session, team)
        monthly.month.setCurrentIndex(monthly.month.findData("2026-10"))
        after, total = _async(loop, lambda: monthly.save_pdf(folder / "m1.pdf"))
        _row("月度报表 5,000条记录 保存PDF", before, after, total)
        monthly.deleteLater()
        session.db.close()

        figures = {}
        for rows in LIST_ROWS:
            figures = _record_list(loop, folder, rows)
    loop.close()
    asyncio.set_event_loop(None)
    return figures


def _issuer(session: Any) -> None:
    """A certificate names its issuer's person in charge and a contact, or is not issued."""
    from volunteer_app.services.admin import settings

    settings.put(session, "certificate.leader", "王主任")
    settings.put(session, "certificate.contact", "010-00000000")


def _record_list(loop: Any, folder: Path, rows: int) -> dict[str, float]:
    """The records page's 导出PDF of ``rows`` records: on the GUI thread ("before"), then as
    the page does it; its figures are the page's total per row and longest freeze."""
    from bench.reports import _database
    from volunteer_app.reports.record_list import write_record_list_pdf
    from volunteer_app.services.hours import record_queries
    from volunteer_app.ui.pages.records import RecordsPage
    from volunteer_app.ui.signals import DataSignals

    session, team, _ids = _database(folder, rows, "list")
    query = record_queries.RecordQuery(team_id=team)
    before, _ = _blocking(loop, lambda: write_record_list_pdf(session, query, folder / f"l0_{rows}.pdf"))
    page = RecordsPage(session, DataSignals(session))
    after, total = _async(loop, lambda: page.export_pdf(folder / f"l1_{rows}.pdf"))
    _row(f"服务记录列表 {rows:,}条 导出PDF", before, after, total)
    print(f"{'':<26} 每条 {total / rows * 1000:.2f} ms（目标 ≤ 1 ms），最长卡顿 {after * 1000:.0f} ms"
          "（目标 ≤ 100 ms）", flush=True)
    page.deleteLater()
    session.db.close()
    return {"record_list_ms_per_row": round(total / rows * 1000, 3),
            "record_list_block_ms": round(after * 1000, 1)}


def _open_preview(paint: Callable[[Any], Any]) -> None:
    """A print preview opened on the GUI thread, as the first version of the dialogs did."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QApplication

    from volunteer_app.reports.printing import page_layout

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    dialog = QPrintPreviewDialog(printer)
    dialog.paintRequested.connect(paint)
    dialog.resize(900, 1000)
    dialog.open()
    QApplication.processEvents()
    dialog.close()
    dialog.deleteLater()


def _pdf_printer(path: Path) -> Any:
    """A QPrinter writing a PDF: the printer path without a printer."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _row(what: str, before: float, after: float, total: float) -> None:
    print(f"{what:<26} {before * 1000:>9.0f} ms {after * 1000:>9.0f} ms {total:>8.2f} s "
          f"{before / max(after, 1e-3):>7.1f}×", flush=True)


if __name__ == "__main__":
    main()
