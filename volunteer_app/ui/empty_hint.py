"""A calm sentence over a list that has no rows yet, saying what to do next (还没有居民。点
“新增”……), rather than a bare grid a first-time user has to guess about.

The sentence is a label laid out on the view's viewport by a Qt layout: hidden while the list
has rows, so it costs the table's repaint nothing (the 居民 table's repaint is measured by
bench/residents_filter.py); no paint or event override in Python.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout

from ..services.permissions import Permission
from ..services.session import Session


class EmptyHint(QObject):
    """``text()`` shown over ``view`` while its model has no rows and is not loading any (its
    own ``loading``, or ``loading()`` for a list a page loads into a plain model); ``text``
    says what to do, and may depend on the filter or the role (who can add)."""

    def __init__(self, view: QAbstractItemView, text: Callable[[], str],
                 loading: Callable[[], bool] | None = None):
        super().__init__(view)
        self._model, self._text = view.model(), text
        self._loading = loading or (lambda: bool(getattr(self._model, "loading", False)))
        self.label = QLabel(objectName=f"{view.objectName()}.empty")
        self.label.setProperty("role", "hint")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(view.viewport())
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.label)        # the viewport's width: wrapped only where it must be
        layout.addStretch(1)
        self.label.hide()
        model = self._model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update)
        self.update()

    def update(self) -> None:
        """Shown or hidden after the rows changed (a page whose hint depends on something else,
        such as the role or the filter's text, calls this too)."""
        if not shiboken6.isValid(self.label):
            return      # a QTreeWidget empties its model as it is destroyed, after the viewport
        model = self._model
        empty = model.rowCount() == 0 and not self._loading()
        if empty:
            self.label.setText(self._text())
        self.label.setVisible(empty)


def accounts_hint(session: Session) -> str:
    """For the administrator of an office that started empty, who registers nobody: where the
    staff's accounts are made (a ledger page's empty list says it after who registers)."""
    if session.can(Permission.USERS):
        return QCoreApplication.translate("EmptyHint", "社区工作者的账户在“设置 → 用户”里点“新增用户…”建立。")
    return ""
