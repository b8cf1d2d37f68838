"""The 服务记录 page end to end: verify in bulk, a locked record refused (in the window and by
the service under an open dialog), an amendment with its reason, certificates saved to PDF
off the GUI thread and read back, cancelled and failed saves that register nothing, the
printer path, and the 时长与星级 and 证明登记簿 tabs."""

from __future__ import annotations

import re

import pytest
from gui_helpers import choose_data, records_page, settle
from openpyxl import load_workbook
from pdftext import pdf_pages, pdf_text
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from volunteer_app.domain.stars import star_level
from volunteer_app.services.hours import record_queries, records
from volunteer_app.services.hours.certificates import format_hours
from volunteer_app.services.permissions import Role
from volunteer_app.services.session import Actor, Session
from volunteer_app.ui.pages.record_panels import RegisterModel, StandingsModel


def _as(session, role, name):
    user = session.db.execute("SELECT id, name FROM users WHERE role = ?", [role.value]).fetchone()
    actor = Actor(user[0], user[1], role) if user else Actor(None, name, role)
    return Session(session.db, actor, today=session.today)


@pytest.fixture
def supervisor(demo_session):
    return _as(demo_session, Role.SUPERVISOR, "督导")


@pytest.fixture
def staff(demo_session):
    return _as(demo_session, Role.STAFF, "社工")


def _select(page, record_ids):
    selection = page.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for i in range(page.model.rowCount()):
        if page.model.row_data(i)["id"] in record_ids:
            selection.select(page.model.index(i, 0), flags)


def _volunteer_with_open_records(session):
    return session.db.execute(
        "SELECT v.id, v.name, v.id_number FROM volunteers v WHERE v.id_number IS NOT NULL AND "
        "(SELECT count(*) FROM service_records r WHERE r.volunteer_id = v.id AND r.status = '已记录') >= 2 "
        "ORDER BY v.id LIMIT 1").fetchone()


def test_verify_refuse_amend_and_certify_through_the_window(qtbot, supervisor, staff, tmp_path,
                                                           event_loop):
    vid, name, id_number = _volunteer_with_open_records(supervisor)
    page, signals = records_page(qtbot, supervisor)
    page.filter.setText(name)
    choose_data(page.status, "已记录")
    settle(qtbot, page)
    open_ids = [page.model.row_data(i)["id"] for i in range(page.model.rowCount())]
    assert len(open_ids) >= 2

    # Verify all but one in bulk.
    _select(page, set(open_ids[1:]))
    with qtbot.waitSignal(signals.changed):
        page.verify_button.click()
    assert f"已核实并锁定 {len(open_ids) - 1} 条" in page.message.text()
    assert {supervisor.row("service_records", i)["status"] for i in open_ids[1:]} == {"已锁定"}

    # Staff cannot edit a locked record: the button is off and a double-click says why.
    staff_page, _ = records_page(qtbot, staff)
    staff_page.filter.setText(name)
    choose_data(staff_page.status, "已锁定")
    settle(qtbot, staff_page)
    _select(staff_page, {open_ids[1]})
    assert not staff_page.edit_button.isEnabled() and not staff_page.delete_button.isEnabled()
    assert "更正" in staff_page.edit_button.toolTip()
    staff_page.table.doubleClicked.emit(staff_page.table.currentIndex())
    assert "不能修改" in staff_page.message.text() and "更正" in staff_page.message.text()

    # An edit dialog left open while the supervisor locks the record: the service refuses.
    choose_data(staff_page.status, "已记录")
    settle(qtbot, staff_page)
    _select(staff_page, {open_ids[0]})
    staff_page.edit_button.click()
    editor = staff_page.dialog
    records.verify(supervisor, [open_ids[0]])
    editor.content.setText("想改")
    editor.accept()
    assert editor.isVisible() and "不能修改" in editor.error.text()
    assert supervisor.row("service_records", open_ids[0])["content"] != "想改"
    editor.reject()

    # The supervisor amends it with a reason; the original stays.
    page.filter.setText(name)
    choose_data(page.status, "已锁定")
    settle(qtbot, page)
    _select(page, {open_ids[0]})
    page.amend_button.click()
    amend = page.dialog
    amend.end.setTime(amend.end.time().addSecs(3600))
    amend.reason.setText("签到表核对：多服务了一小时")
    with qtbot.waitSignal(signals.changed):
        amend.accept()
    original = supervisor.row("service_records", open_ids[0])
    replacement = supervisor.row("service_records", amend.saved_id)
    assert original["status"] == "已更正" and replacement["amends_record_id"] == open_ids[0]
    assert replacement["hours"] == pytest.approx(original["hours"] + 1)

    # A certificate saved as PDF on the worker, read back, and entered in the register.
    choose_data(page.status, "已锁定")
    settle(qtbot, page)
    _select(page, {amend.saved_id})
    page.certificate_button.click()
    dialog = page.dialog
    dialog.date_from.setDate(dialog.date_from.date().addYears(-5))
    path = event_loop.run_until_complete(dialog.save_pdf(tmp_path / "证明.pdf"))
    text = pdf_text(path)
    certificate = dialog.issued[0]
    verified = supervisor.db.execute(
        "SELECT sum(hours) FROM service_records WHERE volunteer_id = ? AND status IN ('已核实', '已锁定')",
        [vid]).fetchone()[0]
    assert certificate.hours == pytest.approx(verified)
    assert name in text and id_number[:6] + "********" + id_number[-4:] in text
    assert certificate.number in text and f"{format_hours(verified)} 小时" in text
    assert "补打" not in text and "第 1 页" not in text          # a certificate has no page number

    page.tabs.setCurrentWidget(page.register)
    settle(qtbot, page.register)
    register = page.register.model
    keys = [column.key for column in register.columns]
    assert register.row_data(0)["number"] == certificate.number
    assert register.data(register.index(0, keys.index("reprint"))) == "原件"
    # the 经办人 printed (the logged-in supervisor, 证明经办人 being blank) is kept in the register
    assert f"经办人：{supervisor.actor.name}" in "".join(text.split())
    assert register.data(register.index(0, keys.index("handler"))) == supervisor.actor.name

    again = event_loop.run_until_complete(dialog.save_pdf(tmp_path / "补打.pdf"))
    assert "补打件" in pdf_text(again) and certificate.number in pdf_text(again)
    settle(qtbot, page.register)
    assert register.row_data(0)["number"] == certificate.number + "-R1"
    assert register.data(register.index(0, keys.index("reprint"))) == f"补打（原证明 {certificate.number}）"
    page.register.filter.setText(certificate.number)
    settle(qtbot, page.register)
    assert register.rowCount() == 2


