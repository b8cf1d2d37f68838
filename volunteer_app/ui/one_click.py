"""Buttons whose click moves on to the next row (the roll-call's 平安, 未接通 …): a double
click is one click there.

Qt delivers a double click as press, release, press + double-click event, release: two
``clicked`` signals. Where the first click already selected the next resident, the second one
logged that resident, whom nobody had called yet, as 平安 too. Clicks one after another, and
the keys, still count each.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton


class _SecondPressIgnored(QObject):
    # holds no reference to its button (its parent): see first_paint.after_first_paint
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.MouseButtonDblClick and isinstance(watched, QAbstractButton):
            # the second press (delivered just before) is taken back: its release clicks nothing
            watched.setDown(False)
            return True
        return False


def one_click(*buttons: QAbstractButton) -> None:
    """A double click on any of ``buttons`` clicks it once."""
    for button in buttons:
        button.installEventFilter(_SecondPressIgnored(button))
