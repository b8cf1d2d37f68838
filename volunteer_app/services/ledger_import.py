"""Importing the residents' and volunteers' ledgers (台账) from Excel and CSV.

Three steps, each usable from the window (off the GUI thread) and the command line:

1. :func:`detect` finds the header row under title rows and maps columns to fields;
2. :func:`check` reads every row into a :class:`RowCheck`: clean values, a reason per wrong
   cell, warnings, and whether it duplicates an earlier row or someone already saved;
3. :func:`apply` saves the good rows in ONE transaction with an audit entry; a cancel or any
   failure rolls everything back, so an import either happens whole or not at all.
"""

from __future__ import annotations

import contextlib
import gc
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..domain.forms import FIELD_LABELS, parse_date, parse_int, validate_person
from ..domain.identity import FieldError
from ..domain.ledger_columns import (
    FIELDS,
    SENSITIVE_KEYS,
    LedgerField,
    find_header_row,
    map_headers,
    parse_availability_words,
    parse_yes_no,
)
from ..domain.people import pinyin_keys
from ..store.rows import new_uid, new_uids, now_text, to_json
from . import resident_risk, settings
from .ledger_files import MAX_UNPACKED, LedgerFileError, Table, is_blank, read_table, write_rows
from .permissions import Permission, PermissionDenied
from .session import Session

KINDS = {"residents": "居民", "volunteers": "志愿者"}
SKIP, UPDATE = "skip", "update"
Progress = Callable[[int, int], None]


class ImportCancelled(Exception):
    """The user cancelled; nothing was saved."""


@dataclass
class Mapping:
    header_row: int                      # index into Table.rows
    headers: list[str]
    columns: list[str | None]            # one field key (or None: ignored) per column

    def missing(self) -> list[str]:
        return [k for k in ("name",) if k not in self.columns]


@dataclass(slots=True)   # 50,000 of them in a check: less memory, quicker to make
class RowCheck:
    number: int                          # the row number Excel shows
    cells: list[Any]
    values: dict[str, Any] = field(default_factory=dict)
    given: set[str] = field(default_factory=set)        # fields with a non-empty cell
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    existing_id: int | None = None       # the saved person this row duplicates
    duplicate_of: int | None = None      # the earlier row of the file it duplicates
    teams: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def is_duplicate(self) -> bool:
        return self.existing_id is not None or self.duplicate_of is not None

    @property
    def status(self) -> str:
        if self.errors:
            return "有错误"
        if self.is_duplicate:
            return "重复"
        return "有提醒" if self.warnings else "可导入"

    def duplicate_text(self) -> str:
        if self.existing_id is not None:
            return f"与已登记的人员（编号{self.existing_id}）重复"
        if self.duplicate_of is not None:
            return f"与文件第{self.duplicate_of}行重复"
        return ""

    def reasons(self, labels: dict[str, str]) -> str:
        return "；".join(f"{labels.get(k, k)}：{m}" for k, m in self.errors.items())


@dataclass
class Preview:
    kind: str
    table: Table
    mapping: Mapping
    rows: list[RowCheck]
    new_teams: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)    # about the file as a whole

    def __post_init__(self) -> None:
        """Counted once here (in the worker), so the window does not walk 50,000 rows."""
        counts = {"rows": len(self.rows), "good": 0, "duplicates": 0, "rejected": 0, "warned": 0}
        for row in self.rows:
            if row.errors:
                counts["rejected"] += 1
            elif row.is_duplicate:
                counts["duplicates"] += 1
            else:
                counts["good"] += 1
            if not row.errors and row.warnings:
                counts["warned"] += 1
        self.counts = counts

    @property
    def labels(self) -> dict[str, str]:
        return field_labels(self.kind)

    @property
    def rejected(self) -> list[RowCheck]:
        return [r for r in self.rows if r.errors]

    @property
    def duplicates(self) -> list[RowCheck]:
        return [r for r in self.rows if r.ok and r.is_duplicate]


