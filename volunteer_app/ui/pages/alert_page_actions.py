"""The 极端天气 page's buttons: 发布预警…, 打印点名表…, 录入点名表结果… and 解除预警…, which
ones show for whom (staff run a warning; supervisors only print) and what each says when done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from ..forms import push_button
from .alert_roll_table import line_number

if TYPE_CHECKING:
    from ...services.alerts.start import StartOutcome
    from .alerts_page import AlertsPage


class AlertActions(QObject):
    def __init__(self, page: AlertsPage):
        super().__init__(page)
        self.page = page
        self.dialog: QDialog | None = None
        self.start_button = push_button(self.tr("发布预警…"), "alerts.start", primary=True)
        self.sheet_button = push_button(self.tr("打印点名表…"), "alerts.print_sheet")
        self.log_sheet_button = push_button(self.tr("录入点名表结果…"), "alerts.log_sheet")
        self.close_button = push_button(self.tr("解除预警…"), "alerts.close")
        self.buttons = (self.start_button, self.sheet_button, self.log_sheet_button, self.close_button)
        self.start_button.clicked.connect(self.on_start)
        self.sheet_button.clicked.connect(self.on_print_sheet)
        self.log_sheet_button.clicked.connect(self.on_log_sheet)
        self.close_button.clicked.connect(self.on_close)

    def update(self) -> None:
        alert, runs = self.page.alert, self.page.runs
        open_ = alert is not None and alert.get("closed_at") is None
        self.start_button.setVisible(runs)
        self.sheet_button.setVisible(open_)
        self.log_sheet_button.setVisible(runs and open_)
        self.close_button.setVisible(runs and open_)

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- 发布预警 ---------------------------------------------------------------------------------
    def on_start(self) -> None:
        from ..dialogs.alert_start_dialog import StartAlertDialog

        dialog = StartAlertDialog(self.page.session, self.page)
        dialog.accepted.connect(lambda: self._started(dialog.saved))
        self._open(dialog)

    def _started(self, outcome: StartOutcome | None) -> None:
        if outcome is None:
            return
        if outcome.upgraded:
            text = self.tr("预警已升级：点名名单新增 %1 人，共 %2 人。").replace("%1", str(outcome.added)) \
                .replace("%2", str(outcome.roll_count))
        else:
            text = self.tr("预警已发布：点名 %1 人。").replace("%1", str(outcome.roll_count))
        if outcome.shift_count:
            text += self.tr("值班 %1 个班次，一键补缺排上 %2 人次，%3 个班次仍缺人。") \
                .replace("%1", str(outcome.shift_count)).replace("%2", str(outcome.filled)) \
                .replace("%3", str(outcome.short_shifts))
        if outcome.warnings:
            text += "\n" + "\n".join(outcome.warnings)
        self.page.say(text, error=False)
        self.page.refresh()

    # -- paper --------------------------------------------------------------------------------------
    def on_print_sheet(self) -> None:
        from ..dialogs.alert_print_dialogs import CallSheetDialog

        alert = self.page.alert
        if alert is None:
            return
        callers = sorted({(r.get("caller_name") or "", r["caller_id"]) for r in self.page.roll.all_rows
                          if r.get("caller_id") is not None})
        self._open(CallSheetDialog(self.page.session, alert["id"], callers, self.page))

    def on_log_sheet(self) -> None:
        from ..dialogs.alert_sheet_dialog import LogSheetDialog

        alert = self.page.alert
        if alert is None:
            return
        lines = {line_number(r): r for r in self.page.roll.all_rows}
        dialog = LogSheetDialog(self.page.session, alert["id"], lines, self.page)
        dialog.accepted.connect(lambda: self.page.say(
            self.tr("已录入 %1 条点名结果。").replace("%1", str(dialog.saved))))
        self._open(dialog)

    # -- 解除预警 ---------------------------------------------------------------------------------
    def on_close(self) -> None:
        from ..dialogs.alert_dialogs import CloseAlertDialog

        alert = self.page.alert
        if alert is None:
            return
        unreached = self.page.unreached.total
        dialog = CloseAlertDialog(self.page.session, alert, unreached, self.page)
        dialog.accepted.connect(lambda: self._closed(alert, dialog.saved))
        self._open(dialog)

    def _closed(self, alert: dict[str, Any], result: dict[str, Any]) -> None:
        from ..dialogs.alert_print_dialogs import AlertReportDialog

        text = self.tr("%1已解除：记入 %2 条志愿服务记录，共 %3 小时；%4 人始终没有联系上，已记下原因。") \
            .replace("%1", alert["title"]).replace("%2", str(result.get("records", 0))) \
            .replace("%3", f"{float(result.get('hours', 0)):g}").replace("%4", str(result.get("unreached", 0)))
        self.page.say(text)
        self.page.refresh()
        self._open(AlertReportDialog(self.page.session, alert["id"], self.page,
                                     note=self.tr("可以预览、打印或保存这次预警的总结报告。")))
