"""Publishing community files to a real throw-away PostgreSQL (issue 14): what arrives, and
that a second run sends nothing."""

from __future__ import annotations

import pytest
from conftest import TODAY
from street_publish_world import (
    KEY,
    assert_equal,
    checkpointed_copy,
    community_file,
    on_server,
    projection,
    row_versions,
    server_source,
    tombstones,
)

from volunteer_app.services.people import teams
from volunteer_app.services.scheduling import assigning
from volunteer_app.services.street import outbox
from volunteer_app.services.street.publish import publish
from volunteer_app.services.street.server import StreetServerError


@pytest.fixture
def gaolizhuang(demo_template, tmp_path):
    opened = community_file(demo_template, tmp_path / "a", lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def xinfadi(demo_template, tmp_path):
    opened = community_file(demo_template, tmp_path / "b", lambda: TODAY, tag="（新发地）")
    yield opened
    opened.close()


def test_two_community_files_arrive_as_their_projections(street_db, gaolizhuang, xinfadi):
    url_a = street_db.add_publisher("gaolizhuang")
    url_b = street_db.add_publisher("xinfadi")

    first = publish(gaolizhuang.session, url_a, None, KEY)
    second = publish(xinfadi.session, url_b, None, KEY)

    for result, file in ((first, gaolizhuang), (second, xinfadi)):
        rows = sum(len(t) for t in projection(file.session).values())
        assert result.full and result.sent == rows > 1000
        assert result.deleted == 0 and result.waiting == 0
        assert result.acked_seq == outbox.acked_seq(file.session) == outbox.max_seq(file.session)
        assert_equal(street_db.admin_url, file)
    a_uid, b_uid = (outbox.source_uid(f.session) for f in (gaolizhuang, xinfadi))
    assert a_uid != b_uid
    names = {d["name"] for d in on_server(street_db.admin_url, b_uid)["communities"].values()}
    assert names and all(n.endswith("（新发地）") for n in names)
    source = server_source(street_db.admin_url, a_uid)
    assert source["role_name"] == "gaolizhuang" and source["acked_seq"] == first.acked_seq
    assert source["generation"] == 1 and source["last_published"] is not None


def test_a_second_run_sends_nothing_and_leaves_the_rows_alone(street_db, gaolizhuang):
    url = street_db.add_publisher("gaolizhuang")
    publish(gaolizhuang.session, url, None, KEY)
    source_uid = outbox.source_uid(gaolizhuang.session)
    before = row_versions(street_db.admin_url, source_uid)

    again = publish(gaolizhuang.session, url, None, KEY)

    assert (again.sent, again.deleted, again.full, again.waiting) == (0, 0, False, 0)
    assert row_versions(street_db.admin_url, source_uid) == before
    assert server_source(street_db.admin_url, source_uid)["generation"] == 1


def test_an_insert_an_update_and_a_delete_arrive(street_db, gaolizhuang):
    url = street_db.add_publisher("gaolizhuang")
    session = gaolizhuang.session
    publish(session, url, None, KEY)
    team_id = session.db.execute("SELECT id FROM teams ORDER BY id LIMIT 1").fetchone()[0]
    community_id = session.db.execute("SELECT id FROM communities LIMIT 1").fetchone()[0]
    new_team = teams.create(session, "花乡测试志愿服务队", community_id)
    teams.rename(session, team_id, "高立庄夕阳红志愿服务队（改名）")
    gone = session.db.execute("SELECT id, uid FROM assignments WHERE state IN ('已安排', '已确认')"
                              " ORDER BY id LIMIT 1").fetchone()
    assigning.unassign(session, gone[0])
    new_uid, team_uid = (session.db.execute("SELECT uid FROM teams WHERE id = ?", [i]).fetchone()[0]
                         for i in (new_team, team_id))
    assert outbox.pending_count(session) >= 3

    result = publish(session, url, None, KEY)

    assert not result.full and result.deleted == 1 and result.sent >= 3
    server = on_server(street_db.admin_url, outbox.source_uid(session))
    assert server["teams"][new_uid]["name"] == "花乡测试志愿服务队"
    assert server["teams"][team_uid]["name"] == "高立庄夕阳红志愿服务队（改名）"
    assert gone[1] not in server["assignments"]
    assert ("assignments", gone[1]) in tombstones(street_db.admin_url, outbox.source_uid(session))
    assert_equal(street_db.admin_url, gaolizhuang)


def test_a_row_changed_many_times_is_sent_once(street_db, gaolizhuang):
    url = street_db.add_publisher("gaolizhuang")
    session = gaolizhuang.session
    publish(session, url, None, KEY)
    team_id = session.db.execute("SELECT id FROM teams ORDER BY id LIMIT 1").fetchone()[0]
    for n in range(20):
        teams.rename(session, team_id, f"改名第{n}次")

    result = publish(session, url, None, KEY, batch_size=7)

    assert result.sent == 1
    assert_equal(street_db.admin_url, gaolizhuang)


def test_a_new_street_key_sends_every_hash_again(street_db, gaolizhuang):
    url = street_db.add_publisher("gaolizhuang")
    publish(gaolizhuang.session, url, None, None)        # no key yet: no ID hash
    assert_equal(street_db.admin_url, gaolizhuang, key=None)

    result = publish(gaolizhuang.session, url, None, KEY)

    assert result.full
    assert_equal(street_db.admin_url, gaolizhuang, key=KEY)
    hashes = [d["id_hash"] for d in on_server(street_db.admin_url, outbox.source_uid(
        gaolizhuang.session))["volunteers"].values()]
    assert any(hashes)
    assert publish(gaolizhuang.session, url, None, KEY).sent == 0


def test_small_batches_and_progress_reach_the_same_state(street_db, gaolizhuang):
    url = street_db.add_publisher("gaolizhuang")
    seen: list[tuple[int, int]] = []

    result = publish(gaolizhuang.session, url, None, KEY, batch_size=97,
                     progress=lambda done, total: seen.append((done, total)))

    assert len(seen) >= result.sent // 97
    assert seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert_equal(street_db.admin_url, gaolizhuang)


def test_a_cancel_between_batches_keeps_what_the_server_took(street_db, gaolizhuang):
    """The settings page's 取消 raises from the progress callback: the file keeps what it did
    not yet send, the server what it acknowledged, and the next run finishes."""
    url = street_db.add_publisher("gaolizhuang")
    session = gaolizhuang.session
    publish(session, url, None, KEY)
    for n in range(30):
        teams.create(session, f"新队{n}")

    def cancel_after_two(done: int, total: int) -> None:
        if done >= 10:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        publish(session, url, None, KEY, batch_size=5, progress=cancel_after_two)
    acked = outbox.acked_seq(session)
    assert acked == server_source(street_db.admin_url, outbox.source_uid(session))["acked_seq"]
    assert 0 < outbox.pending_count(session) < 30

    result = publish(session, url, None, KEY)
    assert not result.full and 0 < result.sent < 30
    assert_equal(street_db.admin_url, gaolizhuang)


def test_the_same_file_under_another_role_is_refused(street_db, gaolizhuang, demo_template,
                                                     tmp_path):
    """A file copied to another community's PC carries the same source uid: its publisher's
    role may not write over the first one's rows."""
    publish(gaolizhuang.session, street_db.add_publisher("gaolizhuang"), None, KEY)
    checkpointed_copy(gaolizhuang, tmp_path / "copy.sqlite3")
    copy = community_file(tmp_path / "copy.sqlite3", tmp_path / "copy", lambda: TODAY)
    try:
        with pytest.raises(StreetServerError, match="账号"):
            publish(copy.session, street_db.add_publisher("copycat"), None, KEY)
        assert outbox.acked_seq(copy.session) == outbox.acked_seq(gaolizhuang.session)
    finally:
        copy.close()
    assert_equal(street_db.admin_url, gaolizhuang)


def test_one_role_publishes_one_file(street_db, gaolizhuang, xinfadi):
    url = street_db.add_publisher("gaolizhuang")
    publish(gaolizhuang.session, url, None, KEY)

    with pytest.raises(StreetServerError, match="另一个社区文件"):
        publish(xinfadi.session, url, None, KEY)
    assert outbox.acked_seq(xinfadi.session) == 0
