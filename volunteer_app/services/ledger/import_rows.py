"""What an import of a ledger (台账) is made of: the column mapping, one checked row, the preview of
a whole file, the summary of a save."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...domain.ledger_columns import FIELDS
from .ledger_files import Table

KINDS = {"residents": "居民", "volunteers": "志愿者", "tickets": "12345工单"}


SKIP, UPDATE = "skip", "update"


Progress = Callable[[int, int], None]


class ImportCancelled(Exception):
    """The user cancelled; nothing was saved."""


@dataclass
class Mapping:
    header_row: int                      # index into Table.rows
    headers: list[str]
    columns: list[str | None]            # one field key (or None: ignored) per column

    def missing(self) -> list[str]:
        return [k for k in ("name",) if k not in self.columns]


@dataclass(slots=True)   # 50,000 of them in a check: less memory, quicker to make
class RowCheck:
    number: int                          # the row number Excel shows
    cells: list[Any]
    values: dict[str, Any] = field(default_factory=dict)
    given: set[str] = field(default_factory=set)        # fields with a non-empty cell
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    existing_id: int | None = None       # the saved person this row duplicates
    duplicate_of: int | None = None      # the earlier row of the file it duplicates
    teams: list[str] = field(default_factory=list)
    team_roles: dict[str, str] = field(default_factory=dict)   # team → 队长 or 副队长, as written
    kept: str = ""                       # cells not understood, kept in 备注 (KEPT_IN_NOTES)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def is_duplicate(self) -> bool:
        return self.existing_id is not None or self.duplicate_of is not None

    @property
    def status(self) -> str:
        if self.errors:
            return "有错误"
        if self.is_duplicate:
            return "重复"
        return "有提醒" if self.warnings else "可导入"

    def duplicate_text(self) -> str:
        if self.existing_id is not None:
            return f"与已登记的人员（编号{self.existing_id}）重复"
        if self.duplicate_of is not None:
            return f"与文件第{self.duplicate_of}行重复"
        return ""

    def reasons(self, labels: dict[str, str]) -> str:
        return "；".join(f"{labels.get(k, k)}：{m}" for k, m in self.errors.items())


@dataclass
class Preview:
    kind: str
    table: Table
    mapping: Mapping
    rows: list[RowCheck]
    new_teams: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)    # about the file as a whole

    def __post_init__(self) -> None:
        """Counted once here (in the worker), so the window does not walk 50,000 rows."""
        counts = {"rows": len(self.rows), "good": 0, "duplicates": 0, "rejected": 0, "warned": 0}
        for row in self.rows:
            if row.errors:
                counts["rejected"] += 1
            elif row.is_duplicate:
                counts["duplicates"] += 1
            else:
                counts["good"] += 1
            if not row.errors and row.warnings:
                counts["warned"] += 1
        self.counts = counts

    @property
    def labels(self) -> dict[str, str]:
        return field_labels(self.kind)

    @property
    def rejected(self) -> list[RowCheck]:
        return [r for r in self.rows if r.errors]

    @property
    def duplicates(self) -> list[RowCheck]:
        return [r for r in self.rows if r.ok and r.is_duplicate]


@dataclass
class Summary:
    imported: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: int = 0
    new_teams: list[str] = field(default_factory=list)
    warnings: int = 0


def field_labels(kind: str) -> dict[str, str]:
    return {spec.key: spec.label for spec in FIELDS[kind]}
