"""Files whose writing must be in the audit log (a full export, the audit log's own export):
both or neither.

The entry is written first, inside the transaction, so a database that cannot take it
(read-only file or folder, full disk) refuses before any file exists; a commit that fails
after the file was written takes the file away again. Otherwise a read-only database gave
out a file of full ID numbers and phones with no trace of who took it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .session import Session


def write_audited(session: Session, path: Path | str, write: Callable[[], Any], *, action: str,
                  entity: str, after: dict[str, Any] | None, detail: str) -> None:
    written = False
    try:
        with session.write("audit_log"):
            session.audit(action, entity, None, None, after, detail)
            write()
            written = True
    except BaseException:
        if written:
            with contextlib.suppress(OSError):
                Path(path).unlink()
        raise
