"""Consent (个人信息保护法 art. 13-15, 28-29): withdrawing it ends the pairs and stops matching
and visits; health notes are saved only with their own, separate consent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from volunteer_app.services.care import pairing
from volunteer_app.services.care.pairing import PairingError
from volunteer_app.services.ledger import import_apply, import_check, import_header, rejected_rows
from volunteer_app.services.people import consent, residents
from volunteer_app.services.people.residents import ResidentError
from volunteer_app.ui.dialogs.resident_dialog import ResidentDialog
from volunteer_app.ui.main_window import MainWindow

ELDER = {"name": "张建国", "gender": "男", "birth_date": "1929-04-12"}
AGREED = {"sensitive_consent": True, "health_consent_by": "女儿王芳",
          "health_consent_date": "2026-10-01"}


def _edit(session, resident_id: int, **changes) -> None:
    """Save the resident as the dialog does: every field, some of them changed."""
    row = session.row("residents", resident_id)
    residents.update(session, resident_id, {**row, **changes})


def _paired_resident(session) -> dict:
    """A demo pair whose resident gave consent."""
    row = session.db.execute(
        "SELECT x.id, x.resident_id FROM pairings x JOIN residents r ON r.id = x.resident_id "
        "WHERE x.state = '结对中' AND r.consent_visit = 1 ORDER BY x.id LIMIT 1").fetchone()
    return {"pair": row[0], "resident": row[1]}


def test_withdrawal_ends_the_pairs_audited_and_stops_matching_and_visits(demo_session):
    found = _paired_resident(demo_session)
    _edit(demo_session, found["resident"], consent_visit=False)
    pair = demo_session.row("pairings", found["pair"])
    assert pair["state"] == "已解除" and pair["end_reason"] == "撤回同意"
    assert pair["ended_on"] == demo_session.today().isoformat()
    resident = demo_session.row("residents", found["resident"])
    assert resident["consent_withdrawn_on"] == demo_session.today().isoformat()
    [entry] = demo_session.db.query("SELECT * FROM audit_log WHERE entity = 'pairings' "
                                    "AND entity_id = ? AND action = '解除结对'", [found["pair"]])
    assert "撤回同意" in entry["after"]
    with pytest.raises(PairingError, match=f"“{resident['name']}”已于.*撤回.*不能再结对或登记探访"):
        pairing.log_visit(demo_session, found["pair"], {"visited_on": "2026-11-27", "minutes": 60})
    proposal = pairing.propose(demo_session)
    assert found["resident"] not in proposal.residents
    assert all(p.resident_id != found["resident"] for p in proposal.result.pairs)


def test_a_pair_is_refused_for_a_resident_who_withdrew(demo_session):
    proposal = pairing.propose(demo_session)
    first = proposal.result.pairs[0]
    _edit(demo_session, first.resident_id, consent_visit=True, consent_date="2026-01-02")
    _edit(demo_session, first.resident_id, consent_visit=False)
    with pytest.raises(PairingError, match="撤回"):
        pairing.accept(demo_session, [first])
    assert demo_session.db.execute("SELECT count(*) FROM pairings WHERE resident_id = ? AND "
                                   "state = '结对中'", [first.resident_id]).fetchone()[0] == 0


def test_consent_given_again_clears_the_withdrawal(demo_session):
    found = _paired_resident(demo_session)
    _edit(demo_session, found["resident"], consent_visit=False)
    _edit(demo_session, found["resident"], consent_visit=True, consent_date="2026-11-28")
    assert demo_session.row("residents", found["resident"])["consent_withdrawn_on"] is None
    assert consent.refusal(demo_session.row("residents", found["resident"])) == ""


def test_health_notes_need_their_own_consent(session):
    with pytest.raises(ResidentError) as refused:
        residents.add(session, {**ELDER, "health_notes": "高血压"})
    assert "健康" in refused.value.errors["health_notes"] and "同意人" in refused.value.errors["health_notes"]
    assert session.db.execute("SELECT count(*) FROM residents").fetchone()[0] == 0
    with pytest.raises(ResidentError):   # ticked, but nobody named
        residents.add(session, {**ELDER, "health_notes": "高血压", "sensitive_consent": True,
                                "health_consent_date": "2026-10-01"})
    with pytest.raises(ResidentError, match="在今天之后"):
        residents.add(session, {**ELDER, "health_notes": "高血压", **AGREED,
                                "health_consent_date": "2027-01-01"})
    resident = residents.add(session, {**ELDER, "health_notes": "高血压", **AGREED})
    row = session.row("residents", resident)
    assert (row["health_notes"], row["health_consent_by"], row["health_consent_date"]) == \
        ("高血压", "女儿王芳", "2026-10-01")
    _edit(session, resident, phone="13812345678")                   # consent already saved
    with pytest.raises(ResidentError, match="健康"):                 # consent taken back
        _edit(session, resident, sensitive_consent=False)
    _edit(session, resident, sensitive_consent=False, health_notes="")
    assert session.row("residents", resident)["health_notes"] == ""


def test_import_refuses_health_notes_without_consent_per_row(session, tmp_path):
    from ledger_fixtures import write_csv

    path = write_csv(tmp_path / "健康.csv", [
        ["姓名", "性别", "出生日期", "健康状况", "健康信息同意人", "健康信息同意日期"],
        ["张建国", "男", "1929-04-12", "高血压", "本人", "2026-10-01"],
        ["李秀兰", "女", "1935-08-01", "糖尿病", "", ""],
        ["王淑芬", "女", "1933-02-03", "", "", ""]], "utf-8-sig")
    table, mapping = import_header.load(path, "residents")
    preview = import_check.check(session, table, mapping, "residents")
    [rejected] = preview.rejected
    assert rejected.number == 3 and "健康信息同意人" in rejected.errors["health_notes"]
    assert any("第3行" in line and "健康情况" in line for line in rejected_rows.describe(preview))
    import_apply.apply(session, preview)
    saved = {r["name"]: r for r in session.db.query("SELECT * FROM residents")}
    assert set(saved) == {"张建国", "王淑芬"}
    assert saved["张建国"]["sensitive_consent"] == 1 and saved["张建国"]["health_consent_by"] == "本人"


# -- the window ---------------------------------------------------------------------------

def _type_chinese(widget: QLineEdit, text: str) -> None:
    """Chinese arrives through the input method as a committed string, as from 拼音输入法."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_dialog_refuses_health_notes_until_the_separate_consent_is_given(qtbot, session):
    dialog = ResidentDialog(session)
    qtbot.addWidget(dialog)
    _type_chinese(dialog.findChild(QLineEdit, "resident_dialog.name"), "张建国")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "resident_dialog.birth_date"), "1929-04-12")
    dialog.gender.setCurrentIndex(dialog.gender.findData("男"))
    notes = dialog.findChild(QPlainTextEdit, "resident_dialog.health_notes")
    notes.setPlainText("高血压")
    error = dialog.findChild(QLabel, "resident_dialog.health_notes.error")
    save = dialog.findChild(QPushButton, "resident_dialog.save")
    assert "单独同意" in error.text() and not error.isHidden() and not save.isEnabled()
    dialog.findChild(QCheckBox, "resident_dialog.sensitive_consent").setChecked(True)
    assert not save.isEnabled()                       # by whom is still missing
    _type_chinese(dialog.findChild(QLineEdit, "resident_dialog.health_consent_by"), "本人")
    dialog.findChild(QDateEdit, "resident_dialog.health_consent_date").setDate(QDate(2026, 10, 1))
    assert error.isHidden() and save.isEnabled(), dialog.errors()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    row = session.row("residents", dialog.saved_id)
    assert (row["health_notes"], row["health_consent_by"], row["health_consent_date"]) == \
        ("高血压", "本人", "2026-10-01")


def test_withdrawing_in_the_dialog_removes_the_pair_from_the_pairs_tab(qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("pairing")
    qtbot.waitUntil(lambda: not page.loading)       # the pairs come from the background runner
    found = _paired_resident(demo_session)
    assert found["resident"] in [p["resident_id"] for p in page.pairs]
    shown = page.active_model.rowCount()
    dialog = ResidentDialog(demo_session, found["resident"], window)
    qtbot.addWidget(dialog)
    warning = dialog.findChild(QLabel, "resident_dialog.withdrawal")
    assert warning.isHidden()
    dialog.findChild(QCheckBox, "resident_dialog.consent_visit").setChecked(False)
    assert not warning.isHidden() and "撤回同意" in warning.text()
    save = dialog.findChild(QPushButton, "resident_dialog.save")
    assert save.isEnabled(), dialog.errors()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.active_model.rowCount() == shown - 1 and not page.loading)
    assert found["resident"] not in [p["resident_id"] for p in page.pairs]
    window.close()
