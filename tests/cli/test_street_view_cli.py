"""``street --server URL --json`` prints the issue's JSON; ``street --server URL`` alone is the
window's line (main.py opens it); a server that cannot be read is one Chinese line, exit 1."""

from __future__ import annotations

import json
import socket
from datetime import date

from street_world import street as street  # noqa: F401 (the fixture)

from volunteer_app.cli import main
from volunteer_app.cli.street_view import window_server

ISSUE_KEYS = {"uid", "name", "residents_90_plus", "xuankong", "uncovered", "late_visits",
              "hours_this_month", "active_volunteers", "last_published"}


def test_json_gives_every_community_with_the_issues_keys(street, capsys):
    assert main(["street", "--server", street, "--json"]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    communities = json.loads(out.out)["communities"]
    assert {c["name"] for c in communities} == {"高立庄社区", "新发地村"}
    assert all(set(c) >= ISSUE_KEYS for c in communities)
    gaoli = next(c for c in communities if c["uid"] == "c-gaoli")
    # counted on the real day: the 90+, 悬空 and 未覆盖 do not move with it
    assert (gaoli["residents_90_plus"], gaoli["xuankong"], gaoli["uncovered"]) == (2, 1, 1)
    due = (date(2026, 12, 1), date(2026, 12, 4))          # the two visit dates in street_world
    assert gaoli["late_visits"] == sum(day < date.today() for day in due)
    assert isinstance(gaoli["last_published"], str) and gaoli["last_published"][:4].isdigit()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_server_that_cannot_be_reached_is_one_line_and_exit_1(capsys):
    url = f"postgresql://office:pw@127.0.0.1:{_closed_port()}/street"
    assert main(["street", "--server", url, "--json"]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("邻里帮：无法连接街道服务器") and out.err.count("\n") == 1
    assert "Traceback" not in out.err


def test_a_server_never_initialised_says_run_street_init(bare_street_db, capsys):
    assert main(["street", "--server", bare_street_db.admin_url, "--json"]) == 1
    assert "street init" in capsys.readouterr().err


def test_street_without_a_server_says_what_to_give(capsys):
    assert main(["street"]) == 1
    err = capsys.readouterr().err
    assert "--server" in err and "street init" in err


def test_main_py_opens_the_window_only_for_the_bare_street_line():
    url = "postgresql://office@street-pc/street"
    assert window_server(["street", "--server", url]) == url
    assert window_server(["--db", "x.sqlite3", "street", f"--server={url}"]) == url
    assert window_server(["street", "--server", url, "--json"]) is None
    assert window_server(["street", "init", "--server", url]) is None
    assert window_server(["street", "--help"]) is None
    assert window_server(["street"]) is None        # the command line says what is missing
    assert window_server(["--db", "x.sqlite3"]) is None
