"""import and export of the ledgers (台账) on the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..services import ledger_export, ledger_import
from ..services.ledger_files import LedgerFileError
from . import CommandError
from .common import open_session


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("import", help="从Excel（.xlsx）或CSV导入居民或志愿者台账")
    p.add_argument("kind", choices=("residents", "volunteers"), help="residents（居民）或 volunteers（志愿者）")
    p.add_argument("file", type=Path, help="台账文件 .xlsx 或 .csv（UTF-8、带BOM的UTF-8或GBK）")
    p.add_argument("--errors", type=Path, help="把未导入的行另存为这个 .xlsx 文件（带“错误原因”列）")
    p.add_argument("--update", action="store_true", help="与已登记人员重复时用文件里的信息更新（默认跳过）")
    p.add_argument("--all-or-nothing", action="store_true", help="只要有一行有错误就什么都不导入")
    p.set_defaults(handler=run_import)

    p = subparsers.add_parser("export", help="把居民、志愿者或服务记录导出为 .xlsx 或 .csv")
    p.add_argument("kind", choices=ledger_export.KINDS, help="residents、volunteers 或 records")
    p.add_argument("file", type=Path, help="导出文件，以 .xlsx 或 .csv 结尾")
    p.add_argument("--full", action="store_true", help="导出完整的身份证号和电话（记入操作日志）")
    p.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace) -> int:
    try:
        table, mapping = ledger_import.load(args.file, args.kind)
    except LedgerFileError as error:
        raise CommandError(str(error)) from None
    with open_session(args) as session:
        preview = ledger_import.check(session, table, mapping, args.kind)
        mode = ledger_import.UPDATE if args.update else ledger_import.SKIP
        summary = ledger_import.apply(session, preview, mode, all_or_nothing=args.all_or_nothing,
                                      source=str(args.file))
    for notice in preview.notices:
        print(notice)
    if args.all_or_nothing and summary.rejected:
        print(f"有{summary.rejected}行有错误，按 --all-or-nothing 的要求什么都没有导入。")
    else:
        print(f"已导入 {summary.imported} 行，更新 {summary.updated} 行，跳过重复 {summary.skipped} 行，"
              f"未导入 {summary.rejected} 行。")
    if summary.new_teams:
        print("新建了队伍：" + "、".join(summary.new_teams))
    for line in ledger_import.describe(preview):
        print(line)
    for row in preview.rows:
        for message in row.warnings.values():
            print(f"第{row.number}行 提醒：{message}")
    if args.errors and preview.rejected:
        try:
            ledger_import.save_rejected(preview, args.errors)
        except LedgerFileError as error:
            raise CommandError(str(error)) from None
        print(f"未导入的行已另存到 {args.errors}，改好后可以再导入。")
    if args.all_or_nothing and summary.rejected:
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
