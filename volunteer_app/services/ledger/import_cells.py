"""Reading one cell of a ledger as Excel shows it, against what is already saved (loaded once, so
checking 50,000 rows makes no query per row)."""

from __future__ import annotations

import contextlib
import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ...domain import pinyin_readings
from ...domain.forms import FormResult, parse_date
from ...domain.identity import FieldError, clean_id_number, phones_in
from ...domain.ledger_address import read_address, read_floor
from ...domain.ledger_columns import FIELDS, LedgerField, parse_availability_words, parse_yes_no
from ...domain.typed_text import clean_code, half_width
from ...store.rows import to_json
from ..session import Session
from .import_rows import RowCheck


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
    captains: dict[str, tuple[int, str]] = field(default_factory=dict)  # team → its captain (id, name)
    # saved without an ID number: a row that brings the number finds them by name and phone
    by_name_phone_no_id: dict[tuple[str, str], int] = field(default_factory=dict)
    address_places: dict[str, int | None] = field(default_factory=dict)  # 住址's words → place


def _known(session: Session, kind: str) -> _Known:
    db = session.db
    table = "residents" if kind == "residents" else "volunteers"
    by_id, by_phone, by_birth, by_phone_no_id = {}, {}, {}, {}
    for row in db.execute(f"SELECT id, id_number, name, phone, birth_date FROM {table}"):
        if row[1]:
            by_id[row[1]] = row[0]
        if row[3]:
            by_phone.setdefault((row[2], row[3]), row[0])
            if not row[1]:
                by_phone_no_id.setdefault((row[2], row[3]), row[0])
        if not row[1] and not row[3] and row[4]:
            by_birth.setdefault((row[2], row[4]), row[0])
    numbers = ({r[1]: r[0] for r in db.execute("SELECT id, volunteer_no FROM volunteers")
                if r[1]} if kind == "volunteers" else {})
    return _Known(by_id, by_phone, numbers, by_birth,
                  {r[1]: r[0] for r in db.execute("SELECT id, name FROM places")},
                  {r[1]: r[0] for r in db.execute("SELECT id, name FROM communities")},
                  {r[1]: r[0] for r in db.execute("SELECT id, name FROM teams")},
                  dict(db.execute("SELECT id, community_id FROM places").fetchall()),
                  {r[0]: (r[1], r[2]) for r in db.execute(
                      "SELECT t.name, v.id, v.name FROM team_members m JOIN teams t ON t.id = m.team_id "
                      "JOIN volunteers v ON v.id = m.volunteer_id WHERE m.role = '队长' "
                      "AND m.left_on IS NULL")} if kind == "volunteers" else {},
                  by_phone_no_id)


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


_EXCEL_EPOCH = date(1899, 12, 30)   # day 0 of Excel's serial numbers (past its 1900 leap-day slip)


def excel_serial_day(value: Any) -> date | None:
    """The day a number in a date column stands for: a date cell formatted 常规 shows (and a
    paste of values keeps) Excel's serial number, 12845 for 1935-03-02. A number between 1800
    and 2100 is a year, 19350302 is read as digits, neither is a serial."""
    if type(value) not in (int, float) or not 2100 < value < 60000:
        return None
    return _EXCEL_EPOCH + timedelta(days=int(value))


def serial_warning(label: str, value: Any, day: date) -> str:
    return (f"{label}“{_text(value)}”是Excel的日期序号，按{day.year}年{day.month}月{day.day}日导入，请核对"
            "（在Excel里把这一列设为“日期”格式就能看到日期）。")


_PARTIAL_DATE = re.compile(r"(\d{4})(?:年|[-/.]?(\d{1,2})月?|年(\d{1,2})月)?")


