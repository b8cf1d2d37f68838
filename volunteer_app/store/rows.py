"""Small helpers shared by the store: new uids, timestamps, JSON columns."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any


def new_uid() -> str:
    return str(uuid.uuid4())


def now_text() -> str:
    """The current local time as ISO text, to the second."""
    return datetime.now().replace(microsecond=0).isoformat()


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def from_json(text: str | None, default: Any = None) -> Any:
    if not text:
        return default
    return json.loads(text)
