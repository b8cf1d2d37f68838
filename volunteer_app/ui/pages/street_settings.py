"""设置 → 街道服务器: where this community publishes, with what, and what leaves the PC.

The address, user and 每分钟自动上报 are saved in the file; the password and the street's
key go to the system's keyring (services/street/config.py). 测试连接 and 立即上报 run off the
GUI thread; 立即上报 goes through the window's one publisher (ui/street_publishing.py), so
it never runs beside an automatic publish. The lists of what is published and what never
is are read from the one declaration, services/street/published.py.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.permissions import Permission, PermissionDenied
from ...services.session import Session
from ...services.street import config, reporting
from ...services.street.config import StreetConfig, StreetConfigError
from ...services.street.hangup import Hangup
from ...services.street.published import NEVER_PUBLISHED, PUBLISHED
from .. import runner
from ..permissions import enable_for
from ..screen_fit import scrolling
from ..signals import DataSignals
from ..street_publishing import StreetPublishing


class StreetSettingsTab(QWidget):
    checked = Signal(object)        # 测试连接's ConnectionCheck, or the exception

    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.publishing = StreetPublishing.of(session, signals)
        self.publishing.finished.connect(self._on_published)
        self.checked.connect(self._on_checked)
        self._checking: runner.Job | None = None
        self._check_hangup: Hangup | None = None      # 测试连接's way out when the window closes
        self._asked = self._answered = 0    # the keyring, asked what is saved: newest answer wins
        self._publishing_now = False        # 立即上报 was pressed here: its outcome is told here
        body = QWidget(objectName="street.body")
        column = QVBoxLayout(body)
        column.addWidget(self._hint(self.tr(
            "街道办事处用街道服务器（PostgreSQL）汇总各社区的情况。本社区的数据只上报下面列出的项目，"
            "姓名、身份证号、电话等个人信息从不离开这台电脑（个人信息保护法第6条：最小必要）。"
            "断网时照常使用，变更会攒着，连上后自动补报。")))
        column.addLayout(self._form())
        column.addLayout(self._buttons())
        self.message = QLabel(objectName="street.message")
        self.message.setWordWrap(True)
        column.addWidget(self.message)
        column.addWidget(self._published_list())
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        self._show_saved()

    # -- building -------------------------------------------------------------------------------
    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setProperty("role", "card-hint")
        return label

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.address = QLineEdit(objectName="street.url")
        self.address.setPlaceholderText(self.tr("主机:端口/数据库，如 192.168.1.10:5432/street"))
        self.user = QLineEdit(objectName="street.user")
        self.password = QLineEdit(objectName="street.password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.key = QLineEdit(objectName="street.key")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.auto = QCheckBox(self.tr("每分钟自动上报（连不上服务器时不打扰，只在状态栏显示）"),
                              objectName="street.auto")
        form.addRow(self.tr("服务器地址"), self._with_hint(self.address, self.tr(
            "也可以粘贴街道给的 postgresql:// 开头的完整地址。")))
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self._with_hint(self.password, self.tr(
            "保存在这台电脑的系统密码库（钥匙串）里，不写进数据文件和备份。")))
        form.addRow(self.tr("街道密钥"), self._with_hint(self.key, self.tr(
            "由街道统一下发，各社区填同一个：志愿者的身份证号只以用它加密后的摘要上报，"
            "街道据此合计同一人在各社区的服务时长。同样只存在系统密码库里。")))
        form.addRow("", self.auto)
        may = self.session.holds(Permission.SETTINGS)
        for field in (self.address, self.user, self.password, self.key):
            field.setReadOnly(not may)
        self.auto.setEnabled(may)
        return form

    def _with_hint(self, field: QWidget, text: str) -> QVBoxLayout:
        box = QVBoxLayout()
        box.addWidget(field)
        box.addWidget(self._hint(text))
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存"), objectName="street.save")
        self.test_button = QPushButton(self.tr("测试连接"), objectName="street.test")
        self.publish_button = QPushButton(self.tr("立即上报"), objectName="street.publish")
        for button, slot in ((self.save_button, self._on_save), (self.test_button, self._on_test),
                             (self.publish_button, self._on_publish)):
            button.clicked.connect(slot)
            enable_for(self.session, button, Permission.SETTINGS)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _published_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(QLabel(self.tr("上报的内容（只有这些离开这台电脑）")))
        self.published = QTableWidget(len(PUBLISHED), 2, objectName="street.published")
        self.published.setHorizontalHeaderLabels([self.tr("数据"), self.tr("上报的项目")])
        self.published.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.published.setWordWrap(True)
        self.published.verticalHeader().setVisible(False)
        header = self.published.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, table in enumerate(PUBLISHED):
            self.published.setItem(row, 0, QTableWidgetItem(table.title))
            self.published.setItem(row, 1, QTableWidgetItem(
                "、".join(column.title for column in table.columns)))
        # all rows at once, as tall as their wrapped text: the tab scrolls as a whole
        self.published.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header.sectionResized.connect(self._fit_rows)
        self._fit_rows()
        layout.addWidget(self.published)
        never = QLabel(self.tr("从不上报：%1。").replace("%1", "、".join(NEVER_PUBLISHED)),
                       objectName="street.never")
        never.setWordWrap(True)
        layout.addWidget(never)
        return box

    def _fit_rows(self) -> None:
        table = self.published
        table.resizeRowsToContents()        # 19 rows: cheap
        table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                             + table.verticalHeader().length() + 2 * table.frameWidth())

    # -- the saved values -----------------------------------------------------------------------
    def _show_saved(self) -> None:
        saved = config.load(self.session)
        self.address.setText(saved.url)
        self.user.setText(saved.user)
        self.auto.setChecked(saved.auto_publish)
        self.password.clear()
        self.key.clear()
        # Whether a password and the key are saved is asked of the keyring on the runner: its
        # import and first lookup (~0.1 s, a D-Bus call on Linux) held the tab's opening. A
        # slow keyring may answer the tab's opening after 保存 asked again: only the newest counts.
        self._asked += 1
        asked = self._asked
        runner.start(_saved_secrets, saved, done=lambda found: self._show_secrets(asked, found),
                     failed=lambda error: self._keyring_failed(asked, error), owner=self)

    @property
    def loading(self) -> bool:
        """The keyring has not answered yet (the fields' hints are not shown yet)."""
        return self._answered != self._asked

    def _show_secrets(self, asked: int, found: tuple[bool, bool]) -> None:
        if asked != self._asked:
            return          # an older question: the newer answer is on its way
        self._answered = asked
        has_password, has_key = found
        self.password.setPlaceholderText(self.tr("已保存（留空不修改）") if has_password else "")
        self.key.setPlaceholderText(self.tr("已保存（留空不修改）") if has_key else self.tr(
            "未填写：志愿者上报时不带身份证摘要"))

    def _keyring_failed(self, asked: int, error: BaseException) -> None:
        newest = asked == self._asked
        if newest:
            self._answered = asked
        if not isinstance(error, StreetConfigError):
            raise error
        if not newest:
            return          # an older question: the newer answer says it
        self._tell(str(error), error=True)      # no keyring on this PC: said at once

    def _typed(self) -> StreetConfig:
        return StreetConfig(self.address.text().strip(), self.user.text().strip(),
                            self.auto.isChecked())

    def _tell(self, text: str, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "")
        self.message.style().polish(self.message)
        self.message.setText(text)

    def save(self) -> bool:
        """Save what the form shows; a refused field is named and nothing is saved."""
        try:
            config.save_with_secrets(self.session, self._typed(), self.password.text(),
                                     self.key.text())
        except (StreetConfigError, PermissionDenied) as error:
            self._tell(str(error), error=True)
            return False
        self._show_saved()
        return True

    def _on_save(self) -> None:
        if self.save():
            self._tell(self.tr("已保存。"))

    # -- 测试连接 ---------------------------------------------------------------------------------
    def _on_test(self) -> None:
        if self._checking is not None:
            return
        self.test_button.setEnabled(False)
        self._tell(self.tr("正在连接街道服务器…"))
        self._check_hangup = self.publishing.hangup()
        self._checking = runner.start(
            reporting.check_typed, self.address.text(), self.user.text(), self.password.text(),
            self._check_hangup, session=self.session, writes=True, done=self.checked.emit,
            failed=self.checked.emit, owner=self)

    def _on_checked(self, outcome: object) -> None:
        self._checking = None
        self.test_button.setEnabled(True)
        if self._check_hangup is not None and self._check_hangup.is_cut:
            return                          # given up as the window closed: nobody to tell
        if isinstance(outcome, BaseException):
            self._tell(self.tr("连接失败：%1").replace("%1", str(outcome)), error=True)
            return
        seen = self.tr("本社区文件已在这台服务器上报过。") if outcome.publishes_here else self.tr(
            "本社区文件还没有在这台服务器上报过，第一次上报会发送全部内容。")
        self._tell(self.tr("连接成功：PostgreSQL %1，街道库第 %2 版。").replace(
            "%1", outcome.server_version).replace("%2", str(outcome.schema_version)) + seen)

    # -- 立即上报 ---------------------------------------------------------------------------------
    def _on_publish(self) -> None:
        changed = self._typed() != config.load(self.session) or self.password.text() or self.key.text()
        if changed and not self.save():     # what the form shows is what gets used
            return
        if not config.load(self.session).configured:
            self._tell(self.tr("请先填写服务器地址和用户名。"), error=True)
            return
        if self.publishing.run_now() is None:
            self._tell(self.tr("正在上报，请稍候…"))
            return
        self._publishing_now = True
        self.publish_button.setEnabled(False)
        self._tell(self.tr("正在上报…"))

    def _on_published(self, outcome: object) -> None:
        if not self._publishing_now:
            return          # an automatic publish: the status bar tells
        self._publishing_now = False
        self.publish_button.setEnabled(True)
        if isinstance(outcome, BaseException):
            self._tell(self.tr("上报失败：%1").replace("%1", str(outcome)), error=True)
            return
        if outcome.full:
            text = self.tr("已完整上报 %1 条（第一次上报，或服务器与本文件的记录需要对齐时，发送全部内容）")
        else:
            text = self.tr("已上报 %1 条变更")
        text = text.replace("%1", str(outcome.sent))
        if outcome.deleted:
            text += self.tr("，其中删除 %1 条").replace("%1", str(outcome.deleted))
        self._tell(text + self.tr("，待上报 %1 条。").replace("%1", str(outcome.waiting)))


def _saved_secrets(saved: StreetConfig) -> tuple[bool, bool]:
    """Whether the keyring holds the server's password and the street's key (on a job)."""
    has_password = saved.configured and config.password(saved.url, saved.user) is not None
    return has_password, config.street_key() is not None

