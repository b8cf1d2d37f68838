"""Columns for consent and retention (个人信息保护法 art. 13-15, 19, 28-29).

- ``residents.health_consent_by`` / ``health_consent_date``: who gave the *separate* consent
  for health information, and when; health notes are saved only with it.
- ``residents.consent_withdrawn_on``: the day the consent to visits and pairing was withdrawn.
- ``residents.purged_at`` / ``volunteers.purged_at``: when an archived person's personal data
  was anonymised after the retention period (their statistics stay).

Existing rows get empty values: a consent nobody recorded is not invented here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def m_consent_and_retention(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE residents ADD COLUMN health_consent_by TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE residents ADD COLUMN health_consent_date TEXT")
    db.execute("ALTER TABLE residents ADD COLUMN consent_withdrawn_on TEXT")
    db.execute("ALTER TABLE residents ADD COLUMN purged_at TEXT")
    db.execute("ALTER TABLE volunteers ADD COLUMN purged_at TEXT")
    # the purge looks for archived people not yet anonymised
    db.execute("CREATE INDEX residents_archived ON residents(archived_at) "
               "WHERE archived_at IS NOT NULL AND purged_at IS NULL")
    db.execute("CREATE INDEX volunteers_archived ON volunteers(archived_at) "
               "WHERE archived_at IS NOT NULL AND purged_at IS NULL")
