"""The records page driven as a supervisor and as staff: filter, verify in bulk, amend, add,
print a certificate and the list to PDF (file paths given, no file dialog)."""

from __future__ import annotations

import pytest
from gui_helpers import choose_data, records_page, settle
from pdftext import pdf_text
from PySide6.QtCore import QItemSelectionModel

from volunteer_app.services.hours import record_queries
from volunteer_app.services.hours.certificates import format_hours
from volunteer_app.services.permissions import Role
from volunteer_app.services.session import Actor, Session
from volunteer_app.ui.pages.records import RecordsModel


@pytest.fixture
def supervisor(demo_session):
    user = demo_session.db.execute("SELECT id, name FROM users WHERE role = 'supervisor'").fetchone()
    return Session(demo_session.db, Actor(user[0], user[1], Role.SUPERVISOR), today=demo_session.today)


def test_model_passes_the_model_tester(qtbot, qtmodeltester, demo_session):
    model = RecordsModel(demo_session)
    model.reload()
    qtbot.waitUntil(lambda: not model.loading)      # the rows come from the query worker
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.close()               # its worker thread, now, not whenever the collector gets to it


def test_filter_verify_in_bulk_and_totals(qtbot, supervisor):
    page, _signals = records_page(qtbot, supervisor)
    assert not page.add_button.isVisible() and page.verify_button.isVisible()
    choose_data(page.status, "已记录")
    choose_data(page.month, "2026-11")
    team_id = supervisor.db.execute("SELECT id FROM teams ORDER BY id LIMIT 1").fetchone()[0]
    choose_data(page.team, team_id)
    settle(qtbot, page)
    rows = [page.model.row_data(i) for i in range(page.model.rowCount())]
    assert rows and all(r["status"] == "已记录" and r["date"].startswith("2026-11")
                        and r["team_id"] == team_id for r in rows)
    hours = sum(r["hours"] for r in rows)
    assert f"共 {len(rows)} 条记录，合计 {format_hours(hours)} 小时" in page.totals.text()

    page.table.selectAll()
    assert page.verify_button.isEnabled()
    with qtbot.waitSignal(_signals.changed):
        page.verify_button.click()
    assert f"已核实并锁定 {len(rows)} 条" in page.message.text()
    settle(qtbot, page)
    assert page.model.rowCount() == 0                       # the 已记录 filter now shows none
    locked = record_queries.count(supervisor, record_queries.RecordQuery(
        team_id=team_id, month="2026-11", status="已锁定"))
    assert locked >= len(rows)
    statuses = {supervisor.row("service_records", r["id"])["status"] for r in rows}
    assert statuses == {"已锁定"}

    page.filter.setText(rows[0]["volunteer_name"])
    choose_data(page.status, "已锁定")
    settle(qtbot, page)
    assert all(page.model.row_data(i)["volunteer_name"] == rows[0]["volunteer_name"]
               for i in range(page.model.rowCount()))


def test_amend_through_the_dialog_keeps_the_original(qtbot, supervisor):
    page, _signals = records_page(qtbot, supervisor)
    choose_data(page.status, "已锁定")
    settle(qtbot, page)
    page.table.selectRow(0)
    record = page.selected()[0]
    assert page.amend_button.isEnabled()
    page.amend_button.click()
    dialog = page.dialog
    dialog.end.setTime(dialog.end.time().addSecs(30 * 60))
    dialog.accept()                                          # no reason: refused, stays open
    assert dialog.isVisible() and "原因" in dialog.error.text()
    dialog.reason.setText("签到表核对，多服务了半小时")
    dialog.accept()
    assert not dialog.isVisible()
    assert supervisor.row("service_records", record["id"])["status"] == "已更正"
    new = supervisor.row("service_records", dialog.saved_id)
    assert new["amends_record_id"] == record["id"] and new["hours"] == record["hours"] + 0.5


