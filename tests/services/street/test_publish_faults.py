"""Publishing when things go wrong (issue 14): killed at random moments, the server gone and
back, a file restored from an older copy, two publishers at once. Each ends with the server
holding exactly the file's projection: no row missing, none extra, none stale."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from conftest import TODAY
from street_publish_world import (
    KEY,
    assert_equal,
    checkpointed_copy,
    community_file,
    open_file,
    put_back,
    server_source,
    tombstones,
)

from volunteer_app.services.people import teams
from volunteer_app.services.scheduling import assigning
from volunteer_app.services.street import outbox
from volunteer_app.services.street.publish import publish
from volunteer_app.services.street.server import StreetServerError

MAIN = Path(__file__).resolve().parents[3] / "main.py"


@pytest.fixture
def community(demo_template, tmp_path):
    opened = community_file(demo_template, tmp_path / "a", lambda: TODAY)
    yield opened
    opened.close()


def _changes(session, n: int) -> None:
    """A few ordinary edits: a new team, a rename, an assignment taken off its shift."""
    team_id = teams.create(session, f"第{n}批新队")
    teams.rename(session, team_id, f"第{n}批新队（改名）")
    first = session.db.execute("SELECT id FROM teams ORDER BY id LIMIT 1").fetchone()[0]
    teams.rename(session, first, f"高立庄夕阳红志愿服务队{n}")
    row = session.db.execute("SELECT id FROM assignments WHERE state IN ('已安排', '已确认')"
                             " ORDER BY id LIMIT 1 OFFSET ?", [n]).fetchone()
    if row:
        assigning.unassign(session, row[0])


def test_killed_at_random_moments_then_resumed(street_db, community):
    """The publish command killed (SIGKILL) at random moments: first in a full send, a
    random time after it reached the server; then in batches of one change with edits in
    between, once the server took a random number of its batches (so the kill lands in the
    middle of the run: reading, sending, or between the server's commit and the file's)."""
    url = street_db.add_publisher("gaolizhuang")
    source_uid = outbox.source_uid(community.session)
    rng = random.Random(14)
    killed = 0
    for _ in range(3):
        delay = rng.uniform(0, 2.0)
        killed += _publish_killed(community, url, street_db.admin_url, 25,
                                  lambda admin, since, d=delay: time.monotonic() > since + d)
    publish(community.session, url, None, KEY)
    assert_equal(street_db.admin_url, community)
    for round_ in range(8):
        for n in range(15):
            _changes(community.session, round_ * 20 + n)
        target = rng.randint(outbox.acked_seq(community.session) + 1,
                             outbox.max_seq(community.session) - 1)
        killed += _publish_killed(community, url, street_db.admin_url, 1,
                                  lambda admin, since, t=target: _server_acked(admin, source_uid) >= t)
    assert killed >= 9, "the loop should interrupt publishing nearly every time"

    publish(community.session, url, None, KEY)

    assert_equal(street_db.admin_url, community)
    source = server_source(street_db.admin_url, source_uid)
    assert source["acked_seq"] == outbox.acked_seq(community.session)


def _server_acked(admin, source_uid: str) -> int:
    return admin.execute("SELECT acked_seq FROM street.sources WHERE source_uid = %s",
                         (source_uid,)).fetchone()[0]


def _publish_killed(community, url: str, admin_url: str, batch: int, when) -> bool:
    """Run ``publish`` in a process and SIGKILL it once ``when(admin, connected_at)`` holds
    (polled from the moment it connected); whether it was still running then."""
    env = {**os.environ, "PYTHONPATH": str(MAIN.parent), "LINLIBANG_STREET_KEY": KEY.decode()}
    with psycopg.connect(admin_url, autocommit=True) as admin:
        started = admin.execute("SELECT clock_timestamp()").fetchone()[0]
        running = subprocess.Popen(
            [sys.executable, str(MAIN), "publish", "--to", url, "--db", str(community.path),
             "--batch", str(batch)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while running.poll() is None and not admin.execute(
                "SELECT 1 FROM pg_stat_activity WHERE usename = 'gaolizhuang'"
                " AND backend_start > %s", (started,)).fetchone():
            time.sleep(0.005)
        connected = time.monotonic()
        while running.poll() is None and not when(admin, connected):
            time.sleep(0.005)
    alive = running.poll() is None
    if alive:
        running.send_signal(signal.SIGKILL)
    _, err = running.communicate(timeout=60)
    assert running.returncode in (0, -signal.SIGKILL), err.decode()
    return alive


def test_server_down_then_back_loses_nothing(street_db, community):
    url = street_db.add_publisher("gaolizhuang")
    publish(community.session, url, None, KEY)
    _changes(community.session, 0)
    waiting, acked = outbox.pending_count(community.session), outbox.acked_seq(community.session)

    with street_db.server.down():
        for n in range(3):    # offline for a while: the community works on, the outbox grows
            with pytest.raises(StreetServerError, match="无法连接街道服务器"):
                publish(community.session, url, None, KEY)
            _changes(community.session, n + 1)
        assert outbox.acked_seq(community.session) == acked
        assert outbox.pending_count(community.session) > waiting > 0
    result = publish(community.session, url, None, KEY)

    assert not result.full and result.waiting == 0 and result.sent > waiting
    assert_equal(street_db.admin_url, community)


def test_connection_dropped_mid_publish_then_resumed(street_db, community):
    url = street_db.add_publisher("gaolizhuang")
    dropped = []

    def drop_the_connection(done: int, total: int) -> None:
        if done >= 200 and not dropped:
            with psycopg.connect(street_db.admin_url, autocommit=True) as admin:
                dropped.extend(admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE usename = 'gaolizhuang'").fetchall())

    with pytest.raises(StreetServerError, match="连接中断"):
        publish(community.session, url, None, KEY, batch_size=50, progress=drop_the_connection)
    assert dropped and outbox.acked_seq(community.session) == 0

    result = publish(community.session, url, None, KEY)

    assert result.full
    assert_equal(street_db.admin_url, community)


def test_a_file_restored_from_an_older_copy_is_sent_again_in_full(street_db, community,
                                                                tmp_path):
    url = street_db.add_publisher("gaolizhuang")
    session = community.session
    publish(session, url, None, KEY)
    old_copy = tmp_path / "older.sqlite3"
    checkpointed_copy(community, old_copy)
    new_team = teams.create(session, "备份之后新建的队")
    new_uid = session.db.execute("SELECT uid FROM teams WHERE id = ?", [new_team]).fetchone()[0]
    _changes(session, 3)
    publish(session, url, None, KEY)

    put_back(community, old_copy)
    result = publish(community.session, url, None, KEY)

    assert result.full and result.deleted >= 1
    assert ("teams", new_uid) in tombstones(street_db.admin_url,
                                            outbox.source_uid(community.session))
    assert_equal(street_db.admin_url, community)
    assert publish(community.session, url, None, KEY).sent == 0


def test_a_file_stopped_after_the_servers_commit_catches_up_without_a_full_resend(
        street_db, community, tmp_path):
    """The file was stopped between the server's commit and its own note of it: the same
    outbox and the same rows as the server's last batch are recognised, not sent again."""
    url = street_db.add_publisher("gaolizhuang")
    publish(community.session, url, None, KEY)
    _changes(community.session, 0)
    before_ack = tmp_path / "before_ack.sqlite3"
    checkpointed_copy(community, before_ack)
    publish(community.session, url, None, KEY)       # one batch: the server notes its digest

    put_back(community, before_ack)
    result = publish(community.session, url, None, KEY)

    assert (result.sent, result.full) == (0, False)
    assert outbox.pending_count(community.session) == 0
    assert_equal(street_db.admin_url, community)


