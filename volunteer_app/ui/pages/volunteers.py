"""志愿者与队伍: the teams on the left, the volunteers' ledger on the right.

Choosing a team shows only its members, and the team buttons (设为队长, 移出队伍) act in
that team. The volunteer table pages in SQL through ``services.people.volunteers``; phones come
masked from the service (the dialog shows the full number to whoever edits it).

Nothing is queried on the GUI thread: the volunteers page on their model's query worker and
the teams with their sizes come from the background runner (:mod:`..page_load`), so the page
opens at once on a street's 7,000 volunteers; a team or volunteer to select is chosen once
its row is in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.people import teams, volunteers
from ...services.permissions import Permission, PermissionDenied
from ...services.session import Session
from ..dialogs.team_dialog import JoinTeamDialog, TeamNameDialog
from ..empty_hint import EmptyHint, accounts_hint
from ..forms import push_button
from ..ledger_actions import add_import_export_buttons
from ..page_load import PageLoad
from ..paged_model import ROW_ID_ROLE, Column, Job, PagedTableModel, seek_row, yes_no
from ..permissions import show_for
from ..reveal import add_reveal_action
from ..signals import DataSignals
from ..tables import Selection, column_widths, read_only_rows

if TYPE_CHECKING:   # loads when first opened, not with the page (hours, stars, certificates)
    from ..dialogs.volunteer_dialog import VolunteerDialog

WATCHED = frozenset({"volunteers", "teams", "team_members", "settings"})
# select_volunteer looks this far down the table for a row the filter shows but not yet fetched
Index = QModelIndex | QPersistentModelIndex


class VolunteersModel(PagedTableModel):
    """The volunteers matching :attr:`query`, fetched a page at a time."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent, worker_session=session)
        self.session = session
        self.query = volunteers.VolunteerQuery()
        self.columns = (
            Column("volunteer_no", self.tr("编号"), width=110),
            Column("name", self.tr("姓名"), width=90),
            Column("gender", self.tr("性别"), width=50),
            Column("age", self.tr("年龄"), align_right=True, width=50),
            Column("phone", self.tr("电话"), width=110),
            Column("teams", self.tr("所属队伍（角色）"), width=240),
            Column("skills", self.tr("技能"), display=lambda r: "、".join(r["skills_list"]), width=150),
            Column("availability", self.tr("可服务时间"), display=lambda r: r["availability_text"],
                   width=220),
            Column("is_staff", self.tr("社区工作者"), display=yes_no("is_staff"), width=80),
            Column("status", self.tr("状态"), width=60),
        )

    def _job(self, offset: int, limit: int, with_total: bool) -> Job:
        query = replace(self.query, sort=self.sort_key, descending=self.descending)

        def run(session: Session) -> tuple[list[dict[str, Any]], int | None]:
            rows = volunteers.page(session, query, offset, limit)
            if not with_total:
                return rows, None
            # A short first page is the whole answer: no need to count.
            return rows, (len(rows) if len(rows) < limit else volunteers.count(session, query))
        return run


def _teams(session: Session) -> tuple[int, list[dict[str, Any]]]:
    """On the runner's worker session: how many volunteers in all, and each team with its size."""
    return volunteers.count(session, volunteers.VolunteerQuery()), teams.list_teams(session)


