"""The import window driven as a person would: open a file, fix a column mapping, see the
bad rows marked, import, and find the residents; cancel half-way and find nothing changed."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest
import qasync
from ledger_fixtures import make_id, write_csv, write_xlsx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from volunteer_app.services.ledger import import_check, import_header, import_rows
from volunteer_app.ui.dialogs.import_dialog import ERROR_BRUSH, WARNING_BRUSH, ImportDialog
from volunteer_app.ui.ledger_actions import ExportDialog, add_import_export_buttons

pytestmark = pytest.mark.gui


@pytest.fixture
def loop(qapp):
    event_loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    event_loop.close()
    asyncio.set_event_loop(None)


def _dialog(qtbot, session, kind="residents"):
    dialog = ImportDialog(session, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _household_ledger(title, *people):
    """A title line, then a header whose name column reads 户主 (a header the importer does
    not know), then one row per person: name, ID number, phone, building."""
    return [[title], ["户主", "身份证号", "手机号", "楼号"], *people]


def _statuses(dialog):
    return [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]


def _count(session, table="residents"):
    return session.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_open_fix_mapping_see_bad_rows_and_import(qtbot, loop, session, tmp_path):
    path = write_xlsx(tmp_path / "居民.xlsx", _household_ledger(
        "花乡街道居民台账（2026年11月）",
        ["张建国", make_id(date(1929, 4, 12), True), "13812345678", "3号楼"],
        ["李秀兰", make_id(date(1935, 8, 1), False), "12345", "3号楼"],
        ["王大爷", make_id(date(1931, 2, 3), True, 5), "", "4号楼"]), merges=["A1:D1"])
    dialog = _dialog(qtbot, session)
    assert loop.run_until_complete(dialog.open_file(path))
    combo = dialog.findChild(type(dialog.duplicates), "import_dialog.map.0")
    assert combo.currentData() is None and "姓名" in dialog.summary_label.text()
    assert len(dialog.preview.rejected) == 3

    with qtbot.waitSignal(dialog.finished_work, timeout=10_000):
        combo.setCurrentIndex(combo.findData("name"))
    model = dialog.model
    assert _statuses(dialog) == ["可导入", "有错误", "可导入"]
    phone = model.index(1, 3 + 2)
    assert phone.data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert "11位手机号" in phone.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.headerData(2, Qt.Orientation.Horizontal) == "原因"
    assert "联系电话" in model.index(1, 2).data()
    assert dialog.import_button.isEnabled()

    changed = []
    session.subscribe(changed.append)
    summary = loop.run_until_complete(dialog.run_import())
    assert (summary.imported, summary.rejected) == (2, 1)
    names = {r["name"] for r in session.db.query("SELECT name FROM residents")}
    assert names == {"张建国", "王大爷"}
    assert any("residents" in tables for tables in changed)
    assert "新增2行" in dialog.summary_label.text()
    out = tmp_path / "未导入.xlsx"
    assert not dialog.save_button.isEnabled()   # the preview was used up by the import
    loop.run_until_complete(dialog.open_file(path))
    dialog.set_mapping(0, "name")
    loop.run_until_complete(dialog.recheck())
    assert dialog.save_rejected(out) and out.exists()
    dialog.close()


def test_cancel_half_way_changes_nothing(qtbot, loop, session, tmp_path):
    rows = [["姓名", "性别", "出生日期"]] + [
        [f"张{chr(0x4e00 + i % 5000)}{chr(0x4e00 + i // 5000)}", "男", "1950-01-01"]
        for i in range(15_000)]
    path = write_csv(tmp_path / "many.csv", rows, "utf-8-sig")
    dialog = _dialog(qtbot, session)
    assert loop.run_until_complete(dialog.open_file(path))
    assert len(dialog.preview.rows) == 15_000
    audit_before = _count(session, "audit_log")
    seen = []

    def on_progress(done, total):
        seen.append(done)
        if dialog._progress is not None and done < total:
            dialog._progress.findChild(QPushButton).click()   # the progress dialog's 取消

    dialog.progressed.connect(on_progress)
    summary = loop.run_until_complete(dialog.run_import())
    assert summary is None and dialog.outcome == "cancelled"
    assert seen and min(seen) < 15_000
    assert _count(session) == 0 and _count(session, "audit_log") == audit_before
    assert "没有任何改动" in dialog.summary_label.text()
    dialog.close()


def test_unreadable_file_is_explained(qtbot, loop, session, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a workbook")
    dialog = _dialog(qtbot, session)
    assert not loop.run_until_complete(dialog.open_file(bad))
    assert "不是有效的Excel文件" in shown[0] and not dialog.import_button.isEnabled()


def test_buttons_and_export_dialog(qtbot, loop, demo_session, tmp_path):
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    page = QWidget()
    qtbot.addWidget(page)
    row = QHBoxLayout(page)
    importing, exporting = add_import_export_buttons(page, demo_session, "residents", row)
    assert importing.objectName() == "residents.import"
    assert exporting.objectName() == "residents.export"
    dialog = ExportDialog(demo_session, "residents")
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "居民.xlsx"))
    dialog.full.setChecked(True)
    count = loop.run_until_complete(dialog.run_export())
    assert count == _count(demo_session) and (tmp_path / "居民.xlsx").exists()
    assert _count(demo_session, "audit_log WHERE action = '完整导出'") == 1
    table, mapping = import_header.load(tmp_path / "居民.xlsx", "residents")
    assert not import_check.check(demo_session, table, mapping, "residents").rejected
    dialog.close()


@pytest.mark.parametrize("kind", ["residents", "volunteers"])
def test_page_buttons_open_the_import_and_the_table_shows_the_rows(qtbot, loop, session, tmp_path,
                                                                     kind):
    from PySide6.QtWidgets import QTableView

    from volunteer_app.ui.main_window import MainWindow
    from volunteer_app.ui.pages import PAGES

    if kind not in {spec.key for spec in PAGES}:
        pytest.skip(f"the {kind} page is not in the window yet")
    window = MainWindow(session)
    qtbot.addWidget(window)
    page = window.show_page(kind)
    button = page.findChild(QPushButton, f"{kind}.import")
    assert button is not None and page.findChild(QPushButton, f"{kind}.export") is not None
    button.click()
    dialog = page.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    rows = [["姓名", "性别", "出生日期", "手机号"]] + [
        [f"测试{chr(0x4e00 + i)}", "女", "1930-01-01", f"1380000{i:04d}"] for i in range(7)]
    assert loop.run_until_complete(dialog.open_file(write_csv(tmp_path / "p.csv", rows, "gbk")))
    summary = loop.run_until_complete(dialog.run_import())
    assert summary.imported == 7
    table = page.findChild(QTableView, f"{kind}.table")
    qtbot.waitUntil(lambda: table.model().rowCount() >= 7, timeout=5000)
    dialog.close()
    window.close()


def test_without_sensitive_access_the_health_column_is_left_out_with_a_notice(
        qtbot, loop, session, tmp_path, monkeypatch):
    from volunteer_app.services import permissions
    from volunteer_app.services.permissions import Permission, Role
    from volunteer_app.services.session import Actor, Session

    narrowed = permissions.MATRIX[Role.STAFF] - {Permission.VIEW_SENSITIVE}
    monkeypatch.setitem(permissions.MATRIX, Role.STAFF, narrowed)
    staff = Session(session.db, Actor(5, "王丽", Role.STAFF), today=session.today)
    path = write_csv(tmp_path / "健康.csv", [["姓名", "性别", "出生日期", "健康状况"],
                                             ["张建国", "男", "1929-04-12", "高血压"]], "utf-8-sig")
    dialog = _dialog(qtbot, staff)
    assert loop.run_until_complete(dialog.open_file(path))
    combo = dialog.findChild(type(dialog.duplicates), "import_dialog.map.3")
    assert combo.currentData() is None and combo.findData("health_notes") == -1
    assert "“健康状况”列是健康与困难情况" in dialog.summary_label.text()
    summary = loop.run_until_complete(dialog.run_import())
    assert summary.imported == 1
    assert session.db.execute("SELECT health_notes FROM residents").fetchone()[0] == ""
    dialog.close()


def test_from_the_residents_page_fix_a_column_import_and_find_them_in_the_table(
        qtbot, loop, session, tmp_path):
    """The whole way a person goes: 居民 → 导入…, a header the importer does not know, a bad
    row marked, import, and the new residents in the page's own table."""
    from PySide6.QtWidgets import QTableView

    from volunteer_app.ui.main_window import MainWindow
    from volunteer_app.ui.paged_model import ROW_ID_ROLE

    window = MainWindow(session)
    qtbot.addWidget(window)
    page = window.show_page("residents")
    page.findChild(QPushButton, "residents.import").click()
    dialog = page.findChild(ImportDialog)
    path = write_xlsx(tmp_path / "户主台账.xlsx", _household_ledger(
        "郭公庄北街居民台账",
        ["柏松年", make_id(date(1931, 3, 14), True), "13812345678", "2号楼"],
        ["戚秀英", make_id(date(1933, 6, 2), False), "138", "2号楼"],
        ["闵德福", make_id(date(1930, 1, 9), True, 3), "", "5号楼"]))
    assert loop.run_until_complete(dialog.open_file(path))
    with qtbot.waitSignal(dialog.finished_work, timeout=10_000):
        dialog.set_mapping(0, "name")
    assert _statuses(dialog) == ["可导入", "有错误", "可导入"]
    assert dialog.model.index(1, 3 + 2).data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert loop.run_until_complete(dialog.run_import()).imported == 2
    table = page.findChild(QTableView, "residents.table")
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    ids = {model.index(r, 0).data(ROW_ID_ROLE) for r in range(model.rowCount())}
    names = {r["name"] for r in session.db.query(
        f"SELECT name FROM residents WHERE id IN ({','.join(map(str, ids))})")}
    assert names == {"柏松年", "闵德福"}
    dialog.close()
    window.close()


