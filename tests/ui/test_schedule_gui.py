"""任务与排班 driven like a person would: the week on the demo, a weekly task made through its
dialog, assigning with ranked candidates (a hard conflict greyed out, a soft one confirmed),
filling the gaps, a pasted 接龙, check-in and check-out making a service record, the roster
as PDF (read back), WeChat text and .ics, and who may press what."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

import icalendar
import pytest
from conftest import TODAY
from pdftext import pdf_text
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from volunteer_app.domain.scheduling import Recurrence, Slot
from volunteer_app.services.admin import settings, users
from volunteer_app.services.people import teams, volunteers
from volunteer_app.services.scheduling import assigning, schedule, service_types
from volunteer_app.services.session import Session
from volunteer_app.ui.dialogs.assign_dialog import AssignDialog
from volunteer_app.ui.dialogs.attendance_dialog import AttendanceDialog
from volunteer_app.ui.dialogs.fill_gaps_dialog import FillGapsDialog
from volunteer_app.ui.dialogs.jielong_dialog import JielongDialog
from volunteer_app.ui.dialogs.roster_dialog import RosterDialog
from volunteer_app.ui.dialogs.service_type_dialog import ServiceTypeDialog
from volunteer_app.ui.dialogs.task_dialog import CancelShiftDialog, ShiftDialog, TaskDialog
from volunteer_app.ui.pages.schedule import SchedulePage, week_label
from volunteer_app.ui.signals import DataSignals
from volunteer_app.ui.widgets.shift_table import ShiftTableModel
from volunteer_app.ui.widgets.week_view import WeekView, describe

pytestmark = pytest.mark.gui

THIS_MONDAY = date(2026, 11, 23)        # TODAY is Saturday 2026-11-28
NEXT_MONDAY = date(2026, 11, 30)
ANY_TIME = ",".join(f"{d}{p}" for d in range(1, 8) for p in ("am", "pm", "ev"))


# -- a small team built through the services ---------------------------------------------------

class Team:
    def __init__(self, session: Session, name: str = "明春苑志愿服务队"):
        self.session = session
        self.id = teams.create(session, name)
        self.people: dict[str, int] = {}
        self.types = {t["name"]: t["id"] for t in service_types.list_all(session)}

    def volunteer(self, name: str, **fields) -> int:
        number = self.session.db.execute("SELECT count(*) FROM volunteers").fetchone()[0] + 1
        vid = volunteers.add(self.session, {"name": name, "birth_date": "1986-05-04", "gender": "男",
                                            "phone": f"139{number:08d}", "availability": ANY_TIME,
                                            **fields})
        teams.add_member(self.session, self.id, vid)
        self.people[name] = vid
        return vid

    def shift(self, kind: str = "垃圾分类值守", day: date = NEXT_MONDAY, start: int = 7, end: int = 9,
              lo: int = 1, hi: int = 2, title: str = "") -> schedule.ShiftView:
        task_id = schedule.create_task(
            self.session, {"team_id": self.id, "service_type_id": self.types[kind], "title": title or kind},
            Recurrence("once"), [Slot(time(start), time(end))], day, day, lo, hi)
        return next(v for v in schedule.week(self.session, day, self.id) if v.task_id == task_id)


@pytest.fixture
def team(session):
    return Team(session)


def open_page(qtbot, session: Session) -> SchedulePage:
    signals = DataSignals(session)
    page = SchedulePage(session, signals)
    page._signals = signals                     # keep the relay alive as long as the page
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


def shown(page: SchedulePage) -> dict[int, schedule.ShiftView]:
    return {s.id: s for s in page.week_view.shifts()}


# -- the week view widget on its own -----------------------------------------------------------

@dataclass
class FakeShift:
    id: int
    date: date
    start: time
    end: time
    fill: str = "缺人"
    task_title: str = "桶前值守"
    team_name: str = "测试队"
    place: str = "明春苑"
    min_people: int = 1
    max_people: int = 2
    filled: int = 0
    rota_group: str = ""
    assignees: list[str] = field(default_factory=list)
    cancelled: bool = False


def test_week_view_lays_overlaps_side_by_side_and_answers_mouse_and_keys(qtbot):
    view = WeekView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    shifts = [FakeShift(1, NEXT_MONDAY, time(7), time(9)),
              FakeShift(2, NEXT_MONDAY, time(8), time(10), fill="已够", filled=1, assignees=["张三"]),
              FakeShift(3, NEXT_MONDAY, time(18), time(20), fill="已满", filled=2),
              FakeShift(4, date(2026, 12, 2), time(7), time(9)),
              FakeShift(5, date(2026, 12, 9), time(7), time(9))]       # next week: not shown
    view.set_shifts(shifts, NEXT_MONDAY, TODAY)
    assert [s.id for s in view.shifts()] == [1, 2, 3, 4]
    first, second, evening = (view.shift_rect(i) for i in (1, 2, 3))
    assert not first.intersects(second) and first.right() < second.left()     # side by side
    assert evening.width() > first.width() * 1.8                              # alone: full width
    assert view.shift_rect(4).left() > evening.right()                        # Wednesday

    with qtbot.waitSignal(view.selected) as picked:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=second.center())
    assert picked.args == [2] and view.selected_shift().id == 2
    with qtbot.waitSignal(view.activated) as opened:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=evening.center())
    assert opened.args == [3]
    qtbot.keyClick(view, Qt.Key.Key_Right)                    # Monday 18:00 → Wednesday
    assert view.selected_id() == 4
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected_id() == 3
    with qtbot.waitSignal(view.activated) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [3]
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(view.width() - 5, view.height() - 5))
    assert view.selected_id() == 0
    text = describe(shifts[1])
    assert "桶前值守（测试队）" in text and "地点：明春苑" in text and "已够：已排1人，需要1–2人" in text \
        and "人员：张三" in text
    assert not view.grab().isNull()


# -- a weather warning's duty shifts, all at the same hours ---------------------------------------

WARNING_DAY = NEXT_MONDAY + timedelta(days=1)
DUTY_PLACES = ("干休所大院", "新发地村", "明春苑", "郭公庄北街", "银地家园", "高立庄", "银地第二社区", "花乡桥")


def tooltip_at(widget, pos: QPoint) -> str:
    """What the widget's tooltip says where the mouse rests at ``pos``."""
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))
    return QToolTip.text()


