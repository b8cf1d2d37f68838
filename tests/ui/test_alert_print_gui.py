"""打印点名表 and 预警总结报告 through the app's report dialog (print_dialogs._PrintDialog): the
same 预览 / 打印… / 保存为PDF… buttons, the printer painted a page at a time on the GUI thread,
the preview, 取消 leaving no file, and the warning's own reason shown when it refuses."""

from __future__ import annotations

import pytest
from pdftext import pdf_pages, pdf_text
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from volunteer_app.domain.weather import AlertLevel, AlertType
from volunteer_app.services.admin import users
from volunteer_app.services.alerts import board, start
from volunteer_app.services.session import Session
from volunteer_app.ui.dialogs.alert_print_dialogs import AlertReportDialog, CallSheetDialog

pytestmark = pytest.mark.gui


def staff_session(demo_session) -> Session:
    staff = users.authenticate(demo_session.db, "staff", "staff2026")
    return Session(demo_session.db, staff, today=demo_session.today)


def warning(demo_session) -> int:
    return start.start(staff_session(demo_session), start.StartRequest(
        AlertType.SNOW, AlertLevel.ORANGE, insurance="人保财险 PICC-2026-0088")).alert_id


def sheet_dialog(qtbot, demo_session, alert_id: int) -> CallSheetDialog:
    dialog = CallSheetDialog(staff_session(demo_session), alert_id, [])
    qtbot.addWidget(dialog)
    dialog.show()
    for name in ("preview", "print", "pdf", "close"):
        assert dialog.findChild(QPushButton, f"call_sheet_dialog.{name}").isVisible(), name
    return dialog


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_the_call_sheet_is_printed_and_previewed(qtbot, demo_session, event_loop, tmp_path):
    alert_id = warning(demo_session)
    dialog = sheet_dialog(qtbot, demo_session, alert_id)
    printer = pdf_printer(tmp_path / "打印机.pdf")
    pages = event_loop.run_until_complete(dialog.print_to(printer))
    del printer
    assert pages == pdf_pages(tmp_path / "打印机.pdf") >= 1
    text = pdf_text(tmp_path / "打印机.pdf")
    first = board.roll_rows(demo_session, alert_id)[0]
    assert "暴雪橙色预警 点名表" in text and first["resident_name"] in text

    preview = event_loop.run_until_complete(dialog.preview())
    assert preview is not None and preview.isVisible()
    preview.close()
    assert all(b.isEnabled() for b in (dialog.preview_button, dialog.print_button, dialog.pdf_button))


def test_a_cancelled_save_leaves_no_file_and_says_so(qtbot, demo_session, event_loop, tmp_path):
    dialog = sheet_dialog(qtbot, demo_session, warning(demo_session))

    def press_cancel():
        dialog.progress.findChild(QPushButton).click()

    dialog.job_started.connect(press_cancel)
    target = tmp_path / "点名表.pdf"
    assert event_loop.run_until_complete(dialog.save_pdf(target)) is None
    assert dialog.message.text() == "已取消，没有生成文件。" and not target.exists()
    dialog.job_started.disconnect(press_cancel)
    assert event_loop.run_until_complete(dialog.save_pdf(target)) == target
    assert dialog.message.text() == f"已保存：{target}"


def test_the_warnings_own_refusal_is_said_in_the_dialog(qtbot, demo_session, event_loop, tmp_path):
    report = AlertReportDialog(staff_session(demo_session), warning(demo_session), note="预警已解除。")
    qtbot.addWidget(report)
    assert report.message.text() == "预警已解除。"
    missing = sheet_dialog(qtbot, demo_session, 99999)           # a warning no longer in the file
    target = tmp_path / "点名表.pdf"
    assert event_loop.run_until_complete(missing.save_pdf(target)) is None
    assert "99999" in missing.message.text() and missing.message.property("role") == "error"
    assert not target.exists() and missing.pdf_button.isEnabled()
