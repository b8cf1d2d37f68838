"""Step 2 of an import: read every row into a RowCheck (clean values, a reason per wrong cell,
warnings, duplicates), without a query per row."""

from __future__ import annotations

import contextlib
import gc
import re
import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

from ...domain.forms import validate_person
from ...domain.identity import FieldError
from ...domain.ledger_columns import says_nothing
from ..admin import settings
from ..people import resident_risk
from ..permissions import Permission
from ..session import Session
from .import_cells import (
    _GENDER_WORDS,
    _SPECS,
    _id_text,
    _Known,
    _known,
    _pinyin,
    _read_other,
    _require_health_consent,
    _text,
    excel_serial_day,
    first_phone,
    load_tables,
    partial_birth_date,
    serial_warning,
)
from .import_header import _readable_columns, sheet_notices
from .import_rows import ImportCancelled, Mapping, Preview, Progress, RowCheck
from .ledger_files import Table, is_blank


def check(session: Session, table: Table, mapping: Mapping, kind: str,
          progress: Progress | None = None, cancel: threading.Event | None = None) -> Preview:
    """Check every row below the header; blank rows are left out, merged cells already filled.
    The import's own permissions, as :func:`import_apply.apply` asks: a row is matched against
    the ledger by full ID number and phone, so a check answers which record holds a number."""
    session.require(Permission.IMPORT)
    session.require(Permission.RESIDENT_WRITE if kind == "residents" else Permission.VOLUNTEER_WRITE)
    with _no_cycle_collection():
        return _check(session, table, mapping, kind, progress, cancel)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The rows of a check hold no reference cycles (reference counting frees them), but the
    cycle collector would scan the growing list of 50,000 rows again and again: a quarter of
    the check's time. The window's worker also freezes them afterwards (import_dialog).

    On the way out, what was made meanwhile goes straight to the oldest generation (a freeze
    undone at once, when nobody else froze anything): enabled with 50,000 young rows pending,
    the collector's next pass scanned them all, 0.25 s at the end of a check of 50,000 rows."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _check(session: Session, table: Table, mapping: Mapping, kind: str,
           progress: Progress | None, cancel: threading.Event | None) -> Preview:
    mapping, notices = _readable_columns(session, mapping)
    notices = sheet_notices(table) + notices
    reader = _RowReader(session, mapping, kind)
    known = reader.known
    seen: dict[Any, int] = {}
    rows: list[RowCheck] = []
    new_teams: list[str] = []
    body = table.rows[mapping.header_row + 1:]
    hidden = table.hidden_rows
    for offset, cells in enumerate(body):
        if offset % 500 == 0:
            if cancel is not None and cancel.is_set():
                raise ImportCancelled()
            if progress:
                progress(offset, len(body))
        if is_blank(cells):
            continue
        number = mapping.header_row + offset + 2
        # the row's own cells, not a copy: nothing changes them, and a preview of 50,000
        # rows held every cell twice
        row = reader.read(number, cells)
        if row.errors and reader.not_a_person(number, cells):
            continue
        if hidden and number in hidden:
            mark_hidden(row)
        if not row.errors:
            reader.derive(row)
            _find_duplicates(row, kind, known, seen)
            if row.team_roles:
                reader.settle_captains(row)
            for name in row.teams:
                if name not in known.teams and name not in new_teams:
                    new_teams.append(name)
        rows.append(row)
    if progress:
        progress(len(body), len(body))
    return Preview(kind, table, mapping, rows, new_teams, notices=notices + reader.skipped_notice())


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
        # each other column with its memo: the cell → what reading it gave
        self.others = [(index, key, {}) for index, key in columns if key not in _PERSON_KEYS]
        self._risks: dict[tuple, str] = {}
        self._captains: dict[str, int] = {}     # team → the row of the file that makes its captain
        name_at = next((i for i, k in self.person if k == "name"), None)
        self.name_at = name_at
        self.name_header = mapping.headers[name_at] if name_at is not None else None
        self.skipped: list[str] = []            # 第8行（合计）: rows that hold no person
        self._not_names = _REQUIRED_MARKS | {self.name_header}   # in a name cell: no person

    def not_a_person(self, number: int, cells: list[Any]) -> bool:
        """A 合计 row under the people, a 填表说明 or 必填 row under the header, the header
        again (a ledger pasted together from printed pages): not people, and not errors either
        (they would fail an --all-or-nothing import), so they are left out and named. Asked
        only of a row that read with errors, as all of these do (a person's would not)."""
        first = cells[0] if cells else None
        if first is None or first == "":    # the first cell with something in it: nearly always [0]
            first = next((cell for cell in cells if cell is not None and cell != ""), None)
        reason = None
        if type(first) is str and first and first[0] in _MARK_CHARS:
            found = _NOT_PEOPLE.match("".join(first.split()))
            if found:
                reason = "合计" if found["total"] else "说明"
        at = self.name_at
        if reason is None and at is not None and at < len(cells) and cells[at] in self._not_names:
            reason = "表头" if cells[at] == self.name_header else "说明"
        if reason is None:
            return False
        self.skipped.append(f"第{number}行（{_SKIP_WORDS[reason]}）")
        return True

    def skipped_notice(self) -> list[str]:
        if not self.skipped:
            return []
        return ["、".join(self.skipped) + "不是人员，没有导入。"]

    def read(self, number: int, cells: list[Any]) -> RowCheck:
        size = len(cells)
        given: set[str] = set()
        # the person's five cells as text ("" when missing), straight into validate_person's dict
        person = dict(_NO_PERSON)
        serial = None
        for index, key in self.person:
            if index < size:
                value = cells[index]
                if type(value) is str:
                    text = value.strip()
                elif key == "birth_date" and isinstance(value, date):
                    given.add(key)      # a date cell goes in as it is, not as text
                    person[key] = value
                    continue
                else:
                    if key == "birth_date" and (day := excel_serial_day(value)) is not None:
                        given.add(key)
                        person[key] = day
                        serial = serial_warning("出生日期", value, day)
                        continue
                    text = _text(value)
                if text:
                    given.add(key)
                    person[key] = text
        at = self.id_index
        if at is not None and at < size and type(cells[at]) is not str:
            person["id_number"] = _id_text(cells[at])   # a number reads as Excel shows it
        gender = person["gender"]
        person["gender"] = _GENDER_WORDS.get(gender, gender)
        masked = _masked(person) if "*" in person["id_number"] or "*" in person["phone"] else None
        result = validate_person(person, self.today)
        errors = result.errors
        if errors and (blanked := _says_nothing(person, given)):   # 联系电话“无”: checked again
            result = validate_person(person, self.today)
            errors = result.errors
            for key, text in blanked.items():
                if key in errors and key in _STILL_NEEDED:
                    errors[key] = _STILL_NEEDED[key].format(text=text)
        if "birth_date" in errors and type(person["birth_date"]) is str and person["birth_date"]:
            partial_birth_date(person["birth_date"], result)
        phone_warning = None
        if "phone" in errors and "*" not in person["phone"]:
            phone_warning = first_phone(person["phone"], result)
        if masked:
            for key, message in errors.items():
                masked.setdefault(key, message)
            errors = masked
        # the row's own dicts are validate_person's: made once, not made and then copied
        row = RowCheck(number, cells, result.values, given, errors)
        if serial and "birth_date" not in errors:
            row.warnings["birth_date"] = serial
        name = row.values.get("name")
        if name and name[-1] in "）)":
            _name_remark(row, name)
        if phone_warning:
            row.warnings["phone"] = phone_warning
        values = row.values
        for index, key, memo in self.others:
            if index < size:
                value = cells[index]
                # a text cell is its own key; any other by type too, so that True is not 1
                try:
                    found = memo[value if type(value) is str else (type(value), value)]
                except KeyError:
                    found = self._read_new(key, value, memo)
                except TypeError:           # an unhashable cell: read it every time
                    found = self._read_new(key, value, None)
                filled, read, warnings, error, teams, roles = found
                if filled:
                    given.add(key)
                if read:
                    values.update(read)
                if warnings:
                    row.warnings.update(warnings)
                if error is not None:
                    errors[key] = error
                if teams:
                    row.teams = list(teams)
                    if roles:
                        row.team_roles = dict(roles)
        return row

    def _read_new(self, key: str, value: Any, memo: dict[Any, tuple] | None) -> tuple:
        """What a cell not met before in its column reads as, remembered in ``memo``."""
        scratch = RowCheck(0, [])
        text = _text(value)
        spec = self.specs[key]
        if text and key not in _SAID_AS_WRITTEN and says_nothing(text, spec.kind == "flag"):
            value, text = None, ""      # 楼号“/”, 所属队伍“无”: an empty cell, not a building or a team
        error = None
        try:
            _read_other(scratch, spec, value, text, self.known)
        except FieldError as failure:
            error = failure.message
        found = (bool(text), scratch.values, scratch.warnings, error, scratch.teams, scratch.team_roles)
        if memo is not None:
            memo[value if type(value) is str else (type(value), value)] = found
        return found

    def derive(self, row: RowCheck) -> None:
        """The computed columns, as services/people/residents.py and volunteers.py compute them."""
        values = row.values
        if "_address" in values:
            self.settle_address(row)
        # every reading that keeps words in 备注 says so in a warning: most rows have none
        kept = [values.pop(key) for key in KEPT_IN_NOTES if key in values] if row.warnings else None
        if kept:
            row.kept = "；".join(kept)
            values["notes"] = "；".join(x for x in (values.get("notes", ""), row.kept) if x)
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


    def settle_address(self, row: RowCheck) -> None:
        """住址's 楼号, 单元, 门牌 and 小区 fill what the row's own columns leave empty; where a
        column says otherwise, the column is kept and the 住址 goes to 备注 with a warning."""
        values = row.values
        parts, text = values.pop("_address")
        differ = []
        for key, value in parts:
            have = values.get(key)
            if have in (None, ""):
                values[key] = value
                row.given.add("place" if key == "place_id" else key)
            elif have != value:
                differ.append(_FIELD_NAMES[key])
        if differ:
            row.warnings["address"] = (f"住址“{text}”与{'、'.join(differ)}列不一致，按{'、'.join(differ)}列导入，"
                                       "住址原文已保存到备注，请核对。")
            values["_address_note"] = f"住址（原文）：{text}"

    def settle_captains(self, row: RowCheck) -> None:
        """A team has one captain. A row naming a captain (夕阳红志愿服务队（队长）) where the team
        already has another, or an earlier row of the file names one, joins as 队员 and says so:
        an import never takes a team from its captain unseen; that is done in 志愿者与队伍."""
        if row.duplicate_of is not None:
            return                      # the earlier row of the same person is the one saved
        said = []
        for team, role in list(row.team_roles.items()):
            if role != "队长":
                continue
            present = self.known.captains.get(team)
            if team in self._captains:
                said.append(f"文件第{self._captains[team]}行已写明“{team}”的队长，本行按队员加入")
            elif present is not None and present[0] != row.existing_id:
                said.append(f"“{team}”已有队长{present[1]}，本行按队员加入；如要换队长，请在“志愿者与队伍”里指定")
            else:
                self._captains[team] = row.number
                continue
            del row.team_roles[team]
        if said:
            row.warnings["teams"] = "；".join(said) + "。"

    def _settle_community(self, row: RowCheck) -> None:
        """The place decides the community, as in the forms (services/people/person_community.py);
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


_SAID_AS_WRITTEN = frozenset({"notes"})   # 备注“无” is kept as the worker wrote it


# a Chinese name, then Chinese words in brackets: a Latin name's (Molly) or a formula's
# brackets are not taken apart
_NAME_REMARK = re.compile(r"(?P<name>[\u3400-\u9fff·]+)\s*[（(](?P<remark>[\u3400-\u9fff、，, ]+)[)）]")


def _name_remark(row: RowCheck, name: str) -> None:
    """张建国（户主）, 李秀兰(已故): a remark in brackets after the name is no part of it (it
    was saved as the name, which then matched no one and sorted as no one)."""
    found = _NAME_REMARK.fullmatch(name)
    if found is None:
        return
    row.values["name"] = found["name"]
    row.values["_name_note"] = f"姓名后的说明：{found['remark']}"
    row.warnings["name"] = (f"姓名“{name}”括号里的“{found['remark']}”不是姓名，按“{found['name']}”导入，"
                            "括号里的字已保存到备注。")


def _says_nothing(person: dict[str, Any], given: set[str]) -> dict[str, str]:
    """Blank the person's cells that say there is nothing (联系电话“无”, 身份证号“/”, 出生日期“不详”),
    which validate_person would refuse as a wrong number; what was blanked, as written."""
    blanked = {}
    for key in ("id_number", "phone", "birth_date", "gender"):
        text = person[key]
        if type(text) is str and text and says_nothing(text):
            blanked[key] = text
            person[key] = ""
            given.discard(key)
    return blanked


# 性别“未知” with no ID number to take it from: still refused, quoting the cell
_STILL_NEEDED = {"gender": "性别“{text}”只能是男或女（填写身份证号可自动带出）。",
                 "birth_date": "出生日期“{text}”：请填写出生日期（或填写身份证号，自动带出）。"}


def _masked(person: dict[str, Any]) -> dict[str, str]:
    """The errors of an ID number or phone with * in it (a masked export), which is then
    left out of the person's check."""
    errors = {}
    if "*" in person["id_number"]:
        errors["id_number"] = (f"身份证号“{person['id_number']}”是打码后的号码，无法导入。"
                               "请用“完整导出”的文件，或填写完整的身份证号。")
        person["id_number"] = ""
    if "*" in person["phone"]:
        errors["phone"] = f"联系电话“{person['phone']}”是打码后的号码，请填写完整号码。"
        person["phone"] = ""
    return errors


