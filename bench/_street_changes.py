"""One community at work for the street bench (bench/street.py): a visit logged every second,
published at once, and the time until the street's viewer sees it.

Each community runs in a process of its own (on the street they are separate PCs; threads
would queue twenty communities' Python behind one lock and measure that instead). A change
is what 80后帮90后 saves when a helper's visit is logged: the visit, its service record and
the resident's derived fields, in one transaction. The lag runs from that commit to the
moment a viewer's query on the server returns the visit: the publish (connect, send, commit)
plus the query.
"""

from __future__ import annotations

import time
from typing import Any

VISIBLE_TIMEOUT_S = 30.0
POLL_S = 0.005


def log_visit(session: Any, pairing_id: int) -> str:
    """Log today's visit of the pair as the 80后帮90后 page does; the visit's uid."""
    from volunteer_app.services.care import pairing

    fields = {"visited_on": session.today().isoformat(), "minutes": 30, "mode": "上门"}
    visit_id, _record_id = pairing.log_visit(session, pairing_id, fields)
    return session.db.execute("SELECT uid FROM visits WHERE id = ?", [visit_id]).fetchone()[0]


def wait_visible(viewer: Any, source_uid: str, visit_uid: str) -> float:
    """perf_counter() when the viewer's query first returns the visit."""
    started = time.perf_counter()
    while True:
        row = viewer.execute("SELECT 1 FROM street.visits WHERE source_uid = %s AND uid = %s",
                             [source_uid, visit_uid]).fetchone()
        now = time.perf_counter()
        if row:
            return now
        if now - started > VISIBLE_TIMEOUT_S:
            raise RuntimeError(f"visit {visit_uid} not visible at the street after {VISIBLE_TIMEOUT_S:.0f} s")
        time.sleep(POLL_S)


def publish_now(session: Any, url: str) -> Any:
    from bench._street_world import STREET_KEY
    from volunteer_app.services.street import publish

    return publish.publish(session, url, None, STREET_KEY)


def _one_change(session: Any, community: Any, viewer: Any,
                pairing_id: int) -> tuple[float, float, float]:
    """Log, publish at once, see it at the street: (the lag, logging's and publishing's
    seconds)."""
    started = time.perf_counter()
    visit_uid = log_visit(session, pairing_id)
    committed = time.perf_counter()
    publish_now(session, community.url)
    published = time.perf_counter()
    seen = wait_visible(viewer, community.source_uid, visit_uid)
    return seen - committed, committed - started, published - committed


def work(community: Any, viewer_url: str, seconds: int, later: int, of: int,
         ready: Any, results: Any) -> None:
    """The process of one community: ``seconds`` changes a second, each published at once,
    staggered by its number within the second; then ``later`` changes left unpublished (the
    minute's worth the every-minute publish sends). Puts {"number", "lags", "log_s",
    "publish_s", "behind", "error"} on ``results``."""
    from bench._street_world import active_pairings, open_session
    from volunteer_app.services.street.server import connect

    out: dict[str, Any] = {"number": community.number, "lags": [], "log_s": [], "publish_s": [],
                           "behind": 0, "error": ""}
    session = open_session(community.path)
    waited = False
    try:
        viewer = connect(viewer_url)
        viewer.autocommit = True
        pairs = active_pairings(session, seconds + later)
        ready.wait(timeout=300)
        waited = True
        start = time.perf_counter() + 0.5 + (community.number - 1) / of   # past the barrier's release
        for second, pairing_id in enumerate(pairs[:seconds]):
            delay = start + second - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            else:
                out["behind"] += 1      # the previous change took over a second
            lag, log_s, publish_s = _one_change(session, community, viewer, pairing_id)
            out["lags"].append(lag)
            out["log_s"].append(log_s)
            out["publish_s"].append(publish_s)
        for pairing_id in pairs[seconds:]:
            log_visit(session, pairing_id)
        viewer.close()
    except Exception as error:  # noqa: BLE001 (reported in the bench's table, not a traceback)
        out["error"] = f"{type(error).__name__}: {error}"
        if not waited:
            ready.abort()           # the others need not wait for this one
    finally:
        session.db.close()
        results.put(out)
