"""alert close --report FILE.pdf: close the open warning and write its after-action report.

The ``alert`` group belongs to cli/alerts.py, which plugs :func:`add_close` in (its
``PLUG_INS``). The open warning closed is the latest started when several are open (one per
community at most). The report's file is checked before anything is closed, so a mistyped
folder does not leave a closed warning without its report.
"""

from __future__ import annotations

import argparse

from ..services.alerts import access, closing, report_data
from ..services.alerts.access import AlertError
from ..services.hours.certificates import format_hours
from . import CommandError
from .common import check_writable, gui_application, open_session, write_out
from .typed_values import path


def add_close(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("close", help="解除进行中的预警：生成点名和上门查看的服务记录，并输出总结报告（PDF）")
    p.add_argument("--report", type=path, required=True, help="总结报告 PDF 文件")
    p.set_defaults(handler=run_close)


def run_close(args: argparse.Namespace) -> int:
    check_writable(args.report, "总结报告文件", (".pdf",))     # before the warning is closed
    app = gui_application()  # noqa: F841  (Qt lays out and prints the report)
    from ..reports.alert_report import summary_line, write_report

    with open_session(args) as session:        # never makes a database
        try:
            found = access.open_alerts(session)
            if not found:
                raise CommandError("没有进行中的预警，无需解除。")
            alert = found[0]
            outcome = closing.close(session, alert["id"])
            data = report_data.report_data(session, alert["id"])
        except AlertError as error:
            raise CommandError(str(error)) from None
        try:
            write_out(args.report, lambda out: write_report(data, out))
        except CommandError as error:
            raise CommandError(f"预警已解除，但总结报告没有写成：{error}可在“极端天气”页面重新打印。") from None
    print(f"已解除{summary_line(data)}生成服务记录{outcome['records']}条，共{format_hours(outcome['hours'])}小时。"
          f"总结报告：{args.report}")
    if len(found) > 1:
        others = "、".join(a["title"] + "（" + "、".join(a["community_names"]) + "）" for a in found[1:])
        print(f"仍在进行中的预警：{others}。")
    return 0