_RISK_INPUTS = ("birth_date", "floor", "has_lift", "cannot_use_stairs", "lives_alone", "empty_nest",
                "serious_illness", "dementia", "disabled", "hardship")


def _keys(row: RowCheck) -> list[Any]:
    values = row.values
    keys: list[Any] = []
    id_number = values.get("id_number")
    if id_number:
        keys.append(("id", id_number))
    if values.get("volunteer_no"):
        keys.append(("no", values["volunteer_no"]))
    if values.get("phone"):
        # with an ID number too: the same person written once with the number and once
        # without is found by name and phone (see _find_duplicates)
        keys.append(("np", values["name"], values["phone"]))
    elif not id_number and values.get("birth_date"):
        # neither ID nor phone: the same name and birth date is taken as the same person
        keys.append(("nb", values["name"], values["birth_date"]))
    return keys


def _find_duplicates(row: RowCheck, kind: str, known: _Known, seen: dict[Any, int]) -> None:
    """A row with an ID number matches by name and phone only a row or a saved person without
    one (two numbers are two people): ``seen`` keeps the name-and-phone key of a row with a
    number as its row number negated."""
    existing: set[int] = set()
    keys = _keys(row)
    with_id = bool(row.values.get("id_number"))
    for key in keys:
        tag = key[0]
        if tag == "id":
            found = known.by_id_number.get(key[1])
        elif tag == "no":
            found = known.by_number.get(key[1])
        elif tag == "np":
            if with_id:     # only when the number itself is new: an earlier import without numbers
                found = None if existing else known.by_name_phone_no_id.get((key[1], key[2]))
            else:
                found = known.by_name_phone.get((key[1], key[2]))
        else:
            found = known.by_name_birth.get((key[1], key[2]))
        if found is not None:
            existing.add(found)
        if row.duplicate_of is None and key in seen:
            earlier = seen[key]
            if earlier > 0 or not with_id:
                row.duplicate_of = abs(earlier)
    if len(existing) > 1:
        row.errors["id_number"] = (f"这一行与已登记的{len(existing)}位不同人员（编号"
                                   f"{'、'.join(map(str, sorted(existing)))}）都对得上，请核对身份证号和编号。")
        return
    row.existing_id = next(iter(existing), None)
    for key in keys:
        seen.setdefault(key, -row.number if with_id and key[0] == "np" else row.number)


