"""The session: one database and the acting user. Every service call goes through one.

Writes happen in :meth:`Session.write`, which checks nothing by itself but opens the
transaction in which the change and its audit entry are saved together, then tells the
listeners (the window's models) which tables changed.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..store.connection import database_file, open_database
from ..store.transactions import transaction
from .permissions import ROLE_NAMES, TEAM_SCOPED, Permission, PermissionDenied, Role, allowed

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class Actor:
    """Who is acting. A captain's ``team_ids`` are the teams they lead."""

    user_id: int | None
    name: str
    role: Role
    team_ids: frozenset[int] = field(default_factory=frozenset)
    login: str = ""


# The command line (and scripts from the task scheduler) act as this built-in administrator;
# the window acts as the user who logged in (services/admin/users.authenticate).
BUILTIN_ADMIN = Actor(user_id=None, name="系统管理员", role=Role.SYSTEM)

ChangeListener = Callable[[frozenset[str]], None]


class Session:
    def __init__(self, db: sqlite_utils.Database, actor: Actor = BUILTIN_ADMIN,
                 today: Callable[[], date] = date.today):
        self.db = db
        self.actor = actor
        self._today = today
        self._listeners: list[ChangeListener] = []
        self._pending: set[str] = set()
        self._depth = 0
        # The database file, asked once here on the session's own thread (None in memory): a
        # worker opens its own session on it. A restore reopens ``db`` on the same file.
        self.path: str | None = database_file(db)
        # Which opening of the file the session is on: a restore opens it again, and a
        # worker's long-lived reader (ui/query_worker.py) then reopens too, since a file
        # replaced whole leaves an open connection reading the old one.
        self.generation = 0
        self._file_closed = False

    def close_for_restore(self) -> None:
        """Close the connection before a restore replaces the file. Until :meth:`reopen`
        nobody is told of a change (a job that ends meanwhile), since every listener reads
        through ``db``: :meth:`reopen` tells them all tables changed anyway."""
        self._file_closed = True
        self.db.close()

    def reopen(self) -> None:
        """Open the file again after a restore replaced it and tell every listener that all
        tables changed. Raises StoreError when the file cannot be opened; the session then
        stays closed and silent."""
        self.generation += 1
        self.db = open_database(self.path or ":memory:")
        self._file_closed = False
        self.announce(self.db.table_names())

    # -- time ---------------------------------------------------------------------------
    def today(self) -> date:
        """Today's date; tests pass a fixed clock so ages and deadlines are stable."""
        return self._today()

    def now(self) -> datetime:
        """The session's clock to the second: the real time while its day is today, or noon of
        the fixed day a test session runs on. A time saved beside the session's date comes from
        here, so the two never disagree (a certificate issued on the tests' day at the wall
        clock's time sorted wrong when a run crossed midnight)."""
        moment = datetime.now().replace(microsecond=0)
        day = self.today()
        return moment if day == moment.date() else datetime.combine(day, time(12, 0))

    # -- permissions ----------------------------------------------------------------------
    def can(self, permission: Permission, team_id: int | None = None) -> bool:
        """Whether the actor may act on a target of ``team_id``. A captain's team-scoped
        permission needs the target's team and fails closed: no team, no permission."""
        if not allowed(self.actor.role, permission):
            return False
        if self.actor.role == Role.CAPTAIN and permission in TEAM_SCOPED:
            return team_id is not None and team_id in self.actor.team_ids
        return True

    def holds(self, permission: Permission) -> bool:
        """Whether the role has ``permission`` for some target (a captain: for their own
        teams); for showing a button, never for allowing an action on a given target."""
        return allowed(self.actor.role, permission)

    def can_any(self, permission: Permission, team_ids: Iterable[int | None]) -> bool:
        """Whether the actor may act on a target that belongs to any of ``team_ids`` (a
        volunteer in several teams); an empty list fails closed for a captain."""
        return any(self.can(permission, team) for team in (list(team_ids) or [None]))

    def require(self, permission: Permission, team_id: int | None = None) -> None:
        self.require_any(permission, [team_id])

    def require_held(self, permission: Permission) -> None:
        """:meth:`holds` or :class:`PermissionDenied`: the role check before the target is known."""
        if not self.holds(permission):
            role = ROLE_NAMES[self.actor.role]
            raise PermissionDenied(f"{role}“{self.actor.name}”没有“{permission.value}”的权限。")

    def require_any(self, permission: Permission, team_ids: Iterable[int | None]) -> None:
        """:meth:`can_any` or :class:`PermissionDenied` saying why."""
        team_ids = [t for t in team_ids if t is not None]
        if self.can_any(permission, team_ids):
            return
        role = ROLE_NAMES[self.actor.role]
        if not allowed(self.actor.role, permission):
            raise PermissionDenied(f"{role}“{self.actor.name}”没有“{permission.value}”的权限。")
        if not team_ids:
            raise PermissionDenied(f"{role}“{self.actor.name}”只能管理自己带领的队伍，"
                                   "这一项不属于任何队伍，无权操作，请联系社区工作者。")
        raise PermissionDenied(f"{role}“{self.actor.name}”只能管理自己带领的队伍，无权操作这支队伍。")

    # -- change notification ---------------------------------------------------------------
    def subscribe(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: ChangeListener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def announce(self, tables: Iterable[str]) -> None:
        """Tell the listeners of a change committed elsewhere (by a worker session on the
        same file, or a restore), as if it had been written here."""
        self._notify(set(tables))

    def _notify(self, tables: set[str]) -> None:
        if not tables or self._file_closed:
            return
        frozen = frozenset(tables)
        for listener in list(self._listeners):
            listener(frozen)

    # -- writing ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self, *tables: str) -> Iterator[sqlite_utils.Database]:
        """A transaction for a change to ``tables``; listeners hear of it after the commit."""
        self._pending.update(tables)
        self._depth += 1
        try:
            with transaction(self.db):
                yield self.db
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._pending.clear()
            raise
        self._depth -= 1
        if self._depth == 0:
            changed, self._pending = self._pending, set()
            self._notify(changed)

    def audit(self, action: str, entity: str, entity_id: int | None,
              before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
              detail: str = "") -> None:
        """Append an audit entry; call inside :meth:`write` so it commits with the change."""
        _audit_log().write_entry(self.db, user_id=self.actor.user_id, user_name=self.actor.name,
                          action=action, entity=entity, entity_id=entity_id,
                          before=before, after=after, detail=detail)

    def row(self, table: str, row_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]))
        return rows[0] if rows else None


@functools.cache
def _audit_log() -> ModuleType:
    """store.audit, imported at the first entry: the masking and hash chain it brings (~25 ms
    of imports) are not needed before the window's first paint, which imports this module.
    Bound once: an import statement in the method would pass through PySide's import hook
    (~4 µs) at every entry, 50,000 times in a large import --update."""
    from ..store import audit

    return audit

