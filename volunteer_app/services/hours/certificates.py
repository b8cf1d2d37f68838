"""志愿服务记录证明: certificates from verified records, numbered, kept in an issuance register.

The fields follow 民发〔2015〕149号 (domain.md): the volunteer's name, ID type and number
(masked: first six and last four, as privacy requires), volunteer number, total hours and
the content of the service, the issuer with its 负责人, 经办人 and contact, a certificate
number, the date of issue and room for the seal. Only verified (locked) records count, and
an amendment counts instead of the record it corrected. No certificate is issued while the
issuer's 负责人 or 联系电话 is blank. A community worker's duty hours (inside office hours)
are not volunteer service: the certificate names them apart and leaves them out of its total.

A second certificate for the same volunteer, the same period and the same hours is a
reprint (补打): it is registered with ``reprint_of`` pointing at the first one and the
first one's number with ``-R1``, ``-R2`` … appended. When the hours differ (a record of the
period was amended since), it is a new certificate with a new number, since it certifies
something different.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...domain.hours import star_hours_sql
from ...domain.identity import FieldError, clean_name, mask_id_number
from ...domain.stars import StarStanding, standing
from ...store.rows import new_uid
from ..admin import settings
from ..permissions import Permission
from ..session import Session
from .record_hours import office_hours
from .record_queries import VERIFIED_SQL, verified_hours

PREVIEW_NUMBER = "预览（打印或保存时编号）"


class CertificateError(ValueError):
    """Why a certificate cannot be issued; the message names the volunteer and the period."""


@dataclass(frozen=True)
class ContentLine:
    service_type: str
    times: int
    hours: float


@dataclass(frozen=True)
class Certificate:
    id: int
    number: str
    volunteer_id: int
    name: str
    id_type: str
    id_masked: str
    volunteer_no: str
    period_from: str
    period_to: str
    hours: float
    content: tuple[ContentLine, ...]
    stars: StarStanding
    issuer: str
    leader: str
    handler: str
    contact: str
    issued_on: str
    reprint_of_number: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # A community worker's verified hours inside office hours: shown apart, never in ``hours``.
    duty_hours: float = 0.0
    office_hours: str = ""

    @property
    def is_reprint(self) -> bool:
        return bool(self.reprint_of_number)


def format_hours(hours: float) -> str:
    """123.5 → "123.5", 12.0 → "12": hours as a person writes them."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


def _content(session: Session, volunteer_id: int, start: str, end: str) -> tuple[ContentLine, ...]:
    """The certified hours by service type; a staff member's duty hours are not among them."""
    rows = session.db.execute(
        f"SELECT coalesce(st.name, '其他'), count(*), sum({star_hours_sql('r')}) FROM service_records r "
        f"LEFT JOIN service_types st ON st.id = r.service_type_id WHERE r.volunteer_id = ? "
        f"AND r.status IN {VERIFIED_SQL} AND r.date BETWEEN ? AND ? AND {star_hours_sql('r')} > 0 "
        f"GROUP BY 1 ORDER BY 3 DESC, 1", [volunteer_id, start, end]).fetchall()
    return tuple(ContentLine(name, times, round(hours, 2)) for name, times, hours in rows)


def check_issuer(session: Session) -> None:
    """A certificate names the issuer, its person in charge and a contact (民发〔2015〕149号):
    none is issued while any is blank."""
    missing = settings.missing_issuer(session)
    if missing:
        raise CertificateError(f"证明须写明出具单位及其负责人和联系电话：请管理员在“设置 → 常规设置”中填写"
                               f"{'和'.join(f'“{m}”' for m in missing)}，保存后再开具证明。")


def handler_name(session: Session, handler: str | None = None, or_user: bool = True) -> str:
    """The 经办人 a certificate names, also kept in the register: ``handler`` when the caller
    names one (the command line's ``--handler``), else the setting 证明经办人, else the acting
    user (the window's, who is a person); ``or_user=False``: "" instead of the user (the
    command line's built-in administrator is no one to name)."""
    if handler is not None:
        try:
            return clean_name(handler, "经办人")
        except FieldError as error:
            raise CertificateError(error.message) from None
    setting = str(settings.get(session, "certificate.handler") or "").strip()
    return setting or (session.actor.name if or_user else "")


