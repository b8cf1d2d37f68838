"""Printed reports: a team's monthly report over 500 … 5,000 records of one month, the same
records as the records page's PDF list, and a batch of 300 certificates (a ceremony has 40).

Figures are times and PDF sizes, and each time as a ratio to the 500-record run of the same
document measured here, so the growth with the number of records shows whatever the PC.
"""

from __future__ import annotations

import os
import random
import tempfile
from datetime import date
from pathlib import Path

from bench._timing import timed

SIZES = tuple(int(x) for x in os.environ.get("BENCH_REPORT_SIZES", "500,1000,2500,5000").split(","))
LIST_SIZES = tuple(int(x) for x in os.environ.get("BENCH_LIST_SIZES", "500,1000,2500").split(","))
CERTIFICATES = int(os.environ.get("BENCH_CERTIFICATES", "300"))
MEMBERS = 300
TODAY = date(2026, 11, 28)


def _database(folder: Path, records: int, name: str):
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database
    from volunteer_app.store.rows import new_uid, now_text

    db = open_database(folder / f"{name}_{records}.sqlite3")
    session = Session(db, BUILTIN_ADMIN, today=lambda: TODAY)
    rng = random.Random(records)
    stamp = now_text()
    with session.write("teams", "volunteers", "team_members", "service_records", "tasks", "shifts"):
        team = db.table("teams").insert({"uid": new_uid(), "name": "基准测试服务队", "created_at": stamp}).last_pk
        db.table("volunteers").insert_all([
            {"uid": new_uid(), "volunteer_no": f"ZY2026-{i:05d}", "name": f"志愿者{i:04d}",
             "name_pinyin": f"zyz{i:04d}", "id_number": f"110106195{i % 10}0101{i:04d}",
             "created_at": stamp, "updated_at": stamp} for i in range(1, MEMBERS + 1)])
        ids = [r[0] for r in db.execute("SELECT id FROM volunteers ORDER BY id")]
        db.table("team_members").insert_all([{"uid": new_uid(), "team_id": team, "volunteer_id": v,
                                              "joined_on": "2026-10-03" if v % 50 == 0 else "2025-03-05"}
                                             for v in ids])
        task = db.table("tasks").insert({"uid": new_uid(), "team_id": team, "service_type_id": 2,
                                         "title": "桶前值守", "created_at": stamp}).last_pk
        db.table("shifts").insert_all([{"uid": new_uid(), "task_id": task, "date": f"2026-10-{d:02d}",
                                        "start_time": "07:00", "end_time": "09:00", "min_people": 2,
                                        "max_people": 3} for d in range(1, 32) for _ in range(4)])
        db.table("service_records").insert_all([
            {"uid": new_uid(), "volunteer_id": rng.choice(ids), "team_id": team,
             "service_type_id": rng.randint(1, 7), "date": f"2026-10-{rng.randint(1, 31):02d}",
             "start_time": "08:00", "end_time": "10:00", "hours": rng.choice((1.5, 2.0, 2.5)),
             "content": "垃圾分类驿站桶前值守、指导分类", "status": "已锁定", "locked_at": stamp,
             "created_at": stamp} for _ in range(records)], batch_size=1000)
    return session, team, ids


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from volunteer_app.cli.common import gui_application

    app = gui_application()  # noqa: F841
    from volunteer_app.reports.certificate import write_certificates_pdf
    from volunteer_app.reports.monthly import write_monthly_pdf
    from volunteer_app.reports.record_list import write_record_list_pdf
    from volunteer_app.services.admin import settings
    from volunteer_app.services.hours import certificates, record_queries, reports

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("月度报表（一支队伍一个月，300名队员，124个班次）")
        print(f"{'记录数':>8} {'统计 s':>8} {'出PDF s':>8} {'页数':>5} {'大小 KB':>8} {'相对500条':>9}")
        base = None
        for size in SIZES:
            session, team, _ids = _database(folder, size, "monthly")
            report, query_s = timed(reports.monthly_team, session, team, "2026-10")
            path = folder / f"monthly_{size}.pdf"
            _, pdf_s = timed(write_monthly_pdf, report, path, "基准测试社区")
            total = query_s + pdf_s
            base = base or total
            print(f"{size:>8} {query_s:>8.2f} {pdf_s:>8.2f} {_pages(path):>5} "
                  f"{path.stat().st_size / 1024:>8.0f} {total / base:>9.2f}", flush=True)
            session.db.close()

        print("\n服务记录列表PDF（记录页“导出PDF”，每条一行）")
        print(f"{'记录数':>8} {'出PDF s':>8} {'页数':>5} {'大小 KB':>8} {'相对500条':>9} {'每条 ms':>8}")
        base = None
        for size in LIST_SIZES:
            session, team, _ids = _database(folder, size, "list")
            path = folder / f"list_{size}.pdf"
            _, pdf_s = timed(write_record_list_pdf, session,
                              record_queries.RecordQuery(team_id=team, month="2026-10"), path)
            base = base or pdf_s
            print(f"{size:>8} {pdf_s:>8.2f} {_pages(path):>5} {path.stat().st_size / 1024:>8.0f} "
                  f"{pdf_s / base:>9.2f} {pdf_s / size * 1000:>8.2f}", flush=True)
            session.db.close()

        session, _team, ids = _database(folder, max(SIZES), "certificates")
        # a certificate names the unit's person in charge and a contact (checked before issuing)
        settings.put(session, "certificate.leader", "王主任")
        settings.put(session, "certificate.contact", "010-00000000")
        print(f"\n证明批量打印（{CERTIFICATES}份，每人一页）")
        for count in (40, CERTIFICATES):
            (issued, skipped), issue_s = timed(certificates.issue_batch, session, ids[:count],
                                                "2026-01-01", "2026-11-28")
            path = folder / f"certificates_{count}.pdf"
            _, pdf_s = timed(write_certificates_pdf, issued, path)
            print(f"{count:>4}份：开具登记 {issue_s:.2f} s，出PDF {pdf_s:.2f} s，{_pages(path)}页，"
                  f"{path.stat().st_size / 1024:.0f} KB，每份 {(issue_s + pdf_s) / count * 1000:.0f} ms"
                  + (f"（{len(skipped)}人无记录未开具）" if skipped else ""), flush=True)
        session.db.close()


def _pages(path: Path) -> int:
    import subprocess

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "0"))


if __name__ == "__main__":
    main()