@dataclass
class Summary:
    imported: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: int = 0
    new_teams: list[str] = field(default_factory=list)
    warnings: int = 0


def field_labels(kind: str) -> dict[str, str]:
    return {spec.key: spec.label for spec in FIELDS[kind]}


# -- 1. the header -------------------------------------------------------------------------

def detect(table: Table, kind: str) -> Mapping:
    fields = FIELDS[kind]
    index = find_header_row(table.rows, fields)
    if index is None:
        raise LedgerFileError(
            f"文件 {table.path.name} 的前10行里找不到表头：表头里至少要有两列认得出的列名"
            "（如姓名、身份证号、联系电话）。请检查是否选错了文件或工作表。")
    headers = ["" if h is None else str(h).strip() for h in table.rows[index]]
    return Mapping(index, headers, map_headers(headers, fields))


def load(path: Path | str, kind: str, max_unpacked: int = MAX_UNPACKED) -> tuple[Table, Mapping]:
    table = read_table(path, max_unpacked)
    return table, detect(table, kind)


# -- 2. every row ----------------------------------------------------------------------------

@dataclass
class _Known:
    """What is already saved, loaded once so that checking 50,000 rows makes no queries."""

    by_id_number: dict[str, int]
    by_name_phone: dict[tuple[str, str], int]
    by_number: dict[str, int]
    by_name_birth: dict[tuple[str, str], int]
    places: dict[str, int]
    communities: dict[str, int]
    teams: dict[str, int]
    place_communities: dict[int, int] = field(default_factory=dict)   # place id → its community


def _known(session: Session, kind: str) -> _Known:
    db = session.db
    table = "residents" if kind == "residents" else "volunteers"
    by_id, by_phone, by_birth = {}, {}, {}
    for row in db.execute(f"SELECT id, id_number, name, phone, birth_date FROM {table}"):
        if row[1]:
            by_id[row[1]] = row[0]
        if row[3]:
            by_phone.setdefault((row[2], row[3]), row[0])
        if not row[1] and not row[3] and row[4]:
            by_birth.setdefault((row[2], row[4]), row[0])
    numbers = ({r[1]: r[0] for r in db.execute("SELECT id, volunteer_no FROM volunteers")
                if r[1]} if kind == "volunteers" else {})
    return _Known(by_id, by_phone, numbers, by_birth,
                  {r[1]: r[0] for r in db.execute("SELECT id, name FROM places")},
                  {r[1]: r[0] for r in db.execute("SELECT id, name FROM communities")},
                  {r[1]: r[0] for r in db.execute("SELECT id, name FROM teams")},
                  dict(db.execute("SELECT id, community_id FROM places").fetchall()))


def _text(value: Any) -> str:
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value).strip()


