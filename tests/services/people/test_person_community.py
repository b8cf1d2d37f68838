"""Every person has a community: the forms settle it from the place, the import reads it,
a migration fills it, `check` lists who has none, and 匹配 never pairs people without one."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from ledger_fixtures import make_id, write_xlsx

from volunteer_app.cli import main as cli_main
from volunteer_app.domain.matching import NO_COMMUNITY, Helper, Senior, optimal_match
from volunteer_app.services.care import pairing
from volunteer_app.services.ledger import import_apply, import_check, import_header, rejected_rows
from volunteer_app.services.people import places, residents, volunteers
from volunteer_app.store import migrations
from volunteer_app.store.connection import connect, open_database
from volunteer_app.store.person_communities import m_person_communities_from_places

ROOT = Path(__file__).resolve().parents[3]
STAMP = "2026-11-28T09:00:00"


def run_main(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=120)


@pytest.fixture
def town(session):
    """Two communities with a place each."""
    gaoli = places.add_community(session, "高立庄社区", "花乡街道")
    yindi = places.add_community(session, "银地第二社区", "花乡街道")
    return {"gaoli": gaoli, "yindi": yindi,
            "gaoli_place": places.add_place(session, gaoli, "高立庄", "院落"),
            "yindi_place": places.add_place(session, yindi, "银地家园")}


ELDER = {"name": "乔玉芬", "birth_date": "1931-05-01", "gender": "女", "floor": "6",
         "has_lift": False, "consent_visit": True, "consent_date": "2026-10-01"}
HELPER = {"name": "马晓东", "birth_date": "1985-03-12", "gender": "男", "helper_capacity": 2}


# -- the forms -------------------------------------------------------------------------------

def test_the_place_decides_a_residents_community_and_follows_a_change(session, town):
    rid = residents.add(session, {**ELDER, "place_id": town["gaoli_place"]})
    assert session.row("residents", rid)["community_id"] == town["gaoli"]
    residents.update(session, rid, {**ELDER, "place_id": town["yindi_place"]})
    assert session.row("residents", rid)["community_id"] == town["yindi"]
    with pytest.raises(residents.ResidentError) as refused:
        residents.update(session, rid, {**ELDER, "place_id": town["gaoli_place"],
                                        "community_id": town["yindi"]})
    assert "高立庄" in refused.value.errors["place_id"] and "不属于" in str(refused.value)
    with pytest.raises(residents.ResidentError) as missing:
        residents.add(session, {**ELDER, "place_id": None})
    assert "小区/院落" in missing.value.errors["place_id"]
    assert session.row("residents", rid)["community_id"] == town["yindi"]


def test_a_volunteer_form_needs_a_community(session, town):
    with pytest.raises(volunteers.VolunteerError) as missing:
        volunteers.add(session, {**HELPER, "community_id": None, "place_id": None})
    assert "所属社区" in missing.value.errors["community_id"]
    vid = volunteers.add(session, {**HELPER, "community_id": None, "place_id": town["gaoli_place"]})
    assert session.row("volunteers", vid)["community_id"] == town["gaoli"]
    with pytest.raises(volunteers.VolunteerError):
        volunteers.update(session, vid, {**HELPER, "community_id": town["yindi"],
                                         "place_id": town["gaoli_place"]})
    volunteers.update(session, vid, {**HELPER, "community_id": town["yindi"]})   # a script, no place
    row = session.row("volunteers", vid)
    assert (row["community_id"], row["place_id"]) == (town["yindi"], None)      # 高立庄 dropped
    volunteers.update(session, vid, {**HELPER, "place_id": town["gaoli_place"]})
    assert session.row("volunteers", vid)["community_id"] == town["gaoli"]


# -- matching ----------------------------------------------------------------------------------

def _senior(i: int, community: int | None) -> Senior:
    return Senior(i, f"老人{i}", "女", community, None, "", frozenset(), frozenset(), None, True,
                  True, False, 95)


def _helper(i: int, community: int | None) -> Helper:
    return Helper(i, f"帮手{i}", "男", community, None, "", frozenset(), frozenset(), False, 3)


@pytest.mark.parametrize("widen", [False, True])
def test_no_community_is_never_paired_and_says_why(widen):
    result = optimal_match([_helper(1, None), _helper(2, 5)], [_senior(10, None), _senior(11, 5)],
                           widen=widen)
    assert [(p.helper_id, p.resident_id) for p in result.pairs] == [(2, 11)]
    assert [(u.resident_id, u.reason) for u in result.unmatched] == [(10, NO_COMMUNITY)]
    alone = optimal_match([_helper(1, None)], [_senior(10, None), _senior(11, 5)], widen=widen)
    assert alone.pairs == []
    assert "没有可结对的80后帮手" in dict((u.resident_id, u.reason) for u in alone.unmatched)[11]


def test_the_service_and_match_command_leave_people_without_a_community_unpaired(session, town,
                                                                                db_path):
    paired = residents.add(session, {**ELDER, "place_id": town["gaoli_place"]})
    volunteers.add(session, {**HELPER, "place_id": town["gaoli_place"]})
    # two people saved before communities were asked for: no community on either side
    homeless = residents.add(session, {**ELDER, "name": "金秀英"})
    stray = volunteers.add(session, {**HELPER, "name": "沈浩"})
    assert session.row("residents", homeless)["community_id"] is None
    for widen in (False, True):
        result = pairing.propose(session, widen=widen).result
        assert [(p.resident_id, p.score.reasons[0]) for p in result.pairs] == [(paired, "同一小区（院落）")]
        assert stray not in {p.helper_id for p in result.pairs}
        assert {u.resident_id: u.reason for u in result.unmatched} == {homeless: NO_COMMUNITY}
    session.db.close()
    out = run_main("match", "--json", "--db", str(db_path))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [p["resident_id"] for p in data["pairs"]] == [paired]
    assert data["unmatched"] == [{"resident_id": homeless, "reason": NO_COMMUNITY}]
    text = run_main("match", "--widen", "--db", str(db_path)).stdout
    assert "金秀英" in text and "没有填写所属社区" in text


# -- migration -----------------------------------------------------------------------------------

def test_migration_fills_the_community_from_the_place(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = connect(path)
    before = migrations.MIGRATIONS.index(m_person_communities_from_places)
    migrations.apply_migrations(db, target=before)
    db.execute("INSERT INTO communities (id, uid, name, created_at) VALUES (1, 'c1', '高立庄社区', ?), "
               "(2, 'c2', '银地第二社区', ?)", [STAMP, STAMP])
    db.execute("INSERT INTO places (id, uid, community_id, name, created_at) VALUES "
               "(1, 'p1', 1, '高立庄', ?), (2, 'p2', 2, '银地家园', ?)", [STAMP, STAMP])
    people = [(1, 1, None), (2, None, None), (3, 2, 1)]     # id, place, community
    for table in ("residents", "volunteers"):
        for pid, place, community in people:
            db.execute(f"INSERT INTO {table} (id, uid, name, place_id, community_id, created_at, "
                       "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [pid, f"{table}-{pid}", f"人{pid}", place, community, STAMP, STAMP])
    db.close()
    db = open_database(path)
    for table in ("residents", "volunteers"):
        got = dict(db.execute(f"SELECT id, community_id FROM {table}").fetchall())
        assert got == {1: 1, 2: None, 3: 1}, table       # filled; none to take; kept as it was
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
    db.close()


def test_migration_on_a_file_holding_the_demo(demo_session):
    db = demo_session.db
    db.execute("UPDATE residents SET community_id = NULL WHERE id % 3 = 0")
    db.execute("UPDATE volunteers SET community_id = NULL")
    with db.conn:
        m_person_communities_from_places(db)
    for table in ("residents", "volunteers"):
        assert db.execute(f"SELECT count(*) FROM {table} t JOIN places p ON p.id = t.place_id "
                          "WHERE t.community_id IS NOT p.community_id").fetchone()[0] == 0


def test_every_demo_person_has_the_community_of_their_place(demo_session):
    for table in ("residents", "volunteers"):
        assert demo_session.db.execute(f"SELECT count(*) FROM {table} t LEFT JOIN places p "
                                       "ON p.id = t.place_id WHERE t.community_id IS NULL "
                                       "OR t.community_id IS NOT p.community_id").fetchone()[0] == 0


# -- check -----------------------------------------------------------------------------------------

def test_check_lists_people_without_a_community(session, town, db_path, capsys):
    residents.add(session, {**ELDER, "place_id": town["gaoli_place"]})
    assert cli_main(["check", "--db", str(db_path)]) == 0
    assert "每位居民和志愿者都已填写" in capsys.readouterr().out
    rid = residents.add(session, {**ELDER, "name": "金秀英"})
    vid = volunteers.add(session, {**HELPER, "name": "沈浩"})
    assert cli_main(["check", "--db", str(db_path)]) == 0    # a warning: the file is sound
    out = capsys.readouterr().out
    assert "提醒：2位人员没有所属社区" in out
    assert f"居民“金秀英”（编号{rid}）：请在居民对话框里选择小区/院落" in out
    assert f"志愿者“沈浩”（编号{vid}）：请在志愿者对话框里选择所属社区" in out


# -- the volunteer import --------------------------------------------------------------------------

VOLUNTEER_HEADER = ["姓名", "身份证号", "手机号", "所属社区", "服务队"]


def _import(session, path, **options):
    table, mapping = import_header.load(path, "volunteers")
    preview = import_check.check(session, table, mapping, "volunteers")
    return preview, import_apply.apply(session, preview, **options)


def test_volunteer_import_reads_the_community_by_name(session, town, tmp_path):
    path = write_xlsx(tmp_path / "志愿者.xlsx", [
        VOLUNTEER_HEADER,
        ["马晓东", make_id(date(1985, 3, 12), male=True), "13812345678", "高立庄社区", "青年先锋队"],
        ["沈丽", make_id(date(1986, 7, 1), male=False), "13912345678", "银地第二社区", ""],
    ])
    preview, summary = _import(session, path)
    assert preview.mapping.columns[3] == "community" and summary.imported == 2
    got = dict(session.db.execute("SELECT name, community_id FROM volunteers").fetchall())
    assert got == {"马晓东": town["gaoli"], "沈丽": town["yindi"]}


def test_an_unknown_community_names_the_row_and_imports_nothing(session, town, tmp_path):
    path = write_xlsx(tmp_path / "志愿者.xlsx", [
        ["姓名", "出生日期", "性别", "社区", "小区"],
        ["马晓东", "1985-03-12", "男", "高立庄社区", "高立庄"],
        ["沈丽", "1986-07-01", "女", "高立装社区", ""],
        ["王强", "1984-01-09", "男", "高立庄社区", "银地家园"],
    ])
    preview, summary = _import(session, path, all_or_nothing=True)
    lines = rejected_rows.describe(preview)
    assert any(line.startswith("第3行 所属社区：社区“高立装社区”在系统里没有") for line in lines), lines
    assert any(line.startswith("第4行 所属社区：小区“银地家园”属于银地第二社区") for line in lines), lines
    assert (summary.imported, summary.rejected) == (0, 2)
    assert session.db.table("volunteers").count == 0
    out = run_cli_import(session, path)
    assert out.returncode == 1 and "未导入任何数据" in out.stderr
    assert "第3行 所属社区" in out.stdout


def run_cli_import(session, path) -> subprocess.CompletedProcess:
    db_file = session.db.execute("PRAGMA database_list").fetchone()[2]
    session.db.close()
    out = run_main("import", "volunteers", str(path), "--all-or-nothing", "--db", db_file)
    conn = sqlite3.connect(db_file)
    assert conn.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 0
    conn.close()
    return out


def test_resident_import_takes_the_community_of_the_place(session, town, tmp_path):
    path = write_xlsx(tmp_path / "居民.xlsx", [
        ["姓名", "出生日期", "性别", "小区"],
        ["乔玉芬", "1931-05-01", "女", "高立庄"],
    ])
    table, mapping = import_header.load(path, "residents")
    import_apply.apply(session, import_check.check(session, table, mapping, "residents"))
    assert session.db.execute("SELECT community_id FROM residents").fetchone()[0] == town["gaoli"]


def test_export_then_import_keeps_a_volunteers_community(session, town, tmp_path):
    volunteers.add(session, {**HELPER, "place_id": town["yindi_place"]})
    from volunteer_app.services.ledger import ledger_export

    ledger_export.export(session, "volunteers", tmp_path / "out.xlsx", full=True)
    session.db.execute("DELETE FROM volunteers")
    _import(session, tmp_path / "out.xlsx")
    row = session.db.execute("SELECT community_id, place_id FROM volunteers").fetchone()
    assert tuple(row) == (town["yindi"], town["yindi_place"])
