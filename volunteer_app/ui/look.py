"""The app's look: the CJK font, a calm style sheet, and the UI translation."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from .. import paths
from ..reports.fonts import cjk_font


def apply_look(app: QApplication) -> None:
    app.setFont(cjk_font(10.5))
    style = paths.resource("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    install_translation(app)


def ui_language() -> str:
    """``LINLIBANG_LANG`` (default ``zh_CN``; ``auto`` follows the system locale)."""
    wanted = os.environ.get("LINLIBANG_LANG", "zh_CN")
    return QLocale.system().name() if wanted == "auto" else wanted


def translation_file(language: str) -> Path:
    """The compiled translation for a language (``make translations`` builds it from the .ts)."""
    return paths.resource("translations", f"linlibang_{language[:2]}.qm")


def install_translation(app: QApplication) -> QTranslator | None:
    """Chinese is the source language; another language loads its compiled ``.qm``.

    ``LINLIBANG_LANG=en`` (or an English system locale with the variable set to ``auto``)
    switches to English. Qt's own texts (the 确定/取消 of its standard dialogs) follow the
    same language from Qt's bundled translations. Returns the app's translator, if one loaded.
    """
    wanted = ui_language()
    if wanted.startswith("zh"):
        _install_qt_own(app, "zh_CN")
        return None
    translator = QTranslator(app)
    if translator.load(str(translation_file(wanted))):
        app.installTranslator(translator)
        return translator
    return None


def _install_qt_own(app: QApplication, language: str) -> None:
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)


def translate_without_app(context: str, text: str) -> str:
    """``text`` in the UI language before any QApplication exists (the no-display message)."""
    if ui_language().startswith("zh"):
        return text
    translator = QTranslator()
    if not translator.load(str(translation_file(ui_language()))):
        return text
    return translator.translate(context, text) or text
