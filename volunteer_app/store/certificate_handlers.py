"""The 经办人 (handler) each certificate names, kept in the register beside the account that
issued it.

The two differ: the window's user, or the setting 证明经办人 when it is filled, and the command
line's ``--handler`` (the command line acts as the built-in administrator, who is no person
to name on an official paper). Certificates issued before this column stay NULL: what they
printed is not known now.
"""

from __future__ import annotations

import sqlite_utils


def m_certificate_handlers(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE certificates ADD COLUMN handler TEXT")
