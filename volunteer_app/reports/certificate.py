"""The 志愿服务记录证明 as a printable page; a batch is one document, a certificate a page.

Laid out from :class:`services.hours.certificates.Certificate`; the ID number arrives masked.
A reprint says so in its title and names the original certificate's number.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QTextDocument

from ..domain.day_text import full_date
from ..domain.stars import stars_symbols
from ..services.hours.certificates import Certificate, ContentLine, format_hours
from .printing import PageCallback, Pages, build_document, escape, pages_needed, write_pages_pdf

TITLE = "志愿服务记录证明"


LABEL = ' style="background-color:#f2f4f7;"'
CSS = "td, th { font-size: 11.5pt; }"
MAX_LINES = 8           # service types listed (the rest summed as 其他) so that one page holds it
NOTE = ("说明：本证明根据志愿服务记录如实出具，不收取任何费用；服务时长为实际服务时间，不含往返路程。"
        "星级按累计志愿服务时长评定（100、300、600、1000、1500小时分别为一至五星级）。")


def _gap(points: int) -> str:
    """Vertical space: Qt's rich text drops the top margin of a paragraph after a table."""
    return f'<p style="font-size:{points}pt; margin:0;">&nbsp;</p>'


def _fitting(content: Sequence[ContentLine], max_lines: int) -> list[ContentLine]:
    """The content lines that fit on the certificate's one page: past ``max_lines`` service
    types, the smallest are summed into one 其他 line (the totals stay exact)."""
    if len(content) <= max_lines:
        return list(content)
    kept, rest = list(content[:max_lines - 1]), content[max_lines - 1:]
    kept.append(ContentLine(f"其他服务（{len(rest)}类）", sum(line.times for line in rest),
                            round(sum(line.hours for line in rest), 2)))
    return kept


def _big(text: str, bold: bool = False) -> str:
    # Qt does not pass a span's size on to the spans inside it: each one carries its own.
    weight = " font-weight:bold;" if bold else ""
    return f'<span style="font-size:12.5pt;{weight}">{text}</span>'


def _duty_line(c: Certificate) -> str:
    """A community worker's duty hours, shown apart: recorded, but not volunteer service."""
    if c.duty_hours <= 0:
        return ""
    office = f"（{escape(c.office_hours)}）" if c.office_hours else ""
    return (f'<p style="margin-top:4pt;">另有社区工作者工作日上班时间{office}内的本职服务'
            f"<b>{format_hours(c.duty_hours)}</b>小时，已登记，不属于志愿服务，未计入上述服务时长。</p>")


