"""A varied ledger (every kind of cell the importer reads, good and bad) and what importing it
saves, row by row: the speed work on the importer (issue 16) must leave this unchanged.

``import_golden.json`` was written by the importer as it was before that work, by running
``PYTHONPATH=. python tests/services/ledger/import_golden.py DEMO.sqlite3`` on a demo database
built with TODAY (tests/conftest.py) at scale 1.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
GOLDEN = HERE / "import_golden.json"
SKIPPED_COLUMNS = {"uid", "created_at", "updated_at"}

RESIDENT_HEADER = ["序号", "姓名", "身份证号", "性别", "出生日期", "联系电话", "社区", "小区", "楼号",
                   "单元", "门牌", "楼层", "有无电梯", "行动不便", "独居", "空巢", "失能残疾", "困难群众",
                   "紧急联系人", "健康情况", "健康信息同意人", "健康信息同意日期", "困难情况", "备注"]
VOLUNTEER_HEADER = ["志愿者编号", "姓名", "身份证号", "性别", "出生日期", "手机号", "所属队伍", "社区",
                    "技能", "可服务时间", "社会工作者", "不宜重体力", "每周时长上限", "状态", "加入日期",
                    "备注"]

# names whose pinyin comes from pypinyin's phrase list (单于, 长乐, 朝阳…), minority names,
# Latin names, long ones, and names the importer refuses
NAMES = ["张建国", "王淑兰", "李秀英", "单于明", "长乐公主", "曾朝阳", "欧阳长青", "阿依古丽·买买提",
         "Mary Smith", "王 小明", "李2", "", "张三丰张三丰张三丰", "乐乐", "解放", "仇重阳", "覃行",
         "万俟长风", "尉迟恭", "朴正熙", "单单", "查理", "王䶮", "😀张", "  刘德华 ", "区长乐", "葛长银",
         "长孙无忌", "黄长发", "解晓东", "那英", "曾经", "朝晖", "重庆", "行长", "银行", "石头"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗单曾解查乐区仇"
GIVEN = "淑秀桂兰英珍凤玉芳华德福贵国志建明文荣振长朝重行乐阳"


def make_id(birth: date, male: bool, serial: int) -> str:
    from stdnum.cn import ric

    body = f"110106{birth:%Y%m%d}{serial * 2 % 1000 + (1 if male else 0):03d}"
    return body + ric.calc_check_digit(body + "0")


def _pick(rng: random.Random, messy: bool, good: list[Any], bad: list[Any]) -> Any:
    return rng.choice(good + bad if messy else good)


def _id_cell(rng: random.Random, birth: date, male: bool, i: int, known: list[str],
             messy: bool) -> Any:
    roll = rng.random() if messy else rng.random() * 0.6
    good = make_id(birth, male, i)
    if roll < 0.55:
        return good
    if roll < 0.60:
        return rng.choice(known) if known else good          # a person already saved
    if roll < 0.64:
        return good[:-1] + ("0" if good[-1] != "0" else "1")  # wrong check character
    if roll < 0.67:
        return float(good[:17])                               # Excel made it a number
    if roll < 0.70:
        return good[:6] + "********" + good[14:]              # a masked export
    if roll < 0.73:
        return good[:6] + good[8:14] + good[14:17]            # the 15-digit old number
    if roll < 0.76:
        return good.lower().replace("x", "x") + " "
    return None


def _phone_cell(rng: random.Random, i: int, messy: bool) -> Any:
    roll = rng.random() if messy else rng.random() * 0.65
    if roll < 0.5:
        return f"13{i % 10}{i:08d}"
    if roll < 0.6:
        return f"010-6{i % 10}{i:06d}"
    if roll < 0.65:
        return f"6{i:07d}"
    if roll < 0.7:
        return "138****1234"
    if roll < 0.75:
        return "12345"
    if roll < 0.8:
        return int(f"139{i:08d}")
    return None


def _birth_cell(rng: random.Random, birth: date, messy: bool) -> Any:
    roll = rng.random() if messy else rng.random() * 0.66
    if roll < 0.4:
        return birth
    if roll < 0.55:
        return birth.isoformat()
    if roll < 0.62:
        return f"{birth.year}年{birth.month}月{birth.day}日"
    if roll < 0.66:
        return datetime(birth.year, birth.month, birth.day)
    if roll < 0.7:
        return "1930-02-30"
    if roll < 0.73:
        return date(1950, 1, 1)            # disagrees with most ID numbers
    return None


def _name(rng: random.Random, i: int, messy: bool) -> str:
    if rng.random() < (0.5 if messy else 0.15):
        return rng.choice(NAMES)
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")


def resident_rows(rng: random.Random, count: int, facts: dict[str, list[str]]) -> list[list[Any]]:
    rows: list[list[Any]] = [["花乡街道居民台账"], RESIDENT_HEADER]
    earlier: list[list[Any]] = []
    for i in range(count):
        if earlier and rng.random() < 0.04:
            rows.append(list(rng.choice(earlier)))     # the same person twice in the file
            continue
        if rng.random() < 0.02:
            rows.append([None] * 5)                    # a blank row
            continue
        messy = rng.random() < 0.3
        birth = date(1920 + rng.randrange(85), rng.randrange(1, 13), rng.randrange(1, 29))
        male = rng.random() < 0.5
        row = [
            i + 1, _name(rng, i, messy), _id_cell(rng, birth, male, i, facts["resident_ids"], messy),
            _pick(rng, messy, ["男" if male else "女", "男性" if male else "F"], ["", None, "未知", "女"]),
            _birth_cell(rng, birth, messy), _phone_cell(rng, i, messy),
            _pick(rng, messy, ["", ""], [*facts["communities"], "不存在社区"]),
            _pick(rng, messy, [*facts["places"], "", ""], ["新建小区"]),
            _pick(rng, messy, ["1号楼", "2号楼", "12号楼", "", "3"], []),
            _pick(rng, messy, ["1", "2", 3, "", None], []),
            _pick(rng, messy, ["101", "202", 301, "", "5-1"], []),
            _pick(rng, messy, [1, 2, 3, 6, "5层", "7楼", "", 4.0, None], ["abc", 99]),
            _pick(rng, messy, ["有", "无", "是", "否", "√", "", True, 1], ["不清楚"]),
            _pick(rng, messy, ["是", "否", ""], []), _pick(rng, messy, ["是", "否", "", "√", "×"], []),
            _pick(rng, messy, ["是", "否", ""], []), _pick(rng, messy, ["", "否", "是"], []),
            _pick(rng, messy, ["", "是", "否"], ["低保"]),
            _pick(rng, messy, ["", "儿子 13812345678", "女儿"], []),
            *rng.choice([["", "", None], ["高血压", "本人", date(2025, 3, 1)],
                         ["糖尿病", "儿子", "2025-03-02"], ["心脏病", "", None]]),
            _pick(rng, messy, ["", "", "失业"], []),
            _pick(rng, messy, ["", "", "=1+1", "备注文字", "@提醒"], []),
        ]
        earlier.append(row)
        rows.append(row)
    return rows


def volunteer_rows(rng: random.Random, count: int, facts: dict[str, list[str]]) -> list[list[Any]]:
    rows: list[list[Any]] = [VOLUNTEER_HEADER]
    teams = facts["teams"]
    earlier: list[list[Any]] = []
    for i in range(count):
        if earlier and rng.random() < 0.04:
            rows.append(list(rng.choice(earlier)))
            continue
        messy = rng.random() < 0.3
        birth = date(1950 + rng.randrange(55), rng.randrange(1, 13), rng.randrange(1, 29))
        male = rng.random() < 0.5
        row = [
            _pick(rng, messy, ["", "", f"ZY2019-{i:05d}"], facts["volunteer_nos"]),
            _name(rng, i, messy), _id_cell(rng, birth, male, i + 5000, facts["volunteer_ids"], messy),
            _pick(rng, messy, ["", "男" if male else "女"], ["女"]),
            _birth_cell(rng, birth, messy), _phone_cell(rng, i + 3000, messy),
            _pick(rng, messy, ["", teams[0], f"{teams[0]}、{teams[-1]}", f"{teams[1]}（队长）",
                               "新成立服务队", f"{teams[0]},新成立服务队(队员)"], []),
            _pick(rng, messy, ["", ""], [*facts["communities"], "不存在社区"]),
            _pick(rng, messy, ["", "电工", "驾驶、急救", "理发 烹饪"], []),
            _pick(rng, messy, ["", "周末上午", "随时", "工作日晚上", "周三下午、周六全天"], ["看情况"]),
            _pick(rng, messy, ["", "是", "否"], []), _pick(rng, messy, ["", "是", "否"], []),
            _pick(rng, messy, ["", 4, "8", 2.5], ["abc", 70]),
            _pick(rng, messy, ["", "在册", "暂停"], ["离开"]),
            _pick(rng, messy, [None, date(2024, 5, 1), "2025-01-02"], ["昨天"]),
            _pick(rng, messy, ["", "", "老队员"], []),
        ]
        earlier.append(row)
        rows.append(row)
    return rows


def demo_facts(db_path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(db_path)
    try:
        def column(sql: str) -> list[str]:
            return [r[0] for r in conn.execute(sql)]
        return {
            "communities": column("SELECT name FROM communities ORDER BY id LIMIT 3"),
            "places": column("SELECT name FROM places ORDER BY id LIMIT 4"),
            "teams": column("SELECT name FROM teams ORDER BY id LIMIT 3"),
            "resident_ids": column("SELECT id_number FROM residents WHERE id_number IS NOT NULL "
                                   "ORDER BY id LIMIT 20"),
            "volunteer_ids": column("SELECT id_number FROM volunteers WHERE id_number IS NOT NULL "
                                    "ORDER BY id LIMIT 10"),
            "volunteer_nos": column("SELECT volunteer_no FROM volunteers ORDER BY id LIMIT 5"),
        }
    finally:
        conn.close()


def write_ledgers(folder: Path, facts: dict[str, list[str]]) -> dict[str, Path]:
    from openpyxl import Workbook

    paths = {}
    for kind, make, count in (("residents", resident_rows, 500), ("volunteers", volunteer_rows, 200)):
        book = Workbook()
        sheet = book.active
        for row in make(random.Random(f"golden-{kind}"), count, facts):
            sheet.append(row)
        paths[kind] = folder / f"{kind}.xlsx"
        book.save(paths[kind])
    return paths


def snapshot(db: Any, tables: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Every row of ``tables`` by id, all columns but the uid and the timestamps."""
    out = {}
    for table in tables:
        cursor = db.execute(f"SELECT * FROM [{table}] ORDER BY id")
        names = [d[0] for d in cursor.description]
        keep = [i for i, n in enumerate(names) if n not in SKIPPED_COLUMNS]
        out[table] = {"columns": [names[i] for i in keep],
                      "rows": {str(r[0]): [r[i] for i in keep] for r in cursor.fetchall()}}
    return out


