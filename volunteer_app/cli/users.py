"""user list | add | reset-password: accounts from the command line.

The command line acts as the built-in administrator (see cli/common.py), so this is also
the way back in when the only administrator has forgotten their password.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from ..services.admin import users
from ..services.people import lookups
from ..services.permissions import ROLE_NAMES, USER_ROLES, Role
from . import CommandError
from .common import find_volunteer, open_session
from .typed_values import plain, text, user_role


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("user", help="用户账户：列出、新增、重置密码")
    actions = p.add_subparsers(dest="user_command", metavar="操作", required=True)
    actions.add_parser("list", help="列出所有用户").set_defaults(handler=run_list)
    add = actions.add_parser("add", help="新增用户（密码在提示时输入）")
    add.add_argument("login", type=plain, help="用户名")
    add.add_argument("--name", type=text, required=True, help="姓名")
    add.add_argument("--role", type=user_role, required=True, choices=[r.value for r in USER_ROLES],
                     help="admin 管理员 / staff 社区工作者 / captain 队长 / supervisor 督导（英文或中文都可以）")
    add.add_argument("--volunteer", type=text,
                     help="队长账户关联的志愿者（队长本人）：数据库编号或志愿者编号（如 ZY2026-00012）")
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读密码（脚本用）")
    add.set_defaults(handler=run_add)
    reset = actions.add_parser("reset-password", help="重置某个用户的密码，并解除锁定")
    reset.add_argument("login", type=plain, help="用户名")
    reset.add_argument("--password-stdin", action="store_true", help="从标准输入读密码（脚本用）")
    reset.set_defaults(handler=run_reset)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("新密码（至少8位）：")
    if first != getpass.getpass("再输一次："):
        raise CommandError("两次输入的密码不一样，什么也没有改。")
    return first


def run_list(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        for user in users.list_users(session):
            state = "已停用" if not user["active"] else ("已锁定" if user["locked_until"] else "正常")
            print(f"{user['id']}\t{user['login']}\t{user['name']}\t{user['role_name']}\t{state}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    if args.role == Role.CAPTAIN and not args.volunteer:
        raise CommandError("队长账户要关联一位志愿者（队长本人）：请加 --volunteer 志愿者编号（如 --volunteer "
                           "ZY2026-00012），该志愿者须已是某支队伍的队长。什么也没有改。")
    password = _password(args)
    with open_session(args, create=True) as session:
        volunteer_id = find_volunteer(session, args.volunteer)[0] if args.volunteer else None
        try:
            users.add_user(session, args.login, args.name, args.role, password, volunteer_id)
        except users.UserError as error:
            raise CommandError(str(error)) from None
    print(f"已新增用户“{args.login}”（{ROLE_NAMES[users.Role(args.role)]}）。")
    return 0


def run_reset(args: argparse.Namespace) -> int:
    password = _password(args)
    with open_session(args) as session:
        user_id = lookups.user_id(session, args.login)
        if user_id is None:
            raise CommandError(f"没有用户名为“{args.login}”的账户，用 user list 查看。")
        try:
            users.reset_password(session, user_id, password)
        except users.UserError as error:
            raise CommandError(str(error)) from None
    print(f"已重置“{args.login}”的密码，账户锁定也已解除。")
    return 0
