"""The live board at the top of the 极端天气 page: which warning, since when, and how far the
roll-call is: reached of total and the share, reached within 2 and 24 hours, the median
minutes to reach, how many need help and how many door visits are still open.

It only shows what :func:`board` computed on the background runner; the page asks again on
every change to the roll-call, from whichever page the attempt was logged.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.day_text import month_day_time

FIGURES = ("reached", "within_2h", "within_24h", "median", "needs_help", "door_visits")


class AlertBoard(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alert.board")
        self.setProperty("card", True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(objectName="alert.board.title")
        self.title.setProperty("role", "section-title")
        self.when = QLabel(objectName="alert.board.when", wordWrap=True)
        self.when.setProperty("role", "hint")
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.when)
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(0)
        names = {"reached": self.tr("已联系"), "within_2h": self.tr("2小时内联系上"),
                 "within_24h": self.tr("24小时内联系上"), "median": self.tr("联系上用时中位数"),
                 "needs_help": self.tr("需要帮助"), "door_visits": self.tr("待上门查看")}
        for column, key in enumerate(FIGURES):
            value = QLabel("—", objectName=f"alert.board.{key}")
            value.setProperty("role", "card-value")
            name = QLabel(names[key])
            name.setProperty("role", "card-hint")
            grid.addWidget(value, 0, column)
            grid.addWidget(name, 1, column)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addLayout(heading, 2)
        layout.addLayout(grid, 5)
        self.show_none()

    def value(self, key: str) -> str:
        return self.findChild(QLabel, f"alert.board.{key}").text()

    def show_none(self) -> None:
        self.title.setText(self.tr("当前没有预警"))
        self.when.setText(self.tr("区气象台发布预警后，点击“发布预警…”生成点名名单和值班。"))
        for key in FIGURES:
            self.findChild(QLabel, f"alert.board.{key}").setText("—")

    def show_board(self, board: dict[str, Any]) -> None:
        alert = board["alert"]
        self.title.setText(alert["title"] if alert["closed_at"] is None
                           else self.tr("%1（已解除）").replace("%1", alert["title"]))
        self.when.setText(self._when(alert))
        total, reached = board["total"], board["reached"]
        share = f"{reached * 100 / total:.0f}%" if total else "—"
        shown = {
            "reached": f"{reached}/{total}  {share}",
            "within_2h": str(board["within_2h"]), "within_24h": str(board["within_24h"]),
            "median": "—" if board["median_minutes"] is None
            else self.tr("%1分钟").replace("%1", f"{board['median_minutes']:.0f}"),
            "needs_help": self._needs(board), "door_visits": str(len(board["door_visits"])),
        }
        for key, text in shown.items():
            self.findChild(QLabel, f"alert.board.{key}").setText(text)

    def _needs(self, board: dict[str, Any]) -> str:
        waiting = board.get("needs_open", 0)
        if not waiting or waiting == board["needs_help"]:
            return str(board["needs_help"])
        return self.tr("%1（未办%2）").replace("%1", str(board["needs_help"])).replace("%2", str(waiting))

    def _when(self, alert: dict[str, Any]) -> str:
        text = self.tr("%1发布").replace("%1", month_day_time(alert["started_at"]))
        if alert["closed_at"]:
            text += self.tr("，%1解除").replace("%1", month_day_time(alert["closed_at"]))
        elif alert.get("until"):
            text += self.tr("，预计%1解除").replace("%1", month_day_time(alert["until"]))
        names = alert.get("community_names") or []
        self.when.setToolTip("、".join(names))      # a district's warning names every community
        if len(names) == 1:
            return f"{text} · {names[0]}"
        return text + self.tr(" · %1个社区").replace("%1", str(len(names))) if names else text


