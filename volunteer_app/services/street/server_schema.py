"""The street server's own schema: numbered migrations in ``street.schema_version``, and one
typed view per published table, generated from the one declaration (services/street/published.py).

Publishing writes rows as JSON into ``street.rows`` keyed by (source_uid, tbl, uid); the views
give the street window typed columns over them. Row-level security keeps each community's role
to its own source: its ``street.sources`` row (role_name = current_user) and the rows of that
source; the street's viewers read everything and write nothing. The views are
``security_invoker``, so a publisher reading them still sees only its own rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

import psycopg
from psycopg import sql

from .server import StreetServerError, newer_schema

SCHEMA = "street"
PUBLISHER = "street_publisher"
VIEWER = "street_viewer"
# The server's tables: a published table must not take one of these names for its view.
OWN_TABLES = ("schema_version", "sources", "rows")
# Any one number: two `street init` at once wait for each other instead of racing.
_MIGRATE_LOCK = 1_407_140_014
_VIEW_MARK = "linlibang view "

_V1_TABLES = """
CREATE TABLE street.schema_version (version int NOT NULL);
CREATE TABLE street.sources (
    source_uid text PRIMARY KEY,
    role_name text UNIQUE NOT NULL DEFAULT current_user,
    name text NOT NULL DEFAULT '',
    acked_seq bigint NOT NULL DEFAULT 0,
    acked_from bigint NOT NULL DEFAULT 0,
    acked_digest text NOT NULL DEFAULT '',
    generation int NOT NULL DEFAULT 0,
    last_published timestamptz
);
CREATE TABLE street.rows (
    source_uid text REFERENCES street.sources,
    tbl text,
    uid text,
    data jsonb NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    generation int NOT NULL,
    seq bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_uid, tbl, uid)
);
-- The street's queries read one table's live rows across all sources: by uid (joins between
-- tables), by community (the per-community figures) and by volunteer (hours across communities).
CREATE INDEX rows_live_uid ON street.rows (tbl, uid) WHERE NOT deleted;
CREATE INDEX rows_live_community ON street.rows (tbl, (data->>'community_uid')) WHERE NOT deleted;
CREATE INDEX rows_live_volunteer ON street.rows (tbl, (data->>'volunteer_uid')) WHERE NOT deleted;
"""

# Group roles are the cluster's, not the database's: made once, kept when they exist.
_V1_ROLES = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'street_publisher') THEN
        CREATE ROLE street_publisher NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'street_viewer') THEN
        CREATE ROLE street_viewer NOLOGIN;
    END IF;
END
$$;
"""

_V1_SECURITY = """
REVOKE ALL ON SCHEMA street FROM PUBLIC;
GRANT USAGE ON SCHEMA street TO street_publisher, street_viewer;
GRANT SELECT ON street.schema_version TO street_publisher, street_viewer;
GRANT SELECT ON street.sources, street.rows TO street_viewer;
-- A publisher never renames its source nor hands it to another role: only the protocol's columns.
GRANT SELECT, INSERT ON street.sources TO street_publisher;
GRANT UPDATE (name, acked_seq, acked_from, acked_digest, generation, last_published)
    ON street.sources TO street_publisher;
GRANT SELECT, INSERT, UPDATE, DELETE ON street.rows TO street_publisher;

ALTER TABLE street.sources ENABLE ROW LEVEL SECURITY;
ALTER TABLE street.rows ENABLE ROW LEVEL SECURITY;
CREATE POLICY publisher_own_source ON street.sources FOR ALL TO street_publisher
    USING (role_name = current_user) WITH CHECK (role_name = current_user);
CREATE POLICY viewer_reads_sources ON street.sources FOR SELECT TO street_viewer USING (true);
-- One source per role (sources.role_name is unique): a scalar subquery, run once per statement.
CREATE POLICY publisher_own_rows ON street.rows FOR ALL TO street_publisher
    USING (source_uid = (SELECT s.source_uid FROM street.sources s WHERE s.role_name = current_user))
    WITH CHECK (source_uid = (SELECT s.source_uid FROM street.sources s WHERE s.role_name = current_user));
CREATE POLICY viewer_reads_rows ON street.rows FOR SELECT TO street_viewer USING (true);
"""


def _v1(cur: psycopg.Cursor) -> None:
    """The tables, the group roles and their row-level security."""
    for script in (_V1_TABLES, _V1_ROLES, _V1_SECURITY):
        cur.execute(script)


# A month of records (the street's hours) read by the ISO text of their date: text orders as
# the dates do, and an index cannot hold the typed views' cast (text to date depends on the
# server's DateStyle). Without it, a month's hours scanned every record of every community.
# Not partial: PostgreSQL keeps statistics of an index's expression only for a whole-table
# index, and without them it took a year of records for a few days' worth.
_V2_DATE_INDEX = """
CREATE INDEX rows_date ON street.rows (tbl, (data->>'date'));
"""


