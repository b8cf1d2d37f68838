"""Roles and what each may do: checked in the services on every call, not only in the window."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    CAPTAIN = "captain"
    SUPERVISOR = "supervisor"
    # The command line and scripts (nightly backup, bulk import): whoever can run commands on
    # the office PC already holds the database file. Never a role of a stored user.
    SYSTEM = "system"


# Roles a user account can have (the ``users.role`` CHECK); SYSTEM is not one of them.
USER_ROLES = (Role.ADMIN, Role.STAFF, Role.CAPTAIN, Role.SUPERVISOR)

ROLE_NAMES = {
    Role.SYSTEM: "系统管理员（命令行）",
    Role.ADMIN: "系统管理员",
    Role.STAFF: "社区工作者",
    Role.CAPTAIN: "队长",
    Role.SUPERVISOR: "督导",
}


class Permission(StrEnum):
    LEDGER_READ = "台账查看"
    RESIDENT_WRITE = "居民登记"
    VOLUNTEER_WRITE = "志愿者登记"
    TEAM_WRITE = "队伍管理"
    TEAM_MEMBERS = "队员管理"           # team-scoped for captains
    SCHEDULE = "任务排班"               # team-scoped for captains
    PAIRING = "结对管理"
    VISIT_LOG = "探访记录"
    RECORD_WRITE = "服务记录登记"
    RECORD_VERIFY = "服务记录核实锁定"
    REPORT_PRINT = "证明与报表打印"
    REQUEST_HANDLE = "诉求办理"
    ALERT_RUN = "极端天气预警"          # start a warning, log the roll-call, close it
    IMPORT = "台账导入"
    EXPORT = "台账导出"
    VIEW_FULL_IDENTITY = "查看完整证件号和电话"
    VIEW_SENSITIVE = "查看健康与困难情况"
    SETTINGS = "系统设置"
    USERS = "用户管理"
    BACKUP = "备份与恢复"
    AUDIT_READ = "操作日志查看"


# Permissions a captain holds only for the teams they lead. A logged visit becomes the
# helper's service record, so it is scoped like RECORD_WRITE: the helper's team.
TEAM_SCOPED = frozenset({Permission.TEAM_MEMBERS, Permission.SCHEDULE, Permission.RECORD_WRITE,
                         Permission.VISIT_LOG})

MATRIX: dict[Role, frozenset[Permission]] = {
    Role.SYSTEM: frozenset(Permission),
    # The administrator runs the system (users, settings, backups, the audit log) and may
    # look at the ledgers, masked and without health or hardship notes, to check a restore;
    # changing the ledgers is the staff's job (separation of duties, PIPL art. 51).
    Role.ADMIN: frozenset({
        Permission.USERS, Permission.SETTINGS, Permission.BACKUP, Permission.AUDIT_READ,
        Permission.LEDGER_READ,
    }),
    Role.STAFF: frozenset({
        Permission.LEDGER_READ, Permission.RESIDENT_WRITE, Permission.VOLUNTEER_WRITE,
        Permission.TEAM_WRITE, Permission.TEAM_MEMBERS, Permission.SCHEDULE,
        Permission.PAIRING, Permission.VISIT_LOG, Permission.RECORD_WRITE,
        Permission.REQUEST_HANDLE, Permission.ALERT_RUN, Permission.IMPORT, Permission.EXPORT,
        Permission.VIEW_FULL_IDENTITY, Permission.VIEW_SENSITIVE,
    }),
    Role.CAPTAIN: frozenset({
        Permission.LEDGER_READ, Permission.TEAM_MEMBERS, Permission.SCHEDULE,
        Permission.VISIT_LOG, Permission.RECORD_WRITE,
    }),
    Role.SUPERVISOR: frozenset({
        Permission.LEDGER_READ, Permission.RECORD_VERIFY, Permission.REPORT_PRINT,
        Permission.EXPORT, Permission.VIEW_FULL_IDENTITY, Permission.VIEW_SENSITIVE,
        Permission.AUDIT_READ,
    }),
}


class PermissionDenied(Exception):
    """The acting user's role does not allow this; the message is shown as it is."""


def allowed(role: Role, permission: Permission) -> bool:
    return permission in MATRIX[role]
