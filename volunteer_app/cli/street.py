"""street init | add-publisher | add-viewer: the street office's PostgreSQL from the command line.

``street init --server URL`` creates or upgrades the server's schema; ``add-publisher`` makes a
community's login role (it writes only its own file's rows), ``add-viewer`` a street viewer's
(reads everything). URL is postgresql://USER[:PASSWORD]@HOST[:PORT]/DB of an administrator;
the password may also come from PGPASSWORD. Each subcommand is its own ``add_*`` function;
other modules add subcommands through :data:`PLUG_INS`, and the bare ``street --server URL``
(the street's window and its figures) through :data:`BARE_FORM`. psycopg loads only when a
street command runs.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import secrets
from collections.abc import Iterator

from . import CommandError
from .typed_values import street_role, text

# (module of this package, function taking the group's subparsers): one line per plug-in.
PLUG_INS: tuple[tuple[str, str], ...] = ()
# (module, function taking the group's own parser): options and a handler for bare ``street``.
BARE_FORM = ("street_view", "add_bare_form")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("street", help="街道服务器（PostgreSQL）：初始化，建社区上报账号和街道查看账号")
    actions = p.add_subparsers(dest="street_command", metavar="操作")
    p.set_defaults(handler=run_no_action)
    add_init(actions)
    add_add_publisher(actions)
    add_add_viewer(actions)
    for (module, function), target in ((BARE_FORM, p), *((plug, actions) for plug in PLUG_INS)):
        plug_in = _plug_in(module)
        if plug_in is not None:
            getattr(plug_in, function)(target)


def _plug_in(module: str):
    try:
        return importlib.import_module(f"{__package__}.{module}")
    except ModuleNotFoundError as error:
        if error.name != f"{__package__}.{module}":
            raise
        return None                      # that part's module is not part of this build


def _server_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--server", type=text, required=True, metavar="URL",
                   help="管理员的服务器地址 postgresql://账号[:密码]@主机[:端口]/数据库（密码也可放在 PGPASSWORD）")


def add_init(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("init", help="建立或升级街道服务器上的数据结构、账号组和汇总视图（可重复运行）")
    _server_argument(p)
    p.set_defaults(handler=run_init)


def add_add_publisher(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("add-publisher", help="为一个社区文件建上报账号（只能写本社区的数据）；已有则重设密码")
    _account_arguments(p)
    p.set_defaults(handler=run_add_publisher)


def add_add_viewer(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("add-viewer", help="为街道建查看账号（能读所有社区，不能写）；已有则重设密码")
    _account_arguments(p)
    p.set_defaults(handler=run_add_viewer)


def _account_arguments(p: argparse.ArgumentParser) -> None:
    _server_argument(p)
    p.add_argument("--role", type=street_role, required=True, metavar="账号名", help="小写英文字母、数字和下划线，如 huaxiang_gaolizhuang")
    p.add_argument("--password", metavar="密码", help="新账号的密码（不写则随机生成并显示一次）")


def run_no_action(args: argparse.Namespace) -> int:
    raise CommandError("请给出操作：street init、street add-publisher 或 street add-viewer（用 --help 查看用法）")


@contextlib.contextmanager
def street_errors() -> Iterator[None]:
    """A street server's failure is the command's one Chinese line."""
    from ..services.street.server import StreetServerError

    try:
        yield
    except StreetServerError as error:
        raise CommandError(str(error)) from None


def run_init(args: argparse.Namespace) -> int:
    from ..services.street import server, server_schema

    with street_errors(), server.connect(args.server, require_schema=False) as conn:
        version = server_schema.migrate(conn)
    print(f"街道服务器已就绪：数据结构第 {version} 版")
    return 0


def run_add_publisher(args: argparse.Namespace) -> int:
    return _add(args, "publisher", "社区上报账号")


def run_add_viewer(args: argparse.Namespace) -> int:
    return _add(args, "viewer", "街道查看账号")


def _add(args: argparse.Namespace, kind: str, words: str) -> int:
    from ..services.street import server

    password = args.password or secrets.token_urlsafe(12)
    with street_errors(), server.connect(args.server) as conn:
        created = server.add_role(conn, args.role, password, kind)
    print(f"已{'建立' if created else '重设'}{words} {args.role}：{server.login_url(args.server, args.role)}")
    if not args.password:
        print(f"密码：{password}（只显示这一次，请交给使用这个账号的人保存）")
    return 0
