"""点名: 平安 (and the other results) move the selection on to the next resident at once, so
that a caller clicks through the list fast. A double click on 平安 is one attempt: its second
press must not log the next resident, whom nobody has called yet, as 平安 too. Clicks one
after another (and the digit keys) still log one resident each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QPushButton
from test_alert_roll_queue_gui import logged, roll_tab

pytestmark = pytest.mark.gui
# what the window system delivers for a double click: the second press comes with a double click
DOUBLE_CLICK = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                QEvent.Type.MouseButtonRelease)


def double_click(button: QPushButton) -> None:
    at = QPointF(button.rect().center())
    for kind in DOUBLE_CLICK:
        held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
        QApplication.sendEvent(button, QMouseEvent(kind, at, button.mapToGlobal(at), Qt.MouseButton.LeftButton,
                                                   held, Qt.KeyboardModifier.NoModifier))


@pytest.mark.parametrize(("button", "result"), [("safe_button", "平安"), ("no_answer_button", "未接通")])
def test_a_double_click_logs_one_resident(qtbot, demo_session, button, result):
    window, page, outcome = roll_tab(qtbot, demo_session)
    roll = page.roll
    first = roll.rows[0]["id"]
    roll.select_roll(first)
    double_click(getattr(roll, button))
    following = roll.chosen()["id"]
    qtbot.waitUntil(lambda: not roll.loading)
    assert logged(demo_session, outcome.alert_id) == [(first, result)]
    assert following != first and roll.chosen()["id"] == following     # next, not yet logged
    qtbot.mouseClick(roll.safe_button, Qt.MouseButton.LeftButton)      # the next one, on purpose
    qtbot.waitUntil(lambda: not roll.loading)
    assert logged(demo_session, outcome.alert_id) == [(first, result), (following, "平安")]
    window.close()
