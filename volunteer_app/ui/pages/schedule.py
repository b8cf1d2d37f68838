"""任务与排班: a team's week as a calendar or a list, and what captains do with it: new tasks,
changing or cancelling shifts, assigning people (ranked, with conflicts in words), filling
the gaps, a pasted WeChat 接龙, attendance after the shift, and the roster to hand out.

A week is one query (``schedule.week``): 2,000 shifts load and lay out in well under 100 ms
(bench/week_view.py), so it runs on the GUI thread. Every change goes through the services,
which check the permission again; a captain's buttons work only on their own team's shifts.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.people import teams
from ...services.permissions import Permission, Role
from ...services.scheduling import schedule
from ...services.session import Session
from ..forms import push_button
from ..signals import DataSignals
from ..tables import sorted_table
from ..widgets.shift_table import COLUMNS, SHIFT_ID_ROLE, ShiftTableModel
from ..widgets.week_view import CANCELLED, FILL, WeekView, describe, filled_in

# The dialogs are imported when first opened (each ``open_*`` below), not with the page: with
# the 接龙 parser and the roster's report they were a third of the page's first block.

WATCHED = frozenset({"tasks", "shifts", "assignments", "service_types", "teams", "volunteers",
                     "team_members", "places"})


# The chosen view looks pressed in the navigation's blue (style.qss has no :checked rule).
VIEW_SWITCH = "QPushButton:checked { background: #3d5a80; color: white; border-color: #3d5a80; }"


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_label(monday: date) -> str:
    """2026年第49周 11月30日–12月6日"""
    year, number, _ = monday.isocalendar()
    sunday = monday + timedelta(days=6)
    return filled_in(QCoreApplication.translate("SchedulePage", "%1年第%2周 %3月%4日–%5月%6日"), year, number,
                     monday.month, monday.day, sunday.month, sunday.day)


def _chip(text: str, background: str, edge: str) -> QLabel:
    chip = QLabel(text)
    chip.setStyleSheet(f"background:{background}; border-left:3px solid {edge}; padding:1px 6px;")
    return chip


class SchedulePage(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.dialog: QWidget | None = None          # the dialog opened last (tests drive it)
        self.monday = monday_of(session.today())
        self.shifts: list[schedule.ShiftView] = []
        self._selected_id = 0
        self._build()
        self.reload()
        signals.changed.connect(self._on_data_changed)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        heading = QLabel(self.tr("任务与排班"))
        heading.setProperty("role", "page-title")
        self.team = QComboBox(objectName="schedule.team")
        self.team.setMinimumWidth(220)
        self._fill_teams_combo()
        own = sorted(self.session.actor.team_ids)
        if self.session.actor.role == Role.CAPTAIN and own and self.team.findData(own[0]) >= 0:
            self.team.setCurrentIndex(self.team.findData(own[0]))
        self.previous_week = push_button(self.tr("上一周"), "schedule.previous")
        self.this_week = push_button(self.tr("本周"), "schedule.this_week")
        self.next_week = push_button(self.tr("下一周"), "schedule.next")
        self.week_title = QLabel(objectName="schedule.week_label")
        self.week_title.setProperty("role", "section-title")
        self.week_title.setStyleSheet("padding-top:0;")
        self.show_week = push_button(self.tr("周视图"), "schedule.view_week")
        self.show_list = push_button(self.tr("列表"), "schedule.view_list")
        views = QButtonGroup(self)
        for button in (self.show_week, self.show_list):
            button.setCheckable(True)
            button.setStyleSheet(VIEW_SWITCH)
            views.addButton(button)
        self.show_week.setChecked(True)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.team)
        toolbar.addSpacing(16)
        for widget in (self.previous_week, self.this_week, self.next_week):
            toolbar.addWidget(widget)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.week_title)
        toolbar.addStretch(1)
        toolbar.addWidget(self.show_week)
        toolbar.addWidget(self.show_list)

        self.week_view = WeekView()
        self.model = ShiftTableModel(self)
        self.table = sorted_table("schedule.table", self.model, [c.width for c in COLUMNS],
                                  QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.views = QStackedWidget(objectName="schedule.views")
        self.views.addWidget(self.week_view)
        self.views.addWidget(self.table)

        legend = QHBoxLayout()
        self.summary = QLabel(objectName="schedule.summary")
        self.summary.setProperty("role", "hint")
        legend.addWidget(self.summary)
        legend.addStretch(1)
        for text, colours in ((self.tr("缺人"), FILL["缺人"]), (self.tr("已够"), FILL["已够"]),
                              (self.tr("已满"), FILL["已满"]), (self.tr("已取消"), CANCELLED)):
            legend.addWidget(_chip(text, colours.background.name(), colours.edge.name()))
        self.details = QLabel(objectName="schedule.details")
        self.details.setWordWrap(True)
        self.details.setMinimumHeight(22)

        self.new_task = push_button(self.tr("新建任务"), "schedule.new_task", primary=True)
        self.edit_shift = push_button(self.tr("编辑班次"), "schedule.edit_shift")
        self.cancel_shift = push_button(self.tr("取消班次"), "schedule.cancel_shift")
        self.assign = push_button(self.tr("安排人员"), "schedule.assign", primary=True)
        self.fill = push_button(self.tr("一键补缺"), "schedule.fill")
        self.jielong = push_button(self.tr("接龙导入"), "schedule.jielong")
        self.attendance = push_button(self.tr("签到/签退"), "schedule.attendance")
        self.roster = push_button(self.tr("导出名单"), "schedule.roster")
        self.service_types = push_button(self.tr("服务类型"), "schedule.service_types")
        actions = QHBoxLayout()
        for button in (self.new_task, self.edit_shift, self.cancel_shift):
            actions.addWidget(button)
        actions.addSpacing(20)
        for button in (self.assign, self.fill, self.jielong, self.attendance):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.roster)
        actions.addWidget(self.service_types)
        self.message = QLabel(objectName="schedule.message")
        self.message.setProperty("role", "hint")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(heading)
        layout.addLayout(toolbar)
        layout.addLayout(legend)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.details)
        layout.addLayout(actions)
        layout.addWidget(self.message)

        scheduler = self.session.holds(Permission.SCHEDULE)
        for button in (self.new_task, self.edit_shift, self.cancel_shift, self.assign, self.fill,
                       self.jielong, self.attendance):
            button.setVisible(scheduler)
        self.service_types.setVisible(self.session.can(Permission.TEAM_WRITE))

        self.team.currentIndexChanged.connect(lambda _i: self.reload())
        self.previous_week.clicked.connect(lambda: self.go_to(self.monday - timedelta(days=7)))
        self.this_week.clicked.connect(lambda: self.go_to(monday_of(self.session.today())))
        self.next_week.clicked.connect(lambda: self.go_to(self.monday + timedelta(days=7)))
        self.show_week.toggled.connect(lambda on: self.views.setCurrentIndex(0 if on else 1))
        self.week_view.selected.connect(self.select)
        self.week_view.activated.connect(lambda _id: self._on_activated())
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row)
        self.table.doubleClicked.connect(lambda _index: self._on_activated())
        self.new_task.clicked.connect(self.open_new_task)
        self.edit_shift.clicked.connect(self.open_edit_shift)
        self.cancel_shift.clicked.connect(self.open_cancel_shift)
        self.assign.clicked.connect(self.open_assign)
        self.fill.clicked.connect(self.open_fill)
        self.jielong.clicked.connect(self.open_jielong)
        self.attendance.clicked.connect(self.open_attendance)
        self.roster.clicked.connect(self.open_roster)
        self.service_types.clicked.connect(self.open_service_types)

    def _fill_teams_combo(self) -> None:
        chosen = self.team.currentData()
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem(self.tr("全部队伍"), None)
        for team in teams.list_teams(self.session):
            self.team.addItem(team["name"], team["id"])
        self.team.setCurrentIndex(max(0, self.team.findData(chosen)))
        self.team.blockSignals(False)

    # -- loading -------------------------------------------------------------------------------
    def team_id(self) -> int | None:
        return self.team.currentData()

    def go_to(self, monday: date) -> None:
        self.monday = monday_of(monday)
        self.reload()

    def reload(self) -> None:
        self.shifts = schedule.week(self.session, self.monday, self.team_id())
        self.week_title.setText(week_label(self.monday))
        self.week_view.set_shifts(self.shifts, self.monday, self.session.today())
        self.model.set_shifts(self.shifts)
        live = [s for s in self.shifts if not s.cancelled]
        short = sum(1 for s in live if s.fill == schedule.FILL_SHORT)
        self.summary.setText(self.tr("本周 {0} 个班次，其中缺人 {1} 个").format(len(live), short))
        self.select(self._selected_id)

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if "teams" in tables:
            self._fill_teams_combo()
        if tables & WATCHED:
            self.reload()

    # -- selection -----------------------------------------------------------------------------
    def selected_shift(self) -> schedule.ShiftView | None:
        return next((s for s in self.shifts if s.id == self._selected_id), None)

    def select(self, shift_id: int) -> None:
        """Select a shift in both views (0 or an id not in this week: none)."""
        if not any(s.id == shift_id for s in self.shifts):
            shift_id = 0
        self._selected_id = shift_id
        self.week_view.blockSignals(True)
        self.week_view.select(shift_id)
        self.week_view.blockSignals(False)
        row = self.model.row_of(shift_id)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        else:
            selection.clearSelection()
        selection.blockSignals(False)
        self._show_selected()

    def _no_shifts_text(self) -> str:
        """What to do when the week shown has no shift: a first-time user's empty grid."""
        if self.team.count() <= 1:         # only 全部队伍: a task belongs to a team
            return (self.tr("还没有队伍。任务属于队伍：先在“志愿者与队伍”里点“新建队伍”。")
                    if self.session.can(Permission.TEAM_WRITE) else
                    self.tr("还没有队伍。队伍由社区工作者在“志愿者与队伍”里建立。"))
        if self.session.holds(Permission.SCHEDULE):
            return self.tr("这一周还没有班次。点“新建任务”排出任务和它的班次，或点“上一周”“下一周”看看。")
        return self.tr("这一周还没有班次。班次由社区工作者或本队队长安排。")

    def _on_table_row(self, current: Any, _previous: Any) -> None:
        self.select(int(current.data(SHIFT_ID_ROLE) or 0) if current.isValid() else 0)

    def _show_selected(self) -> None:
        shift = self.selected_shift()
        self.details.setText(describe(shift).replace("\n", "　") if shift else
                             self.tr("点选一个班次查看详情；双击可安排人员。") if self.shifts else
                             self._no_shifts_text())
        can_act = shift is not None and self.session.can(Permission.SCHEDULE, shift.team_id)
        live = can_act and not shift.cancelled
        for button in (self.edit_shift, self.cancel_shift, self.assign, self.jielong, self.attendance):
            button.setEnabled(live)
            button.setToolTip("" if live or shift is None else
                              self.tr("这个班次已取消") if can_act else
                              self.tr("只能为自己带领的队伍排班"))
        self.fill.setEnabled(bool(self._fill_teams()))

    def _fill_teams(self) -> list[int]:
        """Teams whose short shifts 一键补缺 may fill: the chosen one, or every team shown."""
        chosen = self.team_id()
        ids = [chosen] if chosen is not None else sorted({s.team_id for s in self.shifts})
        return [t for t in ids if self.session.can(Permission.SCHEDULE, t)]

    # -- actions -------------------------------------------------------------------------------
    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.open()
        return dialog

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _on_activated(self) -> None:
        if self.assign.isVisible() and self.assign.isEnabled():
            self.open_assign()

    def open_new_task(self) -> QWidget:
        shift = self.selected_shift()
        day = shift.date if shift else max(self.monday, self.session.today())
        team = self.team_id() or (shift.team_id if shift else None)
        from ..dialogs.task_dialog import TaskDialog

        return self._open(TaskDialog(self.session, team, day, parent=self))

    def open_edit_shift(self) -> QWidget | None:
        shift = self.selected_shift()
        from ..dialogs.task_dialog import ShiftDialog

        return self._open(ShiftDialog(self.session, shift, parent=self)) if shift else None

    def open_cancel_shift(self) -> QWidget | None:
        shift = self.selected_shift()
        from ..dialogs.task_dialog import CancelShiftDialog

        return self._open(CancelShiftDialog(self.session, shift, parent=self)) if shift else None

    def open_assign(self) -> QWidget | None:
        shift = self.selected_shift()
        from ..dialogs.assign_dialog import AssignDialog

        return self._open(AssignDialog(self.session, shift.id, parent=self)) if shift else None

    def open_jielong(self) -> QWidget | None:
        shift = self.selected_shift()
        from ..dialogs.jielong_dialog import JielongDialog

        return self._open(JielongDialog(self.session, shift.id, parent=self)) if shift else None

    def open_attendance(self) -> QWidget | None:
        shift = self.selected_shift()
        from ..dialogs.attendance_dialog import AttendanceDialog

        return self._open(AttendanceDialog(self.session, shift.id, parent=self)) if shift else None

    def open_fill(self) -> QWidget | None:
        team_ids = self._fill_teams()
        if not team_ids:
            self._say(self.tr("请先选择一支您可以排班的队伍。"))
            return None
        from ..dialogs.fill_gaps_dialog import FillGapsDialog

        return self._open(FillGapsDialog(self.session, team_ids, self.monday, parent=self))

    def open_roster(self) -> QWidget:
        team = self.team_id()
        if team is None:
            shift = self.selected_shift()
            own = sorted(self.session.actor.team_ids)
            team = shift.team_id if shift else own[0] if own else None
        from ..dialogs.roster_dialog import RosterDialog

        return self._open(RosterDialog(self.session, team, self.monday, parent=self))

    def open_service_types(self) -> QWidget:
        from ..dialogs.service_type_dialog import ServiceTypeDialog

        return self._open(ServiceTypeDialog(self.session, parent=self))
