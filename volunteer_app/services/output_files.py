"""Files the app writes for people (exports, reports, rosters): whole or not at all.

Each is written under a temporary name in the target's folder and renamed over the target
only once complete, so a full disk, a cancel or a crash half-way leaves neither a 0-byte nor
a cut-off file, and never spoils the file that was there before. The temporary name keeps
the ending (.xlsx, .csv, .pdf), because the writers choose their format by it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from ..store import partial_files
from ..store.errors import os_reason


class OutputError(OSError):
    """The file could not be written; the message is one Chinese line naming it."""


@contextlib.contextmanager
def written_whole(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on leaving without error it replaces ``path``."""
    path = Path(path)
    partial_files.remove_dead(path.parent, f"{path.stem}.partial-", path.suffix)   # a killed writer's
    tag = f"{partial_files.owner_tag()}-{secrets.token_hex(4)}"
    partial = path.with_name(f"{path.stem}.partial-{tag}{path.suffix}")
    try:
        yield partial
        if not partial.exists():
            raise OutputError(f"文件没有写成：{path}")
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def pdf_is_complete(path: Path) -> bool:
    """Qt's PDF writer ignores a failed write, so a full disk leaves a cut-off file; a whole
    PDF ends with the %%EOF marker."""
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, path.stat().st_size - 1024))
            return b"%%EOF" in handle.read()
    except OSError:
        return False


def cannot_write(path: Path | str, error: OSError) -> str:
    """One Chinese line for a file that could not be written, with the system's reason."""
    return f"无法写入 {path}：{os_reason(error)}。文件没有保存（原有的同名文件保持不变），请换一个可写的文件夹或清理磁盘空间后重试。"


__all__ = ["OutputError", "cannot_write", "pdf_is_complete", "written_whole"]
