"""alert status | alert log: the open warning's roll-call from the command line.

``alert status --json`` prints the issue's object (cli/alerts.py's group; services/alerts/
board.status_json); without ``--json`` a short table in Chinese: the figures, then the
unreached. ``alert log --resident ID --result 平安`` logs one attempt on the open warning's
roll-call (services/alerts/attempts.log_for_resident). Neither creates a database file.
"""

from __future__ import annotations

import argparse
import json

from ..domain.weather import Need, Result, Via
from ..services.alerts import access, attempts, board
from . import CommandError
from .common import open_session
from .typed_values import text


def add_status(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("status", help="进行中预警的点名进度：已联系、需要帮助、未联系上的居民")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=run_status)


def add_log(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("log", help="登记一次点名结果（进行中的预警）")
    p.add_argument("--resident", type=int, required=True, help="居民编号（residents 表的 id）")
    p.add_argument("--result", type=text, required=True, help=f"点名结果：{'、'.join(Result)}")
    p.add_argument("--need", type=text, action="append", default=[], help=f"需要的帮助（可多次）：{'、'.join(Need)}")
    p.add_argument("--via", type=text, default=Via.SELF.value, help=f"联系上的是：{'、'.join(Via)}（默认本人）")
    p.add_argument("--note", type=text, default="", help="备注")
    p.set_defaults(handler=run_log)


def run_status(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        status = board.status_json(session)
    if args.json:
        print(json.dumps(status, ensure_ascii=False))
        return 0
    if status["alert"] is None:
        print("现在没有进行中的预警。")
        return 0
    alert = status["alert"]
    median = "—" if status["median_minutes"] is None else f"{status['median_minutes']}分钟"
    print(f"{access.title(alert['type'], alert['level'])}（{alert['started'][:16].replace('T', ' ')}发布）")
    print(f"  点名人数\t{status['total']}")
    print(f"  已联系上\t{status['reached']}")
    print(f"  需要帮助\t{status['needs_help']}")
    print(f"  联系上的中位用时\t{median}")
    print(f"  未联系上\t{len(status['unreached'])}")
    if status["unreached"]:
        print("居民编号\t已等待（分钟）\t尝试次数\t已转上门")
    for row in status["unreached"]:
        print(f"{row['resident_id']}\t{row['waiting_minutes']}\t{row['attempts']}\t{'是' if row['escalated'] else '否'}")
    return 0


def run_log(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        try:
            row = attempts.log_for_resident(session, args.resident, args.result, needs=args.need,
                                            note=args.note, via=args.via)
        except ValueError as error:          # AlertError: no open warning, not on the list, bad word
            raise CommandError(str(error)) from None
    needs = f"（需要{'、'.join(row['needs'])}）" if row["needs"] else ""
    print(f"已登记：居民{args.resident}，{args.result}{needs}；现在状态：{row['state']}，"
          f"共尝试{row['attempts']}次{'，已转上门查看' if row['escalated'] else ''}。")
    return 0
