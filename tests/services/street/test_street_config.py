"""设置 → 街道服务器 in the service: the address, user and switch in the file; the password
and the street's key in the keyring only; bad input named and nothing saved."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from volunteer_app.services.admin import users
from volunteer_app.services.permissions import PermissionDenied
from volunteer_app.services.session import Session
from volunteer_app.services.street import config
from volunteer_app.services.street.config import StreetConfig, StreetConfigError

SECRET = "Pw-7f3c91-only-in-keyring"
KEY = "花乡街道-2026-密钥-9d1e"


def _stored(session) -> dict:
    return dict(session.db.execute(
        "SELECT key, value FROM settings WHERE key IN ('street.url', 'street.user', 'street.auto')"
    ).fetchall())


def test_the_settings_round_trip_in_one_written_form(session):
    assert config.load(session) == StreetConfig("", "", False)
    saved = config.save(session, StreetConfig("db.huaxiang.local/street", "gaolizhuang", True))
    assert saved == StreetConfig("postgresql://db.huaxiang.local:5432/street", "gaolizhuang", True)
    assert config.load(session) == saved
    assert config.connect_url(saved) == "postgresql://gaolizhuang@db.huaxiang.local:5432/street"
    entry = session.db.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert entry[0] == "修改街道服务器设置"
    config.save(session, StreetConfig("", "", False))        # publishing switched off again
    assert config.load(session) == StreetConfig()


@pytest.mark.parametrize(("written", "url", "user", "pw"), [
    ("192.168.1.10:6543/street", "postgresql://192.168.1.10:6543/street", None, None),
    ("postgres://u1:p%40ss@host/db?sslmode=require",
     "postgresql://host:5432/db?sslmode=require", "u1", "p@ss"),
    ("postgresql://[::1]:5433/street", "postgresql://[::1]:5433/street", None, None),
])
def test_addresses_in_either_form(written, url, user, pw):
    parsed = config.parse_address(written)
    assert (parsed.address.url, parsed.user, parsed.password) == (url, user, pw)


@pytest.mark.parametrize(("cfg", "words"), [
    (StreetConfig("http://host/street", "u"), "“服务器地址”：“http://host/street”不是"),
    (StreetConfig("host:99999/street", "u"), "端口应为1到65535"),
    (StreetConfig("host:abc/street", "u"), "端口应为1到65535"),
    (StreetConfig("host:5432", "u"), "缺少数据库名"),
    (StreetConfig("my server/street", "u"), "不是街道服务器的地址"),
    (StreetConfig("host/street", "  "), "“用户名”：还没有填写"),
    (StreetConfig("host/street", "a b"), "“用户名”：“a b”不能含空格"),
    (StreetConfig("", "", True), "“服务器地址”：要每分钟自动上报"),
])
def test_bad_input_names_the_field_and_saves_nothing(session, cfg, words):
    config.save(session, StreetConfig("host/street", "before", False))
    kept = _stored(session)
    with pytest.raises(StreetConfigError) as caught:
        config.save(session, cfg)
    assert words in str(caught.value)
    assert _stored(session) == kept


def test_only_who_may_change_settings_saves(demo_session):
    staff = users.authenticate(demo_session.db, "staff", "staff2026")
    as_staff = Session(demo_session.db, staff)
    with pytest.raises(PermissionDenied, match="系统设置"):
        config.save(as_staff, StreetConfig("host/street", "u", True))
    assert config.load(demo_session) == StreetConfig()


def test_the_password_and_key_are_in_the_keyring_never_in_the_file(session, db_path,
                                                                     memory_keyring):
    cfg = config.save(session, StreetConfig("postgresql://db.local:5433/street", "xinfadi", True))
    config.set_password(cfg.url, cfg.user, SECRET)
    config.set_street_key(KEY)
    # the same entry however the address is written (the command line passes a full URL)
    assert config.password("postgresql://xinfadi@db.local:5433/street", "xinfadi") == SECRET
    assert config.password("db.local:5433/street", "xinfadi") == SECRET
    assert config.password("db.local:5433/street", "someone-else") is None
    assert config.street_key() == KEY.encode("utf-8")
    assert set(memory_keyring.entries.values()) == {SECRET, KEY}
    session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stored = b"".join(p.read_bytes() for p in db_path.parent.iterdir() if p.is_file())
    for secret in (SECRET, KEY):
        assert secret.encode("utf-8") not in stored
    assert b"xinfadi" in stored           # the scan would see a saved value: the user is there

    config.set_password(cfg.url, cfg.user, "")           # emptied: forgotten
    config.set_street_key("")
    assert config.password(cfg.url, cfg.user) is None and config.street_key() is None


def test_a_short_street_key_is_refused():
    with pytest.raises(StreetConfigError, match="“街道密钥”：至少8个字符"):
        config.set_street_key("short")
    assert config.street_key() is None


def test_without_a_keyring_the_message_says_so_in_chinese():
    keyring.set_keyring(fail.Keyring())     # the machine's state on a bare Linux (restored after)
    for call in (lambda: config.password("host/street", "u"),
                 lambda: config.set_password("host/street", "u", SECRET),
                 lambda: config.street_key(),
                 lambda: config.set_street_key(KEY)):
        with pytest.raises(StreetConfigError, match="没有可用的系统密码库"):
            call()


def test_saving_the_section_keeps_a_password_written_in_the_address_out_of_the_file(
        session, db_path, memory_keyring):
    saved = config.save_with_secrets(
        session, StreetConfig(f"postgresql://gaolizhuang:{SECRET}@db.local/street", "", True),
        key=KEY)
    assert saved == StreetConfig("postgresql://db.local:5432/street", "gaolizhuang", True)
    assert config.password(saved.url, saved.user) == SECRET
    assert config.street_key() == KEY.encode("utf-8")
    session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stored = b"".join(p.read_bytes() for p in db_path.parent.iterdir() if p.is_file())
    assert SECRET.encode("utf-8") not in stored and KEY.encode("utf-8") not in stored

    # a refused key saves nothing: neither the new address nor the new password
    with pytest.raises(StreetConfigError, match="街道密钥"):
        config.save_with_secrets(session, StreetConfig("other.local/street", "u2"), "new-pw", "short")
    assert config.load(session) == saved and config.password("other.local/street", "u2") is None
