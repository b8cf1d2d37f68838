"""demo, check, backup and restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..services import demo
from ..services.admin import backups, database_check, retention
from ..services.people import lookups
from ..services.people.person_community import FIX_RESIDENT, FIX_VOLUNTEER
from ..services.session import BUILTIN_ADMIN
from ..store import new_file, partial_files
from ..store.connection import refuse_empty
from ..store.errors import StoreError
from . import CommandError, database_path
from .common import open_session
from .typed_values import path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("demo", help="新建一个装有演示社区的数据库")
    p.add_argument("--scale", type=int, default=1, help="居民和志愿者的倍数（100约为10万居民）")
    p.set_defaults(handler=run_demo)

    p = subparsers.add_parser("check", help="检查数据库的完整性、数据版本和操作日志的校验链")
    p.add_argument("--purge", action="store_true",
                   help="先把归档超过保存年限的人员的个人信息匿名化（统计数字保留）")
    p.set_defaults(handler=run_check)

    p = subparsers.add_parser("backup", help="把数据库备份到一个新文件")
    p.add_argument("--out", type=path, required=True, help="备份文件")
    p.set_defaults(handler=run_backup)

    p = subparsers.add_parser("restore", help="用备份文件恢复数据库（原文件另存一份）")
    p.add_argument("file", type=path, help="备份文件")
    p.set_defaults(handler=run_restore)


def run_demo(args: argparse.Namespace) -> int:
    path = database_path(args)
    if path.exists() and path.stat().st_size > 0:
        raise CommandError(_DEMO_FILE_EXISTS.format(path=path))
    if args.scale < 1 or args.scale > 1000:
        raise CommandError("--scale 应在1到1000之间。")
    if path.exists():
        refuse_empty(path)          # a 0-byte file: say so, as every command does
    partial_files.remove_dead(path.parent, f".{path.name}.", ".demo", new_file.JOURNALS)
    partial = path.with_name(f".{path.name}.{partial_files.owner_tag()}.demo")
    try:
        with open_session(argparse.Namespace(db=partial), create=True) as session:
            demo.build(session, args.scale)
            residents, volunteers = lookups.people_counts(session)
        _put_in_place(partial, path)
    except StoreError as error:
        raise type(error)(str(error).replace(str(partial), str(path))) from error
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
    print(f"已生成演示社区：{residents}位居民，{volunteers}位志愿者。数据库：{path}")
    return 0


_DEMO_FILE_EXISTS = "数据库文件 {path} 已经存在。演示数据只装入新文件，请换一个文件名。"


def _put_in_place(partial: Path, path: Path) -> None:
    """The demo is built in a file of its own and only then given the name: cut off half-way
    it leaves no empty ledger under the name, and of two demos at once only one takes it."""
    journal = Path(f"{partial}-wal")
    if journal.exists() and journal.stat().st_size:   # closing did not fold it into the file
        raise CommandError(f"演示数据没有完整写入 {path}，请重试。")
    if not new_file.link_into_place(partial, path):
        raise CommandError(_DEMO_FILE_EXISTS.format(path=path))


def run_check(args: argparse.Namespace) -> int:
    path = database_path(args)
    if not path.exists():
        raise CommandError(f"找不到数据库文件 {path}。")
    if args.purge:
        run_purge(args)
    checked = database_check.check(path)
    report, homeless, chain = checked.report, checked.without_community, checked.chain
    print(f"数据库：{path}")
    print(f"数据版本：{report.schema_version}（本程序：{report.expected_version}）")
    print(f"完整性：{'正常' if report.integrity == 'ok' else report.integrity}")
    print(f"外键问题：{report.foreign_key_problems}")
    for table, rows in report.counts.items():
        print(f"  {table}: {rows}")
    _print_without_community(homeless)
    for line in (*report.same_person_twice, *report.same_login_twice):
        print(f"提醒：{line}")
    if not report.ok:
        raise CommandError("检查未通过：" + (
            "数据版本需要升级，用邻里帮打开一次即可自动升级。" if report.integrity == "ok"
            and report.foreign_key_problems == 0 else "数据库有损坏，请用备份恢复。"))
    _report_chain(chain)
    return 0


# `check` names this many people without a community, then counts the rest.
LISTED = 50


def _print_without_community(people: list[tuple[str, int, str]]) -> None:
    """A warning, not a failure (the file itself is sound): exit 0, and what to do per person."""
    if not people:
        print("所属社区：每位居民和志愿者都已填写")
        return
    print(f"提醒：{len(people)}位人员没有所属社区，80后帮90后不会为他们结对：")
    for table, row_id, name in people[:LISTED]:
        kind, fix = (("居民", FIX_RESIDENT) if table == "residents" else ("志愿者", FIX_VOLUNTEER))
        print(f"  {kind}“{name}”（编号{row_id}）：请{fix}")
    if len(people) > LISTED:
        print(f"  ……另有{len(people) - LISTED}位未列出")


def _report_chain(chain: database_check.ChainReport | None) -> None:
    if chain is None:
        return
    if chain.ok:
        print(f"操作日志：正常（{chain.entries}条，校验链完整，保护触发器齐全）")
        return
    print("操作日志：有问题")
    for problem in chain.problems:
        print(f"  {problem}")
    raise CommandError("检查未通过：" + chain.problems[0])


def run_purge(args: argparse.Namespace) -> None:
    with open_session(args) as session:
        result = retention.purge(session)
    print(result.describe())


def run_backup(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        target = backups.backup(session, args.out)
    print(f"已备份到 {target}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    kept = backups.restore(BUILTIN_ADMIN, database_path(args), args.file)
    print(f"已从 {args.file} 恢复。" + (f"原数据库另存为 {kept}" if kept else ""))
    return 0
