"""The weather warning's dialogs that save off the GUI thread (发布预警, 解除预警, 需要帮助…)
share one way to do it (ui/dialogs/background_save.py): 保存 is disabled while it runs, a
second click saves nothing twice, the service's refusal stays in the dialog with 保存 enabled
again, and a bug is not swallowed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from volunteer_app.domain.weather import AlertLevel, AlertType
from volunteer_app.services.admin import users
from volunteer_app.services.alerts import access, closing, start
from volunteer_app.services.session import Session
from volunteer_app.ui.dialogs.alert_dialogs import CloseAlertDialog
from volunteer_app.ui.dialogs.background_save import BackgroundSave

pytestmark = pytest.mark.gui


def staff_session(demo_session) -> Session:
    staff = users.authenticate(demo_session.db, "staff", "staff2026")
    return Session(demo_session.db, staff, today=demo_session.today)


def close_dialog(qtbot, demo_session) -> CloseAlertDialog:
    alert_id = start.start(staff_session(demo_session), start.StartRequest(
        AlertType.SNOW, AlertLevel.ORANGE, insurance="人保财险 PICC-2026-0088")).alert_id
    dialog = CloseAlertDialog(staff_session(demo_session), access.alert(demo_session, alert_id), 3)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def closings(demo_session) -> int:
    return demo_session.db.execute("SELECT count(*) FROM audit_log WHERE action = '解除预警'").fetchone()[0]


def test_a_second_click_while_closing_saves_nothing_twice(qtbot, demo_session):
    dialog = close_dialog(qtbot, demo_session)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and not dialog.save_button.isEnabled()
    assert dialog.submit() is False                  # as a second click (or Enter) would
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not dialog.busy and dialog.saved["alert_id"] == dialog.alert["id"]
    assert closings(demo_session) == 1 and access.open_alerts(demo_session) == []


def test_a_refusal_stays_in_the_dialog_with_save_enabled_again(qtbot, demo_session):
    dialog = close_dialog(qtbot, demo_session)
    closing.close(staff_session(demo_session), dialog.alert["id"])     # closed at another PC
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert "已于" in dialog.error.text() and "解除" in dialog.error.text()
    assert closings(demo_session) == 1


def test_a_bug_is_raised_not_shown_as_a_reason(qtbot):
    button, said = QPushButton("保存"), QLabel()
    qtbot.addWidget(button)
    saving = BackgroundSave(button, lambda error: said.setText(str(error)))
    assert saving.begin() and not saving.begin() and not button.isEnabled()
    with pytest.raises(KeyError):
        saving.failed(KeyError("alert_id"))
    assert not saving.busy and button.isEnabled() and said.text() == ""
    assert saving.begin()
    saving.failed(ValueError("预警已解除，不能再登记。"))
    assert said.text() == "预警已解除，不能再登记。" and button.isEnabled()
