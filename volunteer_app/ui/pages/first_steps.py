"""开始使用: the 工作台's list of first steps for an office that starts empty.

It is shown while the ledgers are young (no residents, no volunteers or no team yet), to the
roles that have a step to take, each step with its page one click away and a tick once done.
The administrator sets the issuer and makes the accounts; the staff enter residents and
volunteers, make the teams and the first task; a captain makes tasks for the team.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services.permissions import Permission
from ...services.session import Session

if TYPE_CHECKING:
    from ...services.admin.dashboard import Dashboard


@dataclass(frozen=True)
class Step:
    key: str
    text: str                               # QT_TRANSLATE_NOOP("FirstSteps", …)
    button: str                             # the page it opens, as the button says it
    page: str                               # the main window's page key
    permission: Permission
    done: Callable[[Dashboard], bool]
    tab: str = ""                           # a tab of that page to open, by its method


STEPS = (
    Step("issuer", QT_TRANSLATE_NOOP("FirstSteps", "填写社区名称、证明负责人和证明联系电话：证明和报表上的出具单位"),
         QT_TRANSLATE_NOOP("FirstSteps", "去设置"), "settings", Permission.SETTINGS,
         lambda n: not n.issuer_missing),
    Step("accounts", QT_TRANSLATE_NOOP("FirstSteps", "为社区工作者、督导和队长建账号，每人用自己的账号登录"),
         QT_TRANSLATE_NOOP("FirstSteps", "去建账号"), "settings", Permission.USERS,
         lambda n: n.accounts > 1, tab="show_users"),
    Step("residents", QT_TRANSLATE_NOOP("FirstSteps", "登记居民：导入居民台账（Excel），或逐个新增"),
         QT_TRANSLATE_NOOP("FirstSteps", "去登记居民"), "residents", Permission.RESIDENT_WRITE,
         lambda n: n.residents > 0),
    Step("volunteers", QT_TRANSLATE_NOOP("FirstSteps", "登记志愿者：导入志愿者名册，或逐个新增"),
         QT_TRANSLATE_NOOP("FirstSteps", "去登记志愿者"), "volunteers", Permission.VOLUNTEER_WRITE,
         lambda n: n.volunteers > 0),
    Step("teams", QT_TRANSLATE_NOOP("FirstSteps", "建立队伍，指定队长，把志愿者加入队伍"),
         QT_TRANSLATE_NOOP("FirstSteps", "去建队伍"), "volunteers", Permission.TEAM_WRITE,
         lambda n: bool(n.teams)),
    Step("tasks", QT_TRANSLATE_NOOP("FirstSteps", "新建任务，排好班次，安排人员"),
         QT_TRANSLATE_NOOP("FirstSteps", "去排班"), "schedule", Permission.SCHEDULE,
         lambda n: n.tasks > 0),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirstSteps", text)


class FirstSteps(QFrame):
    """The steps this role may take, in order; hidden until the figures say the office is new."""

    def __init__(self, session: Session, open_page: Callable[[Step], None],
                 parent: QWidget | None = None):
        super().__init__(parent, objectName="dashboard.first_steps")
        self.setProperty("card", True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.steps = [step for step in STEPS if session.can(step.permission)]
        title = QLabel(self.tr("开始使用"))
        title.setProperty("role", "section-title")
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.marks: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, step in enumerate(self.steps):
            self.marks[step.key] = QLabel(objectName=f"dashboard.first_steps.{step.key}.mark")
            text = QLabel(_tr(step.text), objectName=f"dashboard.first_steps.{step.key}")
            text.setWordWrap(True)
            button = QPushButton(_tr(step.button), objectName=f"dashboard.first_steps.{step.key}.go")
            button.clicked.connect(lambda _checked=False, step=step: open_page(step))
            self.buttons[step.key] = button
            grid.addWidget(self.marks[step.key], row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        self.hide()

    def show_for(self, numbers: Dashboard) -> None:
        """Shown while the office has no residents, no volunteers or no team yet; each step
        ticked once done."""
        young = not (numbers.residents and numbers.volunteers and numbers.teams)
        self.setVisible(bool(self.steps) and young)
        for number, step in enumerate(self.steps, start=1):
            done = step.done(numbers)
            self.marks[step.key].setText("✓" if done else f"{number}.")
            self.marks[step.key].setToolTip(self.tr("已完成") if done else "")
