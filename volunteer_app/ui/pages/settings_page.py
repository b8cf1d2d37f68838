"""设置: the committee's settings with their help text, users, backup and restore."""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import backups, settings, users
from ...services.permissions import ROLE_NAMES, USER_ROLES, Permission
from ...services.session import Session
from ...services.session import Session as WorkerSession
from ...store.connection import open_database
from ..permissions import enable_for
from ..signals import DataSignals


def database_path(session: Session) -> Path:
    return Path(session.db.execute("PRAGMA database_list").fetchone()[2])


class SettingsPage(QWidget):
    backup_done = Signal(str)   # from the worker thread, delivered on the GUI thread
    restore_done = Signal(bool, str)   # restored?, the message; from the worker thread

    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup")
        heading = QLabel(self.tr("设置"))
        heading.setProperty("role", "page-title")
        self.tabs = QTabWidget(objectName="settings.tabs")
        self.tabs.addTab(self._settings_tab(), self.tr("常规设置"))
        if session.can(Permission.USERS):
            self.tabs.addTab(self._users_tab(), self.tr("用户"))
        if session.can(Permission.BACKUP):
            self.tabs.addTab(self._backup_tab(), self.tr("备份与恢复"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        self.backup_done.connect(self._on_backup_done)
        self.restore_done.connect(self._on_restore_done)
        # After a restore the window must go: the data behind every page was replaced.
        self.quit_application = QApplication.quit
        self.destroyed.connect(lambda: self._worker.shutdown(wait=True))

    # -- settings ---------------------------------------------------------------------------
    def _settings_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.fields: dict[str, QLineEdit] = {}
        may_change = self.session.can(Permission.SETTINGS)
        for spec in settings.SPECS:
            field = QLineEdit(json.dumps(settings.get(self.session, spec.key), ensure_ascii=False)
                              .strip('"'), objectName=f"settings.{spec.key}")
            field.setToolTip(spec.help)
            field.setReadOnly(not may_change)
            box = QVBoxLayout()
            box.addWidget(field)
            if spec.help:
                hint = QLabel(spec.help)
                hint.setWordWrap(True)
                hint.setProperty("role", "card-hint")
                box.addWidget(hint)
            form.addRow(spec.label, box)
            self.fields[spec.key] = field
        self.save_button = QPushButton(self.tr("保存设置"), objectName="settings.save")
        self.save_button.clicked.connect(self._on_save)
        enable_for(self.session, self.save_button, Permission.SETTINGS)
        form.addRow(self.save_button)
        return tab

    def _on_save(self) -> None:
        values = {}
        for spec in settings.SPECS:     # every value checked before any is saved
            text = self.fields[spec.key].text().strip()
            try:
                # a kind of its own (days) is read and explained by settings.check
                value = text if spec.kind or isinstance(spec.default, str) else type(spec.default)(text)
                values[spec.key] = settings.check(spec.key, value)
            except settings.SettingError as error:
                QMessageBox.warning(self, self.tr("设置有误"), str(error))
                return
            except ValueError:
                QMessageBox.warning(self, self.tr("设置有误"),
                                    self.tr("“{0}”应为数字，现在是“{1}”。").format(spec.label, text))
                return
        for key, value in values.items():
            if value != settings.get(self.session, key):
                settings.put(self.session, key, value)

    # -- users ------------------------------------------------------------------------------
    def _users_tab(self) -> QWidget:
        tab = QWidget()
        self.users_table = QTableWidget(0, 5, objectName="settings.users")
        self.users_table.setHorizontalHeaderLabels([self.tr("用户名"), self.tr("姓名"), self.tr("角色"),
                                                    self.tr("状态"), self.tr("最近登录")])
        self.users_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.users_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QHBoxLayout()
        self.user_buttons = {}
        for key, title, slot in (("add", self.tr("新增用户…"), self._on_add_user),
                                 ("role", self.tr("修改角色…"), self._on_change_role),
                                 ("password", self.tr("重置密码…"), self._on_reset_password),
                                 ("deactivate", self.tr("停用"), self._on_deactivate)):
            button = QPushButton(title, objectName=f"settings.users.{key}")
            button.clicked.connect(slot)
            enable_for(self.session, button, Permission.USERS)
            buttons.addWidget(button)
            self.user_buttons[key] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        hint = QLabel(self.tr("管理员账户只管理用户、设置和备份；登记居民和志愿者请用“社区工作者”账户。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.users_table, 1)
        self._load_users()
        return tab

    def _load_users(self) -> None:
        self._users = users.list_users(self.session)
        self.users_table.setRowCount(len(self._users))
        for r, user in enumerate(self._users):
            status = (self.tr("已停用") if not user["active"] else
                      self.tr("已锁定") if user["locked_until"] else self.tr("正常"))
            role = QCoreApplication.translate("Roles", user["role_name"])
            if user["volunteer_name"]:
                role = self.tr("%1（%2）").replace("%1", role).replace("%2", user["volunteer_name"])
            for c, text in enumerate((user["login"], user["name"], role, status,
                                      user["last_login_at"] or "")):
                self.users_table.setItem(r, c, QTableWidgetItem(text))

    def _selected_user(self) -> dict | None:
        row = self.users_table.currentRow()
        if row < 0:
            QMessageBox.information(self, self.tr("用户"), self.tr("请先在表格中选中一位用户。"))
            return None
        return self._users[row]

    def _run(self, action) -> bool:
        try:
            action()
        except users.UserError as error:
            QMessageBox.warning(self, self.tr("用户"), str(error))
            return False
        self._load_users()
        return True

    def _ask_role(self) -> tuple[str, int | None] | None:
        names = [QCoreApplication.translate("Roles", ROLE_NAMES[r]) for r in USER_ROLES]
        name, ok = QInputDialog.getItem(self, self.tr("角色"), self.tr("角色"), names, 1, False)
        if not ok:
            return None
        role = USER_ROLES[names.index(name)]
        volunteer = None
        if role.value == "captain":
            candidates = users.captain_candidates(self.session)
            labels = [f"{c['name']} — {c['teams']}" for c in candidates]
            if not labels:
                QMessageBox.warning(self, self.tr("角色"), self.tr("还没有任何队伍设了队长或副队长。"))
                return None
            label, ok = QInputDialog.getItem(self, self.tr("队长"), self.tr("这个账户属于哪位队长"),
                                             labels, 0, False)
            if not ok:
                return None
            volunteer = candidates[labels.index(label)]["id"]
        return role.value, volunteer

    def _on_add_user(self) -> None:
        login, ok = QInputDialog.getText(self, self.tr("新增用户"), self.tr("用户名（登录用）"))
        if not ok:
            return
        name, ok = QInputDialog.getText(self, self.tr("新增用户"), self.tr("姓名"))
        if not ok:
            return
        chosen = self._ask_role()
        if chosen is None:
            return
        password, ok = QInputDialog.getText(self, self.tr("新增用户"), self.tr("初始密码（至少8位）"),
                                            QLineEdit.EchoMode.Password)
        if ok:
            self._run(lambda: users.add_user(self.session, login, name, chosen[0], password, chosen[1]))

    def _on_change_role(self) -> None:
        user = self._selected_user()
        chosen = self._ask_role() if user else None
        if chosen:
            self._run(lambda: users.change_role(self.session, user["id"], chosen[0], chosen[1]))

    def _on_reset_password(self) -> None:
        user = self._selected_user()
        if not user:
            return
        password, ok = QInputDialog.getText(self, self.tr("重置密码"),
                                            self.tr("“{0}”的新密码（至少8位）").format(user["name"]),
                                            QLineEdit.EchoMode.Password)
        if ok:
            self._run(lambda: users.reset_password(self.session, user["id"], password))

    def _on_deactivate(self) -> None:
        user = self._selected_user()
        if user:
            self._run(lambda: users.deactivate(self.session, user["id"]))

    # -- backup and restore -----------------------------------------------------------------
    def _backup_tab(self) -> QWidget:
        tab = QWidget()
        self.backup_button = QPushButton(self.tr("备份到文件…"), objectName="settings.backup")
        self.restore_button = QPushButton(self.tr("从备份恢复…"), objectName="settings.restore")
        self.backup_status = QLabel(objectName="settings.backup_status")
        self.backup_status.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("备份是数据库的完整副本，请存到U盘或另一台电脑上。"
                                        "也可以用任务计划每晚运行：python main.py backup --out 文件")))
        layout.addWidget(self.backup_button)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.backup_status)
        layout.addStretch(1)
        self.backup_button.clicked.connect(self._on_backup)
        self.restore_button.clicked.connect(self._on_restore)
        for button in (self.backup_button, self.restore_button):
            enable_for(self.session, button, Permission.BACKUP)
        return tab

    def _on_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("备份到"), self.tr("邻里帮备份") + ".sqlite3")
        if path:
            self.start_backup(path)

    def start_backup(self, target: str) -> Future:
        """Back up in a worker thread with its own connection; ``backup_done`` reports."""
        source, actor = database_path(self.session), self.session.actor
        self.backup_button.setEnabled(False)
        self.backup_status.setText(self.tr("正在备份…"))

        def work() -> str:
            db = open_database(source)
            try:
                return str(backups.backup(WorkerSession(db, actor), target))
            finally:
                db.close()

        def finished(future: Future) -> None:
            error = future.exception()
            self.backup_done.emit(self.tr("备份失败：%1").replace("%1", str(error)) if error else
                                  self.tr("已备份到 %1").replace("%1", future.result()))

        future = self._worker.submit(work)
        future.add_done_callback(finished)
        return future

    def _on_backup_done(self, message: str) -> None:
        self.backup_button.setEnabled(True)
        self.backup_status.setText(message)

    def _on_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"))
        if not path:
            return
        answer = QMessageBox.question(
            self, self.tr("从备份恢复"),
            self.tr("恢复会用备份替换当前的全部数据（当前数据另存一份）。恢复后邻里帮会关闭，请重新打开。继续吗？"))
        if answer == QMessageBox.StandardButton.Yes:
            self.start_restore(path)

    def start_restore(self, source: str) -> Future:
        """Restore in the worker thread; ``restore_done`` reports.

        The window's own connection is closed first (on this thread, which owns it) and the
        window disabled meanwhile, so no page reads the file while it is replaced.
        """
        self.session.require(Permission.BACKUP)
        target, actor = database_path(self.session), self.session.actor
        self._restore_target = target
        self.window().setEnabled(False)
        self.backup_status.setText(self.tr("正在从备份恢复，请稍候…"))
        self.session.db.close()

        def work() -> str:
            return str(backups.restore(actor, target, source))

        def finished(future: Future) -> None:
            error = future.exception()
            self.restore_done.emit(error is None, str(error) if error else future.result())

        future = self._worker.submit(work)
        future.add_done_callback(finished)
        return future

    def _on_restore_done(self, restored: bool, message: str) -> None:
        if not restored:
            # the old file is untouched (a backup is checked before anything is replaced):
            # work goes on with it
            self.session.db = open_database(self._restore_target)
            self.window().setEnabled(True)
            self.backup_status.setText(self.tr("恢复失败：{0}。当前数据没有改动。").format(message))
            self._tell(QMessageBox.Icon.Critical, self.tr("恢复失败"), self.backup_status.text())
            return
        text = self.tr("已恢复。原数据另存为 {0}。请重新打开邻里帮。").format(message)
        self.backup_status.setText(text)
        self._tell(QMessageBox.Icon.Information, self.tr("恢复完成"), text).finished.connect(
            lambda _result: self.quit_application())

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("settings.restore_message")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
