"""新增/编辑居民: a form checked on every keystroke by ``services.people.residents.validate``.

Each error is shown in Chinese beside its field once the field has been touched, and the
save button stays disabled until the whole form is right. A valid ID number decides birth
date and gender (shown read-only). Age and 悬空老人 are shown live, computed by the domain
rules the service uses.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services.care import coverage
from ...services.people import consent, places, resident_facts, residents
from ...services.permissions import Permission
from ...services.session import Session
from ..reveal import reveal_button
from ..screen_fit import fit_to_screen
from .person_dialog import PersonForm

NAME = "resident_dialog"
# Stored values (needs, consent methods) and labels, shown through self.tr: marked for the
# translation files under the dialog's context.
FLAG_LABELS = {
    "has_lift": QT_TRANSLATE_NOOP("ResidentDialog", "有电梯"),
    "cannot_use_stairs": QT_TRANSLATE_NOOP("ResidentDialog", "不能上下楼"),
    "lives_alone": QT_TRANSLATE_NOOP("ResidentDialog", "独居"),
    "empty_nest": QT_TRANSLATE_NOOP("ResidentDialog", "空巢"),
    "disabled": QT_TRANSLATE_NOOP("ResidentDialog", "残疾"),
    "dementia": QT_TRANSLATE_NOOP("ResidentDialog", "失智"),
    "serious_illness": QT_TRANSLATE_NOOP("ResidentDialog", "重病"),
    "hardship": QT_TRANSLATE_NOOP("ResidentDialog", "困难"),
    "family_nearby": QT_TRANSLATE_NOOP("ResidentDialog", "附近有家属"),
    # facts the weather roll-call selects by (停电 is dangerous for 制氧机, 高温 for 慢性病)
    "power_dependent": QT_TRANSLATE_NOOP("ResidentDialog", "依赖电力或氧气"),
    "chronic_illness": QT_TRANSLATE_NOOP("ResidentDialog", "慢性病"),
}
FLAG_TIPS = {
    "power_dependent": QT_TRANSLATE_NOOP("ResidentDialog", "家中使用制氧机、呼吸机等，停电有危险；极端天气时列入点名"),
    "chronic_illness": QT_TRANSLATE_NOOP("ResidentDialog", "高血压、糖尿病、心脏病等；高温预警时列入点名"),
}
NEED_CHOICES = (QT_TRANSLATE_NOOP("ResidentDialog", "跑腿代办"), QT_TRANSLATE_NOOP("ResidentDialog", "陪同就医"),
                QT_TRANSLATE_NOOP("ResidentDialog", "上下楼"), QT_TRANSLATE_NOOP("ResidentDialog", "助餐"),
                QT_TRANSLATE_NOOP("ResidentDialog", "打扫卫生"), QT_TRANSLATE_NOOP("ResidentDialog", "聊天陪伴"),
                QT_TRANSLATE_NOOP("ResidentDialog", "代购药品"))
CONSENT_METHODS = (QT_TRANSLATE_NOOP("ResidentDialog", "书面"),
                   QT_TRANSLATE_NOOP("ResidentDialog", "口头（有见证人）"),
                   QT_TRANSLATE_NOOP("ResidentDialog", "家属代签"), QT_TRANSLATE_NOOP("ResidentDialog", "电话"))
# The risk tiers' stored words, shown through self.tr (marked for the translation files).
TIER_WORDS = (QT_TRANSLATE_NOOP("ResidentDialog", "高"), QT_TRANSLATE_NOOP("ResidentDialog", "重点"),
              QT_TRANSLATE_NOOP("ResidentDialog", "一般"))
NO_FLOOR = -4   # the spin box's "未填" value, below the lowest real floor (-3)


class ResidentDialog(PersonForm, QDialog):
    """Opens empty for a new resident, or filled for ``resident_id``; saves on accept."""

    saved = Signal(int)
    NAME, ENTITY, REFUSAL = NAME, "residents", residents.ResidentError

    def __init__(self, session: Session, resident_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        session.require(Permission.RESIDENT_WRITE)
        self._start(session)
        self.resident_id = resident_id
        self._had_consent = False           # to warn that unticking it ends the pairs
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("新增居民") if resident_id is None else self.tr("编辑居民"))
        self._build()
        if resident_id is not None:
            self._load(resident_id)
            self._touched = set(self._error_labels)
        self._connect()
        self._revalidate()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.name = QLineEdit(objectName=f"{NAME}.name")
        self.name.setMaxLength(120)     # UTF-16 units: a rare character outside the BMP takes two
        self.id_number = QLineEdit(objectName=f"{NAME}.id_number")
        self.id_number.setPlaceholderText(self.tr("18位身份证号，自动带出出生日期和性别"))
        self.id_number.setMaxLength(24)     # room for the spaces people type between groups
        self.id_note = QLabel(objectName=f"{NAME}.id_number.note")
        self.id_note.setProperty("role", "hint")
        self.id_note.hide()
        self.birth_date = QLineEdit(objectName=f"{NAME}.birth_date")
        self.birth_date.setPlaceholderText(self.tr("无身份证号时填写，例如 1932-05-08"))
        self.gender = QComboBox(objectName=f"{NAME}.gender")
        self.gender.addItem(self.tr("请选择"), "")
        self.gender.addItem(self.tr("男"), "男")
        self.gender.addItem(self.tr("女"), "女")
        self.derived = QLabel(objectName=f"{NAME}.derived")
        self.derived.setProperty("role", "hint")
        self.reveal = reveal_button(self.session, "residents", self.resident_id, f"{NAME}.reveal")
        self.reveal.clicked.connect(self._on_reveal)
        self.phone = QLineEdit(objectName=f"{NAME}.phone")
        self.phone.setPlaceholderText(self.tr("11位手机号，或固定电话如 010-63712345"))
        self.place = QComboBox(objectName=f"{NAME}.place")
        self.place.addItem(self.tr("（未填）"), None)
        names = {c["id"]: c["name"] for c in places.communities(self.session)}
        self._community_of: dict[int, str] = {}
        for place in places.places(self.session):
            self.place.addItem(place["name"], place["id"])
            self._community_of[place["id"]] = names.get(place["community_id"], "")
        # the place decides the community (services/people/person_community.py); shown, not chosen
        self.community = QLabel(objectName=f"{NAME}.community")
        self.community.setProperty("role", "hint")
        self.building = QLineEdit(objectName=f"{NAME}.building")
        self.unit = QLineEdit(objectName=f"{NAME}.unit")
        self.room = QLineEdit(objectName=f"{NAME}.room")
        for line, hint, width in ((self.building, self.tr("楼号"), 70), (self.unit, self.tr("单元"), 50),
                                  (self.room, self.tr("门牌"), 70)):
            line.setPlaceholderText(hint)
            line.setMaximumWidth(width + 30)
        self.floor = QSpinBox(objectName=f"{NAME}.floor")
        self.floor.setRange(NO_FLOOR, 60)
        self.floor.setSpecialValueText(self.tr("未填"))
        self.floor.setValue(NO_FLOOR)
        self.floor.setSuffix(self.tr(" 层"))
        self.flags = {key: QCheckBox(self.tr(label), objectName=f"{NAME}.{key}")
                      for key, label in FLAG_LABELS.items()}
        for key, tip in FLAG_TIPS.items():
            self.flags[key].setToolTip(self.tr(tip))
        self.stranded = QLabel(objectName=f"{NAME}.stranded")
        self.needs = {need: QCheckBox(self.tr(need), objectName=f"{NAME}.need.{need}")
                      for need in NEED_CHOICES}
        self.emergency_contact = QLineEdit(objectName=f"{NAME}.emergency_contact")
        self.emergency_contact.setPlaceholderText(self.tr("家属姓名和电话"))
        self.consent_visit = QCheckBox(self.tr("同意上门探访和结对"), objectName=f"{NAME}.consent_visit")
        self.consent_date = QDateEdit(objectName=f"{NAME}.consent_date")
        self.consent_date.setCalendarPopup(True)
        self.consent_date.setDisplayFormat("yyyy-MM-dd")
        self.consent_date.setDate(QDate(self.session.today()))
        self.consent_method = QComboBox(objectName=f"{NAME}.consent_method")
        for method in CONSENT_METHODS:
            self.consent_method.addItem(self.tr(method), method)
        self.sensitive_consent = QCheckBox(self.tr("健康信息单独同意"),
                                           objectName=f"{NAME}.sensitive_consent")
        self.health_consent_by = QLineEdit(objectName=f"{NAME}.health_consent_by")
        self.health_consent_by.setPlaceholderText(self.tr("同意人，如 本人、女儿王芳"))
        self.health_consent_date = QDateEdit(objectName=f"{NAME}.health_consent_date")
        self.health_consent_date.setCalendarPopup(True)
        self.health_consent_date.setDisplayFormat("yyyy-MM-dd")
        self.health_consent_date.setMaximumDate(QDate(self.session.today()))
        self.health_consent_date.setDate(QDate(self.session.today()))
        self.withdrawal = QLabel(objectName=f"{NAME}.withdrawal")
        self.withdrawal.setProperty("role", "error")
        self.withdrawal.setWordWrap(True)
        self.withdrawal.hide()
        self.health_notes = QPlainTextEdit(objectName=f"{NAME}.health_notes")
        self.health_notes.setFixedHeight(56)
        self.health_notes.setPlaceholderText(self.tr("敏感信息：需居民另行同意"))
        may_sensitive = self.session.can(Permission.VIEW_SENSITIVE)
        self.health_notes.setEnabled(may_sensitive)
        if not may_sensitive:
            self.health_notes.setPlaceholderText(self.tr("您的角色不能查看或填写健康信息"))
        self.notes = QLineEdit(objectName=f"{NAME}.notes")
        # 包户人: the community worker responsible for visits when no helper is paired
        self.responsible = QComboBox(objectName=f"{NAME}.responsible")
        self.responsible.addItem(self.tr("（无）"), None)
        for staff in coverage.staff_members(self.session):
            self.responsible.addItem(staff["name"], staff["id"])
        self.tier = QLabel(objectName=f"{NAME}.tier")
        self.tier.setProperty("role", "hint")

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rows: list[tuple[str, str, QWidget]] = [
            ("name", self.tr("姓名 *"), self.name),
            ("id_number", self.tr("身份证号"), self._stack(self._row(self.id_number, self.reveal), self.id_note)),
            ("birth_date", self.tr("出生日期 *"), self._row(self.birth_date, self.derived)),
            ("gender", self.tr("性别 *"), self.gender),
            ("phone", self.tr("联系电话"), self.phone),
            ("place_id", self.tr("小区/院落 *"), self._row(self.place, self.community, stretch=True)),
            ("building", self.tr("楼号/单元/门牌"),
             self._row(self.building, self.unit, self.room, stretch=True)),
            ("floor", self.tr("楼层"), self._row(self.floor, self.stranded)),
            ("flags", self.tr("情况"), self._grid(list(self.flags.values()), 5)),
            ("responsible_volunteer_id", self.tr("包户人"), self._row(self.responsible, self.tier)),
            ("needs", self.tr("需要的帮助"), self._grid(list(self.needs.values()), 4)),
            ("emergency_contact", self.tr("紧急联系人"), self.emergency_contact),
            ("consent_visit", self.tr("同意"),
             self._stack(self._row(self.consent_visit, self.consent_date, self.consent_method,
                                   stretch=True), self.withdrawal)),
            ("health_notes", self.tr("健康情况"),
             self._stack(self._row(self.sensitive_consent, self.health_consent_by,
                                   self.health_consent_date), self.health_notes)),
            ("notes", self.tr("备注"), self.notes),
        ]
        self._add_rows(form, rows)
        self._add_summary_and_buttons(self.tr("保存"), self.tr("取消"))

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addStretch(1)     # spare height below the form, not inside the notes box
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        fit_to_screen(self, 680, 720)

    @staticmethod
    def _grid(widgets: list[QWidget], columns: int) -> QWidget:
        box = QWidget()
        layout = QGridLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for i, widget in enumerate(widgets):
            layout.addWidget(widget, i // columns, i % columns)
        return box

    def _connect(self) -> None:
        for key, line in (("name", self.name), ("id_number", self.id_number),
                          ("birth_date", self.birth_date), ("phone", self.phone),
                          ("building", self.building), ("building", self.unit),
                          ("building", self.room), ("emergency_contact", self.emergency_contact),
                          ("notes", self.notes)):
            line.textEdited.connect(lambda _text, k=key: self._on_edited(k))
        self.gender.currentIndexChanged.connect(lambda _i: self._on_edited("gender"))
        self.place.currentIndexChanged.connect(lambda _i: self._on_edited("place_id"))
        self.responsible.currentIndexChanged.connect(
            lambda _i: self._on_edited("responsible_volunteer_id"))
        self.floor.valueChanged.connect(lambda _v: self._on_edited("floor"))
        for box in (*self.flags.values(), *self.needs.values(), self.sensitive_consent):
            box.toggled.connect(lambda _on: self._on_edited("flags"))
        self.consent_visit.toggled.connect(lambda _on: self._on_edited("consent_visit"))
        self.consent_date.dateChanged.connect(lambda _d: self._on_edited("consent_visit"))
        self.consent_method.currentIndexChanged.connect(lambda _i: self._on_edited("consent_visit"))
        self.sensitive_consent.toggled.connect(lambda _on: self._on_edited("health_notes"))
        self.health_consent_by.textEdited.connect(lambda _t: self._on_edited("health_notes"))
        self.health_consent_date.dateChanged.connect(lambda _d: self._on_edited("health_notes"))
        self.health_notes.textChanged.connect(lambda: self._on_edited("health_notes"))

    def _load(self, resident_id: int) -> None:
        row = residents.get(self.session, resident_id)
        if row is None:
            return
        self._version = row["row_version"]  # the copy this edit is based on
        self.name.setText(row["name"] or "")
        self.id_number.setText(row["id_number"] or "")
        self.phone.setText(row["phone"] or "")
        self._masked = {key for key in ("id_number", "phone", "emergency_contact")
                        if "*" in (row[key] or "")}
        self.birth_date.setText(row["birth_date"] or "")
        self.gender.setCurrentIndex(max(0, self.gender.findData(row["gender"] or "")))
        self.place.setCurrentIndex(max(0, self.place.findData(row["place_id"])))
        self.building.setText(row["building"] or "")
        self.unit.setText(row["unit"] or "")
        self.room.setText(row["room"] or "")
        self.floor.setValue(NO_FLOOR if row["floor"] is None else int(row["floor"]))
        for key, box in self.flags.items():
            box.setChecked(bool(row[key]))
        chosen = set(json.loads(row["needs"] or "[]"))
        for need, box in self.needs.items():
            box.setChecked(need in chosen)
        self.emergency_contact.setText(row["emergency_contact"] or "")
        self.consent_visit.setChecked(bool(row["consent_visit"]))
        if row["consent_date"]:
            self.consent_date.setDate(QDate.fromString(row["consent_date"], "yyyy-MM-dd"))
        index = self.consent_method.findData(row["consent_method"])
        if index < 0 and row["consent_method"]:
            self.consent_method.addItem(row["consent_method"], row["consent_method"])
            index = self.consent_method.count() - 1
        self.consent_method.setCurrentIndex(max(0, index))
        self.sensitive_consent.setChecked(bool(row["sensitive_consent"]))
        self.health_consent_by.setText(row["health_consent_by"] or "")
        if row["health_consent_date"]:
            self.health_consent_date.setDate(QDate.fromString(row["health_consent_date"], "yyyy-MM-dd"))
        self._had_consent = bool(row["consent_visit"])
        self.health_notes.setPlainText(row["health_notes"] or "")
        self.notes.setText(row["notes"] or "")
        staff = row["responsible_volunteer_id"]
        if staff is not None and self.responsible.findData(staff) < 0:   # no longer staff
            self.responsible.addItem(self.tr("编号%1").replace("%1", str(staff)), staff)
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(staff)))
        self._sync_id_number()

    def _on_reveal(self) -> None:
        self._reveal(self.resident_id, {"id_number": self.id_number, "phone": self.phone,
                                        "emergency_contact": self.emergency_contact})

    # -- reading and checking ---------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        """What the person typed, in the words ``services.people.residents`` understands."""
        values: dict[str, Any] = {
            "name": self.name.text(), "id_number": self.id_number.text(),
            "birth_date": self.birth_date.text(), "gender": self.gender.currentData(),
            "phone": self.phone.text(), "place_id": self.place.currentData(),
            "building": self.building.text(), "unit": self.unit.text(), "room": self.room.text(),
            "floor": None if self.floor.value() == NO_FLOOR else self.floor.value(),
            **{key: box.isChecked() for key, box in self.flags.items()},
            "needs": [need for need, box in self.needs.items() if box.isChecked()],
            "emergency_contact": self.emergency_contact.text(),
            "consent_visit": self.consent_visit.isChecked(),
            "sensitive_consent": self.sensitive_consent.isChecked(),
            "notes": self.notes.text(),
            "responsible_volunteer_id": self.responsible.currentData(),
        }
        if self.consent_visit.isChecked():
            values["consent_date"] = self.consent_date.date().toString("yyyy-MM-dd")
            values["consent_method"] = self.consent_method.currentData()
        agreed = self.sensitive_consent.isChecked()
        values["health_consent_by"] = self.health_consent_by.text() if agreed else ""
        values["health_consent_date"] = (self.health_consent_date.date().toString("yyyy-MM-dd")
                                         if agreed else None)
        if self.session.can(Permission.VIEW_SENSITIVE):
            values["health_notes"] = self.health_notes.toPlainText()
        if self.resident_id is not None:
            values["id"] = self.resident_id
        return values

    def _revalidate(self) -> None:
        result = residents.validate(self.session, self.fields())
        self._errors = result.errors
        self._show_field_errors()
        self._show_derived(result.values)
        community = self._community_of.get(self.place.currentData(), "")
        self.community.setText(self.tr("所属社区：%1").replace("%1", community) if community else "")
        self._show_withdrawal()
        self._show_summary(self.tr("请填写带 * 的项目后保存。"))

    def _show_withdrawal(self) -> None:
        """Unticking a given consent ends the resident's pairs on saving: say so first."""
        pairs = (consent.active_pair_count(self.session, self.resident_id)
                 if self._had_consent and not self.consent_visit.isChecked() else 0)
        self.withdrawal.setText(self.tr("保存后视为撤回同意：该居民的%1个结对将解除（原因：撤回同意），"
                                        "不再匹配，也不能再登记探访。").replace("%1", str(pairs)))
        self.withdrawal.setVisible(pairs > 0)

    def _show_derived(self, values: dict[str, Any]) -> None:
        """Age, 悬空老人 and the risk tier, as services/people/resident_facts derives them."""
        facts = resident_facts.derived(self.session, values)
        self.derived.setText(self.tr("年龄：%1 岁").replace("%1", str(facts.age)) if facts.age is not None else "")
        self.tier.setText(self.tr("风险等级：%1，每%2天探访").replace("%1", self.tr(facts.level.value))
                          .replace("%2", str(facts.visit_every_days)))
        self.stranded.setText(self.tr("悬空老人：是") if facts.stranded else self.tr("悬空老人：否"))
        self.stranded.setProperty("role", "error" if facts.stranded else "hint")
        self.stranded.style().unpolish(self.stranded)
        self.stranded.style().polish(self.stranded)

    # -- saving ----------------------------------------------------------------------------
    def _save(self, fields: dict[str, Any]) -> int:
        if self.resident_id is None:
            return residents.add(self.session, fields)
        residents.update(self.session, self.resident_id, fields, version=self._version)
        return self.resident_id

    def _refused(self, errors: dict[str, str], summary: str) -> None:
        super()._refused(errors, summary)
        self.save_button.setEnabled(False)   # until the person changes something

    def _saved(self) -> None:
        self.saved.emit(self.saved_id)


__all__ = ["ResidentDialog"]
