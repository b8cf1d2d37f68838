"""ID numbers and phones typed as people type them into the person dialogs: full-width digits
and the input method's Ｘ, a 15-digit number from an old ledger, the same person twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton

from volunteer_app.ui.main_window import MainWindow
from volunteer_app.ui.pages.residents import ResidentsPage

pytestmark = pytest.mark.gui

FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
ELDER = "11022419310305007X"              # 大兴县's old code, born 1931: refused before
OLD_LEDGER = "110224350612003"            # 15 digits: 110224193506120036 today


def _type_by_input_method(widget: QLineEdit, text: str) -> None:
    """What a Chinese input method sends: the committed string, full-width as it chose."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def page(qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    residents_page = window.show_page("residents")
    assert isinstance(residents_page, ResidentsPage)
    qtbot.waitUntil(lambda: not residents_page.model.loading)
    yield residents_page
    window.close()


def _open_dialog(qtbot, page: ResidentsPage):
    qtbot.mouseClick(page.findChild(QPushButton, "residents.add"), Qt.MouseButton.LeftButton)
    return page.dialog


def _field(dialog, name: str):
    return dialog.findChild(QLineEdit, f"resident_dialog.{name}")


def _choose(combo: QComboBox, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def _stored(session, name: str) -> tuple:
    return tuple(session.db.execute(
        "SELECT id_number, phone, phone_tail, birth_date, gender FROM residents WHERE name = ?",
        [name]).fetchone())


def _listed(qtbot, page: ResidentsPage, initials: str) -> list[str]:
    search = page.findChild(QLineEdit, "residents.filter")
    search.clear()
    qtbot.keyClicks(search, initials)
    qtbot.waitUntil(lambda: page.model.query.text == initials and not page.model.loading)
    return [page.model.row_data(r)["name"] for r in range(page.model.rowCount())]


def test_full_width_and_old_numbers_are_saved_normalised_and_the_same_person_refused(
        qtbot, page, demo_session):
    dialog = _open_dialog(qtbot, page)
    _type_by_input_method(_field(dialog, "name"), "祁长河")
    _type_by_input_method(_field(dialog, "id_number"), ELDER.translate(FULL_WIDTH))
    note = dialog.findChild(QLabel, "resident_dialog.id_number.note")
    assert note.isVisible() and note.text() == f"将保存为：{ELDER}"
    assert _field(dialog, "birth_date").text() == "1931-03-05"
    _type_by_input_method(_field(dialog, "phone"), "１３８－１２３４－５６７８")
    assert not dialog.findChild(QLabel, "resident_dialog.phone.error").isVisible()
    _choose(dialog.findChild(QComboBox, "resident_dialog.place"), "高立庄")
    save = dialog.findChild(QPushButton, "resident_dialog.save")
    assert save.isEnabled(), dialog.errors()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _stored(demo_session, "祁长河") == (ELDER, "13812345678", "5678", "1931-03-05", "男")
    assert _listed(qtbot, page, "qch") == ["祁长河"]

    dialog = _open_dialog(qtbot, page)
    _type_by_input_method(_field(dialog, "name"), "祁秀兰")
    qtbot.keyClicks(_field(dialog, "id_number"), OLD_LEDGER)
    note = dialog.findChild(QLabel, "resident_dialog.id_number.note")
    assert note.isVisible() and note.text() == "15位旧号码已转换为18位：110224193506120036"
    assert _field(dialog, "birth_date").text() == "1935-06-12"
    qtbot.keyClicks(_field(dialog, "phone"), "010-6371 2345")       # a landline: she has no mobile
    _choose(dialog.findChild(QComboBox, "resident_dialog.place"), "高立庄")
    qtbot.mouseClick(dialog.findChild(QPushButton, "resident_dialog.save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _stored(demo_session, "祁秀兰")[:2] == ("110224193506120036", "010-63712345")
    assert _listed(qtbot, page, "qxl") == ["祁秀兰"]

    before = demo_session.db.execute("SELECT count(*) FROM residents").fetchone()[0]
    for typed in (ELDER.lower(), f"{ELDER[:6]} {ELDER[6:14]} {ELDER[14:]}", "110224193506120036"):
        dialog = _open_dialog(qtbot, page)
        _type_by_input_method(_field(dialog, "name"), "祁又一")
        qtbot.keyClicks(_field(dialog, "id_number"), typed)
        error = dialog.findChild(QLabel, "resident_dialog.id_number.error")
        assert error.isVisible() and "已登记给居民" in error.text(), typed
        assert not dialog.findChild(QPushButton, "resident_dialog.save").isEnabled()
        dialog.accept()                                        # a forced accept saves nothing
        assert dialog.isVisible()
        dialog.reject()
    assert demo_session.db.execute("SELECT count(*) FROM residents").fetchone()[0] == before


def test_an_emoji_in_the_name_is_named_beside_the_field(qtbot, page):
    dialog = _open_dialog(qtbot, page)
    _type_by_input_method(_field(dialog, "name"), "王奶奶🌸")
    error = dialog.findChild(QLabel, "resident_dialog.name.error")
    assert error.isVisible() and "“🌸”" in error.text() and "打印不出来" in error.text()
    assert not dialog.findChild(QPushButton, "resident_dialog.save").isEnabled()


def test_the_volunteer_dialog_takes_a_full_width_number_too(qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    volunteers_page = window.show_page("volunteers")
    volunteers_page.add_volunteer.click()
    dialog = volunteers_page.dialog
    _type_by_input_method(dialog.findChild(QLineEdit, "volunteer_dialog.name"), "John  Smith")
    _type_by_input_method(dialog.findChild(QLineEdit, "volunteer_dialog.id_number"),
                          "１１０１０６１９８５０３１２００１９")
    _type_by_input_method(dialog.findChild(QLineEdit, "volunteer_dialog.phone"), "１３９ ００００ １１１１")
    note = dialog.findChild(QLabel, "volunteer_dialog.id_number.note")
    assert note.isVisible() and note.text() == "将保存为：110106198503120019"
    _choose(dialog.findChild(QComboBox, "volunteer_dialog.community"), "高立庄社区")
    assert dialog.save_button.isEnabled(), dialog.errors()
    dialog.save_button.click()
    row = demo_session.db.execute("SELECT name, id_number, phone FROM volunteers WHERE id = ?",
                                  [dialog.saved_id]).fetchone()
    assert tuple(row) == ("John Smith", "110106198503120019", "13900001111")
    window.close()
