"""新建任务: team, place, service type, title, how it recurs, its time slots, the date range,
headcount and skills; the shifts it will generate are counted as the form changes.

Saving calls ``services.scheduling.schedule.create_task`` (which checks the permission for the team
and generates the shifts); a refusal is shown in the dialog and what was typed stays.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import scheduling
from ...domain.day_text import month_day
from ...domain.scheduling import Recurrence, RecurrenceError, Slot
from ...services.people import places, teams
from ...services.permissions import Permission, PermissionDenied
from ...services.scheduling import schedule, service_types
from ...services.session import Session
from ..forms import date_edit, error_label, pydate, pytime, save_cancel_buttons, time_edit
from ..widgets.week_view import day_name, headline

NAME = "task_dialog"
# scheduling.KIND_NAMES, for the UI language
KIND_LABELS = {"once": QT_TRANSLATE_NOOP("TaskDialog", "仅一次"), "daily": QT_TRANSLATE_NOOP("TaskDialog", "每天"),
               "weekly": QT_TRANSLATE_NOOP("TaskDialog", "每周"), "rota": QT_TRANSLATE_NOOP("TaskDialog", "分组轮值")}
GROUP_LETTERS = "ABCDEFGH"
MAX_SLOTS = 4


def _spin(name: str, value: int) -> QSpinBox:
    spin = QSpinBox(objectName=name)
    spin.setRange(1, 200)
    spin.setValue(value)
    return spin


class SlotRow(QWidget):
    """One time slot: 开始 – 结束, and a button to drop it."""

    def __init__(self, index: int, start: time, end: time, parent: QWidget | None = None):
        super().__init__(parent)
        self.start = time_edit(f"{NAME}.slot{index}.start", start)
        self.end = time_edit(f"{NAME}.slot{index}.end", end)
        self.remove = QPushButton(self.tr("删除"), objectName=f"{NAME}.slot{index}.remove")
        self.remove.setFlat(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end)
        row.addWidget(self.remove)
        row.addStretch(1)

    def slot(self) -> Slot:
        return Slot(pytime(self.start.time()), pytime(self.end.time()))


class TaskDialog(QDialog):
    def __init__(self, session: Session, team_id: int | None = None, day: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.saved_id: int | None = None
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("新建任务"))
        self.types = service_types.list_all(session)
        n = NAME

        self.team = QComboBox(objectName=f"{n}.team")
        for team in teams.list_teams(session):
            if session.can(Permission.SCHEDULE, team["id"]):
                self.team.addItem(team["name"], team["id"])
        if team_id is not None and self.team.findData(team_id) >= 0:
            self.team.setCurrentIndex(self.team.findData(team_id))
        self.place = QComboBox(objectName=f"{n}.place")
        self.place.addItem(self.tr("（不指定）"), None)
        for place in places.places(session):
            self.place.addItem(place["name"], place["id"])
        self.service_type = QComboBox(objectName=f"{n}.service_type")
        for row in self.types:
            label = row["name"] + (self.tr("（重体力）") if row["intensity"] == "重" else "")
            self.service_type.addItem(label, row["id"])
        self.title = QLineEdit(objectName=f"{n}.title")
        self.title.setPlaceholderText(self.tr("例如：桶前值守、周六铲冰"))
        self.description = QLineEdit(objectName=f"{n}.description")
        self.description.setPlaceholderText(self.tr("要做什么、在哪里集合、带什么（可不填）"))

        self.kind = QComboBox(objectName=f"{n}.kind")
        for kind in scheduling.KINDS:
            self.kind.addItem(QCoreApplication.translate("TaskDialog", KIND_LABELS.get(kind, scheduling.KIND_NAMES[kind])),
                              kind)
        self.weekday_boxes = [QCheckBox(day_name(i), objectName=f"{n}.weekday{i}") for i in range(7)]
        self.weekdays = QWidget(objectName=f"{n}.weekdays")
        days_row = QHBoxLayout(self.weekdays)
        days_row.setContentsMargins(0, 0, 0, 0)
        for box in self.weekday_boxes:
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.groups = QSpinBox(objectName=f"{n}.groups")
        self.groups.setRange(2, len(GROUP_LETTERS))
        self.groups.setValue(4)
        self.groups.setSuffix(self.tr(" 个组"))
        self.rotate_every = QComboBox(objectName=f"{n}.rotate_every")
        self.rotate_every.addItem(self.tr("每天换组"), "day")
        self.rotate_every.addItem(self.tr("每周换组"), "week")
        self.rota = QWidget(objectName=f"{n}.rota")
        rota_row = QHBoxLayout(self.rota)
        rota_row.setContentsMargins(0, 0, 0, 0)
        self.groups_label = QLabel()
        for widget in (self.groups, self.groups_label, self.rotate_every):
            rota_row.addWidget(widget)
        rota_row.addStretch(1)

        self.slot_rows: list[SlotRow] = []
        self.slots_box = QVBoxLayout()
        self.slots_box.setSpacing(4)
        self.add_slot_button = QPushButton(self.tr("添加时段"), objectName=f"{n}.add_slot")
        slots = QVBoxLayout()
        slots.addLayout(self.slots_box)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_slot_button)
        add_row.addStretch(1)
        slots.addLayout(add_row)

        today = session.today()
        start = day or today
        self.start_date = date_edit(f"{n}.start_date", start)
        self.end_date = date_edit(f"{n}.end_date", start + timedelta(days=27))
        dates = QHBoxLayout()
        dates.addWidget(self.start_date)
        self.until = QLabel(self.tr("至"))
        dates.addWidget(self.until)
        dates.addWidget(self.end_date)
        dates.addStretch(1)
        self.min_people = _spin(f"{n}.min_people", 2)
        self.max_people = _spin(f"{n}.max_people", 3)
        people = QHBoxLayout()
        people.addWidget(QLabel(self.tr("最少")))
        people.addWidget(self.min_people)
        people.addWidget(QLabel(self.tr("最多")))
        people.addWidget(self.max_people)
        people.addWidget(QLabel(self.tr("人")))
        people.addStretch(1)
        self.skills = QLineEdit(objectName=f"{n}.skills")
        self.skills.setPlaceholderText(self.tr("用顿号分开，没有可不填"))
        self.skip_holidays = QCheckBox(self.tr("法定节假日不排班"), objectName=f"{n}.skip_holidays")

        form = QFormLayout()
        form.addRow(self.tr("队伍"), self.team)
        form.addRow(self.tr("服务类型"), self.service_type)
        form.addRow(self.tr("任务名称"), self.title)
        form.addRow(self.tr("地点"), self.place)
        form.addRow(self.tr("说明"), self.description)
        form.addRow(self.tr("重复"), self.kind)
        form.addRow(self.tr("星期"), self.weekdays)
        form.addRow(self.tr("轮值"), self.rota)
        form.addRow(self.tr("时段"), slots)
        form.addRow(self.tr("日期"), dates)
        form.addRow(self.tr("人数"), people)
        form.addRow(self.tr("所需技能"), self.skills)
        form.addRow("", self.skip_holidays)
        self.form = form

        self.preview = QLabel(objectName=f"{n}.preview")
        self.preview.setProperty("role", "hint")
        self.preview.setWordWrap(True)
        self.error = error_label(n)
        box, self.save = save_cancel_buttons(self, n, self.tr("生成班次"), self.tr("取消"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(box)

        self.service_type.currentIndexChanged.connect(self._on_type)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.groups.valueChanged.connect(self._on_groups)
        self.add_slot_button.clicked.connect(lambda: self.add_slot())
        self.min_people.valueChanged.connect(lambda v: self.max_people.setValue(max(v, self.max_people.value())))
        self.max_people.valueChanged.connect(lambda v: self.min_people.setValue(min(v, self.min_people.value())))
        for signal in (self.start_date.dateChanged, self.end_date.dateChanged,
                       self.skip_holidays.toggled, self.rotate_every.currentIndexChanged):
            signal.connect(self._update_preview)
        for box_ in self.weekday_boxes:
            box_.toggled.connect(self._update_preview)

        self.weekday_boxes[start.weekday()].setChecked(True)
        self.add_slot(time(9, 0), time(11, 0))
        self._on_type()
        self._on_groups()
        self._on_kind()
        if self.team.count() == 0:
            self._show_error(self.tr("还没有队伍。任务属于队伍：先在“志愿者与队伍”里点“新建队伍”，再来新建任务。")
                             if session.can(Permission.TEAM_WRITE) else self.tr("您没有可以排班的队伍。"))
            self.save.setEnabled(False)
        self.resize(560, self.sizeHint().height())

    # -- slots -------------------------------------------------------------------------------
    def add_slot(self, start: time | None = None, end: time | None = None) -> SlotRow | None:
        if len(self.slot_rows) >= MAX_SLOTS:
            return None
        if start is None:
            last = self.slot_rows[-1].slot() if self.slot_rows else Slot(time(7, 0), time(9, 0))
            start = time(min(23, last.end.hour + 1), 0)
            end = (datetime.combine(date.min, start) + (datetime.combine(date.min, last.end)
                   - datetime.combine(date.min, last.start))).time()
            if end <= start:
                end = time(23, 59)
        row = SlotRow(len(self.slot_rows), start, end or start)
        row.remove.clicked.connect(lambda: self.remove_slot(row))
        row.start.timeChanged.connect(self._update_preview)
        row.end.timeChanged.connect(self._update_preview)
        self.slot_rows.append(row)
        self.slots_box.addWidget(row)
        self._slots_changed()
        return row

    def remove_slot(self, row: SlotRow) -> None:
        if len(self.slot_rows) <= 1:
            return
        self.slot_rows.remove(row)
        self.slots_box.removeWidget(row)
        row.deleteLater()
        self._slots_changed()

    def _slots_changed(self) -> None:
        for row in self.slot_rows:
            row.remove.setVisible(len(self.slot_rows) > 1)
        self.add_slot_button.setEnabled(len(self.slot_rows) < MAX_SLOTS)
        self._update_preview()

    # -- reacting to the form ------------------------------------------------------------------
    def _type(self) -> dict[str, Any] | None:
        type_id = self.service_type.currentData()
        return next((t for t in self.types if t["id"] == type_id), None)

    def _on_type(self) -> None:
        chosen = self._type()
        if chosen is None:
            return
        self.skills.setText("、".join(chosen["skills"]))
        if self.slot_rows and len(self.slot_rows) == 1:
            row = self.slot_rows[0]
            row.end.setTime(row.start.time().addSecs(int(chosen["usual_minutes"]) * 60))
        if not self.title.isModified() or not self.title.text():
            self.title.setText(chosen["name"])

    def _on_kind(self) -> None:
        kind = self.kind.currentData()
        # weekly needs its days; a rota turns every day unless days are chosen to limit it
        checked = [box for box in self.weekday_boxes if box.isChecked()]
        if kind == "rota" and len(checked) == 1:
            checked[0].setChecked(False)
        elif kind == "weekly" and not checked:
            self.weekday_boxes[pydate(self.start_date.date()).weekday()].setChecked(True)
        self.form.labelForField(self.weekdays).setText(
            self.tr("只在") if kind == "rota" else self.tr("星期"))
        self.form.setRowVisible(self.weekdays, kind in ("weekly", "rota"))
        self.form.setRowVisible(self.rota, kind == "rota")
        self.end_date.setVisible(kind != "once")
        self.until.setVisible(kind != "once")
        self._update_preview()

    def _on_groups(self) -> None:
        self.groups_label.setText("、".join(GROUP_LETTERS[: self.groups.value()]))
        self._update_preview()

    # -- values --------------------------------------------------------------------------------
    def recurrence(self) -> Recurrence:
        kind = self.kind.currentData()
        weekdays = tuple(i for i, box in enumerate(self.weekday_boxes) if box.isChecked())
        if kind == "rota":
            return Recurrence("rota", weekdays=weekdays,
                              groups=tuple(GROUP_LETTERS[: self.groups.value()]),
                              rotate_every=self.rotate_every.currentData(),
                              skip_holidays=self.skip_holidays.isChecked())
        return Recurrence(kind, weekdays=weekdays if kind == "weekly" else (),
                          skip_holidays=self.skip_holidays.isChecked())

    def slots(self) -> list[Slot]:
        return [row.slot() for row in self.slot_rows]

    def dates(self) -> tuple[date, date]:
        start = pydate(self.start_date.date())
        return (start, start) if self.kind.currentData() == "once" else (start, pydate(self.end_date.date()))

    def fields(self) -> dict[str, Any]:
        return {"team_id": self.team.currentData(), "place_id": self.place.currentData(),
                "service_type_id": self.service_type.currentData(), "title": self.title.text().strip(),
                "description": self.description.text().strip()}

    def skill_list(self) -> tuple[str, ...]:
        text = self.skills.text().replace("，", "、").replace(",", "、")
        return tuple(word.strip() for word in text.split("、") if word.strip())

    def _update_preview(self) -> None:
        if not hasattr(self, "preview"):
            return
        try:
            start, end = self.dates()
            plans = scheduling.generate(self.recurrence(), self.slots(), start, end)
        except (RecurrenceError, ValueError) as error:
            self.preview.setText(str(error))
            return
        days = len({p.date for p in plans})
        text = self.tr("将生成 {0} 个班次，共 {1} 天。").format(len(plans), days)
        if plans:
            first = plans[0].date
            text += self.tr("第一个：{0}").format(f"{month_day(first)} {plans[0].slot.label()}")
            if plans[0].group:
                text += self.tr("（{0}组）").format(plans[0].group)
        self.preview.setText(text)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        try:
            start, end = self.dates()
            self.saved_id = schedule.create_task(
                self.session, self.fields(), self.recurrence(), self.slots(), start, end,
                min_people=self.min_people.value(), max_people=self.max_people.value(),
                skills=self.skill_list())
        except (ValueError, PermissionDenied) as error:
            self._show_error(str(error))
            return
        super().accept()


class _ScopeChoice(QWidget):
    """仅此班次 / 此班次及以后（同一时段）."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.one = QRadioButton(self.tr("仅此班次"), objectName=f"{name}.scope_one")
        self.following = QRadioButton(self.tr("此班次及以后同一时段的班次"), objectName=f"{name}.scope_following")
        self.one.setChecked(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.one)
        row.addWidget(self.following)
        row.addStretch(1)

    def scope(self) -> str:
        return "following" if self.following.isChecked() else "one"


