"""保存 of a dialog whose work runs off the GUI thread (发布预警, 解除预警, 需要帮助…): 保存 is
disabled while it runs, so a second click saves nothing twice; once it is done the dialog is
told the result; a refusal of the service (a ValueError or PermissionDenied, in Chinese) stays
in the dialog with 保存 enabled again, nothing written; a bug goes on to the app's handler.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton

from ...services.permissions import PermissionDenied
from ...services.session import Session
from .. import runner


class BackgroundSave:
    def __init__(self, button: QAbstractButton, refuse: Callable[[BaseException], None]):
        self._button, self._refuse = button, refuse
        self.busy = False

    def submit(self, owner: QObject, values: Callable[[], tuple[Any, ...]], fn: Callable[..., Any], *,
               session: Session, done: Callable[[Any], None]) -> bool:
        """保存 of a form: ``fn(worker, *values())`` on the runner; False while a save runs, or
        when ``values`` refuses the form itself (a ValueError, shown in the dialog)."""
        if self.busy:
            return False
        try:
            args = values()
        except ValueError as error:
            self._refuse(error)
            return False
        return self.run(owner, fn, *args, session=session, done=done)

    def run(self, owner: QObject, fn: Callable[..., Any], *args: Any, session: Session,
            done: Callable[[Any], None]) -> bool:
        """``fn(worker, *args)`` on the runner with a writing session; False while a save runs."""
        if not self.begin():
            return False
        runner.start(fn, *args, session=session, writes=True, owner=owner,
                     done=self.then(done), failed=self.failed)
        return True

    def begin(self) -> bool:
        """A save starts (False: one still runs)."""
        if self.busy:
            return False
        self.busy = True
        self._button.setEnabled(False)
        return True

    def then(self, done: Callable[[Any], None]) -> Callable[[Any], None]:
        """``done`` once the save is in (the dialog usually closes then)."""
        def finish(result: Any) -> None:
            self.busy = False
            done(result)
        return finish

    def failed(self, error: BaseException) -> None:
        self.busy = False
        self._button.setEnabled(True)
        if not isinstance(error, ValueError | PermissionDenied):
            raise error
        self._refuse(error)
