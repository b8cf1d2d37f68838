"""The call sheet (点名表): A4 landscape, the residents by place and building (the building
named on its first line), one line each with the number printed so that the result is typed back against it, tick
boxes for the four results and room for a note. From services/alerts/paper.call_sheet_data;
phones are full or masked as that decided. Laid out a page at a time (long_tables.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QPagedPaintDevice

from ..domain.day_text import full_moment
from ..domain.weather import Result
from .long_table import LongTable
from .long_tables import paint_long_tables, write_long_tables_pdf
from .printing import PageCallback, escape

HEADERS = ("序号", "姓名", "小区楼号", "单元门牌", "电话", "家属联系人", "结果（请勾选）", "备注")
WIDTHS = (5, 8, 13, 9, 12, 14, 27, 12)
TICKS = "  ".join(f"□{result.value}" for result in Result)     # □平安 □需要帮助 □未接通 □已上门
INSTRUCTIONS = ("填写说明：每行勾选一个结果；需要帮助的，请在备注写明送餐、送药、取暖、就医、转移或其他；"
                "交回社区后按序号录入。")


def _attempts(row: dict[str, Any]) -> str:
    return f"已拨{row['attempts']}次未接通" if row["attempts"] else ""


def _rows(groups: list[dict[str, Any]]) -> list[tuple]:
    """The lines of the sheet: each building named on its first line only, so the eye finds
    where each building starts."""
    lines = []
    for group in groups:
        building = f"{group['place'] or '（未登记小区）'}{group['building']}"
        for index, row in enumerate(group["rows"]):
            lines.append((row["line"], row["name"], building if index == 0 else "",
                          f"{row['unit']}{row['room']}", row["phone"] or "（未登记）",
                          row["emergency_contact"] or "", TICKS, _attempts(row)))
    return lines


def _heading(data: dict[str, Any]) -> str:
    caller = f"联系人：{escape(data['caller_name'])}　　" if data["caller_name"] else ""
    phones = ("电话为完整号码，仅供本次预警联系老人使用，用完请交回社区。" if data["full_phones"]
              else "电话已打码（预警已解除，或本账号不能查看完整号码）。")
    return (f'<p align="center" style="font-size:16pt; font-weight:bold;">{escape(data["title"])}</p>'
            f"<p>{caller}打印时间：{full_moment(data['printed_at'])}　　共{data['count']}人　　"
            f"{escape(phones)}</p>")


def sheet_tables(data: dict[str, Any]) -> list[LongTable]:
    after = ("" if data["groups"] else '<p class="muted">名单上的居民都已联系上。</p>')
    return [LongTable(HEADERS, _rows(data["groups"]), right=(0,), widths=WIDTHS, before=_heading(data),
                      after=after + f'<p class="muted">{escape(INSTRUCTIONS)}</p>', title=data["title"],
                      landscape=True)]


def write_call_sheet(data: dict[str, Any], path: Path | str, on_page: PageCallback | None = None) -> Path:
    return write_long_tables_pdf(sheet_tables(data), path, data["title"], on_page)


def paint_call_sheet(data: dict[str, Any], device: QPagedPaintDevice, on_page: PageCallback | None = None) -> int:
    """The sheet on a printer (the window's 打印点名表)."""
    return paint_long_tables(sheet_tables(data), device, on_page)
