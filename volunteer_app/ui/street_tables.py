"""The street window's tables: the columns of the communities, of a community's teams month by
month, and of the volunteers across communities (ui/street_window.py shows them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

from ..domain.stars import stars_symbols, stars_text
from ..services.street.figures import CommunityFigures, CommunityMonths, VolunteerTotal
from .list_model import Field, ListTableModel
from .paged_model import SORT_ROLE
from .tables import read_only_table

Row = dict[str, Any]
# A community that has not published for this long is shown in red: its figures are old.
STALE = timedelta(hours=24)
HASH_SHOWN = 12         # the first characters of the ID hash: enough to tell people apart


def _hours(value: float) -> str:
    return f"{value:g}"


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _roll(row: Row) -> str:
    if not row["roll_total"]:
        return "—"
    return f"{row['roll_reached']}/{row['roll_total']}"


def _published(row: Row) -> str:
    at: datetime | None = row["last_published"]
    return at.astimezone().strftime("%m-%d %H:%M") if at else QCoreApplication.translate("StreetTables", "从未上报")


def _number(title: str, key: str, text=str) -> Field:
    return Field(title, lambda r: text(r[key]), raw=lambda r: r[key], align_right=True)


def _rate_field(title: str, key: str) -> Field:
    # no rate sorts below every rate
    return Field(title, lambda r: _rate(r[key]), raw=lambda r: -1 if r[key] is None else r[key],
                 align_right=True)


def community_fields() -> list[Field]:
    return [
        Field(QCoreApplication.translate("StreetTables", "社区"), lambda r: r["name"]),
        _number(QCoreApplication.translate("StreetTables", "90岁以上"), "residents_90_plus"),
        _number(QCoreApplication.translate("StreetTables", "悬空老人"), "xuankong"),
        _number(QCoreApplication.translate("StreetTables", "未覆盖"), "uncovered"),
        _number(QCoreApplication.translate("StreetTables", "探访逾期"), "late_visits"),
        _number(QCoreApplication.translate("StreetTables", "本月时长"), "hours_this_month", _hours),
        _number(QCoreApplication.translate("StreetTables", "在册志愿者"), "active_volunteers"),
        Field(QCoreApplication.translate("StreetTables", "预警点名"), _roll, raw=lambda r: r["roll_total"] - r["roll_reached"],
              align_right=True),
        _rate_field(QCoreApplication.translate("StreetTables", "响应率"), "response_rate"),
        _rate_field(QCoreApplication.translate("StreetTables", "解决率"), "resolution_rate"),
        _rate_field(QCoreApplication.translate("StreetTables", "满意率"), "satisfaction_rate"),
        Field(QCoreApplication.translate("StreetTables", "上次上报"), _published,
              raw=lambda r: r["last_published"].timestamp() if r["last_published"] else 0),
    ]


COMMUNITY_WIDTHS = (150, 76, 76, 66, 76, 80, 86, 80, 70, 70, 70)


def community_rows(figures: Sequence[CommunityFigures]) -> list[Row]:
    return [{**asdict(f), "id": f.uid} for f in figures]


_RED = QColor("#b3261e")
PUBLISHED_COLUMN = 11


def stale_colour(row: Row, column: int, now: datetime | None) -> QBrush | None:
    """Red text for the 上次上报 of a community silent for a day or more (by the server's clock)."""
    if column != PUBLISHED_COLUMN or now is None:
        return None
    at = row["last_published"]
    return QBrush(_RED) if at is None or now - at > STALE else None


def month_fields(months: Sequence[str]) -> list[Field]:
    fields = [Field(QCoreApplication.translate("StreetTables", "队伍"), lambda r: r["name"])]
    for i, month in enumerate(months):
        fields.append(Field(month, lambda r, i=i: _hours(r["hours"][i]) if r["hours"][i] else "",
                            raw=lambda r, i=i: r["hours"][i], align_right=True))
    fields.append(Field(QCoreApplication.translate("StreetTables", "合计"), lambda r: _hours(round(sum(r["hours"]), 2)),
                        raw=lambda r: sum(r["hours"]), align_right=True))
    return fields


def month_rows(months: CommunityMonths) -> list[Row]:
    return [{"id": t.uid, "name": t.name, "hours": t.hours} for t in months.teams]


def volunteer_fields() -> list[Field]:
    return [
        Field(QCoreApplication.translate("StreetTables", "身份证号摘要"), lambda r: r["id_hash"][:HASH_SHOWN], raw=lambda r: r["id_hash"]),
        _number(QCoreApplication.translate("StreetTables", "累计时长"), "hours", _hours),
        _number(QCoreApplication.translate("StreetTables", "计星时长"), "star_hours", _hours),
        _number(QCoreApplication.translate("StreetTables", "服务社区数"), "communities"),
        Field(QCoreApplication.translate("StreetTables", "星级"), lambda r: f"{stars_symbols(r['star_level'])} {stars_text(r['star_level'])}",
              raw=lambda r: r["star_hours"]),
    ]


def volunteer_rows(totals: Sequence[VolunteerTotal]) -> list[Row]:
    return [{**asdict(v), "id": v.id_hash} for v in totals]


def sorting_table(name: str, model: ListTableModel, widths: Sequence[int]) -> QTableView:
    """A read-only table over ``model`` that sorts by the fields' raw values on a header click."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = read_only_table(name, proxy, widths)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)     # the service's order until a click
    return table
