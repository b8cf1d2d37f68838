"""A team's week roster handed out three ways: an A4 page to print or save as PDF, plain text to
paste into the team's WeChat group, and an .ics calendar file for phones.

Calendar times carry TZID=Asia/Shanghai with the VTIMEZONE written into the file, so a phone
set to another zone (a volunteer travelling, a PC left on UTC) still shows the shift at the
local hour it happens. Each event's UID is the shift's uid: a file saved again after a change
updates the events already imported instead of adding copies, and a cancelled shift is sent
as STATUS:CANCELLED so that the phone drops it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtGui import QTextDocument

from ..domain.day_text import full_date, month_day
from ..services.scheduling.roster import WEEKDAYS, Roster, RosterDay, RosterShift
from .printing import build_document, escape, write_pdf

if TYPE_CHECKING:
    import icalendar

TIMEZONE = "Asia/Shanghai"
UID_DOMAIN = "linlibang"
RED = "#b00000"
_WIDTHS = (11, 13, 25, 15, 22, 7, 7)
NOWRAP = ' style="white-space:nowrap;"'


def week_title(roster: Roster) -> str:
    """第49周（11月30日至12月6日）"""
    return f"第{roster.week_number}周（{month_day(roster.monday)}至{month_day(roster.sunday)}）"


def roster_html(roster: Roster, issuer: str = "") -> str:
    live = [s for s in roster.shifts if not s.cancelled]
    short = [s for s in live if s.short]
    summary = (f"本周共 {len(live)} 个班次，已安排 {sum(len(s.names) for s in live)} 人次"
               + (f"，其中 {len(short)} 个班次缺人，共缺 {sum(s.short for s in short)} 人。"
                  if short else "，各班次人数已够。"))
    monday = roster.monday
    parts = [
        f"<h1>{escape(roster.team_name)}值班表</h1>",
        f'<p align="center" style="font-size:13pt;">{monday.isocalendar().year}年'
        f"{escape(week_title(roster))}</p>",
        f'<p align="center" class="muted">{escape(issuer)}</p>' if issuer else "",
        f'<p style="margin-top:8pt; margin-bottom:6pt;">{escape(summary)}</p>',
        _table(roster),
        '<p class="muted" style="font-size:9pt;">请按时到岗；不能到岗的请提前告知队长，以便调换。'
        "“缺N人”为尚未排满的班次，欢迎报名。</p>",
        _footer(roster),
    ]
    # A little smaller than the other reports' 10.5pt so that a usual week fits on one page.
    return ("<html><head><style>td { font-size: 10pt; }</style></head><body>" + "".join(parts)
            + "</body></html>")


def _table(roster: Roster) -> str:
    headers = ("日期", "时间", "任务", "地点", "值班人员", "需要", "已排")
    head = "".join(f'<th width="{w}%"{NOWRAP}>{h}</th>' for h, w in zip(headers, _WIDTHS, strict=True))
    rows = []
    for day in roster.days:
        shifts = [s for s in day.shifts if not s.cancelled]
        if not shifts:
            rows.append(f'<tr>{_day_cell(day, first=True)}<td colspan="6" class="muted">本日无值班</td></tr>')
        # The day in every row, not one cell spanning the day's rows: a page break inside the
        # day would leave the rows on the next page without their date.
        rows += [f"<tr>{_day_cell(day, first=i == 0)}{_cells(shift)}</tr>" for i, shift in enumerate(shifts)]
    return (f'<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>")


def _day_cell(day: RosterDay, first: bool) -> str:
    """The day's first row has its date in bold; the rows after it repeat it in grey."""
    date_text = f"{month_day(day.day)}<br/>{WEEKDAYS[day.day.weekday()]}"
    shown = f"<b>{date_text}</b>" if first else f'<span class="muted">{date_text}</span>'
    return f"<td{NOWRAP}>{shown}</td>"


def _cells(shift: RosterShift) -> str:
    task = escape(shift.title)
    if shift.rota_group:
        task += f"（{escape(shift.rota_group)}组）"
    if shift.notes:
        task += f'<br/><span class="muted" style="font-size:9pt;">{escape(shift.notes)}</span>'
    names = _name_lines(shift.names) if shift.names else '<span class="muted">（待安排）</span>'
    need = f"{shift.min_people}" if shift.min_people == shift.max_people else \
        f"{shift.min_people}–{shift.max_people}"
    count = f"{len(shift.names)}"
    if shift.short:
        count += f'<br/><span style="color:{RED};"><b>缺{shift.short}人</b></span>'
    return (f"<td{NOWRAP}>{shift.start:%H:%M}–{shift.end:%H:%M}</td><td>{task}</td>"
            f"<td>{escape(shift.place)}</td><td>{names}</td><td align=\"center\"{NOWRAP}>{need}</td>"
            f"<td align=\"center\"{NOWRAP}>{count}</td>")


