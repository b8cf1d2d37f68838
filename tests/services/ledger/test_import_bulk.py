"""A big first import goes in without the table's plain indexes and rebuilds them in the same
transaction; what it saves and what a cancel leaves are the same as for a small import."""

from __future__ import annotations

import threading
import uuid

import pytest
from ledger_fixtures import write_csv

from volunteer_app.services.ledger import import_apply, import_check, import_header, import_rows
from volunteer_app.services.people import residents
from volunteer_app.store.rows import new_uids


def _indexes(db) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'residents'")}


def _ledger(tmp_path, count: int):
    rows = [["姓名", "性别", "出生日期", "手机号", "楼号"]] + [
        [f"张{chr(0x4e00 + i % 3000)}{chr(0x4e00 + i // 3000)}", "男女"[i % 2], "1935-01-01",
         f"139{i:08d}", f"{i % 9 + 1}号楼"] for i in range(count)]
    return write_csv(tmp_path / "big.csv", rows, "utf-8-sig")


@pytest.fixture
def bulk(monkeypatch):
    monkeypatch.setattr(import_apply, "BULK_ROWS", 100)   # "big" from 100 rows on, for speed


def test_a_bulk_import_rebuilds_the_indexes_and_finds_the_rows(session, tmp_path, bulk):
    before = _indexes(session.db)
    cache = session.db.execute("PRAGMA cache_size").fetchone()[0]
    table, mapping = import_header.load(_ledger(tmp_path, 600), "residents")
    preview = import_check.check(session, table, mapping, "residents")
    assert import_apply.apply(session, preview).imported == 600
    assert _indexes(session.db) == before and len(before) >= 5   # the partial ones too
    assert session.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert session.db.execute("PRAGMA cache_size").fetchone()[0] == cache
    plan = " ".join(r[3] for r in session.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM residents WHERE phone_tail = '0042' "
        "AND archived_at IS NULL"))
    assert "residents_phone_tail" in plan
    found = residents.page(session, residents.ResidentQuery(text="0042"), 0, 10)
    assert [r["name"] for r in found] == [preview.rows[42].values["name"]]


def test_cancelling_a_bulk_import_leaves_table_and_indexes_as_they_were(session, tmp_path, bulk):
    residents.add(session, {"name": "周桂香", "gender": "女", "birth_date": "1934-05-06"})
    before = _indexes(session.db)
    table, mapping = import_header.load(_ledger(tmp_path, 600), "residents")
    preview = import_check.check(session, table, mapping, "residents")
    cancel = threading.Event()
    with pytest.raises(import_rows.ImportCancelled):
        import_apply.apply(session, preview, cancel=cancel,
                            progress=lambda done, total: done >= 250 and cancel.set())
    assert session.db.execute("SELECT count(*) FROM residents").fetchone()[0] == 1
    assert _indexes(session.db) == before


def test_a_small_import_into_a_bigger_table_keeps_its_indexes_in_place(session, tmp_path, bulk):
    def schema_version() -> int:    # SQLite counts every change of the schema (DROP/CREATE INDEX)
        return session.db.execute("PRAGMA schema_version").fetchone()[0]

    first = schema_version()
    table, mapping = import_header.load(_ledger(tmp_path, 300), "residents")
    import_apply.apply(session, import_check.check(session, table, mapping, "residents"))
    second = schema_version()
    assert second > first                           # 300 new rows into an empty table: bulk
    table, mapping = import_header.load(_ledger(tmp_path, 150), "residents")
    preview = import_check.check(session, table, mapping, "residents")
    assert import_apply.apply(session, preview, import_rows.UPDATE).updated == 150
    assert schema_version() == second               # 150 updates into 300 rows: in place


def test_new_uids_are_distinct_version_4_uuids():
    made = new_uids(5000)
    assert len(set(made)) == 5000
    for text in made[:500]:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122
