"""The UI in English through Qt's translation files, and Chinese by default.

``LINLIBANG_LANG=en`` loads ``resources/translations/linlibang_en.qm`` (compiled from the
.ts by ``make translations``; the fixture compiles it if it is missing or stale). The .ts is
checked against the code as it is now: pyside6-lupdate runs over the UI into a copy, so a
string added to the main window or a page without an English translation fails here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton

from volunteer_app.ui import app as ui_app
from volunteer_app.ui.look import install_translation, translation_file
from volunteer_app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "linlibang_en.ts"
# Where every string must be translated: the main window, its pages, the start-up messages.
MUST_BE_TRANSLATED = ("volunteer_app/ui/main_window.py", "volunteer_app/ui/pages/", "volunteer_app/ui/app.py")
PLACEHOLDER = re.compile(r"%\d|%n|%s|\{\d\}")


def _translations_added_during(test):
    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    try:
        yield test()
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
            translator.deleteLater()


@pytest.fixture
def english(monkeypatch):
    subprocess.run([sys.executable, str(ROOT / "build_scripts" / "translations.py"), "compile"],
                   check=True)
    monkeypatch.setenv("LINLIBANG_LANG", "en")
    yield from _translations_added_during(lambda: install_translation(QApplication.instance()))


@pytest.fixture
def default_language(monkeypatch):
    monkeypatch.delenv("LINLIBANG_LANG", raising=False)
    yield from _translations_added_during(lambda: install_translation(QApplication.instance()))


def _window(qtbot, session) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    return window


def _nav_titles(window: MainWindow) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def test_english_window_navigation_and_buttons(qtbot, english, demo_session):
    assert english is not None, f"no translation loaded from {translation_file('en')}"
    window = _window(qtbot, demo_session)
    assert window.windowTitle() == "LinLiBang — community volunteer management"
    titles = _nav_titles(window)
    assert titles[:3] == ["Dashboard", "Residents", "Volunteers & teams"]
    assert {"Service records", "Audit log", "Settings"} <= set(titles)
    assert not any(re.search(r"[\u4e00-\u9fff]", title) for title in titles), titles

    page = window.show_page("residents")
    buttons = {name: page.findChild(QPushButton, f"residents.{name}").text()
               for name in ("add", "edit", "archive", "import", "export")}
    assert buttons == {"add": "Add", "edit": "Edit", "archive": "Archive", "import": "Import…",
                       "export": "Export…"}
    assert page.findChild(QCheckBox, "residents.only_stranded").text() == "Stranded elders only"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Name", "Gender", "Age"]
    qtbot.waitUntil(lambda: not page.model.loading)
    assert re.fullmatch(r"\d+ (person|people)", page.count_label.text()), page.count_label.text()


def test_english_schedule_page(qtbot, english, demo_session):
    """The newest page: its buttons, the week heading and the shift states built from parts."""
    window = _window(qtbot, demo_session)
    page = window.show_page("schedule")
    buttons = {name: page.findChild(QPushButton, f"schedule.{name}").text()
               for name in ("previous", "this_week", "next", "new_task", "assign", "fill", "roster")}
    assert buttons == {"previous": "Previous week", "this_week": "This week", "next": "Next week",
                       "new_task": "New task", "assign": "Assign people", "fill": "Fill gaps",
                       "roster": "Export list"}
    assert page.week_title.text() == "2026 week 48, 11/23–11/29"
    days = {page.model.index(row, 1).data() for row in range(page.model.rowCount())}
    states = {page.model.index(row, 8).data() for row in range(page.model.rowCount())}
    assert days and days <= {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}, days
    assert states and states <= {"Short", "Enough", "Full", "Cancelled"}, states
    page.select(page.shifts[0].id)
    assert not re.search(r"[\u4e00-\u9fff]", page.details.text().replace(page.shifts[0].task_title, "")
                         .replace(page.shifts[0].team_name, "").replace(page.shifts[0].place or "", "")
                         .replace("、".join(page.shifts[0].assignees), "")), page.details.text()


def test_chinese_by_default(qtbot, default_language, demo_session):
    assert default_language is None        # Chinese is the source language: no app translator
    window = _window(qtbot, demo_session)
    assert _nav_titles(window)[:3] == ["工作台", "居民", "志愿者与队伍"]
    page = window.show_page("residents")
    assert page.findChild(QPushButton, "residents.add").text() == "新增"
    assert page.findChild(QPushButton, "residents.import").text() == "导入…"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "姓名"


def test_no_display_message_follows_the_language(monkeypatch, english):
    monkeypatch.setattr(ui_app.sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert ui_app.display_problem().startswith("LinLiBang: this computer has no graphical display")
    monkeypatch.setenv("LINLIBANG_LANG", "zh_CN")
    assert ui_app.display_problem().startswith("邻里帮：这台电脑没有图形显示")


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
    return all(form and form.strip() for form in forms)


def test_ts_translates_every_string_of_the_window_and_pages(tmp_path):
    """Run lupdate over today's code into a copy of the .ts: what it adds must be translated too."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or \
        shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate (PySide6) is missing"
    current = tmp_path / TS.name
    shutil.copy(TS, current)
    sources = sorted(str(p) for p in (ROOT / "volunteer_app" / "ui").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-source-language", "zh_CN", "-target-language", "en",
                    "-no-obsolete", "-silent", "-ts", str(current)], check=True)
    untranslated = []
    for context, message in _messages(current):
        where = [loc.get("filename", "") for loc in message.iter("location")]
        if any(part in place for place in where for part in MUST_BE_TRANSLATED) and not _finished(message):
            untranslated.append(f"{context}: {message.findtext('source')!r} ({', '.join(where)})")
    assert not untranslated, ("strings without an English translation; run `python "
                              "build_scripts/translations.py update` and translate them in "
                              f"{TS.relative_to(ROOT)}:\n" + "\n".join(untranslated))


def test_translations_keep_their_placeholders():
    wrong = []
    for context, message in _messages(TS):
        if not _finished(message):
            continue
        source = message.findtext("source")
        forms = [f.text for f in message.iter("numerusform")] or [message.findtext("translation")]
        for form in forms:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(form)):
                wrong.append(f"{context}: {source!r} → {form!r}")
    assert not wrong, "\n".join(wrong)


def test_english_translation_is_what_qt_returns(english):
    assert QCoreApplication.translate("Pages", "居民") == "Residents"
    assert QCoreApplication.translate("ResidentsPage", "共 %n 人", "", 1) == "1 person"
    assert QCoreApplication.translate("ResidentsPage", "共 %n 人", "", 3) == "3 people"


def test_english_tab_titles_show_their_ampersand(qtbot, english, demo_session):
    # A tab title is a mnemonic text: a single "&" vanishes and underlines the next letter, so
    # "Late & uncovered" read "Late  uncovered". The translation must write "&&".
    from PySide6.QtWidgets import QTabWidget

    window = _window(qtbot, demo_session)
    titles = []
    for key in window.page_keys:
        for tabs in window.show_page(key).findChildren(QTabWidget):
            titles += [tabs.tabText(i) for i in range(tabs.count())]
    assert "Late && uncovered" in titles
    lone = [title for title in titles if re.search(r"(?<!&)&(?!&)", title)]
    assert lone == [], lone
