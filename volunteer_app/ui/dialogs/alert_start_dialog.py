"""发布预警: the district weather office's warning typed in (type, level, start, expected end,
the notice pasted), the communities it covers (all of them unless the worker unticks some),
and a line saying what the app will build: how many residents on the roll-call and why, and
the duty shifts. When a shift's service type needs insurance the policy can be given here.

发布 runs ``start()`` on the background runner (the roll-call of a street takes a moment);
the dialog stays open with the service's Chinese reason when it refuses (a warning already
open), and nothing is written then. ``saved`` holds the :class:`StartOutcome`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.weather import AlertLevel, AlertType
from ...services.alerts import access, figures
from ...services.alerts import start as alert_start
from ...services.people import places
from ...services.session import Session
from ..forms import date_edit, error_label, pydate, pytime, save_cancel_buttons, time_edit
from ..page_load import PageLoad
from ..screen_fit import fit_to_screen
from .background_save import BackgroundSave


class StartAlertDialog(QDialog):
    NAME = "alert_start"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.saved: alert_start.StartOutcome | None = None
        self.insured = figures.insured_types(session)
        self.setObjectName(self.NAME)
        self.setWindowTitle(self.tr("发布极端天气预警"))
        n = self.NAME
        self.kind = QComboBox(objectName=f"{n}.type")
        for kind in AlertType:
            self.kind.addItem(kind.value, kind.value)
        self.level = QComboBox(objectName=f"{n}.level")
        for level in AlertLevel:
            self.level.addItem(level.value, level.value)
        self.level.setCurrentIndex(self.level.findData(AlertLevel.YELLOW.value))
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.level, 1)
        started = access.now(session)
        self.start_day = date_edit(f"{n}.start_date", started.date())
        self.start_time = time_edit(f"{n}.start_time", started.time())
        ends = started + timedelta(days=1)
        self.has_until = QCheckBox(self.tr("预计"), objectName=f"{n}.has_until", checked=True)
        self.until_day = date_edit(f"{n}.until_date", ends.date())
        self.until_time = time_edit(f"{n}.until_time", ends.time())
        self.notice = QPlainTextEdit(objectName=f"{n}.notice")
        self.notice.setPlaceholderText(self.tr("把气象台发布的预警信号原文粘贴到这里"))
        self.notice.setFixedHeight(72)
        self.communities = self._community_list()
        self.preview = QLabel(self.tr("正在计算点名名单……"), objectName=f"{n}.preview", wordWrap=True)
        self.preview.setProperty("role", "hint")
        self.insurance = QLineEdit(objectName=f"{n}.insurance")
        self.insurance.setPlaceholderText(self.tr("保险公司和保单号，例如：人保财险 PICC-2026-0088"))
        self.insurance_label = QLabel(self.tr("保险"))
        self.open_note = QLabel(objectName=f"{n}.open_note", wordWrap=True)
        self.open_note.setProperty("role", "hint")
        self.open_alerts = access.open_alerts(session)
        self.form = QFormLayout()
        self.form.addRow(self.tr("预警"), kind_row)
        self.form.addRow(self.tr("发布时间"), _row(self.start_day, self.start_time))
        self.form.addRow(self.tr("解除时间"), _row(self.has_until, self.until_day, self.until_time))
        self.form.addRow(self.tr("预警原文"), self.notice)
        self.form.addRow(self.tr("覆盖社区"), self.communities)
        self.form.addRow(self.tr("将生成"), self.preview)
        self.form.addRow(self.insurance_label, self.insurance)
        self.form.addRow(self.open_note)
        self.error = error_label(n)
        box, self.save_button = save_cancel_buttons(self, n, self.tr("发布"), self.tr("取消"))
        box.accepted.disconnect(self.accept)
        box.accepted.connect(self.submit)
        self.saving = BackgroundSave(self.save_button, self._refuse)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(box)
        self._show_insurance(False)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.communities.itemChanged.connect(lambda _item: self.refresh_preview())
        self.has_until.toggled.connect(self.until_day.setEnabled)
        self.has_until.toggled.connect(self.until_time.setEnabled)
        self._preview = PageLoad(self, session, _preview, self._on_preview)
        self.refresh_preview()
        fit_to_screen(self, 560, 600)

    def _community_list(self) -> QListWidget:
        listing = QListWidget(objectName=f"{self.NAME}.communities")
        for community in places.communities(self.session):
            item = QListWidgetItem(community["name"])
            item.setData(Qt.ItemDataRole.UserRole, community["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            listing.addItem(item)
        listing.setFixedHeight(min(4, max(1, listing.count())) * 24 + 8)
        return listing

    # -- the preview ---------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._preview.loading

    def chosen_communities(self) -> list[int]:
        return [self.communities.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.communities.count())
                if self.communities.item(i).checkState() == Qt.CheckState.Checked]

    def refresh_preview(self) -> None:
        chosen = self.chosen_communities()
        if not chosen:
            self.preview.setText(self.tr("请至少选择一个社区。"))
            return
        self._preview.ask(self.kind.currentData(), chosen)

    def _on_preview(self, found: dict[str, Any]) -> None:
        reasons = "、".join(f"{word}{count}" for word, count in found.get("by_reason", {}).items())
        templates = found.get("templates", [])
        shifts = "、".join(dict.fromkeys(t.service_type for t in templates)) or self.tr("无")
        places_ = "、".join(found.get("places", [])[:6])
        text = self.tr("点名 %1 人（%2）；值班：%3").replace("%1", str(found.get("roll_count", 0))) \
            .replace("%2", reasons or self.tr("无")).replace("%3", shifts)
        if places_:
            text += self.tr("，地点：%1").replace("%1", places_)
        self.preview.setText(text)
        self._say_open()
        self._show_insurance(any(t.service_type in self.insured for t in templates))

    def _say_open(self) -> None:
        """The warnings already open in the chosen communities: the same type at a higher
        level upgrades one, anything else is refused (the service decides; this forewarns)."""
        chosen = set(self.chosen_communities())
        found = [a for a in self.open_alerts if chosen & set(a["community_ids"])]
        self.open_note.setVisible(bool(found))
        if found:
            names = "；".join(f"{a['title']}（{'、'.join(a['community_names'])}）" for a in found)
            self.open_note.setText(self.tr("进行中：%1。同类型更高级别的预警将升级它，其他预警请先解除。")
                                   .replace("%1", names))

    def _show_insurance(self, needed: bool) -> None:
        self.insurance.setVisible(needed)
        self.insurance_label.setVisible(needed)

    # -- 发布 ------------------------------------------------------------------------------------
    def request(self) -> alert_start.StartRequest:
        chosen = self.chosen_communities()
        if not chosen:
            raise ValueError(self.tr("请至少选择一个社区。"))
        started = datetime.combine(pydate(self.start_day.date()), pytime(self.start_time.time()))
        until = (datetime.combine(pydate(self.until_day.date()), pytime(self.until_time.time()))
                 if self.has_until.isChecked() else None)
        if until is not None and until <= started:
            raise ValueError(self.tr("解除时间应晚于发布时间。"))
        every = len(chosen) == self.communities.count()
        return alert_start.StartRequest(
            type=AlertType(self.kind.currentData()), level=AlertLevel(self.level.currentData()),
            started_at=started, until=until, notice=self.notice.toPlainText().strip(),
            community_ids=None if every else chosen,
            insurance="" if self.insurance.isHidden() else self.insurance.text().strip())

    @property
    def busy(self) -> bool:
        return self.saving.busy

    def submit(self) -> None:
        if self.busy:
            return
        try:
            request = self.request()
        except ValueError as error:
            self._refuse(error)
            return
        self.saving.run(self, alert_start.start, request, session=self.session, done=self._on_started)

    def _on_started(self, outcome: alert_start.StartOutcome) -> None:
        self.saved = outcome
        self.accept()

    def _refuse(self, error: BaseException) -> None:
        self.error.setText(str(error))
        self.error.show()


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def _preview(session: Session, kind: str, community_ids: list[int]) -> dict[str, Any]:
    return alert_start.preview(session, AlertType(kind), community_ids)