class TeamsModel(QAbstractTableModel):
    """The first row is 全部志愿者 (no team filter); then each team with captain and size."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._rows: list[dict[str, Any]] = []
        self._headers = (self.tr("队伍"), self.tr("队长"), self.tr("人数"))
        self._load = PageLoad(self, session, _teams, self._show)

    @property
    def loading(self) -> bool:
        """The teams asked of the background runner have not come back yet."""
        return self._load.loading

    def reload(self) -> None:
        """Ask for the teams again; the model resets once they are in."""
        self._load.ask()

    def _show(self, answer: tuple[int, list[dict[str, Any]]]) -> None:
        everyone_count, team_rows = answer
        self.beginResetModel()
        everyone = {"id": None, "name": self.tr("全部志愿者"), "captain": "", "members": everyone_count}
        self._rows = [everyone, *team_rows]
        self.endResetModel()

    def team(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def row_of(self, team_id: int | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r["id"] == team_id), 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row["name"], row["captain"] or "", str(row["members"]))[index.column()]
        if role == ROW_ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.get("description") or None
        return None


class VolunteersPage(QWidget):
    def __init__(self, session: Session, signals: DataSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.dialog: QWidget | None = None      # the dialog opened last (tests drive it)
        self.teams_model = TeamsModel(session, self)
        self.model = VolunteersModel(session, self)
        self._team_wanted: int | None = None        # the team to choose once the teams are in
        self._wanted: int | None = None              # a volunteer to select once their row is in
        self._wanted_anywhere = False                # not found: clear the filters, look again
        self._build()
        self._enable_by_permission()
        self.teams_model.reload()
        self.model.reload()
        self._update_buttons()
        signals.changed.connect(self._on_data_changed)

    @property
    def loading(self) -> bool:
        """The teams or the volunteers of the current filter have not come back yet."""
        return self.teams_model.loading or self.model.loading

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        heading = QLabel(self.tr("志愿者与队伍"))
        heading.setProperty("role", "page-title")

        self.teams_view = QTableView(objectName="teams.table")
        self.teams_view.setModel(self.teams_model)
        read_only_rows(self.teams_view, Selection.SingleSelection)
        header = self.teams_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 70)
        header.resizeSection(2, 48)
        self.add_team = push_button(self.tr("新建队伍"), "teams.add")
        self.rename_team = push_button(self.tr("改名"), "teams.rename")
        team_buttons = QHBoxLayout()
        team_buttons.addWidget(self.add_team)
        team_buttons.addWidget(self.rename_team)
        team_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        teams_title = QLabel(self.tr("队伍"))
        teams_title.setProperty("role", "section-title")
        left_layout.addWidget(teams_title)
        left_layout.addWidget(self.teams_view, 1)
        left_layout.addLayout(team_buttons)

        self.filter = QLineEdit(objectName="volunteers.filter")
        self.filter.setPlaceholderText(self.tr("查找：姓名、拼音首字母（如 zjg）或电话尾号"))
        self.filter.setClearButtonEnabled(True)
        self.only_helpers = QCheckBox(self.tr("只看80后"), objectName="volunteers.only_helpers")
        self.count_label = QLabel(objectName="volunteers.count")
        self.count_label.setProperty("role", "hint")
        search = QHBoxLayout()
        search.addWidget(self.filter, 1)
        search.addWidget(self.only_helpers)
        search.addWidget(self.count_label)

        self.table = QTableView(objectName="volunteers.table")
        self.table.setModel(self.model)
        read_only_rows(self.table, Selection.SingleSelection)
        # No indicator before sorting is enabled, or Qt sorts by its default indicator (column 0
        # descending: names Z→A); so the table opens in register order, as on the 居民 page.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        column_widths(self.table, (column.width for column in self.model.columns))

        self.add_volunteer = push_button(self.tr("新增志愿者"), "volunteers.add")
        self.add_volunteer.setProperty("primary", True)
        self.edit_volunteer = push_button(self.tr("编辑"), "volunteers.edit")
        self.archive_volunteer = push_button(self.tr("归档"), "volunteers.archive")
        self.add_member = push_button(self.tr("加入队伍"), "teams.add_member")
        self.make_captain = push_button(self.tr("设为队长"), "teams.make_captain")
        self.remove_member = push_button(self.tr("移出队伍"), "teams.remove_member")
        actions = QHBoxLayout()
        for button in (self.add_volunteer, self.edit_volunteer, self.archive_volunteer):
            actions.addWidget(button)
        actions.addSpacing(24)
        for button in (self.add_member, self.make_captain, self.remove_member):
            actions.addWidget(button)
        actions.addSpacing(24)
        add_import_export_buttons(self, self.session, "volunteers", actions)
        actions.addStretch(1)
        self.message = QLabel(objectName="volunteers.message")
        self.message.setProperty("role", "hint")
        self.message.setWordWrap(True)

        self.empty_hint = EmptyHint(self.table, self._empty_text)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addLayout(search)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)

        self.teams_view.selectionModel().currentRowChanged.connect(self._on_team_chosen)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self._on_edit())
        add_reveal_action(self.table, self.session, "volunteers", self)
        self.model.modelReset.connect(self._show_count)
        self.teams_model.modelReset.connect(self._on_teams_in)
        self.model.modelReset.connect(self._select_wanted)
        self.model.rowsInserted.connect(self._select_wanted)
        self.filter.textChanged.connect(lambda text: self.model.set_query(text=text))
        self.only_helpers.toggled.connect(lambda on: self.model.set_query(only_helpers=on))
        self.add_team.clicked.connect(self._on_add_team)
        self.rename_team.clicked.connect(self._on_rename_team)
        self.add_volunteer.clicked.connect(self._on_add)
        self.edit_volunteer.clicked.connect(self._on_edit)
        self.archive_volunteer.clicked.connect(self._on_archive)
        self.add_member.clicked.connect(self._on_add_member)
        self.make_captain.clicked.connect(self._on_make_captain)
        self.remove_member.clicked.connect(self._on_remove_member)

    def _empty_text(self) -> str:
        if self.filter.text() or self.only_helpers.isChecked():
            return self.tr("没有符合条件的志愿者。清空查找框或取消勾选试试。")
        if self.current_team() is not None:
            return self.tr("这支队伍还没有队员。在左边选“全部志愿者”，选中一位，再点“加入队伍”。")
        if not self.session.can(Permission.VOLUNTEER_WRITE):
            return self.tr("还没有志愿者。志愿者由社区工作者登记。") + accounts_hint(self.session)
        return self.tr("还没有志愿者。点“新增志愿者”逐个登记，或点“导入…”把现有的 Excel 台账导进来；"
                       "队伍在左边点“新建队伍”建立。")

    def _enable_by_permission(self) -> None:
        """Hide what the role never may; a captain's team buttons follow the chosen team
        (:meth:`_update_buttons`)."""
        for button in (self.add_team, self.rename_team):
            show_for(self.session, button, Permission.TEAM_WRITE)
        for button in (self.add_volunteer, self.edit_volunteer, self.archive_volunteer):
            show_for(self.session, button, Permission.VOLUNTEER_WRITE)
        for button in (self.add_member, self.make_captain, self.remove_member):
            show_for(self.session, button, Permission.TEAM_MEMBERS)

    # -- what is chosen ----------------------------------------------------------------------
    def current_team(self) -> dict[str, Any] | None:
        """The team chosen on the left, or None for 全部志愿者."""
        index = self.teams_view.currentIndex()
        if not index.isValid():
            return None
        row = self.teams_model.team(index.row())
        return row if row["id"] is not None else None

    def current_volunteer(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_data(rows[0].row()) if rows else None

    def select_team(self, team_id: int | None) -> None:
        """Choose a team on the left (None: 全部志愿者), once the teams are in."""
        self._team_wanted = team_id
        if not self.teams_model.loading:
            self.teams_view.selectRow(self.teams_model.row_of(team_id))

    def _on_teams_in(self) -> None:
        self.teams_view.selectRow(self.teams_model.row_of(self._team_wanted))
        self._update_buttons()

    def select_volunteer(self, volunteer_id: int, anywhere: bool = False) -> None:
        """Select a volunteer's row once the current filter's rows are in (fetching further
        pages as needed, up to :data:`..paged_model.SELECT_SEARCH_ROWS`); ``anywhere``: if the filter does
        not show them, clear it and the team and look again."""
        self._wanted, self._wanted_anywhere = volunteer_id, anywhere
        self._select_wanted()

    def _select_wanted(self) -> None:
        if self._wanted is None:
            return
        found = seek_row(self.table, self.model, self._wanted)
        if found:
            self._wanted = None
        elif found is False:
            if self._wanted_anywhere and (self.filter.text() or self.model.query.team_id is not None):
                self._wanted_anywhere = False
                self.filter.clear()
                self.select_team(None)      # the new query's rows come back as modelReset
            else:
                self._wanted = None

    # -- slots -------------------------------------------------------------------------------
    def _on_team_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return                          # the teams reloading: chosen again once they are in
        team_id = self.teams_model.team(current.row())["id"]
        self._team_wanted = team_id
        if team_id != self.model.query.team_id:
            self.model.set_query(team_id=team_id)
        self._update_buttons()

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if not tables & WATCHED:
            return
        volunteer = self.current_volunteer()
        self.teams_model.reload()           # the chosen team is chosen again once they are in
        self.model.reload()
        if volunteer:
            self.select_volunteer(volunteer["id"])
        self._update_buttons()

    def _update_buttons(self) -> None:
        volunteer = self.current_volunteer()
        team = self.current_team()
        self.rename_team.setEnabled(team is not None)
        for button in (self.edit_volunteer, self.archive_volunteer):
            button.setEnabled(volunteer is not None)
        managed = bool(self._managed_team_ids())
        self.add_member.setEnabled(volunteer is not None and managed)
        self.add_member.setToolTip("" if managed else self._no_team_hint())
        own_team = team is not None and self.session.can(Permission.TEAM_MEMBERS, team["id"])
        self.make_captain.setEnabled(volunteer is not None and own_team)
        self.remove_member.setEnabled(volunteer is not None and own_team)
        if team is None:
            hint = self.tr("先在左边选一支队伍，才能设队长或移出队伍。")
        elif not own_team:
            hint = self.tr("队长只能管理自己带领的队伍。")
        else:
            hint = ""
        self.make_captain.setToolTip(hint)
        self.remove_member.setToolTip(hint)

    def _no_team_hint(self) -> str:
        if self.session.can(Permission.TEAM_WRITE):
            return self.tr("还没有队伍：先在左边点“新建队伍”。")
        return self.tr("您还没有可以管理的队伍。")

    def _managed_team_ids(self) -> list[int]:
        """The teams whose members the acting user may change (a captain: the teams they lead)."""
        return [row["id"] for row in (self.teams_model.team(r) for r in range(self.teams_model.rowCount()))
                if row["id"] is not None and self.session.can(Permission.TEAM_MEMBERS, row["id"])]

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("共 %n 人", "", self.model.total))

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.open()

    def _on_add_team(self) -> None:
        dialog = TeamNameDialog(self.session, parent=self)
        dialog.accepted.connect(lambda: self._after_team_saved(dialog))
        self._open(dialog)

    def _on_rename_team(self) -> None:
        team = self.current_team()
        if team is None:
            return
        dialog = TeamNameDialog(self.session, team, parent=self)
        dialog.accepted.connect(lambda: self._after_team_saved(dialog))
        self._open(dialog)

    def _after_team_saved(self, dialog: TeamNameDialog) -> None:
        self.select_team(dialog.saved_id)
        self._say(self.tr("已保存队伍“%1”。").replace("%1", dialog.name.text().strip()))

    def _on_add(self) -> None:
        from ..dialogs.volunteer_dialog import VolunteerDialog

        dialog = VolunteerDialog(self.session, parent=self)
        dialog.accepted.connect(lambda: self._after_volunteer_saved(dialog))
        self._open(dialog)

    def _on_edit(self) -> None:
        volunteer = self.current_volunteer()
        if volunteer is None:
            return
        # a role that may not edit volunteers sees the dialog read-only, numbers masked
        from ..dialogs.volunteer_dialog import VolunteerDialog

        dialog = VolunteerDialog(self.session, volunteer["id"], parent=self)
        dialog.accepted.connect(lambda: self._after_volunteer_saved(dialog))
        self._open(dialog)

    def _after_volunteer_saved(self, dialog: VolunteerDialog) -> None:
        if dialog.saved_id is not None:
            self.select_volunteer(dialog.saved_id, anywhere=True)
        self._say(self.tr("已保存志愿者“%1”。").replace("%1", dialog.name.text().strip()))

    def _on_archive(self) -> None:
        volunteer = self.current_volunteer()
        if volunteer is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("归档志愿者"),
                          self.tr("确定归档志愿者“%1”吗？\n归档后不再出现在名单和排班中，"
                                  "服务记录和证明都保留。").replace("%1", volunteer["name"]),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("volunteers.archive_confirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("归档"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._archive_answered(volunteer, result))
        self._open(box)

    def _archive_answered(self, volunteer: dict[str, Any], result: int) -> None:
        if result != QMessageBox.StandardButton.Yes:
            return
        self._act(lambda: volunteers.archive(self.session, volunteer["id"]),
                  self.tr("已归档志愿者“%1”。").replace("%1", volunteer["name"]))

    def _on_add_member(self) -> None:
        volunteer = self.current_volunteer()
        if volunteer is None:
            return
        team = self.current_team()
        dialog = JoinTeamDialog(self.session, volunteer, team["id"] if team else None, parent=self)
        dialog.accepted.connect(lambda: self._say(
            self.tr("%1 已加入 %2。").replace("%1", volunteer["name"])
            .replace("%2", dialog.team.currentText())))
        self._open(dialog)

    def _on_make_captain(self) -> None:
        volunteer, team = self.current_volunteer(), self.current_team()
        if volunteer is None or team is None:
            return
        self._act(lambda: teams.set_role(self.session, team["id"], volunteer["id"], "队长"),
                  self.tr("%1 现在是 %2 的队长。").replace("%1", volunteer["name"])
                  .replace("%2", team["name"]))

    def _on_remove_member(self) -> None:
        volunteer, team = self.current_volunteer(), self.current_team()
        if volunteer is None or team is None:
            return
        self._act(lambda: teams.remove_member(self.session, team["id"], volunteer["id"]),
                  self.tr("%1 已移出 %2（服务记录保留）。").replace("%1", volunteer["name"])
                  .replace("%2", team["name"]))

    def _act(self, change, done: str) -> None:
        """Run a service call; its Chinese refusal goes to the message line, not a traceback."""
        try:
            change()
        except (teams.TeamError, volunteers.VolunteerError, PermissionDenied) as error:
            self._say(str(error))
            return
        self._say(done)
