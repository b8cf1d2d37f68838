"""The 居民 page driven as a person would: add through the dialog, find by pinyin initials,
see a wrong ID number refused beside its field, archive and see the row leave the table.

The table's queries run on a worker thread, so after each change the tests wait for the
model's answer (``loading`` false) before looking at the rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton

from volunteer_app.services.people import residents
from volunteer_app.ui.main_window import MainWindow
from volunteer_app.ui.pages.residents import ResidentsModel, ResidentsPage


def _window(qtbot, session) -> tuple[MainWindow, ResidentsPage]:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("residents")
    assert isinstance(page, ResidentsPage)
    _settled(qtbot, page)
    return window, page


def _settled(qtbot, page: ResidentsPage) -> None:
    qtbot.waitUntil(lambda: not page.model.loading)


def _type_chinese(widget: QLineEdit, text: str) -> None:
    """Chinese arrives through the input method as a committed string, as from 拼音输入法."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _names(page: ResidentsPage) -> list[str]:
    return [page.model.row_data(r)["name"] for r in range(page.model.rowCount())]


def _count(session, sql="SELECT count(*) FROM residents", params=()):
    return session.db.execute(sql, list(params)).fetchone()[0]


def test_add_through_dialog_then_find_by_initials(qtbot, demo_session):
    _window_, page = _window(qtbot, demo_session)
    qtbot.mouseClick(page.findChild(QPushButton, "residents.add"), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    save = dialog.findChild(QPushButton, "resident_dialog.save")
    assert not save.isEnabled()
    _type_chinese(dialog.findChild(QLineEdit, "resident_dialog.name"), "祁堃喆")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "resident_dialog.id_number"), "11010519491231002X")
    assert dialog.findChild(QLineEdit, "resident_dialog.birth_date").text() == "1949-12-31"
    assert dialog.findChild(QLineEdit, "resident_dialog.birth_date").isReadOnly()
    assert "76" in dialog.findChild(QLabel, "resident_dialog.derived").text()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "resident_dialog.phone"), "13812341234")
    assert not save.isEnabled() and "小区/院落" in dialog.errors()["place_id"]
    place = dialog.findChild(QComboBox, "resident_dialog.place")
    place.setCurrentIndex(place.findText("明春苑"))
    assert dialog.findChild(QLabel, "resident_dialog.community").text() == "所属社区：明春苑社区"
    assert save.isEnabled(), dialog.errors()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    row = demo_session.db.execute(
        "SELECT name, gender, birth_date, name_initials FROM residents WHERE id = ?",
        [dialog.saved_id]).fetchone()
    assert tuple(row) == ("祁堃喆", "女", "1949-12-31", "qkz")

    qtbot.keyClicks(page.findChild(QLineEdit, "residents.filter"), "qkz")
    qtbot.waitUntil(lambda: page.model.query.text == "qkz")
    _settled(qtbot, page)
    assert _names(page) == ["祁堃喆"]
    assert page.findChild(QLabel, "residents.count").text() == "共 1 人"
    assert page.model.row_data(0)["phone"] == "138****1234"


def test_wrong_id_number_shows_error_and_saves_nothing(qtbot, demo_session):
    _window_, page = _window(qtbot, demo_session)
    before = _count(demo_session)
    qtbot.mouseClick(page.findChild(QPushButton, "residents.add"), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    _type_chinese(dialog.findChild(QLineEdit, "resident_dialog.name"), "张建国")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "resident_dialog.id_number"), "110105194912310021")
    error = dialog.findChild(QLabel, "resident_dialog.id_number.error")
    assert error.isVisible() and "身份证号" in error.text()
    save = dialog.findChild(QPushButton, "resident_dialog.save")
    assert not save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    dialog.accept()                 # even a forced accept saves nothing
    assert dialog.isVisible()
    assert _count(demo_session) == before


def test_archive_leaves_the_table_but_keeps_the_row(qtbot, demo_session):
    _window_, page = _window(qtbot, demo_session)
    total = page.model.total
    page.table.selectRow(0)
    chosen = page.current_resident()
    assert page.findChild(QPushButton, "residents.archive").isEnabled()
    qtbot.mouseClick(page.findChild(QPushButton, "residents.archive"), Qt.MouseButton.LeftButton)
    confirm = page.confirm
    assert confirm is not None and confirm.isVisible()
    confirm.setTextValue("迁出本社区")
    confirm.accept()
    qtbot.waitUntil(lambda: page.model.total == total - 1)
    assert chosen["id"] not in {page.model.row_data(r)["id"] for r in range(page.model.rowCount())}
    row = demo_session.db.execute(
        "SELECT archived_at, archive_reason FROM residents WHERE id = ?", [chosen["id"]]).fetchone()
    assert row[0] and row[1] == "迁出本社区"


def test_filter_checkboxes_agree_with_sql(qtbot, demo_session):
    _window_, page = _window(qtbot, demo_session)
    page.only_alone.setChecked(True)
    _settled(qtbot, page)
    alone = _count(demo_session, "SELECT count(*) FROM residents "
                   "WHERE lives_alone = 1 AND archived_at IS NULL")
    assert page.model.total == alone > 0
    page.only_seniors.setChecked(True)
    _settled(qtbot, page)
    both = _count(demo_session, "SELECT count(*) FROM residents WHERE lives_alone = 1 "
                  "AND archived_at IS NULL AND birth_date <= '1936-11-28'")
    assert page.model.total == both
    assert page.findChild(QLabel, "residents.count").text() == f"共 {both} 人"


def test_residents_model_passes_modeltester(qtbot, qtmodeltester, demo_session):
    model = ResidentsModel(demo_session)
    model.reload()
    qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.set_query(text="zzzz-no-one")
    qtbot.waitUntil(lambda: not model.loading)
    qtmodeltester.check(model)
    assert residents.count(demo_session, model.query) == model.rowCount() == 0
    model.close()


def test_ledger_opens_in_register_order_and_sorts_by_a_header(qtbot, demo_session):
    _window_, page = _window(qtbot, demo_session)
    ids = [page.model.row_data(r)["id"] for r in range(page.model.rowCount())]
    assert ids == sorted(ids) and page.table.horizontalHeader().sortIndicatorSection() == -1
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)        # 年龄: oldest first
    _settled(qtbot, page)
    ages = [page.model.row_data(r)["age"] for r in range(page.model.rowCount())]
    assert ages == sorted(ages, reverse=True) and ages[0] > ages[-1]