def _id_text(value: Any) -> str:
    """An ID number that Excel stored as a number shows as Excel shows it: 1.10106E+17.
    A 15-digit old number survives as a number (Excel keeps 15 digits), so it is kept whole."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 10**14 <= value < 10**15 and value == int(value):
            return str(int(value))
        return f"{float(value):.5E}".replace("E+0", "E+")
    return _text(value)


def check(session: Session, table: Table, mapping: Mapping, kind: str,
          progress: Progress | None = None, cancel: threading.Event | None = None) -> Preview:
    """Check every row below the header; blank rows are left out, merged cells already filled."""
    with _no_cycle_collection():
        return _check(session, table, mapping, kind, progress, cancel)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The rows of a check hold no reference cycles (reference counting frees them), but the
    cycle collector would scan the growing list of 50,000 rows again and again: a quarter of
    the check's time. The window's worker also freezes them afterwards (import_dialog)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check(session: Session, table: Table, mapping: Mapping, kind: str,
           progress: Progress | None, cancel: threading.Event | None) -> Preview:
    mapping, notices = _readable_columns(session, mapping)
    reader = _RowReader(session, mapping, kind)
    known = reader.known
    seen: dict[Any, int] = {}
    rows: list[RowCheck] = []
    new_teams: list[str] = []
    body = table.rows[mapping.header_row + 1:]
    for offset, cells in enumerate(body):
        if offset % 500 == 0:
            if cancel is not None and cancel.is_set():
                raise ImportCancelled()
            if progress:
                progress(offset, len(body))
        if is_blank(cells):
            continue
        row = reader.read(mapping.header_row + offset + 2, list(cells))
        if not row.errors:
            reader.derive(row)
            _find_duplicates(row, kind, known, seen)
            for name in row.teams:
                if name not in known.teams and name not in new_teams:
                    new_teams.append(name)
        rows.append(row)
    if progress:
        progress(len(body), len(body))
    return Preview(kind, table, mapping, rows, new_teams, notices=notices)


def mappable_fields(session: Session, kind: str) -> list[LedgerField]:
    """What a file's columns may be imported as: health and hardship notes only for a role
    that may see them (see :func:`_readable_columns`)."""
    readable = session.can(Permission.VIEW_SENSITIVE)
    return [f for f in FIELDS[kind] if readable or f.key not in SENSITIVE_KEYS]


def _readable_columns(session: Session, mapping: Mapping) -> tuple[Mapping, list[str]]:
    """Health and hardship columns are left out, with a notice, for a role that may not see
    them: the rest of the file imports as usual (refusing the whole ledger over two columns
    would only push staff to delete them in Excel)."""
    sensitive = [i for i, key in enumerate(mapping.columns) if key in SENSITIVE_KEYS]
    if not sensitive or session.can(Permission.VIEW_SENSITIVE):
        return mapping, []
    names = "".join(f"“{mapping.headers[i] or f'第{i + 1}列'}”" for i in sensitive)
    notice = (f"{names}列是健康与困难情况，您的角色没有“{Permission.VIEW_SENSITIVE.value}”的权限，"
              "这些列不导入（已忽略），其他列照常导入。")
    columns = [None if key in SENSITIVE_KEYS else key for key in mapping.columns]
    return Mapping(mapping.header_row, mapping.headers, columns), [notice]


class _RowReader:
    """Reads the rows of one file under one mapping. What depends on one cell alone (a flag,
    a floor, a building, a team list, availability words) is worked out once per distinct
    value, and the risk tier once per distinct set of inputs: a ledger of 50,000 rows holds
    a few hundred buildings and two genders, and is checked without a query per row."""

    def __init__(self, session: Session, mapping: Mapping, kind: str):
        self.kind = kind
        self.today = session.today()
        self.rule = settings.housing_rule(session)
        self.known = _known(session, kind)
        self.specs = _SPECS[kind]
        columns = [(index, key) for index, key in enumerate(mapping.columns) if key]
        self.person = [(index, key) for index, key in columns if key in _PERSON_KEYS]
        self.id_index = next((i for i, k in self.person if k == "id_number"), None)
        self.birth_index = next((i for i, k in self.person if k == "birth_date"), None)
        # each other column with its memo: the cell → what reading it gave
        self.others = [(index, key, {}) for index, key in columns if key not in _PERSON_KEYS]
        self._risks: dict[tuple, str] = {}

    def read(self, number: int, cells: list[Any]) -> RowCheck:
        row = RowCheck(number, cells)
        size, given = len(cells), row.given
        texts: dict[str, str] = {}
        for index, key in self.person:
            if index < size:
                text = texts[key] = _text(cells[index])
                if text:
                    given.add(key)
        birth = cells[self.birth_index] if self.birth_index is not None and self.birth_index < size \
            else None
        person = {
            "name": texts.get("name", ""),
            "id_number": _id_text(cells[self.id_index] if self.id_index is not None
                                  and self.id_index < size else None),
            "birth_date": birth if isinstance(birth, date) else texts.get("birth_date", ""),
            "gender": _gender(texts.get("gender", "")),
            "phone": texts.get("phone", ""),
        }
        if "*" in person["id_number"]:
            row.errors["id_number"] = (f"身份证号“{person['id_number']}”是打码后的号码，无法导入。"
                                       "请用“完整导出”的文件，或填写完整的身份证号。")
            person["id_number"] = ""
        if "*" in person["phone"]:
            row.errors["phone"] = f"联系电话“{person['phone']}”是打码后的号码，请填写完整号码。"
            person["phone"] = ""
        result = validate_person(person, self.today)
        for key, message in result.errors.items():
            row.errors.setdefault(key, message)
        row.values.update(result.values)
        for index, key, memo in self.others:
            if index < size:
                self._read_cell(row, key, cells[index], memo)
        return row

    def _read_cell(self, row: RowCheck, key: str, value: Any, memo: dict[Any, tuple]) -> None:
        # a text cell is its own key; any other by type too, so that True is not taken for 1
        cell = value if type(value) is str else (type(value), value)
        try:
            found = memo.get(cell)
        except TypeError:           # an unhashable cell: read it every time
            cell, found = None, None
        if found is None:
            scratch = RowCheck(0, [])
            text = _text(value)
            error = None
            try:
                _read_other(scratch, self.specs[key], value, text, self.known)
            except FieldError as failure:
                error = failure.message
            found = (bool(text), scratch.values, scratch.warnings, error, scratch.teams)
            if cell is not None:
                memo[cell] = found
        filled, values, warnings, error, teams = found
        if filled:
            row.given.add(key)
        if values:
            row.values.update(values)
        if warnings:
            row.warnings.update(warnings)
        if error is not None:
            row.errors[key] = error
        if teams:
            row.teams = list(teams)

    def derive(self, row: RowCheck) -> None:
        """The computed columns, as services/residents.py and volunteers.py compute them."""
        values = row.values
        note = values.pop("_availability_note", "")
        if note:
            values["notes"] = "；".join(x for x in (values.get("notes", ""), note) if x)
            row.given.add("notes")
        values["name_initials"], values["name_pinyin"] = _pinyin(values["name"])
        self._settle_community(row)
        if self.kind != "residents":
            return
        # a clean phone holds only digits and the dash of 010-
        values["phone_tail"] = (values.get("phone") or "").replace("-", "")[-4:]
        inputs = tuple(map(values.get, _RISK_INPUTS))
        risk = self._risks.get(inputs)
        if risk is None:
            risk = self._risks[inputs] = resident_risk.level_of(values, self.rule, self.today)
        values["risk_level"] = risk
        if values.get("health_notes"):
            _require_health_consent(row)


    def _settle_community(self, row: RowCheck) -> None:
        """The place decides the community, as in the forms (services/person_community.py);
        a 社区 cell naming another community than the place's refuses the row."""
        values = row.values
        place_id = values.get("place_id")
        if place_id is None:
            return
        community_id = self.known.place_communities.get(place_id)
        given = values.get("community_id")
        if given is not None and given != community_id:
            names = {v: k for k, v in self.known.communities.items()}
            place = next((k for k, v in self.known.places.items() if v == place_id), "")
            row.errors["community"] = (f"小区“{place}”属于{names.get(community_id, '另一个社区')}，"
                                       f"与所填社区“{names.get(given, '')}”不一致，请核对。")
            return
        values["community_id"] = community_id
        row.given.add("community")


