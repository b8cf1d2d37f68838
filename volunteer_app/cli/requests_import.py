"""requests import FILE: the 12345 export on the command line, as the window imports it.

The ``requests`` command group belongs to cli/requests.py, which plugs this module's
:func:`add_import` into the group (its ``PLUG_INS``).
"""

from __future__ import annotations

import argparse

from ..services.admin import settings
from ..services.ledger import rejected_rows
from ..services.ledger.ledger_files import LedgerFileError, check_readable
from ..services.requests import ticket_import
from . import CommandError
from .common import SAVED_BUT_NOT_REJECTED, check_writable, open_session
from .typed_values import path


def add_import(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("import", help="导入12345工单导出文件（.xlsx 或 .csv），按工单编号新增或更新")
    p.add_argument("file", type=path, help="12345导出文件 .xlsx 或 .csv（UTF-8、带BOM的UTF-8或GBK）")
    p.add_argument("--errors", type=path, help="把未导入的行另存为这个 .xlsx 文件（带“错误原因”列）")
    p.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace) -> int:
    try:
        check_readable(args.file)   # before a database is opened (or made) for nothing
    except LedgerFileError as error:
        raise CommandError(str(error)) from None
    if args.errors:
        check_writable(args.errors, "未导入行的文件（--errors）")
    with open_session(args, create=True) as session:   # an import may start a ledger
        try:
            table, mapping = ticket_import.load(args.file, settings.max_unpacked_bytes(session))
            missing = ticket_import.missing(mapping)
            if missing:
                raise CommandError(f"文件 {args.file.name} 的表头里没有“{'”“'.join(missing)}”列"
                                   "（也认得工单号、受理时间等写法），请检查是否选错了文件。")
            preview = ticket_import.check(session, table, mapping)
            summary = ticket_import.apply(session, preview, source=str(args.file))
        except LedgerFileError as error:
            raise CommandError(str(error)) from None
    print(f"新增 {summary.imported} 件，更新 {summary.updated} 件，未变 {summary.skipped} 件，"
          f"未导入 {summary.rejected} 件。")
    for line in rejected_rows.describe(preview):
        print(line)
    if args.errors and preview.rejected:
        try:
            rejected_rows.save_rejected(preview, args.errors)
        except LedgerFileError as error:
            raise CommandError(f"{SAVED_BUT_NOT_REJECTED}{error}") from None
        print(f"未导入的行已另存到 {args.errors}，改好后可以再导入。")
    return 0
