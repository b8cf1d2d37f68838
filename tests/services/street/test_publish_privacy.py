"""Nothing personal reaches the street's server (个人信息保护法 Art. 6, minimum necessary):
every text the server holds of two published community files is scanned for the names, ID
numbers, phones and notes of their residents, volunteers and callers."""

from __future__ import annotations

import psycopg
from conftest import TODAY
from street_publish_world import KEY, community_file

from volunteer_app.services.street.publish import publish

PEOPLE = {
    "residents": ("name", "name_pinyin", "id_number", "phone", "emergency_contact",
                  "health_notes", "hardship_notes", "notes"),
    "volunteers": ("name", "name_pinyin", "id_number", "phone", "volunteer_no", "notes"),
    "requests": ("caller_name", "caller_phone", "content"),
}


def test_no_name_id_number_or_phone_on_the_server(street_db, demo_template, tmp_path):
    files = [community_file(demo_template, tmp_path / "a", lambda: TODAY),
             community_file(demo_template, tmp_path / "b", lambda: TODAY, tag="（新发地）")]
    try:
        for n, file in enumerate(files):
            publish(file.session, street_db.add_publisher(f"community_{n}"), None, KEY)
        personal = set().union(*(_personal(file.session) for file in files))
    finally:
        for file in files:
            file.close()
    texts = _server_texts(street_db.admin_url)

    assert len(personal) > 1000 and len(texts) > 1000     # the scan has something to find
    everything = "\x00".join(texts)
    leaked = sorted(value for value in personal if value in everything)
    assert not leaked, f"personal data on the street server: {leaked[:5]}"


def test_the_scan_finds_a_name_that_did_leak(street_db, demo_template, tmp_path):
    """The scan itself: a resident's name put in a published place name is found."""
    file = community_file(demo_template, tmp_path / "a", lambda: TODAY)
    try:
        name = file.session.db.execute("SELECT name FROM residents LIMIT 1").fetchone()[0]
        with file.session.write("places") as db:
            db.execute("UPDATE places SET name = name || ? WHERE id = (SELECT min(id) FROM places)",
                       [f"（{name}家门口）"])
        publish(file.session, street_db.add_publisher("community_0"), None, KEY)
    finally:
        file.close()

    assert name in "\x00".join(_server_texts(street_db.admin_url))


def _personal(session) -> set[str]:
    """Every personal value of the file worth searching for (at least 2 characters)."""
    found: set[str] = set()
    for table, columns in PEOPLE.items():
        for row in session.db.execute(f"SELECT {', '.join(columns)} FROM {table}"):
            found.update(str(v) for v in row if v is not None and len(str(v).strip()) >= 2)
    return found


def _server_texts(admin_url: str) -> list[str]:
    """Every text value (and key) anywhere in the data of every row on the server."""
    with psycopg.connect(admin_url) as conn:
        texts = [t for (t,) in conn.execute(
            "WITH RECURSIVE walk(v) AS ("
            "  SELECT data FROM street.rows"
            "  UNION ALL"
            "  SELECT e.value FROM walk, LATERAL ("
            "    SELECT value FROM jsonb_each(CASE WHEN jsonb_typeof(v) = 'object' THEN v END)"
            "    UNION ALL"
            "    SELECT value FROM jsonb_array_elements(CASE WHEN jsonb_typeof(v) = 'array' THEN v END)"
            "  ) e"
            ") SELECT v #>> '{}' FROM walk WHERE jsonb_typeof(v) IN ('string', 'number')")]
        texts += [t for (t,) in conn.execute(
            "SELECT DISTINCT jsonb_object_keys(data) FROM street.rows")]
        texts += [t for (t,) in conn.execute("SELECT name FROM street.sources")]
    return texts
