"""The 服务记录 page's other two tabs: 时长与星级 (each volunteer's hours this month, this year
and in all, with the star level) and 证明登记簿 (the certificate issuance register).

Both page in SQL like the records table, off the GUI thread (each model's query worker: the
standings sum a street's 325,000 records). The year's hours summary is exported from here as
PDF, Excel or CSV on a worker thread (:mod:`volunteer_app.reports.hours`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.day_text import minute_text
from ...domain.stars import stars_symbols
from ...reports.printing import PrintCancelled
from ...services.admin import settings
from ...services.hours import certificates, record_queries, reports
from ...services.hours.certificates import format_hours
from ...services.ledger.ledger_files import LedgerFileError
from ...services.permissions import Permission, PermissionDenied
from ...services.session import Session
from ..paged_model import Column, Job, PagedTableModel
from ..runner import Progress, progress_dialog, run
from ..tables import sorted_table


def _hours(key: str) -> Any:
    return lambda row: format_hours(row[key])


# domain.stars.stars_text for levels 0 to 5, for the UI language
STAR_WORDS = (QT_TRANSLATE_NOOP("StandingsModel", "未达星级"), QT_TRANSLATE_NOOP("StandingsModel", "一星级"),
              QT_TRANSLATE_NOOP("StandingsModel", "二星级"), QT_TRANSLATE_NOOP("StandingsModel", "三星级"),
              QT_TRANSLATE_NOOP("StandingsModel", "四星级"), QT_TRANSLATE_NOOP("StandingsModel", "五星级"))


def _stars(row: dict[str, Any]) -> str:
    standing = row["stars"]
    return f"{stars_symbols(standing.level)} {QCoreApplication.translate('StandingsModel', standing.text)}"


class StandingsModel(PagedTableModel):
    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent, worker_session=session)
        self.session = session
        self.query = record_queries.StandingQuery()
        self.sort_key, self.descending = "total", True
        self.columns = (
            Column("name", self.tr("姓名"), width=90),
            Column("volunteer_no", self.tr("志愿者编号"), width=120),
            Column("month", self.tr("本月时长"), display=_hours("month_hours"), align_right=True, width=80),
            Column("year", self.tr("本年时长"), display=_hours("year_hours"), align_right=True, width=80),
            Column("total", self.tr("累计时长"), display=_hours("total_hours"), align_right=True, width=80),
            Column("verified", self.tr("其中已核实"), display=_hours("verified_hours"),
                   align_right=True, width=90),
            Column("next", self.tr("距下一星级"), display=self._to_next(), align_right=True, width=100),
            Column("stars", self.tr("星级"), display=_stars, width=150),
        )

    def _to_next(self) -> Callable[[dict[str, Any]], str]:
        # a plain function of the row, with the texts translated here: it runs on the worker
        full, hours = self.tr("已满五星"), self.tr("{0} 小时")

        def to_next(row: dict[str, Any]) -> str:
            missing = row["stars"].hours_to_next
            return full if missing is None else hours.format(format_hours(missing))
        return to_next

    def _sorted(self) -> record_queries.StandingQuery:
        key = "stars" if self.sort_key == "next" else self.sort_key
        return replace(self.query, sort=key, descending=self.descending)

    def _job(self, offset: int, limit: int, with_total: bool) -> Job:
        sorted_query, query = self._sorted(), self.query      # by value: the job runs later

        def run(session: Session) -> tuple[list[dict[str, Any]], int | None]:
            rows = record_queries.standings_page(session, sorted_query, offset, limit)
            if not with_total:
                return rows, None
            return rows, (len(rows) if len(rows) < limit else record_queries.standings_count(session, query))
        return run


class RegisterModel(PagedTableModel):
    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent, worker_session=session)
        self.session = session
        self.text = ""
        self.sort_key, self.descending = "id", True
        period = self.tr("%1 至 %2")
        self.columns = (
            Column("number", self.tr("证明编号"), width=160),
            Column("volunteer", self.tr("志愿者"), display=lambda r: r["volunteer_name"], width=80),
            Column("period", self.tr("证明期间"),
                   display=lambda r: period.replace("%1", r["period_from"]).replace("%2", r["period_to"]),
                   width=190),
            Column("hours", self.tr("时长（小时）"), display=_hours("hours"), align_right=True, width=100),
            Column("issued_by", self.tr("开具人"), display=lambda r: r["issued_by_name"], width=130),
            Column("handler", self.tr("经办人"), width=90),     # as printed; blank before it was kept
            Column("issued_at", self.tr("开具时间"),
                   display=lambda r: minute_text(r["issued_at"]), width=130),
            Column("reprint", self.tr("补打"), display=self._reprint(), width=200),
        )

    def _reprint(self) -> Callable[[dict[str, Any]], str]:
        original, reprint = self.tr("原件"), self.tr("补打（原证明 {0}）")     # as _to_next
        return lambda row: reprint.format(row["reprint_of_number"]) if row["reprint_of"] else original

    def set_text(self, text: str) -> None:
        self.text = text
        self.reload()

    def _job(self, offset: int, limit: int, with_total: bool) -> Job:
        text, sort, descending = self.text, self.sort_key, self.descending

        def run(session: Session) -> tuple[list[dict[str, Any]], int | None]:
            rows = certificates.register_page(session, text, sort=sort, descending=descending,
                                              offset=offset, limit=limit)
            if not with_total:
                return rows, None
            return rows, (len(rows) if len(rows) < limit else certificates.register_count(session, text))
        return run


class _Panel(QWidget):
    """A tab that reloads when its data changed, but only once it is looked at."""

    model: PagedTableModel

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stale = False

    @property
    def loading(self) -> bool:
        """The rows asked of the model's query worker have not come back yet."""
        return self.model.loading

    def mark_stale(self) -> None:
        self.stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self.model.reload()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if self.stale:
            self.refresh()
        super().showEvent(event)


