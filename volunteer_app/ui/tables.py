"""How the pages' read-only tables behave: whole rows chosen, no editing, fixed-height rows,
column widths set rather than measured (measuring to contents reads every row of a street)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ROW_HEIGHT = 28
Selection = QAbstractItemView.SelectionMode


def read_only_rows(view: QTableView, selection: Selection = Selection.ExtendedSelection) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(ROW_HEIGHT)


def column_widths(view: QTableView, widths: Iterable[int]) -> None:
    """The first columns get these widths; the last one takes the room that is left."""
    header = view.horizontalHeader()
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    header.setStretchLastSection(True)


def read_only_table(name: str, model: QAbstractItemModel, widths: Iterable[int],
                    selection: Selection = Selection.SingleSelection) -> QTableView:
    """A read-only table over ``model``, one row chosen at a time unless ``selection`` says."""
    table = QTableView(objectName=name)
    table.setModel(model)
    read_only_rows(table, selection)
    column_widths(table, widths)
    return table


def sorted_table(name: str, model: QAbstractItemModel, widths: Iterable[int],
                 selection: Selection = Selection.ExtendedSelection) -> QTableView:
    """A read-only table that sorts when a header is clicked (the model sorts, in SQL)."""
    table = read_only_table(name, model, widths, selection)
    table.setSortingEnabled(True)
    return table
