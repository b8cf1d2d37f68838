"""The 居民 filter: what it finds (against the rule written out in Python), that SQLite answers
it from indexes rather than by reading every row, and that the table's worker thread runs
only the newest query and hands back only its answer."""

from __future__ import annotations

import re
import sqlite3
import threading

import pytest
from PySide6.QtCore import QObject

from volunteer_app.services import readers
from volunteer_app.services.people import residents
from volunteer_app.services.people.residents import ResidentQuery
from volunteer_app.ui.pages.residents import ResidentsModel
from volunteer_app.ui.query_worker import QueryWorker

TEXTS = ("z", "zj", "zjg", "zhang", "wang", "张", "王秀", "建国", "秀", "1", "38", "138", "1234",
         "13812341234", "5", "5号楼", "明春苑", "干休所", "no-one", "１３８")


def _matches(row: dict, place: str, text: str) -> bool:
    """The filter's rule, as the 居民 page's placeholder describes it."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text).strip().lower()
    if re.fullmatch(r"[a-z]+", text):
        return row["name_initials"].startswith(text) or row["name_pinyin"].startswith(text)
    if re.fullmatch(r"\d+", text):
        digits = re.sub(r"\D", "", row["phone"] or "")
        return (digits.endswith(text) or row["building"] == text
                or row["building"].startswith(text + "号"))
    return (row["name"].startswith(text) or row["name"][1:].startswith(text)
            or row["building"].startswith(text) or text in place)


def _all_ids(session, query: ResidentQuery) -> list[int]:
    ids, offset = [], 0
    while batch := residents.page(session, query, offset, 500):
        ids += [r["id"] for r in batch]
        offset += len(batch)
    return ids


@pytest.fixture
def ledger(demo_session):
    """The demo community with a few residents archived (the filter must leave them out)."""
    db = demo_session.db
    db.execute("UPDATE residents SET archived_at = '2026-11-01T09:00:00' WHERE id % 17 = 0")
    rows = [dict(r) for r in db.query(
        "SELECT r.*, coalesce(p.name, '') AS place FROM residents r LEFT JOIN places p ON p.id = r.place_id")]
    return demo_session, rows


@pytest.mark.parametrize("text", TEXTS)
def test_filter_finds_what_the_rule_says(ledger, text):
    session, rows = ledger
    expected = {r["id"] for r in rows if r["archived_at"] is None and _matches(r, r["place"], text)}
    query = ResidentQuery(text=text)
    found = _all_ids(session, query)
    assert len(found) == len(set(found))
    assert set(found) == expected
    assert residents.count(session, query) == len(expected)


def test_demo_data_exercises_every_kind_of_text(ledger):
    session, rows = ledger
    for text in ("zj", "张", "138", "5号楼", "明春苑"):
        assert residents.count(session, ResidentQuery(text=text)) > 0, text


def test_given_name_finds_the_resident(ledger):
    session, rows = ledger
    resident = next(r for r in rows if r["archived_at"] is None and len(r["name"]) == 3)
    given = resident["name"][1:]             # 建国 finds 张建国
    found = _all_ids(session, ResidentQuery(text=given))
    assert resident["id"] in found
    assert set(found) == {r["id"] for r in rows if r["archived_at"] is None
                          and _matches(r, r["place"], given)}


def test_text_combines_with_the_checkboxes_and_sorting(ledger):
    session, rows = ledger
    query = ResidentQuery(text="1", only_alone=True, sort="name", descending=True)
    expected = [r for r in rows if r["archived_at"] is None and r["lives_alone"] and _matches(r, r["place"], "1")]
    found = residents.page(session, query, 0, 10_000)
    assert {r["id"] for r in found} == {r["id"] for r in expected}
    keys = [(session.row("residents", r["id"])["name_pinyin"]) for r in found]
    assert keys == sorted(keys, reverse=True)
    assert residents.count(session, query) == len(expected)


def test_archived_residents_are_found_only_when_asked(ledger):
    session, rows = ledger
    archived = next(r for r in rows if r["archived_at"])
    text = archived["name_initials"]
    assert archived["id"] not in _all_ids(session, ResidentQuery(text=text))
    assert archived["id"] in _all_ids(session, ResidentQuery(text=text, include_archived=True))


@pytest.mark.parametrize("text", ["zjg", "张", "建国", "138", "1234", "5号楼", "明春苑"])
def test_typed_text_is_answered_from_indexes(ledger, text):
    """No full pass over the residents' table for a typed filter (the ledger may hold 100,000)."""
    session, _rows = ledger
    original = session.db.execute
    statements: list[tuple[str, list]] = []

    def recording(sql, params=None):
        statements.append((sql, list(params or [])))
        return original(sql, params or [])

    session.db.execute = recording          # page() and count() both go through execute
    try:
        residents.count(session, ResidentQuery(text=text))
        residents.page(session, ResidentQuery(text=text), 0, 200)
    finally:
        del session.db.execute
    plans = [row[3] for sql, params in statements if "residents" in sql
             for row in original("EXPLAIN QUERY PLAN " + sql, params)]
    assert plans
    scans = [p for p in plans if re.match(r"SCAN (r|residents)\b", p) and "INDEX" not in p]
    assert not scans, plans


