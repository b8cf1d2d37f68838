"""The throw-away server of the street tests: the newest installed PostgreSQL, and a clear
failure (never a skip) when none is installed."""

from __future__ import annotations

from pathlib import Path

import pytest
import street_server


def test_the_newest_server_programs_are_chosen(monkeypatch):
    found = ["/usr/lib/postgresql/9/bin/pg_ctl", "/usr/lib/postgresql/15/bin/pg_ctl",
             "/usr/lib/postgresql/13/bin/pg_ctl"]
    monkeypatch.setattr(street_server.glob, "glob", lambda pattern: list(found))
    assert street_server.server_binaries() == Path("/usr/lib/postgresql/15/bin")


def test_without_server_programs_the_tests_fail_and_say_how_to_install(monkeypatch):
    monkeypatch.setattr(street_server.glob, "glob", lambda pattern: [])
    with pytest.raises(pytest.fail.Exception, match="make test"):
        street_server.server_binaries()

