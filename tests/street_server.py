"""A throw-away PostgreSQL for the street tests: one server per test session, one database
per test.

The server runs from Debian's binaries (/usr/lib/postgresql/<newest>/bin; `make test`
installs them through build_scripts/system_deps.sh) in a temporary folder: a unix socket in
that folder, 127.0.0.1 on a free port with SCRAM passwords, so the tests log in as real
roles with real passwords. PostgreSQL refuses to run as root (CI runs as root): there the
server runs as Debian's `postgres` user. Without the binaries the tests fail, never skip.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SUPERUSER = "postgres"
# Durability is not what these tests measure: an unsynced server starts and commits faster.
FAST = ("-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        " -c max_connections=40 -c shared_buffers=16MB")


def server_binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda path: int(Path(path).parent.parent.name))
    if not found:
        pytest.fail("找不到 PostgreSQL 服务器程序（/usr/lib/postgresql/*/bin/pg_ctl）：街道服务器的测试"
                    "需要它。运行 make test（或 sh build_scripts/system_deps.sh test）安装 Debian 的"
                    " postgresql 软件包后重试。", pytrace=False)
    return Path(found[-1]).parent


def _run_as() -> list[str]:
    """As root, the server's programs run as the `postgres` user; otherwise as ourselves."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None or subprocess.run(["id", "-u", SUPERUSER],
                                                         capture_output=True).returncode:
        pytest.fail("以 root 运行测试时，PostgreSQL 需要 Debian 的 postgres 用户和 runuser 命令"
                    "（安装 postgresql 软件包会建好）。", pytrace=False)
    return ["runuser", "-u", SUPERUSER, "--"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PgServer:
    folder: Path
    bin: Path
    run_as: list[str]
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    port: int = 0

    def url(self, dbname: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> str:
        return f"postgresql://{user}:{password or self.password}@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([*self.run_as, *argv], capture_output=True, text=True, timeout=60)

    def init(self) -> None:
        self.folder.chmod(0o700)
        (self.folder / "pw").write_text(self.password + "\n")
        if self.run_as:
            shutil.chown(self.folder, SUPERUSER)
            shutil.chown(self.folder / "pw", SUPERUSER)
        done = self._run(str(self.bin / "initdb"), "-D", str(self.folder / "data"), "-U", SUPERUSER,
                         "--auth-local=trust", "--auth-host=scram-sha-256",
                         f"--pwfile={self.folder / 'pw'}", "-E", "UTF8", "--no-locale",
                         "--no-sync", "--no-instructions")
        if done.returncode:
            pytest.fail(f"initdb 失败：{done.stderr.strip()}", pytrace=False)

    def start(self) -> None:
        """On a free port the first time (another test run may take it between the probe and
        the start: then another), on the same port after :meth:`down`."""
        again = bool(self.port)
        for _ in range(1 if again else 5):
            self.port = self.port if again else _free_port()
            options = f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 {FAST}"
            done = self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"),
                             "-l", str(self.folder / "log"), "-w", "-t", "30", "-o", options, "start")
            if done.returncode == 0:
                return
        log = (self.folder / "log").read_text(errors="replace")[-2000:]
        pytest.fail(f"PostgreSQL 没能启动：{done.stderr.strip()}\n{log}", pytrace=False)

    def stop(self, mode: str = "immediate") -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "stop")

    @contextlib.contextmanager
    def down(self) -> Iterator[None]:
        """The server stopped for the block (a street server that cannot be reached), then
        started again on the same port."""
        self.stop("fast")
        try:
            yield
        finally:
            self.start()


@pytest.fixture(scope="session")
def _pg(request) -> PgServer:
    # Not under pytest's tmp_path: that folder is root's alone, and the server runs as postgres.
    folder = Path(tempfile.mkdtemp(prefix="linlibang-pg-"))
    server = PgServer(folder, server_binaries(), _run_as())
    request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
    server.init()
    server.start()
    request.addfinalizer(server.stop)
    return server


@pytest.fixture(scope="session")
def pg_server(_pg) -> str:
    """The throw-away server's superuser URL (database `postgres`, password in the URL)."""
    return _pg.url()


@dataclass
class StreetDatabase:
    """One test's database on the throw-away server, with `street init` done."""

    server: PgServer
    name: str
    admin_url: str

    def add_publisher(self, role: str) -> str:
        return self._add(role, "publisher")

    def add_viewer(self, role: str) -> str:
        return self._add(role, "viewer")

    def _add(self, role: str, kind: str) -> str:
        from volunteer_app.services.street import server

        password = secrets.token_urlsafe(12)
        with server.connect(self.admin_url) as admin:
            server.add_role(admin, role, password, kind)
        return self.server.url(self.name, role, password)


_databases = iter(range(1, 1_000_000))
TEMPLATE = "street_template"


def _create_database(server: PgServer, name: str, template: str = "template1") -> None:
    # FILE_COPY: with fsync off, copying a small database takes ~25 ms (WAL_LOG: ~400 ms).
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")


@pytest.fixture(scope="session")
def _street_template(_pg) -> str:
    """A database migrated once (`street init`); each test's database is a copy of it."""
    from volunteer_app.services.street import server, server_schema

    _create_database(_pg, TEMPLATE)
    with server.connect(_pg.url(TEMPLATE), require_schema=False) as conn:
        server_schema.migrate(conn)
    return TEMPLATE


@pytest.fixture
def street_db(_pg, _street_template) -> Iterator[StreetDatabase]:
    """A fresh database with the street schema migrated; the roles a test made are dropped after."""
    yield from _test_database(_pg, _street_template)


@pytest.fixture
def bare_street_db(_pg) -> Iterator[StreetDatabase]:
    """A fresh database where `street init` has not run yet."""
    yield from _test_database(_pg, "template1")


def _test_database(server: PgServer, template: str) -> Iterator[StreetDatabase]:
    import psycopg

    name = f"street_{next(_databases)}"
    _create_database(server, name, template)
    yield StreetDatabase(server, name, server.url(name))
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
        roles = admin.execute(
            "SELECT rolname FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%' AND NOT rolsuper"
            " AND rolname NOT IN ('street_publisher', 'street_viewer')").fetchall()
        for (role,) in roles:
            admin.execute(f'DROP ROLE "{role}"')
