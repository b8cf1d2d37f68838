"""place list | add-community | add: the communities and their 小区/院落 from the command line,
so a committee that started with an empty database can place its first residents."""

from __future__ import annotations

import argparse

from ..services.people import places
from . import CommandError
from .common import open_session
from .typed_values import plain, text


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("place", help="社区与小区/院落：列出、新增")
    actions = p.add_subparsers(dest="place_command", metavar="操作", required=True)
    actions.add_parser("list", help="列出社区及其小区/院落").set_defaults(handler=run_list)
    community = actions.add_parser("add-community", help="新增社区")
    community.add_argument("name", type=text, help="社区名称，如 高立庄社区")
    community.add_argument("--street", type=text, default="", help="所属街道，如 花乡街道")
    community.add_argument("--kind", type=plain, default="社区", choices=places.COMMUNITY_KINDS, help="社区 或 村")
    community.set_defaults(handler=run_add_community)
    place = actions.add_parser("add", help="新增小区/院落")
    place.add_argument("name", type=text, help="小区/院落名称，如 明春苑")
    place.add_argument("--community", type=text, required=True, help="所属社区的完整名称或编号")
    place.add_argument("--kind", type=plain, default="小区", choices=places.PLACE_KINDS, help="小区 / 院落 / 村 / 其他")
    place.add_argument("--flood-prone", action="store_true", help="低洼易涝（暴雨预警时安排巡查）")
    place.set_defaults(handler=run_add)
    flood = actions.add_parser("flood-prone", help="把已有的小区/院落标为低洼易涝（--off 取消）")
    flood.add_argument("name", type=text, help="小区/院落的完整名称或编号")
    flood.add_argument("--community", type=text, required=True, help="所属社区的完整名称或编号")
    flood.add_argument("--off", action="store_true", help="取消低洼易涝")
    flood.set_defaults(handler=run_flood_prone)


def run_list(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        for community in places.communities(session):
            print(f"{community['id']}\t{community['name']}\t{community['kind']}\t{community['street']}")
            for place in places.places(session, community["id"]):
                mark = "\t低洼易涝" if place["flood_prone"] else ""
                print(f"  {place['id']}\t{place['name']}\t{place['kind']}{mark}")
    return 0


def run_add_community(args: argparse.Namespace) -> int:
    with open_session(args, create=True) as session:
        try:
            community_id = places.add_community(session, args.name, args.street, args.kind)
        except places.PlaceError as error:
            raise CommandError(str(error)) from None
    print(f"已新增社区 {community_id}：{args.name.strip()}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    with open_session(args, create=True) as session:
        community = places.find_community(session, args.community)
        if community is None:
            raise CommandError(f"找不到社区“{args.community}”，请用社区的完整名称或编号（place list 可查）。")
        try:
            place_id = places.add_place(session, community["id"], args.name, args.kind,
                                        flood_prone=args.flood_prone)
        except places.PlaceError as error:
            raise CommandError(str(error)) from None
    mark = "，低洼易涝" if args.flood_prone else ""
    print(f"已新增{args.kind} {place_id}：{args.name.strip()}（{community['name']}{mark}）")
    return 0


def run_flood_prone(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        community = places.find_community(session, args.community)
        if community is None:
            raise CommandError(f"找不到社区“{args.community}”，请用社区的完整名称或编号（place list 可查）。")
        place = places.find_place(session, community["id"], args.name)
        if place is None:
            raise CommandError(f"{community['name']}没有小区/院落“{args.name}”（place list 可查）。")
        try:
            places.set_flood_prone(session, place["id"], not args.off)
        except places.PlaceError as error:
            raise CommandError(str(error)) from None
    print(f"{place['name']}（{community['name']}）：{'已取消低洼易涝' if args.off else '已标为低洼易涝'}")
    return 0
