"""登记探访: date, time, duration, mode, what was done and how the resident was.

Saving calls ``services.care.pairing.log_visit`` for a pair, or ``services.care.visit_list.log_visit``
for a row of the visit list (a pair or a staff-covered resident), which also writes the
visitor's service record; a refusal is shown in the dialog so the person keeps what they typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services.care import coverage, pairing, visit_list
from ...services.permissions import PermissionDenied
from ...services.session import Session
from ..forms import date_edit, error_label, save_cancel_buttons

NAME = "visit_dialog"


NOTE_CHARACTERS = 22


class VisitDialog(QDialog):
    def __init__(self, session: Session, pair: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.pair = session, pair
        self.saved: tuple[int, int] | None = None
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("登记探访"))
        self.visited_on = date_edit(f"{NAME}.visited_on", session.today())
        self.start_time = QLineEdit(objectName=f"{NAME}.start_time")
        self.start_time.setPlaceholderText("09:30")
        self.minutes = QSpinBox(objectName=f"{NAME}.minutes")
        self.minutes.setRange(5, 480)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.mode = QComboBox(objectName=f"{NAME}.mode")
        self.mode.addItems(list(pairing.MODES))
        labels = {"done": self.tr("做了什么"), "health": self.tr("身体（说话、行动、疾病）"),
                  "mood": self.tr("精神状态"), "safety": self.tr("安全（燃气、水暖、用电）"),
                  "hygiene": self.tr("卫生"), "living": self.tr("居住与邻里"),
                  "problem": self.tr("发现的问题")}
        self.texts = {key: QLineEdit(objectName=f"{NAME}.{key}") for key in labels}
        for edit in self.texts.values():     # a sentence of notes shows whole, not 10 characters
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("汉") * NOTE_CHARACTERS)
        form = QFormLayout()
        # a row of the visit list says how the resident is covered; a pair has a helper
        who = (self.tr("%1（包户人：%2）") if pair.get("coverage") == coverage.STAFF
               else self.tr("%1（帮手：%2）"))
        form.addRow(self.tr("老人"), QLabel(who.replace("%1", pair["resident_name"])
                                         .replace("%2", pair.get("visitor") or pair["helper_name"])))
        form.addRow(self.tr("探访日期"), self.visited_on)
        form.addRow(self.tr("开始时间"), self.start_time)
        form.addRow(self.tr("时长"), self.minutes)
        form.addRow(self.tr("方式"), self.mode)
        for key, label in labels.items():
            form.addRow(label, self.texts[key])
        self.error = error_label(NAME)
        box, _save = save_cancel_buttons(self, NAME, self.tr("保存"), self.tr("取消"), primary=False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(box)

    def fields(self) -> dict:
        return {"visited_on": self.visited_on.date().toString("yyyy-MM-dd"),
                "start_time": self.start_time.text(), "minutes": self.minutes.value(),
                "mode": self.mode.currentText(),
                **{key: edit.text() for key, edit in self.texts.items()}}

    def accept(self) -> None:
        try:
            if "coverage" in self.pair:
                self.saved = visit_list.log_visit(self.session, self.pair, self.fields())
            else:
                self.saved = pairing.log_visit(self.session, self.pair["id"], self.fields())
        except (pairing.PairingError, coverage.CoverageError, PermissionDenied) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()
