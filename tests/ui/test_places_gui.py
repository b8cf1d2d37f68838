"""A committee that started with an empty database: staff log in, open 居民 → 小区/院落…,
add 高立庄社区 and its 院落 高立庄, then register the first resident there and see the row
with its community. Captains do not see the button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QTreeWidget

from volunteer_app.services.admin import users
from volunteer_app.services.permissions import Role
from volunteer_app.services.session import Actor, Session
from volunteer_app.ui.dialogs.login_dialog import LoginDialog
from volunteer_app.ui.dialogs.volunteer_dialog import VolunteerDialog
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _type_chinese(widget: QLineEdit, text: str) -> None:
    """Chinese arrives through the input method as a committed string, as from 拼音输入法."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _log_in_as_staff(qtbot, session) -> MainWindow:
    users.add_user(session, "wang", "王老师", Role.STAFF, "huaxiang2026")
    login = LoginDialog(session.db)
    qtbot.addWidget(login)
    login.user.setText("wang")
    login.password.setText("huaxiang2026")
    qtbot.mouseClick(login.submit, Qt.MouseButton.LeftButton)
    assert login.actor is not None and login.actor.role == Role.STAFF
    window = MainWindow(Session(session.db, login.actor, today=session.today))
    qtbot.addWidget(window)
    window.show()
    return window


def _tree(dialog) -> list[tuple[str, list[str]]]:
    tree = dialog.findChild(QTreeWidget, "places_dialog.tree")
    return [(tree.topLevelItem(i).text(0), [tree.topLevelItem(i).child(j).text(0)
                                            for j in range(tree.topLevelItem(i).childCount())])
            for i in range(tree.topLevelItemCount())]


def _set_up_gaolizhuang(qtbot, page) -> None:
    qtbot.mouseClick(page.findChild(QPushButton, "residents.places"), Qt.MouseButton.LeftButton)
    dialog = page.places_dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "社区与小区"
    assert _tree(dialog) == []
    message = dialog.findChild(QLabel, "places_dialog.message")
    qtbot.mouseClick(dialog.findChild(QPushButton, "places_dialog.add_place"), Qt.MouseButton.LeftButton)
    assert "请先新增社区" in message.text()
    _type_chinese(dialog.findChild(QLineEdit, "places_dialog.community_name"), "高立庄社区")
    _type_chinese(dialog.findChild(QLineEdit, "places_dialog.street"), "花乡街道")
    qtbot.mouseClick(dialog.findChild(QPushButton, "places_dialog.add_community"), Qt.MouseButton.LeftButton)
    assert _tree(dialog) == [("高立庄社区", [])]
    _type_chinese(dialog.findChild(QLineEdit, "places_dialog.community_name"), "高立庄社区")
    qtbot.mouseClick(dialog.findChild(QPushButton, "places_dialog.add_community"), Qt.MouseButton.LeftButton)
    assert "社区名称“高立庄社区”已经有了" in message.text() and _tree(dialog) == [("高立庄社区", [])]
    assert dialog.findChild(QComboBox, "places_dialog.place_community").currentText() == "高立庄社区"
    kind = dialog.findChild(QComboBox, "places_dialog.place_kind")
    kind.setCurrentIndex(kind.findText("院落"))
    _type_chinese(dialog.findChild(QLineEdit, "places_dialog.place_name"), "高立庄")
    qtbot.mouseClick(dialog.findChild(QPushButton, "places_dialog.add_place"), Qt.MouseButton.LeftButton)
    assert _tree(dialog) == [("高立庄社区", ["高立庄"])]
    assert "已新增“高立庄”" in message.text()
    qtbot.mouseClick(dialog.findChild(QPushButton, "places_dialog.close"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_staff_set_up_a_courtyard_and_register_the_first_resident(qtbot, session):
    window = _log_in_as_staff(qtbot, session)
    page = window.show_page("residents")
    qtbot.waitUntil(lambda: not page.model.loading)
    assert page.model.total == 0
    _set_up_gaolizhuang(qtbot, page)

    qtbot.mouseClick(page.findChild(QPushButton, "residents.add"), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    _type_chinese(dialog.findChild(QLineEdit, "resident_dialog.name"), "祁堃喆")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "resident_dialog.id_number"), "11010519491231002X")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "resident_dialog.phone"), "13812341234")
    place = dialog.findChild(QComboBox, "resident_dialog.place")
    place.setCurrentIndex(place.findText("高立庄"))
    assert dialog.findChild(QLabel, "resident_dialog.community").text() == "所属社区：高立庄社区"
    save = dialog.findChild(QPushButton, "resident_dialog.save")
    assert save.isEnabled(), dialog.errors()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1)
    row = page.model.row_data(0)
    assert (row["name"], row["place"], row["community"]) == ("祁堃喆", "高立庄", "高立庄社区")
    column = [c.key for c in page.model.columns].index("community")
    assert page.model.headerData(column, Qt.Orientation.Horizontal) == "所属社区"
    assert page.model.index(0, column).data() == "高立庄社区"

    volunteer = VolunteerDialog(page.session, None)      # reads the communities when opened
    qtbot.addWidget(volunteer)
    assert volunteer.findChild(QComboBox, "volunteer_dialog.community").findText("高立庄社区") >= 0


def test_captains_do_not_see_the_button(qtbot, session):
    captain = Session(session.db, Actor(None, "队长", Role.CAPTAIN), today=session.today)
    window = MainWindow(captain)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("residents")
    assert not page.findChild(QPushButton, "residents.places").isVisible()