def _period(session: Session, volunteer_id: int, period_from: str | None,
            period_to: str | None) -> tuple[str, str]:
    if not period_from:
        first = session.db.execute(
            f"SELECT min(date) FROM service_records WHERE volunteer_id = ? AND status IN {VERIFIED_SQL}",
            [volunteer_id]).fetchone()[0]
        period_from = first or session.today().isoformat()
    period_to = period_to or session.today().isoformat()
    try:
        start, end = date.fromisoformat(period_from), date.fromisoformat(period_to)
    except ValueError:
        raise CertificateError(f"证明期间“{period_from}至{period_to}”应写成 2026-01-01 这样的日期。") from None
    if start > end:
        raise CertificateError(f"证明期间的开始日期{period_from}晚于结束日期{period_to}，请调换后再试。")
    return start.isoformat(), end.isoformat()


def _next_number(session: Session, year: int) -> str:
    prefix = f"{settings.get(session, 'certificate.number_prefix')}-{year}-"
    last = session.db.execute(
        "SELECT max(CAST(substr(number, ?, 6) AS INTEGER)) FROM certificates WHERE number LIKE ?",
        [len(prefix) + 1, prefix + "%"]).fetchone()[0]
    return f"{prefix}{(last or 0) + 1:06d}"


def _issue_one(session: Session, volunteer_id: int, period_from: str | None,
               period_to: str | None, register: bool = True, handler: str | None = None) -> Certificate:
    """Issue inside the caller's write transaction (``register=False``: a numberless preview);
    ``handler`` as :func:`handler_name` takes it."""
    volunteer = session.row("volunteers", volunteer_id)
    if volunteer is None:
        raise CertificateError(f"找不到编号为{volunteer_id}的志愿者，请检查志愿者编号。")
    start, end = _period(session, volunteer_id, period_from, period_to)
    everything = verified_hours(session, volunteer_id, start, end)
    if everything <= 0:
        raise CertificateError(f"志愿者{volunteer['name']}在{start}至{end}期间没有已核实的服务记录，"
                               f"无法开具证明；请先核实并锁定其服务记录。")
    hours = verified_hours(session, volunteer_id, start, end, stars_only=True)
    duty = round(everything - hours, 2)
    if hours <= 0:
        raise CertificateError(f"志愿者{volunteer['name']}在{start}至{end}期间已核实的{format_hours(duty)}小时"
                               f"都是社区工作者工作时间内的本职服务，不计入志愿服务时长，无法开具证明。")
    check_issuer(session)
    handler = handler_name(session, handler)
    original = session.db.execute(
        "SELECT id, number FROM certificates WHERE volunteer_id = ? AND period_from = ? AND "
        "period_to = ? AND reprint_of IS NULL AND abs(hours - ?) < 0.001 ORDER BY id LIMIT 1",
        [volunteer_id, start, end, hours]).fetchone()
    issued = session.now()              # the date and the time of issue from one clock
    today = issued.date()
    if original:
        copies = session.db.execute("SELECT count(*) FROM certificates WHERE reprint_of = ?",
                                    [original[0]]).fetchone()[0]
        number = f"{original[1]}-R{copies + 1}"
    else:
        number = _next_number(session, today.year)
    if not register:
        number = PREVIEW_NUMBER
    row = {"uid": new_uid(), "number": number, "volunteer_id": volunteer_id, "period_from": start,
           "period_to": end, "hours": hours, "issued_by": session.actor.user_id,
           "handler": handler, "issued_at": issued.isoformat(timespec="seconds"),
           "reprint_of": original[0] if original else None}
    certificate_id = session.db.table("certificates").insert(row).last_pk if register else 0
    if register:
        session.audit("补打证明" if original else "开具证明", "certificates", certificate_id, None,
                      {**row, "volunteer_name": volunteer["name"],
                       "issued_by_name": session.actor.name})
    return Certificate(
        id=certificate_id, number=number, volunteer_id=volunteer_id, name=volunteer["name"],
        id_type="居民身份证" if volunteer["id_number"] else "未登记证件",
        id_masked=mask_id_number(volunteer["id_number"]) or "—",
        volunteer_no=volunteer["volunteer_no"] or "—", period_from=start, period_to=end,
        hours=hours, content=_content(session, volunteer_id, start, end),
        stars=standing(verified_hours(session, volunteer_id, date_to=end, stars_only=True)),
        issuer=str(settings.get(session, "community.name")),
        leader=str(settings.get(session, "certificate.leader")),
        handler=handler,
        contact=str(settings.get(session, "certificate.contact")),
        issued_on=today.isoformat(), reprint_of_number=original[1] if original else "",
        duty_hours=duty, office_hours=office_hours(session).text())


