"""What one published row holds: exactly the declared columns, JSON-able, and nothing
personal (no name, ID number, phone or health note of the file's residents and volunteers);
a volunteer's ID number only as a hash under the street's key."""

from __future__ import annotations

import json
import re

import pytest

from volunteer_app.services.people import volunteers
from volunteer_app.services.street import derived, outbox
from volunteer_app.services.street.published import KINDS, NEVER_PUBLISHED, PUBLISHED, published

KEY = b"street key of huaxiang"
# Values no person's text can hide in: uids, dates and times, numbers, flags.
MADE_BY_THE_APP = re.compile(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|\d{4}-\d\d-\d\d(T[\d:]+)?"
                             r"|\d+(\.\d+)?|True|False|None")
PERSONAL = {
    "residents": ("name", "id_number", "phone", "health_notes", "hardship_notes", "emergency_contact",
                  "notes", "needs", "room"),
    "volunteers": ("name", "id_number", "phone", "notes"),
    "requests": ("caller_name", "caller_phone", "address", "content", "resolution"),
}


def _personal_values(session) -> set[str]:
    values: set[str] = set()
    for table, columns in PERSONAL.items():
        for row in session.db.execute(f"SELECT {', '.join(columns)} FROM {table}"):
            values |= {str(v).strip() for v in row if v is not None and len(str(v).strip()) >= 2}
    return values - {"[]", "{}", "无"}


def test_the_declaration_is_well_formed():
    assert len({t.table for t in PUBLISHED}) == len(PUBLISHED)
    for table in PUBLISHED:
        assert table.title and all(c.title and c.kind in KINDS for c in table.columns), table.table
        assert len(set(table.names)) == len(table.names) and "uid" not in table.names
        assert published(table.table) is table
    assert {"姓名", "身份证号", "电话"} <= set(NEVER_PUBLISHED)
    with pytest.raises(KeyError):
        published("users")


def test_every_published_row_holds_the_declared_columns_and_nothing_personal(full_demo_session):
    session = full_demo_session
    personal = _personal_values(session)
    assert len(personal) > 2000       # the demo's names, numbers, phones and notes
    # inside a longer value, a name or a note is told by its Chinese, a number by its length
    # (a room's 302 may well be inside a hash or a time)
    telling = {p for p in personal if len(p) >= 7 or not p.isascii()}
    for table in PUBLISHED:
        uids = outbox.all_uids(session, table.table)
        assert uids, table.table
        rows = outbox.row_data(session, table.table, uids, KEY, session.today())
        assert set(rows) == set(uids)
        for data in rows.values():
            assert tuple(data) == table.names, table.table
        texts = [str(value) for data in rows.values() for value in data.values()]
        assert not personal & set(texts), table.table
        json.dumps(list(rows.values()), ensure_ascii=False)    # JSON-able
        free = "\n".join({t for t in texts if not MADE_BY_THE_APP.fullmatch(t)})
        assert [p for p in telling if p in free] == [], table.table


def test_a_row_that_is_gone_is_none(full_demo_session):
    session = full_demo_session
    [uid] = outbox.all_uids(session, "service_types")[:1]
    assert outbox.row_data(session, "service_types", [uid, "no-such-uid"], None, session.today()) == {
        uid: outbox.row_data(session, "service_types", [uid], None, session.today())[uid], "no-such-uid": None}
    with session.write("service_types"):
        session.db.execute("INSERT INTO service_types (uid, name) VALUES ('gone', '临时')")
        session.db.execute("DELETE FROM service_types WHERE uid = 'gone'")
    assert outbox.row_data(session, "service_types", ["gone"], None, session.today()) == {"gone": None}


def _hashes(session, key: bytes | None) -> dict[str, str | None]:
    uids = outbox.all_uids(session, "volunteers")
    return {uid: data["id_hash"] for uid, data in outbox.row_data(session, "volunteers", uids, key,
                                                                  session.today()).items()}


def test_one_id_number_has_one_hash_in_every_file_under_the_same_key(full_demo_session, session):
    demo = full_demo_session
    uid, number = demo.db.execute("SELECT uid, id_number FROM volunteers WHERE id_number > '' "
                                  "ORDER BY id LIMIT 1").fetchone()
    hashes = _hashes(demo, KEY)
    assert hashes == _hashes(demo, KEY)                      # stable
    assert len(hashes[uid]) == 64 and int(hashes[uid], 16) >= 0
    assert number not in hashes[uid]
    known = [h for h in hashes.values() if h]
    assert len(set(known)) == len(known) > 50                # one per person
    assert all(h is None for h in _hashes(demo, None).values())
    assert _hashes(demo, b"another key")[uid] != hashes[uid]
    # the same person, registered in another community's file, adds up with this one
    volunteers.add(session, {"name": "赵一凡", "birth_date": f"{number[6:10]}-{number[10:12]}-{number[12:14]}",
                             "gender": "男" if int(number[16]) % 2 else "女", "id_number": number})
    [other] = _hashes(session, KEY).values()
    assert other == hashes[uid]
    without = demo.db.execute("SELECT uid FROM volunteers WHERE id_number IS NULL OR id_number = ''").fetchone()[0]
    assert hashes[without] is None


def test_a_first_generation_number_hashes_as_its_18_digit_form():
    assert derived.id_hash("110105491231002", KEY) == derived.id_hash("11010519491231002X", KEY)
    assert derived.id_hash(" 11010519491231002x ", KEY) == derived.id_hash("11010519491231002X", KEY)
    assert derived.id_hash("", KEY) is None and derived.id_hash(None, KEY) is None
    assert derived.id_hash("11010519491231002X", None) is None


@pytest.mark.parametrize(("birth", "band"), [("1936-11-28", "90+"), ("1936-11-29", "80-89"),
                                             ("1946-11-28", "80-89"), ("1950-01-01", "70-79"),
                                             ("1966-11-28", "60-69"), ("1966-11-29", "<60"),
                                             (None, None), ("", None), ("1950-13-01", None)])
def test_age_bands(birth, band):
    from conftest import TODAY

    assert derived.age_band(birth, TODAY) == band
