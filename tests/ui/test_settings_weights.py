"""设置: the matching weights refuse negative and non-numeric values, in the service and in
the page, with a message naming the setting; one wrong value saves nothing."""

from __future__ import annotations

import pytest
from conftest import TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from volunteer_app.services.admin import settings, users
from volunteer_app.services.care import pairing
from volunteer_app.services.session import Session
from volunteer_app.ui.main_window import MainWindow


def _stored(session, key):
    return session.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()


@pytest.mark.parametrize(("value", "words"), [(-5, "不能为负数"), ("-0.5", "不能为负数"),
                                              ("很多", "应为数字"), ("nan", "应为数字"),
                                              (True, "应为数字")])
def test_the_service_refuses_a_bad_weight_naming_it(session, value, words):
    with pytest.raises(settings.SettingError) as caught:
        settings.put(session, "pairing.w_same_building", value)
    assert "结对评分：同一楼栋" in str(caught.value) and words in str(caught.value)
    assert _stored(session, "pairing.w_same_building") is None
    assert pairing.weights(session).same_building == 30


def test_the_service_takes_zero_decimals_and_text_numbers(session):
    settings.put(session, "pairing.w_talk", "0")
    settings.put(session, "pairing.w_stairs", "12.5")
    settings.put(session, "housing.floor_threshold", "3")
    weights = pairing.weights(session)
    assert (weights.talk, weights.stairs) == (0, 12.5)
    assert settings.get(session, "housing.floor_threshold") == 3
    with pytest.raises(settings.SettingError, match="悬空老人楼层线.*整数"):
        settings.put(session, "housing.floor_threshold", "2.5")


def test_a_negative_weight_saved_before_the_check_counts_as_zero(session):
    session.db.execute("INSERT INTO settings (uid, key, value, updated_at) "
                       "VALUES ('u-old', 'pairing.w_stranded', '-40', '2026-01-01T00:00:00')")
    assert pairing.weights(session).stranded == 0


@pytest.mark.gui
def test_the_settings_page_refuses_a_negative_weight_and_saves_nothing(qtbot, demo_session):
    actor = users.authenticate(demo_session.db, "admin", "admin2026")
    window = MainWindow(Session(demo_session.db, actor, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("settings")
    qtbot.waitUntil(lambda: not page.loading)      # the form's rows are built a slice at a time
    round_to = page.findChild(QLineEdit, "settings.records.round_to_hours")
    round_to.setText("1")                          # a good change made in the same save
    weight = page.findChild(QLineEdit, "settings.pairing.w_same_place")
    weight.clear()
    qtbot.keyClicks(weight, "-20")
    qtbot.mouseClick(page.findChild(QPushButton, "settings.save"), Qt.MouseButton.LeftButton)
    error = page.findChild(QLabel, "settings.error")
    assert error.isVisible()
    assert "结对评分：同一小区（院落）" in error.text() and "不能为负数" in error.text()
    assert _stored(demo_session, "pairing.w_same_place") is None
    assert settings.get(demo_session, "records.round_to_hours") == 0.5   # nothing saved

    weight.clear()
    qtbot.keyClicks(weight, "25")
    qtbot.mouseClick(page.findChild(QPushButton, "settings.save"), Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    assert settings.get(demo_session, "pairing.w_same_place") == 25
    assert settings.get(demo_session, "records.round_to_hours") == 1
    window.close()