def issue(session: Session, volunteer_id: int, period_from: str | None = None,
          period_to: str | None = None, handler: str | None = None) -> Certificate:
    """Issue (or reprint) one certificate; the period defaults to the first verified record
    up to today, the 经办人 as :func:`handler_name` says."""
    session.require(Permission.REPORT_PRINT)
    with session.write("certificates"):
        return _issue_one(session, volunteer_id, period_from, period_to, handler=handler)


def preview(session: Session, volunteer_id: int, period_from: str | None = None,
            period_to: str | None = None) -> Certificate:
    """What the certificate will say, for the print preview: nothing is registered and the
    number reads 预览 (the real number is given when it is printed or saved)."""
    session.require(Permission.REPORT_PRINT)
    return _issue_one(session, volunteer_id, period_from, period_to, register=False)


def issue_batch(session: Session, volunteer_ids: list[int], period_from: str | None = None,
                period_to: str | None = None,
                deliver: Callable[[list[Certificate]], Any] | None = None,
                handler: str | None = None) -> tuple[list[Certificate], list[str]]:
    """Many certificates at once (a ceremony); volunteers with no verified hours in the period
    are skipped and their reasons returned, so one of them does not stop the other 39.

    ``deliver`` (writing the PDF, say) runs inside the same transaction: if it raises (the
    user cancelled, the disk is full), no number is used and nothing enters the register, so
    the next print is not taken for a reprint of a certificate nobody received."""
    session.require(Permission.REPORT_PRINT)
    check_issuer(session)       # once for all, not once for each of the 40
    handler = handler_name(session, handler)
    issued: list[Certificate] = []
    skipped: list[str] = []
    with session.write("certificates"):
        for volunteer_id in volunteer_ids:
            try:
                issued.append(_issue_one(session, volunteer_id, period_from, period_to, handler=handler))
            except CertificateError as error:
                skipped.append(str(error))
        if issued and deliver is not None:
            deliver(issued)
    return issued, skipped


_REGISTER_FROM = (
    "FROM certificates c JOIN volunteers v ON v.id = c.volunteer_id "
    "LEFT JOIN users u ON u.id = c.issued_by LEFT JOIN certificates o ON o.id = c.reprint_of")
_REGISTER_SORTS = {
    "number": "c.number {d}", "volunteer": "v.name_pinyin {d}, c.id DESC",
    "period": "c.period_from {d}, c.period_to {d}", "hours": "c.hours {d}, c.id DESC",
    "issued_by": "issued_by_name {d}, c.id DESC", "handler": "c.handler {d}, c.id DESC", "issued_at": "c.issued_at {d}, c.id {d}",
    "reprint": "c.reprint_of IS NULL {d}, c.id DESC", "id": "c.id {d}",
}


def register(session: Session, volunteer_id: int | None = None) -> list[dict[str, Any]]:
    """The issuance register, newest first: number, volunteer, period, hours, who issued it
    and the 经办人 it names, when, reprint."""
    session.require(Permission.REPORT_PRINT)
    return register_page(session, volunteer_id=volunteer_id)


def _register_where(text: str, volunteer_id: int | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    text = text.strip()
    if text:
        if text.isascii() and text.isalpha():
            clauses.append("(v.name_initials LIKE ? OR v.name_pinyin LIKE ?)")
            params += [text.lower() + "%", text.lower() + "%"]
        else:
            clauses.append("(v.name LIKE ? OR v.volunteer_no LIKE ? OR c.number LIKE ?)")
            params += [f"%{text}%"] * 3
    if volunteer_id:
        clauses.append("c.volunteer_id = ?")
        params.append(volunteer_id)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def register_count(session: Session, text: str = "", volunteer_id: int | None = None) -> int:
    session.require(Permission.REPORT_PRINT)
    where, params = _register_where(text, volunteer_id)
    return session.db.execute(f"SELECT count(*) {_REGISTER_FROM}{where}", params).fetchone()[0]


def register_page(session: Session, text: str = "", volunteer_id: int | None = None,
                  sort: str = "id", descending: bool = True, offset: int = 0,
                  limit: int = -1) -> list[dict[str, Any]]:
    """A page of the register for the records page (filter by volunteer or number, sort)."""
    session.require(Permission.REPORT_PRINT)
    where, params = _register_where(text, volunteer_id)
    order = _REGISTER_SORTS.get(sort, _REGISTER_SORTS["id"]).format(d="DESC" if descending else "ASC")
    return list(session.db.query(
        f"SELECT c.*, v.name AS volunteer_name, v.volunteer_no, "
        f"coalesce(u.name, '系统管理员') AS issued_by_name, o.number AS reprint_of_number "
        f"{_REGISTER_FROM}{where} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]))
