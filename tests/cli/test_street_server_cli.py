"""street init / add-publisher / add-viewer against a real throw-away PostgreSQL: as the street's
administrator types them; a failure is one Chinese line and a non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from volunteer_app.cli import main
from volunteer_app.services.street import server, server_schema

ROOT = Path(__file__).resolve().parents[2]


def test_init_then_accounts_through_the_front_door(bare_street_db):
    url, name = bare_street_db.admin_url, bare_street_db.name
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    run = [sys.executable, str(ROOT / "main.py"), "street"]
    for _ in range(2):                                 # a second init changes nothing and says so
        done = subprocess.run([*run, "init", "--server", url], env=env, capture_output=True,
                              text=True, encoding="utf-8")
        assert done.returncode == 0, done.stderr
        assert done.stdout == f"街道服务器已就绪：数据结构第 {server_schema.latest_version()} 版\n"
    done = subprocess.run([*run, "add-publisher", "--server", url, "--role", "gaolizhuang"], env=env,
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    created, secret = done.stdout.splitlines()
    port = urlsplit(url).port
    assert created == f"已建立社区上报账号 gaolizhuang：postgresql://gaolizhuang@127.0.0.1:{port}/{name}"
    password = secret.removeprefix("密码：").split("（")[0]
    with server.connect(f"postgresql://gaolizhuang:{password}@127.0.0.1:{port}/{name}") as conn:
        assert conn.execute("SELECT pg_has_role('street_publisher', 'MEMBER')").fetchone() == (True,)


def test_add_viewer_with_a_given_password(street_db, capsys):
    assert main(["street", "add-viewer", "--server", street_db.admin_url, "--role", "jiedao",
                 "--password", "xiang-2026"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("已建立街道查看账号 jiedao：postgresql://jiedao@127.0.0.1:") and "密码" not in out
    viewer_url = "postgresql://jiedao:xiang-2026@" + street_db.admin_url.split("@")[1]
    with server.connect(viewer_url) as conn:
        assert conn.execute("SELECT pg_has_role('street_viewer', 'MEMBER')").fetchone() == (True,)


def test_accounts_before_init_say_run_street_init(bare_street_db, capsys):
    url = bare_street_db.admin_url
    assert main(["street", "add-publisher", "--server", url, "--role", "gaolizhuang"]) == 1
    assert capsys.readouterr().err == "邻里帮：街道服务器还没有初始化：请先运行 street init\n"


def test_a_wrong_password_or_a_server_down_is_one_line(street_db, capsys):
    wrong = street_db.admin_url.replace(street_db.server.password, "wrong")
    assert main(["street", "init", "--server", wrong]) == 1
    err = capsys.readouterr().err
    assert "拒绝了账号 postgres 的登录：密码不对" in err and err.count("\n") == 1
    with street_db.server.down():
        assert main(["street", "add-viewer", "--server", street_db.admin_url, "--role", "jiedao"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("邻里帮：无法连接街道服务器 127.0.0.1:") and err.count("\n") == 1
    assert "Traceback" not in err and street_db.server.password not in err
    assert main(["street", "add-viewer", "--server", street_db.admin_url, "--role", "jiedao"]) == 0


def test_street_with_nothing_else_says_what_to_add(capsys):
    assert main(["street"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("邻里帮：请") and "street" in err and err.count("\n") == 1
