"""居民: the residents' ledger, filtered, sorted and paged in SQL (``services.people.residents``).

Every keystroke asks again, off the GUI thread: the model's worker runs the newest query on
its own connection and drops answers to older ones, so typing stays smooth on 100,000 rows
(bench/residents_filter.py). Phones and ID numbers come masked from the service;
“显示完整号码” reveals one row, audited.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.people import residents
from ...services.permissions import Permission, PermissionDenied
from ...services.session import Session
from ..empty_hint import EmptyHint, accounts_hint
from ..ledger_actions import add_import_export_buttons
from ..paged_model import Column, Job, PagedTableModel, seek_row, yes_no
from ..reveal import add_reveal_action
from ..signals import DataSignals
from ..tables import column_widths, read_only_rows

if TYPE_CHECKING:       # the dialogs load when first opened, not with the page (its first block)
    from ..dialogs.places_dialog import PlacesDialog
    from ..dialogs.resident_dialog import ResidentDialog

WATCHED = frozenset({"residents", "places", "settings", "pairings"})   # pairs change 未覆盖
# select_resident looks this far down the table for a row the filter shows but not yet fetched


class ResidentsModel(PagedTableModel):
    """The residents matching :attr:`query`, fetched a page at a time."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent, worker_session=session)
        self.query = residents.ResidentQuery()
        lift = (self.tr("无"), self.tr("有"))
        self.columns = (
            Column("name", self.tr("姓名"), width=90),
            Column("gender", self.tr("性别"), width=50),
            Column("age", self.tr("年龄"), align_right=True, width=50),
            Column("phone", self.tr("联系电话"), width=115),
            Column("place", self.tr("小区/院落"), width=130),
            Column("community", self.tr("所属社区"), width=110),
            Column("building", self.tr("楼号"), width=60),
            Column("unit", self.tr("单元"), width=50),
            Column("room", self.tr("门牌"), width=60),
            Column("floor", self.tr("楼层"), align_right=True, width=50),
            Column("has_lift", self.tr("电梯"), display=lambda r: lift[bool(r.get("has_lift"))], width=50),
            Column("stranded", self.tr("悬空老人"), display=yes_no("stranded"), width=70),
            Column("lives_alone", self.tr("独居"), display=yes_no("lives_alone"), width=50),
            Column("risk_level", self.tr("风险等级"), width=70),
        )

    def _job(self, offset: int, limit: int, with_total: bool) -> Job:
        query = replace(self.query, sort=self.sort_key, descending=self.descending)

        def run(session: Session) -> tuple[list[dict[str, Any]], int | None]:
            rows = residents.page(session, query, offset, limit)
            if not with_total:
                return rows, None
            # A short first page is the whole answer: no need to count.
            return rows, (len(rows) if len(rows) < limit else residents.count(session, query))
        return run


