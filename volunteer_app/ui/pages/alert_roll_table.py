"""点名: the roll-call of the chosen warning, filtered by caller and by state, and one click (or
one key) per attempt for the selected resident: 1 平安, 2 需要帮助…, 3 未接通, 4 已上门, with
5 ticking 经家属确认 (the family contact answered for them). Each attempt is one transaction
of the service, saved off the GUI thread in the order clicked (:mod:`.alert_roll_queue`); the
attempt shows at once and the selection moves on to the next resident not yet reached, so a
worker at the phone goes down the list without the mouse. A refused attempt says why and its
row goes back.

The list is asked of the background runner (:class:`.PageLoad`) and asked again on every
change to the roll-call made elsewhere; the attempts logged here are shown from the rows the
service returns.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.weather import Result, Via
from ...domain.weather_roll import ROLL_VIEWS, door_open, line_on_sheet
from ...services.alerts import access, board
from ...services.session import Session
from ..forms import message_label, push_button, say
from ..list_model import Field, ListTableModel
from ..one_click import one_click
from ..page_load import PageLoad, WhenShown
from ..signals import DataSignals
from ..tables import read_only_table
from .alert_roll_queue import AttemptQueue, Pending, expected_row

WATCHED = frozenset({"alerts", "alert_roll", "alert_attempts", "alert_communities"})
ESCALATED = QColor("#fde2e1")
STATE_COLOURS = {Result.SAFE.value: QColor("#1b7f3b"), Result.NEEDS_HELP.value: QColor("#b85c00"),
                 Result.NO_ANSWER.value: QColor("#b3261e"), Result.DOOR.value: QColor("#1b7f3b")}
RED_TEXT = QColor("#b3261e")
STATE_COLUMN = 7
class RollTab(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.alert: dict[str, Any] | None = None
        self.all_rows: list[dict[str, Any]] = []
        self.rows: list[dict[str, Any]] = []
        self._callers: list[tuple[int | None, str]] = []
        self.dialog: QDialog | None = None
        self.runs = access.can_run(session)
        self.caller = QComboBox(objectName="roll.caller")
        self.caller.setMinimumWidth(150)
        self.state = QComboBox(objectName="roll.state")
        for text, key in ((self.tr("全部状态"), ""), (self.tr("未联系"), "waiting"),
                          (self.tr("未接通"), "no_answer"), (self.tr("需要帮助"), "needs"),
                          (self.tr("已转上门"), "door"), (self.tr("已联系"), "reached")):
            self.state.addItem(text, key)
        self.filter = QLineEdit(objectName="roll.filter")
        self.filter.setPlaceholderText(self.tr("姓名、地址或电话尾号"))
        self.filter.setClearButtonEnabled(True)
        self.count = QLabel(objectName="roll.count")
        top = QHBoxLayout()
        for widget in (self.caller, self.state):
            top.addWidget(widget)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        self.model = self._model()
        self.table = read_only_table("roll.table", self.model, (44, 70, 40, 190, 110, 130, 70, 130, 70, 44))
        self.current = QLabel(objectName="roll.current")
        self.current.setProperty("role", "section-title")
        self.message = message_label("roll")
        # lines whose text changes at every click keep their size: a new size lays the whole
        # page out again and repaints it, which a worker at the phone would feel
        self.count.setMinimumWidth(150)
        for label in (self.current, self.message):
            label.setFixedHeight(label.sizeHint().height() + 4)
            label.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.current)
        layout.addLayout(self._actions())
        layout.addWidget(self.message)
        self.caller.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.state.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.filter.textChanged.connect(lambda _t: self._apply_filter())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        # this tab's own attempts ask for no reload (the row the service returns is shown;
        # reading the whole roll-call again after every click only competed with the GUI
        # thread for Python's lock); a change made elsewhere meanwhile reloads once they are in
        self._attempts = AttemptQueue(self, session, self._on_saved, self._on_refused, self._on_drained)
        self._reload_later = False
        self._shown = WhenShown(self, signals, WATCHED, self.refresh)
        self._load = PageLoad(self, session, _roll, self._on_rows, writes=True)
        self._on_selected()

    def _model(self) -> RollModel:
        red = QBrush(ESCALATED)
        colours = {state: QBrush(colour) for state, colour in STATE_COLOURS.items()}
        red_text = QBrush(RED_TEXT)

        escalated = door_open

        def foreground(r: dict[str, Any], column: int) -> QBrush | None:
            if column != STATE_COLUMN:
                return None
            return red_text if escalated(r) else colours.get(r["state"])

        return RollModel([
            Field(self.tr("序号"), lambda r: str(line_number(r)), line_number, align_right=True),
            Field(self.tr("姓名"), lambda r: r["resident_name"]),
            Field(self.tr("年龄"), lambda r: "" if r.get("age") is None else str(r["age"]),
                  lambda r: r.get("age") or 0, align_right=True),
            Field(self.tr("地址"), lambda r: r.get("address") or "", tooltip=True),
            Field(self.tr("电话"), lambda r: r.get("phone") or ""),
            Field(self.tr("家属联系"), lambda r: r.get("family_contact") or "", tooltip=True),
            Field(self.tr("联系人"), lambda r: r.get("caller_name") or ""),
            Field(self.tr("状态"), lambda r: self.state_text(r)),
            Field(self.tr("等待分钟"), lambda r: _waiting(r), lambda r: r.get("waiting_minutes") or 0,
                  align_right=True),
            Field(self.tr("次数"), lambda r: str(r.get("attempts") or 0), lambda r: r.get("attempts") or 0,
                  align_right=True),
            Field(self.tr("点名原因"), lambda r: "、".join(r.get("reasons") or []), tooltip=True),
        ], self, background=lambda r: red if escalated(r) else None, foreground=foreground)

    def state_text(self, row: dict[str, Any]) -> str:
        if door_open(row):
            door = row.get("door_volunteer_name") or ""
            return self.tr("已转上门") + (f"（{door}）" if door else "")
        return row["state"]

    def _actions(self) -> QHBoxLayout:
        self.safe_button = push_button(self.tr("1 平安"), "roll.safe", primary=True)
        self.help_button = push_button(self.tr("2 需要帮助…"), "roll.help")
        self.no_answer_button = push_button(self.tr("3 未接通"), "roll.no_answer")
        self.door_button = push_button(self.tr("4 已上门"), "roll.door")
        self.family = QCheckBox(self.tr("5 经家属确认"), objectName="roll.family")
        self.family.setToolTip(self.tr("家属接的电话、替老人确认（下一次登记后自动取消）"))
        self.action_buttons = (self.safe_button, self.help_button, self.no_answer_button, self.door_button)
        one_click(*self.action_buttons)     # each moves on to the next resident at once
        row = QHBoxLayout()
        for button in self.action_buttons:
            row.addWidget(button)
        row.addWidget(self.family)
        row.addStretch(1)
        self.safe_button.clicked.connect(lambda: self.log(Result.SAFE))
        self.help_button.clicked.connect(self._on_help)
        self.no_answer_button.clicked.connect(lambda: self.log(Result.NO_ANSWER))
        self.door_button.clicked.connect(lambda: self.log(Result.DOOR))
        # the digit keys while the list (or a button) has the focus; the search box keeps
        # its digits (a line edit takes typed characters before any shortcut)
        for key, act in (("1", self.safe_button.click), ("2", self.help_button.click),
                         ("3", self.no_answer_button.click), ("4", self.door_button.click),
                         ("5", self.family.toggle)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(act)
        return row

    # -- loading -------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """The list is on its way, or attempts are still being saved."""
        return self._load.loading or self._attempts.busy

    def set_alert(self, alert: dict[str, Any] | None) -> None:
        changed = (alert or {}).get("id") != (self.alert or {}).get("id")
        self.alert = alert
        if changed:
            self.all_rows = []
            self._callers = [(-1, "")]      # not a list anyone has: the box is filled again
            self._fill_callers()
            self._apply_filter()
        self._update_buttons()
        if changed and self.isVisible():
            self.refresh()
        elif changed:
            self._shown.stale = True

    def refresh(self) -> None:
        if self.alert is None or self._attempts.announcing:
            return
        if self._attempts.busy:         # read now, it would undo the attempts not yet saved
            self._reload_later = True
            return
        self._load.ask(self.alert["id"])

    def _on_rows(self, rows: list[dict[str, Any]]) -> None:
        if self.alert is None or (rows and rows[0].get("alert_id", self.alert["id"]) != self.alert["id"]):
            return
        if self._attempts.busy:         # asked before the attempts waiting now: ask again after
            self._reload_later = True
            return
        self.all_rows = rows
        self._fill_callers()
        self._apply_filter()

    def _fill_callers(self) -> None:
        chosen = self.caller.currentData()
        callers = dict.fromkeys((r.get("caller_id"), r.get("caller_name") or self.tr("（未定）"))
                                for r in self.all_rows)
        if list(callers) == self._callers:
            return                  # after an attempt the callers are the same: keep the box
        self._callers = list(callers)
        self.caller.blockSignals(True)
        self.caller.clear()
        self.caller.addItem(self.tr("全部联系人"), 0)
        for caller_id, name in sorted(callers, key=lambda c: c[1]):
            self.caller.addItem(name, caller_id if caller_id is not None else -1)
        index = self.caller.findData(chosen)
        self.caller.setCurrentIndex(max(0, index))
        self.caller.blockSignals(False)

    def _apply_filter(self) -> None:
        chosen = self.chosen()
        shown = self._shown_filter()
        self.rows = [r for r in self.all_rows if shown(r)]
        self.model.update_rows(self.rows)
        self._show_count()
        self.select_roll(chosen["id"] if chosen else None)

    def _shown_filter(self) -> Callable[[dict[str, Any]], bool]:
        """Whether a row is listed under the chosen caller, state and search text."""
        caller, state = self.caller.currentData(), self.state.currentData()
        needle = self.filter.text().strip()
        return lambda r: ((not caller or (r.get("caller_id") or -1) == caller)
                          and (not state or ROLL_VIEWS[state](r))
                          and (not needle or _matches(r, needle)))

    def _show_count(self) -> None:
        reached = sum(1 for r in self.rows if r.get("reached_at"))
        self.count.setText(self.tr("%1 人，已联系 %2").replace("%1", str(len(self.rows)))
                           .replace("%2", str(reached)))

    # -- choosing --------------------------------------------------------------------------------
    def chosen(self) -> dict[str, Any] | None:
        picked = self.table.selectionModel().selectedRows()
        if picked and picked[0].row() < len(self.rows):
            return self.rows[picked[0].row()]
        return None

    def select_roll(self, roll_id: int | None) -> bool:
        ids = [r["id"] for r in self.rows]
        if roll_id in ids:
            self.table.selectRow(ids.index(roll_id))
            return True
        if roll_id is None and self.rows:
            self.select_next(-1)
        return False

    def locate(self, roll_id: int) -> None:
        """Show one resident of the list (from 未联系上 or 上门查看): the filters let go."""
        for widget in (self.caller, self.state):
            widget.setCurrentIndex(0)
        self.filter.clear()
        self.select_roll(roll_id)
        self.table.setFocus()

    def select_next(self, after: int) -> None:
        """The next resident below ``after`` not yet reached (from the top again at the end)."""
        order = list(range(after + 1, len(self.rows))) + list(range(0, max(after, 0)))
        for number in order:
            if not self.rows[number].get("reached_at"):
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))
                return
        if 0 <= after < len(self.rows):
            self.table.selectRow(after)

    def _on_selected(self) -> None:
        row = self.chosen()
        if row is None:
            self.current.setText(self.tr("请在上面的名单里选择一位居民"))
        else:
            family = row.get("family_contact") or self.tr("无")
            self.current.setText(self.tr("%1  %2    电话 %3    家属 %4").replace("%1", row["resident_name"])
                                 .replace("%2", row.get("address") or "").replace("%3", row.get("phone") or "—")
                                 .replace("%4", family))
        self._update_buttons()

    def may_log(self) -> bool:
        """Staff, on an open warning (the service checks again)."""
        return self.runs and self.alert is not None and self.alert.get("closed_at") is None

    def _update_buttons(self) -> None:
        for widget in (*self.action_buttons, self.family):
            widget.setVisible(self.may_log())
            widget.setEnabled(self.chosen() is not None)

    # -- logging ---------------------------------------------------------------------------------
    def log(self, result: Result, needs: list[str] | None = None, note: str = "") -> Pending | None:
        """One attempt for the selected resident, shown at once and saved in the background;
        the selection moves on to the next one."""
        row = self.chosen()
        if row is None or not self.may_log():
            return None
        attempt = self._attempt(row, result, needs or [], note)
        attempt.expected = expected_row(row, result, attempt.via, attempt.at, attempt.needs, note)
        number = self.rows.index(row)
        listed = self._put(attempt.expected)
        self.family.setChecked(False)
        self.select_next(number if listed else number - 1)
        self._attempts.add(attempt)
        return attempt

    def _attempt(self, row: dict[str, Any], result: Result, needs: list[str], note: str) -> Pending:
        via = Via.DOOR if result is Result.DOOR else Via.FAMILY if self.family.isChecked() else Via.SELF
        if result is Result.NO_ANSWER:
            via = Via.SELF
        before = self._attempts.last_saved(row["id"]) or row
        return Pending(row["id"], result, via, access.now(self.session), needs, note, before)

    def _on_saved(self, attempt: Pending, saved: dict[str, Any]) -> None:
        if not self._attempts.waits_for(saved["id"]):     # else the later click stays shown
            number = self._number(saved["id"])
            listed = self._put(saved)
            if attempt.expected is None and number is not None:    # the dialog's: on to the next
                self.family.setChecked(False)
                self.select_next(number if listed else number - 1)
        text = self.tr("%1：%2").replace("%1", saved["resident_name"]).replace("%2", attempt.result.value)
        if door_open(saved):
            door = saved.get("door_volunteer_name") or self.tr("（待指派）")
            text += self.tr("，已转上门查看：%1").replace("%1", door)
        say(self.message, text)
        if attempt.replies:
            attempt.replies[0](saved)

    def _on_refused(self, attempt: Pending, error: BaseException) -> None:
        if attempt.replies:                 # the dialog, still open, says why
            attempt.replies[1](error)
            return
        if not self._attempts.waits_for(attempt.roll_id):
            self._put(attempt.before)
        text = self.tr("%1的点名结果没有保存：%2").replace("%1", attempt.before["resident_name"])
        say(self.message, text.replace("%2", str(error)), error=True)

    def _on_drained(self) -> None:
        if self._reload_later:
            self._reload_later = False
            self.refresh()

    def _number(self, roll_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r["id"] == roll_id), None)

    def _put(self, row: dict[str, Any]) -> bool:
        """Show ``row`` in place of the roll entry with its id; True when the filters list it.
        One line changes (a district's roll-call has thousands: no filtering, no reset)."""
        at = next((i for i, r in enumerate(self.all_rows) if r["id"] == row["id"]), None)
        if at is None:
            return False                    # another warning's, or a list not loaded yet
        self.all_rows[at] = row
        listed = self._shown_filter()(row)
        number = self._number(row["id"])
        if number is not None and listed:
            self.rows[number] = row
            self.model.replace_row(number, row)
        elif number is not None:
            del self.rows[number]
            self.model.remove_row(number)
        elif listed:
            number = bisect.bisect(self.rows, (row["position"], row["id"]), key=lambda r: (r["position"], r["id"]))
            self.rows.insert(number, row)
            self.model.insert_row(number, row)
        self._show_count()
        return listed

    def _on_help(self) -> None:
        from ..dialogs.alert_dialogs import NeedsDialog

        row = self.chosen()
        if row is None:
            return
        self.dialog = NeedsDialog(self.session, row["resident_name"],
                                  lambda needs, note, replies: self._log_needs(row, needs, note, replies), self)
        self.dialog.open()

    def _log_needs(self, row: dict[str, Any], needs: list[str], note: str,
                   replies: tuple[Callable[[dict[str, Any]], None], Callable[[BaseException], None]]) -> None:
        """需要帮助 from its dialog, which waits for the answer (a refusal stays in it)."""
        attempt = self._attempt(row, Result.NEEDS_HELP, needs, note)
        attempt.replies = replies
        self._attempts.add(attempt)


class RollModel(ListTableModel):
    """The roll-call changes a row at a time as attempts come in: when the same residents are
    listed in the same order, only the rows that changed are repainted (a reset repaints the
    whole table, some 50 ms on an office PC, after every click)."""

    def update_rows(self, rows: list[dict[str, Any]]) -> None:
        old = self.rows
        if [r["id"] for r in old] != [r["id"] for r in rows]:
            self.set_rows(rows)
            return
        self._rows = list(rows)
        last = self.columnCount() - 1
        for number, (before, after) in enumerate(zip(old, rows, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))


    def replace_row(self, number: int, row: dict[str, Any]) -> None:
        self._rows[number] = row
        self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))

    def insert_row(self, number: int, row: dict[str, Any]) -> None:
        self.beginInsertRows(QModelIndex(), number, number)
        self._rows.insert(number, row)
        self.endInsertRows()

    def remove_row(self, number: int) -> None:
        self.beginRemoveRows(QModelIndex(), number, number)
        del self._rows[number]
        self.endRemoveRows()


def line_number(row: dict[str, Any]) -> int:
    """The number a roll row has on the printed call sheet."""
    return line_on_sheet(row["position"])


def _waiting(row: dict[str, Any]) -> str:
    if row.get("reached_at") or row.get("waiting_minutes") is None:
        return ""
    return str(int(row["waiting_minutes"]))


def _matches(row: dict[str, Any], needle: str) -> bool:
    return any(needle in str(row.get(key) or "") for key in ("resident_name", "address", "phone"))


def _roll(session: Session, alert_id: int) -> list[dict[str, Any]]:
    return board.roll_rows(session, alert_id)