class StandingsPanel(_Panel):
    """时长与星级, with 导出 of a year's hours summary (PDF, Excel or CSV)."""

    def __init__(self, session: Session, teams: list[dict[str, Any]], parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model = StandingsModel(session, self)
        self.filter = QLineEdit(objectName="standings.filter")
        self.filter.setPlaceholderText(self.tr("志愿者：姓名、拼音首字母或编号"))
        self.filter.setClearButtonEnabled(True)
        self.team = QComboBox(objectName="standings.team")
        self.team.addItem(self.tr("全部志愿者"), None)
        for t in teams:
            self.team.addItem(t["name"], t["id"])
        self.year = QComboBox(objectName="standings.year")
        this_year = session.today().year
        for year in range(this_year, this_year - 6, -1):
            self.year.addItem(self.tr("{0}年度").format(year), year)
        self.export_button = QPushButton(self.tr("导出年度统计…"), objectName="standings.export")
        self.export_button.setToolTip(self.tr("所选年度每位志愿者的服务时长与星级：PDF（含全年按月、"
                                              "按类别合计）、Excel 或 CSV；选了队伍则只统计该队组织的服务"))
        self.export_button.setVisible(session.can(Permission.REPORT_PRINT))
        top = QHBoxLayout()
        top.addWidget(self.filter, 2)
        top.addWidget(self.team, 1)
        top.addStretch(1)
        top.addWidget(self.year)
        top.addWidget(self.export_button)
        self.table = sorted_table("standings.table", self.model, [c.width for c in self.model.columns])
        self.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        hint = QLabel(self.tr("时长不含已被更正的原记录；星级按累计已核实、计入星级的时长评定"
                              "（100、300、600、1000、1500小时为一至五星级；社区工作者工作时间内的"
                              "服务登记但不计星级）。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.message = QLabel(objectName="standings.message")
        self.message.setProperty("role", "hint")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        self.filter.textChanged.connect(lambda text: self.model.set_query(text=text))
        self.team.currentIndexChanged.connect(
            lambda _i: self.model.set_query(team_id=self.team.currentData()))
        self.export_button.clicked.connect(self._on_export)
        self.model.reload()

    def _on_export(self) -> None:
        name = self.tr("%1年度志愿服务时长统计.pdf").replace("%1", str(self.year.currentData()))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出年度统计"), name,
            self.tr("PDF文件 (*.pdf);;Excel 文件 (*.xlsx);;CSV UTF-8 (*.csv)"))
        if path:
            asyncio.ensure_future(self.export(path))

    async def export(self, path: Path | str) -> Path | None:
        path = Path(path)
        if path.suffix.lower() not in (".pdf", ".xlsx", ".csv"):
            self.message.setText(self.tr("文件名请以 .pdf、.xlsx 或 .csv 结尾。"))
            return None
        self.export_button.setEnabled(False)
        progress = progress_dialog(self, self.tr("正在导出年度统计……"))
        args = (self.year.currentData(), self.team.currentData(), path)
        try:
            saved = await run(_export_year, *args, session=self.session, writes=True,
                              progress=progress)
        except PrintCancelled:
            self.message.setText(self.tr("已取消导出。"))
            return None
        except (LedgerFileError, PermissionDenied, reports.ReportError) as error:
            self.message.setText(str(error))
            return None
        except OSError as error:
            self.message.setText(self.tr("无法写入 {0}：{1}。请换一个文件夹。").format(
                path, error.strerror or error))
            return None
        finally:
            progress.close()
            progress.deleteLater()
            self.export_button.setEnabled(True)
        self.message.setText(self.tr("已导出：{0}").format(saved))
        return saved


def _export_year(session: Session, year: int, team_id: int | None, path: Path,
                 progress: Progress) -> Path:
    from ...reports.hours import hours_report, write_hours_report

    start, end = reports.period_bounds(year)
    report = hours_report(session, start, end, team_id, whole_year=year)
    issuer = str(settings.get(session, "community.name"))
    return write_hours_report(report, path, issuer, session.today().isoformat(), on_page=progress)


class RegisterPanel(_Panel):
    """证明登记簿: every certificate issued, newest first; reprints name their original."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = RegisterModel(session, self)
        self.filter = QLineEdit(objectName="register.filter")
        self.filter.setPlaceholderText(self.tr("志愿者姓名、拼音首字母或证明编号"))
        self.filter.setClearButtonEnabled(True)
        self.table = sorted_table("register.table", self.model, [c.width for c in self.model.columns])
        self.table.horizontalHeader().setSortIndicator(5, Qt.SortOrder.DescendingOrder)
        self.count = QLabel(objectName="register.count")
        self.count.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.filter.textChanged.connect(self.model.set_text)
        self.model.modelReset.connect(self._show_count)
        self.model.reload()

    def _show_count(self) -> None:
        self.count.setText(self.tr("共 {0} 份证明（含补打）。证明在打印或保存为PDF时编号登记，"
                                   "预览不登记。").format(self.model.total))