def _ceremony(supervisor, qtbot, count=40):
    page, _signals = records_page(qtbot, supervisor)
    ids = [r[0] for r in supervisor.db.execute(
        "SELECT DISTINCT volunteer_id FROM service_records WHERE status = '已锁定' ORDER BY 1 LIMIT ?",
        [count])]
    _select(page, set())
    page.certificate_button.click()
    dialog = page.dialog
    for row in range(dialog.volunteers.count()):
        item = dialog.volunteers.item(row)
        item.setSelected(item.data(0x0100) in ids)
    dialog.date_from.setDate(dialog.date_from.date().addYears(-5))
    assert sorted(dialog.chosen_ids()) == ids
    return page, dialog


def test_forty_certificates_one_page_each_without_page_numbers(qtbot, supervisor, tmp_path, event_loop):
    page, dialog = _ceremony(supervisor, qtbot)
    before = supervisor.db.table("certificates").count
    seen = []
    dialog.job_started.connect(lambda: dialog.job.progressed.connect(lambda done, total: seen.append(total)))
    path = event_loop.run_until_complete(dialog.save_pdf(tmp_path / "典礼.pdf"))
    assert pdf_pages(path) == 40 and len(dialog.issued) == 40
    assert supervisor.db.table("certificates").count == before + 40
    assert 40 in seen                                        # the progress dialog followed the pages
    for number in (1, 17, 40):
        assert dialog.issued[number - 1].number in pdf_text(path, number, number)
    info = pdf_fonts(path)
    assert "CID" in info and " yes " in info                 # the CJK font is embedded
    assert "595 x 842" in page_size(path)                    # A4
    preview = event_loop.run_until_complete(dialog.preview())  # painted on the GUI thread:
    assert preview is not None and "前20份（共40份）" in dialog.message.text()   # the first 20
    preview.close()
    assert supervisor.db.table("certificates").count == before + 40      # previews register nothing


def pdf_fonts(path):
    import subprocess

    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout


def page_size(path):
    import subprocess

    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return next(line for line in info.splitlines() if line.startswith("Page size"))


