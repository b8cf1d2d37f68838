"""Enable or hide widgets by the acting user's permissions (the services check again)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ..services.permissions import ROLE_NAMES, Permission, Role
from ..services.session import Session


def enable_for(session: Session, widget: QWidget, permission: Permission,
               team_id: int | None = None) -> bool:
    """Disable ``widget`` (with a tooltip saying why) when the role lacks ``permission``
    (for ``team_id``, when given; without it, for any team)."""
    allowed = session.holds(permission) if team_id is None else session.can(permission, team_id)
    widget.setEnabled(allowed)
    if not allowed:
        widget.setToolTip(QCoreApplication.translate("Permissions", "没有“%1”的权限")
                          .replace("%1", permission_title(permission)))
    return allowed


def permission_title(permission: Permission) -> str:
    """The permission's name (services.permissions.Permission) in the UI language."""
    return QCoreApplication.translate("Permissions", permission.value)


# The permissions' names, listed for the translation files.
PERMISSION_TITLES = (
    QT_TRANSLATE_NOOP("Permissions", "台账查看"), QT_TRANSLATE_NOOP("Permissions", "居民登记"),
    QT_TRANSLATE_NOOP("Permissions", "志愿者登记"), QT_TRANSLATE_NOOP("Permissions", "队伍管理"),
    QT_TRANSLATE_NOOP("Permissions", "队员管理"), QT_TRANSLATE_NOOP("Permissions", "任务排班"),
    QT_TRANSLATE_NOOP("Permissions", "结对管理"), QT_TRANSLATE_NOOP("Permissions", "探访记录"),
    QT_TRANSLATE_NOOP("Permissions", "服务记录登记"), QT_TRANSLATE_NOOP("Permissions", "服务记录核实锁定"),
    QT_TRANSLATE_NOOP("Permissions", "证明与报表打印"), QT_TRANSLATE_NOOP("Permissions", "诉求办理"),
    QT_TRANSLATE_NOOP("Permissions", "台账导入"), QT_TRANSLATE_NOOP("Permissions", "台账导出"),
    QT_TRANSLATE_NOOP("Permissions", "查看完整证件号和电话"),
    QT_TRANSLATE_NOOP("Permissions", "查看健康与困难情况"), QT_TRANSLATE_NOOP("Permissions", "系统设置"),
    QT_TRANSLATE_NOOP("Permissions", "用户管理"), QT_TRANSLATE_NOOP("Permissions", "备份与恢复"),
    QT_TRANSLATE_NOOP("Permissions", "操作日志查看"),
)
# The roles' names (services.permissions.ROLE_NAMES), listed for the translation files.
ROLE_TITLES = (
    QT_TRANSLATE_NOOP("Roles", "系统管理员（命令行）"), QT_TRANSLATE_NOOP("Roles", "系统管理员"),
    QT_TRANSLATE_NOOP("Roles", "社区工作者"), QT_TRANSLATE_NOOP("Roles", "队长"),
    QT_TRANSLATE_NOOP("Roles", "督导"),
)


def role_title(role: Role) -> str:
    """The role's name (services.permissions.ROLE_NAMES) in the UI language."""
    return QCoreApplication.translate("Roles", ROLE_NAMES[role])


def show_for(session: Session, widget: QWidget, permission: Permission,
             team_id: int | None = None) -> bool:
    """Hide ``widget`` when the role lacks ``permission`` (for ``team_id``, when given)."""
    allowed = session.holds(permission) if team_id is None else session.can(permission, team_id)
    widget.setVisible(allowed)
    return allowed
