"""Cells that a spreadsheet would run as a formula are written as text.

A resident named ``=HYPERLINK("http://…","点我")`` or a building ``=1+1`` must reach Excel
or WPS as the text it is, never as a live formula (CSV/formula injection). Excel, WPS and
LibreOffice start a formula at ``=``, ``+``, ``-`` or ``@``, and a leading tab or carriage
return hides one.

- CSV has no cell types, so such a cell gets the ``'`` prefix that Excel itself uses for
  "this is text". A cell that already starts with ``'`` before such a character gets one
  more, so that :func:`unguard_csv` (the importer) gives back exactly what was exported,
  and a real leading apostrophe before anything else is left alone.
- In .xlsx the cell is written as a string cell (see ``ledger_files``): no prefix.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def _prefixed(text: str) -> bool:
    """``'`` (one or more) in front of a formula start: a guard, or a guarded apostrophe."""
    return text.startswith("'") and starts_formula(text.lstrip("'"))


def guard_csv(value: Any) -> Any:
    """The CSV cell for ``value``: strings that would run get the ``'`` prefix; numbers and
    everything else pass unchanged (a negative number is a number, not a formula)."""
    if isinstance(value, str) and (starts_formula(value) or _prefixed(value)):
        return "'" + value
    return value


def unguard_csv(value: Any) -> Any:
    """The inverse of :func:`guard_csv`, for cells read from a CSV file."""
    if isinstance(value, str) and _prefixed(value):
        return value[1:]
    return value
