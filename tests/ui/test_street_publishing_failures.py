"""What the status bar's automatic publishing does with a publish that failed: the file's or
disk's failure becomes one Chinese line naming the file (the status bar's tooltip); a bug is
not swallowed there but goes to the app's handler."""

from __future__ import annotations

import sqlite3

from volunteer_app.services.street.config import StreetConfigError
from volunteer_app.store.errors import StoreError
from volunteer_app.ui.street_publishing import _expected


def test_a_read_only_or_full_file_is_one_chinese_line_naming_the_file(tmp_path):
    path = tmp_path / "community.sqlite3"
    for error in (sqlite3.OperationalError("attempt to write a readonly database"),
                  sqlite3.OperationalError("database or disk is full"),
                  OSError(28, "No space left on device")):
        line = _expected(error, path)
        assert isinstance(line, StoreError), error
        assert str(path) in str(line) and "attempt" not in str(line) and "No space" not in str(line)


def test_the_settings_own_refusal_stays_and_a_bug_is_not_an_expected_failure(tmp_path):
    refusal = StreetConfigError("“服务器地址”：缺少数据库名。")
    assert _expected(refusal, tmp_path / "x.sqlite3") is refusal
    assert _expected(KeyError("caller_id"), tmp_path / "x.sqlite3") is None