def test_duplicates_skip_or_update_as_chosen_in_the_window(qtbot, loop, session, tmp_path):
    from volunteer_app.services.people import residents

    number = make_id(date(1929, 4, 12), True)
    residents.add(session, {"name": "张建国", "id_number": number, "phone": "13800000000"})
    path = write_csv(tmp_path / "dup.csv", [["姓名", "身份证号", "手机号"],
                                            ["张建国", number, "13911112222"]], "utf-8-sig")
    dialog = _dialog(qtbot, session)
    assert loop.run_until_complete(dialog.open_file(path))
    assert dialog.model.index(0, 1).data() == "重复"
    assert "已登记" in dialog.model.index(0, 2).data()
    assert loop.run_until_complete(dialog.run_import()).skipped == 1
    assert session.db.execute("SELECT phone FROM residents").fetchone()[0] == "13800000000"
    assert loop.run_until_complete(dialog.open_file(path))
    dialog.duplicates.setCurrentIndex(dialog.duplicates.findData(import_rows.UPDATE))
    assert loop.run_until_complete(dialog.run_import()).updated == 1
    assert session.db.execute("SELECT phone FROM residents").fetchone()[0] == "13911112222"
    dialog.close()


def test_an_address_column_is_read_and_a_guess_it_will_not_make_is_marked(qtbot, loop, session,
                                                                         tmp_path):
    """住址 shows as 住址 in the mapping (it was 不导入, and the addresses were lost); a cell it
    will not split (3-2-501) is marked in the preview with the reason, and kept in 备注."""
    path = write_xlsx(tmp_path / "居民.xlsx", [["姓名", "性别", "出生日期", "住址"],
                                              ["郑一", "男", "1935-03-02", "3号楼2单元501"],
                                              ["郑三", "男", "1935-03-02", "3-2-501"]])
    dialog = _dialog(qtbot, session)
    assert loop.run_until_complete(dialog.open_file(path))
    combo = dialog.findChild(type(dialog.duplicates), "import_dialog.map.3")
    assert combo.currentText() == "住址"
    assert _statuses(dialog) == ["可导入", "有提醒"]
    cell = dialog.model.index(1, 3 + 3)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == WARNING_BRUSH
    assert "分不清哪一段是楼号、单元、门牌" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.model.index(0, 3 + 3).data(Qt.ItemDataRole.BackgroundRole) is None
    assert loop.run_until_complete(dialog.run_import()).imported == 2
    saved = {r["name"]: r for r in session.db.query("SELECT * FROM residents")}
    assert (saved["郑一"]["building"], saved["郑一"]["unit"], saved["郑一"]["room"]) == (
        "3号楼", "2单元", "501")
    assert saved["郑三"]["notes"] == "住址（原文）：3-2-501"
    dialog.close()


def test_a_row_hidden_in_excel_is_marked_in_the_preview(qtbot, loop, session, tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "居民.xlsx"
    book = Workbook()
    for row in (["姓名", "性别", "出生日期"], ["蒋一", "男", "1935-03-02"], ["蒋二", "女", "1936-03-02"]):
        book.active.append(row)
    book.active.row_dimensions[3].hidden = True
    book.save(path)
    dialog = _dialog(qtbot, session)
    assert loop.run_until_complete(dialog.open_file(path))
    assert _statuses(dialog) == ["可导入", "有提醒"]
    name = dialog.model.index(1, 3)
    assert name.data(Qt.ItemDataRole.BackgroundRole) == WARNING_BRUSH
    assert "在Excel里是隐藏的" in name.data(Qt.ItemDataRole.ToolTipRole)
    dialog.close()
