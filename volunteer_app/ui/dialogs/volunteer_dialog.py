"""新增/编辑志愿者: a form checked on every keystroke by ``services.people.volunteers.validate``.

Each error is shown in Chinese beside its field once the field has been touched, and the
save button stays disabled until the whole form is right. When a valid ID number is
typed, birth date and gender are taken from it and their fields are locked.

An existing volunteer's ID number and phone open masked, for every role; “显示完整号码”
(for a role the service lets see them) puts the full values in, audited. Saving a number
left masked keeps the stored one.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.stars import stars_symbols
from ...services.hours import record_queries
from ...services.hours.certificates import format_hours
from ...services.people import places, volunteers
from ...services.permissions import Permission, PermissionDenied
from ...services.session import Session
from ..reveal import reveal_button
from ..screen_fit import fit_to_screen, scrolling
from ..widgets.availability_grid import AvailabilityGrid
from .person_dialog import PersonForm

NAME = "volunteer_dialog"


class VolunteerDialog(PersonForm, QDialog):
    """Opens empty for a new volunteer, or filled for ``volunteer_id``; saves on accept."""

    NAME, ENTITY, REFUSAL = NAME, "volunteers", volunteers.VolunteerError

    def __init__(self, session: Session, volunteer_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._start(session)
        self.volunteer_id = volunteer_id
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("新增志愿者") if volunteer_id is None else self.tr("编辑志愿者"))
        self._build()
        if volunteer_id is not None:
            self._load(volunteer_id)
            self._touched = set(self._error_labels)
        self._connect()
        self._revalidate()
        if not session.can(Permission.VOLUNTEER_WRITE):
            self._read_only()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.name = QLineEdit(objectName=f"{NAME}.name")
        self.id_number = QLineEdit(objectName=f"{NAME}.id_number")
        self.id_number.setPlaceholderText(self.tr("可不填；填了自动带出出生日期和性别"))
        self.id_number.setMaxLength(24)     # room for the spaces people type between groups
        self.id_note = QLabel(objectName=f"{NAME}.id_number.note")
        self.id_note.setProperty("role", "hint")
        self.id_note.hide()
        self.birth_date = QLineEdit(objectName=f"{NAME}.birth_date")
        self.birth_date.setPlaceholderText(self.tr("例如 1985-03-12"))
        self.gender = QComboBox(objectName=f"{NAME}.gender")
        self.gender.addItem(self.tr("请选择"), "")
        self.gender.addItem(self.tr("男"), "男")
        self.gender.addItem(self.tr("女"), "女")
        self.phone = QLineEdit(objectName=f"{NAME}.phone")
        self.phone.setPlaceholderText(self.tr("11位手机号，或固定电话"))
        self.reveal = reveal_button(self.session, "volunteers", self.volunteer_id, f"{NAME}.reveal")
        self.reveal.clicked.connect(self._on_reveal)
        self.building = QLineEdit(objectName=f"{NAME}.building")
        self.building.setPlaceholderText(self.tr("住址楼号"))
        # 80后帮90后 pairs inside a community: a helper without one is never proposed
        self.community = QComboBox(objectName=f"{NAME}.community")
        self.community.addItem(self.tr("请选择"), None)
        for community in places.communities(self.session):
            self.community.addItem(community["name"], community["id"])
        self.place = QComboBox(objectName=f"{NAME}.place")
        self._places = places.places(self.session)
        self._fill_places()

        self.skills = QListWidget(objectName=f"{NAME}.skills")
        self.skills.setFlow(QListWidget.Flow.LeftToRight)
        self.skills.setWrapping(True)
        # re-wrap when the dialog settles narrower than the first layout (the CJK font on
        # 1366×768), instead of hiding the last skills behind a horizontal scroll bar
        self.skills.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.skills.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.skills.setFixedHeight(64)
        for skill in volunteers.SKILL_CHOICES:
            item = QListWidgetItem(skill)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.skills.addItem(item)
        self.other_skills = QLineEdit(objectName=f"{NAME}.other_skills")
        self.other_skills.setPlaceholderText(self.tr("其他技能，用顿号或逗号分开"))

        self.availability = AvailabilityGrid(object_name=f"{NAME}.availability")
        self.weekly_hours_cap = QDoubleSpinBox(objectName=f"{NAME}.weekly_hours_cap")
        self.weekly_hours_cap.setRange(0, 60)
        self.weekly_hours_cap.setSingleStep(0.5)
        self.weekly_hours_cap.setDecimals(1)
        self.weekly_hours_cap.setSuffix(self.tr(" 小时"))
        self.weekly_hours_cap.setValue(8)
        self.health_limit = QCheckBox(self.tr("不宜重体力劳动"), objectName=f"{NAME}.health_limit")
        self.is_staff = QCheckBox(self.tr("是社区工作者（工作时间内的服务不计入星级）"),
                                  objectName=f"{NAME}.is_staff")
        self.helper_capacity = QSpinBox(objectName=f"{NAME}.helper_capacity")
        self.helper_capacity.setRange(1, 3)
        self.helper_capacity.setValue(2)
        self.helper_capacity.setSuffix(self.tr(" 位老人"))
        self.status = QComboBox(objectName=f"{NAME}.status")
        for status in volunteers.STATUSES:
            self.status.addItem(status, status)
        self.notes = QLineEdit(objectName=f"{NAME}.notes")

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rows: list[tuple[str, str, QWidget]] = [
            ("name", self.tr("姓名 *"), self.name),
            ("id_number", self.tr("身份证号"), self._stack(self._row(self.id_number, self.reveal), self.id_note)),
            ("birth_date", self.tr("出生日期 *"), self.birth_date),
            ("gender", self.tr("性别 *"), self.gender),
            ("phone", self.tr("联系电话"), self.phone),
            # one row for where the helper lives, to keep the dialog within 768 pixels
            ("community_id", self.tr("所属社区 *"),
             self._row(self.community, self.place, self.building, even=True)),
            ("skills", self.tr("技能"), self._stack(self.skills, self.other_skills)),
            ("availability", self.tr("可服务时间"), self.availability),
            ("weekly_hours_cap", self.tr("每周时长上限"), self.weekly_hours_cap),
            ("helper_capacity", self.tr("可结对人数"), self.helper_capacity),
            ("health_limit", self.tr("身体情况"), self.health_limit),
            ("is_staff", self.tr("身份"), self.is_staff),
            ("status", self.tr("状态"), self.status),
            ("notes", self.tr("备注"), self.notes),
        ]
        self._add_rows(form, rows)

        self.stars = QLabel(objectName=f"{NAME}.stars")     # an existing volunteer's standing
        self.stars.hide()
        self._add_summary_and_buttons(self.tr("保存"), self.tr("取消"))

        body = QWidget(objectName=f"{NAME}.body")
        body.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body))   # the form scrolls; 保存 stays in view
        layout.addWidget(self.stars)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        fit_to_screen(self, 600, body.sizeHint().height() + 130)

    def _fill_places(self) -> None:
        """The places of the chosen community only, so place and community always agree."""
        chosen = self.place.currentData()
        community_id = self.community.currentData()
        self.place.blockSignals(True)
        self.place.clear()
        self.place.addItem(self.tr("小区/院落（可不填）"), None)
        for place in self._places:
            if place["community_id"] == community_id:
                self.place.addItem(place["name"], place["id"])
        self.place.setCurrentIndex(max(0, self.place.findData(chosen)))
        self.place.blockSignals(False)

    def _on_community(self) -> None:
        self._fill_places()
        self._on_edited("community_id")

    def _connect(self) -> None:
        for key, line in (("name", self.name), ("id_number", self.id_number),
                          ("birth_date", self.birth_date), ("phone", self.phone),
                          ("building", self.building), ("skills", self.other_skills),
                          ("notes", self.notes)):
            line.textEdited.connect(lambda _text, k=key: self._on_edited(k))
        self.gender.currentIndexChanged.connect(lambda _i: self._on_edited("gender"))
        self.status.currentIndexChanged.connect(lambda _i: self._on_edited("status"))
        self.community.currentIndexChanged.connect(lambda _i: self._on_community())
        self.place.currentIndexChanged.connect(lambda _i: self._on_edited("community_id"))
        self.skills.itemChanged.connect(lambda _item: self._on_edited("skills"))
        self.availability.changed.connect(lambda: self._on_edited("availability"))
        self.weekly_hours_cap.valueChanged.connect(lambda _v: self._on_edited("weekly_hours_cap"))
        self.helper_capacity.valueChanged.connect(lambda _v: self._on_edited("helper_capacity"))
        self.health_limit.toggled.connect(lambda _v: self._on_edited("health_limit"))
        self.is_staff.toggled.connect(lambda _v: self._on_edited("is_staff"))

    def _load(self, volunteer_id: int) -> None:
        row = volunteers.get(self.session, volunteer_id)
        if row is None:
            return
        self._version = row["row_version"]  # the copy this edit is based on
        self.name.setText(row["name"] or "")
        self.id_number.setText(row["id_number"] or "")
        self.birth_date.setText(row["birth_date"] or "")
        self.gender.setCurrentIndex(max(0, self.gender.findData(row["gender"] or "")))
        self.phone.setText(row["phone"] or "")
        self.building.setText(row["building"] or "")
        self.community.setCurrentIndex(max(0, self.community.findData(row["community_id"])))
        self._fill_places()
        self.place.setCurrentIndex(max(0, self.place.findData(row["place_id"])))
        known = set(volunteers.SKILL_CHOICES)
        for i in range(self.skills.count()):
            item = self.skills.item(i)
            checked = item.text() in row["skills_list"]
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.other_skills.setText("、".join(s for s in row["skills_list"] if s not in known))
        self.availability.set_text(row["availability"])
        self.weekly_hours_cap.setValue(float(row["weekly_hours_cap"] or 0))
        self.helper_capacity.setValue(max(1, int(row["helper_capacity"] or 1)))
        self.health_limit.setChecked(bool(row["health_limit"]))
        self.is_staff.setChecked(bool(row["is_staff"]))
        self.status.setCurrentIndex(max(0, self.status.findData(row["status"])))
        self.notes.setText(row["notes"] or "")
        self._show_stars(volunteer_id)

    def _read_only(self) -> None:
        """For a role that may look but not edit: every field fixed, no 保存."""
        self.setWindowTitle(self.tr("志愿者信息"))
        for widget in (self.name, self.id_number, self.birth_date, self.phone, self.building,
                       self.other_skills, self.notes):
            widget.setReadOnly(True)
        for widget in (self.gender, self.skills, self.availability, self.weekly_hours_cap,
                       self.helper_capacity, self.health_limit, self.is_staff, self.status):
            widget.setEnabled(False)
        self.save_button.hide()
        self.summary.setText(self.tr("您的角色只能查看志愿者信息，不能修改。"))

    def _on_reveal(self) -> None:
        self._reveal(self.volunteer_id, {"id_number": self.id_number, "phone": self.phone})

    def _show_stars(self, volunteer_id: int) -> None:
        """星级 from the verified hours that count for stars (read-only; 服务记录 keeps the hours)."""
        try:
            standing = record_queries.volunteer_stars(self.session, volunteer_id)
        except PermissionDenied:
            return
        text = self.tr("星级：{0} {1}（累计已核实服务 {2} 小时").format(
            standing.text, stars_symbols(standing.level), format_hours(standing.hours))
        if standing.hours_to_next is not None:
            text += self.tr("，距下一星级还需 {0} 小时").format(format_hours(standing.hours_to_next))
        self.stars.setText(text + self.tr("）"))
        self.stars.show()

    # -- reading and checking ---------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        """What the person typed, in the words ``services.people.volunteers`` understands."""
        skills = [self.skills.item(i).text() for i in range(self.skills.count())
                  if self.skills.item(i).checkState() == Qt.CheckState.Checked]
        skills += [s for s in re.split(r"[,，、;；/\s]+", self.other_skills.text()) if s]
        values: dict[str, Any] = {
            "name": self.name.text(), "id_number": self.id_number.text(),
            "birth_date": self.birth_date.text(), "gender": self.gender.currentData(),
            "phone": self.phone.text(), "building": self.building.text(), "skills": skills,
            "community_id": self.community.currentData(), "place_id": self.place.currentData(),
            "availability": self.availability.text(),
            "weekly_hours_cap": self.weekly_hours_cap.value(),
            "helper_capacity": self.helper_capacity.value(),
            "health_limit": self.health_limit.isChecked(), "is_staff": self.is_staff.isChecked(),
            "status": self.status.currentData(), "notes": self.notes.text(),
        }
        if self.volunteer_id is not None:
            values["id"] = self.volunteer_id
        return values

    def _revalidate(self) -> None:
        self._errors = volunteers.validate(self.session, self.fields()).errors
        self._show_field_errors()
        self._show_summary(self.tr("请填写带 * 的项目后保存。"))

    # -- saving ----------------------------------------------------------------------------
    def _save(self, fields: dict[str, Any]) -> int:
        if self.volunteer_id is None:
            return volunteers.add(self.session, fields)
        volunteers.update(self.session, self.volunteer_id, fields, version=self._version)
        return self.volunteer_id


__all__ = ["VolunteerDialog"]