def test_a_batch_the_file_no_longer_matches_is_sent_in_full(street_db, community, tmp_path):
    url = street_db.add_publisher("gaolizhuang")
    publish(community.session, url, None, KEY)
    _changes(community.session, 0)
    before_ack = tmp_path / "before_ack.sqlite3"
    checkpointed_copy(community, before_ack)
    publish(community.session, url, None, KEY)

    put_back(community, before_ack)
    last_team = community.session.db.execute("SELECT max(id) FROM teams").fetchone()[0]
    teams.rename(community.session, last_team, "恢复之后又改的名字")   # a row of that batch
    result = publish(community.session, url, None, KEY)

    assert result.full
    assert_equal(street_db.admin_url, community)


def test_two_publishers_of_one_file_at_once(street_db, community):
    url = street_db.add_publisher("gaolizhuang")
    community.session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    start = threading.Barrier(2)
    outcomes: list[object] = []

    def run() -> None:
        opened = open_file(community.path, lambda: TODAY)
        try:
            start.wait()
            outcomes.append(publish(opened.session, url, None, KEY, batch_size=20))
        except StreetServerError as error:
            outcomes.append(error)
        finally:
            opened.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    refused = [o for o in outcomes if isinstance(o, StreetServerError)]
    assert len(outcomes) == 2 and len(refused) <= 1
    assert all("另一个程序正在" in str(error) for error in refused)
    assert sum(o.full for o in outcomes if not isinstance(o, StreetServerError)) == 1
    assert_equal(street_db.admin_url, community)
