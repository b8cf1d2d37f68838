"""Enable or hide widgets by the acting user's permissions (the services check again)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..services.permissions import Permission
from ..services.session import Session


def enable_for(session: Session, widget: QWidget, permission: Permission,
               team_id: int | None = None) -> bool:
    """Disable ``widget`` (with a tooltip saying why) when the role lacks ``permission``."""
    allowed = session.can(permission, team_id)
    widget.setEnabled(allowed)
    if not allowed:
        widget.setToolTip(f"没有“{permission.value}”的权限")
    return allowed


def show_for(session: Session, widget: QWidget, permission: Permission,
             team_id: int | None = None) -> bool:
    """Hide ``widget`` when the role lacks ``permission``."""
    allowed = session.can(permission, team_id)
    widget.setVisible(allowed)
    return allowed
