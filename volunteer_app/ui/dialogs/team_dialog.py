"""Small team dialogs: name a team (新建/改名), and put a volunteer into a team with a role.

Both call ``services.people.teams`` on accept and show the service's Chinese message beside the
field when it refuses (a duplicate name, a volunteer already in the team), so the person
keeps what they typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.people import teams
from ...services.permissions import Permission, PermissionDenied
from ...services.session import Session
from ...store.row_versions import StaleRecord
from ..forms import error_label, save_cancel_buttons


def _buttons(dialog: QDialog, name: str, save_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    return save_cancel_buttons(dialog, name, save_text, QCoreApplication.translate("TeamDialogs", "取消"))


class TeamNameDialog(QDialog):
    """新建队伍 when ``team`` is None, otherwise 改名 for that team row."""

    NAME = "team_dialog"

    def __init__(self, session: Session, team: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.team = team
        self.saved_id: int | None = None
        self.setObjectName(self.NAME)
        self.setWindowTitle(self.tr("新建队伍") if team is None else self.tr("队伍改名"))
        self.name = QLineEdit(team["name"] if team else "", objectName=f"{self.NAME}.name")
        self.name.setPlaceholderText(self.tr("例如 高立庄夕阳红志愿服务队"))
        self.description = QLineEdit(team.get("description", "") if team else "",
                                     objectName=f"{self.NAME}.description")
        self.error = error_label(self.NAME)
        form = QFormLayout()
        form.addRow(self.tr("队伍名称 *"), self.name)
        form.addRow(self.tr("简介"), self.description)
        form.addRow("", self.error)
        buttons, self.save_button = _buttons(self, self.NAME, self.tr("保存"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.name.textChanged.connect(self._on_name_changed)
        self._on_name_changed(self.name.text())

    def _on_name_changed(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()))
        self.error.hide()

    def accept(self) -> None:
        try:
            if self.team is None:
                self.saved_id = teams.create(self.session, self.name.text(),
                                             description=self.description.text())
            else:
                teams.rename(self.session, self.team["id"], self.name.text(), self.description.text(),
                             version=self.team.get("row_version"))
                self.saved_id = self.team["id"]
        except (teams.TeamError, PermissionDenied, StaleRecord) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()


class JoinTeamDialog(QDialog):
    """加入队伍: the chosen volunteer joins a team with a role (队员 by default)."""

    NAME = "join_team_dialog"

    def __init__(self, session: Session, volunteer: dict, team_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.volunteer = volunteer
        self.setObjectName(self.NAME)
        self.setWindowTitle(self.tr("加入队伍"))
        self.team = QComboBox(objectName=f"{self.NAME}.team")
        for row in teams.list_teams(session):
            if session.can(Permission.TEAM_MEMBERS, row["id"]):   # a captain: own teams only
                self.team.addItem(row["name"], row["id"])
        if team_id is not None and self.team.findData(team_id) >= 0:
            self.team.setCurrentIndex(self.team.findData(team_id))
        self.role = QComboBox(objectName=f"{self.NAME}.role")
        for role in reversed(teams.ROLES):      # 队员 first: the usual case
            self.role.addItem(role, role)
        self.error = error_label(self.NAME)
        form = QFormLayout()
        form.addRow(self.tr("志愿者"), QLabel(volunteer["name"]))
        form.addRow(self.tr("队伍"), self.team)
        form.addRow(self.tr("队内角色"), self.role)
        form.addRow("", self.error)
        buttons, self.save_button = _buttons(self, self.NAME, self.tr("加入"))
        self.save_button.setEnabled(self.team.count() > 0)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        try:
            teams.add_member(self.session, self.team.currentData(), self.volunteer["id"],
                             self.role.currentData())
        except (teams.TeamError, PermissionDenied, StaleRecord) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()
