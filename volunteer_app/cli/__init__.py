"""The command line: the same services as the window, for the admin and for scripts.

Every command exits 0 on success, and non-zero with a one-line reason on stderr otherwise.
With no command, main.py opens the window (:func:`window_database` tells it so): this
package never imports the window. Each module in :data:`COMMAND_MODULES` adds its
subcommands through ``register(subparsers)``; each subcommand sets ``handler``.
"""

from __future__ import annotations

import argparse
import codecs
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import paths
from ..services.permissions import PermissionDenied
from ..store.errors import StoreError, explain
from .arg_words import chinese, dash_slips
from .typed_values import path

COMMAND_MODULES = (
    "ledger",
    "ledger_io",
    "users",
    "report",
    "match",
    "roster",
    "places",
    "requests",    # 接诉即办: rates, hotspots; import plugs into its group (cli/requests.py)
    "alerts",      # 极端天气预警: start, status, log, close, each its own module (cli/alerts.py)
    "street",      # 街道服务器: init, add-publisher, add-viewer; others plug in (cli/street.py)
    "publish",     # 上报到街道服务器 (issue 14): services/street/publish.py
)


# What a shell reports for a program ended by SIGPIPE (128 + 13), as for `yes | head -1`.
EXIT_BROKEN_PIPE = 141


class CommandError(Exception):
    """A failure the user can act on; printed as one line."""


class _Parser(argparse.ArgumentParser):
    # what the line being parsed typed with a Chinese dash (arg_words.dash_slips), if anything
    slips = ""

    def error(self, message: str) -> None:  # one line, in Chinese, exit 2
        self.exit(2, f"邻里帮：命令参数有误：{chinese(message)}{_Parser.slips}（用 --help 查看用法）\n")


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``commands=False`` leaves out the subcommands, whose modules
    import what the window does not need at start (scipy, openpyxl, the report printer)."""
    parser = _Parser(prog="python main.py", description="邻里帮：社区居民、志愿者与服务记录管理。")
    parser.add_argument("--db", type=path, help=f"数据库文件（默认：环境变量 {paths.DB_ENV} 或用户数据文件夹）")
    subparsers = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    for name in COMMAND_MODULES if commands else ():
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(subparsers)
    return parser


def database_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if getattr(args, "db", None) else paths.default_database()


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        _keep_every_character(stream)
    try:
        try:
            code = _run(list(sys.argv[1:] if argv is None else argv))
        finally:
            if sys.stdout is not None:  # None in the windowed (no console) build
                sys.stdout.flush()  # a reader gone away (… | head -1) shows up here, not at exit
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    return code


def _run(argv: list[str]) -> int:
    # here, not at the top: main.py imports this package on the window's way too, and the
    # identity rules compile their patterns of Chinese characters on import (~9 ms)
    from ..domain.identity import FieldError

    line = _hoist_db(argv)
    _Parser.slips = dash_slips(line)
    args = build_parser(commands=_names_a_command(line)).parse_args(line)
    if args.command is None:  # main.py opens the window for this line; here it is a slip
        print("邻里帮：没有给出命令（用 --help 查看用法）。", file=sys.stderr)
        return 2
    try:
        return int(args.handler(args) or 0)
    except (CommandError, StoreError, PermissionDenied, FieldError) as error:
        print(f"邻里帮：{_one_line(error)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise
    except (sqlite3.Error, OSError) as error:  # the file failed under a command: say how
        where = getattr(error, "filename", None) or database_path(args)
        print(f"邻里帮：{_one_line(explain(error, where))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("邻里帮：已中断，未完成的操作没有保存。", file=sys.stderr)
        return 130


def _keep_every_character(stream: object) -> None:
    """Output a script redirects into a file on a Chinese Windows PC is GBK, which has no 𠮷 or
    䶮 (rare characters of names): printing one ended in a traceback. GB18030 is GBK with
    every other character added, so such a file still reads as GBK; any other narrow code
    page gets escapes instead of an error."""
    encoding = getattr(stream, "encoding", None)
    if not encoding or not hasattr(stream, "reconfigure"):   # None in the windowed build
        return
    name = codecs.lookup(encoding).name
    if name.startswith("utf") or name == "gb18030":
        return
    if name in ("gbk", "gb2312"):
        stream.reconfigure(encoding="gb18030")
    else:
        stream.reconfigure(errors="backslashreplace")


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def window_database(argv: Sequence[str]) -> Path | None:
    """The database the window should open, when the line names no command (nothing but
    ``--db FILE``); None when it is a command for :func:`main`. Imports no command module."""
    line = _hoist_db(list(argv))
    if _names_a_command(line):
        return None
    return database_path(build_parser(commands=False).parse_args(line))


def _quiet_stdout() -> None:
    """Point stdout at devnull, so the interpreter's final flush does not fail again and
    print a traceback about the closed pipe (the recipe in Python's signal docs)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file (a test's capture): nothing to flush
        pass


def _names_a_command(line: list[str]) -> bool:
    """Anything on the line but ``--db FILE`` (a command, --help, a typo)."""
    i = 0
    while i < len(line):
        if line[i] == "--db":
            i += 2
        elif line[i].startswith("--db="):
            i += 1
        else:
            return True
    return False


def _hoist_db(argv: list[str]) -> list[str]:
    """Accept ``--db FILE`` anywhere on the line, as design.md writes it after the command."""
    out, hoisted, i = [], [], 0
    while i < len(argv):
        if argv[i] == "--db" and i + 1 < len(argv):
            hoisted += argv[i:i + 2]
            i += 2
            continue
        if argv[i].startswith("--db="):
            hoisted.append(argv[i])
        else:
            out.append(argv[i])
        i += 1
    return hoisted + out
