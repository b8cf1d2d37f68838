"""Certificates complete: none without the issuer's 负责人 and 联系电话 (service, command line,
window), and a community worker's duty hours shown apart, outside the certified total."""

from __future__ import annotations

import re
import shutil

import pytest
from pdftext import pdf_text

from volunteer_app.cli import main as cli_main
from volunteer_app.services.admin import settings
from volunteer_app.services.hours import certificates, records
from volunteer_app.services.hours.certificates import CertificateError
from volunteer_app.store.rows import new_uid, now_text

WHERE = "设置 → 常规设置"


def _verified_volunteer(session):
    return session.db.execute(
        "SELECT volunteer_id FROM service_records WHERE status = '已锁定' ORDER BY volunteer_id LIMIT 1"
    ).fetchone()[0]


@pytest.mark.parametrize(("blank", "named", "not_named"), [
    (("certificate.leader",), "证明负责人", "证明联系电话"),
    (("certificate.contact",), "证明联系电话", "证明负责人"),
    (("certificate.leader", "certificate.contact"), "证明负责人", None),
])
def test_no_certificate_without_the_issuers_leader_and_phone(demo_session, blank, named, not_named):
    for key in blank:
        settings.put(demo_session, key, "  " if key.endswith("contact") else "")
    vid = _verified_volunteer(demo_session)
    before = demo_session.db.table("certificates").count
    for attempt in (lambda: certificates.issue(demo_session, vid),
                    lambda: certificates.preview(demo_session, vid),
                    lambda: certificates.issue_batch(demo_session, [vid, vid + 1])):
        with pytest.raises(CertificateError) as refused:
            attempt()
        assert WHERE in str(refused.value) and named in str(refused.value)
        assert not_named is None or not_named not in str(refused.value)
    assert demo_session.db.table("certificates").count == before
    settings.put(demo_session, "certificate.leader", "王主任")
    settings.put(demo_session, "certificate.contact", "010-12345678")
    assert certificates.issue(demo_session, vid).leader == "王主任"


def test_cli_refuses_a_certificate_without_the_leader(demo_template, tmp_path, capsys, qapp):
    from volunteer_app.services.session import BUILTIN_ADMIN, Session
    from volunteer_app.store.connection import open_database

    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    db = open_database(path)
    settings.put(Session(db, BUILTIN_ADMIN), "certificate.leader", "")
    db.close()
    out = tmp_path / "c.pdf"
    code = cli_main(["report", "certificate", "--volunteer", "1", "--out", str(out), "--db", str(path)])
    err = capsys.readouterr().err
    assert code == 1 and WHERE in err and "证明负责人" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def _staff_with_duty(session):
    vid = session.db.table("volunteers").insert({
        "uid": new_uid(), "name": "社工戊", "volunteer_no": "ZY2026-09999", "is_staff": 1,
        "created_at": now_text(), "updated_at": now_text()}).last_pk
    ids = [records.add_manual(session, {"volunteer_id": vid, "date": day, "start_time": start,
                                        "end_time": end, "service_type_id": type_id})
           for day, start, end, type_id in (
               ("2026-11-02", "16:00", "19:00", 3),     # working day: 1 h duty, 2 h counting
               ("2026-10-01", "10:00", "12:00", 3),     # National Day: 2 h counting
               ("2026-11-03", "10:00", "12:00", 5))]    # office hours: 2 h duty, nothing counting
    records.verify(session, ids)
    return vid


def test_a_staff_certificate_shows_duty_hours_apart_and_leaves_them_out(session, tmp_path, qapp):
    from volunteer_app.reports.certificate import write_certificates_pdf

    settings.put(session, "community.name", "高立庄社区居民委员会")
    settings.put(session, "certificate.leader", "王主任")
    settings.put(session, "certificate.contact", "010-12345678")
    vid = _staff_with_duty(session)
    certificate = certificates.issue(session, vid, "2026-01-01", "2026-11-28")
    assert (certificate.hours, certificate.duty_hours) == (4.0, 3.0)
    assert [(line.times, line.hours) for line in certificate.content] == [(2, 4.0)]
    assert certificates.register(session, vid)[0]["hours"] == 4.0
    text = re.sub(r"\s+", "", pdf_text(write_certificates_pdf([certificate], tmp_path / "c.pdf")))
    assert "累计志愿服务时长4小时" in text and "4小时" in text
    assert "本职服务3小时" in text and "未计入上述服务时长" in text and "09:00-17:00" in text
    assert "王主任" in text and "010-12345678" in text and "出具单位：高立庄社区居民委员会" in text


def test_an_office_that_started_empty_names_itself_before_its_first_certificate(session):
    """A file not built as the demo has no issuer: the demo's 花乡街道示范社区 was printed on
    a real office's certificates until its admin happened to change 社区名称."""
    assert settings.get(session, "community.name") == ""
    settings.put(session, "certificate.leader", "王主任")
    settings.put(session, "certificate.contact", "010-12345678")
    vid = _staff_with_duty(session)
    with pytest.raises(CertificateError) as refused:
        certificates.issue(session, vid, "2026-01-01", "2026-11-28")
    assert WHERE in str(refused.value) and "“社区名称”" in str(refused.value)
    assert "证明负责人" not in str(refused.value)
    settings.put(session, "community.name", "高立庄社区居民委员会")
    assert certificates.issue(session, vid, "2026-01-01", "2026-11-28").issuer == "高立庄社区居民委员会"


def test_the_demo_names_its_issuer(demo_session):
    assert settings.get(demo_session, "community.name") == "花乡街道示范社区"


def test_a_staff_member_with_only_duty_hours_gets_no_certificate(session):
    settings.put(session, "certificate.leader", "王主任")
    settings.put(session, "certificate.contact", "010-12345678")
    vid = _staff_with_duty(session)
    with pytest.raises(CertificateError, match="本职服务"):
        certificates.issue(session, vid, "2026-11-03", "2026-11-03")
