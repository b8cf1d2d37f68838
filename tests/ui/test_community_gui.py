"""Through the window: staff register a 95-year-old in 高立庄 and an 80后 helper of the same
community with the real dialogs, press 匹配 without widening, and see them proposed as a pair."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from volunteer_app.services.session import Session
from volunteer_app.ui.dialogs.login_dialog import LoginDialog
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _type_chinese(widget: QLineEdit, text: str) -> None:
    """Chinese arrives through the input method as a committed string, as from 拼音输入法."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text} not offered"
    combo.setCurrentIndex(index)


def _log_in_as_staff(qtbot, demo_session) -> MainWindow:
    login = LoginDialog(demo_session.db)
    qtbot.addWidget(login)
    login.user.setText("staff")
    login.password.setText("staff2026")
    qtbot.mouseClick(login.submit, Qt.MouseButton.LeftButton)
    assert login.actor is not None and login.actor.login == "staff"
    window = MainWindow(Session(demo_session.db, login.actor, today=demo_session.today))
    qtbot.addWidget(window)
    window.show()
    return window


def _helpers_card(window: MainWindow) -> int:
    window.show_page("dashboard")
    return int(window.findChild(QLabel, "dashboard.helpers.value").text())


def _register_elder(qtbot, window: MainWindow) -> None:
    page = window.show_page("residents")
    qtbot.mouseClick(page.findChild(QPushButton, "residents.add"), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    _type_chinese(dialog.findChild(QLineEdit, "resident_dialog.name"), "乔玉芬")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "resident_dialog.birth_date"), "1931-05-01")
    _choose(dialog.findChild(QComboBox, "resident_dialog.gender"), "女")
    _choose(dialog.findChild(QComboBox, "resident_dialog.place"), "高立庄")
    assert dialog.findChild(QLabel, "resident_dialog.community").text() == "所属社区：高立庄社区"
    _type_chinese(dialog.findChild(QLineEdit, "resident_dialog.building"), "9号楼")
    dialog.findChild(QSpinBox, "resident_dialog.floor").setValue(6)
    assert not dialog.findChild(QCheckBox, "resident_dialog.has_lift").isChecked()
    assert dialog.findChild(QLabel, "resident_dialog.stranded").text() == "悬空老人：是"
    qtbot.mouseClick(dialog.findChild(QCheckBox, "resident_dialog.consent_visit"),
                     Qt.MouseButton.LeftButton)
    save = dialog.findChild(QPushButton, "resident_dialog.save")
    assert save.isEnabled(), dialog.errors()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _register_helper(qtbot, window: MainWindow) -> None:
    page = window.show_page("volunteers")
    qtbot.mouseClick(page.add_volunteer, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    _type_chinese(dialog.findChild(QLineEdit, "volunteer_dialog.name"), "马晓东")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "volunteer_dialog.birth_date"), "1985-03-12")
    _choose(dialog.findChild(QComboBox, "volunteer_dialog.gender"), "男")
    save = dialog.findChild(QPushButton, "volunteer_dialog.save")
    assert not save.isEnabled() and "所属社区" in dialog.errors()["community_id"]
    _choose(dialog.findChild(QComboBox, "volunteer_dialog.community"), "高立庄社区")
    place = dialog.findChild(QComboBox, "volunteer_dialog.place")
    assert place.findText("银地家园") < 0            # only the chosen community's places
    _choose(place, "高立庄")
    _type_chinese(dialog.findChild(QLineEdit, "volunteer_dialog.building"), "9号楼")
    assert save.isEnabled(), dialog.errors()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_staff_register_an_elder_and_a_helper_and_match_pairs_them(qtbot, demo_session):
    window = _log_in_as_staff(qtbot, demo_session)
    qtbot.waitUntil(lambda: not window.page("dashboard").loading)   # figures from the runner
    helpers_before = _helpers_card(window)
    _register_elder(qtbot, window)
    _register_helper(qtbot, window)
    community = demo_session.db.execute("SELECT id FROM communities WHERE name = '高立庄社区'").fetchone()[0]
    stored = demo_session.db.execute(
        "SELECT (SELECT community_id FROM residents WHERE name = '乔玉芬'), "
        "(SELECT community_id FROM volunteers WHERE name = '马晓东')").fetchone()
    assert tuple(stored) == (community, community)
    qtbot.waitUntil(lambda: _helpers_card(window) == helpers_before + 1)   # the card counts her

    page = window.show_page("pairing")
    assert not page.widen.isChecked()
    with qtbot.waitSignal(page.match_done, timeout=20_000):
        qtbot.mouseClick(page.match_button, Qt.MouseButton.LeftButton)
    model = page.proposals_model
    rows = [(model.text(r, 0), model.text(r, 1), model.text(r, 3)) for r in range(model.rowCount())]
    ours = [row for row in rows if row[0] == "马晓东"]
    assert ours and ours[0][1] == "乔玉芬（悬空）", rows
    assert "同一楼栋" in ours[0][2] and "悬空老人，优先结对" in ours[0][2]
    assert page.tabs.currentIndex() == 0 and page.proposals.isVisible()
    window.close()
