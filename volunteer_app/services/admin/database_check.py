"""The `check` command's use case: is the file sound, current, and its audit log whole?

It opens the file without migrating (a check must not change what it checks), so it takes
a path rather than a session; the command line reports the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...store import audit_chain, maintenance
from ...store.audit_chain import ChainReport
from ...store.connection import open_database
from ...store.maintenance import CheckReport
from ...store.person_communities import people_without_community


@dataclass(frozen=True)
class DatabaseCheck:
    report: CheckReport
    # Current residents and volunteers with no community: (table, id, name); a warning.
    without_community: list[tuple[str, int, str]]
    # None when the file is not at this program's version (the chain is checked after upgrade).
    chain: ChainReport | None


def check(path: Path) -> DatabaseCheck:
    db = open_database(path, migrate=False, verify=False)  # a damaged file is reported, not refused
    try:
        report = maintenance.check(db, str(path))
        homeless = people_without_community(db) if report.integrity == "ok" else []
        chain = audit_chain.verify(db) if report.schema_version == report.expected_version else None
    finally:
        db.close()
    return DatabaseCheck(report, homeless, chain)


__all__ = ["ChainReport", "CheckReport", "DatabaseCheck", "check"]
