"""The idle lock: after ``security.idle_lock_minutes`` without input the window is covered
and asks the same user's password again (shared office PCs)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.admin import settings, users
from ..services.session import Session
from .first_paint import after_first_paint
from .gui_gc import note_input

INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                          QEvent.Type.MouseMove, QEvent.Type.Wheel})


class LockScreen(QWidget):
    """Covers the whole window; only the password field and button can be used."""

    def __init__(self, parent: QWidget, who: str):
        super().__init__(parent)
        self.setObjectName("idle_lock")
        # Opaque, so that nobody passing the desk reads the residents' data underneath.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#idle_lock { background: #eef1f4; }")
        title = QLabel(self.tr("窗口已锁定"))
        title.setProperty("role", "page-title")
        hint = QLabel(self.tr("长时间没有操作，为保护居民信息，窗口已锁定。请{0}输入密码继续。").format(who))
        hint.setWordWrap(True)
        hint.setFixedWidth(360)
        self.password = QLineEdit(objectName="idle_lock.password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setFixedWidth(360)
        self.submit = QPushButton(self.tr("解锁"), objectName="idle_lock.submit")
        self.submit.setFixedWidth(360)
        # someone else at the shared PC: the window closes and asks who logs in
        self.switch = QPushButton(self.tr("换人登录"), objectName="idle_lock.switch_user")
        self.switch.setFixedWidth(360)
        self.error = QLabel(objectName="idle_lock.error")
        self.error.setStyleSheet("color: #b3261e;")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (title, hint, self.password, self.submit, self.switch, self.error):
            layout.addWidget(widget)


class IdleLock(QObject):
    """Watches every input event of the application; the window locks after the interval."""

    def __init__(self, window: QMainWindow, session: Session):
        super().__init__(window)
        self._window = window
        self._session = session
        self.screen: LockScreen | None = None      # where the password is typed
        self._covers: dict[QWidget, LockScreen] = {}     # each covered window → its cover
        self._disabled: list[QWidget] = []
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.lock)
        minutes = int(settings.get(session, "security.idle_lock_minutes") or 0)
        # The built-in administrator (no password) and 0 minutes mean no lock.
        self.enabled = bool(minutes > 0 and session.actor.login)
        self.timer.setInterval(max(minutes, 1) * 60_000)
        # Every event of the application passes through Python from here on: not before the
        # window's first paint, which sends a thousand events (issue 16's start-up).
        if window.isVisible():
            self._watch_input()
        else:
            after_first_paint(window, self._watch_input)
        window.installEventFilter(self)
        if self.enabled:
            self.timer.start()

    def _watch_input(self) -> None:
        QApplication.instance().installEventFilter(self)

    def set_interval_ms(self, ms: int) -> None:
        self.timer.setInterval(ms)
        if self.enabled:
            self.timer.start()

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if "_window" not in self.__dict__:
            # The collector clears a dead window's objects before Qt deletes them, and the
            # window's teardown still sends events through this application-wide filter.
            return False
        if event.type() == QEvent.Type.Resize and watched in self._covers:
            self._covers[watched].setGeometry(watched.rect())
        elif event.type() in INPUT_EVENTS:
            note_input()            # the collector's full pass waits for a pause (gui_gc)
            if not self.locked and self.enabled:
                self.timer.start()
        return False

    def lock(self) -> None:
        """Cover the window and every dialog open on it (a resident's dialog shows the same
        data, and a modal one takes the input the window's cover would need); the password
        is asked on the dialog that has the input, if one does."""
        if self.locked or not self.enabled:
            return
        modal = QApplication.activeModalWidget()
        central = self._window.centralWidget()
        # A modal dialog keeps the window's input from it already; disabled, the window would
        # disable the dialogs its pages opened too, and the cover where the password goes.
        if modal is None and central is not None and central.isEnabled():
            central.setEnabled(False)
            self._disabled.append(central)
        for window in [self._window, *self._open_dialogs()]:
            self._covers[window] = self._cover(window)
        self.screen = self._covers.get(modal) or self._covers[self._window]
        self.screen.password.setFocus()

    def _open_dialogs(self) -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets()
                if w is not self._window and w.isVisible() and w.isWindow()
                and w.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
                and not isinstance(w, LockScreen)]

    def _cover(self, window: QWidget) -> LockScreen:
        if window is not self._window:
            # what is under the cover takes no keys either: Tab from the password, or Enter
            # passed on to the dialog's default button
            for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                if child.isEnabled() and not child.isWindow():
                    child.setEnabled(False)
                    self._disabled.append(child)
        screen = LockScreen(window, self._session.actor.name)
        screen.setGeometry(window.rect())
        screen.submit.clicked.connect(lambda: self._on_unlock(screen))
        screen.password.returnPressed.connect(lambda: self._on_unlock(screen))
        screen.switch.clicked.connect(self._on_switch)
        window.installEventFilter(self)
        screen.show()
        screen.raise_()
        return screen

    def _on_unlock(self, screen: LockScreen) -> None:
        try:
            users.authenticate(self._session.db, self._session.actor.login, screen.password.text())
        except users.LoginError as error:
            screen.error.setText(str(error))
            screen.password.clear()
            return
        for window, cover in self._covers.items():
            cover.hide()
            cover.deleteLater()
            if window is not self._window:
                window.removeEventFilter(self)
        self._covers.clear()
        self.screen = None
        for widget in self._disabled:
            widget.setEnabled(True)
        self._disabled.clear()
        self.timer.start()

    def _on_switch(self) -> None:
        """换人登录 on the lock: someone else at the PC. What the locked user left open in a
        dialog is not saved, so that is asked first; then the dialogs close and the window
        hands over (MainWindow.switch_user)."""
        dialogs = [w for w in self._covers if w is not self._window]
        if dialogs:
            asked = QMessageBox.question(
                self.screen, self.tr("换人登录"),
                self.tr("%1 还有 %n 个窗口没有关闭，换人登录会关闭它们，里面没保存的内容不会保存。"
                        "\n\n要换人登录吗？", "", len(dialogs)).replace("%1", self._session.actor.name))
            if asked != QMessageBox.StandardButton.Yes:
                return
            for dialog in dialogs:
                dialog.close()
        self._window.switch_user.emit()

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)