def test_reader_session_refuses_to_write(demo_session):
    path = demo_session.path
    reader = readers.open_reader(path, demo_session.actor, demo_session.today)
    try:
        assert reader.db.execute("SELECT count(*) FROM residents").fetchone()[0] > 0
        with pytest.raises(sqlite3.OperationalError):
            reader.db.execute("UPDATE residents SET notes = 'x'")
    finally:
        reader.db.close()


def test_worker_runs_only_the_newest_request_off_the_gui_thread(qtbot, demo_session):
    owner = QObject()                   # the answers' object lives and dies with it
    worker = QueryWorker(demo_session, owner)
    answers: list[tuple[int, object]] = []
    worker.answers.ready.connect(lambda number, result: answers.append((number, result)))
    gate = threading.Event()
    ran: list[str] = []

    def slow(session):
        gate.wait(5)
        return "first"

    def job(name):
        def run(session):
            ran.append(name)
            return name, threading.current_thread() is threading.main_thread()
        return run

    try:
        worker.submit(slow)                 # occupies the thread while three more arrive
        worker.submit(job("z"))
        worker.submit(job("zj"))
        last = worker.submit(job("zjg"))
        gate.set()
        qtbot.waitUntil(lambda: any(n == last for n, _ in answers))
    finally:
        worker.close()
    assert ran == ["zjg"]                   # "z" and "zj" were stale before they started
    assert dict(answers)[last] == ("zjg", False)


def test_model_shows_the_last_typed_filter_whatever_the_order_answers_come(qtbot, demo_session):
    model = ResidentsModel(demo_session)
    try:
        model.reload()
        for text in ("z", "zj", "zjg", "zj", "w"):
            model.set_query(text=text)
        qtbot.waitUntil(lambda: not model.loading)
        expected = residents.count(demo_session, ResidentQuery(text="w"))
        assert model.total == expected > 0
        assert all(model.row_data(r)["name"] for r in range(model.rowCount()))
        with qtbot.assertNotEmitted(model.modelReset, wait=100):
            pass                            # no late answer to an older query resets it again
        assert model.total == expected
    finally:
        model.close()


class _FailingModel(ResidentsModel):
    def _job(self, offset, limit, with_total):
        def run(session):
            raise residents.ResidentError({"text": "查询出错"})
        return run


def test_an_error_on_the_worker_is_raised_on_the_gui_thread(qtbot, demo_session):
    model = _FailingModel(demo_session)
    try:
        with qtbot.captureExceptions() as caught:
            model.reload()
            qtbot.waitUntil(lambda: not model.loading)
        assert len(caught) == 1 and isinstance(caught[0][1], residents.ResidentError)
        assert threading.current_thread() is threading.main_thread()
    finally:
        model.close()
