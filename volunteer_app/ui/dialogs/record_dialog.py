"""新增、修改或更正一条服务记录.

New and edit call ``records.add_manual`` / ``records.update``; 更正 (for a locked record)
asks for the reason and calls ``records.amend``, which keeps the original. A refusal from
the service is shown in the dialog and what was typed stays.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.hours import record_queries, records
from ...services.hours.records import RecordError
from ...services.permissions import PermissionDenied
from ...services.session import Session
from ...store.row_versions import StaleRecord
from ..forms import date_edit, error_label, save_cancel_buttons, time_edit


class RecordDialog(QDialog):
    NAME = "record_dialog"

    def __init__(self, session: Session, record: dict[str, Any] | None = None, amend: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.record = record
        self.amending = amend
        self.saved_id: int | None = None
        self.setObjectName(self.NAME)
        self.setWindowTitle(self.tr("更正服务记录") if amend else
                            self.tr("修改服务记录") if record else self.tr("新增服务记录"))
        lookups = record_queries.lookup_lists(session)
        n = self.NAME
        self.volunteer = QComboBox(objectName=f"{n}.volunteer")
        self.volunteer.setEditable(True)
        self.volunteer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for v in lookups["volunteers"]:
            self.volunteer.addItem(f"{v['name']}（{v['volunteer_no'] or v['id']}）", v["id"])
        self.team = QComboBox(objectName=f"{n}.team")
        self.team.addItem(self.tr("（不属于队伍活动）"), None)
        for t in lookups["teams"]:
            self.team.addItem(t["name"], t["id"])
        self.service_type = QComboBox(objectName=f"{n}.service_type")
        for t in lookups["service_types"]:
            self.service_type.addItem(t["name"], t["id"])
        self.date = date_edit(f"{n}.date", session.today())
        self.start = time_edit(f"{n}.start", time(9, 0))
        self.end = time_edit(f"{n}.end", time(11, 0))
        self.beneficiary = QLineEdit(objectName=f"{n}.beneficiary")
        self.beneficiary.setPlaceholderText(self.tr("服务对象，没有可不填"))
        self.content = QLineEdit(objectName=f"{n}.content")
        self.content.setPlaceholderText(self.tr("做了什么，例如：桶前值守、指导分类"))
        self.lead = QLineEdit(objectName=f"{n}.lead")
        self.reason = QLineEdit(objectName=f"{n}.reason")
        self.reason.setPlaceholderText(self.tr("必填：为什么更正，例如“签到表核对，结束时间应为11:30”"))
        self.error = error_label(n)

        form = QFormLayout()
        form.addRow(self.tr("志愿者"), self.volunteer)
        form.addRow(self.tr("所属队伍"), self.team)
        form.addRow(self.tr("服务类别"), self.service_type)
        form.addRow(self.tr("服务日期"), self.date)
        form.addRow(self.tr("开始时间"), self.start)
        form.addRow(self.tr("结束时间"), self.end)
        form.addRow(self.tr("服务对象"), self.beneficiary)
        form.addRow(self.tr("服务内容"), self.content)
        form.addRow(self.tr("活动负责人"), self.lead)
        if amend:
            form.addRow(self.tr("更正原因"), self.reason)
            hint = QLabel(self.tr("原记录会保留并标为“已更正”，更正后的记录代替它计入时长。"))
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            form.addRow(hint)
        box, self.save = save_cancel_buttons(self, n, self.tr("保存更正") if amend else self.tr("保存"),
                                             self.tr("取消"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(box)
        if record:
            self._fill(record)
        elif self.volunteer.count() == 0:       # an office that started empty
            self.error.setText(self.tr("还没有志愿者：先在“志愿者与队伍”里点“新增志愿者”，再来补登服务记录。"))
            self.error.show()
            self.save.setEnabled(False)
        self.resize(460, self.sizeHint().height())

    def _fill(self, record: dict[str, Any]) -> None:
        self._choose(self.volunteer, record["volunteer_id"])
        self.volunteer.setEnabled(not self.amending)
        self._choose(self.team, record["team_id"])
        self._choose(self.service_type, record["service_type_id"])
        self.date.setDate(QDate.fromString(record["date"], "yyyy-MM-dd"))
        if record.get("start_time"):
            self.start.setTime(QTime.fromString(record["start_time"], "HH:mm"))
        if record.get("end_time"):
            self.end.setTime(QTime.fromString(record["end_time"], "HH:mm"))
        self.beneficiary.setText(record.get("beneficiary") or "")
        self.content.setText(record.get("content") or "")
        self.lead.setText(record.get("lead_name") or "")

    @staticmethod
    def _choose(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def fields(self) -> dict[str, Any]:
        return {"volunteer_id": self.volunteer.currentData(), "team_id": self.team.currentData(),
                "service_type_id": self.service_type.currentData(),
                "date": self.date.date().toString("yyyy-MM-dd"),
                "start_time": self.start.time().toString("HH:mm"),
                "end_time": self.end.time().toString("HH:mm"),
                "beneficiary": self.beneficiary.text().strip(), "content": self.content.text().strip(),
                "lead_name": self.lead.text().strip()}

    def accept(self) -> None:
        try:
            if self.amending and self.record:
                self.saved_id = records.amend(self.session, self.record["id"], self.fields(),
                                              self.reason.text())
            elif self.record:
                records.update(self.session, self.record["id"], self.fields(),
                               version=self.record.get("row_version"))
                self.saved_id = self.record["id"]
            else:
                self.saved_id = records.add_manual(self.session, self.fields())
        except (RecordError, PermissionDenied, StaleRecord) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()
