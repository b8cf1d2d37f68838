"""Temporary files a writer leaves beside its target when it is killed (SIGKILL, the PC
switched off): a new database, a demo, an export, a report, a backup under a partial name.

Every writer puts its *owner tag* (this host and this process's id) in the partial name, and
the next writer of the same target removes the leftovers whose owner is certainly dead: made
on this host by a process that no longer runs. One made by a running process (two commands
writing the same file at once), by another PC (a shared folder), or in an older name without
a tag is left alone. A pid reused by another process only keeps a leftover a little longer.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
from pathlib import Path

_TAG = re.compile(r"([0-9a-f]{6})-([0-9]+)(?:-|$)")


@functools.cache
def _host() -> str:
    """This PC, in six hex digits. Imported on first use: hashlib and socket are ~5 ms of the
    window's start, and a start that writes no partial file never needs them."""
    import hashlib
    import socket

    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def owner_tag() -> str:
    """``host-pid`` of this process, for the middle of a partial name."""
    return f"{_host()}-{os.getpid()}"


def remove_dead(folder: Path, prefix: str, suffix: str,
                companions: tuple[str, ...] = ()) -> None:
    """Remove files in ``folder`` named ``prefix + tag… + suffix`` (and ``that + companion``,
    e.g. ``-wal``) whose tag names a process of this host that is no longer running."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        base = next((name[:-len(c)] for c in companions if c and name.endswith(c)), name)
        if not (base.startswith(prefix) and base.endswith(suffix)
                and len(base) > len(prefix) + len(suffix)):
            continue
        found = _TAG.match(base[len(prefix):len(base) - len(suffix)])
        if found is None or found.group(1) != _host() or _running(int(found.group(2))):
            continue
        with contextlib.suppress(OSError):
            (folder / name).unlink()


def _running(pid: int) -> bool:
    """Is ``pid`` a running process? True whenever that cannot be told for sure."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _running_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:       # EPERM: another user's process is running under it
        return True
    return True


def _running_windows(pid: int) -> bool:   # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)   # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.GetLastError() != 87                # ERROR_INVALID_PARAMETER: no such pid
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259                          # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


__all__ = ["owner_tag", "remove_dead"]
