"""alert start | status | log | close: a weather warning from the command line.

Each subcommand lives in its own module and plugs into the group through :data:`PLUG_INS`
(as ``requests import`` does), so the group costs nothing to import until it is used.
"""

from __future__ import annotations

import argparse
import importlib

# (module of this package, function taking the group's subparsers): one line per plug-in.
PLUG_INS = (
    ("alert_start", "add_start"),     # alert start
    ("alert_roll", "add_status"),     # alert status
    ("alert_roll", "add_log"),        # alert log
    ("alert_close", "add_close"),     # alert close
)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("alert", help="极端天气预警：发布、点名进度、登记点名结果、解除并出总结报告")
    actions = p.add_subparsers(dest="alert_command", metavar="操作", required=True)
    for module, function in PLUG_INS:
        try:
            plug_in = importlib.import_module(f"{__package__}.{module}")
        except ModuleNotFoundError as error:
            if error.name != f"{__package__}.{module}":
                raise
            continue                     # that subcommand's module is not part of this build
        getattr(plug_in, function)(actions)
