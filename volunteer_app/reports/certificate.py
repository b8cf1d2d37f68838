"""The 志愿服务记录证明 as a printable page; a batch is one document, a certificate a page.

Laid out from :class:`services.certificates.Certificate`; the ID number arrives masked.
A reprint says so in its title and names the original certificate's number.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtGui import QTextDocument

from ..domain.stars import stars_symbols
from ..services.certificates import Certificate, format_hours
from .printing import build_document, escape, write_pdf

TITLE = "志愿服务记录证明"


def _chinese_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def certificate_html(c: Certificate, first: bool = True) -> str:
    brk = "" if first else ' style="page-break-before: always"'
    reprint = (f'<p align="center" style="color:#b00020; font-size:13pt;"><b>（补打 / 重印）</b> '
               f'原证明编号：{escape(c.reprint_of_number)}</p>') if c.is_reprint else ""
    content_rows = "".join(
        f"<tr><td>{escape(line.service_type)}</td><td align=\"right\">{line.times}</td>"
        f"<td align=\"right\">{format_hours(line.hours)}</td></tr>" for line in c.content)
    next_hint = (f"，距下一星级还需 {format_hours(c.stars.hours_to_next)} 小时"
                 if c.stars.hours_to_next is not None else "")
    return f"""
<div{brk}>
<h1 style="font-size:22pt;">{TITLE}</h1>
{reprint}
<p align="right">证明编号：<b>{escape(c.number)}</b></p>
<table border="1" cellspacing="0" cellpadding="4" width="100%">
<thead><tr><th width="22%">项目</th><th>内容</th></tr></thead>
<tr><td>姓名</td><td>{escape(c.name)}</td></tr>
<tr><td>证件类型</td><td>{escape(c.id_type)}</td></tr>
<tr><td>证件号码</td><td>{escape(c.id_masked)}</td></tr>
<tr><td>志愿者编号</td><td>{escape(c.volunteer_no)}</td></tr>
<tr><td>服务期间</td><td>{_chinese_date(c.period_from)} 至 {_chinese_date(c.period_to)}</td></tr>
<tr><td>服务时长合计</td><td><b>{format_hours(c.hours)} 小时</b></td></tr>
<tr><td>星级</td><td>{escape(c.stars.text)} {stars_symbols(c.stars.level)}
（累计计星时长 {format_hours(c.stars.hours)} 小时{next_hint}）</td></tr>
</table>
<p>兹证明 <b>{escape(c.name)}</b> 于上述期间在{escape(c.issuer)}参加志愿服务，经核实，累计志愿服务时长
<b>{format_hours(c.hours)}</b> 小时。服务内容如下：</p>
<table border="1" cellspacing="0" cellpadding="3" width="100%">
<thead><tr><th>服务类别</th><th width="18%">次数</th><th width="24%">时长（小时）</th></tr></thead>
{content_rows}
</table>
<p class="muted">本证明依据已核实并锁定的志愿服务记录出具，免费、如实出具；服务时长为实际服务时间，不含往返路程。</p>
<table cellspacing="0" cellpadding="5" width="100%">
<tr><td width="58%">出具单位：{escape(c.issuer)}</td>
<td rowspan="5" align="center" valign="middle"
 style="border: 1px dashed #888888; color:#888888;">（盖章处）</td></tr>
<tr><td>负责人：{escape(c.leader) or "＿＿＿＿＿＿"}</td></tr>
<tr><td>经办人：{escape(c.handler)}</td></tr>
<tr><td>联系电话：{escape(c.contact) or "＿＿＿＿＿＿"}</td></tr>
<tr><td>出具日期：{_chinese_date(c.issued_on)}</td></tr>
</table>
</div>
"""


def certificates_document(certificates: Sequence[Certificate]) -> QTextDocument:
    body = "".join(certificate_html(c, first=(i == 0)) for i, c in enumerate(certificates))
    return build_document(f"<html><body>{body}</body></html>", TITLE)


def write_certificates_pdf(certificates: Sequence[Certificate], path: Path | str) -> Path:
    return write_pdf(certificates_document(certificates), path, TITLE)