def test_staff_add_and_delete_but_not_verify(qtbot, demo_session):
    staff = Session(demo_session.db, Actor(None, "社工", Role.STAFF), today=demo_session.today)
    page, _signals = records_page(qtbot, staff)
    assert page.add_button.isVisible() and not page.verify_button.isVisible()
    page.add_button.click()
    dialog = page.dialog
    dialog.content.setText("测试：帮老人取药")
    with qtbot.waitSignal(_signals.changed):
        dialog.accept()
    new_id = dialog.saved_id
    assert staff.row("service_records", new_id)["content"] == "测试：帮老人取药"
    page.filter.setText(staff.row("volunteers", staff.row("service_records", new_id)["volunteer_id"])["name"])
    settle(qtbot, page)
    row = next(i for i in range(page.model.rowCount()) if page.model.row_data(i)["id"] == new_id)
    page.table.selectionModel().select(page.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                       | QItemSelectionModel.SelectionFlag.Rows)
    assert page.delete_button.isEnabled()
    page.delete_record(new_id)
    assert staff.row("service_records", new_id) is None


def test_print_certificate_and_list_to_pdf(qtbot, supervisor, tmp_path, event_loop):
    page, _signals = records_page(qtbot, supervisor)
    choose_data(page.status, "已锁定")
    settle(qtbot, page)
    page.table.selectRow(0)
    record = page.selected()[0]
    page.certificate_button.click()
    dialog = page.dialog
    assert dialog.chosen_ids() == [record["volunteer_id"]]
    preview = event_loop.run_until_complete(dialog.preview())
    assert preview is not None and supervisor.db.table("certificates").count == 3   # demo's, none new
    preview.close()
    dialog.date_from.setDate(dialog.date_from.date().addYears(-5))
    path = event_loop.run_until_complete(dialog.save_pdf(tmp_path / "证明.pdf"))
    text = pdf_text(path)
    certificate = dialog.issued[0]
    assert certificate.number in text and record["volunteer_name"] in text
    assert f"{format_hours(certificate.hours)} 小时" in text
    assert certificate.hours == record_queries.verified_hours(supervisor, record["volunteer_id"])

    page.filter.setText(record["volunteer_name"])
    listing = event_loop.run_until_complete(page.export_pdf(tmp_path / "list.pdf"))
    listing_text = pdf_text(listing)
    assert "志愿服务记录" in listing_text and record["volunteer_name"] in listing_text
    shown = record_queries.totals(supervisor, page.model.query)
    assert f"共 {shown.records} 条记录，合计 {format_hours(shown.hours)} 小时" in listing_text.replace("\n", "")
    assert "已导出" in page.message.text()

    page.monthly_button.click()
    monthly = page.dialog
    # on 28 November the report asked for is October's, the last complete month, named in words
    assert (monthly.month.currentData(), monthly.month.currentText()) == ("2026-10", "2026年10月（上月）")
    assert monthly.month.itemText(0) == "2026年11月（本月，还没结束）"
    text = pdf_text(event_loop.run_until_complete(monthly.save_pdf(tmp_path / "m.pdf")))
    assert "志愿服务月报" in text and "2026年10月1日至2026年10月31日" in text


def test_a_staff_records_duty_part_reads_whole_in_the_status_column(qtbot, qapp, demo_session):
    # 16:00–19:00 on a working day: one hour inside office hours does not count. The status
    # says so ("已记录·1小时不计星"), and the column is wide enough to read it in the app's font.
    from volunteer_app.reports.fonts import cjk_font
    from volunteer_app.services.hours import records

    staff = demo_session.db.execute("SELECT id FROM volunteers WHERE is_staff = 1 LIMIT 1").fetchone()[0]
    records.add_manual(demo_session, {"volunteer_id": staff, "date": "2026-11-25",
                                      "start_time": "16:00", "end_time": "19:00"})
    before = qapp.font()
    qapp.setFont(cjk_font(10.5))
    try:
        page, _signals = records_page(qtbot, demo_session)
        choose_data(page.month, "2026-11")
        settle(qtbot, page)
        column = [c.key for c in page.model.columns].index("status")
        texts = [page.model.index(r, column).data() for r in range(page.model.rowCount())]
        assert "已记录·1小时不计星" in texts
        needed = page.table.fontMetrics().horizontalAdvance("已记录·1.5小时不计星") + 8
        assert page.table.columnWidth(column) >= needed
    finally:
        qapp.setFont(before)
