"""邻里帮: a neighbourhood committee's desktop app (see ``design.md``)."""

import sys


def _import_sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils without letting it import numpy.

    sqlite-utils imports numpy at import time (~0.3 s, a third of the start-up) only to map
    numpy scalar types to column types when it creates a table from Python values. Our tables
    come from SQL migrations, and sqlite3 cannot bind numpy integers anyway, so the window
    starts without numpy; the matcher imports it when it first runs.
    """
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # makes `import numpy` fail
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


_import_sqlite_utils_without_numpy()
