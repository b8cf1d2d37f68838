"""What the ``pairings`` and ``visits`` rows hold, apart from :mod:`.pairing`: the state of
an active pair and a visit's free-text columns.

The queries that need only these (coverage's 未覆盖, counted on the dashboard; the retention
purge, run at every start) import this rather than the pairing service, which brings in the
matcher and with it numpy and scipy: over half of the window's start-up (bench/startup.py).
"""

ACTIVE = "结对中"
VISIT_TEXTS = ("done", "health", "mood", "safety", "hygiene", "living", "problem")
