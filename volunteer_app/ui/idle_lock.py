"""The idle lock: after ``security.idle_lock_minutes`` without input the window is covered
and asks the same user's password again (shared office PCs)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.admin import settings, users
from ..services.session import Session

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
        self.error = QLabel(objectName="idle_lock.error")
        self.error.setStyleSheet("color: #b3261e;")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (title, hint, self.password, self.submit, self.error):
            layout.addWidget(widget)


class IdleLock(QObject):
    """Watches every input event of the application; the window locks after the interval."""

    def __init__(self, window: QMainWindow, session: Session):
        super().__init__(window)
        self._window = window
        self._session = session
        self.screen: LockScreen | None = None
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.lock)
        minutes = int(settings.get(session, "security.idle_lock_minutes") or 0)
        # The built-in administrator (no password) and 0 minutes mean no lock.
        self.enabled = bool(minutes > 0 and session.actor.login)
        self.timer.setInterval(max(minutes, 1) * 60_000)
        QApplication.instance().installEventFilter(self)
        window.installEventFilter(self)
        if self.enabled:
            self.timer.start()

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
        if watched is self._window and event.type() == QEvent.Type.Resize and self.screen:
            self.screen.setGeometry(self._window.rect())
        elif event.type() in INPUT_EVENTS and not self.locked and self.enabled:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked or not self.enabled:
            return
        central = self._window.centralWidget()
        if central is not None:
            central.setEnabled(False)
        self.screen = LockScreen(self._window, self._session.actor.name)
        self.screen.setGeometry(self._window.rect())
        self.screen.submit.clicked.connect(self._on_unlock)
        self.screen.password.returnPressed.connect(self._on_unlock)
        self.screen.show()
        self.screen.raise_()
        self.screen.password.setFocus()

    def _on_unlock(self) -> None:
        assert self.screen is not None
        try:
            users.authenticate(self._session.db, self._session.actor.login,
                               self.screen.password.text())
        except users.LoginError as error:
            self.screen.error.setText(str(error))
            self.screen.password.clear()
            return
        self.screen.hide()
        self.screen.deleteLater()
        self.screen = None
        central = self._window.centralWidget()
        if central is not None:
            central.setEnabled(True)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)
