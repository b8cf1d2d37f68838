"""“显示完整号码”: a table's context-menu action and button that reveal one person's full ID
number and phone (services/privacy.reveal checks the role and writes the audit entry).

A ledger page adds it with one line: ``add_reveal_action(self.table, session, "residents")``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget

from ..services import privacy
from ..services.permissions import PermissionDenied, Role
from ..services.session import Session
from .paged_model import ROW_ID_ROLE


def may_reveal_any(session: Session) -> bool:
    from ..services.permissions import Permission

    return session.can(Permission.VIEW_FULL_IDENTITY) or session.actor.role == Role.CAPTAIN


def reveal_text(session: Session, entity: str, row_id: int) -> str:
    """The full numbers this user may see, one per line; refusals say why."""
    lines = []
    for field, chinese in privacy.FIELDS.items():
        label = QCoreApplication.translate("Reveal", chinese)
        try:
            value = privacy.reveal(session, entity, row_id, field)
        except PermissionDenied as error:
            if session.actor.role == Role.CAPTAIN and field == "id_number":
                continue  # a captain never sees ID numbers; the phone line says enough
            lines.append(_labelled(label, str(error)))
            continue
        lines.append(_labelled(label, value or QCoreApplication.translate("Reveal", "（未登记）")))
    return "\n".join(lines)


# privacy.FIELDS' labels, listed for the translation files
FIELD_TITLES = (QT_TRANSLATE_NOOP("Reveal", "身份证号"), QT_TRANSLATE_NOOP("Reveal", "联系电话"))


def _labelled(label: str, value: str) -> str:
    return QCoreApplication.translate("Reveal", "%1：%2").replace("%1", label).replace("%2", value)


def add_reveal_action(view: QAbstractItemView, session: Session, entity: str,
                      parent: QWidget | None = None) -> QAction:
    """Add “显示完整号码” to the view's context menu; the selected row's ROW_ID_ROLE is used."""
    action = QAction(QCoreApplication.translate("Reveal", "显示完整号码"), parent or view)
    action.setObjectName(f"{entity}.reveal")
    action.setEnabled(may_reveal_any(session))
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
