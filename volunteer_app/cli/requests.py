"""requests rates | hotspots (| import): 接诉即办 from the command line.

``requests rates --month 2026-11 --json`` prints the month's three rates as the issue spells
the JSON; without ``--json``, a table in Chinese with each rate's formula. ``requests hotspots``
lists the 未诉先办 hot spots. Other modules add their subcommands to the group through
:data:`PLUG_INS` (``requests import`` is cli/requests_import.py's ``add_import``).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json

from ..services.requests import hotspots, rates
from . import CommandError
from .common import open_session
from .typed_values import plain

# (module of this package, function taking the group's subparsers): one line per plug-in.
PLUG_INS = (("requests_import", "add_import"),)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("requests", help="接诉即办：12345工单的三率、高频诉求")
    actions = p.add_subparsers(dest="requests_command", metavar="操作", required=True)
    add_rates(actions)
    add_hotspots(actions)
    for module, function in PLUG_INS:
        try:
            plug_in = importlib.import_module(f"{__package__}.{module}")
        except ModuleNotFoundError as error:
            if error.name != f"{__package__}.{module}":
                raise
            continue                     # that subcommand's module is not part of this build
        getattr(plug_in, function)(actions)


def add_rates(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("rates", help="某月的响应率、解决率、满意率（按来电时间，统计有回访结果的工单）")
    p.add_argument("--month", type=plain, help="年-月，如 2026-11（默认本月）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=run_rates)


def add_hotspots(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("hotspots", help="高频诉求（未诉先办）：同一地点、同一问题分类的多次诉求")
    p.add_argument("--days", type=int, help="统计最近多少天（默认按系统设置，30天）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=run_hotspots)


def run_rates(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        try:
            figures = rates.month_rates(session, args.month or rates.current_month(session))
        except ValueError as error:
            raise CommandError(str(error)) from None
        formulas = rates.formulas(session)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return 0
    print(f"{figures['month']} 接诉即办三率（按来电时间统计）")
    for key, label in (("received", "受理工单"), ("rated", "有回访结果"), ("contacted", "已联系"),
                       ("resolved", "已解决"), ("satisfied", "满意"), ("basically_satisfied", "基本满意")):
        print(f"  {label}\t{figures[key]}")
    for key in ("response_rate", "resolution_rate", "satisfaction_rate"):
        value = figures[key]
        shown = "—（无回访结果）" if value is None else f"{value:.2%}"
        print(f"  {formulas[key].split(' = ')[0]}\t{shown}\t{formulas[key]}")
    return 0


def run_hotspots(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        try:
            found = hotspots.find(session, args.days)
        except ValueError as error:
            raise CommandError(str(error)) from None
        numbers = [hotspots.ticket_numbers(session, spot) for spot in found]
    if args.json:
        rows = [{**dataclasses.asdict(spot), "ticket_nos": nos} for spot, nos in zip(found, numbers, strict=True)]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if not found:
        print("没有高频诉求。")
    for spot, nos in zip(found, numbers, strict=True):
        print(f"{spot.where}\t{spot.category or '（未分类）'}\t{spot.count}件\t"
              f"{spot.first_at[:10]} 至 {spot.last_at[:10]}\t工单：{'、'.join(nos)}")
    return 0
