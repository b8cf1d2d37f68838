"""A form whose 保存 runs a service on the runner: ``action(worker_session, *_values())``
(ui/dialogs/background_save.py). 保存 is disabled until the save is in, so a second click
saves nothing twice; the dialog closes once it is, with what the service returned in
``saved``; a refusal (the form itself, or the service's Chinese reason) shows under the form,
which keeps everything typed. The 诉求, 极端天气 and 新增用户 dialogs are such forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QFormLayout, QVBoxLayout, QWidget

from ...services.session import Session
from ..forms import error_label, save_cancel_buttons
from .background_save import BackgroundSave


class ServiceDialog(QDialog):
    NAME = "service_dialog"
    STRETCH = True          # a form of fields: the room left goes below it

    def __init__(self, session: Session, title: str, action: Callable[..., Any] | None = None,
                 parent: QWidget | None = None, save_text: str | None = None):
        super().__init__(parent)
        self.session = session
        self.saved: Any = None
        self.action: Callable[..., Any] = action or (lambda _worker, *_values: None)
        self.setObjectName(self.NAME)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = error_label(self.NAME)
        box, self.save_button = save_cancel_buttons(self, self.NAME, save_text or self.tr("保存"),
                                                    self.tr("取消"))
        self.saving = BackgroundSave(self.save_button, self.refuse)
        box.accepted.disconnect(self.accept)
        box.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        if self.STRETCH:
            layout.addStretch(1)
        layout.addWidget(box)

    @property
    def busy(self) -> bool:
        """A save runs in the background."""
        return self.saving.busy

    def _values(self) -> tuple[Any, ...]:
        """What the form says, as the action's arguments after the session (a ValueError when
        the form itself is not filled in right)."""
        raise NotImplementedError

    def submit(self) -> bool:
        """False while a save runs or when the form is refused before saving."""
        return self.saving.submit(self, self._values, self.action, session=self.session, done=self._on_saved)

    def _on_saved(self, result: Any) -> None:
        self.saved = result
        self.accept()

    def refuse(self, error: BaseException) -> None:
        self.error.setText(str(error))
        self.error.show()


__all__ = ["ServiceDialog"]
