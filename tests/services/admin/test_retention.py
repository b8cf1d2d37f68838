"""Archived people are anonymised after privacy.retention_years (个人信息保护法 art. 19):
personal fields go, statistics stay, each one audited, by `check --purge` and at start-up."""

from __future__ import annotations

import shutil

import pytest

from volunteer_app.cli import main
from volunteer_app.services.admin import retention, settings
from volunteer_app.services.people import residents, volunteers
from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.store import audit_chain
from volunteer_app.store.connection import open_database

LONG_AGO = "2022-05-01T10:00:00"


@pytest.fixture
def demo_file(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    return path


def _one(db, sql, params=()):
    return db.execute(sql, list(params)).fetchone()


def _archive_long_ago(path) -> tuple[int, int, int]:
    """A volunteer with service records, a resident with visits (both archived in 2022), and
    a resident archived today."""
    db = open_database(path)
    session = Session(db, BUILTIN_ADMIN)
    helper = _one(db, "SELECT volunteer_id FROM service_records GROUP BY volunteer_id "
                      "ORDER BY count(*) DESC LIMIT 1")[0]
    elder = _one(db, "SELECT resident_id FROM visits GROUP BY resident_id ORDER BY count(*) DESC "
                     "LIMIT 1")[0]
    recent = _one(db, "SELECT id FROM residents WHERE id != ? AND archived_at IS NULL LIMIT 1",
                  [elder])[0]
    volunteers.archive(session, helper, "搬走")
    residents.archive(session, elder, "迁出本社区")
    residents.archive(session, recent, "迁出本社区")
    for table, row_id in (("volunteers", helper), ("residents", elder)):
        db.execute(f"UPDATE {table} SET archived_at = ? WHERE id = ?", [LONG_AGO, row_id])
    db.close()
    return helper, elder, recent


def _statistics(db, helper, elder):
    return (_one(db, "SELECT count(*), sum(hours) FROM service_records WHERE volunteer_id = ?", [helper]),
            _one(db, "SELECT count(*), sum(minutes) FROM visits WHERE resident_id = ?", [elder]),
            _one(db, "SELECT count(*) FROM residents")[0], _one(db, "SELECT count(*) FROM volunteers")[0])


def test_check_purge_anonymises_past_the_retention_and_keeps_the_statistics(demo_file, capsys):
    helper, elder, recent = _archive_long_ago(demo_file)
    db = open_database(demo_file)
    before = _statistics(db, helper, elder)
    old = next(db.query("SELECT * FROM residents WHERE id = ?", [elder]))
    assert _one(db, "SELECT count(*) FROM visits WHERE resident_id = ? AND done != ''", [elder])[0]
    recent_name = _one(db, "SELECT name FROM residents WHERE id = ?", [recent])[0]
    db.close()

    assert main(["check", "--purge", "--db", str(demo_file)]) == 0
    out = capsys.readouterr().out
    assert "居民1位，志愿者1位" in out and "操作日志：正常" in out

    db = open_database(demo_file)
    gone = next(db.query("SELECT * FROM residents WHERE id = ?", [elder]))
    assert gone["name"] == f"已匿名居民{elder}" and gone["purged_at"]
    for key in ("id_number", "phone"):
        assert gone[key] is None
    for key in ("building", "unit", "room", "notes", "health_notes", "emergency_contact",
                "name_pinyin", "phone_tail"):
        assert gone[key] == "", key
    assert (gone["birth_date"], gone["gender"]) == (old["birth_date"], old["gender"])
    helper_row = next(db.query("SELECT * FROM volunteers WHERE id = ?", [helper]))
    assert helper_row["name"] == f"已匿名志愿者{helper}" and helper_row["phone"] is None
    assert _one(db, "SELECT name FROM residents WHERE id = ?", [recent])[0] == recent_name
    assert _statistics(db, helper, elder) == before
    assert _one(db, "SELECT count(*) FROM visits WHERE resident_id = ? AND (done != '' OR health != '' "
                    "OR problem != '')", [elder])[0] == 0
    entries = list(db.query("SELECT * FROM audit_log WHERE action = '到期匿名化' ORDER BY id"))
    assert [(e["entity"], e["entity_id"]) for e in entries] == [("residents", elder),
                                                               ("volunteers", helper)]
    assert all(old["name"] not in (e["detail"] + (e["after"] or "")) for e in entries)
    assert audit_chain.verify(db).ok
    db.close()

    assert main(["check", "--purge", "--db", str(demo_file)]) == 0   # nothing left to do
    assert "居民0位，志愿者0位" in capsys.readouterr().out


def test_the_setting_decides_the_period(session):
    resident = residents.add(session, {"name": "张建国", "gender": "男", "birth_date": "1929-04-12",
                                       "phone": "13812345678"})
    residents.archive(session, resident, "去世")
    session.db.execute("UPDATE residents SET archived_at = '2024-06-01T09:00:00' WHERE id = ?",
                       [resident])
    assert retention.purge(session).residents == 0            # 3 years by default (today 2026-11-28)
    settings.put(session, "privacy.retention_years", 2)
    result = retention.purge(session)
    assert result.residents == 1 and result.cutoff == "2024-11-28"
    assert session.row("residents", resident)["phone"] is None


def test_the_window_purges_at_start_up(session):
    from volunteer_app.ui.app import purge_expired

    resident = residents.add(session, {"name": "李秀兰", "gender": "女", "birth_date": "1931-02-03"})
    residents.archive(session, resident, "去世")
    session.db.execute("UPDATE residents SET archived_at = ? WHERE id = ?", [LONG_AGO, resident])
    purge_expired(session)
    assert session.row("residents", resident)["name"] == f"已匿名居民{resident}"