def _require_health_consent(row: RowCheck) -> None:
    """Health notes come in only with their separate consent, named in the same row."""
    if row.values.get("health_consent_by") and row.values.get("health_consent_date"):
        row.values["sensitive_consent"] = 1
        row.given.add("sensitive_consent")
    else:
        row.errors["health_notes"] = HEALTH_CONSENT_COLUMNS


HEALTH_CONSENT_COLUMNS = ("健康情况需要居民另行单独同意：请在“健康信息同意人”和“健康信息同意日期”两列"
                          "填写由谁、哪天同意，否则请清空这一格。")
_RISK_INPUTS = ("birth_date", "floor", "has_lift", "cannot_use_stairs", "lives_alone", "empty_nest",
                "serious_illness", "dementia", "disabled", "hardship")


_SPECS = {kind: {spec.key: spec for spec in fields} for kind, fields in FIELDS.items()}


def _gender(text: str) -> str:
    return {"男性": "男", "女性": "女", "M": "男", "F": "女", "m": "男", "f": "女"}.get(text, text)


def _read_other(row: RowCheck, spec: LedgerField, value: Any, text: str, known: _Known) -> None:
    key, label = spec.key, spec.label
    if spec.kind == "flag":
        flag = parse_yes_no(value, label)
        if flag is not None:
            row.values[key] = 1 if flag else 0
    elif key == "floor":
        row.values[key] = parse_int(re.sub(r"[层楼]$", "", text), label, -3, 60)
    elif spec.kind == "date":
        if text:
            row.values[key] = parse_date(value, label).isoformat()
    elif key == "place":
        if text and text in known.places:
            row.values["place_id"] = known.places[text]
        elif text:
            row.warnings[key] = f"小区“{text}”在系统里还没有，这一项先空着；请添加小区后在居民信息里选择。"
    elif key == "community":
        if text and text in known.communities:
            row.values["community_id"] = known.communities[text]
        elif text:
            # dropped, the person would silently fall out of 80后帮90后: the row is refused
            names = "、".join(list(known.communities)[:6]) or "（系统里还没有社区）"
            raise FieldError(label, f"社区“{text}”在系统里没有，请改成已有的社区名称（{names}）后再导入。")
    elif key == "teams":
        row.teams = [t for t in re.split(r"[,，、;；/\n]+", text) if t.strip()]
        row.teams = [re.sub(r"[（(](队长|副队长|队员)[)）]$", "", t.strip()) for t in row.teams]
    elif key == "skills":
        row.values[key] = to_json(sorted({s for s in re.split(r"[,，、;；/\s]+", text) if s}))
    elif key == "availability":
        grid, unread = parse_availability_words(text)
        row.values[key] = grid.to_text()
        if unread:
            row.warnings[key] = (f"可服务时间中“{'、'.join(unread)}”看不懂，原文已保存到备注，"
                                 "请导入后在志愿者信息里勾选。")
            row.values["_availability_note"] = f"可服务时间（原文）：{text}"
    elif key == "weekly_hours_cap":
        if text:
            try:
                number = float(text)
            except ValueError:
                raise FieldError(label, f"{label}“{text}”应为数字（小时）。") from None
            if not 0 <= number <= 60:
                raise FieldError(label, f"{label}“{text}”应在0到60小时之间。")
            row.values[key] = number
    elif key == "status":
        if text:
            if text not in ("在册", "暂停", "退出"):
                raise FieldError(label, f"状态“{text}”只能是在册、暂停或退出。")
            row.values[key] = text
    elif key == "volunteer_no":
        if text:
            row.values[key] = text
    else:
        row.values[key] = text


