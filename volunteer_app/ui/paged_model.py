"""A table model over an SQL query that filters, sorts and pages in SQLite.

Nothing loads every row: the model asks for the row count and the first page of
:data:`PAGE_SIZE` rows, then fetches further pages as the view scrolls
(``canFetchMore``/``fetchMore``). Sorting and filtering change the query and reset the model.

A model given a session in ``worker_session`` runs its queries off the GUI thread
(:class:`~.query_worker.QueryWorker`): ``reload`` returns at once, the rows arrive later
(``modelReset``; ``loading`` is true until then), and an answer to a query that has since
been replaced is dropped. Without one, or on an in-memory database, the queries run in
place, as the older pages do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ..services.session import Session
from .query_worker import QueryWorker

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

PAGE_SIZE = 200
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 2
# Plain ints: compared for every cell painted, where the enum's lookups add up.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_BY_ROW = frozenset({int(SORT_ROLE), int(ROW_ID_ROLE)})

Index = QModelIndex | QPersistentModelIndex
Rows = list[dict[str, Any]]
Cells = list[list[str]]
# A query for the worker: given a session, the rows of one page and (if asked) the total.
Job = Callable[[Session], tuple[Rows, int | None]]


@dataclass(frozen=True)
class Column:
    key: str                                   # the sort key the service understands
    title: str
    display: Callable[[dict[str, Any]], str] | None = None
    align_right: bool = False
    width: int = 90


class PagedTableModel(QAbstractTableModel):
    """Subclasses give ``columns`` and either ``_job`` (off-thread capable: the query as a
    function of a session) or ``_count`` and ``_page`` (on the GUI thread's session)."""

    columns: Sequence[Column] = ()
    query: Any = None           # the filters as a frozen dataclass, for models that use set_query

    def __init__(self, parent: QObject | None = None, worker_session: Session | None = None):
        super().__init__(parent)
        self._rows: Rows = []
        self._cells: Cells = []         # each row's display text, column by column
        self._total = 0
        self.sort_key = "id"
        self.descending = False
        self._session = worker_session
        self._waiting: int | None = None      # the worker request whose answer is wanted
        self._waiting_for = ""                 # "reload" or "more"
        self._worker: QueryWorker | None = None
        if worker_session is not None:
            worker = QueryWorker(worker_session, self)
            if worker.available:
                self._worker = worker
                worker.answers.ready.connect(self._on_answer)
                self.destroyed.connect(lambda *_: worker.close())

    # -- to implement -------------------------------------------------------------------
    def _count(self) -> int:
        raise NotImplementedError

    def _page(self, offset: int, limit: int) -> Rows:
        raise NotImplementedError

    def _job(self, offset: int, limit: int, with_total: bool) -> Job:
        """The query for rows ``offset``… as a function of the session that runs it.

        Off-thread models override this and must capture their query by value here, since
        the job runs later on the worker. The default runs ``_page``/``_count`` in place."""
        def in_place(_session: Session) -> tuple[Rows, int | None]:
            total = self._count() if with_total else None
            return (self._page(offset, limit) if total is None or total else []), total
        return in_place

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Run the query again from the first page (after a filter, sort or data change)."""
        self._ask(self._job(0, PAGE_SIZE, True), "reload")

    @property
    def loading(self) -> bool:
        """True while a reload's answer is awaited (the rows shown are the previous query's)."""
        return self._waiting is not None and self._waiting_for == "reload"

    @property
    def total(self) -> int:
        """Rows matching the query, fetched or not."""
        return self._total

    def row_data(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def row_of(self, row_id: int) -> int | None:
        """The row showing ``row_id`` among those fetched so far."""
        return next((i for i, row in enumerate(self._rows) if row.get("id") == row_id), None)

    def set_query(self, **changes: Any) -> None:
        """Change some fields of ``query`` (a subclass's frozen dataclass of filters) and reload."""
        self.query = replace(self.query, **changes)
        self.reload()

    def close(self) -> None:
        """Stop the worker thread (the model's destruction does this too)."""
        if self._worker is not None:
            self._worker.close()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._waiting is None and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._waiting is not None:
            return
        self._ask(self._job(len(self._rows), PAGE_SIZE, False), "more")

    def _ask(self, job: Job, purpose: str) -> None:
        shown = self._shown()       # by value: the worker thread must not hold the model

        def with_cells(session: Session) -> tuple[Rows, int | None, Cells]:
            rows, total = job(session)
            return rows, total, _display_cells(shown, rows)
        if self._worker is None:
            self._answer(purpose, with_cells(self._session))    # type: ignore[arg-type]
            return
        self._waiting, self._waiting_for = self._worker.submit(with_cells), purpose

    def _shown(self) -> list[tuple[Callable[[dict[str, Any]], str] | None, str]]:
        """Each column's display function and key. The functions run on the worker thread,
        so they are plain functions of the row: no bound method of the model."""
        return [(column.display, column.key) for column in self.columns]

    def _on_answer(self, number: int, result: Any) -> None:
        if number != self._waiting:
            return                      # the answer to a query since replaced
        self._waiting = None
        if isinstance(result, Exception):
            raise result                # as if the query had run here: the app's error handler
        self._answer(self._waiting_for, result)

    def _answer(self, purpose: str, result: tuple[Rows, int | None, Cells]) -> None:
        rows, total, cells = result
        if purpose == "reload":
            self.beginResetModel()
            self._rows, self._cells, self._total = rows, cells, total or 0
            self.endResetModel()
            return
        if not rows:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._cells.extend(cells)
        self.endInsertRows()

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for seven roles of every painted cell (a screenful is ~2,500 calls per
        # repaint): the text is ready-made, and the roles no column answers cost a compare.
        if role == _DISPLAY:
            row = index.row()               # -1 for an invalid index
            return self._cells[row][index.column()] if 0 <= row < len(self._cells) else None
        if role == _ALIGNMENT:
            return _RIGHT if index.isValid() and self.columns[index.column()].align_right else None
        if role not in _BY_ROW or not 0 <= index.row() < len(self._rows):
            return None
        row_data = self._rows[index.row()]
        return row_data.get(self.columns[index.column()].key) if role == SORT_ROLE else row_data.get("id")

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


def _display_cells(shown: Sequence[tuple[Callable[[dict[str, Any]], str] | None, str]],
                   rows: Rows) -> Cells:
    """The text of every cell of ``rows``, formatted once where the job runs (the worker
    thread, for a model that has one) rather than on the GUI thread at every paint."""
    return [[display(row) if display else _text(row.get(key)) for display, key in shown]
            for row in rows]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def yes_no(key: str) -> Callable[[dict[str, Any]], str]:
    """A column that shows 是 for a true flag and nothing otherwise."""
    yes = QCoreApplication.translate("PagedTableModel", "是")
    return lambda row: yes if row.get(key) else ""


# How far down a filter's rows a page looks for a row it was asked to select.
SELECT_SEARCH_ROWS = 5000


def seek_row(table: QTableView, model: PagedTableModel, row_id: int) -> bool | None:
    """Select the row of ``row_id`` in ``table`` once ``model``'s rows are in, fetching further
    pages as needed (up to :data:`SELECT_SEARCH_ROWS`). True: selected; None: still looking
    (call again when rows arrive); False: the current filter does not show it."""
    if model.loading:
        return None
    row = model.row_of(row_id)
    if row is not None:
        table.selectRow(row)
        table.scrollTo(model.index(row, 0))
        return True
    if model.canFetchMore() and model.rowCount() < SELECT_SEARCH_ROWS:
        model.fetchMore()                   # the answer comes back as rowsInserted
        return None
    if model.rowCount() >= SELECT_SEARCH_ROWS or model.total <= model.rowCount():
        return False
    return None
