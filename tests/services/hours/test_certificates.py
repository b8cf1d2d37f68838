"""Certificates read back from the PDF: name, masked ID, number, hours from verified records."""

from __future__ import annotations

import re

import pytest
from pdftext import pdf_pages, pdf_text

from volunteer_app.cli import main as cli_main
from volunteer_app.services.hours import certificates, records
from volunteer_app.services.hours.certificates import CertificateError, format_hours
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.session import Actor, Session


@pytest.fixture
def app(qapp):
    return qapp


def _volunteer_with_id(session):
    return session.db.execute(
        "SELECT v.id, v.name, v.id_number, v.volunteer_no FROM volunteers v WHERE v.id_number IS NOT NULL "
        "AND EXISTS (SELECT 1 FROM service_records r WHERE r.volunteer_id = v.id AND r.status = '已记录') "
        "AND EXISTS (SELECT 1 FROM service_records r WHERE r.volunteer_id = v.id AND r.status = '已锁定') "
        "ORDER BY v.id LIMIT 1").fetchone()


def test_certificate_pdf_holds_name_masked_id_number_and_verified_hours(demo_session, tmp_path, app):
    from volunteer_app.reports.certificate import write_certificates_pdf

    vid, name, id_number, volunteer_no = _volunteer_with_id(demo_session)
    verified = demo_session.db.execute(
        "SELECT sum(hours) FROM service_records WHERE volunteer_id = ? AND status IN ('已核实', '已锁定')",
        [vid]).fetchone()[0]
    everything = demo_session.db.execute(
        "SELECT sum(hours) FROM service_records WHERE volunteer_id = ? AND status != '已更正'",
        [vid]).fetchone()[0]
    assert everything > verified           # unverified records exist and must be left out
    certificate = certificates.issue(demo_session, vid)
    path = write_certificates_pdf([certificate], tmp_path / "证明.pdf")
    text = pdf_text(path)
    masked = id_number[:6] + "********" + id_number[-4:]
    assert name in text and masked in text and volunteer_no in text
    assert id_number not in text and id_number[6:14] not in text
    assert re.fullmatch(r"LLB-2026-\d{6}", certificate.number) and certificate.number in text
    assert certificate.hours == pytest.approx(verified)
    assert f"{format_hours(verified)} 小时" in text
    assert "志愿服务记录证明" in text and "盖章" in text and "经办人" in text and "负责人" in text
    assert certificate.stars.text in text
    assert pdf_pages(path) == 1
    assert "补打" not in text


def test_second_print_of_the_same_period_is_a_reprint(demo_session, tmp_path, app):
    from volunteer_app.reports.certificate import write_certificates_pdf

    vid = _volunteer_with_id(demo_session)[0]
    first = certificates.issue(demo_session, vid, "2026-01-01", "2026-10-31")
    second = certificates.issue(demo_session, vid, "2026-01-01", "2026-10-31")
    other_period = certificates.issue(demo_session, vid, "2026-01-01", "2026-09-30")
    assert not first.is_reprint and not other_period.is_reprint
    assert second.is_reprint and second.number == first.number + "-R1"
    register = {r["id"]: r for r in certificates.register(demo_session, vid)}
    assert register[second.id]["reprint_of"] == first.id
    assert register[second.id]["reprint_of_number"] == first.number
    assert register[first.id]["reprint_of"] is None
    text = pdf_text(write_certificates_pdf([second], tmp_path / "补打.pdf"))
    assert "补打" in text and first.number in text
    actions = [r[0] for r in demo_session.db.execute(
        "SELECT action FROM audit_log WHERE entity = 'certificates' ORDER BY id DESC LIMIT 3")]
    assert actions == ["开具证明", "补打证明", "开具证明"]


def test_an_amendment_since_makes_a_new_certificate_not_a_reprint(demo_session, app):
    vid = _volunteer_with_id(demo_session)[0]
    first = certificates.issue(demo_session, vid, "2026-01-01", "2026-11-28")
    locked = demo_session.db.execute("SELECT id, hours FROM service_records WHERE volunteer_id = ? "
                                     "AND status = '已锁定' AND date >= '2026-01-01' LIMIT 1", [vid]).fetchone()
    records.amend(demo_session, locked[0], {"hours": locked[1] + 1}, "补登漏记的一小时")
    again = certificates.issue(demo_session, vid, "2026-01-01", "2026-11-28")
    assert not again.is_reprint and again.hours == pytest.approx(first.hours + 1)


def test_no_verified_hours_no_certificate(session):
    vid = session.db.table("volunteers").insert({"uid": "u1", "name": "新人", "created_at": "x",
                                                 "updated_at": "x"}).last_pk
    with pytest.raises(CertificateError, match="没有已核实的服务记录"):
        certificates.issue(session, vid)
    assert session.db.table("certificates").count == 0


def test_captains_cannot_issue_certificates(demo_session):
    captain = Session(demo_session.db, Actor(None, "队长", Role.CAPTAIN), today=demo_session.today)
    with pytest.raises(PermissionDenied):
        certificates.issue(captain, 1)


