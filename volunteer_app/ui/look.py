"""The app's look: the CJK font, a calm style sheet, and the UI translation."""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from .. import paths
from ..reports.fonts import cjk_font


def apply_look(app: QApplication) -> None:
    app.setFont(cjk_font(10.5))
    style = paths.resource("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    install_translation(app)


def install_translation(app: QApplication) -> QTranslator | None:
    """Chinese is the source language; another language loads its compiled ``.qm``.

    ``LINLIBANG_LANG=en`` (or an English system locale with that variable unset to ``auto``)
    switches to English.
    """
    wanted = os.environ.get("LINLIBANG_LANG", "zh_CN")
    if wanted == "auto":
        wanted = QLocale.system().name()
    if wanted.startswith("zh"):
        return None
    translator = QTranslator(app)
    if translator.load(str(paths.resource("translations", f"linlibang_{wanted[:2]}.qm"))):
        app.installTranslator(translator)
        return translator
    return None
