"""The command line's bulk import of a big CSV (services/ledger/ledger_stream.py): peak memory and
time, each in its own run of ``python main.py import residents FILE`` in a child process.

Peak memory is the child's maximum resident set size from ``resource.getrusage``
(RUSAGE_CHILDREN); time is the wall time of a second, separate run on a fresh copy of the
database, so that neither measurement disturbs the other. The file holds
BENCH_STREAM_ROWS residents (default 1,000,000; about 80 MB of CSV), a few percent of them
with an ID number the importer rejects, into the demo community.
"""

from __future__ import annotations

import csv
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROWS = int(os.environ.get("BENCH_STREAM_ROWS", "1000000"))
LIMIT_MB = 500
ROOT = Path(__file__).resolve().parent.parent
HEADER = ["姓名", "身份证号", "性别", "出生日期", "联系电话", "楼号", "单元", "门牌", "楼层", "有无电梯", "独居"]


def _areas() -> list[str]:
    """County codes python-stdnum accepts for a birth in 1940."""
    from stdnum.cn import ric

    codes = [f"{p}{c:02d}{d:02d}" for p in ("11", "12", "13", "31", "32", "44") for c in range(1, 4)
             for d in range(1, 20)]
    def valid(code: str) -> bool:
        body = f"{code}19400101123"
        try:
            return ric.is_valid(body + ric.calc_check_digit(body + "0"))
        except KeyError:    # stdnum's table has prefectures without counties
            return False

    return [c for c in codes if valid(c)]


def write_csv(path: Path, rows: int) -> None:
    from stdnum.cn import ric

    areas = _areas()
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "淑秀桂兰英珍凤玉芳华德福贵国志建明文荣振"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for i in range(rows):
            birth = date(1925 + i % 70, i % 12 + 1, i % 28 + 1)
            body = f"{areas[(i // 1000) % len(areas)]}{birth:%Y%m%d}{(i // 70) % 1000:03d}"
            number = body + ric.calc_check_digit(body + "0")
            out.writerow([surnames[i % 20] + given[(i // 20) % 20] + given[(i // 400) % 20], number,
                          "男" if int(number[16]) % 2 else "女", birth.isoformat(),
                          f"13{i % 10}{i:08d}", f"{i % 30 + 1}号楼", str(i % 4 + 1),
                          f"{i % 6 + 1}0{i % 4 + 1}", i % 6 + 1, "无" if i % 3 else "有",
                          "是" if i % 5 == 0 else "否"])


def _demo(path: Path) -> None:
    from volunteer_app.services import demo
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database

    db = open_database(path)
    demo.build(Session(db, BUILTIN_ADMIN))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _import(ledger: Path, template: Path, scratch: Path, name: str) -> tuple[float, str]:
    db = scratch / f"{name}.sqlite3"
    shutil.copy(template, db)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", "residents",
                             str(ledger), "--db", str(db)], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    return time.perf_counter() - started, result.stdout.splitlines()[0]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        ledger, template = scratch / "居民.csv", scratch / "demo.sqlite3"
        write_csv(ledger, ROWS)
        _demo(template)   # in this process: RUSAGE_CHILDREN must see the import alone
        print(f"{ROWS} rows, {ledger.stat().st_size / 2**20:.0f} MB of CSV")
        _seconds, said = _import(ledger, template, scratch, "memory")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"run 1 (memory): peak RSS {peak:.0f} MB (limit {LIMIT_MB} MB); {said}")
        seconds, _said = _import(ledger, template, scratch, "time")
        print(f"run 2 (time): {seconds:.1f} s, {ROWS / seconds:,.0f} rows/s")


if __name__ == "__main__":
    main()