def _name_lines(names: Sequence[str], width: float = 8) -> str:
    """Names packed into lines that fit the column, broken only between names: Qt breaks
    Chinese text between any two characters, and a name split over two lines reads wrong."""
    lines: list[str] = []
    for name in names:
        if lines and _width(lines[-1]) + _width(name) + 1 <= width:
            lines[-1] += "、" + name
        else:
            if lines:
                lines[-1] += "、"
            lines.append(name)
    return "<br/>".join(escape(line) for line in lines)


def _width(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


def _footer(roster: Roster) -> str:
    captain = f"队长：{escape(roster.captain)}　　" if roster.captain else "队长"
    return ('<table width="100%" cellspacing="0" cellpadding="0" style="margin-top:12pt;"><tr>'
            f"<td>打印日期：{full_date(roster.made_on)}</td>"
            f'<td align="right">{captain}签字：________________</td></tr></table>')


def roster_document(roster: Roster, issuer: str = "") -> QTextDocument:
    return build_document(roster_html(roster, issuer), f"{roster.team_name} {roster.iso_week} 值班表")


def write_roster_pdf(roster: Roster, path: Path | str, issuer: str = "") -> Path:
    return write_pdf(roster_document(roster, issuer), path)


# -- WeChat text --------------------------------------------------------------------------------

def roster_text(roster: Roster) -> str:
    """Short lines, no tables or tabs: the group shows them as written on any phone."""
    lines = [f"【{roster.team_name} 第{roster.week_number}周值班表】",
             f"{month_day(roster.monday)}—{month_day(roster.sunday)}"]
    for day in roster.days:
        shifts = [s for s in day.shifts if not s.cancelled]
        if not shifts:
            continue
        lines += ["", day.label]
        lines += [_text_line(s) for s in shifts]
    if not roster.shifts or all(s.cancelled for s in roster.shifts):
        lines += ["", "本周没有值班安排。"]
    if roster.captain:
        lines += ["", f"不能到岗的请提前告诉队长{roster.captain}。"]
    return "\n".join(lines) + "\n"


def _text_line(shift: RosterShift) -> str:
    task = shift.title + (f"·{shift.rota_group}组" if shift.rota_group else "")
    place = f"（{shift.place}）" if shift.place and not _names_place(shift.title, shift.place) else ""
    names = "、".join(shift.names) if shift.names else "待安排"
    short = f"（缺{shift.short}人）" if shift.short else ""
    return f"{shift.times} {task}{place}：{names}{short}"


def _names_place(title: str, place: str) -> bool:
    """"银地家园垃圾分类桶前值守" already says where "银地家园垃圾分类驿站" is: on a phone a
    shorter line reads better than the place twice."""
    return place in title or (len(place) >= 3 and title.startswith(place[:3]))


# -- calendar file --------------------------------------------------------------------------

def roster_ics(source: Roster | Iterable[RosterShift], name: str = "",
               stamp: datetime | None = None) -> bytes:
    """An .ics file with one VEVENT per shift, for a team's week (a Roster) or for the shifts
    of one volunteer (services.scheduling.roster.volunteer_shifts)."""
    import icalendar  # here, not at the top: 80 ms the window's start-up need not pay

    if isinstance(source, Roster):
        shifts: Sequence[RosterShift] = source.shifts
        name = name or f"{source.team_name} 第{source.week_number}周值班"
    else:
        shifts = list(source)
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//邻里帮//值班表//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name or "邻里帮值班")
    calendar.add("x-wr-timezone", TIMEZONE)
    for shift in shifts:
        calendar.add_component(_event(shift, stamp))
    if shifts:
        days = [s.day for s in shifts]
        calendar.add_missing_timezones(first_date=min(days), last_date=max(days) + timedelta(days=2))
    return calendar.to_ical()


def _event(shift: RosterShift, stamp: datetime) -> icalendar.Event:
    import icalendar

    zone = ZoneInfo(TIMEZONE)
    start = datetime.combine(shift.day, shift.start, zone)
    end = datetime.combine(shift.day, shift.end, zone)
    if end <= start:          # ends after midnight
        end += timedelta(days=1)
    event = icalendar.Event()
    event.add("uid", f"{shift.uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", shift.title + (f"（{shift.rota_group}组）" if shift.rota_group else ""))
    if shift.place:
        event.add("location", shift.place + (f"，{shift.address}" if shift.address else ""))
    names = "、".join(shift.names) if shift.names else "待安排"
    lines = [shift.team_name, f"值班人员：{names}",
             f"需要{shift.min_people}人" + (f"，缺{shift.short}人" if shift.short else "")]
    if shift.notes:
        lines.append(shift.notes)
    event.add("description", "\n".join(lines))
    event.add("categories", [shift.service_type])
    event.add("status", "CANCELLED" if shift.cancelled else "CONFIRMED")
    return event
