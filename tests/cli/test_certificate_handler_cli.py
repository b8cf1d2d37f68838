"""The 经办人 of a certificate printed from the command line. The command line acts as the
built-in administrator, and a certificate that said 经办人：系统管理员 named no one: --handler
names the person, printed on the paper and kept in the register, while the audit log still
says the command line issued it. With neither --handler nor the setting 证明经办人 no
certificate is issued (and no number used); with the setting, scripts that never gave
--handler print the name the office set."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pdftext import pdf_text

from volunteer_app.cli import main
from volunteer_app.services.admin import settings, users
from volunteer_app.services.hours import certificates
from volunteer_app.services.session import Session
from volunteer_app.store.connection import open_database

VOLUNTEER = "ZY2026-00012"


@pytest.fixture
def db_file(demo_template, tmp_path) -> Path:
    path = tmp_path / "社区.sqlite3"
    shutil.copy(demo_template, path)
    return path


def _certify(db_file: Path, out: Path, *more: str) -> list[str]:
    return ["report", "certificate", "--volunteer", VOLUNTEER, "--from", "2026-01-01", "--to", "2026-11-30",
            "--out", str(out), "--db", str(db_file), *more]


def _flat(path: Path) -> str:
    return "".join(pdf_text(path).split())


def _register(db_file: Path) -> list[dict]:
    db = open_database(db_file)
    try:
        return certificates.register(Session(db))
    finally:
        db.close()


def _last_audit(db_file: Path) -> tuple:
    db = open_database(db_file)
    try:
        return db.execute("SELECT user_id, user_name, after FROM audit_log WHERE entity = 'certificates' "
                          "ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        db.close()


@pytest.mark.parametrize("typed", ["李春梅", "\u3000李春梅\u3000"])    # an input method's full-width space
def test_handler_is_printed_and_registered(db_file, tmp_path, capsys, qapp, typed):
    out = tmp_path / "证明.pdf"
    assert main(_certify(db_file, out, "--handler", typed)) == 0, capsys.readouterr().err
    assert "经办人李春梅" in capsys.readouterr().out
    text = _flat(out)
    assert "经办人：李春梅" in text and "系统管理员" not in text
    newest = _register(db_file)[0]
    assert newest["handler"] == "李春梅" and newest["issued_by"] is None
    user_id, user_name, after = _last_audit(db_file)     # the command line did it
    assert (user_id, user_name) == (None, "系统管理员") and '"handler": "李春梅"' in after


def test_without_handler_or_setting_nothing_is_issued(db_file, tmp_path, capsys, qapp):
    before = len(_register(db_file))
    out = tmp_path / "证明.pdf"
    assert main(_certify(db_file, out)) != 0
    error = capsys.readouterr().err
    assert "--handler" in error and "证明经办人" in error
    assert len(_register(db_file)) == before and not out.exists()


def test_without_handler_the_setting_names_the_handler(db_file, tmp_path, capsys, qapp):
    db = open_database(db_file)
    try:
        settings.put(Session(db), "certificate.handler", "王秀英")
    finally:
        db.close()
    out = tmp_path / "证明.pdf"
    assert main(_certify(db_file, out)) == 0, capsys.readouterr().err
    assert "经办人：王秀英" in _flat(out)
    assert _register(db_file)[0]["handler"] == "王秀英"
    out2 = tmp_path / "证明二.pdf"                          # --handler says who, this once
    assert main(_certify(db_file, out2, "--handler", "李春梅")) == 0, capsys.readouterr().err
    assert "经办人：李春梅" in _flat(out2)


def test_a_handler_that_is_not_a_name_is_refused(db_file, tmp_path, capsys, qapp):
    before = len(_register(db_file))
    assert main(_certify(db_file, tmp_path / "证明.pdf", "--handler", "李春梅2")) != 0
    assert "--handler" in capsys.readouterr().err
    assert len(_register(db_file)) == before


def test_the_window_registers_its_user_as_handler(demo_session):
    """The window's path, unchanged on paper: the logged-in user is the 经办人, now also kept."""
    actor = users.authenticate(demo_session.db, "supervisor", "supervisor2026")
    supervisor = Session(demo_session.db, actor, today=demo_session.today)
    volunteer_id = demo_session.db.execute("SELECT id FROM volunteers WHERE volunteer_no = ?",
                                           [VOLUNTEER]).fetchone()[0]
    issued, _ = certificates.issue_batch(supervisor, [volunteer_id], "2026-01-01", "2026-11-30")
    assert issued[0].handler == actor.name
    assert certificates.register(supervisor)[0]["handler"] == actor.name
