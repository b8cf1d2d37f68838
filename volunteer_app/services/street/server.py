"""Connecting to the street office's PostgreSQL, and its accounts (roles).

Every failure the user can act on becomes a :class:`StreetServerError` whose ``str()`` is one
Chinese line: the server cannot be reached, the password is wrong, the database or the schema
is missing, the schema is newer than this app, the server refused a write (row-level
security), another publisher is busy. :func:`translated` turns the errors of psycopg met
while working on an open connection into the same lines. psycopg is used only in this package.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

import psycopg
from psycopg import errors, sql
from psycopg.conninfo import conninfo_to_dict

from .config import role_name_problem

if TYPE_CHECKING:
    from .hangup import Hangup

NOT_INITIALISED = "街道服务器还没有初始化：请先运行 street init"
BUSY = "另一个程序正在向街道服务器上报这个社区文件，请稍后再试"
KINDS = {"publisher": "street_publisher", "viewer": "street_viewer"}


class StreetServerError(Exception):
    """A failure at the street server the user can act on; str() is one Chinese line."""


def newer_schema(found: int, known: int) -> str:
    return f"街道服务器的数据结构是第 {found} 版，比本程序认识的第 {known} 版新：请先升级邻里帮"


def connect(url: str, password: str | None = None, timeout: float = 5, *,
            require_schema: bool = True, hangup: Hangup | None = None) -> psycopg.Connection:
    """A connection to the server at ``url`` (postgresql://USER[:PASSWORD]@HOST[:PORT]/DB).

    The password is ``password`` when given, else the URL's, else libpq's own (PGPASSWORD,
    the .pgpass file). With ``require_schema`` (all but ``street init``) the schema must be
    there and not newer than this app. ``hangup.cut()`` from another thread gives up the
    connecting (:class:`~.hangup.Abandoned`); the caller holds the open connection's socket
    with ``hangup.holding(conn.fileno())`` for the same on a silent server afterwards."""
    target = _target(url)
    extra = {"password": password} if password else {}
    _connecting.hangup = hangup
    try:
        conn = _Connection.connect(url, connect_timeout=max(2, round(timeout)),
                                   application_name="linlibang", **extra)
    except psycopg.OperationalError as error:
        if hangup is not None:
            hangup.check()
        raise StreetServerError(_connect_failure(str(error), target)) from None
    finally:
        _connecting.hangup = None
    if require_schema:
        try:
            with held(conn, hangup):
                check_schema(conn)
        except BaseException:
            conn.close()
            raise
    return conn


@contextlib.contextmanager
def held(conn: psycopg.Connection, hangup: Hangup | None) -> Iterator[None]:
    """Work on the open ``conn``; with a ``hangup``, :meth:`~.hangup.Hangup.cut` from another
    thread ends a wait on a silent server at once, and what failed because of the cut raises
    :class:`~.hangup.Abandoned` instead of its StreetServerError."""
    if hangup is None:
        yield
        return
    with hangup.holding(conn.fileno()):
        try:
            yield
        except StreetServerError:
            hangup.check()
            raise


_connecting = threading.local()     # the Hangup of the connection this thread is making


class _Connection(psycopg.Connection):
    """psycopg's connection, whose connecting gives up once its Hangup is cut: psycopg polls
    the connection generator every 0.1 s (psycopg >= 3.2), where the Hangup looks."""

    @classmethod
    def _connect_gen(cls, *args, **kwargs):
        steps = super()._connect_gen(*args, **kwargs)
        hangup = getattr(_connecting, "hangup", None)
        return steps if hangup is None else hangup.watched(steps)


def _target(url: str) -> dict[str, str]:
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        raise StreetServerError(
            "街道服务器地址写法不对：应为 postgresql://账号@主机[:端口]/数据库") from None
    return {"user": parts.get("user") or "（本机用户）", "host": parts.get("host") or "本机",
            "port": str(parts.get("port") or 5432), "dbname": parts.get("dbname") or ""}


def login_url(url: str, role: str) -> str:
    """The server address of ``url`` for the login role ``role``, without any password."""
    _target(url)                       # a URL that is not one says so in Chinese
    parts = conninfo_to_dict(url)
    host = str(parts.get("host") or "")
    host = f"[{host}]" if ":" in host else host
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{role}@{host}{port}/{parts.get('dbname') or ''}"


def _connect_failure(text: str, target: dict[str, str]) -> str:
    """libpq says why a connection failed only in words (there is no SQLSTATE before login)."""
    user, where = target["user"], f"{target['host']}:{target['port']}"
    if "password authentication failed" in text or re.search(r'role ".*" does not exist', text):
        return f"街道服务器 {where} 拒绝了账号 {user} 的登录：密码不对或没有这个账号"
    if "no password supplied" in text:
        return (f"街道服务器 {where} 要求账号 {user} 的密码：请写在地址中、"
                f"环境变量 PGPASSWORD 中或在“设置 → 街道服务器”中保存")
    if re.search(r'database ".*" does not exist', text):
        return f"街道服务器 {where} 上没有数据库 {target['dbname']}：请检查地址最后的数据库名"
    if "permission denied for database" in text:
        return f"账号 {user} 没有连接数据库 {target['dbname']} 的权限：请联系街道管理员"
    return f"无法连接街道服务器 {where}：请检查网络、服务器地址和端口，以及服务器是否已启动"


def check_schema(conn: psycopg.Connection) -> int:
    """The server's schema version; refuses a server never initialised or newer than this app.
    Leaves no transaction open."""
    from .server_schema import latest_version

    with translated():
        try:
            version = conn.execute("SELECT max(version) FROM street.schema_version").fetchone()[0]
        finally:
            conn.rollback()
    if version is None:
        raise StreetServerError(NOT_INITIALISED)
    if version > latest_version():
        raise StreetServerError(newer_schema(version, latest_version()))
    return version


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """Work on an open connection; psycopg's errors leave it as a :class:`StreetServerError`."""
    try:
        yield
    except psycopg.Error as error:
        raise StreetServerError(explain(error)) from error


def explain(error: psycopg.Error) -> str:
    """One Chinese line for an error the server raised while working."""
    constraint = getattr(error.diag, "constraint_name", None)
    if isinstance(error, errors.InsufficientPrivilege):
        if "row-level security" in str(error):
            return "街道服务器拒绝了这次写入：社区账号只能写本社区文件自己的数据"
        return "街道服务器拒绝了这次操作：这个账号没有权限（查看账号只能读，社区账号只能读写自己的数据）"
    if isinstance(error, errors.UniqueViolation) and constraint == "sources_role_name_key":
        return "这个账号已经上报过另一个社区文件：每个社区文件要用自己的账号上报，请向街道管理员另要一个账号"
    if isinstance(error, errors.UniqueViolation) and constraint == "sources_pkey":
        return "这个社区文件已经用另一个账号上报过：请用原来的账号上报"
    if isinstance(error, (errors.UndefinedTable, errors.InvalidSchemaName)):
        return NOT_INITIALISED
    if isinstance(error, (errors.LockNotAvailable, errors.SerializationFailure,
                          errors.DeadlockDetected, errors.QueryCanceled)):
        return BUSY
    if isinstance(error, psycopg.OperationalError):
        return "与街道服务器的连接中断了：请检查网络后重试，已上报的数据不受影响"
    first = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return f"街道服务器报错：{first}"


def add_role(admin_conn: psycopg.Connection, role: str, password: str, kind: str) -> bool:
    """Make the login role ``role`` a publisher (one community file) or a viewer (the street).

    The password travels as a SCRAM verifier, never as plain text. A role that already is
    of that kind gets the new password (a forgotten one is reset); any other existing role is
    refused. True when the role was created."""
    group = KINDS[kind]
    problem = role_name_problem(role)
    if problem:
        raise StreetServerError(problem)
    if not password:
        raise StreetServerError(f"账号 {role} 的密码不能为空")
    with translated(), admin_conn.transaction(), admin_conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_roles WHERE rolname IN ('street_publisher', 'street_viewer')")
        if cur.fetchone()[0] < 2:
            raise StreetServerError(NOT_INITIALISED)
        verifier = admin_conn.pgconn.encrypt_password(
            password.encode(), role.encode(), b"scram-sha-256").decode()
        existing = _existing(cur, role)
        if existing is not None and existing != group:
            raise StreetServerError(
                f"服务器上已有账号 {role}，它不是{_KIND_WORDS[kind]}：请换一个账号名")
        statement = ("ALTER ROLE {} LOGIN PASSWORD {}" if existing else
                     "CREATE ROLE {} LOGIN PASSWORD {} IN ROLE " + group)
        cur.execute(sql.SQL(statement).format(sql.Identifier(role), sql.Literal(verifier)))
    return existing is None


_KIND_WORDS = {"publisher": "社区上报账号", "viewer": "街道查看账号"}


def _existing(cur: psycopg.Cursor, role: str) -> str | None:
    """None when there is no such role; its street group when it is a plain member of exactly
    one; "" for any other role (a superuser, an admin, a member of both)."""
    cur.execute(
        "SELECT r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolbypassrls,"
        " array(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
        "       WHERE m.member = r.oid)"
        " FROM pg_roles r WHERE r.rolname = %s", (role,))
    found = cur.fetchone()
    if found is None:
        return None
    powerful, groups = found
    street = [g for g in groups if g in KINDS.values()]
    return street[0] if not powerful and len(street) == 1 and len(groups) == 1 else ""