def _shift_heading(shift: Any) -> QLabel:
    label = QLabel(headline(shift))
    label.setStyleSheet("font-weight:bold; color:#24364f;")
    return label


class ShiftDialog(QDialog):
    """编辑班次: time, headcount and notes of this shift, or of it and the following ones."""

    NAME = "shift_dialog"

    def __init__(self, session: Session, shift: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.shift = session, shift
        self.changed_count = 0
        n = self.NAME
        self.setObjectName(n)
        self.setWindowTitle(self.tr("编辑班次"))
        self.date = date_edit(f"{n}.date", shift.date)
        self.start = time_edit(f"{n}.start", shift.start)
        self.end = time_edit(f"{n}.end", shift.end)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end)
        times.addStretch(1)
        self.min_people = _spin(f"{n}.min_people", shift.min_people)
        self.max_people = _spin(f"{n}.max_people", shift.max_people)
        people = QHBoxLayout()
        people.addWidget(QLabel(self.tr("最少")))
        people.addWidget(self.min_people)
        people.addWidget(QLabel(self.tr("最多")))
        people.addWidget(self.max_people)
        people.addStretch(1)
        self.notes = QLineEdit(getattr(shift, "notes", "") or "", objectName=f"{n}.notes")
        self.notes.setPlaceholderText(self.tr("例如：带扫帚，在东门集合"))
        self.scope = _ScopeChoice(n)
        self.scope.following.toggled.connect(lambda on: self.date.setEnabled(not on))
        hint = QLabel(self.tr("“以后”指同一任务、同一开始时间、这一天及之后的班次；日期只能逐个修改。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_shift_heading(shift))
        day_row = QHBoxLayout()
        day_row.addWidget(self.date)
        day_row.addStretch(1)
        form.addRow(self.tr("日期"), day_row)
        form.addRow(self.tr("时间"), times)
        form.addRow(self.tr("人数"), people)
        form.addRow(self.tr("备注"), self.notes)
        form.addRow(self.tr("修改范围"), self.scope)
        form.addRow(hint)
        self.error = error_label(n)
        box, self.save = save_cancel_buttons(self, n, self.tr("保存"), self.tr("取消"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self.resize(480, self.sizeHint().height())

    def changes(self) -> dict[str, Any]:
        """Only what differs from the shift as it is."""
        shift, out = self.shift, {}
        day = pydate(self.date.date())
        if self.scope.scope() == "one" and day != shift.date:
            out["date"] = day
        start, end = pytime(self.start.time()), pytime(self.end.time())
        if start != shift.start:
            out["start_time"] = start.strftime("%H:%M")
        if end != shift.end:
            out["end_time"] = end.strftime("%H:%M")
        if self.min_people.value() != shift.min_people:
            out["min_people"] = self.min_people.value()
        if self.max_people.value() != shift.max_people:
            out["max_people"] = self.max_people.value()
        if self.notes.text().strip() != (getattr(shift, "notes", "") or ""):
            out["notes"] = self.notes.text().strip()
        return out

    def accept(self) -> None:
        changes = self.changes()
        if not changes:
            super().accept()
            return
        try:
            self.changed_count = schedule.update_shift(self.session, self.shift.id, changes,
                                                       self.scope.scope())
        except (ValueError, PermissionDenied) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()


class CancelShiftDialog(QDialog):
    """取消班次: this one or it and the following ones, saying who was on it."""

    NAME = "cancel_shift_dialog"

    def __init__(self, session: Session, shift: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.shift = session, shift
        self.cancelled_count = 0
        n = self.NAME
        self.setObjectName(n)
        self.setWindowTitle(self.tr("取消班次"))
        self.scope = _ScopeChoice(n)
        people = (self.tr("已安排的人员：{0}。取消后请通知他们。").format("、".join(shift.assignees))
                  if shift.assignees else self.tr("这个班次还没有安排人员。"))
        note = QLabel(people)
        note.setWordWrap(True)
        self.error = error_label(n)
        box = QDialogButtonBox()
        self.confirm = QPushButton(self.tr("取消班次"), objectName=f"{n}.confirm")
        self.confirm.setProperty("primary", True)
        box.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        keep = QPushButton(self.tr("不取消"), objectName=f"{n}.keep")
        keep.setDefault(True)
        box.addButton(keep, QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_shift_heading(shift))
        layout.addWidget(note)
        layout.addWidget(self.scope)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        try:
            self.cancelled_count = schedule.cancel_shift(self.session, self.shift.id, self.scope.scope())
        except (ValueError, PermissionDenied) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()
