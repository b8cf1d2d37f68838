"""12345 exports as the city's system hands them out, built by the tests themselves (never a
real one): a title row or two, then the header, then one row per ticket (工单). Callers and
numbers are invented."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ledger_fixtures import write_csv, write_xlsx

TITLE = "北京市12345市民服务热线 工单导出（花乡街道）"
HEADER = ["序号", "工单编号", "来电时间", "派单时间", "诉求人", "联系电话", "诉求地址", "问题分类",
          "诉求内容", "诉求类型", "紧急程度", "承办单位", "主办/协办", "办理时限", "是否联系",
          "是否解决", "满意度"]
# the same columns under other names, and the category as three level columns
SYNONYM_HEADER = ["工单号", "受理时间", "来电人", "电话", "地址", "一级分类", "二级分类", "三级分类",
                  "反映内容", "来电类型", "承办单位", "办结时限", "回访满意度"]

CATEGORIES = ("城乡建设/物业管理/电梯", "城乡建设/垃圾分类/垃圾桶满溢", "城乡建设/供暖/暖气不热",
              "环境保护/噪声污染/施工噪音", "交通管理/停车管理/乱停车", "城乡建设/物业管理/楼道灯不亮")
PLACES = ("明春苑", "银地家园", "高立庄", "郭公庄北街")
SURNAMES = "赵钱孙李周吴郑王冯陈"
GIVEN = "晓明丽华建国秀英志强桂兰"


def ticket(number: int, received: datetime, **cells: Any) -> dict[str, Any]:
    """One ticket as a dict of header → cell (the defaults make a general 物业 ticket)."""
    rng = random.Random(number)
    place = PLACES[number % len(PLACES)]
    row = {
        "序号": number, "工单编号": f"GD2026{number:06d}", "来电时间": received,
        "派单时间": received + timedelta(minutes=40) if isinstance(received, datetime) else received, "诉求人": rng.choice(SURNAMES) + rng.choice(GIVEN),
        "联系电话": f"139{number:08d}", "诉求地址": f"丰台区花乡街道{place}{number % 9 + 1}号楼",
        "问题分类": CATEGORIES[number % len(CATEGORIES)], "诉求内容": f"反映{place}的问题，请尽快处理（第{number}件）",
        "诉求类型": "求助", "紧急程度": "一般", "承办单位": "花乡街道", "主办/协办": "主办",
        "办理时限": "", "是否联系": "", "是否解决": "", "满意度": "",
    }
    row.update(cells)
    return row


def rows_of(tickets: Sequence[dict[str, Any]], header: Sequence[str] = HEADER,
            titles: int = 1) -> list[list[Any]]:
    title_rows = [[TITLE], ["导出时间：2026-11-28 09:00"]][:titles]
    return [*title_rows, list(header), *[[t.get(h, "") for h in header] for t in tickets]]


def write_export(path: Path, tickets: Sequence[dict[str, Any]], header: Sequence[str] = HEADER,
                 titles: int = 1, encoding: str = "utf-8-sig") -> Path:
    """An export as .xlsx or .csv (in ``encoding``: utf-8-sig, utf-8 or gbk) by the name's end."""
    rows = rows_of(tickets, header, titles)
    if path.suffix == ".csv":
        text_rows = [[c.strftime("%Y-%m-%d %H:%M:%S") if isinstance(c, datetime) else c for c in r]
                     for r in rows]
        return write_csv(path, text_rows, encoding)
    return write_xlsx(path, rows)


def sample_export(path: Path, count: int, first: datetime, seed: int = 13) -> Path:
    """``count`` invented tickets received from ``first`` on, some with a 回访 result."""
    rng = random.Random(seed)
    tickets = []
    for number in range(1, count + 1):
        received = first + timedelta(hours=rng.randint(0, 24 * 28), minutes=rng.randint(0, 59))
        cells = {}
        if rng.random() < 0.5:
            cells = {"是否联系": "已联系", "是否解决": rng.choice(("已解决", "未解决")),
                     "满意度": rng.choice(("满意", "基本满意", "不满意"))}
        tickets.append(ticket(number, received, **cells))
    return write_export(path, tickets)