_PINYIN_CACHE: dict[str, tuple[str, str]] = {}


def _pinyin(name: str) -> tuple[str, str]:
    keys = _PINYIN_CACHE.get(name)
    if keys is None:
        if len(_PINYIN_CACHE) > 100_000:
            _PINYIN_CACHE.clear()
        keys = _PINYIN_CACHE[name] = pinyin_keys(name)
    return keys


def _keys(row: RowCheck) -> list[Any]:
    values = row.values
    keys: list[Any] = []
    if values.get("id_number"):
        keys.append(("id", values["id_number"]))
    if values.get("volunteer_no"):
        keys.append(("no", values["volunteer_no"]))
    if not values.get("id_number") and values.get("phone"):
        keys.append(("np", values["name"], values["phone"]))
    elif not values.get("id_number") and values.get("birth_date"):
        # neither ID nor phone: the same name and birth date is taken as the same person
        keys.append(("nb", values["name"], values["birth_date"]))
    return keys


def _find_duplicates(row: RowCheck, kind: str, known: _Known, seen: dict[Any, int]) -> None:
    existing: set[int] = set()
    keys = _keys(row)
    for key in keys:
        if key[0] == "id":
            found = known.by_id_number.get(key[1])
        elif key[0] == "no":
            found = known.by_number.get(key[1])
        elif key[0] == "np":
            found = known.by_name_phone.get((key[1], key[2]))
        else:
            found = known.by_name_birth.get((key[1], key[2]))
        if found is not None:
            existing.add(found)
        if key in seen and row.duplicate_of is None:
            row.duplicate_of = seen[key]
    if len(existing) > 1:
        row.errors["id_number"] = (f"这一行与已登记的{len(existing)}位不同人员（编号"
                                   f"{'、'.join(map(str, sorted(existing)))}）都对得上，请核对身份证号和编号。")
        return
    row.existing_id = next(iter(existing), None)
    for key in keys:
        seen.setdefault(key, row.number)


