"""The bridge from the session's change notices to Qt signals, so widgets never poll."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..services.session import Session


class DataSignals(QObject):
    """Emits ``changed(tables)`` after every committed write of the session."""

    changed = Signal(frozenset)
    # the file could not be opened again after a restore: the one line that says so (the
    # window then shows no page, whose rows would be of the file that is gone)
    file_lost = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        session.subscribe(self._relay)

    def _relay(self, tables: frozenset[str]) -> None:
        self.changed.emit(tables)

    def detach(self) -> None:
        self._session.unsubscribe(self._relay)
