"""The one stopwatch of the benchmarks: a call's value and how long it took."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def timed(fn: Callable[..., T], *args: Any, repeat: int = 1) -> tuple[T, float]:
    """``fn(*args)``'s value and the best seconds of ``repeat`` runs (repeat only read-only
    work: each run's value is the same, the last is returned)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        value = fn(*args)
        best = min(best, time.perf_counter() - started)
    return value, best
