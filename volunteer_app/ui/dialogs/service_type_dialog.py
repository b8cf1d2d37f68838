"""服务类型: the list on the left, the chosen type's name, intensity, usual duration, skills
and insurance on the right. Staff add, edit and archive; built-in types can be edited but
not archived (``services.scheduling.service_types`` refuses, the button says why beforehand).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services.permissions import Permission, PermissionDenied
from ...services.scheduling import service_types
from ...services.scheduling.service_types import ServiceTypeError
from ...services.session import Session
from ...store.row_versions import StaleRecord
from ..forms import message_label, say
from ..screen_fit import fit_to_screen

NAME = "service_type_dialog"


class ServiceTypeDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("服务类型"))
        self.types: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None

        self.list = QListWidget(objectName=f"{NAME}.list")
        self.list.setMinimumWidth(170)
        self.add_button = QPushButton(self.tr("新增类型"), objectName=f"{NAME}.add")
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.add_button)

        self.name = QLineEdit(objectName=f"{NAME}.name")
        self.name.setPlaceholderText(self.tr("例如：铲冰除雪"))
        self.heavy = QRadioButton(self.tr("重体力（如铲冰、搬运）"), objectName=f"{NAME}.heavy")
        self.light = QRadioButton(self.tr("轻"), objectName=f"{NAME}.light")
        self.intensity = QButtonGroup(self)
        self.intensity.addButton(self.heavy)
        self.intensity.addButton(self.light)
        intensity_row = QHBoxLayout()
        intensity_row.addWidget(self.light)
        intensity_row.addWidget(self.heavy)
        intensity_row.addStretch(1)
        self.minutes = QSpinBox(objectName=f"{NAME}.minutes")
        self.minutes.setRange(10, 24 * 60)
        self.minutes.setSingleStep(30)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.minutes.setMaximumWidth(140)
        self.skills = QLineEdit(objectName=f"{NAME}.skills")
        self.skills.setPlaceholderText(self.tr("用顿号或逗号分开，例如：急救、驾驶"))
        self.insurance = QCheckBox(self.tr("需要为志愿者购买保险"), objectName=f"{NAME}.insurance")
        hint = QLabel(self.tr("重体力任务不安排有健康限制或超过年龄上限的志愿者。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("强度"), intensity_row)
        form.addRow(self.tr("通常时长"), self.minutes)
        form.addRow(self.tr("所需技能"), self.skills)
        form.addRow("", self.insurance)
        form.addRow(hint)

        self.save_button = QPushButton(self.tr("保存"), objectName=f"{NAME}.save")
        self.save_button.setProperty("primary", True)
        self.archive_button = QPushButton(self.tr("停用"), objectName=f"{NAME}.archive")
        close = QPushButton(self.tr("关闭"), objectName=f"{NAME}.close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        self.message = message_label(NAME)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        right.addWidget(self.message)
        right.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addSpacing(12)
        layout.addLayout(right, 1)

        self.list.currentRowChanged.connect(self._on_row)
        self.add_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.archive_button.clicked.connect(self.archive)
        close.clicked.connect(self.accept)
        allowed = session.can(Permission.TEAM_WRITE)
        for widget in (self.add_button, self.save_button, self.archive_button):
            widget.setEnabled(allowed)
        self.reload()
        fit_to_screen(self, 620, 380)

    def reload(self, select_id: int | None = None) -> None:
        self.types = service_types.list_all(self.session)
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.types:
            item = QListWidgetItem(f"{row['name']}（{row['intensity']}）")
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [row["id"] for row in self.types]
        self.list.setCurrentRow(ids.index(select_id) if select_id in ids else 0 if ids else -1)
        if not ids:
            self.start_new()

    def _on_row(self, row: int) -> None:
        if not 0 <= row < len(self.types):
            return
        self.current = self.types[row]
        self.name.setText(self.current["name"])
        (self.heavy if self.current["intensity"] == "重" else self.light).setChecked(True)
        self.minutes.setValue(int(self.current["usual_minutes"]))
        self.skills.setText("、".join(self.current["skills"]))
        self.insurance.setChecked(self.current["needs_insurance"])
        builtin = self.current["builtin"]
        self.archive_button.setEnabled(self.session.can(Permission.TEAM_WRITE) and not builtin)
        self.archive_button.setToolTip(self.tr("系统自带的类型可以修改，不能停用") if builtin else "")
        self._say("")

    def start_new(self) -> None:
        self.current = None
        self.list.clearSelection()
        self.name.clear()
        self.light.setChecked(True)
        self.minutes.setValue(120)
        self.skills.clear()
        self.insurance.setChecked(False)
        self.archive_button.setEnabled(False)
        self.name.setFocus()
        self._say(self.tr("填写新类型后点“保存”。"))

    def fields(self) -> dict[str, Any]:
        return {"name": self.name.text(), "intensity": "重" if self.heavy.isChecked() else "轻",
                "usual_minutes": self.minutes.value(), "skills": self.skills.text(),
                "needs_insurance": self.insurance.isChecked()}

    def save(self) -> int | None:
        try:
            if self.current is None:
                type_id = service_types.create(self.session, self.fields())
                note = self.tr("已新增服务类型“{0}”。")
            else:
                type_id = self.current["id"]
                service_types.update(self.session, type_id, self.fields(),
                                     version=self.current.get("row_version"))
                note = self.tr("已保存“{0}”。")
        except (ServiceTypeError, PermissionDenied, StaleRecord) as error:
            self._say(str(error), error=True)
            return None
        self.reload(type_id)
        self._say(note.format(self.name.text().strip()))
        return type_id

    def archive(self) -> None:
        if self.current is None:
            return
        name = self.current["name"]
        try:
            service_types.archive(self.session, self.current["id"])
        except (ServiceTypeError, PermissionDenied, StaleRecord) as error:
            self._say(str(error), error=True)
            return
        self.reload()
        self._say(self.tr("已停用“{0}”，以前的任务和记录仍保留这个类型。").format(name))

    def _say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)
