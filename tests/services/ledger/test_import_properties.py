"""Property tests: whatever the rows hold, the importer never crashes, every row is imported
or rejected with a reason, and importing the same file twice creates no duplicates."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from conftest import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ledger_fixtures import make_id

from volunteer_app.services.ledger import import_apply, import_check, import_header, import_rows
from volunteer_app.services.ledger.ledger_files import Table
from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.store.connection import open_database

HEADER = ["姓名", "身份证号", "性别", "出生日期", "联系电话", "楼层", "有无电梯", "独居", "楼号"]
VOLUNTEER_HEADER = ["姓名", "性别", "出生日期", "手机号", "所属队伍", "可服务时间", "技能"]

valid_ids = st.builds(make_id, st.dates(date(1920, 1, 1), date(2005, 12, 31)), st.booleans(),
                      st.integers(0, 400))
cell = st.one_of(
    st.none(), st.text(max_size=12), st.integers(-10**18, 10**18),
    st.floats(allow_nan=True, allow_infinity=True), st.dates(),
    st.sampled_from(["男", "女", "是", "否", "√", "无", "1929-04-12", "19290412", "13812345678",
                     "010-63451234", "1.10106E+17", "5", "周末上午", "随时", "张建国", "王䶮"]),
    valid_ids,
)
row = st.lists(cell, min_size=0, max_size=len(HEADER) + 2)


def _session(folder: str) -> Session:
    return Session(open_database(Path(folder) / "p.sqlite3"), BUILTIN_ADMIN, today=lambda: TODAY)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, max_size=12), st.sampled_from(["residents", "volunteers"]))
def test_any_rows_are_imported_or_rejected_with_a_reason(rows, kind):
    header = HEADER if kind == "residents" else VOLUNTEER_HEADER
    with tempfile.TemporaryDirectory() as folder:
        session = _session(folder)
        try:
            table = Table(Path(folder) / "x.xlsx", [["台账"], header, *rows])
            mapping = import_header.detect(table, kind)
            preview = import_check.check(session, table, mapping, kind)
            for checked in preview.rows:
                assert checked.ok or all(m.strip() for m in checked.errors.values())
            first = import_apply.apply(session, preview)
            assert first.imported + first.skipped + first.rejected == len(preview.rows)
            count = session.db.execute(f"SELECT count(*) FROM {kind}").fetchone()[0]
            assert count == first.imported
            again = import_check.check(session, table, mapping, kind)
            second = import_apply.apply(session, again)
            assert second.imported == 0
            assert second.skipped == first.imported + first.skipped
            assert session.db.execute(
                f"SELECT count(*) FROM (SELECT id_number FROM {kind} WHERE id_number IS NOT NULL "
                "GROUP BY id_number HAVING count(*) > 1)").fetchone()[0] == 0
        finally:
            session.db.close()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["张建国", "李秀兰", "王大爷"]), valid_ids,
                          st.sampled_from(["13812345678", "010-63451234", ""])), max_size=10))
def test_same_file_twice_creates_no_duplicates(people):
    with tempfile.TemporaryDirectory() as folder:
        session = _session(folder)
        try:
            table = Table(Path(folder) / "x.csv", [HEADER[:5], *[
                [name, number, "", "", phone] for name, number, phone in people]])
            mapping = import_header.detect(table, "residents")
            for _ in range(2):
                preview = import_check.check(session, table, mapping, "residents")
                import_apply.apply(session, preview, import_rows.UPDATE)
            distinct = {number for _, number, _ in people}
            assert session.db.execute("SELECT count(*) FROM residents").fetchone()[0] == len(distinct)
        finally:
            session.db.close()