_MARK_CHARS = frozenset("合总小共累填说注备")
_NOT_PEOPLE = re.compile(r"(?P<total>合计|总计|小计|共计|累计)|(?:填表说明|填写说明|(?:说明|注|备注)[:：])")
_REQUIRED_MARKS = frozenset({"必填", "必填项", "(必填)", "（必填）", "选填", "*必填"})
_SKIP_WORDS = {"合计": "合计行", "说明": "填表说明", "表头": "又一行表头"}

# A row the worker hid in Excel is read like the rest (it may be filtered out of view, as
# often as it is a person who moved away): the preview and the command line say which.
HIDDEN_ROW = ("这一行在Excel里是隐藏的（已迁出、去世，还是被筛选隐藏？），隐藏的行照样导入；"
              "如不该导入，请在Excel里删掉这一行再导入。")

def mark_hidden(row: RowCheck) -> None:
    said = row.warnings.get("name")
    row.warnings["name"] = f"{said}{HIDDEN_ROW}" if said else HIDDEN_ROW


# What a cell said that the import could not read into its field, kept word for word in 备注
# (a new row's, or added to a saved person's on an update) so that nothing written is lost.
KEPT_IN_NOTES = ("_availability_note", "_address_note", "_phone_note", "_name_note")
_FIELD_NAMES = {"building": "楼号", "unit": "单元", "room": "门牌", "place_id": "小区"}

_PERSON_KEYS = {"name", "id_number", "birth_date", "gender", "phone"}
_NO_PERSON = dict.fromkeys(("name", "id_number", "birth_date", "gender", "phone"), "")


def warm_up() -> None:
    """Load what the row checks use (stdnum's check digit, the pinyin table) now.

    Loading them in the worker on the first row held the interpreter for ~100 ms and froze
    the window; the window calls this once when the import dialog opens."""
    load_tables()
