"""``street --server URL [--json]``: the street office's figures, every community side by side.

With ``--json`` it prints ``{"communities": [{"uid", "name", "residents_90_plus", "xuankong",
"uncovered", "late_visits", "hours_this_month", "active_volunteers", "last_published", …}]}``
(the issue's keys, and the roll-call and 三率 besides); without it main.py opens the street
window (:func:`window_server` tells it so), as it opens the main window for a line with no
command: this package never imports the window. The ``street`` group and its subcommands
(init, add-publisher, add-viewer) live in cli/street.py, which calls :func:`add_bare_form`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date

from . import CommandError
from .typed_values import text

SERVER_HELP = "街道服务器地址：postgresql://账号[:密码]@主机[:端口]/数据库（密码也可用环境变量 PGPASSWORD）"


def add_bare_form(street: argparse.ArgumentParser) -> None:
    """``street --server URL [--json]`` with no subcommand: the figures (or the window)."""
    street.add_argument("--server", dest="street_server", type=text, metavar="URL", help=SERVER_HELP)
    street.add_argument("--json", dest="street_json", action="store_true",
                        help="以 JSON 输出各社区的数字（不带 --json 时打开街道窗口）")
    street.set_defaults(handler=show)


def show(args: argparse.Namespace) -> int:
    url = getattr(args, "street_server", None)
    if not url:
        raise CommandError("请用 --server 给出街道服务器地址（street --server postgresql://账号@主机/数据库），"
                           "或给出操作：street init、street add-publisher、street add-viewer（用 --help 查看用法）")
    if not getattr(args, "street_json", False):
        # main.py opens the window for this line; reaching here means it could not tell
        raise CommandError("要打开街道窗口，请直接运行 python main.py street --server URL")
    print(json.dumps(communities_json(url), ensure_ascii=False))
    return 0


def communities_json(url: str, today: date | None = None) -> dict:
    from ..services.street import figures
    from ..services.street.server import StreetServerError

    try:
        rows = figures.read(url, None, figures.communities, today or date.today())
    except StreetServerError as error:
        raise CommandError(str(error)) from None
    return {"communities": [row.as_json() for row in rows]}


def window_server(line: Sequence[str]) -> str | None:
    """The server URL when the line asks for the street window (``street --server URL`` and
    nothing else, ``--db FILE`` anywhere aside), else None. Imports nothing."""
    words, url, i = [], None, 0
    while i < len(line):
        if line[i] in ("--db", "--server") and i + 1 < len(line):
            url = line[i + 1] if line[i] == "--server" else url
            i += 2
            continue
        if line[i].startswith("--server="):
            url = line[i].split("=", 1)[1]
        elif not line[i].startswith("--db="):
            words.append(line[i])
        i += 1
    # --json, a subcommand, --help, a slip: the command line's
    return (url or None) if words == ["street"] else None