def test_cancelled_save_registers_nothing_and_leaves_no_file(qtbot, supervisor, tmp_path, event_loop):
    _page_, dialog = _ceremony(supervisor, qtbot)
    before = supervisor.db.table("certificates").count
    audit_before = supervisor.db.table("audit_log").count

    def press_cancel():
        dialog.progress.findChild(QPushButton).click()

    dialog.job_started.connect(press_cancel)
    target = tmp_path / "取消.pdf"
    assert event_loop.run_until_complete(dialog.save_pdf(target)) is None
    assert "已取消" in dialog.message.text()
    assert not target.exists()
    assert supervisor.db.table("certificates").count == before
    assert supervisor.db.table("audit_log").count == audit_before
    assert dialog.pdf_button.isEnabled() and dialog.job is None
    dialog.job_started.disconnect(press_cancel)
    # Nothing was used up: the next save numbers from where the register stood.
    path = event_loop.run_until_complete(dialog.save_pdf(target))
    assert path is not None and not any(c.is_reprint for c in dialog.issued)


def test_a_save_that_cannot_be_written_registers_nothing(qtbot, supervisor, tmp_path, event_loop):
    _page_, dialog = _ceremony(supervisor, qtbot, count=3)
    before = supervisor.db.table("certificates").count
    blocked = tmp_path / "是个文件夹.pdf"
    blocked.mkdir()
    assert event_loop.run_until_complete(dialog.save_pdf(blocked)) is None
    assert "无法" in dialog.message.text()
    assert supervisor.db.table("certificates").count == before


def test_printer_path_paints_on_the_gui_thread_after_a_worker_made_the_document(
        qtbot, supervisor, tmp_path, event_loop):
    page, _signals = records_page(qtbot, supervisor)
    page.monthly_button.click()
    monthly = page.dialog
    choose_data(monthly.month, "2026-10")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "打印机.pdf"))
    pages = event_loop.run_until_complete(monthly.print_to(printer))
    del printer
    assert pages == pdf_pages(tmp_path / "打印机.pdf") >= 1
    text = pdf_text(tmp_path / "打印机.pdf")
    assert "志愿服务月报" in text and re.search(rf"共\s*{pages}\s*页", text) and "审核人" in text

    preview = event_loop.run_until_complete(monthly.preview())
    assert preview is not None
    preview.close()


def test_standings_tab_agrees_with_the_records(qtbot, qtmodeltester, supervisor):
    page, _signals = records_page(qtbot, supervisor)
    page.tabs.setCurrentWidget(page.standings)
    settle(qtbot, page.standings)
    model = page.standings.model
    qtmodeltester.check(model)
    assert model.rowCount() > 10
    top = model.row_data(0)
    rows = supervisor.db.execute(
        "SELECT date, hours, status, counts_for_stars FROM service_records WHERE volunteer_id = ? "
        "AND status != '已更正'", [top["id"]]).fetchall()
    assert top["total_hours"] == pytest.approx(sum(r[1] for r in rows))
    assert top["month_hours"] == pytest.approx(sum(r[1] for r in rows if r[0].startswith("2026-11")))
    assert top["year_hours"] == pytest.approx(sum(r[1] for r in rows if r[0].startswith("2026")))
    stars = record_queries.volunteer_stars(supervisor, top["id"])
    assert top["stars"] == stars and stars.level == star_level(stars.hours)
    assert model.data(model.index(0, 7)).endswith(stars.text)
    totals = [model.row_data(i)["total_hours"] for i in range(model.rowCount())]
    assert totals == sorted(totals, reverse=True)

    team_id = supervisor.db.execute("SELECT id FROM teams ORDER BY id LIMIT 1").fetchone()[0]
    choose_data(page.standings.team, team_id)
    settle(qtbot, page.standings)
    members = {r[0] for r in supervisor.db.execute(
        "SELECT volunteer_id FROM team_members WHERE team_id = ?", [team_id])}
    shown = {model.row_data(i)["id"] for i in range(model.rowCount())}
    assert shown and shown <= members
    page.standings.filter.setText(top["name"])
    settle(qtbot, page.standings)
    assert all(model.row_data(i)["name"] == top["name"] for i in range(model.rowCount()))


