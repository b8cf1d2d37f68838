"""上报 as 设置 says (services/street/reporting.py), against the throw-away PostgreSQL: the
saved address with the keyring's password and key; the status bar's figures; a PC with no
keyring publishes when libpq finds the password itself; a locked keyring sends nothing."""

from __future__ import annotations

from urllib.parse import urlsplit

import keyring
import psycopg
import pytest
from keyring.backends import fail
from keyring.errors import KeyringLocked
from memory_keyring import MemoryKeyring

from volunteer_app.services.street import config, outbox, reporting
from volunteer_app.services.street.config import StreetConfig, StreetConfigError
from volunteer_app.services.street.server import StreetServerError

KEY = "huaxiang-street-key-2026"


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the keyring is locked")


def _configure(session, publisher_url: str, auto: bool = True) -> tuple[StreetConfig, str]:
    parts = urlsplit(publisher_url)
    cfg = config.save(session, StreetConfig(f"{parts.hostname}:{parts.port}{parts.path}",
                                            parts.username, auto))
    return cfg, parts.password


def _server_count(street_db) -> int:
    with psycopg.connect(street_db.admin_url) as conn:
        return conn.execute("SELECT count(*) FROM street.rows WHERE NOT deleted").fetchone()[0]


def test_publish_with_the_saved_settings_and_secrets(demo_session, street_db):
    cfg, password = _configure(demo_session, street_db.add_publisher("gaolizhuang"))
    config.set_password(cfg.url, cfg.user, password)
    config.set_street_key(KEY)
    before = reporting.status(demo_session)
    assert before.last_published is None and before.waiting > 0 and before.config == cfg

    checked = reporting.check_typed(demo_session, cfg.url, cfg.user)    # the saved password
    assert (checked.schema_version >= 1, checked.publishes_here) == (True, False)
    result = reporting.publish_configured(demo_session)
    assert result.waiting == 0
    assert _server_count(street_db) == result.sent
    after = reporting.status(demo_session)
    assert after.waiting == 0 and after.last_published is not None
    assert reporting.check_typed(demo_session, cfg.url, cfg.user).publishes_here


def test_not_set_up_says_where_to_do_it(session):
    with pytest.raises(StreetConfigError, match="设置 → 街道服务器"):
        reporting.publish_configured(session)


def test_a_wrong_password_is_named_by_the_server(session, street_db):
    cfg, _ = _configure(session, street_db.add_publisher("yindi"))
    with pytest.raises(StreetServerError, match="拒绝了账号 yindi 的登录"):
        reporting.check_typed(session, cfg.url, cfg.user, "not-the-password")


def test_without_any_keyring_libpq_finds_the_password(session, street_db, monkeypatch):
    cfg, password = _configure(session, street_db.add_publisher("xinfadi"))
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("PGPASSWORD", password)
    reporting.publish_configured(session)
    assert reporting.status(session).last_published is not None


def test_a_locked_keyring_sends_nothing(demo_session, street_db):
    cfg, password = _configure(demo_session, street_db.add_publisher("guogongzhuang"))
    config.set_password(cfg.url, cfg.user, password)
    waiting = outbox.pending_count(demo_session)
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(StreetConfigError, match="请解锁后重试"):
        reporting.publish_configured(demo_session)
    assert outbox.pending_count(demo_session) == waiting and _server_count(street_db) == 0
