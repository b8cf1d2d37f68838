"""What the dialogs' forms and the pages share: date and time fields, the error and message
lines, buttons, save and cancel.

Texts stay with the caller (``self.tr`` in the dialog), so each string keeps its dialog's
translation context.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QPushButton, QTimeEdit


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def date_edit(name: str, day: date) -> QDateEdit:
    """A day with a calendar to pick from, shown as 2026-11-28."""
    return QDateEdit(qdate(day), objectName=name, calendarPopup=True, displayFormat="yyyy-MM-dd")


def time_edit(name: str, at: time) -> QTimeEdit:
    return QTimeEdit(QTime(at.hour, at.minute), objectName=name, displayFormat="HH:mm")


def error_label(name: str) -> QLabel:
    """``<name>.error``: why the service refused, under the form; hidden until there is a reason."""
    label = QLabel(objectName=f"{name}.error")
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def message_label(name: str) -> QLabel:
    """``<name>.message``: what the last action did, as a hint until :func:`say` marks an error."""
    label = QLabel(objectName=f"{name}.message")
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def say(label: QLabel, text: str, error: bool = False) -> None:
    """Show ``text`` on a message line, in the error colour when ``error``."""
    label.setProperty("role", "error" if error else "hint")
    label.style().polish(label)
    label.setText(text)


def push_button(text: str, name: str, primary: bool = False) -> QPushButton:
    """A button named ``name`` (tests find it by that); ``primary`` gives it the accent colour."""
    button = QPushButton(text, objectName=name)
    if primary:
        button.setProperty("primary", True)
    return button


def save_cancel_buttons(dialog: QDialog, name: str, save_text: str, cancel_text: str,
                        primary: bool = True) -> tuple[QDialogButtonBox, QPushButton]:
    """``<name>.save`` (the default button) and ``<name>.cancel``, wired to the dialog's
    accept and reject; returns the box and the save button."""
    box = QDialogButtonBox()
    save = QPushButton(save_text, objectName=f"{name}.save")
    if primary:
        save.setProperty("primary", True)
    save.setDefault(True)
    box.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(QPushButton(cancel_text, objectName=f"{name}.cancel"),
                  QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, save
