"""The 80后帮90后 page driven with qtbot on the demo community."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from volunteer_app.services.care import pairing
from volunteer_app.ui.paged_model import ROW_ID_ROLE, SORT_ROLE
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
    qtbot.waitUntil(lambda: not widget.loading)      # the active pairs come from the runner
    yield widget
    signals.detach()


def _select(table, row):
    index = table.model().index(row, 0)
    table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)


def test_opens_on_the_pairs_when_there_are_some(qtbot, demo_session):
    signals = DataSignals(demo_session)
    with_pairs = PairingPage(demo_session, signals)
    qtbot.addWidget(with_pairs)
    qtbot.waitUntil(lambda: not with_pairs.loading)
    assert with_pairs.active_model.rowCount() > 0
    assert with_pairs.tabs.currentIndex() == 1            # 结对与探访, not the empty 建议结对
    assert "匹配" in with_pairs.summary.text()
    signals.detach()


def test_match_accept_all_log_a_visit(qtbot, qtmodeltester, page, demo_session):
    assert page.active_model.rowCount() == 0
    assert page.tabs.currentIndex() == 0                  # no pairs yet: the proposals tab
    with qtbot.waitSignal(page.match_done, timeout=20_000):
        page.match_button.click()
    proposals = page.proposals_model.rowCount()
    assert proposals > 10
    assert page.unmatched_model.rowCount() > 20
    assert page.unmatched_model.text(0, 3)
    reasons = page.proposals_model.text(0, 3)
    assert reasons == "；".join(page.proposal.result.pairs[0].score.reasons)
    assert page.proposals_model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == reasons
    assert "悬空" in page.summary.text()
    for model in (page.proposals_model, page.unmatched_model):
        qtmodeltester.check(model, force_py=True)

    page.accept_all.click()
    assert page.proposals_model.rowCount() == 0
    qtbot.waitUntil(lambda: not page.loading)
    assert page.active_model.rowCount() == proposals

    # turn the clock: a quarter later every pair is late (general tier: 90 days), weekly ones the most
    from datetime import timedelta

    later = demo_session.today() + timedelta(days=91)
    demo_session._today = lambda: later
    page.refresh_active()
    qtbot.waitUntil(lambda: not page.loading)
    model = page.active_model
    qtmodeltester.check(model, force_py=True)
    statuses = [model.text(r, 6) for r in range(model.rowCount())]
    assert all(s.startswith("逾期") for s in statuses)
    days = [int(s[2:-1]) for s in statuses]
    assert days == sorted(days, reverse=True)
    assert model.index(0, 6).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fde2e1"
    assert model.index(0, 6).data(SORT_ROLE) == days[0]
    late_before = len(pairing.late_list(demo_session))
    first = page.pairs[0]

    _select(page.active, 0)
    dialog = page._on_log_visit()
    qtbot.addWidget(dialog)
    dialog.minutes.setValue(90)
    dialog.start_time.setText("09:00")
    dialog.texts["done"].setText("代购药品，陪老人聊天")
    dialog.texts["problem"].setText("暖气不热")
    dialog.show()
    note = "老人血压有点高，叮嘱按时吃药，下周再来看"       # a sentence of notes shows whole
    for edit in dialog.texts.values():
        assert edit.width() > edit.fontMetrics().horizontalAdvance(note), edit.objectName()
    dialog.accept()
    assert dialog.saved is not None
    visit_id, record_id = dialog.saved
    record = demo_session.row("service_records", record_id)
    assert record["visit_id"] == visit_id and record["hours"] == 1.5
    assert record["content"] == "代购药品，陪老人聊天"
    assert len(pairing.late_list(demo_session)) == late_before - 1
    qtbot.waitUntil(lambda: not page.loading)
    row = [r for r in range(model.rowCount())
           if model.index(r, 0).data(ROW_ID_ROLE) == first["id"]][0]
    assert model.text(row, 6) == "按时" and model.index(row, 6).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.text(row, 4) == later.isoformat()


def test_reject_and_release(qtbot, page, demo_session):
    with qtbot.waitSignal(page.match_done, timeout=20_000):
        page.match_button.click()
    before = page.proposals_model.rowCount()
    _select(page.proposals, 0)
    page.never_again.setChecked(True)
    page.reject_button.click()
    assert page.proposals_model.rowCount() == before - 1
    _select(page.proposals, 0)
    page.accept_selected.click()
    qtbot.waitUntil(lambda: not page.loading)
    assert page.active_model.rowCount() == 1
    _select(page.active, 0)
    page.release_button.click()
    assert "原因" in page.message.text() and page.active_model.rowCount() == 1
    page.release_reason.setText("帮手搬家")
    page.release_button.click()
    qtbot.waitUntil(lambda: not page.loading)
    assert page.active_model.rowCount() == 0


def test_bad_visit_stays_open_with_the_reason(qtbot, page, demo_session):
    with qtbot.waitSignal(page.match_done, timeout=20_000):
        page.match_button.click()
    page.accept_all.click()
    qtbot.waitUntil(lambda: not page.loading)
    _select(page.active, 0)
    dialog = page._on_log_visit()
    qtbot.addWidget(dialog)
    dialog.start_time.setText("25:99")
    dialog.accept()
    assert dialog.saved is None and dialog.isVisible()
    assert "开始时间" in dialog.error.text()
