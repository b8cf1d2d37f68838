"""One window per database *file*: the lock goes by the real path, and a lock that cannot be
taken says why (another window, a read-only folder, no folder at all)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from volunteer_app.store.window_lock import (
    MAKING_SECONDS,
    WindowOpen,
    held_by_this_process,
    hold,
    holder_pid,
    lock_path,
)
from volunteer_app.ui.window_lock import take_window_lock


def test_a_symlink_cannot_open_a_second_window_on_the_same_file(tmp_path, db):
    real = tmp_path / "linlibang.sqlite3"
    link = tmp_path / "桌面快捷方式.sqlite3"
    link.symlink_to(real)
    first, refused = take_window_lock(real)
    assert refused is None and held_by_this_process(link)
    second, refused = take_window_lock(link)
    assert refused is not None and "已经有一个邻里帮窗口" in refused
    assert lock_path(link) == lock_path(real) == Path(f"{real.resolve()}.lock")
    first.unlock()
    third, refused = take_window_lock(link)     # the first window closed: now it may
    assert refused is None
    third.unlock()
    assert not lock_path(real).exists()


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux sysfs")
def test_a_read_only_folder_is_called_read_only_not_another_window():
    """sysfs refuses new files even to root, as a read-only folder does to an office user."""
    lock, refused = take_window_lock(Path("/sys/kernel/linlibang.sqlite3"))
    assert refused is not None and "只读" in refused and "/sys/kernel" in refused
    assert "已经有一个" not in refused


@pytest.mark.skipif(not shutil.which("chattr"), reason="needs chattr")
def test_an_immutable_folder_is_called_read_only_not_a_full_disk(tmp_path):
    """chattr +i stops root too, and the system answers EPERM, which Qt calls an unknown
    error: the window said the disk might be full."""
    folder = tmp_path / "只读"
    folder.mkdir()
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("this file system has no immutable attribute")
    try:
        lock, refused = take_window_lock(folder / "linlibang.sqlite3")
    finally:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    assert refused is not None and "只读" in refused and str(folder) in refused
    assert "磁盘可能已满" not in refused and "已经有一个" not in refused


def test_a_folder_that_is_a_file_says_so(tmp_path):
    blocker = tmp_path / "数据.txt"
    blocker.write_text("不是文件夹")
    lock, refused = take_window_lock(blocker / "linlibang.sqlite3")
    assert refused is not None and "无法" in refused and "已经有一个" not in refused


def test_a_lock_file_being_made_counts_as_held_until_it_is_as_old_as_qt_says(tmp_path):
    """Two restores at once: the first has created its lock file and not yet locked it or
    written its pid (a moment under load). The second took that for a crashed window's lock,
    removed it and restored too. An empty lock file is held until it is 30 s old, as Qt's
    QLockFile judges one it cannot read; one with a crashed holder's lines is stale at once."""
    db_path = tmp_path / "社区.sqlite3"
    making = lock_path(db_path)
    making.touch()
    with pytest.raises(WindowOpen, match="另一个恢复"), hold(db_path):
        pass
    assert making.exists()
    old = time.time() - MAKING_SECONDS - 1
    os.utime(making, (old, old))
    with hold(db_path):                     # left behind long ago: taken over
        assert holder_pid(db_path) == os.getpid()
    making.write_text("999999\nlinlibang\nother-pc\n", encoding="utf-8")   # a crashed window's
    with hold(db_path):
        assert holder_pid(db_path) == os.getpid()
