"""Lost updates: a save based on an older copy of a row is refused and overwrites nothing.

The case that broke: a building changed by ``import --update`` was silently put back by the
resident dialog saved afterwards. Each row now carries a ``row_version`` that a trigger raises
on every UPDATE, whoever makes it; a save names the version it was based on.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY
from ledger_fixtures import make_id, write_csv
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from volunteer_app.services.hours import records
from volunteer_app.services.people import residents, teams, volunteers
from volunteer_app.services.scheduling import service_types
from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.store.connection import open_database
from volunteer_app.store.row_versions import STALE_MESSAGE, VERSIONED_TABLES, StaleRecord

ROOT = Path(__file__).resolve().parents[2]
_BORN = {"birth_date": "1936-04-02", "gender": "女"}


def _version(session: Session, table: str, row_id: int) -> int:
    return session.db.execute(f"SELECT row_version FROM [{table}] WHERE id = ?", [row_id]).fetchone()[0]


def _second_session(session: Session) -> Session:
    """Another connection to the same file: another window, or a script."""
    path = session.db.execute("PRAGMA database_list").fetchone()[2]
    return Session(open_database(path), BUILTIN_ADMIN, today=lambda: TODAY)


def test_every_edited_table_has_a_version_raised_by_any_update(session):
    for table in VERSIONED_TABLES:
        columns = {c.name: c for c in session.db[table].columns}
        assert "row_version" in columns, table
    resident_id = residents.add(session, {"name": "王秀兰", "building": "3号楼", **_BORN})
    assert _version(session, "residents", resident_id) == 1
    # A change made outside the app (the sqlite3 tool, a script) raises it too, once.
    session.db.execute("UPDATE residents SET building = '4号楼' WHERE id = ?", [resident_id])
    assert _version(session, "residents", resident_id) == 2
    residents.update(session, resident_id, {"name": "王秀兰", "building": "5号楼", **_BORN})
    assert _version(session, "residents", resident_id) == 3


def test_a_save_based_on_an_older_copy_is_refused_and_nothing_overwritten(session):
    resident_id = residents.add(session, {"name": "李桂芝", "building": "1号楼", "phone": "13800000001",
                                         **_BORN})
    copy = residents.get(session, resident_id)
    other = _second_session(session)
    try:
        residents.update(other, resident_id, {"name": "李桂芝", "building": "9号楼",
                                              "phone": "13800000001", **_BORN})
    finally:
        other.db.close()
    with pytest.raises(StaleRecord) as refused:
        residents.update(session, resident_id, {"name": "李桂芝", "building": copy["building"],
                                                "phone": "13900000002", **_BORN},
                         version=copy["row_version"])
    assert STALE_MESSAGE in str(refused.value) and "居民" in str(refused.value)
    row = session.db.execute("SELECT building, phone FROM residents WHERE id = ?", [resident_id]).fetchone()
    assert row == ("9号楼", "13800000001")
    # Reopened, the same edit goes through.
    fresh = residents.get(session, resident_id)
    residents.update(session, resident_id, {"name": "李桂芝", "building": fresh["building"],
                                            "phone": "13900000002", **_BORN}, version=fresh["row_version"])
    assert session.db.execute("SELECT building, phone FROM residents WHERE id = ?",
                              [resident_id]).fetchone() == ("9号楼", "13900000002")


def test_volunteers_teams_types_and_records_refuse_stale_saves(session):
    volunteer_id = volunteers.add(session, {"name": "赵晓东", "birth_date": "1986-05-01", "gender": "男"})
    team_id = teams.create(session, "测试志愿服务队")
    type_id = service_types.list_all(session)[0]["id"]
    record_id = records.add_manual(session, {
        "volunteer_id": volunteer_id, "team_id": team_id, "service_type_id": type_id,
        "date": "2026-11-20", "start_time": "09:00", "end_time": "11:00", "activity": "清扫楼道"})
    old = {t: _version(session, t, i) for t, i in (("volunteers", volunteer_id), ("teams", team_id),
                                                   ("service_types", type_id),
                                                   ("service_records", record_id))}
    session.db.execute("UPDATE volunteers SET notes = 'x' WHERE id = ?", [volunteer_id])
    session.db.execute("UPDATE teams SET description = 'x' WHERE id = ?", [team_id])
    session.db.execute("UPDATE service_types SET usual_minutes = 30 WHERE id = ?", [type_id])
    session.db.execute("UPDATE service_records SET content = 'x' WHERE id = ?", [record_id])
    with pytest.raises(StaleRecord):
        volunteers.update(session, volunteer_id, {"name": "赵晓东", "birth_date": "1986-05-01",
                                                   "gender": "男"}, version=old["volunteers"])
    with pytest.raises(StaleRecord):
        teams.rename(session, team_id, "新名字志愿服务队", version=old["teams"])
    with pytest.raises(StaleRecord):
        service_types.update(session, type_id, {"usual_minutes": 90}, version=old["service_types"])
    with pytest.raises(StaleRecord):
        records.update(session, record_id, {"content": "y"}, version=old["service_records"])
    assert session.db.execute("SELECT name FROM teams WHERE id = ?", [team_id]).fetchone()[0] == "测试志愿服务队"
    assert session.db.execute("SELECT content FROM service_records WHERE id = ?",
                              [record_id]).fetchone()[0] == "x"


def test_locking_and_amending_a_record_still_work(session):
    volunteer_id = volunteers.add(session, {"name": "钱立新", "birth_date": "1984-02-03", "gender": "男"})
    type_id = service_types.list_all(session)[0]["id"]
    record_id = records.add_manual(session, {
        "volunteer_id": volunteer_id, "service_type_id": type_id, "date": "2026-11-21",
        "start_time": "09:00", "end_time": "10:00", "activity": "送菜"})
    assert records.verify(session, [record_id]) == 1
    locked = _version(session, "service_records", record_id)
    new_id = records.amend(session, record_id, {"end_time": "11:00"}, "结束时间记错了")
    assert session.db.execute("SELECT status FROM service_records WHERE id = ?",
                              [record_id]).fetchone()[0] == "已更正"
    assert _version(session, "service_records", record_id) == locked  # a locked row keeps it
    assert new_id != record_id


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)


def test_import_update_while_the_dialog_is_open_is_not_put_back(qtbot, session, db_path, tmp_path):
    """The reported lost update, as it happened: a worker has the resident dialog open, a
    colleague runs ``import --update`` with a new building; the worker saves the dialog."""
    from volunteer_app.ui.main_window import MainWindow

    number = make_id(date(1931, 3, 9), False)
    resident_id = residents.add(session, {"name": "孙玉珍", "id_number": number, "building": "2号楼",
                                          "gender": "女"})
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("residents")
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1)
    page.table.selectRow(0)
    qtbot.mouseClick(page.findChild(QPushButton, "residents.edit"), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.resident_id == resident_id

    ledger = write_csv(tmp_path / "更新.csv", [["姓名", "身份证号", "楼号"], ["孙玉珍", number, "7号楼"]],
                       "utf-8-sig")
    done = _run_cli("import", "residents", str(ledger), "--update", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "更新 1 行" in done.stdout

    phone = dialog.findChild(QLineEdit, "resident_dialog.phone")
    phone.clear()
    qtbot.keyClicks(phone, "13712345678")
    qtbot.mouseClick(dialog.findChild(QPushButton, "resident_dialog.save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # kept open, so what was typed is not lost either
    assert STALE_MESSAGE in dialog.findChild(QLabel, "resident_dialog.summary").text()
    assert session.db.execute("SELECT building, phone FROM residents WHERE id = ?",
                              [resident_id]).fetchone() == ("7号楼", None)
    dialog.reject()
