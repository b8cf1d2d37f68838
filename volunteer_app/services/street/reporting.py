"""上报 as 设置 → 街道服务器 says: publish with the saved address and the keyring's secrets,
test a connection before saving it, and what the status bar shows (last published, waiting).

``publish`` and ``server`` bring psycopg; they are imported when a publish or a test runs,
never by the window's start-up, which only reads the status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ...store.rows import from_json
from ..permissions import Permission
from ..session import Session
from . import config, outbox
from .config import StreetConfigError

if TYPE_CHECKING:
    from .hangup import Hangup
    from .publish import PublishResult


@dataclass(frozen=True)
class StreetStatus:
    config: config.StreetConfig
    last_published: datetime | None
    waiting: int            # changed rows not yet acknowledged by the server


def status(session: Session) -> StreetStatus:
    """Two small reads: the settings and the outbox's count (for the status bar)."""
    cfg = config.load(session)
    return StreetStatus(cfg, last_published(session), outbox.pending_count(session))


def last_published(session: Session) -> datetime | None:
    row = session.db.execute(
        "SELECT value FROM settings WHERE key = 'street.last_published'").fetchone()
    text = from_json(row[0]) if row else None
    if not text:
        return None
    try:
        return datetime.fromisoformat(str(text))
    except ValueError:
        return None


def publish_configured(session: Session, hangup: Hangup | None = None) -> PublishResult:
    """Publish to the saved server with the saved password and street key; ``hangup``: see
    publish.publish."""
    from .publish import publish

    cfg = config.load(session)
    if not cfg.configured:
        raise StreetConfigError("还没有设置街道服务器：请在“设置 → 街道服务器”填写地址和用户名。")
    try:
        pw, key = config.password(cfg.url, cfg.user), config.street_key()
    except config.NoKeyringError:
        # no keyring on this PC, so none was ever saved: as the command line does, libpq may
        # still find a password (PGPASSWORD, .pgpass), and volunteers go without the ID hash.
        # A locked keyring is an error instead: publishing without the key would send every
        # volunteer again with no hash.
        pw, key = None, None
    return publish(session, config.connect_url(cfg), pw, key, hangup=hangup)


@dataclass(frozen=True)
class ConnectionCheck:
    server_version: str     # e.g. "15.8"
    schema_version: int
    publishes_here: bool    # this file has published to this server before


def check_connection(url: str, user: str, password: str | None, source_uid: str | None = None,
                     timeout: float = 5, hangup: Hangup | None = None) -> ConnectionCheck:
    """Connect as ``user`` and read the street schema's version, as publishing would: raises
    StreetServerError (server down, wrong password, no ``street init``) or StreetConfigError.
    ``hangup.cut()`` from another thread (the window closing) ends it at once (Abandoned)."""
    from .server import check_schema, connect, held, translated

    address = config.parse_address(url).address
    conn = connect(address.with_user(config.checked_user(user)), password, timeout, hangup=hangup)
    try:
        with held(conn, hangup):
            schema = check_schema(conn)
            with translated():
                known = source_uid is not None and conn.execute(
                    "SELECT 1 FROM street.sources WHERE source_uid = %s", [source_uid]).fetchone() is not None
        version = conn.info.server_version
    finally:
        conn.close()
    return ConnectionCheck(f"{version // 10000}.{version % 10000}", schema, known)


def check_typed(session: Session, url: str, user: str, pw: str = "",
                hangup: Hangup | None = None) -> ConnectionCheck:
    """测试连接 with what 设置 shows, saved or not: the password typed, else the one written in
    the address, else the one in the keyring. 设置's own action: the keyring's password goes
    wherever the typed address (and its hostaddr) points, so only a role that may change the
    server may test one. ``hangup``: see check_connection."""
    session.require(Permission.SETTINGS)
    parsed = config.parse_address(url)
    user = config.checked_user(user or parsed.user or "")
    pw = pw or parsed.password or config.password(url, user) or ""
    return check_connection(url, user, pw or None, outbox.source_uid(session), hangup=hangup)
