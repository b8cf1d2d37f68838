"""新增用户: one form for a new account (login, name, role, the captain it belongs to, the
first password typed twice). 保存 runs users.add_user on the runner (a password's hash takes a
moment); a refusal (a login taken, a password too short) is shown under the form, which keeps
everything typed, so the administrator corrects one field instead of starting over."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from ...services.admin import users
from ...services.permissions import ROLE_NAMES, USER_ROLES, Role
from ...services.session import Session
from .service_dialog import ServiceDialog


class UserDialog(ServiceDialog):
    NAME = "user_dialog"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, self.tr("新增用户"), users.add_user, parent)
        n = self.NAME
        self.setMinimumWidth(440)
        self.login = QLineEdit(objectName=f"{n}.login")
        self.login.setPlaceholderText(self.tr("登录时输入，如 liuxm"))
        self.name = QLineEdit(objectName=f"{n}.name")
        self.role = QComboBox(objectName=f"{n}.role")
        for role in USER_ROLES:
            self.role.addItem(QCoreApplication.translate("Roles", ROLE_NAMES[role]), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.STAFF.value))
        self.captain = QComboBox(objectName=f"{n}.captain")
        for candidate in users.captain_candidates(session):
            self.captain.addItem(f"{candidate['name']} — {candidate['teams']}", candidate["id"])
        self.no_captain = QLabel(self.tr("还没有任何队伍设了队长或副队长：先在“志愿者与队伍”里设队长。"),
                                 objectName=f"{n}.no_captain", wordWrap=True)
        self.no_captain.setProperty("role", "hint")
        self.password = QLineEdit(objectName=f"{n}.password")
        self.confirm = QLineEdit(objectName=f"{n}.confirm")
        for field in (self.password, self.confirm):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("至少8位"))

        self.form.addRow(self.tr("用户名"), self.login)
        self.form.addRow(self.tr("姓名"), self.name)
        self.form.addRow(self.tr("角色"), self.role)
        self.form.addRow(self.tr("哪位队长"), self.captain)
        self.form.addRow("", self.no_captain)
        self.form.addRow(self.tr("初始密码"), self.password)
        self.form.addRow(self.tr("再输一次密码"), self.confirm)
        self.role.currentIndexChanged.connect(lambda _i: self._show_captain())
        self._show_captain()

    def _show_captain(self) -> None:
        captain = self.role.currentData() == Role.CAPTAIN.value
        has_any = self.captain.count() > 0
        self.form.setRowVisible(self.captain, captain and has_any)
        self.form.setRowVisible(self.no_captain, captain and not has_any)

    def _values(self) -> tuple[str, str, str, str, int | None]:
        if self.password.text() != self.confirm.text():
            self.confirm.clear()
            self.confirm.setFocus()
            raise ValueError(self.tr("两次输入的密码不一样，请再输一次。"))
        role = self.role.currentData()
        volunteer = self.captain.currentData() if role == Role.CAPTAIN.value else None
        if role == Role.CAPTAIN.value and volunteer is None:
            raise ValueError(self.no_captain.text())
        return self.login.text(), self.name.text(), role, self.password.text(), volunteer
