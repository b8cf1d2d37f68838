"""The street window on the test server: both communities in the table, sorted by a header
click, a click on a community shows its teams month by month, the volunteers' tab, and a
server that cannot be reached is one calm banner, not a dialog; closing the window gives up
a read the server never answers."""

from __future__ import annotations

import socket

from black_hole import black_hole
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog
from street_world import STAR_THRESHOLDS, TODAY
from street_world import street as street  # noqa: F401 (the fixture)

from volunteer_app.services.street.hangup import Abandoned
from volunteer_app.ui import runner
from volunteer_app.ui.street_window import StreetWindow


def _window(qtbot, url: str) -> StreetWindow:
    window = StreetWindow(url, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    return window


def _column(window: StreetWindow, column: int) -> list[str]:
    view = window.community_table
    return [view.model().index(row, column).data() for row in range(view.model().rowCount())]


def _click_header(qtbot, view, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_the_street_sees_both_communities_sorts_and_opens_one(qtbot, street):
    window = _window(qtbot, street)
    assert not window.banner.isVisible()
    assert sorted(_column(window, 0)) == ["新发地村", "高立庄社区"]
    assert window.size().width() <= 1366 and window.size().height() <= 768

    _click_header(qtbot, window.community_table, 5)          # 本月时长, low to high
    assert _column(window, 0) == ["高立庄社区", "新发地村"]
    assert _column(window, 5) == ["4.5", f"{STAR_THRESHOLDS[0] + 0.5:g}"]
    _click_header(qtbot, window.community_table, 5)          # and high to low
    assert _column(window, 0) == ["新发地村", "高立庄社区"]

    view = window.community_table
    row = _column(window, 0).index("高立庄社区")
    assert view.model().index(row, 7).data() == "1/2"         # the open warning's roll-call
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(row, 0)).center())
    qtbot.waitUntil(lambda: window.teams.rowCount() == 2, timeout=10_000)
    assert "高立庄社区" in window.team_title.text()
    headers = [window.teams.headerData(c, Qt.Orientation.Horizontal) for c in range(window.teams.columnCount())]
    assert headers[-3:] == ["2026-11", "2026-12", "合计"]
    team = window.teams.rows[0]
    assert team["name"] == "高立庄夕阳红志愿服务队" and team["hours"][-2:] == (2.0, 3.0)

    window.tabs.setCurrentIndex(1)                          # read when first shown
    qtbot.waitUntil(lambda: window.volunteers.rowCount() > 0, timeout=10_000)
    volunteers = window.volunteers
    assert volunteers.rowCount() == 2
    first = [volunteers.text(0, c) for c in range(volunteers.columnCount())]
    assert first[0] == "hash-a" and first[3] == "2" and "一星级" in first[4]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_server_that_cannot_be_reached_is_a_calm_banner(qtbot):
    window = _window(qtbot, f"postgresql://office:pw@127.0.0.1:{_closed_port()}/street")
    assert window.banner.isVisible()
    assert "无法连接街道服务器" in window.banner.text.text()
    assert "每分钟自动重试" in window.banner.text.text()
    assert window.communities.rowCount() == 0
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    window.refresh_button.click()                            # tried again: still one banner
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    assert window.banner.isVisible() and window.refresh_button.isEnabled()


def test_server_down_then_back_keeps_the_figures_under_a_banner(qtbot, street_db, street):
    window = _window(qtbot, street)
    assert window.timer.isActive() and window.timer.interval() == 60_000   # every minute
    with street_db.server.down():
        window.refresh_button.click()
        qtbot.waitUntil(lambda: not window.loading, timeout=15_000)
        assert window.banner.isVisible()
        assert "下面是" in window.banner.text.text()           # the last figures stay, said so
        assert window.communities.rowCount() == 2
    window.refresh_button.click()
    qtbot.waitUntil(lambda: not window.loading, timeout=15_000)
    assert not window.banner.isVisible() and window.communities.rowCount() == 2


def test_a_community_silent_for_a_day_shows_its_last_publish_in_red(qtbot, street_db, street):
    import psycopg

    with psycopg.connect(street_db.admin_url) as admin:
        admin.execute("UPDATE street.sources SET last_published = now() - interval '2 days' "
                      "WHERE source_uid = 'source-xinfadi'")
    window = _window(qtbot, street)
    colours = {}
    for row in range(window.communities.rowCount()):
        brush = window.communities.index(row, 11).data(Qt.ItemDataRole.ForegroundRole)
        colours[window.communities.text(row, 0)] = brush.color().name() if brush else None
    assert colours == {"新发地村": "#b3261e", "高立庄社区": None}


def test_closing_the_window_gives_up_a_read_the_server_never_answers(qtbot):
    with black_hole() as hole:
        window = StreetWindow(hole.url, today=lambda: TODAY)
        qtbot.addWidget(window)
        failures: list[BaseException] = []
        failed = window._failed

        def noted(error: BaseException) -> None:
            failures.append(error)
            failed(error)

        window._failed = noted                      # before the read starts: its failure hook
        window.show()
        window.start()
        qtbot.waitUntil(hole.heard.is_set, timeout=10_000)   # the read waits for the answer

        window.close()
        assert failures == [] and window.loading    # the server has not answered

        runner.wait_all()                           # as street_app does once the window is gone
        assert len(failures) == 1 and isinstance(failures[0], Abandoned), failures
        assert not window.banner.isVisibleTo(window)    # nobody to tell
        assert hole.hung_up.wait(10)                # the connection it held is let go
