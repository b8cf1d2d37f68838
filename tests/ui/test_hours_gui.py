"""The window: 核实并锁定 keeps the chosen people for 打印证明, a certificate refused until the
issuer's 负责人 is set, the community's monthly report, and the office-hours setting."""

from __future__ import annotations

import pytest
from gui_helpers import choose_data, records_page, settle
from pdftext import pdf_text
from PySide6.QtCore import QItemSelectionModel, Qt

from volunteer_app.services.admin import settings
from volunteer_app.services.permissions import Role
from volunteer_app.services.session import Actor, Session
from volunteer_app.ui.pages.settings_page import SettingsPage
from volunteer_app.ui.signals import DataSignals


@pytest.fixture
def supervisor(demo_session):
    user = demo_session.db.execute("SELECT id, name FROM users WHERE role = 'supervisor'").fetchone()
    return Session(demo_session.db, Actor(user[0], user[1], Role.SUPERVISOR), today=demo_session.today)


def _select_open_rows_of_two_volunteers(page):
    """Click (with Ctrl) the first 已记录 rows of two different volunteers."""
    selection = page.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    chosen: dict[int, int] = {}
    for row in range(page.model.rowCount()):
        data = page.model.row_data(row)
        if data["status"] == "已记录" and data["volunteer_id"] not in chosen and len(chosen) < 2:
            chosen[data["volunteer_id"]] = data["id"]
            selection.select(page.model.index(row, 0), flags)
    assert len(chosen) == 2
    return chosen


@pytest.mark.parametrize("only_open", [False, True])
def test_verify_and_lock_keeps_the_chosen_people_for_print_certificate(qtbot, supervisor, only_open):
    page, signals = records_page(qtbot, supervisor)
    if only_open:               # the verified rows then leave the list
        choose_data(page.status, "已记录")
        settle(qtbot, page)
    chosen = _select_open_rows_of_two_volunteers(page)
    with qtbot.waitSignal(signals.changed):
        page.verify_button.click()
    assert "已核实并锁定 2 条" in page.message.text()
    assert {supervisor.row("service_records", i)["status"] for i in chosen.values()} == {"已锁定"}
    settle(qtbot, page)             # the list reloads, and selects the verified rows again
    if not only_open:
        assert {r["id"] for r in page.selected()} == set(chosen.values())
    page.certificate_button.click()
    assert sorted(page.dialog.chosen_ids()) == sorted(chosen)
    page.dialog.reject()


def test_print_certificate_refused_until_the_leader_is_set(qtbot, demo_session, supervisor, tmp_path,
                                                          event_loop):
    settings.put(demo_session, "certificate.leader", "")          # the administrator's setting
    page, _signals = records_page(qtbot, supervisor)
    choose_data(page.status, "已锁定")
    settle(qtbot, page)
    page.table.selectRow(0)
    page.certificate_button.click()
    dialog = page.dialog
    assert "设置 → 常规设置" in dialog.message.text() and "证明负责人" in dialog.message.text()
    before = supervisor.db.table("certificates").count
    assert event_loop.run_until_complete(dialog.save_pdf(tmp_path / "证明.pdf")) is None
    assert event_loop.run_until_complete(dialog.preview()) is None
    assert "证明负责人" in dialog.message.text() and not (tmp_path / "证明.pdf").exists()
    assert supervisor.db.table("certificates").count == before
    settings.put(demo_session, "certificate.leader", "周立华")
    path = event_loop.run_until_complete(dialog.save_pdf(tmp_path / "证明.pdf"))
    assert "周立华" in pdf_text(path) and supervisor.db.table("certificates").count == before + 1


def test_monthly_report_of_the_whole_community_from_the_window(qtbot, supervisor, tmp_path, event_loop):
    page, _signals = records_page(qtbot, supervisor)
    page.monthly_button.click()
    monthly = page.dialog
    assert monthly.team.currentText().startswith("全社区")
    choose_data(monthly.month, "2026-11")
    text = pdf_text(event_loop.run_until_complete(monthly.save_pdf(tmp_path / "全社区.pdf")))
    assert "全社区" in text and "按来源" in text and "结对探访（不属任何队伍的帮手" in text


def test_office_hours_set_in_the_settings_page(qtbot, session):
    page = SettingsPage(session, DataSignals(session))
    qtbot.addWidget(page)
    field = page.fields["records.office_hours"]
    assert field.text() == "09:00-17:00"
    page.fields["records.daily_cap_hours"].setText("6")
    field.setText("17:00-09:00")
    page.save_button.click()
    assert page.settings_error.isVisibleTo(page) and "上班时间" in page.settings_error.text()
    assert settings.get(session, "records.office_hours") == "09:00-17:00"
    assert settings.get(session, "records.daily_cap_hours") == 8          # nothing saved
    field.setText("08:30-17:30")
    page.save_button.click()
    assert settings.get(session, "records.office_hours") == "08:30-17:30"
    assert settings.get(session, "records.daily_cap_hours") == 6


def test_print_certificate_opens_with_the_chosen_person_in_view(qtbot, supervisor):
    # With 73 volunteers in the list, someone chosen far down was selected but out of sight:
    # the dialog looked as if nobody had been chosen.
    from volunteer_app.ui.dialogs.print_dialogs import CertificateDialog

    dialog = CertificateDialog(supervisor, [])
    qtbot.addWidget(dialog)
    last = dialog.volunteers.item(dialog.volunteers.count() - 1).data(Qt.ItemDataRole.UserRole)
    dialog.close()
    dialog = CertificateDialog(supervisor, [last])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    items = dialog.volunteers
    chosen = items.selectedItems()
    assert [item.data(Qt.ItemDataRole.UserRole) for item in chosen] == [last]
    assert items.viewport().rect().contains(items.visualItemRect(chosen[0]))
