"""登录: the start-up login, and on the very first start the creation of the administrator."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.admin import users
from ...services.session import Actor

if TYPE_CHECKING:
    import sqlite_utils


def _error_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    return label


class LoginDialog(QDialog):
    """Asks for user name and password; ``actor`` is set when the dialog is accepted.

    Logging in writes (the count of wrong passwords, the 登录 entry of the audit log).
    ``may_write()``, when given, is asked first: at start-up it waits for the integrity check
    of the file, and a damaged file closes the dialog unwritten."""

    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None,
                 clock: users.Clock | None = None, may_write: Callable[[], bool] | None = None):
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("登录邻里帮"))
        self._db = db
        self._clock = clock
        self._may_write = may_write
        self.actor: Actor | None = None
        self.user = QLineEdit(objectName="login.user")
        self.password = QLineEdit(objectName="login.password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label("login.error")
        self.submit = QPushButton(self.tr("登录"), objectName="login.submit")
        self.submit.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        heading = QLabel(self.tr("邻里帮 — 社区志愿服务管理"))
        heading.setProperty("role", "page-title")
        self.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.submit)
        self.submit.clicked.connect(self._on_submit)
        self.password.returnPressed.connect(self._on_submit)

    def _on_submit(self) -> None:
        if self._may_write is not None and not self._may_write():
            self.reject()
            return
        try:
            if self._clock is None:
                actor = users.authenticate(self._db, self.user.text(), self.password.text())
            else:
                actor = users.authenticate(self._db, self.user.text(), self.password.text(), self._clock)
        except users.LoginError as error:
            self.error.setText(str(error))
            self.password.clear()
            self.password.setFocus()
            return
        self.actor = actor
        self.accept()


class FirstAdminDialog(QDialog):
    """The very first start: the administrator chooses a password, typed twice.
    ``may_write`` as for :class:`LoginDialog`."""

    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None,
                 may_write: Callable[[], bool] | None = None):
        super().__init__(parent)
        self.setObjectName("first_admin_dialog")
        self.setWindowTitle(self.tr("创建系统管理员"))
        self._db = db
        self._may_write = may_write
        self.actor: Actor | None = None
        intro = QLabel(self.tr(
            "这是第一次使用邻里帮，请为系统管理员设置用户名和密码（至少8位）。\n"
            "管理员负责用户、设置和备份；登记居民和志愿者请另建“社区工作者”账户。"))
        intro.setWordWrap(True)
        self.login = QLineEdit("admin", objectName="first_admin.login")
        self.name = QLineEdit(objectName="first_admin.name")
        self.password = QLineEdit(objectName="first_admin.password")
        self.confirm = QLineEdit(objectName="first_admin.confirm")
        for field in (self.password, self.confirm):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label("first_admin.error")
        self.submit = QPushButton(self.tr("创建并登录"), objectName="first_admin.submit")
        self.setMinimumWidth(420)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.login)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("再输一次密码"), self.confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.submit)
        self.submit.clicked.connect(self._on_submit)

    def _on_submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("两次输入的密码不一样，请重新输入。"))
            self.confirm.clear()
            return
        if self._may_write is not None and not self._may_write():
            self.reject()
            return
        try:
            self.actor = users.first_admin(self._db, self.login.text(), self.name.text(),
                                           self.password.text())
        except users.UserError as error:
            self.error.setText(str(error))
            return
        self.accept()
