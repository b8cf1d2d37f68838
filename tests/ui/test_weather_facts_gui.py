"""Staff mark the weather facts in the window: a demo resident gets 依赖电力或氧气 and 慢性病
ticked in 编辑居民, saved, and the boxes are ticked when the dialog opens again; a flood-prone
courtyard is added with its box in 社区与小区, and another one is marked in the tree."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QPushButton, QTreeWidget

from volunteer_app.ui.dialogs.places_dialog import FLOOD_COLUMN
from volunteer_app.ui.main_window import MainWindow


def _residents_page(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("residents")
    qtbot.waitUntil(lambda: not page.model.loading)
    return window, page


def _edit(qtbot, page, resident_id):
    page.select_resident(resident_id)
    qtbot.waitUntil(lambda: (page.current_resident() or {}).get("id") == resident_id)
    qtbot.mouseClick(page.findChild(QPushButton, "residents.edit"), Qt.MouseButton.LeftButton)
    assert page.dialog is not None and page.dialog.isVisible()
    return page.dialog


def _click(qtbot, box: QCheckBox) -> None:
    """On the box's indicator, at its left end, as a person clicks it."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_resident_facts_ticked_saved_and_shown_again(qtbot, demo_session):
    resident_id = demo_session.db.execute(
        "SELECT id FROM residents WHERE archived_at IS NULL AND power_dependent = 0 "
        "AND chronic_illness = 0 ORDER BY id LIMIT 1").fetchone()[0]
    _window, page = _residents_page(qtbot, demo_session)
    dialog = _edit(qtbot, page, resident_id)
    power = dialog.findChild(QCheckBox, "resident_dialog.power_dependent")
    chronic = dialog.findChild(QCheckBox, "resident_dialog.chronic_illness")
    assert power.text() == "依赖电力或氧气" and "制氧机" in power.toolTip()
    assert chronic.text() == "慢性病" and not power.isChecked() and not chronic.isChecked()
    _click(qtbot, power)
    _click(qtbot, chronic)
    assert power.isChecked() and chronic.isChecked()
    save = dialog.findChild(QPushButton, "resident_dialog.save")
    assert save.isEnabled(), dialog.errors()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert demo_session.db.execute("SELECT power_dependent, chronic_illness FROM residents WHERE id = ?",
                                   [resident_id]).fetchone() == (1, 1)

    again = _edit(qtbot, page, resident_id)
    assert again is not dialog
    assert again.findChild(QCheckBox, "resident_dialog.power_dependent").isChecked()
    assert again.findChild(QCheckBox, "resident_dialog.chronic_illness").isChecked()
    _click(qtbot, again.findChild(QCheckBox, "resident_dialog.chronic_illness"))
    qtbot.mouseClick(again.findChild(QPushButton, "resident_dialog.save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert demo_session.db.execute("SELECT power_dependent, chronic_illness FROM residents WHERE id = ?",
                                   [resident_id]).fetchone() == (1, 0)


def _place_items(dialog) -> dict[str, bool]:
    tree = dialog.findChild(QTreeWidget, "places_dialog.tree")
    found = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            child = top.child(j)
            found[child.text(0)] = child.checkState(FLOOD_COLUMN) == Qt.CheckState.Checked
    return found


def _place_item(dialog, name):
    tree = dialog.findChild(QTreeWidget, "places_dialog.tree")
    return tree.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)[0]


def test_a_flood_prone_courtyard_is_added_and_another_marked(qtbot, demo_session):
    _window, page = _residents_page(qtbot, demo_session)
    qtbot.mouseClick(page.findChild(QPushButton, "residents.places"), Qt.MouseButton.LeftButton)
    dialog = page.places_dialog
    tree = dialog.findChild(QTreeWidget, "places_dialog.tree")
    assert tree.headerItem().text(FLOOD_COLUMN) == "低洼易涝"
    before = _place_items(dialog)
    name = dialog.findChild(QLineEdit, "places_dialog.place_name")
    name.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("南洼新院")
    QApplication.sendEvent(name, event)
    _click(qtbot, dialog.findChild(QCheckBox, "places_dialog.place_flood_prone"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "places_dialog.add_place"), Qt.MouseButton.LeftButton)
    assert _place_items(dialog)["南洼新院"] is True
    assert not dialog.findChild(QCheckBox, "places_dialog.place_flood_prone").isChecked()
    assert demo_session.db.execute("SELECT flood_prone FROM places WHERE name = '南洼新院'").fetchone()[0] == 1

    other = next(n for n, flooded in before.items() if not flooded)
    item = _place_item(dialog, other)
    rect = tree.visualItemRect(item)
    column_left = tree.header().sectionPosition(FLOOD_COLUMN)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(column_left + 10, rect.center().y()))
    assert item.checkState(FLOOD_COLUMN) == Qt.CheckState.Checked
    assert demo_session.db.execute("SELECT flood_prone FROM places WHERE name = ?",
                                   [other]).fetchone()[0] == 1
    assert "已把“" + other + "”标为低洼易涝" in dialog.findChild(QLabel, "places_dialog.message").text()
