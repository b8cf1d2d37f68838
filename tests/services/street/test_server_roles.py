"""Who may do what on the street server: each community's role writes only its own source's
rows (row-level security), the street's viewers read everything and write nothing."""

from __future__ import annotations

import json

import psycopg
import pytest

from volunteer_app.services.street import server
from volunteer_app.services.street.server import StreetServerError


def _publish(url: str, source: str, uid: str, hours: float = 1.0) -> None:
    """What the publish protocol does first: its sources row, then a row of its own."""
    with server.connect(url) as conn, server.translated(), conn.transaction():
        conn.execute("INSERT INTO street.sources (source_uid, name) VALUES (%s, %s)"
                     " ON CONFLICT (source_uid) DO NOTHING", (source, source))
        _upsert(conn, source, uid, hours)


def _upsert(conn: psycopg.Connection, source: str, uid: str, hours: float) -> None:
    conn.execute(
        "INSERT INTO street.rows (source_uid, tbl, uid, data, generation, seq)"
        " VALUES (%s, 'service_records', %s, %s, 1, 1) ON CONFLICT (source_uid, tbl, uid)"
        " DO UPDATE SET data = excluded.data", (source, uid, json.dumps({"hours": hours})))


@pytest.fixture
def two_communities(street_db):
    a, b = street_db.add_publisher("gaolizhuang"), street_db.add_publisher("mingchunyuan")
    _publish(a, "source-a", "rec-a", 2.0)
    _publish(b, "source-b", "rec-b", 3.0)
    return a, b


def test_a_publisher_writes_and_reads_its_own_source(two_communities):
    a, _ = two_communities
    with server.connect(a) as conn:
        sources = conn.execute("SELECT source_uid, role_name FROM street.sources").fetchall()
        hours = conn.execute("SELECT uid, hours FROM street.service_records").fetchall()
        raw = conn.execute("SELECT count(*) FROM street.rows").fetchone()
    assert sources == [("source-a", "gaolizhuang")]   # role_name defaults to the login role
    assert hours == [("rec-a", 2.0)] and raw == (1,)   # nor does the view show another's rows


def test_a_publisher_cannot_write_another_sources_rows(two_communities):
    a, _ = two_communities
    with server.connect(a) as conn:
        with pytest.raises(StreetServerError, match="只能写本社区文件自己的数据"), server.translated():
            _upsert(conn, "source-b", "forged", 99.0)
        conn.rollback()
        with conn.transaction():
            updated = conn.execute("UPDATE street.rows SET data = '{}' WHERE source_uid = 'source-b'")
            deleted = conn.execute("DELETE FROM street.rows WHERE source_uid = 'source-b'")
            moved = conn.execute("UPDATE street.sources SET acked_seq = 7 WHERE source_uid = 'source-b'")
        assert (updated.rowcount, deleted.rowcount, moved.rowcount) == (0, 0, 0)


def test_nothing_of_the_other_source_changed(two_communities, street_db):
    a, _ = two_communities
    with server.connect(a) as conn, conn.transaction():
        conn.execute("UPDATE street.rows SET data = '{\"hours\": 0}'")
        conn.execute("UPDATE street.sources SET acked_seq = 7")
    with psycopg.connect(street_db.admin_url) as admin:
        rows = admin.execute("SELECT source_uid, data->>'hours' FROM street.rows ORDER BY 1").fetchall()
        acked = admin.execute("SELECT source_uid, acked_seq FROM street.sources ORDER BY 1").fetchall()
    assert rows == [("source-a", "0"), ("source-b", "3.0")]
    assert acked == [("source-a", 7), ("source-b", 0)]


def test_a_publisher_cannot_hand_its_source_to_another_role(two_communities):
    a, _ = two_communities
    with server.connect(a) as conn:
        with pytest.raises(StreetServerError, match="没有权限"), server.translated():
            conn.execute("UPDATE street.sources SET role_name = 'mingchunyuan'")
        conn.rollback()
        with pytest.raises(StreetServerError, match="只能写本社区文件自己的数据"), server.translated():
            conn.execute("INSERT INTO street.sources (source_uid, role_name) VALUES ('s3', 'mingchunyuan')")


def test_one_source_per_role(two_communities):
    a, _ = two_communities
    with pytest.raises(StreetServerError, match="已经上报过另一个社区文件"):
        _publish(a, "source-a2", "rec")


def test_a_file_published_by_one_role_is_refused_to_another(two_communities):
    _, b = two_communities
    with server.connect(b) as conn, pytest.raises(StreetServerError, match="已经用另一个账号上报过"), \
            server.translated():
        conn.execute("INSERT INTO street.sources (source_uid) VALUES ('source-a')")


def test_a_viewer_reads_everything_and_writes_nothing(two_communities, street_db):
    viewer = street_db.add_viewer("jiedao")
    with server.connect(viewer) as conn:
        hours = conn.execute("SELECT source_uid, hours FROM street.service_records ORDER BY 1").fetchall()
        sources = conn.execute("SELECT count(*) FROM street.sources").fetchone()
        for statement in ("INSERT INTO street.sources (source_uid) VALUES ('mine')",
                          "UPDATE street.rows SET deleted = true",
                          "DELETE FROM street.rows"):
            with pytest.raises(StreetServerError, match="没有权限"), server.translated():
                conn.execute(statement)
            conn.rollback()
    assert hours == [("source-a", 2.0), ("source-b", 3.0)] and sources == (2,)


def test_re_adding_a_publisher_resets_its_password(street_db):
    old = street_db.add_publisher("xinfadi")
    new = street_db.add_publisher("xinfadi")
    with pytest.raises(StreetServerError, match="拒绝了账号 xinfadi 的登录"):
        server.connect(old)
    server.connect(new).close()


def test_a_role_of_another_kind_or_name_is_refused(street_db):
    street_db.add_viewer("jiedao")
    with server.connect(street_db.admin_url) as admin:
        with pytest.raises(StreetServerError, match="它不是社区上报账号"):
            server.add_role(admin, "jiedao", "pw", "publisher")
        with pytest.raises(StreetServerError, match="它不是街道查看账号"):
            server.add_role(admin, "postgres", "pw", "viewer")   # the superuser keeps its powers
        with pytest.raises(StreetServerError, match="只能用小写英文字母"):
            server.add_role(admin, "高立庄", "pw", "publisher")
        with pytest.raises(StreetServerError, match="密码不能为空"):
            server.add_role(admin, "gaolizhuang", "", "publisher")


def test_a_second_publisher_of_the_same_file_is_told_another_is_busy(two_communities):
    """Two runs of publish at once: the first locks its sources row, the second is refused
    with the busy line instead of waiting (the protocol's lock, with NOWAIT)."""
    a, _ = two_communities
    lock = "SELECT acked_seq FROM street.sources WHERE source_uid = 'source-a' FOR UPDATE NOWAIT"
    with server.connect(a) as first, server.connect(a) as second:
        first.execute(lock)
        with pytest.raises(StreetServerError) as raised, server.translated():
            second.execute(lock)
    assert str(raised.value) == server.BUSY
