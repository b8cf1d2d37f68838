"""The integrity check apart from the opening (store.connection.IntegrityCheck), which the
window runs on the runner once its first window is on the screen: it refuses a damaged file
as ``open_database(verify=True)`` does, and a migration runs it first, so a damaged file is
never written to."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from spoiled_files import damage, digest

from volunteer_app.store import migrations
from volunteer_app.store.connection import IntegrityCheck, open_database
from volunteer_app.store.errors import StoreError


def _copy(demo_template: Path, folder: Path) -> Path:
    path = folder / "linlibang.sqlite3"
    shutil.copy(demo_template, path)
    return path


def test_a_sound_file_passes_and_opens(demo_template, tmp_path):
    path = _copy(demo_template, tmp_path)
    check = IntegrityCheck(path)
    db = open_database(path, verify=check)
    check.run()
    check.result()
    assert db.execute("SELECT count(*) FROM residents").fetchone()[0] > 0
    db.close()


def test_a_damaged_file_is_refused_with_the_same_words_as_at_opening(demo_template, tmp_path):
    path = _copy(demo_template, tmp_path)
    damage(path)
    with pytest.raises(StoreError) as at_opening:
        open_database(path)                              # verify=True: checked before opening
    check = IntegrityCheck(path)
    check.run()
    with pytest.raises(StoreError) as beside:
        check.result()
    assert type(beside.value) is type(at_opening.value)
    assert str(beside.value) == str(at_opening.value) and "已损坏" in str(beside.value)


def test_a_damaged_file_that_needs_a_migration_is_not_written(demo_template, tmp_path):
    path = _copy(demo_template, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() - 1}")   # one step behind
    conn.close()
    damage(path)
    before = digest(path)
    with pytest.raises(StoreError, match="已损坏"):
        open_database(path, verify=IntegrityCheck(path))
    assert digest(path) == before
    assert not list(tmp_path.glob("*.before-upgrade*"))      # not even the copy before it


def test_a_new_file_has_nothing_to_check(tmp_path):
    path = tmp_path / "new.sqlite3"
    check = IntegrityCheck(path)            # nothing there yet: nothing to check
    db = open_database(path, verify=check)
    check.run()
    check.result()
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
    db.close()
