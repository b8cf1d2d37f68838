"""Reading one row of a 12345 export into a ticket: clean values, a Chinese reason per wrong
cell, the saved ticket it updates (by 工单编号), and a refusal for a 工单编号 the file repeats.
Nothing here is saved and no query is made per row."""

from __future__ import annotations

import functools
import gc
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ...domain import ticket_columns as words
from ...domain.hours import is_working_day
from ...domain.identity import FieldError
from ...domain.requests import RequestType, classify_kind
from ..ledger.import_cells import _text
from ..ledger.import_rows import ImportCancelled, Mapping, Preview, Progress, RowCheck, field_labels
from ..ledger.ledger_files import Table, is_blank
from ..session import Session
from . import tickets

KIND = "tickets"
# (keys, label): at least one of the keys must be mapped to a column
REQUIRED = ((("ticket_no",), "工单编号"), (("received_at", "dispatched_at"), "来电时间"))
LABELS = field_labels(KIND)
CITY_FIELDS = ("caller_name", "caller_phone", "address", "category", "request_type", "kind",
               "content", "handling_unit", "handling_role", "received_at", "dispatched_at",
               "due_at")
CALLBACK_FIELDS = ("callback_contacted", "callback_resolved", "callback_satisfaction",
                   "callback_at")
_DATETIMES = ("received_at", "dispatched_at", "due_at", "callback_at")
_LEVELS = ("category_1", "category_2", "category_3")
_PLAIN = ("caller_name", "address", "content", "handling_unit")


@dataclass(slots=True)
class TicketRow(RowCheck):
    """A checked row; one already saved (``existing_id``) is updated, not refused."""

    @property
    def status(self) -> str:
        if self.errors:
            return "有错误"
        if self.existing_id is not None:
            return "将更新"
        return "有提醒" if self.warnings else "可导入"

    def duplicate_text(self) -> str:
        if self.existing_id is not None:
            return f"已有这张工单（编号{self.existing_id}），导入时更新"
        return ""


class TicketReader:
    """Reads the rows of one file under one mapping, against the tickets already saved."""

    def __init__(self, session: Session, mapping: Mapping):
        self.mapping = mapping
        self.rule = tickets.deadline_rule(session)
        # chinesecalendar scans its holiday table on every call: 50,000 deadlines asked it
        # 450,000 times (5 s); a file spans a few hundred days
        self.is_workday = functools.lru_cache(maxsize=4096)(is_working_day)
        self.saved = dict(session.db.execute(
            "SELECT ticket_no, id FROM requests WHERE ticket_no IS NOT NULL").fetchall())
        self.columns = [(index, key) for index, key in enumerate(mapping.columns) if key]

    def check(self, table: Table, progress: Progress | None,
              cancel: threading.Event | None) -> Preview:
        seen: dict[str, int] = {}
        rows: list[RowCheck] = []
        body = table.rows[self.mapping.header_row + 1:]
        was_enabled = gc.isenabled()
        gc.disable()        # the rows hold no cycles; the collector would rescan them (import_check)
        try:
            for offset, cells in enumerate(body):
                if offset % 500 == 0:
                    if cancel is not None and cancel.is_set():
                        raise ImportCancelled()
                    if progress:
                        progress(offset, len(body))
                if not is_blank(cells):
                    rows.append(self.read(self.mapping.header_row + offset + 2, list(cells), seen))
        finally:
            if was_enabled:
                gc.enable()
        if progress:
            progress(len(body), len(body))
        return Preview(KIND, table, self.mapping, rows)

    def read(self, number: int, cells: list[Any], seen: dict[str, int]) -> TicketRow:
        row = TicketRow(number, cells)
        raw = {key: cells[index] for index, key in self.columns if index < len(cells)}
        texts = {key: _text(value) for key, value in raw.items()}
        row.given.update(key for key, text in texts.items() if text)
        for key in _PLAIN:
            row.values[key] = texts.get(key, "")
        row.values["caller_phone"] = "".join(texts.get("caller_phone", "").split())
        self._ticket_no(row, texts.get("ticket_no", ""), seen)
        for key in _DATETIMES:
            self._cell(row, key, lambda k=key: words.parse_datetime(raw.get(k), LABELS[k]))
        self._words(row, texts)
        self._category(row, texts)
        self._times(row, texts.get("urgency", ""))
        return row

    def _cell(self, row: RowCheck, key: str, read: Any) -> None:
        try:
            value = read()
        except FieldError as error:
            row.errors[key] = error.message
            return
        row.values[key] = value.isoformat() if isinstance(value, datetime) else value

    def _ticket_no(self, row: RowCheck, text: str, seen: dict[str, int]) -> None:
        if not text:
            row.errors["ticket_no"] = "工单编号为空：工单编号是更新工单的依据，请补上后再导入这一行。"
            return
        row.values["ticket_no"] = text
        if text in seen:
            row.duplicate_of = seen[text]
            row.errors["ticket_no"] = (f"工单编号“{text}”与文件第{seen[text]}行重复，同一张工单只能出现"
                                       "一次，请删去重复的一行。")
            return
        seen[text] = row.number
        row.existing_id = self.saved.get(text)

    def _words(self, row: RowCheck, texts: dict[str, str]) -> None:
        kind_text = texts.get("request_type", "")
        if kind_text:
            self._cell(row, "request_type", lambda: words.request_type(kind_text).value)
        else:
            row.values["request_type"] = RequestType.HELP.value
            if "request_type" in self.mapping.columns:
                row.warnings["request_type"] = "诉求类型为空，按“求助”登记。"
        role = texts.get("handling_role", "")
        self._cell(row, "handling_role", lambda: words.handling_role(role))
        for key in words.CALLBACK_WORDS:
            text = texts.get(key, "")
            self._cell(row, key, lambda k=key, t=text: words.callback_word(k, t, LABELS[k]))

    def _category(self, row: RowCheck, texts: dict[str, str]) -> None:
        cells = [texts["category"]] if texts.get("category") else [texts.get(k, "") for k in _LEVELS]
        path, warning = words.category_path(cells, LABELS["category"])
        row.values["category"] = path
        if path:
            row.given.add("category")
        if warning:
            row.warnings["category"] = warning

    def _times(self, row: RowCheck, urgency: str) -> None:
        """来电时间 (派单时间 when the export has none), the kind, and 办理时限 from the kind
        when the cell is empty."""
        values = row.values
        if not values.get("received_at") and values.get("dispatched_at"):
            values["received_at"] = values["dispatched_at"]
            row.given.add("received_at")
        kind = classify_kind(urgency, values["category"], values["content"])
        values["kind"] = kind.value
        if urgency or "category" in row.given or "content" in row.given:
            row.given.add("kind")
        if not values.get("received_at"):
            if "received_at" not in row.errors:
                row.errors["received_at"] = "来电时间为空（派单时间也为空），无法计算办理时限。"
            return
        if not values.get("due_at"):
            received = datetime.fromisoformat(values["received_at"])
            values["due_at"] = self.rule.due(received, kind, self.is_workday).isoformat()
