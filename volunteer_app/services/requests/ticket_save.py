"""Saving a checked 12345 export: ONE transaction, keyed by 工单编号.

A new ticket starts 待签收 with source 12345 and its caller matched to a resident and place
(tickets.caller_matcher); a saved one gets the city's fields and the 回访 columns the file
filled, and keeps the office's own progress (status, contact, dispatch, resolution). Each
update leaves a request_events row (step 导入更新) naming what changed. A cancel or any
failure rolls everything back.
"""

from __future__ import annotations

import threading
from typing import Any

from ...domain.requests import Source, Status
from ...store.rows import new_uids, now_text
from ..ledger.import_apply import _indexes_rebuilt_after
from ..ledger.import_rows import ImportCancelled, Preview, Progress, RowCheck, Summary
from ..session import Session
from . import tickets
from .access import require_handle
from .ticket_form import CallerMatcher
from .ticket_rows import CALLBACK_FIELDS, CITY_FIELDS, LABELS

IMPORT_STEP = "导入更新"
_FIELDS = CITY_FIELDS + CALLBACK_FIELDS
# Shown with their old and new value in an event's note; the rest (the caller's name, phone,
# address and the text) only by name: the note is read by roles that see them masked.
_SHOWN = {"category", "request_type", "kind", "handling_unit", "handling_role", "received_at",
          "dispatched_at", "due_at", "callback_contacted", "callback_resolved",
          "callback_satisfaction", "callback_at"}
_OTHER_LABELS = {"kind": "时限类别"}
_MATCHED = ("resident_id", "place_id", "community_id", "building")
BATCH = 500


def save(session: Session, preview: Preview, progress: Progress | None,
         cancel: threading.Event | None, source: str) -> Summary:
    require_handle(session)     # a public write checks its own role, like tickets.add
    good = [r for r in preview.rows if r.ok]
    summary = Summary(rejected=len(preview.rejected))
    summary.warnings = sum(1 for r in good if r.warnings)
    saver = _Saver(session, now_text(), source)
    with session.write("requests", "request_events", "audit_log"), \
            _indexes_rebuilt_after(session, "requests", len(good)), \
            _indexes_rebuilt_after(session, "request_events", len(good)):
        saved = _saved(session)    # read again inside the transaction: never a duplicate
        for done, row in enumerate(good):
            if done % 250 == 0:
                if cancel is not None and cancel.is_set():
                    raise ImportCancelled()
                if progress:
                    progress(done, len(good))
            current = saved.get(row.values["ticket_no"])
            if current is None:
                saver.add(row)
                summary.imported += 1
            elif saver.update(row, current):
                summary.updated += 1
            else:
                summary.skipped += 1
        saver.flush()
        if progress:
            progress(len(good), len(good))
        session.audit("导入", "requests", None, None,
                      {"imported": summary.imported, "updated": summary.updated,
                       "unchanged": summary.skipped, "rejected": summary.rejected},
                      f"从文件 {source} 导入12345工单：新增{summary.imported}，更新{summary.updated}，"
                      f"未变{summary.skipped}，未导入{summary.rejected}")
    return summary


def _saved(session: Session) -> dict[str, dict[str, Any]]:
    columns = ", ".join(("id", "ticket_no", *_FIELDS))
    cursor = session.db.execute(f"SELECT {columns} FROM requests WHERE ticket_no IS NOT NULL")
    names = [d[0] for d in cursor.description]
    return {row[1]: dict(zip(names, row, strict=True)) for row in cursor}


