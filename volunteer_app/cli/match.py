"""match: propose (or, with --apply, store) 80后帮90后 pairs."""

from __future__ import annotations

import argparse
import json

from ..services.care import pairing
from . import CommandError
from .common import open_session


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("match", help="为90岁以上老人匹配80后帮手（--apply 保存为结对）")
    p.add_argument("--apply", action="store_true", help="把建议的结对保存为“结对中”")
    p.add_argument("--json", action="store_true", help="以JSON输出结果")
    p.add_argument("--widen", action="store_true", help="允许跨社区结对")
    p.set_defaults(handler=run_match)


def run_match(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        proposal = pairing.propose(session, widen=args.widen)
        result = proposal.result
        if args.apply and result.pairs:
            try:
                pairing.accept(session, result.pairs)
            except pairing.PairingError as error:  # e.g. another match --apply just saved
                raise CommandError(str(error)) from None
        if args.json:
            print(json.dumps({
                "pairs": [{"helper_id": p.helper_id, "resident_id": p.resident_id,
                           "score": p.score.total, "reasons": p.score.reasons}
                          for p in result.pairs],
                "unmatched": [{"resident_id": u.resident_id, "reason": u.reason}
                              for u in result.unmatched],
            }, ensure_ascii=False, indent=1))
            return 0
        helpers, residents = proposal.helpers, proposal.residents
        print(f"建议结对 {len(result.pairs)} 对（其中悬空老人 {result.stranded_matched} 位），"
              f"总分 {result.total_score:g}；未能结对 {len(result.unmatched)} 位老人。")
        print(f"{'帮手':<8}{'老人':<8}{'得分':>6}  理由")
        for p in result.pairs:
            print(f"{helpers[p.helper_id]['name']:<8}{residents[p.resident_id]['name']:<8}"
                  f"{p.score.total:>6g}  {'；'.join(p.score.reasons)}")
        if result.unmatched:
            print("\n未能结对的老人：")
            for u in result.unmatched:
                print(f"  {residents[u.resident_id]['name']}（编号{u.resident_id}）：{u.reason}")
            if not args.widen:
                print("（加 --widen 允许跨社区结对。）")
        if args.apply:
            print(f"\n已保存 {len(result.pairs)} 对结对。")
    return 0