def partial_birth_date(text: str, result: FormResult) -> None:
    """出生年月 of 1935.03 or 1935年3月 (a header that says year and month): with an ID number
    that agrees it is no error, the number gives the day; without one the row is refused,
    saying the day is missing rather than that the date cannot be read."""
    found = _PARTIAL_DATE.fullmatch(half_width(text).replace(" ", ""))
    if found is None:
        return
    year, month = int(found[1]), int(found[2] or found[3] or 0)
    if month > 12:
        return
    errors, by_id = result.errors, result.values.get("birth_date")
    if by_id and "id_number" not in errors:
        if (year, month or int(by_id[5:7])) == (int(by_id[:4]), int(by_id[5:7])):
            del errors["birth_date"]
        else:
            errors["birth_date"] = f"出生年月“{text}”与身份证号中的{by_id}不一致，请核对。"
        return
    errors["birth_date"] = (f"出生日期“{text}”只写到{'月' if month else '年'}，没有写哪一天：请写全年月日"
                            "（如1935年3月2日），或填写身份证号（出生日期自动带出）。")


def first_phone(text: str, result: FormResult) -> str | None:
    """联系电话 of 13800001111/13900002222, or 13800001111（儿子）, or 010-63451234转123: the app
    keeps one number, so the first is taken and the cell as written goes to 备注; the warning
    that says so is returned. A cell with anything else stays refused."""
    numbers = phones_in(text)
    if not numbers:
        return None
    del result.errors["phone"]
    result.values["phone"] = numbers[0]
    result.values["_phone_note"] = f"联系电话（原文）：{text}"
    return (f"联系电话“{text}”不只是一个号码（或带着分机、说明），只能存一个，按{numbers[0]}导入，"
            "原文已保存到备注。")


def _require_health_consent(row: RowCheck) -> None:
    """Health notes come in only with their separate consent, named in the same row."""
    if row.values.get("health_consent_by") and row.values.get("health_consent_date"):
        row.values["sensitive_consent"] = 1
        row.given.add("sensitive_consent")
    else:
        row.errors["health_notes"] = HEALTH_CONSENT_COLUMNS


HEALTH_CONSENT_COLUMNS = ("健康情况需要居民另行单独同意：请在“健康信息同意人”和“健康信息同意日期”两列"
                          "填写由谁、哪天同意，否则请清空这一格。")


_SPECS = {kind: {spec.key: spec for spec in fields} for kind, fields in FIELDS.items()}


_GENDER_WORDS = {"男性": "男", "女性": "女", "M": "男", "F": "女", "m": "男", "f": "女"}


def _gender(text: str) -> str:
    return _GENDER_WORDS.get(text, text)


def _read_other(row: RowCheck, spec: LedgerField, value: Any, text: str, known: _Known) -> None:
    key, label = spec.key, spec.label
    if spec.kind == "flag":
        flag = parse_yes_no(value, label)
        if flag is not None:
            row.values[key] = 1 if flag else 0
    elif key == "floor":
        row.values[key] = read_floor(text, label)
    elif spec.kind == "date":
        day = excel_serial_day(value)
        if day is not None:
            row.values[key] = day.isoformat()
            row.warnings[key] = serial_warning(label, value, day)
        elif text:
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
    elif key == "address":
        if text:
            _read_address(row, text, known)
    elif key == "teams":
        # 夕阳红志愿服务队（队长）: the role in brackets after a team's name, as the export writes it
        for written in re.split(r"[,，、;；/\n]+", text):
            found = _TEAM_ROLE.fullmatch(written.strip())
            if found and found["team"]:
                row.teams.append(found["team"])
                if found["role"] in ("队长", "副队长"):
                    row.team_roles[found["team"]] = found["role"]
    elif key == "skills":
        row.values[key] = to_json(sorted({s for s in re.split(r"[,，、;；/\s]+", text) if s}))
    elif key == "availability":
        grid, unread = parse_availability_words(text)
        # words not understood can narrow the rest (除周三外每天, 周一至周五18:00以后): half a
        # reading would promise times the volunteer never gave, so the grid is left as it is
        # (empty for a new volunteer, unchanged for an update)
        if not unread:
            row.values[key] = grid.to_text()
        else:
            row.warnings[key] = (f"可服务时间中“{'、'.join(unread)}”看不懂，这一格没有导入（以免多填或填反），"
                                 "原文已保存到备注，请导入后在志愿者信息里勾选。")
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
    elif spec.kind == "address":
        # a volunteer's 住址 of 3号楼2单元501: the building alone meets a resident's 3号楼 in
        # 80后帮90后 (the whole never did); the cell as written goes to 备注
        parts = read_address(text)
        row.values[key] = clean_code(text)
        if parts is not None and (parts.prefix or parts.unit or parts.room):
            row.values[key] = parts.building
            row.values["_address_note"] = f"住址（原文）：{text}"
            row.warnings[key] = f"住址“{text}”按楼号“{parts.building}”导入，整个住址已保存到备注。"
    elif key in _CODES:
        row.values[key] = clean_code(text)
    else:
        row.values[key] = text


