"""Starting the window: display check, single instance, first-start choice, qasync loop."""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths

if TYPE_CHECKING:   # main.py imports this module before Qt, to say there is no display
    from PySide6.QtWidgets import QDialog

    from ..services.session import Actor, Session
    from ..store.connection import IntegrityCheck
    from . import runner


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name)
    """Marks ``text`` for pyside6-lupdate without importing Qt (main.py imports this module
    before Qt, to say there is no display)."""
    return text


NO_DISPLAY = QT_TRANSLATE_NOOP(
    "App", "邻里帮：这台电脑没有图形显示（没有 DISPLAY），无法打开窗口。"
    "可以用虚拟显示运行：xvfb-run -a make run ；命令行功能见 python main.py --help")


def display_problem() -> str | None:
    """On Linux without a display, one line that says so and how to run anyway."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    from .look import translate_without_app

    return translate_without_app("App", NO_DISPLAY)


def _tr(text: str) -> str:
    """``text`` in the UI language; call with a literal marked by QT_TRANSLATE_NOOP("App", …)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("App", text)


def run_window(db_path: Path) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    # The store before Qt: PySide reads the source of every module imported after it (to
    # see whether the module asks for one of its __feature__s), ~0.3 ms a module.
    from ..refcounts import keep_singletons_alive
    from ..services.session import Session
    from ..store.connection import IntegrityCheck, open_database, writable_or_refuse
    from ..store.errors import StoreError, explain

    keep_singletons_alive()     # PySide6 6.12 on Python 3.11 (refcounts.py): the whole session
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .gui_gc import collect_on_gui_thread
    from .look import apply_look
    from .window_lock import take_window_lock

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("邻里帮")   # names the settings folder: never translated
    app.setOrganizationName("LinLiBang")
    apply_look(app)
    collect_on_gui_thread(app)  # cycles freed where their Qt objects live (gui_gc.py)

    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        QMessageBox.critical(None, _tr(QT_TRANSLATE_NOOP("App", "邻里帮：无法打开数据库")),
                             str(explain(error, db_path.parent)))
        return 1
    lock, refused = take_window_lock(db_path)
    if refused:
        QMessageBox.warning(None, _tr(QT_TRANSLATE_NOOP("App", "邻里帮")), refused)
        return 1

    first_start = not db_path.exists() or db_path.stat().st_size == 0
    check = IntegrityCheck(db_path)
    try:
        db = open_database(db_path, verify=check)
    except StoreError as error:
        QMessageBox.critical(None, _tr(QT_TRANSLATE_NOOP("App", "邻里帮：无法打开数据库")), str(error))
        return 1
    try:
        writable_or_refuse(db, db_path)   # logging in writes: a read-only file is said at once
    except StoreError as error:
        db.close()
        QMessageBox.critical(None, _tr(QT_TRANSLATE_NOOP("App", "邻里帮：无法打开数据库")), str(error))
        return 1
    session = Session(db)
    install_crash_handler(db_path)
    if first_start:
        offer_demo(session)
    start = _WhileTyping(check, session)
    actor = log_in(db, while_typing=start.begin, may_write=start.ready)
    start.finish()          # nothing is left, unless the dialog closed before its first paint
    if start.refused is not None:
        db.close()
        QMessageBox.critical(None, _tr(QT_TRANSLATE_NOOP("App", "邻里帮：无法打开数据库")),
                             str(start.refused))
        return 1
    if actor is None:
        start.settle()
        db.close()
        lock.unlock()
        return 0
    import asyncio

    import qasync

    from . import runner

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    windows = _Windows(app, logged_in(session, actor))
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    try:
        with loop:
            loop.run_until_complete(closed.wait())
    finally:
        windows.window.auto_backups.stop()
        runner.wait_all()       # no job thread outlives the window
        windows.db.close()      # a restore in the window reopened it: close the one in use
        lock.unlock()
    return 0


