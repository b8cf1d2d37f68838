"""The street bench's world (bench/street.py): community files copied from one demo database,
each its own source with its own communities, and the throw-away PostgreSQL they publish to.

A demo database at scale 10 takes a minute or two to build; twenty of them would take half an
hour. So one is built (and cached, as the other benches do) and copied: each copy gets its own
``street.source_uid`` and its communities their own uids and names, which is all the street
tells sources and communities apart by (every other row is keyed by source too).
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "street_bench"
STREET_KEY = b"bench-street-key"     # the street's id-hash key, as LINLIBANG_STREET_KEY gives it


@dataclass(frozen=True)
class Community:
    """One community file that publishes, and the role it publishes with."""
    number: int
    path: Path
    source_uid: str
    url: str = ""


def open_session(path: Path) -> Any:
    """The file as the app opens it, acting as its built-in admin (publishing and logging a
    visit are both the community staff's work; the admin may do both)."""
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database

    return Session(open_database(path, verify=False), BUILTIN_ADMIN)


def _own_identity(path: Path, number: int) -> str:
    """Give the copy at ``path`` a source uid and community uids and names of its own."""
    from volunteer_app.services.street import outbox
    from volunteer_app.store.rows import to_json

    session = open_session(path)
    try:
        source = str(uuid.uuid4())
        with session.write("settings", "communities") as db:
            db.execute("UPDATE settings SET value = ? WHERE key = 'street.source_uid'", [to_json(source)])
            for community_id, name in db.execute("SELECT id, name FROM communities").fetchall():
                db.execute("UPDATE communities SET uid = ?, name = ? WHERE id = ?",
                           [str(uuid.uuid4()), f"{name}·{number:02d}", community_id])
        if outbox.source_uid(session) != source:
            raise RuntimeError(f"{path.name}: street.source_uid is not stored as the bench expected")
        session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return source
    finally:
        session.db.close()


def community_files(template: Path, count: int, folder: Path) -> list[Community]:
    """``count`` copies of ``template`` in ``folder``, each a source of its own."""
    made = []
    for number in range(1, count + 1):
        path = folder / f"community-{number:02d}.sqlite3"
        shutil.copy(template, path)
        made.append(Community(number, path, _own_identity(path, number)))
    return made


def published_rows(session: Any, today: date) -> list[tuple[str, str, str, str]]:
    """Every published row of the file as (source_uid, table, uid, data as JSON text): what a
    full publish sends, for PostgreSQL's own COPY of the same rows."""
    import json

    from volunteer_app.services.street import outbox
    from volunteer_app.services.street.published import PUBLISHED

    source = outbox.source_uid(session)
    rows = []
    for table in PUBLISHED:
        data = outbox.row_data(session, table.table, outbox.all_uids(session, table.table), STREET_KEY, today)
        rows += [(source, table.table, uid, json.dumps(value, ensure_ascii=False))
                 for uid, value in data.items() if value is not None]
    return rows


def active_pairings(session: Any, count: int) -> list[int]:
    """Up to ``count`` active pairs whose resident agreed to visits (the change the lag is
    measured on is a visit logged on one of them, as 80后帮90后 logs it)."""
    from volunteer_app.services.care.pairing import ACTIVE

    return [r[0] for r in session.db.execute(
        "SELECT x.id FROM pairings x JOIN residents r ON r.id = x.resident_id "
        "WHERE x.state = ? AND r.consent_visit ORDER BY x.id LIMIT ?", [ACTIVE, count])]


# -- the throw-away server -----------------------------------------------------------------------

@dataclass
class Street:
    """The running server's street database: the superuser's and a viewer's connections."""
    server: Any
    admin: Any
    viewer: Any
    viewer_url: str

    def publisher(self, community: Community) -> Community:
        """``community`` with a publishing role of its own (its URL carries the password)."""
        return replace(community, url=self._role(f"bench_c{community.number:02d}", "publisher"))

    def _role(self, role: str, kind: str) -> str:
        from volunteer_app.services.street import server

        password = secrets.token_urlsafe(12)
        server.add_role(self.admin, role, password, kind)
        return self.server.url(DATABASE, role, password)


def _fixture_module() -> Any:
    """tests/street_server.py: the street tests' server, reused (not a second copy of it)."""
    import sys

    tests = str(ROOT / "tests")
    if tests not in sys.path:
        sys.path.append(tests)
    import street_server

    return street_server


def missing_server() -> str:
    """Why no server can be started here ('' when one can): no binaries, or root without the
    postgres user. The line is the street tests' own."""
    import pytest

    module = _fixture_module()
    try:
        module.server_binaries()
        module._run_as()
    except pytest.fail.Exception as failed:
        return str(failed.msg)
    return ""


@contextmanager
def running_street() -> Iterator[Street]:
    """A throw-away server with the street schema, a viewer role and a scratch table for the
    COPY floor; stopped and removed afterwards."""
    from volunteer_app.services.street import server, server_schema

    module = _fixture_module()
    # Durable commits (fsync, full pages, synchronous commit) as a real server has them, unlike
    # the tests' shortcut; and room for two connections per community.
    module.FAST = "-c max_connections=100"
    folder = Path(tempfile.mkdtemp(prefix="linlibang-pg-"))
    pg = module.PgServer(folder, module.server_binaries(), module._run_as())
    try:
        pg.init()
        pg.start()
        module._create_database(pg, DATABASE)
        admin = server.connect(pg.url(DATABASE), require_schema=False)
        server_schema.migrate(admin)
        admin.execute("CREATE TABLE bench_copy (source_uid text, tbl text, uid text, data jsonb NOT NULL,"
                      " PRIMARY KEY (source_uid, tbl, uid))")
        admin.commit()
        street = Street(pg, admin, None, "")
        street.viewer_url = street._role("bench_viewer", "viewer")
        street.viewer = server.connect(street.viewer_url)
        street.viewer.autocommit = True
        yield street
        street.viewer.close()
        admin.close()
    finally:
        pg.stop()
        shutil.rmtree(folder, ignore_errors=True)
