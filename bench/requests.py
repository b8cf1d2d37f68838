"""接诉即办 at scale: importing 50,000 tickets of a 12345 export (.xlsx) as a ratio to reading the
same file with the reader (python-calamine) alone, as bench/ledger_import.py measures the
resident import; and one month's three rates (rates.month_rates) over 50,000, 100,000 and
500,000 saved tickets (1×, 2×, 10×), to see how it grows.

main() returns {"import_ratio": import ÷ reader, "rates_ms": {"50000": ms, "100000": ms,
"500000": ms}}.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench._timing import timed

ROWS = int(os.environ.get("BENCH_TICKET_ROWS", "50000"))
RATES_BASE = int(os.environ.get("BENCH_RATES_BASE", "50000"))
GROWTH = (1, 2, 10)
HEADER = ["序号", "工单编号", "来电时间", "派单时间", "诉求人", "联系电话", "诉求地址", "问题分类",
          "诉求内容", "诉求类型", "紧急程度", "承办单位", "主办/协办", "办理时限", "是否联系",
          "是否解决", "满意度"]
CATEGORIES = ("城乡建设/物业管理/电梯故障", "城乡建设/垃圾分类/垃圾桶满溢", "城乡建设/供暖/暖气不热",
              "环境保护/噪声污染/装修噪音", "交通管理/停车管理/乱停车", "城乡建设/物业管理/楼道灯不亮")
FIRST = datetime(2026, 1, 5, 8, 0)


def _write_export(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("工单")
    sheet.append(["北京市12345市民服务热线工单导出（基准测试，虚构数据）"])
    sheet.append(HEADER)
    places = ("明春苑", "银地家园", "高立庄", "郭公庄北街", "新发地村")
    for i in range(rows):
        received = FIRST + timedelta(minutes=13 * i)
        rated = i % 3 == 0
        sheet.append([i + 1, f"GD{i:010d}", received, received + timedelta(minutes=40),
                      "王" + "秀英建国志强桂兰"[i % 8], f"139{i:08d}",
                      f"丰台区花乡街道{places[i % 5]}{i % 12 + 1}号楼", CATEGORIES[i % 6],
                      f"反映的问题（第{i}件），请尽快处理", ("求助", "投诉", "咨询", "建议")[i % 4],
                      "紧急" if i % 97 == 0 else "一般", "花乡街道", "主办", "",
                      "已联系" if rated else "", ("已解决" if i % 7 else "未解决") if rated else "",
                      ("满意", "基本满意", "不满意")[i % 9 // 3] if rated else ""])
    book.save(path)


def _import(path: Path, db_path: Path) -> tuple[object, dict[str, float]]:
    from volunteer_app.services.requests import ticket_import
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database

    db = open_database(db_path)
    try:
        session = Session(db, BUILTIN_ADMIN)
        started = time.perf_counter()
        table, mapping = ticket_import.load(path)
        loaded = time.perf_counter()
        preview = ticket_import.check(session, table, mapping)
        checked = time.perf_counter()
        summary = ticket_import.apply(session, preview)
        return summary, {"load": loaded - started, "check": checked - loaded,
                         "apply": time.perf_counter() - checked}
    finally:
        db.close()


def _fill(db, count: int, start: int) -> None:
    """``count`` more tickets spread over twelve months, a third of them with a 回访 result."""
    rng = random.Random(start)
    rows = []
    for i in range(start, start + count):
        received = FIRST + timedelta(seconds=rng.randint(0, 365 * 86400))
        rated = rng.random() < 0.6
        rows.append((f"u{i}", f"B{i:09d}", received.isoformat(), (received + timedelta(days=7)).isoformat(),
                     CATEGORIES[i % 6], "已办结" if rated else "办理中",
                     rng.choice(("已联系", "已联系", "未联系")) if rated else None,
                     rng.choice(("已解决", "已解决", "未解决")) if rated else None,
                     rng.choice(("满意", "基本满意", "不满意")) if rated else None,
                     received.isoformat()))
    db.conn.executemany(
        "INSERT INTO requests (uid, ticket_no, received_at, due_at, category, status, "
        "callback_contacted, callback_resolved, callback_satisfaction, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [(*r, r[-1]) for r in rows])
    db.conn.commit()


def _rates_growth(folder: Path) -> dict[str, float]:
    from volunteer_app.services.requests import rates
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database

    db = open_database(folder / "rates.sqlite3")
    out: dict[str, float] = {}
    try:
        session, saved = Session(db, BUILTIN_ADMIN), 0
        for factor in GROWTH:
            target = RATES_BASE * factor
            _fill(db, target - saved, saved)
            saved = target
            db.execute("ANALYZE")
            figures, seconds = timed(rates.month_rates, session, "2026-06", repeat=5)
            out[str(target)] = round(seconds * 1000, 2)
            print(f"month_rates on {target:,} tickets: {seconds * 1000:.1f} ms "
                  f"({figures['received']:,} received in the month, {figures['rated']:,} rated)")
    finally:
        db.close()
    return out


def main() -> dict[str, object]:
    from volunteer_app.services.ledger.ledger_files import read_table

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "12345.xlsx"
        _write_export(path, ROWS)
        table, read_s = timed(read_table, path)
        (summary, phases), import_s = timed(_import, path, folder / "import.sqlite3")
        ratio = import_s / read_s
        print(f"tickets in file: {len(table.rows) - 2:,}, added: {summary.imported:,}")
        print(f"reader alone (python-calamine): {read_s:.2f} s")
        print(f"read + check + save in one transaction: {import_s:.2f} s = {ratio:.2f}x the reader")
        print("  of which: " + ", ".join(f"{k} {v:.2f} s" for k, v in phases.items()))
        growth = _rates_growth(folder)
        base = growth[str(RATES_BASE)]
        print("growth of month_rates: " + ", ".join(
            f"{int(k) // RATES_BASE}× {v / base:.2f}" for k, v in growth.items()))
    return {"import_ratio": round(ratio, 2), "rates_ms": growth}


if __name__ == "__main__":
    main()
