"""Finding a team, a volunteer or an account by what a person types on the command line.

The command line names things by id, full name, volunteer number or login; these are the
queries behind that, so cli holds no SQL (tests/test_architecture.py keeps it so).
"""

from __future__ import annotations

from ..session import Session


def team_id(session: Session, text: str) -> int | None:
    """A team by its id or its full name; a team named like another's id wins by name."""
    row = session.db.execute("SELECT id FROM teams WHERE name = ? OR CAST(id AS TEXT) = ? "
                             "ORDER BY name = ? DESC LIMIT 1", [text, text, text]).fetchone()
    return None if row is None else int(row[0])


def volunteer(session: Session, text: str) -> tuple[int, str] | None:
    """A volunteer's id and name, by id or volunteer number (the number wins)."""
    row = session.db.execute("SELECT id, name FROM volunteers WHERE volunteer_no = ? OR CAST(id AS TEXT) = ? "
                             "ORDER BY volunteer_no = ? DESC LIMIT 1", [text, text, text]).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def user_id(session: Session, login: str) -> int | None:
    """An account by its login, whatever its case (logins are compared without case)."""
    row = session.db.execute("SELECT id FROM users WHERE login = ? COLLATE NOCASE", [login]).fetchone()
    return None if row is None else int(row[0])


def people_counts(session: Session) -> tuple[int, int]:
    """How many residents and volunteers the file holds (what `demo` reports it built)."""
    return (session.db.execute("SELECT COUNT(*) FROM residents").fetchone()[0],
            session.db.execute("SELECT COUNT(*) FROM volunteers").fetchone()[0])
