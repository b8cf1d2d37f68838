"""Qt's printer, print dialog and print preview, set up once for the app's A4 documents."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from ..reports.printing import page_layout
from .screen_fit import fit_to_screen


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    return printer


def chosen_printer(parent: QWidget) -> QPrinter | None:
    """The printer the user picked in Qt's print dialog, or None if they cancelled."""
    printer = a4_printer()
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def open_preview(parent: QWidget, name: str, printer: QPrinter,
                 paint: Callable[[QPrinter], object]) -> QPrintPreviewDialog:
    """``<name>.preview_dialog`` over ``printer``. The preview keeps a pointer to the printer:
    the caller holds it as long as the dialog (a printer collected by Python under an open
    preview crashes it)."""
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName(f"{name}.preview_dialog")
    dialog.paintRequested.connect(paint)
    fit_to_screen(dialog, 900, 1000)
    dialog.open()
    return dialog
