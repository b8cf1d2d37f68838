"""report certificate | monthly | hours: the printed documents as files, without a window."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..services.hours import certificates, reports
from ..services.hours.certificates import CertificateError, format_hours
from ..services.hours.reports import ReportError
from ..services.session import Session
from . import CommandError
from .common import find_team_id, find_volunteer, gui_application, open_session, write_out
from .typed_values import path, plain, text


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("report", help="打印志愿服务记录证明、月度报表或接诉即办月报（PDF）")
    kinds = p.add_subparsers(dest="report", metavar="报表", required=True)

    c = kinds.add_parser("certificate", help="为一位志愿者开具志愿服务记录证明")
    c.add_argument("--volunteer", type=text, required=True,
                   help="志愿者的编号（数据库id）或志愿者编号（如 ZY2026-00012）")
    c.add_argument("--out", type=path, required=True, help="PDF文件")
    c.add_argument("--from", dest="date_from", type=plain, help="证明期间起（YYYY-MM-DD，默认第一条已核实记录）")
    c.add_argument("--to", dest="date_to", type=plain, help="证明期间止（YYYY-MM-DD，默认今天）")
    c.add_argument("--handler", dest="handled_by", metavar="姓名", type=text,
                   help="证明上的经办人，如 李春梅（记入证明登记簿）；不给则用“设置 → 常规设置”中的“证明经办人”，"
                        "两者都没有时不开具")
    c.set_defaults(handler=run_certificate)

    m = kinds.add_parser("monthly", help="一支队伍或全社区的月度报表")
    m.add_argument("--team", type=text, help="队伍的编号（数据库id）或队名；不给则为全社区（含不属任何队伍的结对探访）")
    m.add_argument("--month", required=True, type=plain, help="月份，如 2026-11")
    m.add_argument("--out", type=path, required=True, help="PDF文件")
    m.set_defaults(handler=run_monthly)

    r = kinds.add_parser("requests", help="接诉即办月报：三率、走势、分类、超时工单和高频点位")
    r.add_argument("--month", required=True, type=plain, help="月份，如 2026-11（按来电时间统计）")
    r.add_argument("--out", type=path, required=True, help="PDF文件")
    r.set_defaults(handler=run_requests)

    h = kinds.add_parser("hours", help="志愿者服务时长统计（某一年或任意期间，含星级）")
    h.add_argument("--year", type=int, help="统计一整年，如 2026（PDF另附全年按月、按类别合计）")
    h.add_argument("--from", dest="date_from", type=plain, help="统计期间起（YYYY-MM-DD，不给 --year 时必填）")
    h.add_argument("--to", dest="date_to", type=plain, help="统计期间止（YYYY-MM-DD）")
    h.add_argument("--team", type=text, help="只统计该队伍组织的服务：队伍编号或完整队名（默认全部）")
    h.add_argument("--out", type=path, required=True, help="输出文件：.pdf、.xlsx 或 .csv")
    h.set_defaults(handler=run_hours)


def _check_out(path: Path, endings: tuple[str, ...] = (".pdf",)) -> None:
    if path.suffix.lower() not in endings:
        raise CommandError(f"输出文件 {path} 应以 {' 或 '.join(endings)} 结尾。")
    if path.exists() and path.is_dir():
        raise CommandError(f"输出文件 {path} 是一个文件夹，请写文件名。")


def run_certificate(args: argparse.Namespace) -> int:
    _check_out(args.out)
    app = gui_application()  # noqa: F841  (Qt needs it to lay out and print)
    from ..reports.certificate import write_certificates_pdf

    with open_session(args) as session:
        volunteer_id = find_volunteer(session, args.volunteer)[0]
        try:
            certificates.check_issuer(session)      # the issuer's settings first, then the 经办人
        except CertificateError as error:
            raise CommandError(str(error)) from error
        handled_by = _handled_by(session, args.handled_by)
        issued: list[certificates.Certificate] = []

        def issue_into(partial: Path) -> None:
            # The PDF is written inside the issuing transaction and takes its name only after
            # the commit: a print that fails or is cut off registers no number (the next one
            # would be taken for a 补打), and a commit that fails leaves no PDF of a number
            # the register does not hold.
            done, skipped = certificates.issue_batch(
                session, [volunteer_id], args.date_from, args.date_to,
                deliver=lambda chosen: write_certificates_pdf(chosen, partial), handler=handled_by)
            if not done:
                raise CommandError(skipped[0])
            issued.extend(done)

        try:
            write_out(args.out, issue_into)
        except CertificateError as error:
            raise CommandError(str(error)) from error
        certificate = issued[0]
    note = f"（补打，原编号 {certificate.reprint_of_number}）" if certificate.is_reprint else ""
    print(f"已开具证明 {certificate.number}{note}：{certificate.name}，{certificate.period_from}至"
          f"{certificate.period_to}，{format_hours(certificate.hours)}小时，经办人{certificate.handler}。"
          f"文件：{args.out}")
    return 0


def _handled_by(session: Session, named: str | None) -> str:
    """The 经办人 the certificate names: ``--handler``, else the setting 证明经办人. The command
    line acts as the built-in administrator, and “经办人：系统管理员” on an official paper names
    no one who could answer for it, so with neither the certificate is refused."""
    try:
        handler = certificates.handler_name(session, named, or_user=False)
    except CertificateError as error:
        raise CommandError(f"--handler：{error}") from error
    if not handler:
        raise CommandError("证明须写明经办人的姓名：请加 --handler 姓名（如 --handler 李春梅），"
                           "或请管理员在“设置 → 常规设置”中填写“证明经办人”。")
    return handler


def run_monthly(args: argparse.Namespace) -> int:
    _check_out(args.out)
    app = gui_application()  # noqa: F841
    from ..reports.monthly import write_monthly_pdf
    from ..services.admin import settings

    with open_session(args) as session:
        try:
            team_id = find_team_id(session, args.team) if args.team else None
            report = reports.monthly_team(session, team_id, args.month)
        except ReportError as error:
            raise CommandError(str(error)) from error
        issuer = str(settings.get(session, "community.name"))
        write_out(args.out, lambda out: write_monthly_pdf(report, out, issuer, session.today().isoformat()))
    print(f"已生成 {report.team_name} {report.month} 月报：{report.records}条记录，"
          f"{format_hours(report.hours)}小时。文件：{args.out}")
    return 0


def run_requests(args: argparse.Namespace) -> int:
    _check_out(args.out)
    app = gui_application()  # noqa: F841
    from ..reports.requests_report import gather, percent, write_requests_pdf
    from ..services.admin import settings

    with open_session(args) as session:
        try:
            month = reports.month_bounds(args.month)[0][:7]     # '2026-1' → '2026-01'
            report = gather(session, month)
        except (ReportError, ValueError) as error:
            raise CommandError(str(error)) from error
        issuer = str(settings.get(session, "community.name"))
        write_out(args.out, lambda out: write_requests_pdf(report, out, issuer, session.today().isoformat()))
    rates = "，".join(f"{name}{percent(report.rates[key])}" for key, name in (
        ("response_rate", "响应率"), ("resolution_rate", "解决率"), ("satisfaction_rate", "满意率")))
    print(f"已生成 {report.month} 接诉即办月报：受理{report.rates['received']}件，有回访{report.rates['rated']}件，"
          f"{rates}；超时{len(report.late)}件。文件：{args.out}")
    return 0


def run_hours(args: argparse.Namespace) -> int:
    from ..reports.hours import FORMATS

    _check_out(args.out, FORMATS)
    if args.year is not None and (args.date_from or args.date_to):
        raise CommandError("请只给 --year，或只给 --from 和 --to，不要同时给。")
    if args.year is None and not (args.date_from and args.date_to):
        raise CommandError("请用 --year 2026 统计一整年，或用 --from 和 --to 给出统计期间。")
    app = gui_application()  # noqa: F841
    from ..reports.hours import hours_report, write_hours_report
    from ..services.admin import settings
    from ..services.ledger.ledger_files import LedgerFileError

    with open_session(args) as session:
        try:
            start, end = reports.period_bounds(args.year, args.date_from, args.date_to)
            team_id = find_team_id(session, args.team) if args.team else None
            report = hours_report(session, start, end, team_id, whole_year=args.year)
        except ReportError as error:
            raise CommandError(str(error)) from error
        issuer = str(settings.get(session, "community.name"))
        try:
            write_out(args.out, lambda out: write_hours_report(report, out, issuer,
                                                        session.today().isoformat()))
        except LedgerFileError as error:
            raise CommandError(str(error)) from error
    print(f"已生成{report.team_name}{report.title}：{start}至{end}，{len(report.rows)}位志愿者，"
          f"{format_hours(report.hours)}小时。文件：{args.out}")
    return 0
