"""python main.py publish --to URL [--db FILE] [--json] [--batch N], against a real server."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from street_publish_world import KEY

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("PGPASSWORD", "LINLIBANG_STREET_KEY")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=180,
                          env={**environment, "PYTHONPATH": str(ROOT), **env})


def _copy(demo_template, tmp_path) -> str:
    path = tmp_path / "community.sqlite3"
    shutil.copy(demo_template, path)
    return str(path)


def test_publish_prints_one_chinese_line_and_a_second_run_sends_nothing(
        street_db, demo_template, tmp_path):
    db = _copy(demo_template, tmp_path)
    url = street_db.add_publisher("gaolizhuang")

    first = run("publish", "--to", url, "--db", db, LINLIBANG_STREET_KEY=KEY.decode())
    again = run("publish", "--to", url, "--db", db, LINLIBANG_STREET_KEY=KEY.decode())

    assert first.returncode == 0, first.stderr
    assert re.fullmatch(r"已上报 \d+ 条变更（含删除 0 条），待上报 0；全量重发。\n", first.stdout)
    assert again.returncode == 0 and again.stdout == "已上报 0 条变更（含删除 0 条），待上报 0。\n"
    assert first.stderr == again.stderr == ""


def test_json_and_the_key_from_the_environment(street_db, demo_template, tmp_path):
    db = _copy(demo_template, tmp_path)
    url = street_db.add_publisher("gaolizhuang")

    out = run("publish", "--to", url, "--db", db, "--json", LINLIBANG_STREET_KEY=KEY.decode())

    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert set(result) == {"sent", "deleted", "full", "acked_seq", "waiting", "at"}
    assert result["full"] is True and result["sent"] > 1000 and result["waiting"] == 0
    with psycopg.connect(street_db.admin_url) as conn:
        hashes = conn.execute("SELECT count(*), count(id_hash) FROM street.volunteers").fetchone()
    assert hashes[0] > 0 and hashes[1] > 0     # the ID hash needs the key: it was read


def test_the_password_from_pgpassword(street_db, demo_template, tmp_path):
    db = _copy(demo_template, tmp_path)
    parts = urlsplit(street_db.add_publisher("gaolizhuang"))
    bare = urlunsplit(parts._replace(netloc=f"{parts.username}@{parts.hostname}:{parts.port}"))

    without = run("publish", "--to", bare, "--db", db)
    assert without.returncode == 1 and without.stdout == ""
    assert len(without.stderr.splitlines()) == 1 and "密码" in without.stderr

    out = run("publish", "--to", bare, "--db", db, "--batch", "2000", PGPASSWORD=parts.password)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("已上报 ")


def test_server_unreachable_is_one_chinese_line(street_db, demo_template, tmp_path):
    db = _copy(demo_template, tmp_path)
    url = street_db.add_publisher("gaolizhuang")

    with street_db.server.down():
        out = run("publish", "--to", url, "--db", db)

    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.startswith("邻里帮：无法连接街道服务器") and len(out.stderr.splitlines()) == 1
    assert "Traceback" not in out.stderr and urlsplit(url).password not in out.stderr


def test_bad_arguments_and_a_missing_file(tmp_path):
    missing = run("publish", "--to", "postgresql://x@127.0.0.1/street", "--db",
                  str(tmp_path / "nowhere.sqlite3"))
    assert missing.returncode == 1 and "找不到数据库文件" in missing.stderr
    assert not (tmp_path / "nowhere.sqlite3").exists()

    no_address = run("publish", "--db", str(tmp_path / "x.sqlite3"))
    assert no_address.returncode == 2 and no_address.stderr.startswith("邻里帮：命令参数有误")

    zero = run("publish", "--to", "postgresql://x@127.0.0.1/street", "--batch", "0")
    assert zero.returncode == 1 and "--batch" in zero.stderr


def test_a_locked_keyring_refuses_rather_than_publishing_without_the_key(
        street_db, demo_template, tmp_path, monkeypatch, capsys):
    # Publishing without the key the file last used would re-send every volunteer with the
    # ID hash emptied; only a PC with no keyring at all publishes without one.
    import keyring
    from keyring.errors import KeyringLocked
    from memory_keyring import MemoryKeyring

    from volunteer_app import cli

    class LockedKeyring(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("locked")

    db = _copy(demo_template, tmp_path)
    url = street_db.add_publisher("xinfadi")
    monkeypatch.delenv("LINLIBANG_STREET_KEY", raising=False)
    keyring.set_keyring(LockedKeyring())
    assert cli.main(["publish", "--to", url, "--db", db]) != 0
    assert "请解锁后重试" in capsys.readouterr().err
    with psycopg.connect(street_db.admin_url) as conn:
        assert conn.execute("SELECT count(*) FROM street.rows").fetchone()[0] == 0
