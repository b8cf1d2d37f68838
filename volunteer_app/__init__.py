"""邻里帮: a neighbourhood committee's desktop app (see ``design.md``)."""

import importlib.machinery
import sys
import threading
from typing import Any


# The finder and its loader are plain classes with the methods the import system calls:
# their abstract bases in importlib.abc would import importlib.resources with them (~5 ms
# before the window's first paint).
class _SqliteUtilsWithoutNumpy:
    """Import sqlite-utils, whenever and on whichever thread it first is, without letting it
    import numpy.

    sqlite-utils imports numpy at import time (~0.3 s) only to map numpy scalar types to column
    types when it creates a table from Python values. Our tables come from SQL migrations, and
    sqlite3 cannot bind numpy integers anyway, so numpy waits for the matcher. sqlite-utils
    itself is no longer imported here, at the package's import, but when a connection is first
    used as a Database (store/lazy_database.py), after the window's first paint. Only the thread
    importing sqlite-utils is refused numpy, so a matcher starting on another thread meanwhile
    still gets it.
    """

    def __init__(self) -> None:
        self._importing: set[int] = set()       # threads running sqlite-utils' import now

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name == "numpy" and threading.get_ident() in self._importing:
            raise ModuleNotFoundError("numpy is not imported for sqlite-utils", name=name)
        if name != "sqlite_utils" or "numpy" in sys.modules:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader, self._importing)
        return spec


class _Loader:
    def __init__(self, loader: Any, importing: set[int]):
        self._loader, self._importing = loader, importing

    def create_module(self, spec: Any) -> Any:
        return self._loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        me = threading.get_ident()
        self._importing.add(me)
        try:
            self._loader.exec_module(module)
        finally:
            self._importing.discard(me)

    def __getattr__(self, name: str) -> Any:    # get_resource_reader, get_data, ...
        return getattr(self._loader, name)


if "sqlite_utils" not in sys.modules:
    sys.meta_path.insert(0, _SqliteUtilsWithoutNumpy())