# -- 3. saving -------------------------------------------------------------------------------

def apply(session: Session, preview: Preview, duplicates: str = SKIP, *,
          all_or_nothing: bool = False, progress: Progress | None = None,
          cancel: threading.Event | None = None, source: str = "") -> Summary:
    """Save the good rows of ``preview`` in one transaction; nothing is saved on cancel."""
    session.require(Permission.IMPORT)
    session.require(Permission.RESIDENT_WRITE if preview.kind == "residents"
                    else Permission.VOLUNTEER_WRITE)
    if SENSITIVE_KEYS & set(preview.mapping.columns) and not session.can(Permission.VIEW_SENSITIVE):
        # check() leaves these columns out; a preview checked by someone else is refused whole
        raise PermissionDenied(f"您没有“{Permission.VIEW_SENSITIVE.value}”的权限，"
                               "不能导入健康情况和困难情况两列。")
    summary = Summary(rejected=len(preview.rejected))
    summary.warnings = sum(1 for r in preview.rows if r.ok and r.warnings)
    if all_or_nothing and summary.rejected:
        return summary
    table = preview.kind
    tables = (table, "teams", "team_members") if table == "volunteers" else (table,)
    stamp = now_text()
    good = [r for r in preview.rows if r.ok]
    uids = _uid_stream()
    with _large_page_cache(session), session.write(*tables, "audit_log"), \
            _indexes_rebuilt_after(session, table, len(good)):
        teams = _teams(session, preview, stamp, summary)
        saved: dict[int, int] = {}          # file row number → database id
        next_no = _volunteer_counter(session) if table == "volunteers" else None
        batch: list[tuple[RowCheck, dict[str, Any]]] = []
        for done, row in enumerate(good):
            if cancel is not None and cancel.is_set():
                raise ImportCancelled()
            if done % 250 == 0:
                _flush(session, table, batch, saved, teams)
                if progress:
                    progress(done, len(good))
            target = row.existing_id if row.existing_id is not None else None
            if target is None and row.duplicate_of is not None:
                _flush(session, table, batch, saved, teams)
                target = saved.get(row.duplicate_of)
            if row.is_duplicate and (duplicates != UPDATE or target is None):
                summary.skipped += 1
                continue
            if target is not None:
                _update(session, table, target, row, stamp)
                summary.updated += 1
                saved[row.number] = target
                if table == "volunteers":
                    _join_teams(session, target, row.teams, teams)
            else:
                batch.append((row, _insert_values(session, table, row, stamp, next_no, next(uids))))
                summary.imported += 1
        _flush(session, table, batch, saved, teams)
        if progress:
            progress(len(good), len(good))
        session.audit("导入", table, None, None,
                      {"imported": summary.imported, "updated": summary.updated,
                       "skipped": summary.skipped, "rejected": summary.rejected},
                      f"从文件 {source or preview.table.path.name} 导入{KINDS[table]}："
                      f"新增{summary.imported}，更新{summary.updated}，跳过{summary.skipped}，"
                      f"未导入{summary.rejected}")
    return summary


