"""Stored ID numbers and phones are rewritten in the form the app writes now; a number that
would then belong to two people leaves both rows as they were, and ``check`` lists them."""

from __future__ import annotations

import shutil

from conftest import TODAY

from volunteer_app.cli import main as cli_main
from volunteer_app.services.people import residents
from volunteer_app.services.session import BUILTIN_ADMIN, Session
from volunteer_app.store import migrations
from volunteer_app.store.connection import open_database
from volunteer_app.store.maintenance import check
from volunteer_app.store.person_numbers import m_normalise_id_numbers_and_phones

WIDE = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
STAMP = "2024-05-01T09:00:00"


def _insert(db, table: str, uid: str, name: str, id_number: str | None, phone: str | None) -> int:
    row = {"uid": uid, "name": name, "id_number": id_number, "phone": phone, "gender": "女",
           "birth_date": "1931-03-05", "created_at": STAMP, "updated_at": STAMP}
    if table == "residents":
        row["phone_tail"] = ""
    return db.table(table).insert(row).last_pk


def _row(db, table: str, row_id: int) -> tuple:
    return tuple(db.execute(f"SELECT id_number, phone FROM {table} WHERE id = ?", [row_id]).fetchone())


def test_the_migration_is_in_the_list():
    assert m_normalise_id_numbers_and_phones in migrations.MIGRATIONS


def test_stored_numbers_are_normalised_in_a_file_holding_the_demo(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    db = open_database(path)
    try:
        before = {r[0]: r[1:] for r in db.execute("SELECT id, id_number, phone FROM residents")}
        wide = _insert(db, "residents", "t-1", "祁长河", "11022419310305007X".translate(WIDE),
                       "６３７１２３４５")
        old = _insert(db, "residents", "t-2", "祁秀兰", "110224350612003", "138 1234 5678")
        lower = _insert(db, "volunteers", "t-3", "王浩", "11010519491231002x", "１３９００００１１１１")
        wrong = _insert(db, "residents", "t-4", "赵淑英", "１１０１０５１９４９１２３１００２１", None)
        m_normalise_id_numbers_and_phones(db)
        assert _row(db, "residents", wide) == ("11022419310305007X", "010-63712345")
        assert db.execute("SELECT phone_tail FROM residents WHERE id = ?", [wide]).fetchone()[0] == "2345"
        assert _row(db, "residents", old) == ("110224193506120036", "13812345678")
        assert _row(db, "volunteers", lower) == ("11010519491231002X", "13900001111")
        assert _row(db, "residents", wrong) == ("110105194912310021", None)  # only half-width
        after = {r[0]: r[1:] for r in db.execute("SELECT id, id_number, phone FROM residents")}
        assert {k: after[k] for k in before} == before          # the demo's own rows stay
        assert check(db).same_person_twice == ()
    finally:
        db.close()


def test_the_same_person_twice_keeps_both_rows_and_check_lists_them(db_path, capsys):
    db = open_database(db_path)
    try:
        first = _insert(db, "residents", "t-1", "祁长河", "11022419310305007X", "13812345678")
        second = _insert(db, "residents", "t-2", "祁长河", "11022419310305007X".translate(WIDE),
                         "１３８１２３４５６７８")
        m_normalise_id_numbers_and_phones(db)
        assert _row(db, "residents", first) == ("11022419310305007X", "13812345678")
        assert _row(db, "residents", second) == ("11022419310305007X".translate(WIDE), "13812345678")
        [line] = check(db).same_person_twice
        assert f"居民编号{second}与编号{first}" in line and "110224********007X" in line
        # registering the same person a third time is refused on the cleaned number
        session = Session(db, BUILTIN_ADMIN, today=lambda: TODAY)
        result = residents.validate(session, {"name": "祁长河", "id_number": "11022419310305007x"})
        assert "已登记给居民" in result.errors["id_number"]
    finally:
        db.close()
    assert cli_main(["check", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert f"提醒：居民编号{second}与编号{first}的身份证号是同一个" in out
