"""楼号, 单元 and 门牌 an older import saved full-width are rewritten half-width by migration
18, as the forms and imports write them now; the rest of the row, and rows already right,
are left as they were."""

from __future__ import annotations

from volunteer_app.services.people import residents, volunteers
from volunteer_app.store import migrations
from volunteer_app.store.address_codes import m_half_width_addresses


def test_the_migration_is_in_the_list():
    assert m_half_width_addresses in migrations.MIGRATIONS


def test_full_width_addresses_become_the_buildings_the_forms_know(session):
    old = residents.add(session, {"name": "祁长河", "birth_date": "1931-03-05", "gender": "男"})
    right = residents.add(session, {"name": "李淑英", "birth_date": "1935-06-12", "gender": "女",
                                    "building": "3号楼", "unit": "2", "room": "501"})
    helper = volunteers.add(session, {"name": "陈晓东", "birth_date": "1985-03-02", "gender": "男"})
    # as an import before the fix saved them
    session.db.execute("UPDATE residents SET building = '３号楼', unit = '２单元', room = ' ５０２ ', "
                       "notes = '住３号楼' WHERE id = ?", [old])
    session.db.execute("UPDATE volunteers SET building = '１２号楼\u3000' WHERE id = ?", [helper])
    versions = dict(session.db.execute("SELECT id, row_version FROM residents").fetchall())

    m_half_width_addresses(session.db)

    rows = dict((r[0], r[1:]) for r in session.db.execute(
        "SELECT id, building, unit, room, notes, row_version FROM residents"))
    assert rows[old] == ("3号楼", "2单元", "502", "住３号楼", versions[old] + 1)   # notes are free text
    assert rows[right] == ("3号楼", "2", "501", "", versions[right])            # not written at all
    assert session.db.execute("SELECT building FROM volunteers WHERE id = ?", [helper]).fetchone()[0] == "12号楼"
