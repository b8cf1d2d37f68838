"""publish: send this community file's changes to the street office's PostgreSQL (issue 14).

The password comes from the address itself, PGPASSWORD, or the system's keyring (as 设置 →
街道服务器 saved it); the street's key for the volunteers' ID hash from LINLIBANG_STREET_KEY
or the keyring. A scheduled task can run this every few minutes: a run with nothing to
send sends nothing, and one cut off (network gone, PC switched off) is finished by the next.
"""

from __future__ import annotations

import argparse
import json
import os
from urllib.parse import unquote, urlsplit

from . import CommandError
from .common import open_session
from .typed_values import text

KEY_ENV = "LINLIBANG_STREET_KEY"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("publish", help="把本社区的变更上报到街道服务器（PostgreSQL）")
    p.add_argument("--to", type=text, required=True, metavar="URL",
                   help="街道服务器地址，如 postgresql://账号@主机/数据库")
    p.add_argument("--json", action="store_true", help="以JSON输出结果")
    p.add_argument("--batch", type=int, default=500, metavar="N",
                   help="每批最多发送的行数（默认500，每批是服务器上的一个事务）")
    p.set_defaults(handler=run_publish)


def run_publish(args: argparse.Namespace) -> int:
    from ..services.street.publish import publish
    from ..services.street.server import StreetServerError

    if args.batch < 1:
        raise CommandError("--batch 必须是正整数。")
    with open_session(args) as session:
        try:
            result = publish(session, args.to, _password(args.to), _street_key(),
                             batch_size=args.batch)
        except StreetServerError as error:
            raise CommandError(str(error)) from None
    if args.json:
        print(json.dumps({"sent": result.sent, "deleted": result.deleted, "full": result.full,
                          "acked_seq": result.acked_seq, "waiting": result.waiting,
                          "at": result.at.isoformat(timespec="seconds")},
                         ensure_ascii=False))
        return 0
    line = f"已上报 {result.sent} 条变更（含删除 {result.deleted} 条），待上报 {result.waiting}"
    print(line + ("；全量重发" if result.full else "") + "。")
    return 0


def _password(url: str) -> str | None:
    """None when the address or PGPASSWORD already holds it (the driver reads both);
    else the one 设置 kept in the keyring, when this PC has a keyring."""
    from ..services.street import config

    parts = urlsplit(url)
    if parts.password or os.environ.get("PGPASSWORD"):
        return None
    try:
        return config.password(url, unquote(parts.username or ""))
    except config.NoKeyringError:       # no keyring here: the server says if it wants one
        return None
    except config.StreetConfigError as error:   # a locked keyring: say so rather than guess
        raise CommandError(str(error)) from None


def _street_key() -> bytes | None:
    """The street's key for the volunteers' ID hash; without one the hash is left empty.

    Only a PC with no keyring at all publishes without the key. A locked one refuses: a
    publish without the key the file last used re-sends every volunteer, hashes emptied."""
    from ..services.street import config

    text: str | bytes | None = os.environ.get(KEY_ENV)
    if text is None:
        try:
            text = config.street_key()
        except config.NoKeyringError:
            text = None
        except config.StreetConfigError as error:
            raise CommandError(str(error)) from None
    if not text:
        return None
    return text if isinstance(text, bytes) else text.encode("utf-8")
