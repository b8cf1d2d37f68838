"""Password hashing: the cost of one Argon2id hash against the demo build it is part of."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path


def main() -> None:
    from volunteer_app.services import demo
    from volunteer_app.services.admin import users
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database

    started = time.perf_counter()
    for _ in range(10):
        users.hash_password("Bench-pass-2026")
    per_hash = (time.perf_counter() - started) / 10
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite3")
        started = time.perf_counter()
        demo.build(Session(db, BUILTIN_ADMIN, today=lambda: date(2026, 11, 28)))
        build = time.perf_counter() - started
        started = time.perf_counter()
        users.authenticate(db, "staff", "staff2026")
        login = time.perf_counter() - started
        db.close()
    print(f"argon2id hash: {per_hash * 1000:.1f} ms; login: {login * 1000:.1f} ms; "
          f"demo build: {build:.2f} s; 4 demo users = {4 * per_hash / build:.1%} of the build")