class _Windows:
    """The main window, and the next one when someone else logs in at the same PC (换人登录):
    the window closes as it does at the program's end (its background work done first), the
    login dialog asks who comes next, and the new person's window opens where the old one was.
    Cancelling that login ends the program."""

    def __init__(self, app, session: Session):
        self._app = app
        self.window = self._open(session)

    @property
    def db(self):
        return self.window.session.db      # a restore in the window may have reopened it

    def _open(self, session: Session, where=None):
        from PySide6.QtCore import QTimer

        from .auto_backup import AutoBackups
        from .idle_lock import IdleLock
        from .main_window import MainWindow

        window = MainWindow(session)
        window.idle_lock = IdleLock(window, session)
        window.auto_backups = AutoBackups(window, session)
        # after the click's own handling (and any dialog the lock screen closed) is done
        window.switch_user.connect(lambda: QTimer.singleShot(0, self._switch))
        if where is not None:
            window.setGeometry(where.geometry())
        if where is not None and where.isMaximized():
            window.showMaximized()
        else:
            window.show()
        window.auto_backups.start()
        window.street_publishing.start()
        return window

    def _switch(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ..services.admin import users
        from ..services.session import Session
        from ..store.errors import StoreError
        from . import runner

        old = self.window
        self._app.setQuitOnLastWindowClosed(False)     # the login comes before the next window
        try:
            old.auto_backups.stop()
            old.idle_lock.stop()
            old.close()
            runner.wait_all()
            try:
                users.log_out(old.session)
            except StoreError as error:     # the entry is lost, nothing else: say so, go on
                QMessageBox.warning(None, _tr(QT_TRANSLATE_NOOP("App", "邻里帮")), str(error))
            actor = log_in(old.session.db, while_typing=lambda _dialog: None, may_write=lambda: True)
            if actor is None:
                self._app.quit()
                return
            self.window = self._open(Session(old.session.db, actor), where=old)
            old.deleteLater()
        finally:
            self._app.setQuitOnLastWindowClosed(True)


def logged_in(before_login: Session, actor: Actor) -> Session:
    """The window's session for the person who logged in, on the same connection. What the
    start began before the login (the retention purge, which may still run while the window
    opens) announces its changes to ``before_login``: they are passed on, so that a page
    opened meanwhile drops the rows the purge anonymised."""
    from ..services.session import Session

    session = Session(before_login.db, actor)
    before_login.subscribe(session.announce)
    return session


class _WhileTyping:
    """What the start still needs, done once the login dialog is on the screen, while the
    person types the password, rather than before it: the integrity check on the runner (on
    a big file it reads for longer than the rest of the start), then, once it passed, the
    retention purge on the runner (its first query imports sqlite-utils, ~0.15 s) and the
    import of asyncio and qasync (~0.1 s). A damaged file closes the dialog before anything
    was written to it."""

    def __init__(self, check: IntegrityCheck, session: Session):
        self.refused: Exception | None = None
        self._check, self._session = check, session
        self._checking: runner.Job | None = None
        self._rest = [self._purge, lambda: importlib.import_module("qasync")]

    def begin(self, dialog: QDialog) -> None:
        from . import runner

        self._checking = runner.start(self._check.run, done=lambda _: self._checked(dialog),
                                      owner=dialog)

    def ready(self) -> bool:
        """Before the dialog writes (a wrong password counted, the 登录 entry): waits for
        the check, which someone typing fast on a big file can overtake; False when the file
        is damaged."""
        if self._checking is not None:
            self._checking.wait()
        return self._passed()

    def finish(self) -> None:
        """Once the dialog closed: what did not happen yet, in order."""
        if self._checking is not None:
            self._checking.wait()
        self._checked(None)

    def settle(self) -> None:
        """No window follows (the login was cancelled): the purge ends before the file is
        closed and its lock given up, rather than with the process."""
        from . import runner

        runner.wait_all()

    def _checked(self, dialog: QDialog | None) -> None:
        if not self._passed():
            if dialog is not None:
                dialog.reject()
            return
        while self._rest:
            self._rest.pop(0)()

    def _passed(self) -> bool:
        from ..store.errors import StoreError

        try:
            self._check.result()        # run here if the dialog closed before its first paint
        except StoreError as error:     # the file is damaged
            self.refused = error
            self._rest.clear()
            return False
        return True

    def _purge(self) -> None:
        from . import runner

        runner.start(purge_expired, session=self._session, writes=True)


def purge_expired(session) -> None:
    """Archived people past the retention period are anonymised at every start (on the
    runner, with a writing session of its own)."""
    from ..services.admin import retention
    from ..store.errors import StoreError

    try:
        retention.purge(session)
    except StoreError as error:  # a read-only or busy file: the window still opens
        print(f"邻里帮：{error}", file=sys.stderr)


def offer_demo(session) -> None:
    """On the very first start, ask whether to load the demo community or begin empty."""
    from PySide6.QtWidgets import QMessageBox

    from ..services import demo

    box = QMessageBox()
    box.setWindowTitle(_tr(QT_TRANSLATE_NOOP("App", "欢迎使用邻里帮")))
    box.setText(_tr(QT_TRANSLATE_NOOP(
        "App", "这是第一次打开邻里帮。\n\n要先装入一个演示社区看看效果，还是从空白开始录入自己的社区？")))
    demo_button = box.addButton(_tr(QT_TRANSLATE_NOOP("App", "装入演示社区")),
                                QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr(QT_TRANSLATE_NOOP("App", "从空白开始")), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is demo_button:
        demo.build(session)


def log_in(db, while_typing: Callable[[QDialog], None], may_write: Callable[[], bool]):
    """The login dialog; on the very first start (no users yet) create the administrator.
    ``while_typing(dialog)`` runs once the dialog has been painted; ``may_write()`` before
    the dialog writes to the file."""
    from ..services.admin import users
    from .dialogs.login_dialog import FirstAdminDialog, LoginDialog
    from .first_paint import after_first_paint

    dialog = (LoginDialog(db, may_write=may_write) if users.has_users(db)
              else FirstAdminDialog(db, may_write=may_write))
    after_first_paint(dialog, lambda: while_typing(dialog))
    if dialog.exec() != dialog.DialogCode.Accepted:
        return None
    return dialog.actor


def known_failure(error: BaseException, db_path: Path) -> str | None:
    """The Chinese line for a failure of the file or the disk; None for a bug."""
    import sqlite3

    from ..store.errors import ENVIRONMENTAL, SavedMeanwhile, StoreError, explain

    if isinstance(error, StoreError):
        return str(error)
    if isinstance(error, (sqlite3.Error, OSError)):
        explained = explain(error, getattr(error, "filename", None) or db_path)
        if isinstance(explained, (*ENVIRONMENTAL, SavedMeanwhile)) or isinstance(error, OSError):
            return str(explained)
    return None


def crash_report_path(db_path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return db_path.parent / f"邻里帮错误报告-{stamp}.txt"


def install_crash_handler(db_path: Path) -> None:
    """A bug shows a short apology and saves a report beside the database; data stays as it was
    because every write is one transaction that the exception rolled back."""

    def handle(kind, value, tb) -> None:
        from ..services.permissions import PermissionDenied

        if issubclass(kind, PermissionDenied):  # a refusal, not a bug: say it plainly
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(None, _tr(QT_TRANSLATE_NOOP("App", "没有权限")), str(value))
            return
        known = known_failure(value, db_path)
        if known is not None:   # the file failed (full, read-only, busy…), not the program
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(None, _tr(QT_TRANSLATE_NOOP("App", "邻里帮：无法保存")), known)
            return
        report = crash_report_path(db_path)
        try:
            report.write_text("".join(traceback.format_exception(kind, value, tb)), encoding="utf-8")
            where = _tr(QT_TRANSLATE_NOOP("App", "错误报告已保存到：\n%1")).replace("%1", str(report))
        except OSError:
            where = _tr(QT_TRANSLATE_NOOP("App", "错误报告无法保存。"))
        sys.__excepthook__(kind, value, tb)
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance():
            QMessageBox.critical(None, _tr(QT_TRANSLATE_NOOP("App", "邻里帮出错了")), _tr(QT_TRANSLATE_NOOP(
                "App", "很抱歉，程序出了一个错误，刚才的操作没有保存，之前的数据都还在。\n\n%1\n"
                "请把这个文件发给技术支持人员。")).replace("%1", where))

    sys.excepthook = handle


__all__ = ["display_problem", "paths", "run_window"]