class ResidentsPage(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.dialog: ResidentDialog | None = None   # the dialog opened last (tests drive it)
        self.places_dialog: PlacesDialog | None = None
        self.confirm: QInputDialog | None = None     # the archive confirmation opened last
        self.model = ResidentsModel(session, self)
        self._wanted: int | None = None             # a resident to select once their row is in
        self._build()
        self.model.reload()
        self._update_buttons()
        signals.changed.connect(self._on_data_changed)

    def _build(self) -> None:
        heading = QLabel(self.tr("居民"))
        heading.setProperty("role", "page-title")
        self.filter = QLineEdit(objectName="residents.filter")
        self.filter.setPlaceholderText(self.tr("查找：姓名、拼音首字母（如 zjg）、电话尾号或楼号"))
        self.filter.setClearButtonEnabled(True)
        self.only_stranded = QCheckBox(self.tr("只看悬空老人"), objectName="residents.only_stranded")
        self.only_seniors = QCheckBox(self.tr("只看90岁以上"), objectName="residents.only_seniors")
        self.only_alone = QCheckBox(self.tr("只看独居"), objectName="residents.only_alone")
        self.only_uncovered = QCheckBox(self.tr("只看未覆盖"), objectName="residents.only_uncovered")
        self.only_uncovered.setToolTip(self.tr("高风险和重点居民中，既没有结对帮手、也没有包户人的"))
        self.count_label = QLabel(objectName="residents.count")
        self.count_label.setProperty("role", "hint")
        # Room for a street's count from the start: a label that grows as the count does
        # would re-lay the search row (and repaint the box being typed in) at each keystroke.
        widest = self.count_label.fontMetrics().horizontalAdvance(self.tr("共 %n 人", "", 9_999_999))
        self.count_label.setMinimumWidth(widest)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        search = QHBoxLayout()
        search.addWidget(self.filter, 1)
        for box in (self.only_stranded, self.only_seniors, self.only_alone, self.only_uncovered):
            search.addWidget(box)
        search.addWidget(self.count_label)

        self.table = QTableView(objectName="residents.table")
        self.table.setModel(self.model)
        read_only_rows(self.table, QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        # No indicator, so enabling sorting asks for nothing (Qt's default indicator is column 0
        # descending, which opened the ledger sorted by name Z→A): the register's own order.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        # The scroll bar stays, so a filter that leaves a screenful or less does not narrow
        # and widen the rows (a second layout and paint of the table per keystroke).
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        column_widths(self.table, [c.width for c in self.model.columns])
        add_reveal_action(self.table, self.session, "residents", self)

        self.add_button = QPushButton(self.tr("新增"), objectName="residents.add")
        self.add_button.setProperty("primary", True)
        self.edit_button = QPushButton(self.tr("编辑"), objectName="residents.edit")
        self.archive_button = QPushButton(self.tr("归档"), objectName="residents.archive")
        # a committee that started empty sets up its communities here before its first resident
        self.places_button = QPushButton(self.tr("小区/院落…"), objectName="residents.places")
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.archive_button, self.places_button):
            button.setVisible(self.session.can(Permission.RESIDENT_WRITE))
            actions.addWidget(button)
        actions.addSpacing(24)
        add_import_export_buttons(self, self.session, "residents", actions)
        actions.addStretch(1)
        self.message = QLabel(objectName="residents.message")
        self.message.setProperty("role", "hint")
        self.message.setWordWrap(True)

        self.empty_hint = EmptyHint(self.table, self._empty_text)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(heading)
        layout.addLayout(search)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

        self.filter.textChanged.connect(self._apply_filter)
        self.only_stranded.toggled.connect(lambda on: self.model.set_query(only_stranded=on))
        self.only_seniors.toggled.connect(lambda on: self.model.set_query(only_seniors=on))
        self.only_alone.toggled.connect(lambda on: self.model.set_query(only_alone=on))
        self.only_uncovered.toggled.connect(lambda on: self.model.set_query(only_uncovered=on))
        # Lay the new rows out now rather than on the view's next timer tick, which would
        # paint the table a second time for each keystroke.
        self.model.modelReset.connect(self.table.doItemsLayout)
        self.model.modelReset.connect(self._show_count)
        self.model.modelReset.connect(self._update_buttons)
        self.model.modelReset.connect(self._select_wanted)
        self.model.rowsInserted.connect(self._select_wanted)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self._on_edit())
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.archive_button.clicked.connect(self._on_archive)
        self.places_button.clicked.connect(self._on_places)

    def show_uncovered(self) -> None:
        """The 未覆盖 list (the 工作台 opens it): every uncovered resident, whatever was typed."""
        self.filter.clear()
        for box in (self.only_stranded, self.only_seniors, self.only_alone):
            box.setChecked(False)
        self.only_uncovered.setChecked(True)

    # -- what is chosen ------------------------------------------------------------------
    def current_resident(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_data(rows[0].row()) if rows else None

    def select_resident(self, resident_id: int) -> None:
        """Select a resident's row if the current filter shows it, once the rows are in
        (fetching further pages as needed, up to :data:`..paged_model.SELECT_SEARCH_ROWS`)."""
        self._wanted = resident_id
        self._select_wanted()

    def _select_wanted(self) -> None:
        if self._wanted is not None and seek_row(self.table, self.model, self._wanted) is not None:
            self._wanted = None

    # -- slots -----------------------------------------------------------------------------
    def _apply_filter(self, text: str) -> None:
        self._wanted = None
        if text != self.model.query.text:
            self.model.set_query(text=text)

    def _empty_text(self) -> str:
        query = self.model.query
        if query.text or any(box.isChecked() for box in (
                self.only_stranded, self.only_seniors, self.only_alone, self.only_uncovered)):
            return self.tr("没有符合条件的居民。清空查找框或取消勾选试试。")
        if not self.session.can(Permission.RESIDENT_WRITE):
            return self.tr("还没有居民。居民由社区工作者登记。") + accounts_hint(self.session)
        return self.tr("还没有居民。先点“小区/院落…”建好社区和小区，再点“新增”逐个登记，"
                       "或点“导入…”把现有的 Excel 台账导进来。")

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("共 %n 人", "", self.model.total))

    def _update_buttons(self) -> None:
        chosen = self.current_resident() is not None
        self.edit_button.setEnabled(chosen)
        self.archive_button.setEnabled(chosen)

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if tables & WATCHED:
            chosen = self.current_resident()
            self.model.reload()
            if chosen:
                self.select_resident(chosen["id"])

    def _on_add(self) -> None:
        self._open_dialog(None)

    def _on_edit(self) -> None:
        chosen = self.current_resident()
        if chosen and self.session.can(Permission.RESIDENT_WRITE):
            self._open_dialog(chosen["id"])

    def _open_dialog(self, resident_id: int | None) -> None:
        from ..dialogs.resident_dialog import ResidentDialog

        try:
            self.dialog = ResidentDialog(self.session, resident_id, self)
        except PermissionDenied as error:
            QMessageBox.warning(self, self.tr("没有权限"), str(error))
            return
        self.dialog.saved.connect(self._on_saved)
        self.dialog.open()

    def _on_places(self) -> None:
        from ..dialogs.places_dialog import PlacesDialog

        self.places_dialog = PlacesDialog(self.session, self)
        self.places_dialog.open()

    def _on_saved(self, resident_id: int) -> None:
        self.select_resident(resident_id)
        self.message.setText(self.tr("已保存。"))

    def _on_archive(self) -> None:
        chosen = self.current_resident()
        if chosen is None:
            return
        self.confirm = QInputDialog(self, objectName="residents.archive_confirm")
        self.confirm.setWindowTitle(self.tr("归档居民"))
        self.confirm.setLabelText(
            self.tr("归档“%1”？归档后不在列表中显示，走访、结对和诉求记录都保留。\n归档原因：")
            .replace("%1", chosen["name"]))
        self.confirm.setOkButtonText(self.tr("归档"))
        self.confirm.setCancelButtonText(self.tr("取消"))
        self.confirm.textValueSelected.connect(lambda reason: self.archive(chosen["id"], reason))
        self.confirm.open()

    def archive(self, resident_id: int, reason: str) -> None:
        """Archive after the confirmation (tests call this with the reason they would type)."""
        try:
            residents.archive(self.session, resident_id, reason)
        except (PermissionDenied, residents.ResidentError) as error:
            QMessageBox.warning(self, self.tr("未能归档"), str(error))
            return
        self.message.setText(self.tr("已归档，历史记录保留。"))
