"""What a page shows on opening, asked of the one background runner (issue 16).

A page on a street-sized file (100,000 residents, 325,000 service records) must not run its
first queries and sums on the GUI thread: a :class:`PageLoad` runs ``fn(worker_session,
*args)`` through :func:`.runner.start` on a read-only session of its own and hands the
already-shaped result to ``show`` on the GUI thread. Asked again before the answer came, only
the newest answer is shown (as :mod:`.pages.coverage_tab` does); ``loading`` is true until it
is in, for the tests and the bench to wait on. The page stays usable meanwhile.

An in-memory database cannot be opened from another thread: there the work runs in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from ..services.session import Session
from . import runner
from .signals import DataSignals


class PageLoad:
    """One thing a page shows (its figures, a list), loaded off the GUI thread."""

    def __init__(self, owner: QObject, session: Session, fn: Callable[..., Any],
                 show: Callable[[Any], None], writes: bool = False):
        self._owner, self._session = owner, session
        self._writes = writes       # a list that leaves with full phones is audited (a write)
        self._fn, self._show = fn, show
        self._asked = self._answered = 0

    @property
    def loading(self) -> bool:
        """An answer asked of the runner has not come back yet."""
        return self._asked != self._answered

    def ask(self, *args: Any) -> None:
        """Run ``fn`` again with ``args``; an answer still on its way is dropped when it comes."""
        self._asked += 1
        asked = self._asked
        if self._session.path is None:
            self._on_done(asked, self._fn(self._session, *args))
            return
        runner.start(self._fn, *args, session=self._session, owner=self._owner, writes=self._writes,
                     done=lambda result: self._on_done(asked, result),
                     failed=lambda error: self._on_failed(asked, error))

    def _on_done(self, asked: int, result: Any) -> None:
        if asked != self._asked:
            return                      # an older question: a newer answer is on its way
        self._answered = asked
        self._show(result)

    def _on_failed(self, asked: int, error: BaseException) -> None:
        if asked == self._asked:
            self._answered = asked
        raise error                     # a bug or a failed file: the app's handler reports it


class WhenShown(QObject):
    """Keeps a tab current without loading what nobody looks at: ``refresh`` runs when the
    widget is first shown, at once on a change to a ``watched`` table while it is visible, and
    on its next showing after a change made while it was hidden."""

    def __init__(self, widget: QWidget, signals: DataSignals, watched: frozenset[str],
                 refresh: Callable[[], None]):
        super().__init__(widget)
        self._widget, self._watched, self._refresh = widget, watched, refresh
        self.stale = True
        widget.installEventFilter(self)
        signals.changed.connect(self._on_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & self._watched:
            if self._widget.isVisible():
                self._refresh()
            else:
                self.stale = True