# the offscreen platform can neither raise a popup nor give it the keyboard; a real one does
@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing the keyboard")
def test_eight_shifts_at_once_show_readable_blocks_and_the_rest_behind_one_chip(qtbot, session):
    # as 极端天气 makes them: a duty shift per place, for each team, all 07:00–10:00
    crews = [Team(session, "银地第二社区居民志愿服务队"), Team(session, "新发地村青年先锋队")]
    crews[0].volunteer("张建国")
    made = [crews[n % 2].shift("铲冰除雪", WARNING_DAY, 7, 10, lo=1, hi=2, title=f"雪后铲冰：{place}")
            for n, place in enumerate(DUTY_PLACES)]
    page = open_page(qtbot, session)
    page.next_week.click()
    view = page.week_view
    assert len(view.shifts()) == 8

    # each block shown is wide enough for four characters of its text and the text's margins
    least = QFontMetricsF(view._small).horizontalAdvance("中" * 4) + 8
    rects = {s.id: view.shift_rect(s.id) for s in made}
    visible = [s for s in made if not rects[s.id].isEmpty()]
    assert visible and all(rects[s.id].width() >= least for s in visible), \
        {s.task_title: rects[s.id].width() for s in made}
    assert view.readable_width() == least
    hidden = [s for s in made if rects[s.id].isEmpty()]
    [chip] = view.chips()                                   # the rest: one chip in that slot
    assert view.chip_text(chip) == f"另有{len(hidden)}个" and len(visible) + len(hidden) == 8
    assert {s.id for s in chip.shifts} == {s.id for s in hidden}
    assert rects[visible[-1].id].right() < chip.rect.left()   # beside the blocks, not over them

    # a narrow block's title wraps over the hours it spans: the place is read whole, each line
    # within the block, and the state keeps its own line
    metrics = QFontMetricsF(view._small)
    for shown in visible:
        lines = view.block_lines(shown.id)
        assert shown.task_title in "".join(lines[:-1]).removeprefix("07:00 "), lines
        assert all(metrics.horizontalAdvance(text) <= rects[shown.id].width() - 8 for text in lines[:-1])
        assert lines[-1].startswith("缺人")

    # a block's tooltip still names the task, the time and the people
    first = visible[0]
    words = tooltip_at(view, rects[first.id].center())
    assert f"{first.task_title}（{first.team_name}）" in words
    assert "12月01日 周二 07:00–10:00" in words and "人员：尚未安排" in words
    assert all(s.task_title in tooltip_at(view, chip.rect.toAlignedRect().center()) for s in hidden)

    # a click on the chip lists the hidden shifts, whole
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=chip.rect.toAlignedRect().center())
    popup = view.more_popup
    assert popup is not None and popup.isVisible()
    assert sorted(popup.shift_ids()) == sorted(s.id for s in hidden)
    rows = [popup.list.item(i).text() for i in range(popup.list.count())]
    assert all(any(s.task_title in row and s.team_name in row for row in rows) for s in hidden), rows
    assert page.selected_shift() is None                    # opening the list chooses nothing

    # a row answers as a block does: a click selects the shift, a double click opens it
    target = hidden[-1]
    where = popup.row_rect(target.id).center()
    qtbot.mouseClick(popup.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert page.selected_shift().id == target.id == view.selected_id()
    assert target.task_title in page.details.text() and page.assign.isEnabled()
    qtbot.mouseDClick(popup.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert isinstance(page.dialog, AssignDialog) and page.dialog.shift_id == target.id
    assert view.more_popup is None
    page.dialog.reject()

    # a wider window: more side by side, fewer behind the chip (from the width, not a constant)
    page.resize(1900, 760)
    qtbot.waitUntil(lambda: view.width() > 1500)
    wider = [s for s in made if not view.shift_rect(s.id).isEmpty()]
    assert len(wider) > len(visible) and all(view.shift_rect(s.id).width() >= least for s in wider)
    assert view.chip_text(view.chips()[0]) == f"另有{8 - len(wider)}个"


def test_an_ordinary_overlap_of_two_shows_both_blocks_and_no_chip(qtbot, session, team):
    early = team.shift("垃圾分类值守", WARNING_DAY, 7, 9, title="桶前值守")
    late = team.shift("铲冰除雪", WARNING_DAY, 8, 10, title="明春苑铲冰")
    page = open_page(qtbot, session)
    page.next_week.click()
    view = page.week_view
    left, right = view.shift_rect(early.id), view.shift_rect(late.id)
    assert not left.isEmpty() and not right.isEmpty() and left.right() < right.left()
    assert view.chips() == []


def test_shift_table_model_passes_the_model_tester(qtmodeltester, demo_session):
    model = ShiftTableModel()
    model.set_shifts(schedule.week(demo_session, THIS_MONDAY))
    assert model.rowCount() > 10
    qtmodeltester.check(model)
    model.sort(7, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


# -- the page on the demo ------------------------------------------------------------------------

def test_the_demo_week_shows_in_both_views_and_weeks_can_be_browsed(qtbot, demo_session):
    page = open_page(qtbot, demo_session)
    assert page.week_title.text() == "2026年第48周 11月23日–11月29日" == week_label(THIS_MONDAY)
    expected = schedule.week(demo_session, THIS_MONDAY)
    assert expected and set(shown(page)) == {s.id for s in expected}
    assert page.model.rowCount() == len(expected)
    live = [s for s in expected if not s.cancelled]
    short = [s for s in live if s.fill == "缺人"]
    assert page.summary.text() == f"本周 {len(live)} 个班次，其中缺人 {len(short)} 个"

    page.next_week.click()
    assert page.week_title.text().startswith("2026年第49周 11月30日")
    assert set(shown(page)) == {s.id for s in schedule.week(demo_session, NEXT_MONDAY)}
    page.this_week.click()
    assert page.monday == THIS_MONDAY

    team_id = expected[0].team_id
    page.team.setCurrentIndex(page.team.findData(team_id))
    assert shown(page) and {s.team_id for s in shown(page).values()} == {team_id}

    page.show_list.click()
    assert page.views.currentWidget() is page.table
    page.table.selectRow(0)
    chosen = page.model.shift_at(0)
    assert page.selected_shift().id == chosen.id == page.week_view.selected_id()
    assert chosen.task_title in page.details.text()
    page.show_week.click()
    assert page.views.currentWidget() is page.week_view


def test_a_captain_schedules_only_the_own_team(qtbot, demo_session):
    user = next(demo_session.db.query("SELECT * FROM users WHERE role = 'captain'"))
    captain = Session(demo_session.db, users.actor_of(demo_session.db, user), today=demo_session.today)
    own = sorted(captain.actor.team_ids)[0]
    page = open_page(qtbot, captain)
    assert page.team.currentData() == own                 # their team is chosen for them
    assert not page.service_types.isVisibleTo(page)       # staff edit service types
    mine = next(s for s in page.shifts if not s.cancelled)
    page.select(mine.id)
    assert page.assign.isEnabled() and page.edit_shift.isEnabled()
    page.team.setCurrentIndex(0)                          # all teams: others' shifts are visible…
    other = next(s for s in page.shifts if s.team_id != own and not s.cancelled)
    page.select(other.id)
    assert not page.assign.isEnabled() and not page.cancel_shift.isEnabled()   # …but not theirs to change
    assert "只能为自己带领的队伍排班" in page.assign.toolTip()
    dialog = page.open_new_task()
    assert [dialog.team.itemData(i) for i in range(dialog.team.count())] == [own]
    dialog.reject()


def test_a_supervisor_sees_the_week_without_scheduling_buttons(qtbot, demo_session):
    user = next(demo_session.db.query("SELECT * FROM users WHERE role = 'supervisor'"))
    supervisor = Session(demo_session.db, users.actor_of(demo_session.db, user), today=demo_session.today)
    page = open_page(qtbot, supervisor)
    assert page.shifts
    for button in (page.new_task, page.assign, page.fill, page.jielong, page.attendance):
        assert not button.isVisibleTo(page)
    assert page.roster.isVisibleTo(page)


# -- tasks and shifts through their dialogs ----------------------------------------------------

def test_a_weekly_task_made_in_the_dialog_shows_its_shifts(qtbot, session, team):
    team.volunteer("张建国")
    page = open_page(qtbot, session)
    page.team.setCurrentIndex(page.team.findData(team.id))
    page.next_week.click()
    assert not page.shifts
    later = teams.create(session, "后来成立的队")             # the chooser follows the teams
    assert page.team.findData(later) > 0 and page.team.currentData() == team.id
    dialog: TaskDialog = page.open_new_task()
    assert isinstance(dialog, TaskDialog) and dialog.team.currentData() == team.id
    dialog.service_type.setCurrentIndex(dialog.service_type.findData(team.types["垃圾分类值守"]))
    dialog.title.setText("明春苑桶前值守")
    dialog.kind.setCurrentIndex(dialog.kind.findData("weekly"))
    assert dialog.weekdays.isVisibleTo(dialog) and not dialog.rota.isVisibleTo(dialog)
    for box in dialog.weekday_boxes:
        box.setChecked(False)
    dialog.weekday_boxes[0].setChecked(True)             # 周一
    dialog.weekday_boxes[3].setChecked(True)             # 周四
    dialog.start_date.setDate(NEXT_MONDAY)
    dialog.end_date.setDate(date(2026, 12, 27))
    slot = dialog.slot_rows[0]
    slot.start.setTime(time(7))
    slot.end.setTime(time(9))
    evening = dialog.add_slot()
    evening.start.setTime(time(18))
    evening.end.setTime(time(20))
    dialog.min_people.setValue(1)
    dialog.max_people.setValue(2)
    assert dialog.preview.text().startswith("将生成 16 个班次，共 8 天。")
    with qtbot.waitSignal(page._signals.changed):
        dialog.save.click()
    assert dialog.result() == TaskDialog.DialogCode.Accepted and dialog.saved_id

    week = list(shown(page).values())
    assert sorted((s.date, s.start) for s in week) == [
        (NEXT_MONDAY, time(7)), (NEXT_MONDAY, time(18)), (date(2026, 12, 3), time(7)), (date(2026, 12, 3), time(18))]
    assert {s.task_title for s in week} == {"明春苑桶前值守"} and {s.fill for s in week} == {"缺人"}
    assert page.model.rowCount() == 4
    assert page.summary.text() == "本周 4 个班次，其中缺人 4 个"


def test_a_rota_task_takes_groups_in_turn(qtbot, session, team):
    page = open_page(qtbot, session)
    page.next_week.click()
    dialog: TaskDialog = page.open_new_task()
    dialog.team.setCurrentIndex(dialog.team.findData(team.id))
    dialog.title.setText("桶前值守")
    dialog.kind.setCurrentIndex(dialog.kind.findData("rota"))
    assert dialog.rota.isVisibleTo(dialog) and dialog.groups_label.text() == "A、B、C、D"
    for box in dialog.weekday_boxes:
        box.setChecked(False)
    dialog.start_date.setDate(NEXT_MONDAY)
    dialog.end_date.setDate(date(2026, 12, 6))
    dialog.slot_rows[0].start.setTime(time(7))
    dialog.slot_rows[0].end.setTime(time(9))
    dialog.add_slot(time(18), time(20))
    assert dialog.preview.text() == "将生成 14 个班次，共 7 天。第一个：11月30日 07:00–09:00（A组）"
    dialog.save.click()
    groups = [(s.date.day, s.rota_group) for s in sorted(page.shifts, key=lambda s: (s.date, s.start))]
    assert groups[::2] == [(30, "A"), (1, "B"), (2, "C"), (3, "D"), (4, "A"), (5, "B"), (6, "C")]


def test_the_task_dialog_keeps_what_was_typed_when_refused(qtbot, session, team):
    page = open_page(qtbot, session)
    dialog = page.open_new_task()
    dialog.title.setText("")
    dialog.title.setModified(True)
    dialog.save.click()
    assert dialog.isVisible() and "任务名称为空" in dialog.error.text()
    assert session.db.execute("SELECT count(*) FROM shifts").fetchone()[0] == 0


def test_a_shift_is_changed_then_cancelled_with_the_following_ones(qtbot, session, team):
    task_id = schedule.create_task(
        session, {"team_id": team.id, "service_type_id": team.types["垃圾分类值守"], "title": "晚间值守"},
        Recurrence("daily"), [Slot(time(18), time(20))], NEXT_MONDAY, date(2026, 12, 6), 1, 2)
    page = open_page(qtbot, session)
    page.next_week.click()
    wednesday = next(s for s in page.shifts if s.date == date(2026, 12, 2))
    page.select(wednesday.id)
    dialog: ShiftDialog = page.open_edit_shift()
    dialog.start.setTime(time(18, 30))
    dialog.max_people.setValue(3)
    dialog.scope.following.click()
    assert not dialog.date.isEnabled()
    dialog.save.click()
    assert dialog.changed_count == 5
    starts = {s.date.day: (s.start, s.max_people) for s in page.shifts}
    assert starts[1] == (time(18), 2) and starts[2] == starts[6] == (time(18, 30), 3)

    page.select(next(s.id for s in page.shifts if s.date == date(2026, 12, 5)))
    cancel: CancelShiftDialog = page.open_cancel_shift()
    cancel.scope.following.click()
    cancel.confirm.click()
    assert cancel.cancelled_count == 2
    assert [s.date.day for s in page.shifts if s.cancelled] == [5, 6]
    assert page.summary.text() == "本周 5 个班次，其中缺人 5 个"
    assert not page.assign.isEnabled()                    # the selected shift is cancelled
    assert schedule.task(session, task_id)["shifts"] == 5


# -- assigning --------------------------------------------------------------------------------

def test_assigning_ranks_candidates_blocks_hard_conflicts_and_confirms_soft_ones(qtbot, session, team):
    settings.put(session, "schedule.heavy_task_max_age", 65)
    young = team.volunteer("李青", birth_date="1990-02-02")
    team.volunteer("王老", birth_date="1950-03-03")                          # 76: too old for 铲冰
    weekend = team.volunteer("赵周末", availability="6am,7am")              # free only at weekends
    snow = team.shift("铲冰除雪", start=8, end=10, lo=2, hi=3, title="明春苑铲冰")
    page = open_page(qtbot, session)
    page.next_week.click()
    page.select(snow.id)
    page.week_view.activated.emit(snow.id)                # double-click opens the assign dialog
    dialog = page.dialog
    assert isinstance(dialog, AssignDialog)

    names = [c.name for c in dialog.candidates]
    assert names[0] == "李青" and names[-1] == "王老"     # clean first, blocked last
    first_reasons = dialog.list.item(0, 4).text()
    assert "这个时间有空" in first_reasons and dialog.list.item(0, 2).text() == "0"   # hours this month
    old_row = dialog.row_of(team.people["王老"])
    assert dialog.list.item(old_row, 1).flags() == Qt.ItemFlag.NoItemFlags
    assert "不能安排：王老76岁，超过重体力任务的年龄上限65岁" in dialog.list.item(old_row, 5).text()
    assert not dialog.choose(team.people["王老"]) and not dialog.assign_button.isEnabled()

    assert dialog.choose(young) and dialog.assign_button.isEnabled()
    dialog.assign_button.click()
    assert "已安排李青" in dialog.message.text()
    assert [a["name"] for a in dialog.on_shift] == ["李青"]

    assert dialog.choose(weekend)
    assert "提醒：不在赵周末填写的空闲时间内" in dialog.list.item(dialog.row_of(weekend), 5).text()
    dialog.assign_button.click()
    box = dialog.confirm_box
    assert box is not None and box.isVisible() and "仍然安排吗" in box.text()
    assert session.db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 1
    box.button(QMessageBox.StandardButton.Yes).click()
    assert [a["name"] for a in dialog.on_shift] == ["李青", "赵周末"]
    assert "空闲时间" in dialog.on_shift[1]["note"]
    assert shown(page)[snow.id].fill == "已够" and shown(page)[snow.id].assignees == ["李青", "赵周末"]

    dialog.current.selectRow(1)
    dialog.remove_button.click()
    assert [a["name"] for a in dialog.on_shift] == ["李青"] and shown(page)[snow.id].fill == "缺人"


def test_a_declined_soft_warning_assigns_nobody(qtbot, session, team):
    weekend = team.volunteer("赵周末", availability="6am")
    target = team.shift(start=18, end=20)
    dialog = AssignDialog(session, target.id)
    qtbot.addWidget(dialog)
    dialog.choose(weekend)
    dialog.assign_button.click()
    dialog.confirm_box.button(QMessageBox.StandardButton.No).click()
    assert "没有安排赵周末" in dialog.message.text()
    assert session.db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 0


def test_fill_the_gaps_applies_the_checked_proposals(qtbot, session, team):
    for name in ("甲一", "乙二", "丙三", "丁四", "戊五"):
        team.volunteer(name)
    first = team.shift(start=7, end=9, lo=2, hi=3)
    second = team.shift(day=date(2026, 12, 1), start=7, end=9, lo=2, hi=2)
    third = team.shift(day=date(2026, 12, 2), start=18, end=20, lo=1, hi=1)
    page = open_page(qtbot, session)
    page.team.setCurrentIndex(page.team.findData(team.id))
    page.next_week.click()
    assert {s.fill for s in page.shifts} == {"缺人"}
    dialog: FillGapsDialog = page.open_fill()
    assert dialog.busy and not dialog.apply_button.isEnabled()      # proposing runs off the GUI thread
    qtbot.waitUntil(lambda: not dialog.busy)
    assert len(dialog.proposals) == 5
    assert "有 3 个班次缺人，共缺 5 人；建议安排 5 人次" in dialog.summary.text()
    dialog.check_none.click()
    assert not dialog.apply_button.isEnabled()
    dialog.check_all.click()
    dropped = next(row for row, p in enumerate(dialog.proposals) if p.shift_id == third.id)
    dialog.set_checked(dropped, False)
    assert dialog.apply_button.text() == "安排勾选的 4 人次"
    with qtbot.waitSignal(page._signals.changed):
        assert dialog.apply() == 4
    assert "已安排 4 人次" in dialog.message.text()
    qtbot.waitUntil(lambda: not dialog.busy)                        # proposed again for what is left
    fills = {s.id: s.fill for s in page.shifts}
    assert fills == {first.id: "已够", second.id: "已满", third.id: "缺人"}
    assert len(dialog.proposals) == 1 and dialog.proposals[0].shift_id == third.id   # proposed again


# -- 接龙 ----------------------------------------------------------------------------------------

def test_a_pasted_jielong_is_matched_and_assigned_with_conflicts_named(qtbot, session, team):
    zhang = team.volunteer("张伟")
    team.volunteer("李娜")
    lina2 = team.volunteer("李娜", birth_date="1979-01-01")          # two 李娜: the window asks
    wang = team.volunteer("王芳")
    busy = team.volunteer("刘洋")
    target = team.shift(start=8, end=10, lo=2, hi=4, title="周六铲冰")
    assigning.assign(session, team.shift(start=9, end=11, title="爱心传递").id, busy)
    page = open_page(qtbot, session)
    page.next_week.click()
    page.select(target.id)
    dialog: JielongDialog = page.open_jielong()
    dialog.text.setPlainText("#接龙 周六铲冰 8点东门集合\n\n1. 张伟\n2. 李娜🌸\n3. 王方\n4. 刘洋（带铁锹）\n5. 陌生人")
    dialog.read_button.click()
    assert [m.name for m in dialog.matches] == ["张伟", "李娜", "王方", "刘洋", "陌生人"]
    assert dialog.chooser(0).currentData() == zhang and dialog.list.item(0, 2).text() == "姓名相同"
    assert dialog.chooser(1).currentData() is None and "请选择" in dialog.list.item(1, 2).text()
    assert dialog.chooser(2).currentData() == wang and "读音相同" in dialog.list.item(2, 2).text()
    assert not dialog.chooser(4).isEnabled()
    dialog.choose(1, lina2)
    dialog.assign_button.click()
    assert dialog.result_text(0) == dialog.result_text(1) == dialog.result_text(2) == "已安排"
    assert dialog.result_text(3).startswith("不能安排：同一时间已安排在")
    names = set(schedule.shift(session, target.id).assignees)
    assert names == {"张伟", "李娜", "王芳"}
    assert {a["volunteer_id"] for a in assigning.assignments(session, target.id)} == {zhang, lina2, wang}
    assert "已安排 3 人；1 人不能安排" in dialog.message.text()


# -- after the shift ----------------------------------------------------------------------------

def test_check_in_and_out_make_a_service_record_with_the_real_hours(qtbot, session, team):
    early = team.volunteer("孙早")
    absent = team.volunteer("周缺")
    plain = team.volunteer("吴完")
    today = team.shift(day=TODAY, start=7, end=9, lo=1, hi=3, title="桶前值守")
    for vid in (early, absent, plain):
        assigning.assign(session, today.id, vid)
    page = open_page(qtbot, session)
    page.select(today.id)
    dialog: AttendanceDialog = page.open_attendance()
    assert [r["name"] for r in dialog.rows] == ["孙早", "周缺", "吴完"]
    dialog.select_rows(0)
    dialog.list.cellWidget(0, 2).setTime(time(6, 50))
    dialog.check_in_button.click()
    assert dialog.rows[0]["state"] == "已签到"
    dialog.select_rows(0)
    dialog.list.cellWidget(0, 3).setTime(time(9, 20))
    dialog.check_out_button.click()
    assert "孙早 已签退" in dialog.message.text()
    dialog.select_rows(1)
    dialog.no_show_button.click()
    dialog.select_rows(2)
    dialog.complete_button.click()
    assert [r["state"] for r in dialog.rows] == ["已完成", "缺席", "已完成"]
    assert dialog.list.item(0, 4).text() == "已记录 2.5 小时"          # 06:50–09:20
    assert dialog.list.item(2, 4).text() == "已记录 2 小时"            # the shift's hours
    record = session.row("service_records", dialog.record_ids[0])
    assert (record["volunteer_id"], record["hours"], record["source"]) == (early, 2.5, "排班")
    assert session.db.execute("SELECT count(*) FROM service_records WHERE volunteer_id = ?",
                              [absent]).fetchone()[0] == 0


def test_a_future_shift_cannot_be_checked_in_yet(qtbot, session, team):
    vid = team.volunteer("钱未到")
    target = team.shift()
    assigning.assign(session, target.id, vid)
    dialog = AttendanceDialog(session, target.id)
    qtbot.addWidget(dialog)
    assert "还没到" in dialog.message.text()
    dialog.select_rows(0)
    dialog.check_in_button.click()
    assert "还没到" in dialog.message.text() and dialog.rows[0]["state"] == "已安排"


# -- the roster and service types ----------------------------------------------------------------

def test_the_roster_is_saved_as_pdf_copied_as_text_and_saved_as_ics(qtbot, session, team, tmp_path):
    people = [team.volunteer(name) for name in ("欧阳明", "司马兰", "诸葛亮")]
    target = team.shift(lo=2, hi=3, title="明春苑桶前值守")
    for vid in people[:2]:
        assigning.assign(session, target.id, vid)
    page = open_page(qtbot, session)
    page.team.setCurrentIndex(page.team.findData(team.id))
    page.next_week.click()
    dialog: RosterDialog = page.open_roster()
    assert dialog.team.currentData() == team.id and dialog.iso_week() == "2026-W49"

    preview = dialog.preview()
    assert preview is not None and preview.isVisible()
    preview.close()
    saved = dialog.save_pdf(tmp_path / "roster.pdf")
    text = pdf_text(saved)
    assert "明春苑志愿服务队" in text and "欧阳明" in text and "司马兰" in text and "诸葛亮" not in text

    copied = dialog.copy_text()
    assert QGuiApplication.clipboard().text() == copied
    assert "已复制" in dialog.message.text() and "欧阳明、司马兰" in copied

    ics = dialog.save_ics(tmp_path / "team.ics")
    events = [e for e in icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert len(events) == 1 and "明春苑桶前值守" in str(events[0]["SUMMARY"])
    dialog.volunteer.setCurrentIndex(dialog.volunteer.findData(people[2]))
    personal = dialog.save_volunteer_ics(tmp_path / "zhuge.ics")
    assert not list(icalendar.Calendar.from_ical(personal.read_bytes()).walk("VEVENT"))


def test_staff_edit_service_types_and_builtin_ones_stay(qtbot, session):
    dialog = ServiceTypeDialog(session)
    qtbot.addWidget(dialog)
    assert "铲冰除雪（重）" in [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert not dialog.archive_button.isEnabled()          # the first one is built in
    dialog.add_button.click()
    dialog.name.setText("楼道清扫")
    dialog.heavy.setChecked(True)
    dialog.minutes.setValue(90)
    dialog.skills.setText("扫帚、簸箕")
    new_id = dialog.save()
    row = service_types.get(session, new_id)
    assert (row["intensity"], row["usual_minutes"], row["skills"]) == ("重", 90, ["扫帚", "簸箕"])
    assert dialog.archive_button.isEnabled()
    dialog.archive_button.click()
    assert "已停用“楼道清扫”" in dialog.message.text()
    assert new_id not in [t["id"] for t in service_types.list_all(session)]
    dialog.add_button.click()
    dialog.name.setText("铲冰除雪")
    assert dialog.save() is None and "已经有名为“铲冰除雪”" in dialog.message.text()


def test_the_preview_writes_a_date_as_people_do(qtbot, session, team):
    page = open_page(qtbot, session)
    dialog: TaskDialog = page.open_new_task()
    dialog.kind.setCurrentIndex(dialog.kind.findData("once"))
    dialog.start_date.setDate(date(2026, 12, 4))
    assert "第一个：12月4日 " in dialog.preview.text()        # not 12月04日
    dialog.reject()