def test_standings_follow_a_verification_when_shown(qtbot, supervisor):
    page, signals = records_page(qtbot, supervisor)
    vid = _volunteer_with_open_records(supervisor)[0]
    page.tabs.setCurrentWidget(page.standings)
    page.standings.filter.setText(supervisor.row("volunteers", vid)["name"])
    settle(qtbot, page.standings)
    before = page.standings.model.row_data(0)["verified_hours"]
    pending = supervisor.db.execute("SELECT id, hours FROM service_records WHERE volunteer_id = ? "
                                    "AND status = '已记录'", [vid]).fetchall()
    with qtbot.waitSignal(signals.changed):
        records.verify(supervisor, [r[0] for r in pending])
    settle(qtbot, page.standings)
    after = page.standings.model.row_data(0)["verified_hours"]
    assert after == pytest.approx(before + sum(r[1] for r in pending))


def test_year_summary_exported_as_pdf_and_excel(qtbot, supervisor, tmp_path, event_loop):
    page, _signals = records_page(qtbot, supervisor)
    panel = page.standings
    assert panel.export_button.isVisibleTo(panel)
    pdf = event_loop.run_until_complete(panel.export(tmp_path / "年度.pdf"))
    text = pdf_text(pdf)
    assert "2026年度志愿服务时长统计" in text and "全年按月" in text and "星级" in text
    xlsx = event_loop.run_until_complete(panel.export(tmp_path / "年度.xlsx"))
    book = load_workbook(xlsx, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert rows[0][1] == "姓名" and rows[0][-1] == "星级"
    year_hours = supervisor.db.execute("SELECT sum(hours) FROM service_records WHERE date LIKE '2026-%' "
                                       "AND status != '已更正'").fetchone()[0]
    assert sum(r[4] for r in rows[1:]) == pytest.approx(year_hours)
    assert event_loop.run_until_complete(panel.export(tmp_path / "年度.doc")) is None
    assert ".xlsx" in panel.message.text()


def test_register_and_standings_models_pass_the_model_tester(qtbot, qtmodeltester, demo_session):
    for model in (RegisterModel(demo_session), StandingsModel(demo_session)):
        model.reload()
        qtbot.waitUntil(lambda m=model: not m.loading)      # the rows come from the query worker
        assert model.rowCount() > 0
        qtmodeltester.check(model)
        model.close()           # its worker thread, now, not whenever the collector gets to it


def test_register_tab_only_for_those_who_print(qtbot, staff):
    page, _signals = records_page(qtbot, staff)
    assert page.register is None and page.tabs.count() == 2
    assert not page.standings.export_button.isVisibleTo(page.standings)


def test_volunteer_dialog_shows_the_star_level(qtbot, demo_session):
    from volunteer_app.ui.dialogs.volunteer_dialog import VolunteerDialog

    vid = demo_session.db.execute(
        "SELECT volunteer_id FROM service_records WHERE status = '已锁定' GROUP BY volunteer_id "
        "ORDER BY sum(hours) DESC LIMIT 1").fetchone()[0]
    dialog = VolunteerDialog(demo_session, vid)
    qtbot.addWidget(dialog)
    stars = record_queries.volunteer_stars(demo_session, vid)
    assert stars.level >= 1
    assert stars.text in dialog.stars.text() and format_hours(stars.hours) in dialog.stars.text()
    new = VolunteerDialog(demo_session)
    qtbot.addWidget(new)
    assert not new.stars.isVisibleTo(new)


def test_filter_by_service_type_and_month_with_totals(qtbot, supervisor):
    page, _signals = records_page(qtbot, supervisor)
    type_id, type_name = supervisor.db.execute(
        "SELECT st.id, st.name FROM service_types st JOIN service_records r ON r.service_type_id = st.id "
        "GROUP BY st.id ORDER BY count(*) DESC LIMIT 1").fetchone()
    choose_data(page.service_type, type_id)
    choose_data(page.month, "2026-10")
    settle(qtbot, page)
    rows = [page.model.row_data(i) for i in range(page.model.rowCount())]
    expected = supervisor.db.execute(
        "SELECT count(*), sum(CASE WHEN status != '已更正' THEN hours END) FROM service_records "
        "WHERE service_type_id = ? AND date LIKE '2026-10-%'", [type_id]).fetchone()
    assert page.model.total == expected[0] and rows
    assert all(r["service_type"] == type_name and r["date"].startswith("2026-10") for r in rows)
    assert f"共 {expected[0]} 条记录，合计 {format_hours(round(expected[1], 2))} 小时" in page.totals.text()
