"""The roll-call worked fast: attempts are saved off the GUI thread, one at a time in the order
clicked (issue 15: no GUI block over 100 ms while a worker logs 1,000 attempts). A worker who
clicks 1 平安 many times in a row sees each at once and finds every one in the database, in
order; a refused attempt says why and its resident comes back to the list; a window closed
while attempts wait still saves them all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from volunteer_app.domain.weather import AlertLevel, AlertType
from volunteer_app.services.admin import users
from volunteer_app.services.alerts import closing, start
from volunteer_app.services.session import Session
from volunteer_app.ui import runner
from volunteer_app.ui.main_window import MainWindow
from volunteer_app.ui.pages.alert_roll_table import STATE_COLUMN

pytestmark = pytest.mark.gui

CLICKS = 12


def staff_session(demo_session) -> Session:
    staff = users.authenticate(demo_session.db, "staff", "staff2026")
    return Session(demo_session.db, staff, today=demo_session.today)


def roll_tab(qtbot, demo_session):
    """The 点名 tab of a staff member's window on a fresh 暴雪橙色预警, every row listed."""
    outcome = start.start(staff_session(demo_session), start.StartRequest(
        AlertType.SNOW, AlertLevel.ORANGE, insurance="人保财险 PICC-2026-0088"))
    window = MainWindow(staff_session(demo_session))
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("alerts")
    qtbot.waitUntil(lambda: not page.loading)
    assert page.roll.model.rowCount() == outcome.roll_count
    return window, page, outcome


def logged(demo_session, alert_id: int) -> list[tuple[int, str]]:
    return [tuple(r) for r in demo_session.db.execute(
        "SELECT roll_id, result FROM alert_attempts WHERE alert_id = ? ORDER BY id", [alert_id])]


def test_many_fast_clicks_are_all_saved_in_order_and_shown_at_once(qtbot, demo_session):
    window, page, outcome = roll_tab(qtbot, demo_session)
    roll = page.roll
    roll.select_roll(roll.rows[0]["id"])
    asked = roll._load._asked                       # noqa: SLF001 (how many reloads were asked)
    clicked = []
    for _ in range(CLICKS):
        chosen = roll.chosen()["id"]
        clicked.append(chosen)
        qtbot.mouseClick(roll.safe_button, Qt.MouseButton.LeftButton)
        assert roll.chosen()["id"] != chosen        # on to the next one before it is saved
    assert len(set(clicked)) == CLICKS
    assert roll.loading and len(roll._attempts.pending()) > 1   # noqa: SLF001 (queued, not yet saved)
    number = [r["id"] for r in roll.rows].index(clicked[-1])
    assert roll.model.text(number, STATE_COLUMN) == "平安"        # shown as it will be saved
    roll.session.announce({"alert_roll"})           # a change made elsewhere meanwhile

    qtbot.waitUntil(lambda: not roll.loading)
    assert logged(demo_session, outcome.alert_id) == [(roll_id, "平安") for roll_id in clicked]
    assert roll._load._asked == asked + 1           # noqa: SLF001 (the other change: one reload, after)
    qtbot.waitUntil(lambda: not page.loading)
    assert page.board.value("reached").startswith(f"{CLICKS}/{outcome.roll_count}")
    assert [r["id"] for r in roll.rows if r.get("reached_at")] == clicked
    window.close()


def test_a_refused_attempt_says_why_and_its_resident_comes_back(qtbot, demo_session):
    window, page, outcome = roll_tab(qtbot, demo_session)
    roll = page.roll
    roll.state.setCurrentIndex(roll.state.findData("waiting"))
    listed = [r["id"] for r in roll.rows]
    first = roll.rows[0]
    roll.select_roll(first["id"])
    closing.close(staff_session(demo_session), outcome.alert_id)      # closed from another window

    qtbot.mouseClick(roll.safe_button, Qt.MouseButton.LeftButton)
    assert first["id"] not in [r["id"] for r in roll.rows]        # gone from 未联系 at once
    qtbot.waitUntil(lambda: not roll.loading)
    assert [r["id"] for r in roll.rows] == listed                 # back in its place
    assert roll.model.text(0, STATE_COLUMN) == "待联系"
    said = roll.message.text()
    assert f"{first['resident_name']}的点名结果没有保存" in said and "已于" in said and "解除" in said
    assert logged(demo_session, outcome.alert_id) == []
    window.close()


def test_attempts_still_waiting_when_the_window_closes_are_all_saved(qtbot, demo_session):
    window, page, outcome = roll_tab(qtbot, demo_session)
    roll = page.roll
    roll.select_roll(roll.rows[0]["id"])
    roll.table.setFocus()
    clicked = []
    for key in "13131":
        clicked.append((roll.chosen()["id"], "平安" if key == "1" else "未接通"))
        qtbot.keyClick(roll.table, key)
    assert len(roll._attempts.pending()) > 1          # noqa: SLF001 (still waiting at close)
    window.close()
    runner.wait_all()                               # as the app does once its window closed
    assert logged(demo_session, outcome.alert_id) == clicked