def _teams(session: Session, preview: Preview, stamp: str, summary: Summary) -> dict[str, int]:
    teams = {r["name"]: r["id"] for r in session.db.query("SELECT id, name FROM teams")}
    for name in preview.new_teams:
        if name in teams:
            continue
        if not any(name in r.teams for r in preview.rows if r.ok):
            continue
        row = {"uid": new_uid(), "name": name, "description": "导入台账时新建", "created_at": stamp}
        teams[name] = session.db.table("teams").insert(row).last_pk
        session.audit("新增", "teams", teams[name], None, row, "导入台账时新建")
        summary.new_teams.append(name)
    return teams


def _volunteer_counter(session: Session) -> list[int]:
    year = session.today().year
    last = session.db.execute(
        "SELECT max(CAST(substr(volunteer_no, 8) AS INTEGER)) FROM volunteers "
        "WHERE volunteer_no LIKE ?", [f"ZY{year}-%"]).fetchone()[0] or 0
    return [year, last]


@contextlib.contextmanager
def _large_page_cache(session: Session) -> Iterator[None]:
    """64 MB of page cache while the rows go in (SQLite's default is 2 MB): the indexes of a
    large ledger then stay in memory instead of being written out and re-read page by page
    (50,000 residents went in 30% faster)."""
    before = session.db.execute("PRAGMA cache_size").fetchone()[0]
    session.db.execute("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        session.db.execute(f"PRAGMA cache_size = {int(before)}")


def _uid_stream() -> Iterator[str]:
    # made a thousand at a time: one call for 50,000 would hold the interpreter for ~30 ms
    while True:
        yield from new_uids(1000)


# Below this many new rows, keeping the indexes up to date row by row costs less than
# rebuilding them.
BULK_ROWS = 5000


@contextlib.contextmanager
def _indexes_rebuilt_after(session: Session, table: str, new_rows: int) -> Iterator[None]:
    """A first big import (a whole community's ledger into an empty or smaller table) puts
    the rows in without the table's own indexes and builds them once at the end, inside the
    same transaction: a cancel or failure rolls the indexes back with the rows. Filling five
    indexes row by row took a third of the import's time. The UNIQUE ones (uid, id_number)
    stay: they are the constraints."""
    existing = session.db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
    if new_rows < BULK_ROWS or new_rows < existing:
        yield
        return
    indexes = session.db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL", [table]).fetchall()
    for name, _sql in indexes:
        session.db.execute(f"DROP INDEX [{name}]")
    yield
    for _name, sql in indexes:
        session.db.execute(sql)


def _insert_values(session: Session, table: str, row: RowCheck, stamp: str,
                   counter: list[int] | None, uid: str) -> dict[str, Any]:
    given = row.given
    values = {k: v for k, v in row.values.items() if v is not None or k in given}
    values["uid"] = uid
    values["created_at"] = values["updated_at"] = stamp
    if table == "volunteers":
        values.setdefault("status", "在册")
        values.setdefault("joined_on", session.today().isoformat())
        if not values.get("volunteer_no") and counter is not None:
            counter[1] += 1
            values["volunteer_no"] = f"ZY{counter[0]}-{counter[1]:05d}"
    return values


def _flush(session: Session, table: str, batch: list[tuple[RowCheck, dict[str, Any]]],
           saved: dict[int, int], teams: dict[str, int]) -> None:
    """Insert the waiting rows, one ``executemany`` per run of rows with the same columns.

    Inside our one write transaction nobody else inserts, so the new ids are consecutive and
    end at ``last_insert_rowid()``.
    """
    start = 0
    while start < len(batch):
        columns = tuple(batch[start][1])
        end = start
        while end < len(batch) and tuple(batch[end][1]) == columns:
            end += 1
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        session.db.conn.executemany(sql, [tuple(v.values()) for _, v in batch[start:end]])
        last = session.db.execute("SELECT last_insert_rowid()").fetchone()[0]
        for offset, (row, _values) in enumerate(batch[start:end]):
            saved[row.number] = last - (end - start - 1) + offset
            if table == "volunteers":
                _join_teams(session, saved[row.number], row.teams, teams)
        start = end
    batch.clear()


_PERSON_KEYS = {"name", "id_number", "birth_date", "gender", "phone"}
_DERIVED = {"name_initials", "name_pinyin", "phone_tail", "risk_level"}


def _update(session: Session, table: str, target: int, row: RowCheck, stamp: str) -> None:
    """Only the cells the file filled change; an empty cell never wipes what is saved."""
    current = session.row(table, target) or {}
    values = {k: v for k, v in row.values.items()
              if k in row.given or k in _DERIVED or (k in _PERSON_KEYS and v is not None)}
    if "place" in row.given and "place_id" in row.values:
        values["place_id"] = row.values["place_id"]
    if "community" in row.given and "community_id" in row.values:
        values["community_id"] = row.values["community_id"]
    values = {k: v for k, v in values.items() if k not in ("id",)}
    if table == "residents":
        merged = {**current, **values}
        values["risk_level"] = resident_risk.level_of(merged, settings.housing_rule(session),
                                                     session.today())
    values["updated_at"] = stamp
    assignments = ", ".join(f"{k} = ?" for k in values)
    session.db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), target])
    session.audit("导入更新", table, target, current, {**current, **values})


