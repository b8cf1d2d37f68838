"""A guard against a reference-count bug of PySide6 6.12.0 on Python 3.11 (pyproject excludes
that release; the guard stays for machines that installed it by other means).

Its abi3 wheels return ``None`` from void methods (``QPainter.save``, ``QWidget.update`` …)
and ``True`` from ``Signal.emit`` without a new reference, so each call takes one reference
from the singleton. On 3.12+ the singletons are immortal and nothing happens; on 3.11 a
process starts with about 12,000 references to ``None`` and 2,400 to ``True``, so painting
a few hundred pages, or some 2,400 signal emits from Python, ends in "Fatal Python error:
none_dealloc / bool_dealloc" (seen here printing 300 certificates).

:func:`keep_singletons_alive` adds a large number of references to ``None``, ``True`` and
``False`` once per process, which makes them as good as immortal, as 3.12 does. Adding
references to these singletons is harmless: they are never freed anyway. It is called where a
process starts Qt: ``ui/app.py`` (the window) and ``cli.common.gui_application`` (the commands
that print); a reports module has no such side effect on import.
"""

from __future__ import annotations

import ctypes
import sys
import threading

_SPARE = 1 << 40
_lock = threading.Lock()
_done = False


def keep_singletons_alive() -> None:
    global _done
    if sys.version_info >= (3, 12) or _done:
        return
    with _lock:
        if _done:
            return
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += _SPARE
        _done = True
