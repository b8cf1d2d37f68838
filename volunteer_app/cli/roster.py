"""roster: a team's week roster (or one volunteer's shifts) as PDF, calendar file or WeChat text."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta

from ..services.scheduling import roster
from ..services.scheduling.roster import RosterError
from . import CommandError
from .common import find_team_id, find_volunteer, gui_application, open_session, write_out
from .typed_values import path, plain, text

FORMATS = {".pdf": "pdf", ".ics": "ics", ".txt": "text"}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("roster", help="导出一周值班表（PDF、日历文件或可粘贴到微信群的文字）")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--team", type=text, help="队伍的编号（数据库id）或完整队名")
    who.add_argument("--volunteer", type=text, help="志愿者的编号（数据库id）或志愿者编号；只用于 ics")
    p.add_argument("--week", required=True, type=plain, help="ISO周，如 2026-W49（周一到周日）")
    p.add_argument("--format", type=plain, choices=("pdf", "ics", "text"),
                   help="pdf（A4打印）、ics（手机日历）或 text（微信群文字）；默认看 --out 的扩展名")
    p.add_argument("--out", type=path,
                   help="输出文件（.pdf、.ics、.txt）；text 格式不写 --out 时打印到屏幕")
    p.set_defaults(handler=run_roster)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.out is None:
        return "text"
    found = FORMATS.get(args.out.suffix.lower())
    if found is None:
        raise CommandError(f"看不出 {args.out} 要什么格式，请加 --format pdf、ics 或 text。")
    return found


def run_roster(args: argparse.Namespace) -> int:
    kind = _format(args)
    if kind != "text" and args.out is None:
        raise CommandError(f"{kind} 格式需要用 --out 指定输出文件。")
    if args.volunteer and kind != "ics":
        raise CommandError("按志愿者只能导出日历文件，请用 --format ics（或按队伍 --team 导出）。")
    try:
        monday = roster.week_monday(args.week)
    except RosterError as error:
        raise CommandError(str(error)) from error
    if args.volunteer:
        return _volunteer_ics(args, monday)
    if kind == "pdf":
        app = gui_application()  # noqa: F841  (Qt needs it to lay out and print)
    from ..reports.roster import roster_ics, roster_text, write_roster_pdf
    from ..services.admin import settings

    with open_session(args) as session:
        try:
            week = roster.week_roster(session, find_team_id(session, args.team), args.week)
        except RosterError as error:
            raise CommandError(str(error)) from error
        if kind == "pdf":
            issuer = str(settings.get(session, "community.name"))
            write_out(args.out, lambda out: write_roster_pdf(week, out, issuer))
        elif kind == "ics":
            write_out(args.out, lambda out: out.write_bytes(roster_ics(week)))
        elif args.out is None:
            sys.stdout.write(roster_text(week))
            return 0
        else:
            write_out(args.out, lambda out: out.write_text(roster_text(week), encoding="utf-8"))
    live = [s for s in week.shifts if not s.cancelled]
    short = sum(s.short for s in live)
    print(f"已生成 {week.team_name} {week.iso_week} 值班表：{len(live)}个班次，{len(week.names)}人"
          + (f"，缺{short}人" if short else "") + f"。文件：{args.out}")
    return 0


def _volunteer_ics(args: argparse.Namespace, monday: date) -> int:
    from ..reports.roster import roster_ics

    with open_session(args) as session:
        volunteer_id, name = find_volunteer(session, args.volunteer)
        shifts = roster.volunteer_shifts(session, volunteer_id, monday, monday + timedelta(days=6))
        week = roster.iso_week_of(monday)
        write_out(args.out, lambda out: out.write_bytes(roster_ics(shifts, f"{name} {week} 值班")))
    print(f"已生成 {name} {week} 的日历：{len(shifts)}个班次。文件：{args.out}")
    return 0