def _v2(cur: psycopg.Cursor) -> None:
    cur.execute(_V2_DATE_INDEX)


# Append-only, one function per version; never edit one that has shipped.
MIGRATIONS: tuple[Callable[[psycopg.Cursor], None], ...] = (
    _v1,   # 1: sources, rows, roles, row-level security
    _v2,   # 2: rows by the text of their date (the month's hours)
)


def latest_version() -> int:
    return len(MIGRATIONS)


def migrate(conn: psycopg.Connection, tables: Sequence[Any] | None = None) -> int:
    """Create or upgrade the schema and bring the views to the declaration, in one transaction.

    ``tables`` is the declaration (default: published.PUBLISHED). Returns the schema version.
    Running it again changes nothing: views are rebuilt only when their definition changed."""
    if tables is None:
        from .published import PUBLISHED

        tables = PUBLISHED
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_LOCK,))
        cur.execute("CREATE SCHEMA IF NOT EXISTS street")
        version = _version(cur)
        if version > latest_version():
            raise StreetServerError(newer_schema(version, latest_version()))
        for number in range(version + 1, latest_version() + 1):
            MIGRATIONS[number - 1](cur)
        _set_version(cur, version)
        _sync_views(cur, tables)
    return latest_version()


def _version(cur: psycopg.Cursor) -> int:
    cur.execute("SELECT to_regclass('street.schema_version') IS NOT NULL")
    if not cur.fetchone()[0]:
        return 0
    cur.execute("SELECT max(version) FROM street.schema_version")
    return cur.fetchone()[0] or 0


def _set_version(cur: psycopg.Cursor, before: int) -> None:
    if before == latest_version():
        return
    cur.execute("DELETE FROM street.schema_version")
    cur.execute("INSERT INTO street.schema_version (version) VALUES (%s)", (latest_version(),))


# How a declared column's JSON value becomes a typed column (PublishedColumn.kind). Numbers and
# booleans may arrive as JSON numbers or text; an empty text is no value.
_CASTS = {
    "text": "{v}",
    "int": "NULLIF({v}, '')::numeric::bigint",
    "real": "NULLIF({v}, '')::double precision",
    "bool": "CASE WHEN jsonb_typeof({j}) = 'number' THEN ({v})::numeric <> 0"
            " ELSE NULLIF({v}, '')::boolean END",
    "date": "NULLIF({v}, '')::date",
    "timestamp": "NULLIF({v}, '')::timestamp",
}


def view_sql(table: Any) -> sql.Composed:
    """``SELECT source_uid, uid, <declared columns cast by kind>`` over the table's live rows."""
    columns = [sql.SQL("r.source_uid"), sql.SQL("r.uid")]
    for column in table.columns:
        if column.name in ("uid", "source_uid"):
            continue
        if column.kind not in _CASTS:
            raise ValueError(f"published column {table.table}.{column.name}: unknown kind {column.kind!r}")
        value = sql.SQL("(r.data->>{})").format(sql.Literal(column.name))
        raw = sql.SQL("(r.data->{})").format(sql.Literal(column.name))
        cast = sql.SQL(_CASTS[column.kind]).format(v=value, j=raw)
        columns.append(sql.SQL("{} AS {}").format(cast, sql.Identifier(column.name)))
    return sql.SQL(
        "CREATE VIEW street.{} WITH (security_invoker = true) AS SELECT {} FROM street.rows r"
        " WHERE r.tbl = {} AND NOT r.deleted").format(
        sql.Identifier(table.table), sql.SQL(", ").join(columns), sql.Literal(table.table))


def _sync_views(cur: psycopg.Cursor, tables: Sequence[Any]) -> None:
    """Each declared table's view, rebuilt only where its definition changed (its comment holds
    the definition's digest); views of tables no longer declared are dropped."""
    existing = _our_views(cur)
    for table in tables:
        if table.table in OWN_TABLES:
            raise ValueError(f"published table {table.table!r} takes the name of a server table")
        statement = view_sql(table)
        mark = _VIEW_MARK + hashlib.sha256(statement.as_string(cur).encode()).hexdigest()
        if existing.pop(table.table, None) == mark:
            continue
        name = sql.Identifier(table.table)
        cur.execute(sql.SQL("DROP VIEW IF EXISTS street.{}").format(name))
        cur.execute(statement)
        cur.execute(sql.SQL("COMMENT ON VIEW street.{} IS {}").format(name, sql.Literal(mark)))
        cur.execute(sql.SQL("GRANT SELECT ON street.{} TO street_publisher, street_viewer").format(name))
    for gone in existing:
        cur.execute(sql.SQL("DROP VIEW street.{}").format(sql.Identifier(gone)))


def _our_views(cur: psycopg.Cursor) -> dict[str, str]:
    """The views migrate made before: name -> the mark in their comment."""
    cur.execute(
        "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'street' AND c.relkind = 'v'")
    return {name: comment for name, comment in cur.fetchall()
            if (comment or "").startswith(_VIEW_MARK)}
