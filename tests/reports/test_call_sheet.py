"""The A4 call sheet read back from its PDF: the caller on top, the residents by place and
building with the sheet's line numbers, tick boxes and room for a note; full phones only on an
open warning for a role that may see them (one audit entry per sheet), masked otherwise."""

from __future__ import annotations

import re
from datetime import datetime

from alert_close_world import as_role, attempt, open_warning, roll
from pdftext import pdf_pages, pdf_text

from volunteer_app.domain.identity import mask_phone
from volunteer_app.reports.call_sheet import write_call_sheet
from volunteer_app.services.alerts import closing, paper
from volunteer_app.services.permissions import Role


def audits(session) -> int:
    return session.db.execute("SELECT count(*) FROM audit_log WHERE action = '查看点名电话'").fetchone()[0]


def residents(session, rows):
    return {r["id"]: session.db.execute("SELECT name, phone, building, emergency_contact FROM residents WHERE id = ?",
                                        [r["resident_id"]]).fetchone() for r in rows}


def test_a_callers_sheet_has_their_residents_by_building_with_full_phones(demo_session, tmp_path, qapp):
    alert_id = open_warning(demo_session)
    rows = roll(demo_session, alert_id)
    caller = rows[0]["caller_id"]
    mine = [r for r in rows if r["caller_id"] == caller]
    attempt(demo_session, mine[0]["id"], "未接通", datetime(2026, 11, 28, 8, 0))
    staff = as_role(demo_session, Role.STAFF)
    before = audits(demo_session)
    data = paper.call_sheet_data(staff, alert_id, caller)
    assert audits(demo_session) == before + 1
    assert data["count"] == len(mine) and data["full_phones"]
    buildings = [(g["place"], g["building"]) for g in data["groups"]]
    assert len(buildings) == len(set(buildings))                    # each building once, together
    path = write_call_sheet(data, tmp_path / "点名表.pdf")
    text = pdf_text(path)
    flat = "".join(text.split())
    name = demo_session.db.execute("SELECT name FROM volunteers WHERE id = ?", [caller]).fetchone()[0]
    assert "暴雪橙色预警点名表" in flat and f"联系人：{name}" in flat
    assert "□平安□需要帮助□未接通□已上门" in flat and "备注" in flat
    assert "已拨1次未接通" in flat
    assert re.search(r"打印时间：\d{4}年\d{1,2}月\d{1,2}日\d\d:\d\d", flat)   # not 2026-11-28 08:00
    lines = {r["id"]: r["position"] + 1 for r in rows}
    for roll_id, (resident, phone, _building, _family) in residents(demo_session, mine).items():
        assert any(line.split()[:2] == [str(lines[roll_id]), resident] for line in text.splitlines()), resident
        if phone:
            assert phone in flat
    first = data["groups"][0]
    assert f"{first['place']}{first['building']}" in flat
    assert pdf_pages(path) >= 1


def test_a_closed_warnings_sheet_is_masked_and_not_audited(demo_session, tmp_path, qapp):
    alert_id = open_warning(demo_session)
    rows = roll(demo_session, alert_id)
    closing.close(demo_session, alert_id, datetime(2026, 11, 28, 12, 0))
    before = audits(demo_session)
    data = paper.call_sheet_data(as_role(demo_session, Role.SUPERVISOR), alert_id)
    assert audits(demo_session) == before and not data["full_phones"]
    flat = "".join(pdf_text(write_call_sheet(data, tmp_path / "a.pdf")).split())
    people = residents(demo_session, rows[:40])
    phones = [p for _n, p, _b, _f in people.values() if p]
    assert phones and not any(p in flat for p in phones)
    assert any(mask_phone(p) in flat for p in phones)
    assert "电话已打码" in flat


def test_a_supervisor_sees_full_phones_on_an_open_warning(demo_session):
    alert_id = open_warning(demo_session)
    data = paper.call_sheet_data(as_role(demo_session, Role.SUPERVISOR), alert_id)
    assert data["full_phones"] and not any("*" in r["phone"] for g in data["groups"] for r in g["rows"] if r["phone"])


def test_everyone_reached_makes_a_sheet_that_says_so(demo_session, tmp_path, qapp):
    alert_id = open_warning(demo_session)
    rows = roll(demo_session, alert_id)
    caller = rows[0]["caller_id"]
    for minute, row in enumerate(r for r in rows if r["caller_id"] == caller):
        attempt(demo_session, row["id"], "平安", datetime(2026, 11, 28, 8, minute % 60))
    data = paper.call_sheet_data(demo_session, alert_id, caller)
    assert data["count"] == 0
    assert "名单上的居民都已联系上" in "".join(pdf_text(write_call_sheet(data, tmp_path / "e.pdf")).split())
