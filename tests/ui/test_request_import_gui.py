"""The 12345 import window driven as a staff member would: choose the month's export, see each
ticket's status and the wrong cell in red with its reason, import, read the counts; choose
the next export and see the saved tickets marked 将更新."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from ticket_fixtures import ticket, write_export

from volunteer_app.ui import runner
from volunteer_app.ui.dialogs.import_dialog import ERROR_BRUSH
from volunteer_app.ui.dialogs.request_import import RequestImportDialog

pytestmark = pytest.mark.gui
MONDAY = datetime(2026, 11, 2, 9, 0)
FIRST = 3       # 行号, 状态, 原因, then the file's columns


def _until_done(loop, signal, act):
    """Do ``act`` (a click) inside the running event loop, as the window does, and wait for the
    dialog to say its step ended."""
    async def go():
        future = loop.create_future()

        def ended(outcome):
            if not future.done():
                future.set_result(outcome)

        signal.connect(ended)
        act()
        try:
            return await asyncio.wait_for(future, 20)
        finally:
            signal.disconnect(ended)

    return loop.run_until_complete(go())


def _choose(qtbot, loop, dialog, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    choose = dialog.findChild(QPushButton, "import_dialog.choose")
    outcome = _until_done(loop, dialog.finished_work,
                          lambda: qtbot.mouseClick(choose, Qt.MouseButton.LeftButton))
    assert outcome == "checked"


def _import(qtbot, loop, dialog):
    outcome = _until_done(loop, dialog.finished_work,
                          lambda: qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton))
    assert outcome == "imported"


def _statuses(dialog):
    return [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]


def _tickets(session):
    return session.db.execute("SELECT ticket_no, callback_satisfaction FROM requests "
                              "ORDER BY ticket_no").fetchall()


def test_choose_preview_import_and_import_the_next_export(qtbot, event_loop, session, tmp_path,
                                                          monkeypatch):
    november = write_export(tmp_path / "11月工单.xlsx", [
        ticket(1, MONDAY), ticket(2, MONDAY, 满意度="还行"), ticket(3, MONDAY)])
    dialog = RequestImportDialog(session, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.duplicates.isVisible() and not dialog.import_button.isEnabled()

    _choose(qtbot, event_loop, dialog, monkeypatch, november)
    assert _statuses(dialog) == ["可导入", "有错误", "可导入"]
    satisfaction = dialog.model.index(1, FIRST + 16)
    assert satisfaction.data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert "满意、基本满意或不满意" in satisfaction.data(Qt.ItemDataRole.ToolTipRole)
    assert "新工单2件" in dialog.summary_label.text()
    _import(qtbot, event_loop, dialog)
    assert "新增2件，更新0件，未变0件，未导入1件" in dialog.summary_label.text()
    assert _tickets(session) == [("GD2026000001", None), ("GD2026000003", None)]

    december = write_export(tmp_path / "12月工单.xlsx", [
        ticket(1, MONDAY, 满意度="满意"), ticket(2, MONDAY, 满意度="基本满意"), ticket(3, MONDAY)])
    _choose(qtbot, event_loop, dialog, monkeypatch, december)
    assert _statuses(dialog) == ["将更新", "可导入", "将更新"]
    assert "已有这张工单" in dialog.model.index(0, 2).data()
    _import(qtbot, event_loop, dialog)
    assert "新增1件，更新1件，未变1件，未导入0件" in dialog.summary_label.text()
    assert _tickets(session) == [("GD2026000001", "满意"), ("GD2026000002", "基本满意"),
                                 ("GD2026000003", None)]
    dialog.close()


def test_a_file_without_ticket_numbers_says_which_column_to_map(qtbot, event_loop, session,
                                                                tmp_path, monkeypatch):
    path = write_export(tmp_path / "x.csv", [ticket(1, MONDAY, 单据="GD-1")],
                        ["单据", "来电时间", "诉求内容"])
    dialog = RequestImportDialog(session, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(qtbot, event_loop, dialog, monkeypatch, path)
    assert "没有哪一列对应到“工单编号”" in dialog.summary_label.text()
    assert _statuses(dialog) == ["有错误"]
    _until_done(event_loop, dialog.finished_work, lambda: dialog.set_mapping(0, "ticket_no"))
    assert _statuses(dialog) == ["可导入"]
    assert "工单编号" not in dialog.summary_label.text().split("。")[-1]
    dialog.close()


def test_the_month_export_comes_in_from_the_requests_page(qtbot, event_loop, demo_session, tmp_path,
                                                          monkeypatch):
    from gui_helpers import window_as
    from test_requests_gui import requests_page, shown

    supervisor = window_as(qtbot, demo_session, "supervisor")
    assert not requests_page(qtbot, supervisor).tickets.import_button.isVisible()
    supervisor.close()
    window = window_as(qtbot, demo_session, "staff")
    tab = requests_page(qtbot, window).tickets
    export = write_export(tmp_path / "12月工单.xlsx", [ticket(90001, MONDAY), ticket(90002, MONDAY)])
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, RequestImportDialog) and dialog.isVisible()
    _choose(qtbot, event_loop, dialog, monkeypatch, export)
    _import(qtbot, event_loop, dialog)
    assert "新增2件" in dialog.summary_label.text()
    dialog.close()
    tab.view.setCurrentIndex(tab.view.findData("all"))
    qtbot.keyClicks(tab.filter, "GD202609000")
    qtbot.waitUntil(lambda: not tab.loading and len(shown(tab)) == 2)
    assert sorted(shown(tab)) == ["GD2026090001", "GD2026090002"]     # by deadline
    window.close()