def test_batch_of_certificates_one_page_each(demo_session, tmp_path, app):
    from volunteer_app.reports.certificate import write_certificates_pdf

    ids = [r[0] for r in demo_session.db.execute("SELECT id FROM volunteers ORDER BY id LIMIT 12")]
    issued, skipped = certificates.issue_batch(demo_session, ids, "2026-01-01", "2026-11-28")
    assert len(issued) + len(skipped) == 12 and len(issued) >= 8
    path = write_certificates_pdf(issued, tmp_path / "batch.pdf")
    assert pdf_pages(path) == len(issued)
    numbers = [c.number for c in issued]
    assert len(set(numbers)) == len(numbers)
    for page, certificate in enumerate(issued, start=1):
        assert certificate.number in pdf_text(path, page, page)


def test_cli_certificate_and_its_exit_codes(demo_template, tmp_path, capsys):
    import shutil

    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, db)
    out = tmp_path / "c.pdf"
    assert cli_main(["report", "certificate", "--volunteer", "ZY2026-00001", "--handler", "李春梅", "--out", str(out),
                     "--db", str(db)]) == 0
    assert "LLB-2026-" in pdf_text(out)
    assert cli_main(["report", "certificate", "--volunteer", "1", "--handler", "李春梅", "--out", str(out),
                     "--from", "2026-01-01", "--to", "2026-06-30", "--db", str(db)]) == 0
    assert cli_main(["report", "certificate", "--volunteer", "nobody", "--out", str(out),
                     "--db", str(db)]) == 1
    assert "找不到志愿者" in capsys.readouterr().err
    assert cli_main(["report", "certificate", "--volunteer", "1", "--handler", "李春梅", "--out", str(tmp_path / "c.txt"),
                     "--db", str(db)]) == 1
    assert cli_main(["report", "certificate", "--volunteer", "1", "--handler", "李春梅", "--out", str(out),
                     "--from", "2026-12-01", "--to", "2026-01-01", "--db", str(db)]) == 1
    assert "晚于" in capsys.readouterr().err


def test_a_batch_whose_delivery_fails_registers_nothing(demo_session):
    ids = [r[0] for r in demo_session.db.execute("SELECT id FROM volunteers ORDER BY id LIMIT 5")]
    before = demo_session.db.table("certificates").count
    audit_before = demo_session.db.table("audit_log").count

    def disk_full(issued):
        assert len(issued) >= 3 and all(c.id for c in issued)
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        certificates.issue_batch(demo_session, ids, "2026-01-01", "2026-11-28", deliver=disk_full)
    assert demo_session.db.table("certificates").count == before
    assert demo_session.db.table("audit_log").count == audit_before
    delivered = []
    issued, _skipped = certificates.issue_batch(demo_session, ids, "2026-01-01", "2026-11-28",
                                                deliver=delivered.append)
    assert delivered == [issued] and not any(c.is_reprint for c in issued)
    assert demo_session.db.table("certificates").count == before + len(issued)


@pytest.mark.parametrize(("types", "name"), [(7, "白金"), (12, "王"), (30, "阿卜杜热依木·艾合麦提江·买买提明·克里木·吐尔逊·阿不都热合曼·肉孜·托合提")])
def test_a_certificate_stays_on_one_page_whatever_its_content(tmp_path, app, types, name):
    from volunteer_app.domain.stars import standing
    from volunteer_app.reports.certificate import write_certificates_pdf
    from volunteer_app.services.hours.certificates import Certificate, ContentLine

    content = tuple(ContentLine(f"服务类别{i:02d}", 3, 4.5) for i in range(types))
    hours = round(sum(line.hours for line in content), 2)
    certificate = Certificate(
        id=1, number="LLB-2026-000009-R1", volunteer_id=1, name=name, id_type="居民身份证",
        id_masked="110106********0035", volunteer_no="ZY2026-00009", period_from="2021-01-01",
        period_to="2026-11-28", hours=hours, content=content, stars=standing(hours),
        issuer="北京市丰台区花乡街道银地第二社区居民委员会志愿服务站", leader="", handler="经办人",
        contact="", issued_on="2026-11-28", reprint_of_number="LLB-2026-000009")
    path = write_certificates_pdf([certificate, certificate], tmp_path / "c.pdf")
    assert pdf_pages(path) == 2
    text = pdf_text(path, 1, 1)
    assert re.search(rf"合\s*计\s+{types * 3}\s+{format_hours(hours)}", text)
    assert ("其他服务" in text) == (types > 8)


def test_the_time_of_issue_comes_from_the_sessions_clock(demo_session, app):
    """On the tests' fixed day a certificate is issued at that day's noon, never at the wall
    clock's time (a run across midnight put the original after its reprint in the register
    sorted by time of issue); on the real day it is the real time."""
    from datetime import date, datetime

    vid = _volunteer_with_id(demo_session)[0]
    first = certificates.issue(demo_session, vid, "2026-01-01", "2026-10-31")
    second = certificates.issue(demo_session, vid, "2026-01-01", "2026-10-31")
    by_time = certificates.register_page(demo_session, volunteer_id=vid, sort="issued_at")
    assert [r["number"] for r in by_time] == [second.number, first.number]
    assert {r["issued_at"] for r in by_time} == {f"{demo_session.today().isoformat()}T12:00:00"}

    real = Session(demo_session.db, demo_session.actor)          # the app's clock: today
    before = datetime.now().replace(microsecond=0)
    third = certificates.issue(real, vid, "2026-01-01", "2026-09-30")
    issued = datetime.fromisoformat(demo_session.db.execute(
        "SELECT issued_at FROM certificates WHERE id = ?", [third.id]).fetchone()[0])
    assert before <= issued <= datetime.now() and issued.date() == date.today()