def _join_teams(session: Session, volunteer_id: int, names: Sequence[str],
                teams: dict[str, int]) -> None:
    for name in names:
        session.db.execute(
            "INSERT INTO team_members (uid, team_id, volunteer_id, role, joined_on) "
            "VALUES (?, ?, ?, '队员', ?) ON CONFLICT(team_id, volunteer_id) DO UPDATE SET left_on = NULL",
            [new_uid(), teams[name], volunteer_id, session.today().isoformat()])


# -- the rejected rows, for staff to fix in Excel --------------------------------------------

def save_rejected(preview: Preview, path: Path | str) -> Path:
    """The rejected rows as they were, with a 错误原因 column, ready to fix and import again."""
    headers = [h or f"第{i + 1}列" for i, h in enumerate(preview.mapping.headers)]
    width = len(headers)
    labels = {**FIELD_LABELS, **preview.labels}
    rows = []
    for row in preview.rejected:
        cells = [_id_text(c) if preview.mapping.columns[i:i + 1] == ["id_number"] else _text(c)
                 for i, c in enumerate(row.cells[:width])]
        cells += [""] * (width - len(cells))
        rows.append([*cells, f"第{row.number}行：{row.reasons(labels)}"])
    text_columns = range(width)
    return write_rows(path, [*headers, "错误原因"], rows, text_columns=text_columns,
                      widths=[14] * width + [60], sheet_title="未导入的行")


def describe(preview: Preview) -> list[str]:
    """One line per rejected row and column: 第5行 身份证号：…"""
    labels = {**FIELD_LABELS, **preview.labels}
    return [f"第{row.number}行 {labels.get(key, key)}：{message}"
            for row in preview.rejected for key, message in row.errors.items()]


# -- work off the GUI thread ---------------------------------------------------------------

def warm_up() -> None:
    """Load what the row checks use (stdnum's check digit, pypinyin's words) now.

    Loading them in the worker on the first row held the interpreter for ~100 ms and froze
    the window; the window calls this once when the import dialog opens."""
    from ..domain.identity import clean_id_number

    clean_id_number("11010519491231002X")
    _pinyin("张")
