"""The 工作台 shows the figures the data gives: read from its widgets by objectName, compared
with counts written here in SQL of their own, then again after changes made through the
services reach the page by the session's change signal."""

from __future__ import annotations

import re

import pytest
from conftest import TODAY
from gui_helpers import shown_window
from PySide6.QtCore import QRegularExpression
from PySide6.QtWidgets import QApplication, QLabel

from volunteer_app.services.admin import settings
from volunteer_app.services.people import residents, volunteers
from volunteer_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

CARDS = ("residents", "seniors", "stranded", "alone", "volunteers", "helpers")
# Whole years between a birth date and TODAY, in SQL, as a person counts them.
AGE = ("(CAST(strftime('%Y', :today) AS INTEGER) - CAST(strftime('%Y', birth_date) AS INTEGER)"
       " - (strftime('%m-%d', :today) < strftime('%m-%d', birth_date)))")


def shown(window: MainWindow) -> dict:
    """The figures as the page shows them, found by objectName."""
    figures = {key: int(window.findChild(QLabel, f"dashboard.{key}.value").text()) for key in CARDS}
    pattern = QRegularExpression(r"^dashboard\.team\.\d+\.members$")
    for label in window.findChildren(QLabel, pattern):
        team_id = int(label.objectName().split(".")[2])
        name = window.findChild(QLabel, f"dashboard.team.{team_id}.name").text()
        figures[f"team {team_id} {name}"] = int(re.search(r"\d+", label.text()).group())
    return figures


def counted(session) -> dict:
    """The same figures, counted here from the rows."""
    db = session.db

    def one(sql: str, **params) -> int:
        return db.execute(sql, {"today": TODAY.isoformat(), **params}).fetchone()[0]

    current = "FROM residents WHERE archived_at IS NULL"
    figures = {
        "residents": one(f"SELECT count(*) {current}"),
        "seniors": one(f"SELECT count(*) {current} AND {AGE} >= :age",
                       age=settings.get(session, "cohort.resident_min_age")),
        "stranded": one(f"SELECT count(*) {current} AND {AGE} >= :elder AND "
                        "(cannot_use_stairs = 1 OR (floor > :floor AND has_lift = 0))",
                        elder=settings.get(session, "housing.elder_age"),
                        floor=settings.get(session, "housing.floor_threshold")),
        "alone": one(f"SELECT count(*) {current} AND lives_alone = 1"),
        "volunteers": one("SELECT count(*) FROM volunteers WHERE archived_at IS NULL AND status = '在册'"),
        "helpers": one(
            "SELECT count(*) FROM (SELECT v.helper_capacity AS capacity, count(p.id) AS paired "
            " FROM volunteers v LEFT JOIN pairings p ON p.volunteer_id = v.id AND p.state = '结对中'"
            " WHERE v.archived_at IS NULL AND v.status = '在册'"
            " AND CAST(strftime('%Y', v.birth_date) AS INTEGER) BETWEEN :first AND :last"
            " GROUP BY v.id) WHERE capacity > paired",
            first=settings.get(session, "cohort.helper_birth_from"),
            last=settings.get(session, "cohort.helper_birth_to")),
    }
    for team_id, name, members in db.execute(
            "SELECT t.id, t.name, count(v.id) FROM teams t "
            "LEFT JOIN team_members m ON m.team_id = t.id AND m.left_on IS NULL "
            "LEFT JOIN volunteers v ON v.id = m.volunteer_id AND v.archived_at IS NULL "
            "AND v.status <> '退出' WHERE t.archived_at IS NULL GROUP BY t.id"):
        figures[f"team {team_id} {name}"] = members
    return figures


@pytest.fixture
def window(qtbot, demo_session):
    window = shown_window(qtbot, demo_session)
    page = window.show_page("dashboard")
    assert page.isVisible()
    qtbot.waitUntil(lambda: not page.loading)     # the figures come from the background runner
    return window


def test_the_dashboard_numbers_agree_with_the_data(window, demo_session):
    figures = counted(demo_session)
    assert all(figures[key] > 0 for key in CARDS), figures  # the demo has some of each
    assert sum(key.startswith("team ") for key in figures) >= 3
    assert shown(window) == figures


def test_the_numbers_follow_changes_made_through_the_services(qtbot, window, demo_session):
    before = shown(window)

    # A resident of 95 on the fifth floor without a lift, living alone.
    residents.add(demo_session, {"name": "乔玉芬", "birth_date": "1931-05-01", "gender": "女",
                                 "floor": "5", "has_lift": False, "lives_alone": True})
    qtbot.waitUntil(lambda: shown(window)["seniors"] == before["seniors"] + 1)
    after = shown(window)
    for key in ("residents", "seniors", "stranded", "alone"):
        assert after[key] == before[key] + 1, key
    assert after == counted(demo_session)

    # One member withdraws (status 退出), another is archived: both leave their team's count.
    members = demo_session.db.execute(
        "SELECT m.team_id, m.volunteer_id FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id "
        "WHERE m.left_on IS NULL AND v.archived_at IS NULL ORDER BY m.team_id, v.id LIMIT 2").fetchall()
    team_key = next(k for k in after if k.startswith(f"team {members[0][0]} "))
    current = volunteers.get(demo_session, members[0][1])
    volunteers.update(demo_session, members[0][1], {
        key: current[key] for key in ("name", "birth_date", "gender")} | {"status": "退出"})
    volunteers.archive(demo_session, members[1][1], "搬离本社区")
    qtbot.waitUntil(lambda: shown(window)["volunteers"] == after["volunteers"] - 2)
    assert shown(window)[team_key] == after[team_key] - (2 if members[1][0] == members[0][0] else 1)
    assert shown(window) == counted(demo_session)

    # A stricter 悬空老人 rule: fewer residents count, and the card follows the setting.
    settings.put(demo_session, "housing.floor_threshold", 4)
    qtbot.waitUntil(lambda: shown(window)["stranded"] < after["stranded"])
    assert shown(window) == counted(demo_session)


def test_a_clickable_card_shows_the_hand_when_the_mouse_comes_over_it(qtbot, window):
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QEnterEvent

    cards = window.page("dashboard").cards
    card, plain = cards["uncovered"], cards["residents"]
    for widget in (card, plain):
        centre = QPointF(widget.rect().center())
        QApplication.sendEvent(widget, QEnterEvent(centre, centre, widget.mapToGlobal(centre)))
    assert card.cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert plain.cursor().shape() == Qt.CursorShape.ArrowCursor
