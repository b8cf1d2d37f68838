"""Numbers, dates and times typed full-width into Qt's spin boxes and date/time edits.

A Chinese input method in full-width mode commits １２, ２０２６－１２－０３ or １４：３０. A text
field passes that to the services, which read it half-width (domain/forms.py); but a
QSpinBox, QDoubleSpinBox, QDateEdit or QTimeEdit validates each keystroke with QLocale, which
knows no full-width digits: the characters were dropped without a word and the field kept its
old value (a request's 人数 saved as 1, a shift's headcount as its default). Here what is
committed into such a field is made half-width (domain.typed_text.half_width, the same rule)
before the field sees it, so it takes what the person meant.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget

from ..domain.typed_text import half_width

_TYPES = (QEvent.Type.InputMethod, QEvent.Type.KeyPress)


class HalfWidthInput(QObject):
    """A filter on each spin box someone has moved into: full-width text bound for it becomes
    half-width. Everything else passes untouched.

    Not an application-wide filter: that passes every event of every widget through Python
    (~1.2 µs each, thousands when a page opens: 极端天气 opened 18 ms slower at street scale,
    bench/pages.py). Typing needs the focus, so the filter goes on a spin box when the focus
    comes to it (QApplication.focusChanged, a few times a minute)."""

    def watch(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is None:
            return
        box = now if isinstance(now, QAbstractSpinBox) else now.parent()
        if isinstance(box, QAbstractSpinBox) and not box.property("half_width_input"):
            box.setProperty("half_width_input", True)
            box.installEventFilter(self)
            box.findChild(QLineEdit).installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() not in _TYPES or not _in_spin_box(watched):
            return False
        if event.type() == QEvent.Type.InputMethod:
            text = event.commitString()
            if text.isascii() or half_width(text) == text:
                return False
            again = QInputMethodEvent(event.preeditString(), event.attributes())
            again.setCommitString(half_width(text), event.replacementStart(), event.replacementLength())
        else:
            text = event.text()
            if text.isascii() or len(half_width(text)) != 1:
                return False
            plain = half_width(text)
            again = QKeyEvent(event.type(), ord(plain.upper()), event.modifiers(), plain,
                              event.isAutoRepeat(), event.count())
        QApplication.sendEvent(watched, again)
        return True


def _in_spin_box(watched: QObject) -> bool:
    return (isinstance(watched, QLineEdit) and isinstance(watched.parent(), QAbstractSpinBox)
            or isinstance(watched, QAbstractSpinBox))


def install() -> None:
    """Read full-width numbers in every spin box of the application that gets the focus (once;
    kept by the app)."""
    app = QApplication.instance()
    if app is None or app.property("half_width_input"):
        return
    app.setProperty("half_width_input", True)
    app._half_width_input = HalfWidthInput(app)      # noqa: SLF001 (kept alive with the app)
    app.focusChanged.connect(app._half_width_input.watch)


__all__ = ["HalfWidthInput", "install"]
