"""The 80后帮90后 page driven with qtbot on the demo community."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from volunteer_app.services import pairing
from volunteer_app.ui.pages.pairing import PairingPage
from volunteer_app.ui.signals import DataSignals

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo_session):
    # start from no active pairs, so the match has real work to do
    demo_session.db.execute("UPDATE pairings SET state = '已解除' WHERE state = '结对中'")
    signals = DataSignals(demo_session)
    widget = PairingPage(demo_session, signals)
    qtbot.addWidget(widget)
    yield widget
    signals.detach()


def _select(table, row):
    index = table.model().index(row, 0)
    table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)


def test_match_accept_all_log_a_visit(qtbot, page, demo_session):
    assert page.active.rowCount() == 0
    with qtbot.waitSignal(page.match_done, timeout=20_000):
        page.match_button.click()
    proposals = page.proposals.rowCount()
    assert proposals > 10
    assert page.unmatched.rowCount() > 20
    assert page.unmatched.item(0, 3).text()
    reasons = page.proposals.item(0, 3).text()
    assert reasons == "；".join(page.proposal.result.pairs[0].score.reasons)
    assert "悬空" in page.summary.text()

    page.accept_all.click()
    assert page.proposals.rowCount() == 0
    assert page.active.rowCount() == proposals

    # turn the clock: three weeks later every pair is late, weekly ones the most
    from datetime import timedelta

    later = demo_session.today() + timedelta(days=21)
    demo_session._today = lambda: later
    page.refresh_active()
    statuses = [page.active.item(r, 6).text() for r in range(page.active.rowCount())]
    assert all(s.startswith("逾期") for s in statuses)
    days = [int(s[2:-1]) for s in statuses]
    assert days == sorted(days, reverse=True)
    late_before = len(pairing.late_list(demo_session))
    first = page.pairs[0]

    _select(page.active, 0)
    dialog = page._on_log_visit()
    qtbot.addWidget(dialog)
    dialog.minutes.setValue(90)
    dialog.start_time.setText("09:00")
    dialog.texts["done"].setText("代购药品，陪老人聊天")
    dialog.texts["problem"].setText("暖气不热")
    dialog.accept()
    assert dialog.saved is not None
    visit_id, record_id = dialog.saved
    record = demo_session.row("service_records", record_id)
    assert record["visit_id"] == visit_id and record["hours"] == 1.5
    assert record["content"] == "代购药品，陪老人聊天"
    assert len(pairing.late_list(demo_session)) == late_before - 1
    row = [r for r in range(page.active.rowCount())
           if page.active.item(r, 0).data(0x0100) == first["id"]][0]
    assert page.active.item(row, 6).text() == "按时"
    assert page.active.item(row, 4).text() == later.isoformat()


def test_reject_and_release(qtbot, page, demo_session):
    with qtbot.waitSignal(page.match_done, timeout=20_000):
        page.match_button.click()
    before = page.proposals.rowCount()
    _select(page.proposals, 0)
    page.never_again.setChecked(True)
    page.reject_button.click()
    assert page.proposals.rowCount() == before - 1
    _select(page.proposals, 0)
    page.accept_selected.click()
    assert page.active.rowCount() == 1
    _select(page.active, 0)
    page.release_button.click()
    assert "原因" in page.message.text() and page.active.rowCount() == 1
    page.release_reason.setText("帮手搬家")
    page.release_button.click()
    assert page.active.rowCount() == 0


def test_bad_visit_stays_open_with_the_reason(qtbot, page, demo_session):
    with qtbot.waitSignal(page.match_done, timeout=20_000):
        page.match_button.click()
    page.accept_all.click()
    _select(page.active, 0)
    dialog = page._on_log_visit()
    qtbot.addWidget(dialog)
    dialog.start_time.setText("25:99")
    dialog.accept()
    assert dialog.saved is None and dialog.isVisible()
    assert "开始时间" in dialog.error.text()