def certificate_html(c: Certificate, first: bool = True, max_lines: int = MAX_LINES) -> str:
    """One certificate on one page: the statement, the volunteer's particulars, the content
    of the service, and the issuer's block with room for the seal over its name and date."""
    brk = "" if first else ' style="page-break-before: always"'
    reprint = (f'<p align="center" style="color:#b00020; font-size:12pt;"><b>补打件</b>'
               f'（原证明编号：{escape(c.reprint_of_number)}，与原件具同等证明效力）</p>'
               ) if c.is_reprint else ""
    period = f"{full_date(c.period_from)}至{full_date(c.period_to)}"
    # No line breaks inside a paragraph: Qt turns them into spaces between Chinese characters.
    statement = "".join((
        _big("兹证明"), _big(escape(c.name), bold=True),
        _big(f"（{escape(c.id_type)}号码：{escape(c.id_masked)}）于{period}期间在"
             f"{escape(c.issuer)}参加志愿服务，经核实，累计志愿服务时长"),
        _big(format_hours(c.hours), bold=True), _big("小时。具体情况如下：")))
    content_rows = "".join(
        f'<tr><td align="center">{i}</td><td>{escape(line.service_type)}</td>'
        f'<td align="right">{line.times}</td><td align="right">{format_hours(line.hours)}</td></tr>'
        for i, line in enumerate(_fitting(c.content, max_lines), start=1))
    times = sum(line.times for line in c.content)
    return f"""
<div{brk}>
<p align="center" style="font-size:24pt; font-weight:bold; margin-top:0; margin-bottom:4pt;">{TITLE}</p>
{reprint}
<p align="right" style="margin-bottom:4pt;">证明编号：<b>{escape(c.number)}</b></p>
{_gap(4)}
<p style="line-height:140%; text-indent:32px;">{statement}</p>
{_gap(6)}
<table border="1" cellspacing="0" cellpadding="5" width="100%" style="border-color:#444444;">
<tr><td width="17%"{LABEL}>姓　　名</td><td width="33%">{escape(c.name)}</td>
<td width="17%"{LABEL}>志愿者编号</td><td width="33%">{escape(c.volunteer_no)}</td></tr>
<tr><td{LABEL}>证件类型</td><td>{escape(c.id_type)}</td>
<td{LABEL}>证件号码</td><td>{escape(c.id_masked)}</td></tr>
<tr><td{LABEL}>服务期间</td><td colspan="3">{period}</td></tr>
<tr><td{LABEL}>服务时长合计</td><td><b>{format_hours(c.hours)} 小时</b></td>
<td{LABEL}>星　　级</td><td>{escape(c.stars.text)} {stars_symbols(c.stars.level)}</td></tr>
</table>
{_gap(6)}
<p style="margin-bottom:6pt;"><span style="font-size:12pt; font-weight:bold;">服务内容</span></p>
<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-color:#444444;">
<thead><tr><th width="10%">序号</th><th>服务类别</th><th width="20%">服务次数</th>
<th width="24%">服务时长（小时）</th></tr></thead>
{content_rows}
<tr><td colspan="2" align="center"><b>合　　计</b></td><td align="right"><b>{times}</b></td>
<td align="right"><b>{format_hours(c.hours)}</b></td></tr>
</table>
{_duty_line(c)}{_gap(4)}
<p style="text-indent:32px;">{_big("特此证明。")}</p>
{_gap(6)}
<table cellspacing="0" cellpadding="5" width="100%">
<tr><td width="56%" valign="bottom">负责人：{escape(c.leader) or "＿＿＿＿＿"}　经办人：{escape(c.handler)}</td>
<td width="44%" rowspan="3" align="center" valign="middle"
 style="border: 1px dashed #999999; font-size:12pt;"><span style="color:#999999;">（盖章）</span>
<br/>出具单位：{escape(c.issuer)}<br/>{full_date(c.issued_on)}</td></tr>
<tr><td valign="bottom">联系电话：{escape(c.contact) or "＿＿＿＿＿＿"}</td></tr>
<tr><td valign="bottom">出具日期：{full_date(c.issued_on)}</td></tr>
</table>
{_gap(6)}
<p class="muted" style="font-size:9pt;">{NOTE}</p>
</div>
"""


def fitted_html(c: Certificate, first: bool = True) -> str:
    """:func:`certificate_html` with as many service types listed as one page holds (a very
    long name or issuer takes lines from them; the rest are summed as 其他)."""
    for max_lines in (MAX_LINES, 6, 4, 2):
        if max_lines == 2 or pages_needed(_document(certificate_html(c, True, max_lines))) == 1:
            return certificate_html(c, first, max_lines)
    raise AssertionError("unreachable")


def certificates_document(certificates: Sequence[Certificate]) -> QTextDocument:
    """All of them as one document, a certificate a page (the preview, a printer)."""
    body = "".join(fitted_html(c, first=(i == 0)) for i, c in enumerate(certificates))
    return _document(body)


def _document(body: str) -> QTextDocument:
    return build_document(f"<html><head><style>{CSS}</style></head><body>{body}</body></html>", TITLE)


def certificate_pages(certificates: Sequence[Certificate]) -> Pages:
    """One small document per certificate, built as its page is painted; no page numbers
    (a certificate stands alone)."""
    return Pages(tuple(lambda c=c: _document(fitted_html(c)) for c in certificates),
                 TITLE, page_numbers=False)


def write_certificates_pdf(certificates: Sequence[Certificate], path: Path | str,
                           on_page: PageCallback | None = None) -> Path:
    return write_pages_pdf(certificate_pages(certificates), path, on_page)
