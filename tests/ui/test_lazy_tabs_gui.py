"""Pages that build what is not yet seen later (issue 16): 诉求 and 服务记录 open with their
first tab only, and a click on another tab builds it in its place, filled as it was when built
eagerly; 设置 builds its long form a screenful at a time, with the same values."""

from __future__ import annotations

import pytest
from gui_helpers import shown_window
from PySide6.QtWidgets import QTabWidget, QWidget

from volunteer_app.services.hours import record_queries
from volunteer_app.ui.lazy_tabs import LazyTabs
from volunteer_app.ui.paged_model import PAGE_SIZE

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, demo_session):
    window = shown_window(qtbot, demo_session)
    yield window
    window.close()


def _titles(tabs: QTabWidget) -> list[str]:
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_records_builds_its_panels_when_their_tab_is_clicked(qtbot, window, demo_session):
    page = window.show_page("records")
    tabs = page.tabs
    assert _titles(tabs) == ["服务记录", "时长与星级", "证明登记簿"]
    assert page.findChild(QWidget, "standings.filter") is None       # not built on opening
    assert page.findChild(QWidget, "register.filter") is None
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)

    tabs.tabBar().setCurrentIndex(1)                                  # as a click on the tab
    panel = tabs.currentWidget()
    assert panel is page.standings and tabs.currentIndex() == 1
    assert _titles(tabs) == ["服务记录", "时长与星级", "证明登记簿"]
    assert page.findChild(QWidget, "register.filter") is None       # the other one still waits
    qtbot.waitUntil(lambda: not panel.loading, timeout=20_000)
    model = panel.model
    shown = [model.row_data(r) for r in range(model.rowCount())]
    assert shown and shown == record_queries.standings_page(demo_session, model._sorted(), 0, PAGE_SIZE)


def test_asking_for_a_tab_builds_it_without_choosing_it(qtbot, window):
    page = window.show_page("requests")
    assert page.findChild(QWidget, "hotspots.table") is None
    hotspots = page.hotspots                                          # as a button or a test does
    assert page.tabs.indexOf(hotspots) == 2 and page.tabs.currentIndex() == 0
    assert page.hotspots is hotspots                                  # built once
    page.tabs.setCurrentWidget(page.rates)
    qtbot.waitUntil(lambda: not page.loading and bool(page.rates.figures), timeout=20_000)
    assert page.tabs.currentWidget() is page.rates


def test_the_swap_is_not_a_change_of_tab(qtbot):
    tabs = QTabWidget(objectName="t")
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "一")
    lazy = LazyTabs(tabs)
    built = []
    lazy.add("two", "二", lambda: built.append(QWidget(objectName="two")) or built[-1])
    changes = []
    tabs.currentChanged.connect(changes.append)
    tabs.show()
    tabs.setCurrentIndex(1)
    assert changes == [1] and tabs.currentWidget() is built[0] and lazy.built("two")
    assert len(built) == 1 and lazy.widget("two") is built[0]


def _setting_fields(page: QWidget) -> list[str]:
    from PySide6.QtWidgets import QLineEdit

    return [f.objectName() for f in page.findChildren(QLineEdit) if f.objectName().startswith("settings.")]


def test_the_settings_form_comes_a_screenful_at_a_time(qtbot, window, demo_session):
    import json

    from volunteer_app.services.admin import settings
    from volunteer_app.ui.pages.settings_page import ROWS_AT_ONCE

    page = window.show_page("settings")
    assert page.loading and len(_setting_fields(page)) == ROWS_AT_ONCE
    qtbot.waitUntil(lambda: not page.loading)
    assert _setting_fields(page) == [f"settings.{spec.key}" for spec in settings.SPECS]
    for spec in settings.SPECS:
        shown = page.fields[spec.key].text()
        assert shown == json.dumps(settings.get(demo_session, spec.key), ensure_ascii=False).strip('"')
