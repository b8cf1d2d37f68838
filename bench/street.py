"""The street office's PostgreSQL (issue 14): ``BENCH_STREET_SOURCES`` (20) community files of
``main.py demo --scale BENCH_STREET_SCALE`` (10) publishing to one throw-away server.

The files: one demo database built and cached as the other benches do
(bench/residents_filter.py's ``cached_database``), copied once per community, each copy with
a source uid and community uids and names of its own (bench/_street_world.py); the demo file
holds 4 communities, so the street shows 80 rows from 20 sources. Each file publishes with
its own role (row-level security on), the street reads with a viewer role. The server is the
street tests' throw-away one (tests/street_server.py) with durable commits: the tests'
unsynced settings would flatter every commit.

- first full publish: each file's first ``publish`` (every row, in batches), alone on the
  server; rows per second, and the ratio of its time to PostgreSQL's own COPY of the same
  (source_uid, tbl, uid, data) rows into a scratch table with the same primary key in the same
  run (the floor: no upsert, no batches, no reading of the file). The server's growth: the
  1st, 2nd, 10th and 20th file's figures, and the street window's query then.
- lag, published at once: for ``BENCH_STREET_SECONDS`` (30) s every community logs a visit
  once a second (staggered within the second), publishes at once and waits until a viewer's
  query sees it (bench/_street_changes.py); from the visit's commit to that query, median
  and 95th percentile. Aim: under 1 s. The twenty communities share this machine's cores
  (on the street each is its own PC), so one community alone first (10 s) shows the lag
  without the others' load on the client side.
- lag, published every minute: modelled, not waited for. A change made u seconds after a
  publish waits 60 − u s for the next one, then that publish's time; each community's
  minute of changes (60 visits) is published alone and timed until a viewer sees the last,
  and the lags are every (u = 0.5 … 59.5 s, that time) pair. Aim: within a minute and a bit.
- street query: figures.communities() over every community, as the street window opens;
  median of 7 runs. Aim (the issue is silent): 500 ms.

main() returns {"full_publish_rows_per_s", "full_publish_ratio_to_copy" (medians over the
files), "lag_median_s", "lag_p95_s", "lag_alone_median_s", "lag_minute_median_s",
"lag_minute_p95_s", "street_query_ms"}; None, with a line saying why, where no PostgreSQL
server can be started (no server binaries: ``make test`` installs them).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench._timing import timed

SCALE = int(os.environ.get("BENCH_STREET_SCALE", "10"))
SOURCES = int(os.environ.get("BENCH_STREET_SOURCES", "20"))
SECONDS = int(os.environ.get("BENCH_STREET_SECONDS", "30"))
ALONE = min(10, SECONDS)             # changes of one community while the others are idle
MINUTE = 60                          # changes in a minute, one a second
QUERY_RUNS = 7
GROWTH = (1, 2, 10, 20)
AIMS = {"lag_median_s": 1.0, "lag_p95_s": 1.0, "lag_alone_median_s": 1.0, "lag_minute_median_s": 61.0,
        "lag_minute_p95_s": 61.0, "street_query_ms": 500.0}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- the full publishes ------------------------------------------------------------------------

def _copy_floor(admin: Any, rows: list[tuple[str, str, str, str]]) -> float:
    """Seconds for PostgreSQL's COPY of ``rows`` into the scratch table, committed."""
    started = time.perf_counter()
    with admin.cursor() as cur, cur.copy("COPY bench_copy (source_uid, tbl, uid, data) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    admin.commit()
    return time.perf_counter() - started


def _full_publish(street: Any, community: Any, today: date) -> dict[str, Any]:
    from bench._street_changes import publish_now
    from bench._street_world import open_session, published_rows

    session = open_session(community.path)
    try:
        result, seconds = timed(publish_now, session, community.url)
        rows, read_s = timed(published_rows, session, today)
    finally:
        session.db.close()
    copy_s = _copy_floor(street.admin, rows)
    return {"rows": len(rows), "sent": result.sent, "full": result.full, "seconds": seconds,
            "rows_per_s": len(rows) / seconds, "copy_s": copy_s, "ratio": seconds / copy_s, "read_s": read_s}


def street_query_ms(street: Any, today: date) -> tuple[float, int]:
    """figures.communities() on the viewer's connection: (median ms, communities shown)."""
    from volunteer_app.services.street import figures

    times, shown = [], 0
    for _ in range(QUERY_RUNS):
        rows, seconds = timed(figures.communities, street.viewer, today)
        times.append(seconds * 1000)
        shown = len(rows)
    return statistics.median(times), shown


def full_publishes(street: Any, communities: list[Any], today: date) -> list[dict[str, Any]]:
    results = []
    for community in communities:
        figures = _full_publish(street, community, today)
        if community.number in GROWTH or community.number == len(communities):
            figures["query_ms"], figures["shown"] = street_query_ms(street, today)
        results.append(figures)
        how = "full" if figures["full"] else "from the outbox"
        print(f"  file {community.number:>2}: {figures['rows']:,} rows ({figures['sent']:,} sent, {how}) "
              f"in {figures['seconds']:.1f} s", flush=True)
    return results


# -- the lags ----------------------------------------------------------------------------------

def lags_at_once(street: Any, communities: list[Any], seconds: int, later: int) -> list[dict[str, Any]]:
    """The communities' processes at work at once (bench/_street_changes.py): ``seconds``
    changes published at once, then ``later`` left unpublished; their results."""
    import multiprocessing

    from bench._street_changes import work

    ctx = multiprocessing.get_context("spawn")     # no fork of a process that holds Qt
    ready, results = ctx.Barrier(len(communities)), ctx.Queue()
    workers = [ctx.Process(target=work, args=(c, street.viewer_url, seconds, later, len(communities),
                                              ready, results)) for c in communities]
    for worker in workers:
        worker.start()
    out = [results.get(timeout=seconds + 600) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    return sorted(out, key=lambda r: r["number"])


def minute_publish_s(street: Any, community: Any) -> float:
    """One community's minute of changes (left unpublished by its process) published alone,
    until a viewer sees the last of them."""
    from bench._street_changes import publish_now, wait_visible
    from bench._street_world import open_session

    session = open_session(community.path)
    try:
        last = session.db.execute("SELECT uid FROM visits ORDER BY id DESC LIMIT 1").fetchone()[0]
        started = time.perf_counter()
        publish_now(session, community.url)
        return wait_visible(street.viewer, community.source_uid, last) - started
    finally:
        session.db.close()


def minute_lags(publish_times: list[float]) -> list[float]:
    """Every change's lag with publishing every minute: the wait for the next publish (a
    change a second, 0.5 … 59.5 s after the last one) plus that publish's time."""
    return [MINUTE - (second + 0.5) + p for p in publish_times for second in range(MINUTE)]


# -- the run -----------------------------------------------------------------------------------

def _print_full(full: list[dict[str, Any]]) -> None:
    print(f"{'文件':>4} {'行数':>8} {'上报 s':>7} {'行/秒':>8} {'COPY s':>7} {'倍数':>5} {'读文件 s':>8} "
          f"{'街道查询 ms':>10} {'社区数':>6}")
    for number, f in enumerate(full, 1):
        query = f"{f['query_ms']:>10.1f} {f['shown']:>6}" if "query_ms" in f else ""
        print(f"{number:>4} {f['rows']:>8,} {f['seconds']:>7.2f} {f['rows_per_s']:>8,.0f} "
              f"{f['copy_s']:>7.2f} {f['ratio']:>5.1f} {f['read_s']:>8.2f} {query}")
    base = full[0]
    print("growth against the 1st file: " + "; ".join(
        f"file {n} rows/s {full[n - 1]['rows_per_s'] / base['rows_per_s']:.2f}, "
        f"query {full[n - 1]['query_ms'] / base['query_ms']:.1f}"
        for n in GROWTH if n <= len(full) and "query_ms" in full[n - 1]))


def _joined(working: list[dict[str, Any]], name: str) -> list[float]:
    return [value for r in working for value in r[name]]


def _lag_line(title: str, working: list[dict[str, Any]], seconds: int) -> str:
    lags = _joined(working, "lags")
    behind = sum(r["behind"] for r in working)
    return (f"{title}: {len(lags)} changes from {len(working)} communities in {seconds} s; lag median "
            f"{statistics.median(lags):.3f} s, p95 {_percentile(lags, 0.95):.3f} s, worst {max(lags):.3f} s "
            f"(logging the visit {statistics.median(_joined(working, 'log_s')) * 1000:.0f} ms, publishing "
            f"{statistics.median(_joined(working, 'publish_s')) * 1000:.0f} ms, medians); {behind} changes "
            "started late (the previous took over 1 s)")


def _print_lags(alone: list[dict[str, Any]], working: list[dict[str, Any]], minute: list[float]) -> None:
    print(_lag_line("published at once, one community alone", alone, ALONE))
    print(_lag_line("published at once, every community", working, SECONDS))
    for r in alone + working:
        if r["error"]:
            print(f"  community {r['number']}: {r['error']}")
    print(f"published every minute (modelled: wait for the next minute + a minute's {MINUTE} changes "
          f"published alone): publish {statistics.median(minute):.2f} s median, {max(minute):.2f} s worst")


def _headline(full: list[dict[str, Any]], alone: list[dict[str, Any]], working: list[dict[str, Any]],
              minute: list[float], query_ms: float) -> dict[str, float]:
    waits, lags = minute_lags(minute), _joined(working, "lags")
    return {"full_publish_rows_per_s": round(statistics.median(f["rows_per_s"] for f in full)),
            "full_publish_ratio_to_copy": round(statistics.median(f["ratio"] for f in full), 1),
            "lag_median_s": round(statistics.median(lags), 3), "lag_p95_s": round(_percentile(lags, 0.95), 3),
            "lag_alone_median_s": round(statistics.median(_joined(alone, "lags")), 3),
            "lag_minute_median_s": round(statistics.median(waits), 1),
            "lag_minute_p95_s": round(_percentile(waits, 0.95), 1), "street_query_ms": round(query_ms, 1)}


def main() -> dict[str, Any] | None:
    from bench._street_world import community_files, missing_server, running_street
    from bench.residents_filter import cached_database

    reason = missing_server()
    if reason:
        print(f"bench.street skipped: no PostgreSQL server to start here. {reason}")
        return None
    today, template = date.today(), cached_database(SCALE)
    print(f"{SOURCES} community files of demo --scale {SCALE}, one throw-away PostgreSQL", flush=True)
    with tempfile.TemporaryDirectory() as tmp, running_street() as street:
        communities = [street.publisher(c) for c in community_files(template, SOURCES, Path(tmp))]
        full = full_publishes(street, communities, today)
        alone = lags_at_once(street, communities[:1], ALONE, 0)
        working = lags_at_once(street, communities, SECONDS, MINUTE)
        minute = [minute_publish_s(street, c) for c in communities]
        query_ms, shown = street_query_ms(street, today)
    failed = [f"community {r['number']}: {r['error']}" for r in alone + working if not r["lags"]]
    if failed:
        raise RuntimeError("a community published nothing: " + "; ".join(failed))
    _print_full(full)
    _print_lags(alone, working, minute)
    figures = _headline(full, alone, working, minute, query_ms)
    print(f"street query over {shown} communities of {SOURCES} files: {query_ms:.1f} ms "
          f"(median of {QUERY_RUNS})")
    print(", ".join(f"{key} {value}" + (f" ({'ok' if value < AIMS[key] else 'over'} the aim of "
                                        f"{AIMS[key]:g})" if key in AIMS else "")
                    for key, value in figures.items()))
    return figures


if __name__ == "__main__":
    main()
