"""设置: the committee's settings with their help text, users, backup and restore."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
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

from ...domain.day_text import minute_text
from ...services.admin import backups, settings, users
from ...services.permissions import ROLE_NAMES, USER_ROLES, Permission
from ...services.session import Session
from ...store.errors import StoreError
from .. import runner
from ..lazy_tabs import LazyTabs
from ..permissions import enable_for
from ..screen_fit import scrolling
from ..signals import DataSignals
from ..street_publishing import StreetPublishing
from .auto_backup_list import AutoBackupList

ROWS_AT_ONCE = 10      # of the settings form: a screenful at a time


class SettingsPage(QWidget):
    backup_done = Signal(str)   # the job's outcome, on the GUI thread
    restore_done = Signal(bool, str)   # restored?, the message

    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._signals = signals
        heading = QLabel(self.tr("设置"))
        heading.setProperty("role", "page-title")
        self.tabs = QTabWidget(objectName="settings.tabs")
        self.tabs.addTab(self._settings_tab(), self.tr("常规设置"))
        if session.can(Permission.USERS):
            self.tabs.addTab(self._users_tab(), self.tr("用户"))
        if session.can(Permission.BACKUP):
            self.tabs.addTab(self._backup_tab(), self.tr("备份与恢复"))
        self._lazy = LazyTabs(self.tabs)       # built when first chosen (it reads the keyring)
        self._lazy.add("street", self.tr("街道服务器"), self._street_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        self.backup_done.connect(self._on_backup_done)
        self.restore_done.connect(self._on_restore_done)

    def show_users(self) -> None:
        """The 用户 tab, for those who manage accounts (工作台's 开始使用 opens it)."""
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == self.tr("用户"):
                self.tabs.setCurrentIndex(index)

    # -- settings ---------------------------------------------------------------------------
    def _settings_tab(self) -> QWidget:
        body = QWidget(objectName="settings.form")
        self._form = QFormLayout(body)
        self._fields: dict[str, QLineEdit] = {}
        # Fifty-odd rows of field and help text were half of the page's first block: a
        # screenful is built now, the rest a slice per turn of the event loop.
        # The values are read now, so that later slices never touch the database (a restore
        # may have closed it meanwhile).
        self._values = {spec.key: settings.get(self.session, spec.key) for spec in settings.SPECS}
        self._rows_left = list(settings.SPECS)
        self._add_rows(ROWS_AT_ONCE)
        self._add_later()
        self.save_button = QPushButton(self.tr("保存设置"), objectName="settings.save")
        self.save_button.clicked.connect(self._on_save)
        enable_for(self.session, self.save_button, Permission.SETTINGS)
        self.settings_error = QLabel(objectName="settings.error")
        self.settings_error.setProperty("role", "error")
        self.settings_error.setWordWrap(True)
        self.settings_error.hide()
        # The list of settings is longer than a laptop screen: it scrolls, while the error
        # line and 保存设置 stay put below it.
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.settings_error)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        return tab

    @property
    def fields(self) -> dict[str, QLineEdit]:
        """Every setting's field by key (rows not built yet are built now)."""
        self._add_rows(len(self._rows_left))
        return self._fields

    @property
    def loading(self) -> bool:
        """Rows of the form are still to be built."""
        return bool(self._rows_left)

    def _add_later(self) -> None:
        if self._rows_left:
            QTimer.singleShot(0, self, self._add_more)

    def _add_more(self) -> None:
        self._add_rows(ROWS_AT_ONCE)
        self._add_later()

    def _add_rows(self, count: int) -> None:
        may_change = self.session.can(Permission.SETTINGS)
        chosen, self._rows_left = self._rows_left[:count], self._rows_left[count:]
        for spec in chosen:
            field = QLineEdit(json.dumps(self._values[spec.key], ensure_ascii=False)
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
            self._form.addRow(spec.label, box)
            self._fields[spec.key] = field

    def _on_save(self) -> None:
        """Every value is checked by the service before any is saved: one wrong value saves
        nothing, and the message names the setting."""
        chosen = {}
        for spec in settings.SPECS:
            field = self.fields[spec.key]
            try:
                chosen[spec.key] = settings.checked(spec.key, field.text().strip())
            except settings.SettingError as error:
                self.settings_error.setText(str(error))
                self.settings_error.show()
                field.setFocus()
                return
        self.settings_error.hide()
        for key, value in chosen.items():
            if value != settings.get(self.session, key):
                settings.put(self.session, key, value)

    # -- the street server (issue 14) -----------------------------------------------------------
    def _street_tab(self) -> QWidget:
        from .street_settings import StreetSettingsTab

        return StreetSettingsTab(self.session, self._signals)

    @property
    def street_tab(self) -> QWidget:
        """设置 → 街道服务器 (built now if it was not chosen yet)."""
        return self._lazy.widget("street")

    # -- users ------------------------------------------------------------------------------
    def _users_tab(self) -> QWidget:
        tab = QWidget()
        self.users_table = QTableWidget(0, 5, objectName="settings.users")
        self.users_table.setHorizontalHeaderLabels([self.tr("用户名"), self.tr("姓名"), self.tr("角色"),
                                                    self.tr("状态"), self.tr("最近登录")])
        self.users_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.users_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.users_table.verticalHeader().setVisible(False)    # as every other list: no row numbers
        self.users_table.horizontalHeader().setStretchLastSection(True)   # 最近登录 shown whole
        buttons = QHBoxLayout()
        self.user_buttons = {}
        self.user_dialog = None     # 新增用户 opened last (tests drive it)
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
            last_login = minute_text(user["last_login_at"])
            for c, text in enumerate((user["login"], user["name"], role, status, last_login)):
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
        from ..dialogs.user_dialog import UserDialog

        self.user_dialog = UserDialog(self.session, self)
        self.user_dialog.accepted.connect(self._load_users)
        self.user_dialog.open()

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
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.backup_status)
        self.auto_list = AutoBackupList(self.session, Path(self.session.path))
        self.auto_list.restore_requested.connect(self.confirm_restore)
        layout.addWidget(self.auto_list)
        layout.addStretch(1)
        self.backup_button.clicked.connect(self._on_backup)
        self.restore_button.clicked.connect(self._on_restore)
        for button in (self.backup_button, self.restore_button, self.auto_list.restore_button):
            enable_for(self.session, button, Permission.BACKUP)
        return tab

    def _on_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("备份到"), self.tr("邻里帮备份") + ".sqlite3")
        if path:
            self.start_backup(path)

    def start_backup(self, target: str) -> runner.Job:
        """Back up on a job with its own session; ``backup_done`` reports."""
        self.backup_button.setEnabled(False)
        self.backup_status.setText(self.tr("正在备份…"))
        return runner.start(backups.backup, target, session=self.session, writes=True,
                            done=lambda saved: self.backup_done.emit(
                                self.tr("已备份到 %1").replace("%1", str(saved))),
                            failed=lambda error: self.backup_done.emit(
                                self.tr("备份失败：%1").replace("%1", str(error))),
                            owner=self)

    def _on_backup_done(self, message: str) -> None:
        self.backup_button.setEnabled(True)
        self.backup_status.setText(message)

    def _on_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"))
        if path:
            self.confirm_restore(path, path)

    def confirm_restore(self, source: str, named: str) -> QMessageBox:
        """Ask first (window-modal, not blocking); 是 starts the restore."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("从备份恢复"), self.tr(
            "恢复会用备份“%1”替换当前的全部数据（当前数据另存一份，可以再恢复回来）。继续吗？")
            .replace("%1", named), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("settings.restore_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: box.standardButton(button)
                                  == QMessageBox.StandardButton.Yes and self.start_restore(source))
        box.open()
        return box

    def start_restore(self, source: str) -> None:
        """Restore on a job; ``restore_done`` reports.

        This window holds the database's lock, so the restore goes ahead here (a command-line
        restore is refused while the window is open). The window is disabled meanwhile and
        the street publisher starts no publish; a job still running on the file (a publish,
        a backup) ends first, since what it writes afterwards would land in the restored data
        (a publish's marks would drop the backup's unpublished changes). Then the window's own
        connection is closed (on this thread, which owns it); afterwards it reopens the
        restored file and every page hears that all tables changed.
        """
        self.session.require(Permission.BACKUP)
        self.window().setEnabled(False)
        StreetPublishing.of(self.session, self._signals).pause()
        self.backup_status.setText(self.tr("正在等待上报、备份等后台工作结束，然后从备份恢复…"))
        runner.after_running(self, lambda: self._restore(source))

    def _restore(self, source: str) -> None:
        if runner.busy():       # a job one of those started on delivery (the roll-call's next)
            runner.after_running(self, lambda: self._restore(source))
            return
        self.backup_status.setText(self.tr("正在从备份恢复，请稍候…"))
        self.session.close_for_restore()    # no page reads the file until it is open again
        runner.start(backups.restore, self.session.actor, self.session.path, source,
                     done=lambda kept: self.restore_done.emit(True, str(kept)),
                     failed=lambda error: self.restore_done.emit(False, str(error)),
                     owner=self)

    def _on_restore_done(self, restored: bool, message: str) -> None:
        # restored or not, the file is whole (a backup is checked before anything is replaced);
        # every page hears that all tables changed. Unless it was damaged before and no backup
        # took its place: then the window shows no page, whose rows are of a file now gone.
        try:
            self.session.reopen()
        except StoreError as error:
            self._file_lost(error)
            return
        StreetPublishing.of(self.session, self._signals).resume()
        self.window().setEnabled(True)
        if not restored:
            self.backup_status.setText(self.tr("恢复失败：{0}。当前数据没有改动。").format(message))
            self._tell(QMessageBox.Icon.Critical, self.tr("恢复失败"), self.backup_status.text())
            return
        self.auto_list.reload()
        text = self.tr("已恢复。原数据另存为 {0}。").format(message)
        self.backup_status.setText(text)
        self._tell(QMessageBox.Icon.Information, self.tr("恢复完成"), text)

    def _file_lost(self, error: StoreError) -> None:
        text = self.tr("恢复后无法打开数据库文件 {0}：{1}\n窗口中不再显示这个文件的数据。"
                       "请关闭邻里帮，再用命令 python main.py restore 备份文件 --db {0}"
                       " 恢复一个完好的备份。").format(self.session.path, error)
        self.backup_status.setText(text)
        self._signals.file_lost.emit(text)
        self.window().setEnabled(True)      # to be closed
        self._tell(QMessageBox.Icon.Critical, self.tr("无法打开数据库"), text)

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("settings.restore_message")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
