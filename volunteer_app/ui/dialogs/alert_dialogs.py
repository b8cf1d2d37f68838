"""The 极端天气 page's small dialogs: what a resident needs (需要帮助…), the outcome of a door
visit, who handles a need and the note when it is done, the insurance of the duty shifts,
and the confirmation of 解除预警 (which runs ``close()`` on the background runner).

Each dialog runs its service on 保存 through the one background runner (issue 16: at street
scale a save and its commit held the window), as ``action(worker_session, *values)``: 保存 is
disabled until it is in, the dialog closes once it is, and it stays open with the service's
Chinese reason when it refuses; nothing is written then. ``saved`` holds what the service
returned. The people 指派处理人 offers (a street has thousands) are read on the runner too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from ...domain.weather import Need, Result
from ...services.session import Session
from ..page_load import PageLoad
from ..screen_fit import fit_to_screen
from .service_dialog import ServiceDialog

Replies = tuple[Callable[[Any], None], Callable[[BaseException], None]]


class _AlertDialog(ServiceDialog):
    """A 极端天气 form (ServiceDialog) whose 保存 says what it does (登记, 解除 …); each sets
    its ``action``."""

    NAME = "alert_dialog"

    def __init__(self, session: Session, title: str, save_text: str, parent: QWidget | None = None):
        super().__init__(session, title, parent=parent, save_text=save_text)


def need_boxes(owner: QWidget, name: str) -> tuple[QGridLayout, dict[str, QCheckBox]]:
    """送餐 送药 取暖 就医 转移 其他, three to a row; the digit keys 1–6 tick them."""
    grid, boxes = QGridLayout(), {}
    for i, need in enumerate(Need):
        box = QCheckBox(f"{i + 1} {need.value}", objectName=f"{name}.{need.value}")
        boxes[need.value] = box
        grid.addWidget(box, i // 3, i % 3)
        QShortcut(QKeySequence(str(i + 1)), owner, box.toggle)
    return grid, boxes


def ticked(boxes: dict[str, QCheckBox]) -> list[str]:
    return [need for need, box in boxes.items() if box.isChecked()]


class NeedsDialog(_AlertDialog):
    """需要帮助: what the resident needs, and a note; ``action(needs, note, (done, failed))``
    logs it in the background and answers through ``done(row)`` or ``failed(error)``."""

    NAME = "alert_needs"

    def __init__(self, session: Session, who: str, action: Callable[[list[str], str, Replies], Any],
                 parent: QWidget | None = None):
        super().__init__(session, self.tr("需要帮助：%1").replace("%1", who), self.tr("保存"), parent)
        self.action = action
        grid, self.boxes = need_boxes(self, self.NAME)
        self.note = QLineEdit(objectName=f"{self.NAME}.note")
        self.note.setPlaceholderText(self.tr("例如：家里暖气不热，药还够两天"))
        self.form.addRow(self.tr("需要"), grid)
        self.form.addRow(self.tr("说明"), self.note)
        fit_to_screen(self, 440, 220)

    def submit(self) -> bool:
        if not self.saving.begin():
            return False
        self.action(ticked(self.boxes), self.note.text().strip(),
                    (self.saving.then(self._on_saved), self.saving.failed))
        return True


class DoorOutcomeDialog(_AlertDialog):
    """上门查看的结果: seen and safe, or needing help (what, and a note);
    ``action(worker, result, needs, note)`` logs it and closes the door visit."""

    NAME = "alert_door"

    def __init__(self, session: Session, who: str, action: Callable[[Session, str, list[str], str], Any],
                 parent: QWidget | None = None):
        super().__init__(session, self.tr("上门查看结果：%1").replace("%1", who), self.tr("保存"), parent)
        self.action = action
        self.safe = QRadioButton(self.tr("已见到本人，平安"), objectName=f"{self.NAME}.safe", checked=True)
        self.help = QRadioButton(self.tr("已见到本人，需要帮助"), objectName=f"{self.NAME}.help")
        grid, self.boxes = need_boxes(self, self.NAME)
        self.note = QLineEdit(objectName=f"{self.NAME}.note")
        self.note.setPlaceholderText(self.tr("例如：手机没电了，人没事"))
        self.form.addRow(self.tr("结果"), self.safe)
        self.form.addRow("", self.help)
        self.form.addRow(self.tr("需要"), grid)
        self.form.addRow(self.tr("说明"), self.note)
        for box in self.boxes.values():
            box.toggled.connect(lambda on: on and self.help.setChecked(True))
        fit_to_screen(self, 460, 280)

    def _values(self) -> tuple[Any, ...]:
        if self.help.isChecked():
            return Result.NEEDS_HELP.value, ticked(self.boxes), self.note.text().strip()
        return Result.DOOR.value, [], self.note.text().strip()


class HandlerDialog(_AlertDialog):
    """指派处理人: who takes a resident's need on (a staff member or a volunteer);
    ``action(worker, volunteer_id)`` saves it. ``people`` is the list, or the function that
    reads it (``people(worker)``, on the runner: 指派 waits for it)."""

    NAME = "alert_handler"

    def __init__(self, session: Session, who: str,
                 people: list[tuple[str, int]] | Callable[[Session], list[tuple[str, int]]],
                 action: Callable[[Session, int], Any], parent: QWidget | None = None, title: str = ""):
        super().__init__(session, title or self.tr("指派处理人：%1").replace("%1", who), self.tr("指派"), parent)
        self.action = action
        self.ids: list[int] = []
        self.person = QComboBox(objectName=f"{self.NAME}.person")
        self.person.setEditable(True)           # type a few characters of the name to find them
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.form.addRow(self.tr("处理人"), self.person)
        fit_to_screen(self, 400, 140)
        self._people: PageLoad | None = None
        if callable(people):
            self.person.lineEdit().setPlaceholderText(self.tr("正在读取名单…"))
            self.save_button.setEnabled(False)
            self._people = PageLoad(self, session, people, self._fill)
            self._people.ask()
        else:
            self._fill(people)

    @property
    def loading(self) -> bool:
        """The list of people is still being read."""
        return self._people is not None and self._people.loading

    def _fill(self, people: list[tuple[str, int]]) -> None:
        # one call for the names, the ids beside them: 7,000 addItem calls held the window ~25 ms
        typed = self.person.currentText()       # typed before the list came: kept
        self.person.addItems([name for name, _ in people])
        if typed:
            self.person.setEditText(typed)
        self.ids = [person_id for _, person_id in people]
        self.person.lineEdit().setPlaceholderText("")
        self.save_button.setEnabled(not self.busy)

    def _values(self) -> tuple[Any, ...]:
        index = self.person.currentIndex()      # the one picked (two people may share a name)
        if index < 0 or self.person.itemText(index) != self.person.currentText():
            index = self.person.findText(self.person.currentText())
        if index < 0 or index >= len(self.ids):
            raise ValueError(self.tr("请从列表中选择处理人。"))
        return (self.ids[index],)


class NeedDoneDialog(_AlertDialog):
    """需要帮助已办: what was done for the resident (办结说明); ``action(worker, note)``."""

    NAME = "alert_note"

    def __init__(self, session: Session, title: str, label: str, action: Callable[[Session, str], Any],
                 parent: QWidget | None = None):
        super().__init__(session, title, self.tr("保存"), parent)
        self.action = action
        self.note = QLineEdit(objectName=f"{self.NAME}.text")
        self.form.addRow(label, self.note)
        fit_to_screen(self, 420, 130)

    def _values(self) -> tuple[Any, ...]:
        return (self.note.text().strip(),)


class InsuranceDialog(_AlertDialog):
    """登记保险: the policy that covers the warning's risky duty shifts (铲冰除雪);
    ``action(worker, policy)``."""

    NAME = "alert_insurance"

    def __init__(self, session: Session, warnings: list[str], action: Callable[[Session, str], Any],
                 parent: QWidget | None = None):
        super().__init__(session, self.tr("登记保险"), self.tr("登记"), parent)
        self.action = action
        said = QLabel("\n".join(warnings), objectName=f"{self.NAME}.warnings", wordWrap=True)
        said.setProperty("role", "hint")
        self.policy = QLineEdit(objectName=f"{self.NAME}.policy")
        self.policy.setPlaceholderText(self.tr("保险公司和保单号，例如：人保财险 PICC-2026-0088"))
        self.form.addRow(said)
        self.form.addRow(self.tr("保险"), self.policy)
        fit_to_screen(self, 480, 170)

    def _values(self) -> tuple[Any, ...]:
        return (self.policy.text().strip(),)


class CloseAlertDialog(_AlertDialog):
    """解除预警: says what closing does and who is still unreached, then runs ``close()`` on
    the background runner (it writes every caller's service records)."""

    NAME = "alert_close"

    def __init__(self, session: Session, alert: dict[str, Any], unreached: int,
                 parent: QWidget | None = None):
        super().__init__(session, self.tr("解除预警"), self.tr("解除预警"), parent)
        self.alert = alert
        text = self.tr("解除“%1”后，点名名单不再接受登记；每位联系人的电话和上门记入志愿服务记录；"
                       "高风险居民须在解除后按时探访。").replace("%1", alert["title"])
        if unreached:
            text += self.tr("\n还有 %1 人没有联系上，解除时将记下原因。").replace("%1", str(unreached))
        said = QLabel(text, objectName=f"{self.NAME}.summary", wordWrap=True)
        self.form.addRow(said)
        fit_to_screen(self, 460, 180)

    def submit(self) -> bool:
        from ...services.alerts import closing
        return self.saving.run(self, closing.close, self.alert["id"], session=self.session,
                               done=self._on_closed)

    def _on_closed(self, result: dict[str, Any]) -> None:
        self.saved = result
        self.accept()