def changed(before: dict, after: dict) -> dict[str, dict[str, Any]]:
    """The rows ``after`` holds that ``before`` did not hold exactly so: the new and updated."""
    return {t: {"columns": now["columns"],
                "rows": {k: v for k, v in now["rows"].items() if before[t]["rows"].get(k) != v}}
            for t, now in after.items()}


def _tables(kind: str) -> tuple[str, ...]:
    return (kind, "teams", "team_members") if kind == "volunteers" else (kind,)


def run_preview_path(session: Any, path: Path, kind: str, duplicates: str) -> dict[str, Any]:
    """The window's way: load, check into a preview, apply."""
    from volunteer_app.services.ledger import (
        import_apply,
        import_check,
        import_header,
        rejected_rows,
    )

    before = snapshot(session.db, _tables(kind))
    table, mapping = import_header.load(path, kind)
    preview = import_check.check(session, table, mapping, kind)
    rows = [[r.number, r.status, r.errors, r.warnings, r.duplicate_text(), r.teams]
            for r in preview.rows]
    summary = import_apply.apply(session, preview, duplicates)
    return {"rows": rows, "counts": preview.counts, "new_teams": preview.new_teams,
            "rejected": rejected_rows.describe(preview), "summary": vars(summary),
            "saved": changed(before, snapshot(session.db, _tables(kind)))}


