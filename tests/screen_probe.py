"""Open every page and every dialog on the demo community and report what does not fit.

Run by tests/test_screen_fit.py in a child process whose offscreen screen is an office
screen (the platform's screen is fixed when the QApplication starts, so each screen size
needs a process of its own). Prints one JSON object: the usable size, the dialogs opened and
the problems found, each in words.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QDialog, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TODAY = date(2026, 11, 28)
# what the dialogs are built on, never opened by itself
BASES = {"ServiceDialog"}


def dialog_classes() -> set[str]:
    """Every QDialog subclass the app defines, so a new dialog cannot be forgotten here."""
    import volunteer_app.ui as ui

    found = set()
    for info in pkgutil.walk_packages(ui.__path__, "volunteer_app.ui."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if (issubclass(cls, QDialog) and cls.__module__ == module.__name__
                    and not name.startswith("_") and name not in BASES):
                found.add(name)
    return found


def _factories(session, db) -> dict[str, Callable[[], QDialog]]:
    from volunteer_app.domain.requests import BIN_DUTY
    from volunteer_app.services.care import pairing
    from volunteer_app.services.people import teams
    from volunteer_app.services.scheduling import schedule
    from volunteer_app.ui import runner
    from volunteer_app.ui.dialogs import (
        alert_dialogs,
        alert_print_dialogs,
        alert_sheet_dialog,
        alert_start_dialog,
        assign_dialog,
        attendance_dialog,
        fill_gaps_dialog,
        import_dialog,
        jielong_dialog,
        login_dialog,
        places_dialog,
        print_dialogs,
        record_dialog,
        request_dialogs,
        request_import,
        requests_report_dialog,
        resident_dialog,
        roster_dialog,
        service_type_dialog,
        task_dialog,
        team_dialog,
        user_dialog,
        visit_dialog,
        volunteer_dialog,
    )
    from volunteer_app.ui.ledger_actions import ExportDialog

    def first(sql: str) -> int:
        return db.execute(sql).fetchone()[0]

    resident = first("SELECT id FROM residents ORDER BY id LIMIT 1")
    volunteer = first("SELECT id FROM volunteers ORDER BY id LIMIT 1")
    team = teams.list_teams(session)[0]
    shift = schedule.week(session, TODAY)[0]
    pair = pairing.active_pairs(session)[0]
    record = dict(db.query("SELECT * FROM service_records ORDER BY id LIMIT 1").__next__())
    alert = first("SELECT id FROM alerts ORDER BY id DESC LIMIT 1")
    alert_row = {"id": alert, "title": "暴雪橙色预警"}
    return {
        "StartAlertDialog": lambda: alert_start_dialog.StartAlertDialog(session),
        "NeedsDialog": lambda: alert_dialogs.NeedsDialog(session, "—", print),
        "DoorOutcomeDialog": lambda: alert_dialogs.DoorOutcomeDialog(session, "—", print),
        "HandlerDialog": lambda: alert_dialogs.HandlerDialog(session, "—", [("—", volunteer)], print),
        "NeedDoneDialog": lambda: alert_dialogs.NeedDoneDialog(session, "需要帮助已办", "办理情况", print),
        "InsuranceDialog": lambda: alert_dialogs.InsuranceDialog(session, ["铲冰除雪任务还没有登记保险"], print),
        "CloseAlertDialog": lambda: alert_dialogs.CloseAlertDialog(session, alert_row, 3),
        "LogSheetDialog": lambda: alert_sheet_dialog.LogSheetDialog(session, alert, {}),
        "CallSheetDialog": lambda: alert_print_dialogs.CallSheetDialog(session, alert, [("—", volunteer)]),
        "AlertReportDialog": lambda: alert_print_dialogs.AlertReportDialog(session, alert),
        "PlacesDialog": lambda: places_dialog.PlacesDialog(session),
        "ResidentDialog": lambda: resident_dialog.ResidentDialog(session, resident),
        "VolunteerDialog": lambda: volunteer_dialog.VolunteerDialog(session, volunteer),
        "RecordDialog": lambda: record_dialog.RecordDialog(session, record),
        "ServiceTypeDialog": lambda: service_type_dialog.ServiceTypeDialog(session),
        "TeamNameDialog": lambda: team_dialog.TeamNameDialog(session, team),
        "JoinTeamDialog": lambda: team_dialog.JoinTeamDialog(
            session, {"id": volunteer, "name": "—"}, team["id"]),
        "TaskDialog": lambda: task_dialog.TaskDialog(session, team["id"]),
        "ShiftDialog": lambda: task_dialog.ShiftDialog(session, shift),
        "CancelShiftDialog": lambda: task_dialog.CancelShiftDialog(session, shift),
        "AssignDialog": lambda: assign_dialog.AssignDialog(session, shift.id),
        "AttendanceDialog": lambda: attendance_dialog.AttendanceDialog(session, shift.id),
        "JielongDialog": lambda: jielong_dialog.JielongDialog(session, shift.id),
        "FillGapsDialog": lambda: fill_gaps_dialog.FillGapsDialog(session, [team["id"]], TODAY),
        "RosterDialog": lambda: roster_dialog.RosterDialog(session, team["id"], TODAY),
        "ImportDialog": lambda: import_dialog.ImportDialog(session, "residents"),
        "RequestImportDialog": lambda: request_import.RequestImportDialog(session, runner),
        "CertificateDialog": lambda: print_dialogs.CertificateDialog(session, [volunteer]),
        "MonthlyDialog": lambda: print_dialogs.MonthlyDialog(session, team["id"]),
        "ExportDialog": lambda: ExportDialog(session, "residents"),
        "VisitDialog": lambda: visit_dialog.VisitDialog(session, pair),
        "NewRequestDialog": lambda: request_dialogs.NewRequestDialog(session),
        "NoteDialog": lambda: request_dialogs.NoteDialog(session, "反馈办理结果", "办理结果", print),
        "CallbackDialog": lambda: request_dialogs.CallbackDialog(session, 1),
        "StaffDialog": lambda: request_dialogs.StaffDialog(session, "派给工作人员", print),
        "TeamTaskDialog": lambda: request_dialogs.TeamTaskDialog(session, "派给队伍（建任务）", print,
                                                                 BIN_DUTY),
        "RequestsReportDialog": lambda: requests_report_dialog.RequestsReportDialog(session, "2026-11"),
        "LoginDialog": lambda: login_dialog.LoginDialog(db),
        "FirstAdminDialog": lambda: login_dialog.FirstAdminDialog(db),
        "UserDialog": lambda: user_dialog.UserDialog(session),
    }


def _reachable(button: QWidget, top: QWidget) -> bool:
    """A button inside a scroll area (a scrolled form, a table's cell) is reached by scrolling.
    Not one that only the page's own scroll area reaches: a page's buttons are on the screen
    without scrolling the whole page away (its area scrolls only below its minimum size)."""
    parent = button.parentWidget()
    while parent is not None and parent is not top:
        page_area = parent.parentWidget() is not None and parent.parentWidget().objectName() == "pages"
        if isinstance(parent, QAbstractScrollArea) and not page_area:
            return True
        parent = parent.parentWidget()
    return False


def _problems(top: QWidget, what: str, room) -> list[str]:
    out = []
    size, least = top.size(), top.minimumSizeHint()
    if size.width() > room.width() or size.height() > room.height():
        out.append(f"{what}: opens at {size.width()}×{size.height()}, more than the screen's "
                   f"{room.width()}×{room.height()}")
    if least.width() > room.width() or least.height() > room.height():
        out.append(f"{what}: needs at least {least.width()}×{least.height()}, more than the "
                   f"screen's {room.width()}×{room.height()}")
    for button in top.findChildren(QAbstractButton):
        if not button.isVisibleTo(top) or _reachable(button, top):
            continue
        rect = QRect(button.mapTo(top, QPoint(0, 0)), button.size())
        if not top.rect().contains(rect):
            out.append(f"{what}: button “{button.text() or button.objectName()}” lies outside "
                       f"the window ({rect.x()},{rect.y()} {rect.width()}×{rect.height()})")
    return out


def _scrolls_needlessly(window: QWidget, key: str) -> list[str]:
    """A page scrolls only when it cannot be laid out in the room it has: one whose least
    height fits still shows everything (the 极端天气 roll-call's buttons once sat below the
    fold at 1280×720 because Qt gave a page with a word-wrapped label its preferred height)."""
    area = window.findChild(QAbstractScrollArea, f"page.{key}.scroll")
    if area is None or not area.verticalScrollBar().isVisible():
        return []
    content = area.widget()
    width = area.viewport().width()
    layout = content.layout()
    least = max(content.minimumSizeHint().height(),
                layout.minimumHeightForWidth(width) if layout is not None else 0)
    if least > area.height():
        return []
    return [f"page {key}: scrolls although it fits ({least} high in {area.height()})"]


def _more_list_problems(window: QWidget, room) -> list[str]:
    """The week's "另有N个" list: the running warning's duty shifts, all at the same hours, are
    more than a day shows side by side."""
    from PySide6.QtGui import QGuiApplication

    view = window.show_page("schedule").week_view
    chips = view.chips()
    if not chips:
        return ["page schedule: the warning's duty shifts show no 另有N个 chip"]
    popup = view.open_more(chips[0])
    QApplication.processEvents()
    out = _problems(popup, "schedule's 另有N个 list", room)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    if not screen.contains(popup.frameGeometry()):
        out.append(f"schedule's 另有N个 list: opens at {popup.frameGeometry()}, past the screen's {screen}")
    popup.close()
    return out


def _start_warning(session) -> None:
    from volunteer_app.domain.weather import AlertLevel, AlertType
    from volunteer_app.services.alerts import start
    start.start(session, start.StartRequest(AlertType.SNOW, AlertLevel.ORANGE))


def main() -> int:
    from volunteer_app.services import demo
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database
    from volunteer_app.ui.look import apply_look
    from volunteer_app.ui.main_window import MainWindow
    from volunteer_app.ui.screen_fit import usable_size

    app = QApplication(sys.argv)
    apply_look(app)
    folder = tempfile.mkdtemp()
    db = open_database(Path(folder) / "demo.sqlite3")
    session = Session(db, BUILTIN_ADMIN, today=lambda: TODAY)
    demo.build(session)
    _start_warning(session)     # the 极端天气 page at its fullest: a running warning
    room = usable_size()
    problems: list[str] = []

    window = MainWindow(session)
    window.show()
    for key in window.page_keys:
        window.show_page(key)
        app.processEvents()
        problems += _problems(window, f"page {key}", room)
        problems += _scrolls_needlessly(window, key)
    problems += _more_list_problems(window, room)

    opened = []
    for name, make in _factories(session, db).items():
        dialog = make()
        dialog.show()
        app.processEvents()
        problems += _problems(dialog, name, room)
        opened.append(name)
        dialog.reject()
        dialog.deleteLater()
        app.processEvents()
    window.close()
    print(json.dumps({"room": [room.width(), room.height()], "pages": window.page_keys,
                      "opened": opened, "defined": sorted(dialog_classes()),
                      "problems": problems}, ensure_ascii=False))
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
