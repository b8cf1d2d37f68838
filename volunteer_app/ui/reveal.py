"""“显示完整号码”: a table's context-menu action, and a dialog's button, that reveal one
person's full ID number, phone and emergency contact. Who may see what is decided by
services/privacy (``revealable_fields``, ``reveal``), which also writes the audit entry.

A ledger page adds it with one line: ``add_reveal_action(self.table, session, "residents")``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox, QPushButton, QWidget

from ..services import privacy
from ..services.permissions import PermissionDenied
from ..services.session import Session
from .paged_model import ROW_ID_ROLE


def reveal_text(session: Session, entity: str, row_id: int) -> str:
    """The full numbers this user may see, one per line; a refusal says why."""
    fields = privacy.revealable_fields(session, entity, row_id)
    if not fields:
        try:
            privacy.reveal(session, entity, row_id, "phone")   # refused: its message says why
        except PermissionDenied as error:
            return str(error)
    lines = []
    for field in fields:
        label = QCoreApplication.translate("Reveal", privacy.FIELDS[field])
        value = privacy.reveal(session, entity, row_id, field)
        lines.append(_labelled(label, value or QCoreApplication.translate("Reveal", "（未登记）")))
    return "\n".join(lines)


def reveal_button(session: Session, entity: str, row_id: int | None, object_name: str) -> QPushButton:
    """A dialog's “显示完整号码” button, shown only when the user may reveal something here."""
    button = QPushButton(QCoreApplication.translate("Reveal", "显示完整号码"), objectName=object_name)
    button.setToolTip(QCoreApplication.translate("Reveal", "查看并修改完整号码；查看会记入操作日志"))
    button.setVisible(row_id is not None and bool(privacy.revealable_fields(session, entity, row_id)))
    return button


def reveal_into(session: Session, entity: str, row_id: int, edits: dict[str, QLineEdit]) -> set[str]:
    """Put the full value of each field the user may see into its line edit (each viewing
    audited by the service); returns the fields revealed."""
    revealed = set()
    for field in privacy.revealable_fields(session, entity, row_id):
        if field in edits:
            edits[field].setText(privacy.reveal(session, entity, row_id, field))
            revealed.add(field)
    return revealed


# privacy.FIELDS' labels, listed for the translation files
FIELD_TITLES = (QT_TRANSLATE_NOOP("Reveal", "身份证号"), QT_TRANSLATE_NOOP("Reveal", "联系电话"),
                QT_TRANSLATE_NOOP("Reveal", "紧急联系人"))


def _labelled(label: str, value: str) -> str:
    return QCoreApplication.translate("Reveal", "%1：%2").replace("%1", label).replace("%2", value)


def add_reveal_action(view: QAbstractItemView, session: Session, entity: str,
                      parent: QWidget | None = None) -> QAction:
    """Add “显示完整号码” to the view's context menu; the selected row's ROW_ID_ROLE is used."""
    action = QAction(QCoreApplication.translate("Reveal", "显示完整号码"), parent or view)
    action.setObjectName(f"{entity}.reveal")
    action.setEnabled(privacy.may_reveal_any(session))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.addAction(action)

    def on_triggered() -> None:
        index = view.currentIndex()
        row_id = index.data(ROW_ID_ROLE) if index.isValid() else None
        if row_id is None:
            QMessageBox.information(view, QCoreApplication.translate("Reveal", "显示完整号码"),
                                    QCoreApplication.translate("Reveal", "请先在表格中选中一行。"))
            return
        box = QMessageBox(QMessageBox.Icon.Information,
                          QCoreApplication.translate("Reveal", "完整号码（已记入操作日志）"),
                          reveal_text(session, entity, int(row_id)), parent=view)
        box.setObjectName(f"{entity}.reveal_box")
        box.open()
        action.setData(box)  # tests read the box from here

    action.triggered.connect(on_triggered)
    return action