def run_stream_path(session: Any, path: Path, kind: str, duplicates: str) -> dict[str, Any]:
    """The command line's way: ledger_stream.import_file."""
    from volunteer_app.services.ledger import ledger_stream

    before = snapshot(session.db, _tables(kind))
    lines: list[str] = []
    outcome = ledger_stream.import_file(session, path, kind, duplicates, report=lines.append)
    return {"lines": lines, "summary": vars(outcome.summary), "notices": outcome.notices,
            "saved": changed(before, snapshot(session.db, _tables(kind)))}


def import_everything(demo: Path, folder: Path, today: date) -> dict[str, Any]:
    """Each ledger through both paths, skipping and updating duplicates, each on a fresh copy
    of the demo database."""
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database

    paths = write_ledgers(folder, demo_facts(demo))
    result: dict[str, Any] = {}
    for kind, path in paths.items():
        for name, run in (("preview", run_preview_path), ("stream", run_stream_path)):
            for duplicates in ("skip", "update"):
                copy = folder / f"{kind}-{name}-{duplicates}.sqlite3"
                shutil.copy(demo, copy)
                db = open_database(copy)
                try:
                    session = Session(db, BUILTIN_ADMIN, today=lambda: today)
                    found = run(session, path, kind, duplicates)
                finally:
                    db.close()
                if duplicates == "update":   # the rest is as when skipping
                    found = {"summary": found["summary"], "saved": found["saved"]}
                result[f"{kind}/{name}/{duplicates}"] = found
    return json.loads(json.dumps(result, ensure_ascii=False, default=str))


if __name__ == "__main__":
    import tempfile

    sys.path.insert(0, str(HERE.parent.parent))
    from conftest import TODAY

    with tempfile.TemporaryDirectory() as scratch:
        found = import_everything(Path(sys.argv[1]), Path(scratch), TODAY)
    GOLDEN.write_text(json.dumps(found, ensure_ascii=False, sort_keys=True) + "\n",
                      encoding="utf-8")
    print(f"wrote {GOLDEN}: " + ", ".join(f"{k} {len(v['saved'][k.split('/')[0]]['rows'])} rows"
                                          for k, v in found.items()))
