"""A file from before the register kept each certificate's 经办人: opened, its certificates
stay as they were, with no 经办人 (what they printed is not known now), and the next one
issued keeps its own."""

from __future__ import annotations

import shutil
import sqlite3

from volunteer_app.services.hours import certificates
from volunteer_app.services.session import Session
from volunteer_app.store import migrations
from volunteer_app.store.certificate_handlers import m_certificate_handlers
from volunteer_app.store.connection import open_database


def test_the_migration_is_in_the_list():
    assert migrations.MIGRATIONS[-1] is m_certificate_handlers


def test_an_older_files_certificates_keep_their_rows_without_a_handler(demo_template, tmp_path):
    path = tmp_path / "旧版.sqlite3"
    shutil.copy(demo_template, path)
    version = migrations.MIGRATIONS.index(m_certificate_handlers)       # the version before it
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE certificates DROP COLUMN handler")
    conn.execute(f"PRAGMA user_version = {version}")
    before = conn.execute("SELECT id, number, issued_by FROM certificates ORDER BY id").fetchall()
    conn.commit()
    conn.close()
    assert before
    db = open_database(path)
    try:
        session = Session(db)
        rows = db.execute("SELECT id, number, issued_by, handler FROM certificates ORDER BY id").fetchall()
        assert rows == [(*row, None) for row in before]
        volunteer_id = db.execute("SELECT volunteer_id FROM certificates ORDER BY id").fetchone()[0]
        issued = certificates.issue(session, volunteer_id, "2026-01-01", "2026-06-30", handler="李春梅")
        assert certificates.register(session)[0]["handler"] == issued.handler == "李春梅"
    finally:
        db.close()
