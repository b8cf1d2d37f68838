"""The audit log (read by the administrator) keeps no health notes and no full numbers, in
new entries, in older ones after the migration, and in its export; the login tells no one
which accounts exist."""

from __future__ import annotations

import sqlite3
import time

import pytest
from conftest import TODAY
from openpyxl import load_workbook

from volunteer_app.services.admin import audit_log, users
from volunteer_app.services.care import pairing
from volunteer_app.services.people import residents
from volunteer_app.services.session import Session
from volunteer_app.store import migrations
from volunteer_app.store.audit_masking import m_mask_audit_personal_data
from volunteer_app.store.connection import connect
from volunteer_app.store.transactions import transaction

HEALTH = "糖尿病，每天注射胰岛素"
HEALTH_2 = "糖尿病，已改口服药"
HARDSHIP = "独子残疾，家庭困难"
EMERGENCY_PHONE = "13912345678"
PHONE = "13887654321"
SECRETS = (HEALTH, HEALTH_2, HARDSHIP, EMERGENCY_PHONE, PHONE, "110105194912310029")


def as_role(session: Session, login: str) -> Session:
    return Session(session.db, users.authenticate(session.db, login, f"{login}2026"),
                   today=lambda: TODAY)


def _log_text(db) -> str:
    return "\n".join(f"{b} {a} {d}" for b, a, d in db.execute("SELECT before, after, detail FROM audit_log"))


def _resident_with_notes(staff: Session) -> int:
    form = {"name": "周桂香", "gender": "女", "birth_date": "1934-05-06", "phone": PHONE,
            "emergency_contact": f"儿子 李强 {EMERGENCY_PHONE}", "health_notes": HEALTH,
            "hardship_notes": HARDSHIP, "sensitive_consent": True, "health_consent_by": "本人",
            "health_consent_date": "2026-11-01"}
    resident_id = residents.add(staff, form)
    shown = residents.get(staff, resident_id)
    residents.update(staff, resident_id, {**form, "phone": shown["phone"],
                                          "emergency_contact": "儿子 李强 13600001111",
                                          "health_notes": HEALTH_2})
    return resident_id


def test_audit_entries_hold_no_health_notes_or_full_phones(demo_session):
    staff = as_role(demo_session, "staff")
    db = staff.db
    resident_id = _resident_with_notes(staff)
    pair = db.execute("SELECT id FROM pairings WHERE state = '结对中' ORDER BY id").fetchone()[0]
    pairing.log_visit(staff, pair, {"visited_on": "2026-11-27", "minutes": 40, "mode": "上门", "health": HEALTH})
    text = _log_text(db)
    assert not [s for s in SECRETS if s in text]
    assert "13600001111" not in text and "136****1111" in text and "139****5678" in text
    admin = as_role(demo_session, "admin")
    query = audit_log.AuditQuery(entity="residents")
    entries = {e["action"]: e for e in audit_log.page(admin, query, 0, 50) if e["entity_id"] == resident_id}
    assert "health_notes: 已填写" in entries["新增"]["changes"]
    assert "hardship_notes: 已填写" in entries["新增"]["changes"]
    assert "health_notes: 已填写 → 已修改" in entries["修改"]["changes"]
    assert "emergency_contact: 儿子 李强 139****5678 → 儿子 李强 136****1111" in entries["修改"]["changes"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_audit_export_holds_no_health_notes_or_full_phones(demo_session, tmp_path, suffix):
    _resident_with_notes(as_role(demo_session, "staff"))
    path = tmp_path / f"操作日志{suffix}"
    written = audit_log.export(as_role(demo_session, "admin"), audit_log.AuditQuery(), path)
    if suffix == ".csv":
        text = path.read_text("utf-8-sig")
    else:
        book = load_workbook(path, read_only=True)
        text = "\n".join(str(c) for row in book.active.iter_rows(values_only=True) for c in row)
        book.close()
    assert written > 2 and "周桂香" in text and "已修改" in text
    assert not [s for s in SECRETS if s in text]


def test_migration_masks_older_entries_in_place(tmp_path):
    """A file from before the masking: its entries are rewritten where they stand, the
    append-only triggers come back, and an entry with nothing personal is left alone."""
    db = connect(tmp_path / "old.sqlite3")
    migrations.apply_migrations(db, target=migrations.MIGRATIONS.index(m_mask_audit_personal_data))
    old = [("新增", '{"emergency_contact": "女儿 13912345678", "health_notes": "糖尿病，每天注射胰岛素", '
                  '"name": "周桂香", "phone": "13887654321"}', None),
           ("修改", '{"hardship_notes": "独子残疾，家庭困难"}', '{"hardship_notes": ""}'),
           ("修改", '{"health_notes": "糖尿病，每天注射胰岛素"}', '{"health_notes": "糖尿病，已改口服药"}'),
           ("修改", '{"building": "3号楼"}', '{"building": "4号楼"}')]
    for i, (action, after_or_before, after) in enumerate(old):
        before, after = (None, after_or_before) if after is None else (after_or_before, after)
        db.execute("INSERT INTO audit_log (uid, at, user_name, action, entity, entity_id, before, after) "
                   "VALUES (?, '2025-01-01T09:00:00', '旧版本', ?, 'residents', 1, ?, ?)",
                   [f"old-{i}", action, before, after])
    with transaction(db):
        m_mask_audit_personal_data(db)
    rows = db.execute("SELECT before, after FROM audit_log WHERE user_name = '旧版本' ORDER BY id").fetchall()
    assert rows[0][1] == ('{"emergency_contact": "女儿 139****5678", "health_notes": "已填写", '
                          '"name": "周桂香", "phone": "138****4321"}')
    assert rows[1] == ('{"hardship_notes": "已填写"}', '{"hardship_notes": "已清空"}')
    assert rows[2] == ('{"health_notes": "已填写"}', '{"health_notes": "已修改"}')
    assert rows[3] == ('{"building": "3号楼"}', '{"building": "4号楼"}')
    assert not [s for s in SECRETS if s in _log_text(db)]
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):   # append-only again
        db.execute("UPDATE audit_log SET detail = 'x' WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        db.execute("DELETE FROM audit_log WHERE id = 1")
    db.close()


def _refusal(db, login: str, password: str) -> tuple[str, float]:
    started = time.perf_counter()
    with pytest.raises(users.LoginError) as refused:
        users.authenticate(db, login, password)
    return str(refused.value), time.perf_counter() - started


def test_login_message_is_the_same_for_unknown_login_and_wrong_password(demo_session):
    db = demo_session.db
    unknown = [_refusal(db, "nobody", "staff2026") for _ in range(3)]
    wrong = [_refusal(db, "staff", "not-the-password") for _ in range(3)]
    assert {m for m, _ in unknown} == {m for m, _ in wrong} == {"用户名或密码不对。"}
    # an unknown login is checked against a dummy hash, so it is not answered at once
    assert min(t for _, t in unknown) > 0.3 * min(t for _, t in wrong)
