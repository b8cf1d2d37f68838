"""导出 clicked twice before the loop ran the first click's export (a double click while the
GUI thread was busy, both clicks already queued): one export, one audit entry, one file."""

from __future__ import annotations

import asyncio

import openpyxl
import pytest
from PySide6.QtCore import Qt

from volunteer_app.ui.ledger_actions import ExportDialog

pytestmark = pytest.mark.gui


def test_two_queued_clicks_on_export_export_once(qtbot, event_loop, demo_session, tmp_path):
    dialog = ExportDialog(demo_session, "residents")
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "居民.xlsx"
    dialog.path_edit.setText(str(target))
    dialog.full.setChecked(True)            # an export with full numbers is audited
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    event_loop.run_until_complete(asyncio.gather(*asyncio.all_tasks(event_loop)))
    assert "已导出" in dialog.message.text()
    audited = demo_session.db.execute(
        "SELECT count(*) FROM audit_log WHERE action = '完整导出'").fetchone()[0]
    assert audited == 1
    residents = demo_session.db.execute("SELECT count(*) FROM residents").fetchone()[0]
    assert f"已导出 {residents} 行" in dialog.message.text()
    assert openpyxl.load_workbook(target).active["A1"].value      # one whole workbook
    dialog.close()
