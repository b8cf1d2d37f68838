"""alert start: 发布预警 from the command line, as the window does it.

``python main.py alert start --type 暴雪 --level 橙色 [--until 2026-12-05T18:00]
[--community NAME ...] [--notice TEXT] [--insurance TEXT] [--db FILE]`` builds the roll-call
and the duty shifts and prints one summary; a warning already open in those communities
(and not a lower level of the same type, which is upgraded) is one Chinese line on stderr
and a non-zero exit. It never creates a database. The ``alert`` group belongs to
cli/alerts.py, which plugs :func:`add_start` into it.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Callable
from datetime import datetime
from typing import Any

from ..domain import weather
from ..domain.ticket_columns import parse_datetime
from ..services.alerts import access
from ..services.alerts.start import StartOutcome, StartRequest, start
from ..services.people import places
from ..services.session import Session
from . import CommandError
from .common import open_session
from .typed_values import text


def add_start(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("start", help="发布预警：生成点名名单（谁联系谁）和值班班次，并一键补缺")
    p.add_argument("--type", type=text, required=True, help=f"预警类型：{'、'.join(weather.AlertType)}")
    p.add_argument("--level", type=text, required=True, help=f"预警级别：{'、'.join(weather.AlertLevel)}")
    p.add_argument("--until", type=text, help="预计结束时间，如 2026-12-05T18:00 或 “2026-12-05 18:00”")
    p.add_argument("--community", type=text, action="append", metavar="NAME",
                   help="只对这个社区发布（可写多次）；不写时覆盖数据库里的全部社区")
    p.add_argument("--notice", type=text, default="", help="气象台预警原文")
    p.add_argument("--insurance", type=text, default="", help="铲冰等有受伤风险的任务的志愿者保险（保险公司和保单号）")
    p.set_defaults(handler=run_start)


def run_start(args: argparse.Namespace) -> int:
    kind, level = _word(weather.parse_type, args.type), _word(weather.parse_level, args.level)
    until = _until(args.until)
    with open_session(args) as session:      # never creates a file: a warning needs residents
        ids = _community_ids(session, args.community) if args.community else None
        request = StartRequest(kind, level, until=until, notice=args.notice or "",
                               community_ids=ids, insurance=args.insurance or "")
        try:
            outcome = start(session, request)
        except access.AlertError as error:
            raise CommandError(str(error)) from None
        shown = access.alert(session, outcome.alert_id)
    for line in summary(outcome, shown):
        print(line)
    return 0


def _word(parse: Callable[[str], Any], text: str) -> Any:
    try:
        return parse(text)
    except ValueError as error:
        raise CommandError(str(error)) from None


def _until(text: str | None) -> datetime | None:
    """Full-width digits, a space or a T between date and time, 2026年12月5日18时 all do."""
    if not text:
        return None
    return parse_datetime(unicodedata.normalize("NFKC", text).strip(), "预计结束时间（--until）")


def _community_ids(session: Session, names: list[str]) -> list[int]:
    ids = []
    for name in names:
        found = places.find_community(session, unicodedata.normalize("NFKC", name))
        if found is None:
            known = "、".join(c["name"] for c in places.communities(session)) or "（还没有社区）"
            raise CommandError(f"找不到社区“{name}”，请写社区的全名：{known}。")
        ids.append(found["id"])
    return ids


def summary(outcome: StartOutcome, alert: dict) -> list[str]:
    """The lines printed after a start: what was made, then each warning line."""
    where = "、".join(alert["community_names"])
    if outcome.upgraded:
        lines = [f"已升级为{alert['title']}（编号{outcome.alert_id}，{where}）。",
                 f"点名名单：共{outcome.roll_count}人，本次新增{outcome.added}人。"]
    else:
        lines = [f"已发布{alert['title']}（编号{outcome.alert_id}，{where}）。",
                 f"点名名单：{outcome.roll_count}人。"]
    lines.append(f"值班班次：新生成{outcome.shift_count}个（{len(outcome.task_ids)}项任务），"
                 f"一键补缺安排{outcome.filled}人次，仍缺人的班次{outcome.short_shifts}个。")
    lines += [f"提醒：{w}" for w in outcome.warnings]
    return lines
