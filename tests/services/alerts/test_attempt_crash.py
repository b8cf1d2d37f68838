"""A crash while the roll-call is being logged loses no attempt: a second process logs
attempts in a loop, printing each one once ``log_attempt`` returned (committed), and is
killed with SIGKILL mid-stream. Every attempt it reported is in the file, and each roll
entry's count equals its attempts rows: the attempt and the count were one transaction."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alert_roll_world import open_warning

ROOT = Path(__file__).resolve().parents[3]
WRITER = textwrap.dedent("""
    import sys
    from datetime import date, datetime, timedelta
    from volunteer_app.services.alerts import attempts
    from volunteer_app.services.session import Session
    from volunteer_app.store.connection import open_database

    session = Session(open_database(sys.argv[1]), today=lambda: date(2026, 11, 28))
    rolls = [int(r) for r in sys.argv[2].split(",")]
    results = [("未接通", []), ("未接通", []), ("未接通", []), ("平安", []), ("需要帮助", ["送药"])]
    start = datetime(2026, 11, 28, 8, 0)
    for i in range(4 * 3600):
        roll_id = rolls[i % len(rolls)]
        result, needs = results[(i // len(rolls)) % len(results)]
        moment = start + timedelta(seconds=i)
        attempts.log_attempt(session, roll_id, result, needs=needs, at=moment)
        print(roll_id, moment.isoformat(), flush=True)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_killing_the_writer_loses_no_reported_attempt(demo_session, tmp_path):
    warning = open_warning(demo_session, residents=8)
    path = demo_session.path
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, path, ",".join(map(str, warning.roll_ids))],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    reported = []
    try:
        for line in writer.stdout:
            reported.append(tuple(line.split()))
            if len(reported) == 150:
                break
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        leftover, errors = writer.stdout.read(), writer.stderr.read()
        writer.stdout.close()
        writer.stderr.close()
    reported += [tuple(line.split()) for line in leftover.splitlines() if line.strip()]
    assert writer.returncode == -signal.SIGKILL and len(reported) >= 150, errors[-2000:]

    db = demo_session.db
    stored = {(str(roll_id), at) for roll_id, at in db.execute("SELECT roll_id, at FROM alert_attempts")}
    assert set(reported) <= stored                     # nothing reported as logged was lost
    assert len(stored) - len(reported) in (0, 1)       # at most the one committed before its print
    counts = list(db.execute(
        "SELECT r.id, r.attempts, (SELECT COUNT(*) FROM alert_attempts a WHERE a.roll_id = r.id) "
        "FROM alert_roll r WHERE r.alert_id = ?", [warning.alert_id]))
    assert all(count == rows for _, count, rows in counts), counts
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_failure_after_the_attempt_row_keeps_nothing(demo_session):
    """The deterministic half: the roll entry's update fails after the attempt row was
    written (a trigger stands in for the crash), and the attempt row is gone with it."""
    import sqlite3

    from volunteer_app.services.alerts import attempts
    from volunteer_app.store.errors import StoreError

    warning = open_warning(demo_session, residents=2)
    demo_session.db.execute("CREATE TEMP TRIGGER fail_roll BEFORE UPDATE ON alert_roll "
                            "BEGIN SELECT RAISE(ABORT, 'simulated crash'); END")
    with pytest.raises((sqlite3.Error, StoreError)):
        attempts.log_attempt(demo_session, warning.roll_ids[0], "平安")
    demo_session.db.execute("DROP TRIGGER fail_roll")
    assert demo_session.db.execute("SELECT COUNT(*) FROM alert_attempts").fetchone()[0] == 0
    assert demo_session.row("alert_roll", warning.roll_ids[0])["attempts"] == 0