def _read_address(row: RowCheck, text: str, known: _Known) -> None:
    """住址: its parts wait in ``_address`` for the row's own 楼号/单元/门牌/小区 cells
    (import_check._RowReader.settle_address); what cannot be read is kept in 备注."""
    parts = read_address(text)
    if parts is None:
        row.warnings["address"] = (
            f"住址“{text}”分不清哪一段是楼号、单元、门牌，没有拆开导入，原文已保存到备注。请导入后在居民信息里"
            "填写，或在Excel里写成“3号楼2单元501”的样子（也可分成楼号、单元、门牌三列）。")
        row.values["_address_note"] = f"住址（原文）：{text}"
        return
    found: list[tuple[str, Any]] = [("building", parts.building), ("unit", parts.unit),
                                    ("room", parts.room)]
    if parts.prefix:
        place = _place_named(parts.prefix, known)
        if place is None:
            row.warnings["address"] = (f"住址“{text}”前面的“{parts.prefix}”不是系统里的小区，没有作为小区导入"
                                       "（原文已保存到备注）；楼号、单元、门牌照常导入。")
            row.values["_address_note"] = f"住址（原文）：{text}"
        else:
            found.append(("place_id", place))
    row.values["_address"] = (tuple((k, v) for k, v in found if v), text)


def _place_named(prefix: str, known: _Known) -> int | None:
    """The place a 住址 begins with: 银地家园, or 北京市丰台区银地家园小区 ending in its name."""
    cache = known.address_places
    if prefix not in cache:
        bare = prefix.removesuffix("小区")
        names = [name for name in known.places if bare.endswith(name)]
        cache[prefix] = known.places[max(names, key=len)] if names else None
    return cache[prefix]


_TEAM_ROLE = re.compile(r"(?P<team>.*?)\s*(?:[（(]\s*(?P<role>队长|副队长|队员)\s*[)）])?")


# stored half-width, as the forms store them (services/people/residents.ADDRESS): a ledger typed
# with an input method says ３号楼, which would otherwise be a building of its own beside 3号楼
_CODES = frozenset({"building", "unit", "room"})


_PINYIN_CACHE: dict[str, tuple[str, str]] = {}


def _pinyin(name: str) -> tuple[str, str]:
    keys = _PINYIN_CACHE.get(name)
    if keys is None:
        if len(_PINYIN_CACHE) > 100_000:
            _PINYIN_CACHE.clear()
        keys = _PINYIN_CACHE[name] = pinyin_readings.name_pinyin_keys(name)
    return keys


def load_tables() -> None:
    """Load what the row checks use on first use (stdnum's check digit, the pinyin table)."""
    clean_id_number("11010519491231002X")
    pinyin_readings.load()


_loading: list[threading.Thread] = []


def load_tables_meanwhile() -> None:
    """Start :func:`load_tables` in a thread while the caller reads the file: calamine parses
    a sheet without holding Python's lock, so on two cores they load during the parse for
    nothing. A check that needs them first waits for a half-done import by itself (Python's
    import lock) or reads the table itself (the same table, read twice at worst)."""
    if _loading:
        return
    _loading.append(threading.Thread(target=_load_quietly, name="import-tables", daemon=True))
    _loading[0].start()


def _load_quietly() -> None:
    with contextlib.suppress(Exception):   # the check loads them again and reports a failure
        load_tables()
