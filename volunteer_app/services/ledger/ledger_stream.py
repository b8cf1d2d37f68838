"""Importing a whole ledger file in bounded memory: the command line's bulk import.

The window checks a file into a preview of every row (import_check.check) before anything is
saved; a script importing a million-row CSV cannot hold that preview (a 100,000-row CSV
already took 480 MB). Here the rows are read, checked and saved a chunk at a time, all inside
ONE write transaction: a bad file, a full disk, a cancel or --all-or-nothing still leaves the
database exactly as it was. Checking inside the transaction also means that a second import
of the same file running at the same moment waits, then finds these rows saved and skips
them as duplicates instead of adding them twice.

The rows are read and checked by the same code as the window's import (ledger_import's row
reader, duplicate keys and inserts), so both give the same result for the same file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from ...domain.forms import FIELD_LABELS
from ...store.rows import new_uid, now_text
from ..permissions import Permission
from ..session import Session
from .import_apply import (
    _flush,
    _indexes_rebuilt_after,
    _insert_values,
    _join_teams,
    _large_page_cache,
    _uid_stream,
    _update,
    _volunteer_counter,
)
from .import_cells import load_tables_meanwhile
from .import_check import _find_duplicates, _no_cycle_collection, _RowReader, mark_hidden
from .import_header import _readable_columns, detect, looks_like, sheet_notices
from .import_rows import KINDS, SKIP, UPDATE, Mapping, Preview, RowCheck, Summary, field_labels
from .ledger_files import MAX_UNPACKED, Table, check_readable, is_blank, read_table
from .ledger_rows import csv_rows

CHUNK = 5000          # rows checked and saved at a time
HEADER_SEARCH = 10    # find_header_row looks at the first 10 rows


@dataclass
class Outcome:
    summary: Summary
    notices: list[str] = field(default_factory=list)
    rejected: list[RowCheck] = field(default_factory=list)   # kept only when asked for
    mapping: Mapping | None = None
    table: Table | None = None
    saved: bool = True            # False: --all-or-nothing met a bad row, nothing was saved

    def rejected_preview(self, kind: str) -> Preview:
        """The rejected rows as a preview, for rejected_rows.save_rejected."""
        assert self.table is not None and self.mapping is not None
        return Preview(kind, self.table, self.mapping, self.rejected)


class _NothingSaved(Exception):
    """Rolls the transaction back when --all-or-nothing met a bad row."""


Report = Callable[[str], None]


def import_file(session: Session, path: Path | str, kind: str, duplicates: str = SKIP, *,
                all_or_nothing: bool = False, max_unpacked: int = MAX_UNPACKED,
                report: Report = lambda line: None, keep_rejected: bool = False) -> Outcome:
    """Read, check and save ``path`` chunk by chunk in one transaction.

    ``report`` hears one line per rejected cell ("第5行 身份证号：…") and per warning
    ("第5行 提醒：…") as the rows are checked, so that nothing per row piles up in memory."""
    path = Path(path)
    head, rest, estimate, whole = _open_rows(path, kind, max_unpacked)
    table = Table(path, head, merged=whole.merged, sheet=whole.sheet,
                  other_ledgers=whole.other_ledgers, hidden_rows=whole.hidden_rows)
    mapping = detect(table, kind)
    _require(session, kind)
    outcome = Outcome(Summary(), mapping=mapping, table=table)
    try:
        # no cycle collection while the rows go through, as in import_check.check: the rows
        # hold no cycles, and the collector's passes over them cost a tenth of the import
        with _no_cycle_collection(), _large_page_cache(session), \
                session.write(*_tables(kind), "audit_log"):
            _import_rows(session, outcome, kind, duplicates, all_or_nothing, report, keep_rejected,
                         _numbered(head, rest, mapping.header_row), estimate)
    except _NothingSaved:
        outcome.saved = False
        outcome.summary.imported = outcome.summary.updated = outcome.summary.skipped = 0
        outcome.summary.new_teams = []
    return outcome


def _require(session: Session, kind: str) -> None:
    session.require(Permission.IMPORT)
    session.require(Permission.RESIDENT_WRITE if kind == "residents" else Permission.VOLUNTEER_WRITE)


def _tables(kind: str) -> tuple[str, ...]:
    return (kind, "teams", "team_members") if kind == "volunteers" else (kind,)


def _open_rows(path: Path, kind: str, max_unpacked: int
               ) -> tuple[list[list[Any]], Iterator[list[Any]], int, Table]:
    """The first rows (to find the header in), the rest as an iterator, about how many rows
    there are, and the table read (its rows dropped; an Excel file's sheets). A CSV is
    streamed; an Excel file is read whole, bounded by ``max_unpacked``."""
    check_readable(path)
    load_tables_meanwhile()
    if path.suffix.lower() == ".csv":
        rows, estimate = csv_rows(path)
        table = Table(path, [])
    else:
        table = read_table(path, max_unpacked, looks_like(kind))
        whole, table.rows = table.rows, []
        rows, estimate = iter(whole), len(whole)
    head = list(islice(rows, HEADER_SEARCH))
    return head, rows, estimate, table


def _numbered(head: list[list[Any]], rest: Iterator[list[Any]],
              header_row: int) -> Iterator[tuple[int, list[Any]]]:
    """The rows below the header with the row number Excel shows."""
    number = header_row + 1
    for cells in head[header_row + 1:]:
        number += 1
        yield number, cells
    for cells in rest:
        number += 1
        yield number, cells


def _chunks(rows: Iterator[tuple[int, list[Any]]]) -> Iterator[list[tuple[int, list[Any]]]]:
    while chunk := list(islice(rows, CHUNK)):
        yield chunk


class _SeenKeys(dict):
    """The duplicate keys of the rows so far (("id", "1101…"), ("np", name, phone)) kept as one
    short string each: a million tuples of strings took 70 MB more."""

    @staticmethod
    def _pack(key: tuple) -> str:
        return "\x1f".join(map(str, key))

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, self._pack(key))  # type: ignore[arg-type]

    def __getitem__(self, key: tuple) -> int:
        return dict.__getitem__(self, self._pack(key))

    def setdefault(self, key: tuple, default: Any = None) -> Any:
        return dict.setdefault(self, self._pack(key), default)


def _import_rows(session: Session, outcome: Outcome, kind: str, duplicates: str,
                 all_or_nothing: bool, report: Report, keep_rejected: bool,
                 rows: Iterator[tuple[int, list[Any]]], estimate: int) -> None:
    assert outcome.mapping is not None
    mapping, notices = _readable_columns(session, outcome.mapping)
    sheets = sheet_notices(outcome.table) if outcome.table else []
    outcome.mapping, outcome.notices = mapping, sheets + notices + _unknown_columns(mapping)
    reader = _RowReader(session, mapping, kind)
    labels = {**FIELD_LABELS, **field_labels(kind)}
    summary, stamp = outcome.summary, now_text()
    saver = _Saver(session, kind, duplicates, stamp, summary)
    seen: dict[Any, int] = _SeenKeys()
    hidden = outcome.table.hidden_rows if outcome.table else frozenset()
    with _indexes_rebuilt_after(session, kind, estimate):
        for chunk in _chunks(rows):
            good = []
            for number, cells in chunk:
                if is_blank(cells):
                    continue
                row = reader.read(number, list(cells))
                if row.errors and reader.not_a_person(number, cells):
                    continue
                if hidden and number in hidden:
                    mark_hidden(row)
                if not row.errors:
                    reader.derive(row)
                    _find_duplicates(row, kind, reader.known, seen)
                    if row.team_roles:
                        reader.settle_captains(row)
                if row.errors:
                    _rejected(row, labels, summary, report, outcome if keep_rejected else None)
                    continue
                for message in row.warnings.values():
                    report(f"第{row.number}行 提醒：{message}")
                summary.warnings += bool(row.warnings)
                good.append(row)
            if not (all_or_nothing and summary.rejected):
                saver.save(good)
            _bound_memos(reader)
        outcome.notices += reader.skipped_notice()
        if all_or_nothing and summary.rejected:
            raise _NothingSaved()
        saver.finish()
    source = str(outcome.table.path) if outcome.table else ""
    session.audit("导入", kind, None, None,
                  {"imported": summary.imported, "updated": summary.updated,
                   "skipped": summary.skipped, "rejected": summary.rejected},
                  f"从文件 {source} 导入{KINDS[kind]}：新增{summary.imported}，更新{summary.updated}，"
                  f"跳过{summary.skipped}，未导入{summary.rejected}")


# a row's running number: nothing to import, nothing lost
_NUMBERING = {"序号", "序", "编号", "行号", "No", "NO", "no", "No."}


def _unknown_columns(mapping: Mapping) -> list[str]:
    """The command line has no mapping to look at: a column it does not know is named, so
    that a ledger's 户籍地址 or 户主 is not left out unseen."""
    unknown = [h for h, key in zip(mapping.headers, mapping.columns, strict=True)
               if key is None and h and h not in _NUMBERING]
    if not unknown:
        return []
    names = "".join(f"“{h}”" for h in unknown)
    return [f"{names}列认不出是哪一项，没有导入。如要导入，请把列名改成认得出的名称"
            "（如姓名、身份证号、联系电话、楼号、备注），或在窗口的“导入”里为它选择“导入为”。"]


def _rejected(row: RowCheck, labels: dict[str, str], summary: Summary, report: Report,
              keep: Outcome | None) -> None:
    summary.rejected += 1
    for key, message in row.errors.items():
        report(f"第{row.number}行 {labels.get(key, key)}：{message}")
    if keep is not None:
        keep.rejected.append(row)


def _bound_memos(reader: _RowReader) -> None:
    """The reader remembers each distinct cell of a column; a column of free text (notes) has
    a new value on every row, so its memory is let go between chunks."""
    for _index, _key, memo in reader.others:
        if len(memo) > 20_000:
            memo.clear()


class _Saver:
    """Saves the good rows of each chunk as import_apply.apply saves a whole preview."""

    def __init__(self, session: Session, kind: str, duplicates: str, stamp: str, summary: Summary):
        self.session, self.kind, self.duplicates = session, kind, duplicates
        self.stamp, self.summary = stamp, summary
        self.teams = {r["name"]: r["id"] for r in session.db.query("SELECT id, name FROM teams")}
        self.saved: dict[int, int] = {}     # file row number → id, for a later duplicate row
        self.counter = _volunteer_counter(session, []) if kind == "volunteers" else None
        self.uids = _uid_stream()
        self.batch: list[tuple[RowCheck, dict[str, Any]]] = []

    def save(self, rows: Iterable[RowCheck]) -> None:
        session, table, summary = self.session, self.kind, self.summary
        rows = list(rows)
        if self.counter is not None:   # numbers this chunk gives are not handed out to others
            self.counter.taken.update(r.values.get("volunteer_no") or None for r in rows)
        for row in rows:
            self._new_teams(row.teams)
            target = row.existing_id
            if target is None and row.duplicate_of is not None:
                self.finish()
                target = self.saved.get(row.duplicate_of)
            if row.is_duplicate and (self.duplicates != UPDATE or target is None):
                summary.skipped += 1
                continue
            if target is not None:
                _update(session, table, target, row, self.stamp)
                summary.updated += 1
                self.saved[row.number] = target
                if table == "volunteers":
                    _join_teams(session, target, row, self.teams)
            else:
                values = _insert_values(session, table, row, self.stamp, self.counter, next(self.uids))
                self.batch.append((row, values))
                summary.imported += 1
        self.finish()

    def finish(self) -> None:
        _flush(self.session, self.kind, self.batch, self.saved, self.teams)
        if self.duplicates != UPDATE:
            # only updating (--update) looks a duplicate row's first row up: a million
            # remembered ids would be 100 MB
            self.saved.clear()

    def _new_teams(self, names: list[str]) -> None:
        for name in names:
            if name in self.teams:
                continue
            row = {"uid": new_uid(), "name": name, "description": "导入台账时新建",
                   "created_at": self.stamp}
            self.teams[name] = self.session.db.table("teams").insert(row).last_pk
            self.session.audit("新增", "teams", self.teams[name], None, row, "导入台账时新建")
            self.summary.new_teams.append(name)


__all__ = ["CHUNK", "Outcome", "import_file"]
