"""Personal numbers in the window, driven as a person would: a captain of another team opens
a volunteer and sees the numbers masked; staff press “显示完整号码”, see the full numbers,
and the viewing is in the audit log; saving without retyping keeps the stored numbers."""

from __future__ import annotations

import pytest
from conftest import TODAY
from PySide6.QtCore import Qt

from volunteer_app.domain.identity import mask_id_number, mask_phone
from volunteer_app.services.admin import users
from volunteer_app.services.session import Session
from volunteer_app.ui.dialogs.resident_dialog import ResidentDialog
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

GAOLI = "高立庄夕阳红志愿服务队"      # the demo captain leads this team only


@pytest.fixture
def open_page(qtbot, demo_session):
    windows = []

    def open_as(login: str, page: str):
        actor = users.authenticate(demo_session.db, login, f"{login}2026")
        window = MainWindow(Session(demo_session.db, actor, today=lambda: TODAY))
        qtbot.addWidget(window)
        windows.append(window)
        return window.show_page(page)

    yield open_as
    for window in windows:
        window.close()


def _other_teams_volunteer(db) -> tuple[int, str, str]:
    """A volunteer with an ID number and a phone who is not in the captain's team."""
    return db.execute(
        "SELECT id, id_number, phone FROM volunteers WHERE id_number != '' AND phone != '' "
        "AND archived_at IS NULL AND id IN (SELECT volunteer_id FROM team_members WHERE left_on IS NULL) "
        "AND id NOT IN (SELECT m.volunteer_id FROM team_members m JOIN teams t ON t.id = m.team_id "
        "WHERE t.name = ?) ORDER BY id", [GAOLI]).fetchone()


def _open_volunteer(qtbot, page, volunteer_id: int):
    qtbot.waitUntil(lambda: not page.loading)
    page.select_volunteer(volunteer_id)             # selected once the row is in
    qtbot.waitUntil(lambda: (page.current_volunteer() or {}).get("id") == volunteer_id)
    index = page.table.currentIndex()
    page.table.doubleClicked.emit(page.model.index(index.row(), 0))
    return page.dialog


def _viewings(db, entity: str, row_id: int) -> int:
    return db.execute("SELECT count(*) FROM audit_log WHERE action = '查看完整信息' AND entity = ? "
                      "AND entity_id = ?", [entity, row_id]).fetchone()[0]


def test_captain_of_another_team_sees_a_volunteer_masked(qtbot, open_page, demo_session):
    volunteer_id, id_number, phone = _other_teams_volunteer(demo_session.db)
    dialog = _open_volunteer(qtbot, open_page("captain", "volunteers"), volunteer_id)
    assert dialog.id_number.text() == mask_id_number(id_number) != id_number
    assert dialog.phone.text() == mask_phone(phone) != phone
    assert dialog.reveal.isHidden() and dialog.save_button.isHidden()
    assert _viewings(demo_session.db, "volunteers", volunteer_id) == 0
    dialog.reject()


def test_staff_reveal_shows_the_full_numbers_and_is_audited(qtbot, open_page, demo_session):
    db = demo_session.db
    volunteer_id, id_number, phone = _other_teams_volunteer(db)
    dialog = _open_volunteer(qtbot, open_page("staff", "volunteers"), volunteer_id)
    assert "*" in dialog.phone.text() and "*" in dialog.id_number.text()
    assert not dialog.reveal.isHidden()
    qtbot.mouseClick(dialog.reveal, Qt.MouseButton.LeftButton)
    assert (dialog.id_number.text(), dialog.phone.text()) == (id_number, phone)
    assert _viewings(db, "volunteers", volunteer_id) == 2       # ID number and phone
    assert dialog.save_button.isEnabled()
    dialog.notes.setText("电话核对过")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = db.execute("SELECT id_number, phone, notes FROM volunteers WHERE id = ?",
                        [volunteer_id]).fetchone()
    assert stored == (id_number, phone, "电话核对过")


def test_staff_saving_a_resident_without_reveal_keeps_the_numbers(qtbot, demo_session):
    actor = users.authenticate(demo_session.db, "staff", "staff2026")
    staff = Session(demo_session.db, actor, today=lambda: TODAY)
    db = staff.db
    resident_id, phone = db.execute("SELECT id, phone FROM residents WHERE phone != '' ORDER BY id").fetchone()
    db.execute("UPDATE residents SET emergency_contact = '女儿 王芳 13912345678' WHERE id = ?", [resident_id])
    dialog = ResidentDialog(staff, resident_id)
    qtbot.addWidget(dialog)
    assert dialog.emergency_contact.text() == "女儿 王芳 139****5678"
    assert dialog.phone.text() == mask_phone(phone)
    dialog.notes.setText("已电话联系")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert db.execute("SELECT phone, emergency_contact, notes FROM residents WHERE id = ?",
                      [resident_id]).fetchone() == (phone, "女儿 王芳 13912345678", "已电话联系")
    dialog = ResidentDialog(staff, resident_id)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.reveal, Qt.MouseButton.LeftButton)
    assert dialog.emergency_contact.text() == "女儿 王芳 13912345678" and dialog.phone.text() == phone
    assert _viewings(db, "residents", resident_id) >= 2
