"""The street server's schema on a real PostgreSQL: migrations, typed views, row-level security."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest

from volunteer_app.services.street import published, server, server_schema
from volunteer_app.services.street.published import PublishedColumn, PublishedTable
from volunteer_app.services.street.server import StreetServerError


def _catalogue(url: str) -> list[tuple]:
    """Everything migrate makes, with the oids that a re-creation would change."""
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT c.oid, c.relname, c.relkind, obj_description(c.oid, 'pg_class')"
            " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'street' ORDER BY c.relname").fetchall() + conn.execute(
            "SELECT oid, polname, 'p', '' FROM pg_policy ORDER BY polname").fetchall() + conn.execute(
            "SELECT 0, version::text, 'version', '' FROM street.schema_version").fetchall()


def test_migrating_twice_changes_nothing(street_db):
    before = _catalogue(street_db.admin_url)
    with server.connect(street_db.admin_url) as conn:
        assert server_schema.migrate(conn) == server_schema.latest_version()
    assert _catalogue(street_db.admin_url) == before
    assert [row[1] for row in before if row[2] == "version"] == [str(server_schema.latest_version())]


def test_a_server_of_version_1_gains_the_date_index_and_keeps_its_rows(bare_street_db):
    """A street server set up before version 2: its rows stay, and a month of records is an
    index range, not a scan of every record."""
    with server.connect(bare_street_db.admin_url, require_schema=False) as conn:
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("CREATE SCHEMA street")
            server_schema.MIGRATIONS[0](cur)
            cur.execute("INSERT INTO street.schema_version (version) VALUES (1)")
        conn.execute("INSERT INTO street.sources (source_uid, role_name) VALUES ('s1', 'r1')")
        for day in range(1, 29):
            _insert(conn, "s1", "service_records", f"r{day}", {"date": f"2026-11-{day:02d}", "hours": 1})
        conn.commit()
        assert server_schema.migrate(conn) == server_schema.latest_version() >= 2
        conn.execute("SET enable_seqscan = off")   # 28 rows: the planner would rather scan
        plan = "\n".join(row[0] for row in conn.execute(
            "EXPLAIN SELECT count(*) FROM street.rows WHERE tbl = 'service_records' AND NOT deleted"
            " AND data->>'date' >= '2026-11-10' AND data->>'date' < '2026-11-20'").fetchall())
        assert "rows_date" in plan
        assert conn.execute("SELECT count(*) FROM street.rows WHERE tbl = 'service_records' AND NOT deleted"
                            " AND data->>'date' >= '2026-11-10' AND data->>'date' < '2026-11-20'"
                            ).fetchone()[0] == 10


def test_one_typed_view_per_published_table(street_db):
    with psycopg.connect(street_db.admin_url) as conn:
        views = {name for (name,) in conn.execute(
            "SELECT table_name FROM information_schema.views WHERE table_schema = 'street'")}
        columns = dict(((name, kind) for name, kind in conn.execute(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = 'street' AND table_name = 'residents'")))
    assert views == {table.table for table in published.PUBLISHED}
    assert columns["source_uid"] == "text" and columns["uid"] == "text"
    assert columns["stranded"] == "boolean" and columns["visit_due"] == "date"
    assert set(columns) == {"source_uid", "uid", *published.published("residents").names}


def _insert(conn, source: str, tbl: str, uid: str, data: dict, deleted: bool = False) -> None:
    conn.execute("INSERT INTO street.rows (source_uid, tbl, uid, data, deleted, generation, seq)"
                 " VALUES (%s, %s, %s, %s, %s, 1, 1)", (source, tbl, uid, json.dumps(data), deleted))


def test_views_cast_each_kind_and_hide_tombstones(street_db):
    with psycopg.connect(street_db.admin_url) as conn:
        conn.execute("INSERT INTO street.sources (source_uid, role_name) VALUES ('s1', 'r1')")
        _insert(conn, "s1", "service_records", "a", {
            "hours": "2.5", "date": "2026-11-03", "counts_for_stars": 1, "volunteer_uid": "v"})
        _insert(conn, "s1", "service_records", "b", {"hours": 1, "counts_for_stars": False})
        _insert(conn, "s1", "service_records", "c", {"hours": 9}, deleted=True)
        _insert(conn, "s1", "alerts", "w", {"started_at": "2026-11-28T08:30:00", "until": ""})
        _insert(conn, "s1", "pairings", "p", {"visit_every_days": 7.0})
        records = conn.execute("SELECT uid, hours, date::text, counts_for_stars, volunteer_uid"
                               " FROM street.service_records ORDER BY uid").fetchall()
        alert = conn.execute("SELECT started_at::text, until FROM street.alerts").fetchone()
        every = conn.execute("SELECT visit_every_days FROM street.pairings").fetchone()
    assert records == [("a", 2.5, "2026-11-03", True, "v"), ("b", 1.0, None, False, None)]
    assert alert == ("2026-11-28 08:30:00", None)
    assert every == (7,)


STAND_IN = (PublishedTable("places", "地点", (PublishedColumn("name", "地点名称"),
                                             PublishedColumn("flood_prone", "易积水", "bool")), ""),)


def test_a_changed_declaration_rebuilds_only_its_views(street_db):
    with server.connect(street_db.admin_url) as conn:
        server_schema.migrate(conn, STAND_IN)
        kept = conn.execute("SELECT 'street.places'::regclass::oid").fetchone()
        gone = conn.execute("SELECT to_regclass('street.residents')").fetchone()
        server_schema.migrate(conn, STAND_IN)
        again = conn.execute("SELECT 'street.places'::regclass::oid").fetchone()
        columns = [c.name for c in conn.execute("SELECT * FROM street.places").description]
    assert gone == (None,) and kept == again
    assert columns == ["source_uid", "uid", "name", "flood_prone"]


def test_a_server_newer_than_the_app_is_refused(street_db):
    with psycopg.connect(street_db.admin_url) as conn:
        conn.execute("UPDATE street.schema_version SET version = version + 1")
    with pytest.raises(StreetServerError, match="请先升级邻里帮"):
        server.connect(street_db.admin_url)
    with server.connect(street_db.admin_url, require_schema=False) as conn, \
            pytest.raises(StreetServerError, match="比本程序认识的"):
        server_schema.migrate(conn)


def test_a_database_never_initialised_says_run_street_init(street_db, pg_server):
    with pytest.raises(StreetServerError) as raised:
        server.connect(pg_server)          # the server's own database: no street schema
    assert str(raised.value) == "街道服务器还没有初始化：请先运行 street init"


def source_uid() -> str:
    return str(uuid.uuid4())


def test_every_view_reads_the_demo_communitys_published_rows(street_db, full_demo_session):
    """The casts fit the data the outbox really publishes: every row of the demo, every column."""
    from conftest import TODAY

    from volunteer_app.services.street import outbox

    counts = {}
    with psycopg.connect(street_db.admin_url) as conn:
        conn.execute("INSERT INTO street.sources (source_uid, role_name) VALUES ('demo', 'demo')")
        for table in published.PUBLISHED:
            uids = outbox.all_uids(full_demo_session, table.table)
            data = outbox.row_data(full_demo_session, table.table, uids, b"street-key", TODAY)
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO street.rows (source_uid, tbl, uid, data, generation, seq)"
                    " VALUES ('demo', %s, %s, %s, 1, 1)",
                    [(table.table, uid, json.dumps(row)) for uid, row in data.items()])
            viewed = conn.execute(f"SELECT * FROM street.{table.table}").fetchall()
            counts[table.table] = (len(viewed), len(uids))
        ages = dict(conn.execute("SELECT age_band, count(*) FROM street.residents GROUP BY 1").fetchall())
    assert all(seen == sent for seen, sent in counts.values()), counts
    assert counts["residents"][0] > 0 and counts["service_records"][0] > 0
    assert ages.get("90+", 0) > 0
