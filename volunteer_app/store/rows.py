"""Small helpers shared by the store: new uids, timestamps, JSON columns."""

from __future__ import annotations

import json
import os
from datetime import datetime
from typing import Any


def new_uid() -> str:
    """A new random uid, a version 4 UUID as text (made without the uuid module, whose
    import reads the platform's details: ~5 ms before the window's first paint)."""
    return new_uids(1)[0]


def new_uids(count: int) -> list[str]:
    """``count`` new uids (random, version 4 UUIDs as text), one call for the random bytes
    of all of them: for imports of 50,000 rows."""
    raw = os.urandom(16 * count).hex()
    return [f"{raw[i:i + 8]}-{raw[i + 8:i + 12]}-4{raw[i + 13:i + 16]}-"
            f"{_VARIANT[raw[i + 16]]}{raw[i + 17:i + 20]}-{raw[i + 20:i + 32]}"
            for i in range(0, 32 * count, 32)]


_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def now_text() -> str:
    """The current local time as ISO text, to the second."""
    return datetime.now().replace(microsecond=0).isoformat()


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def from_json(text: str | None, default: Any = None) -> Any:
    if not text:
        return default
    return json.loads(text)
