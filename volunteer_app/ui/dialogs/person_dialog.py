"""What the resident and volunteer dialogs share: an error line under each field, shown once
the field is touched; the summary line and 保存/取消; the ID number that fills birth date
and gender; “显示完整号码”; and saving through the service, with its refusal shown beside
the fields.

Texts stay with the subclass (``self.tr`` there), so each keeps its dialog's translation
context. A subclass sets :attr:`NAME`, :attr:`ENTITY` and :attr:`REFUSAL`, builds its fields (``name``,
``id_number``, ``id_note``, ``birth_date``, ``gender``, ``reveal``) and implements
``fields``, ``_revalidate`` and ``_save``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.identity import FieldError, clean_id_number
from ...services.permissions import PermissionDenied
from ...services.session import Session
from ...store.row_versions import StaleRecord
from ..forms import error_label, save_cancel_buttons
from ..id_number_note import id_number_note
from ..reveal import reveal_into


class PersonForm:
    """Mixed in before QDialog: ``class ResidentDialog(PersonForm, QDialog)``. Not a dialog
    itself, so tests/screen_probe.py, which opens every dialog, has nothing to open here."""

    NAME = ""      # the object name's prefix (tests find the fields by it)
    ENTITY = ""    # "residents" or "volunteers", for the reveal
    # the service's refusal that names fields (its ``errors``: field -> reason)
    REFUSAL: type[Exception] = LookupError   # replaced by each subclass

    def _start(self, session: Session) -> None:
        """The bookkeeping every person form keeps; call before building the fields."""
        self.session = session
        self._version: int | None = None    # the row version this edit is based on
        self.saved_id: int | None = None
        self._touched: set[str] = set()
        self._errors: dict[str, str] = {}
        # fields loaded masked; sent as they are, the service keeps the stored number
        self._masked: set[str] = set()
        self._error_labels: dict[str, QLabel] = {}

    # -- building --------------------------------------------------------------------------
    def _add_rows(self, form: QFormLayout, rows: list[tuple[str, str, QWidget]]) -> None:
        """Each row's widget with its error line (``<NAME>.<key>.error``) under it."""
        for key, label, widget in rows:
            error = error_label(f"{self.NAME}.{key}")
            self._error_labels[key] = error
            form.addRow(label, self._stack(widget, error))

    def _add_summary_and_buttons(self, save_text: str, cancel_text: str) -> None:
        self.summary = QLabel(objectName=f"{self.NAME}.summary")
        self.summary.setProperty("role", "hint")
        self.summary.setWordWrap(True)
        self.buttons, self.save_button = save_cancel_buttons(self, self.NAME, save_text,  # type: ignore[arg-type]
                                                            cancel_text)

    @staticmethod
    def _stack(*widgets: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in widgets:
            layout.addWidget(widget)
        return box

    @staticmethod
    def _row(*widgets: QWidget, stretch: bool = False, even: bool = False) -> QWidget:
        """Side by side; ``even`` shares the width out equally, ``stretch`` packs them left."""
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget, 1 if even else 0)
        if stretch:
            layout.addStretch(1)
        return box

    # -- checking ----------------------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        raise NotImplementedError

    def _revalidate(self) -> None:
        raise NotImplementedError

    def errors(self) -> dict[str, str]:
        """Every error of the form now, shown or not (untouched fields keep theirs hidden)."""
        return dict(self._errors)

    def _on_edited(self, key: str) -> None:
        self._touched.add(key)
        self._masked.discard(key)
        if key == "id_number":
            self._sync_id_number()
        self._revalidate()

    def _sync_id_number(self) -> None:
        """A valid ID number decides birth date and gender; show them read-only while it stands."""
        facts = None
        if "id_number" not in self._masked:
            try:
                facts = clean_id_number(self.id_number.text())
            except FieldError:
                facts = None
        note = id_number_note(facts, self.id_number.text())
        self.id_note.setText(note)
        self.id_note.setVisible(bool(note))
        if facts:
            self.birth_date.setText(facts.birth_date.isoformat())
            self.gender.setCurrentIndex(self.gender.findData(facts.gender))
            self._touched |= {"birth_date", "gender"}
        fixed = facts is not None or "id_number" in self._masked and bool(self.id_number.text())
        self.birth_date.setReadOnly(fixed)
        self.gender.setEnabled(not fixed)

    def _show_field_errors(self) -> None:
        """Each touched field's error under it, and its line edit marked."""
        for key, label in self._error_labels.items():
            message = self._errors.get(key, "") if key in self._touched else ""
            label.setText(message)
            label.setVisible(bool(message))
            widget = getattr(self, key, None)
            if isinstance(widget, QLineEdit):
                widget.setProperty("invalid", bool(message))
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def _show_summary(self, fill_in_hint: str) -> None:
        """``fill_in_hint`` while an untouched field is wrong; 保存 only for a right form."""
        hidden = [key for key in self._errors if key not in self._touched]
        self.summary.setText(fill_in_hint if hidden else "")
        self.save_button.setEnabled(not self._errors)

    # -- revealing and saving ------------------------------------------------------------------
    def _reveal(self, row_id: int | None, edits: dict[str, QLineEdit]) -> None:
        """The full numbers, for editing them (each viewing audited by the service)."""
        try:
            shown = reveal_into(self.session, self.ENTITY, row_id, edits)
        except PermissionDenied as error:
            self.summary.setText(str(error))
            return
        self._masked -= shown
        self.reveal.hide()
        self._sync_id_number()
        self._revalidate()

    def _save(self, fields: dict[str, Any]) -> int:
        """Add or update through the service; returns the row's id."""
        raise NotImplementedError

    def _saved(self) -> None:
        """After the dialog closed on a save."""

    def accept(self) -> None:
        if self._errors:
            return
        fields = self.fields()
        fields.pop("id", None)
        try:
            self.saved_id = self._save(fields)
        except self.REFUSAL as error:
            self._refused(error.errors, str(error))  # type: ignore[attr-defined]
            return
        except (PermissionDenied, StaleRecord) as error:
            self.summary.setText(str(error))
            return
        super().accept()  # type: ignore[misc]  (QDialog's, next in the dialog's MRO)
        self._saved()

    def _refused(self, errors: dict[str, str], summary: str) -> None:
        """The service's reasons under their fields (touched now), and the summary line."""
        self._touched |= set(errors)
        self._errors = errors
        for key, message in errors.items():
            if key in self._error_labels:
                self._error_labels[key].setText(message)
                self._error_labels[key].show()
        self.summary.setText(summary)

