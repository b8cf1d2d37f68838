"""The state of an active pair (``pairings.state``), apart from :mod:`.pairing`.

A query that only needs the state (coverage's 未覆盖, counted on the dashboard at start-up)
imports this rather than the pairing service, which brings in the matcher and with it numpy
and scipy: over half of the window's start-up (bench/startup.py).
"""

ACTIVE = "结对中"
