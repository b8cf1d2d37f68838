"""import and export of the ledgers (台账) on the command line."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile

from ..services.admin import settings
from ..services.ledger import import_rows, ledger_export, ledger_stream, rejected_rows
from ..services.ledger.ledger_files import LedgerFileError, check_readable
from . import CommandError
from .common import SAVED_BUT_NOT_REJECTED, check_writable, open_session
from .typed_values import path, plain


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("import", help="从Excel（.xlsx）或CSV导入居民或志愿者台账")
    p.add_argument("kind", type=plain, choices=("residents", "volunteers"), help="residents（居民）或 volunteers（志愿者）")
    p.add_argument("file", type=path, help="台账文件 .xlsx 或 .csv（UTF-8、带BOM的UTF-8或GBK）")
    p.add_argument("--errors", type=path, help="把未导入的行另存为这个 .xlsx 文件（带“错误原因”列）")
    p.add_argument("--update", action="store_true", help="与已登记人员重复时用文件里的信息更新（默认跳过）")
    p.add_argument("--all-or-nothing", action="store_true", help="只要有一行有错误就什么都不导入")
    p.set_defaults(handler=run_import)

    p = subparsers.add_parser("export", help="把居民、志愿者或服务记录导出为 .xlsx 或 .csv")
    p.add_argument("kind", type=plain, choices=ledger_export.KINDS, help="residents、volunteers 或 records")
    p.add_argument("file", type=path, help="导出文件，以 .xlsx 或 .csv 结尾")
    p.add_argument("--full", action="store_true", help="导出完整的身份证号和电话（记入操作日志）")
    p.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace) -> int:
    """Streamed in chunks inside one transaction (services/ledger/ledger_stream.py): a million-row
    CSV imports in bounded memory, and any failure still changes nothing. The lines about
    single rows wait in a temporary file and follow the counts."""
    try:
        check_readable(args.file)   # before a database is opened (or made) for nothing
    except LedgerFileError as error:
        raise CommandError(str(error)) from None
    if args.errors:
        check_writable(args.errors, "未导入行的文件（--errors）")
    with tempfile.TemporaryFile("w+", encoding="utf-8") as lines, open_session(args, create=True) as session:
        try:
            outcome = ledger_stream.import_file(
                session, args.file, args.kind, import_rows.UPDATE if args.update else import_rows.SKIP,
                all_or_nothing=args.all_or_nothing, max_unpacked=settings.max_unpacked_bytes(session),
                report=lambda line: lines.write(line + "\n"), keep_rejected=bool(args.errors))
        except LedgerFileError as error:
            raise CommandError(str(error)) from None
        summary = outcome.summary
        for notice in outcome.notices:
            print(notice)
        if not outcome.saved:
            print(f"有{summary.rejected}行有错误，按 --all-or-nothing 的要求什么都没有导入。")
        else:
            print(f"已导入 {summary.imported} 行，更新 {summary.updated} 行，跳过重复 {summary.skipped} 行，"
                  f"未导入 {summary.rejected} 行。")
        if summary.new_teams:
            print("新建了队伍：" + "、".join(summary.new_teams))
        lines.seek(0)
        shutil.copyfileobj(lines, sys.stdout)
    if args.errors and outcome.rejected:
        try:
            rejected_rows.save_rejected(outcome.rejected_preview(args.kind), args.errors)
        except LedgerFileError as error:
            raise CommandError(f"{SAVED_BUT_NOT_REJECTED}{error}") from None
        print(f"未导入的行已另存到 {args.errors}，改好后可以再导入。")
    if not outcome.saved:
        raise CommandError(f"{summary.rejected}行有错误，未导入任何数据。")
    return 0


def run_export(args: argparse.Namespace) -> int:
    if args.file.suffix.lower() not in (".xlsx", ".csv"):
        raise CommandError(f"不支持导出为“{args.file.suffix or args.file.name}”：文件名请以 .xlsx 或 .csv 结尾。")
    with open_session(args) as session:
        try:
            count = ledger_export.export(session, args.kind, args.file, full=args.full)
        except LedgerFileError as error:
            raise CommandError(str(error)) from None
    masked = "（含完整身份证号和电话）" if args.full else "（身份证号和电话已打码）"
    print(f"已导出 {count} 行到 {args.file}{masked}")
    return 0
