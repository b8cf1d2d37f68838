"""Connecting to the street server: each failure is one Chinese line that says what to do."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest

from volunteer_app.services.street import server
from volunteer_app.services.street.server import StreetServerError


def _with(url: str, **parts: str) -> str:
    split = urlsplit(url)
    user, password = split.username, split.password
    host, port, path = split.hostname, split.port, split.path
    user, password = parts.get("user", user), parts.get("password", password)
    auth = f"{user}:{password}@" if password else f"{user}@"
    return f"postgresql://{auth}{host}:{parts.get('port', port)}{parts.get('path', path)}"


def test_the_password_from_the_argument_the_url_or_pgpassword(street_db, monkeypatch):
    url = street_db.add_publisher("gaolizhuang")
    password = urlsplit(url).password
    bare = _with(url, password="")
    server.connect(url).close()
    server.connect(bare, password=password).close()
    monkeypatch.setenv("PGPASSWORD", password)
    server.connect(bare).close()


def test_a_wrong_password(street_db):
    url = _with(street_db.add_publisher("gaolizhuang"), password="wrong")
    with pytest.raises(StreetServerError) as raised:
        server.connect(url)
    assert str(raised.value) == f"街道服务器 127.0.0.1:{urlsplit(url).port} 拒绝了账号 gaolizhuang 的登录：密码不对或没有这个账号"
    assert "wrong" not in str(raised.value)


def test_no_password(street_db, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    url = _with(street_db.add_publisher("gaolizhuang"), password="")
    with pytest.raises(StreetServerError, match="要求账号 gaolizhuang 的密码"):
        server.connect(url)


def test_a_missing_database(street_db):
    with pytest.raises(StreetServerError, match="上没有数据库 nowhere：请检查地址最后的数据库名"):
        server.connect(_with(street_db.admin_url, path="/nowhere"))


def test_a_server_that_cannot_be_reached():
    with socket.socket() as probe:           # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StreetServerError, match=f"无法连接街道服务器 127.0.0.1:{port}：请检查网络"):
        server.connect(f"postgresql://someone:pw@127.0.0.1:{port}/street", timeout=2)


def test_a_url_that_is_not_one():
    with pytest.raises(StreetServerError, match="街道服务器地址写法不对"):
        server.connect("postgresql://[broken")