class _Saver:
    def __init__(self, session: Session, stamp: str, source: str):
        self.session, self.stamp, self.source = session, stamp, source
        self.actor = session.actor
        self.batch: list[tuple[dict[str, Any], str]] = []
        self.matches: dict[tuple[str, str], dict[str, Any]] = {}
        self.matcher: CallerMatcher | None = None
        self.uids = iter(())

    def _uid(self) -> str:
        uid = next(self.uids, None)
        if uid is None:
            self.uids = iter(new_uids(1000))
            uid = next(self.uids)
        return uid

    def _match(self, phone: str, address: str) -> dict[str, Any]:
        """The caller's resident and place, once per distinct phone and address."""
        key = (phone, address)
        found = self.matches.get(key)
        if found is None:
            if self.matcher is None:
                self.matcher = tickets.caller_matcher(self.session)
            match = self.matcher(phone, address)
            found = self.matches[key] = {k: getattr(match, k) for k in _MATCHED}
        return found

    def add(self, row: RowCheck) -> None:
        values = {k: row.values.get(k) for k in ("ticket_no", *_FIELDS)}
        values = {k: ("" if v is None and k not in _NULLABLE else v) for k, v in values.items()}
        values.update(self._match(values["caller_phone"], values["address"]))
        values["building"] = values["building"] or ""
        if any(values.get(k) for k in CALLBACK_FIELDS[:3]) and not values.get("callback_at"):
            values["callback_at"] = self.stamp
        values.update(uid=self._uid(), source=Source.HOTLINE.value, status=Status.NEW.value,
                      created_by=self.actor.user_id, created_at=self.stamp, updated_at=self.stamp)
        at = values.get("dispatched_at") or values["received_at"]
        self.batch.append((values, at))
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Insert the waiting tickets and their first event (待签收, when the city sent it)."""
        if not self.batch:
            return
        columns = list(self.batch[0][0])
        sql = f"INSERT INTO requests ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        self.session.db.conn.executemany(sql, [[v[c] for c in columns] for v, _ in self.batch])
        # inside our one write transaction the new ids are consecutive, ending at the last one
        last = self.session.db.execute("SELECT last_insert_rowid()").fetchone()[0]
        first = last - len(self.batch) + 1
        note = f"从12345导出文件 {self.source} 导入"
        self._events([(first + i, Status.NEW.value, at, note) for i, (_, at) in enumerate(self.batch)])
        self.batch.clear()

    def _events(self, events: list[tuple[int, str, str, str]]) -> None:
        self.session.db.conn.executemany(
            "INSERT INTO request_events (uid, request_id, step, at, user_id, user_name, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(self._uid(), rid, step, at, self.actor.user_id, self.actor.name, note)
             for rid, step, at, note in events])

    def update(self, row: RowCheck, current: dict[str, Any]) -> bool:
        """The fields the file filled that differ from the saved ticket; False: nothing did."""
        changes = _changes(row, current)
        if not changes:
            return False
        if any(k in changes for k in CALLBACK_FIELDS[:3]) and "callback_at" not in changes:
            changes["callback_at"] = self.stamp
        values = dict(changes)
        if "caller_phone" in changes or "address" in changes:
            matched = self._match(row.values["caller_phone"], row.values["address"])
            values.update({k: v for k, v in matched.items() if v is not None})
        values["updated_at"] = self.stamp
        assignments = ", ".join(f"{k} = ?" for k in values)
        self.session.db.execute(f"UPDATE requests SET {assignments} WHERE id = ?",
                                [*values.values(), current["id"]])
        self._events([(current["id"], IMPORT_STEP, self.stamp, _note(changes, current))])
        self.session.audit(IMPORT_STEP, "requests", current["id"],
                           {k: current.get(k) for k in changes}, changes,
                           f"工单{current['ticket_no']}：{_note(changes, current)}")
        current.update(changes)     # a later row of the same run compares with what is saved now
        return True


_NULLABLE = {"dispatched_at", "callback_contacted", "callback_resolved", "callback_satisfaction",
             "callback_at"}


def _changes(row: RowCheck, current: dict[str, Any]) -> dict[str, Any]:
    """An empty cell never wipes what is saved; 办理时限 left empty is recomputed only when the
    来电时间 or the kind changed."""
    given = row.given
    changes = {k: row.values[k] for k in _FIELDS
               if k in given and row.values.get(k) not in (None, "") and row.values[k] != current.get(k)}
    if "due_at" not in given and ("received_at" in changes or "kind" in changes) \
            and row.values.get("due_at") != current.get("due_at"):
        changes["due_at"] = row.values["due_at"]
    return changes


def _note(changes: dict[str, Any], current: dict[str, Any]) -> str:
    parts = []
    for key in changes:
        label = LABELS.get(key) or _OTHER_LABELS.get(key, key)
        if key in _SHOWN:
            parts.append(f"{label}：{current.get(key) or '（空）'}→{changes[key]}")
        else:
            parts.append(f"{label}已更新")
    return "导入更新：" + "；".join(parts)
