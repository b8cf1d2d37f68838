"""Importing the 12345 export: title rows, synonyms, GBK and UTF-8 CSV, bad rows named by row
and field, the deadline from the kind, the caller matched, and a later export that updates
the saved tickets by 工单编号 (never a duplicate) while the office's progress is kept."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime

import pytest
from openpyxl import load_workbook
from ticket_fixtures import SYNONYM_HEADER, sample_export, ticket, write_export

from volunteer_app.services.ledger import import_rows, rejected_rows
from volunteer_app.services.ledger.ledger_files import LedgerFileError
from volunteer_app.services.people import places, residents
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.requests import ticket_form, ticket_import
from volunteer_app.services.session import Actor, Session

MONDAY = datetime(2026, 11, 2, 9, 0)


def run(session, path):
    table, mapping = ticket_import.load(path)
    preview = ticket_import.check(session, table, mapping)
    return preview, ticket_import.apply(session, preview)


def saved(session, ticket_no=None):
    rows = list(session.db.query("SELECT * FROM requests ORDER BY ticket_no"))
    if ticket_no is None:
        return rows
    return next(r for r in rows if r["ticket_no"] == ticket_no)


def events(session, request_id):
    return list(session.db.query(
        "SELECT step, at, note FROM request_events WHERE request_id = ? ORDER BY id", [request_id]))


def count(session, table):
    return session.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_title_rows_above_the_header_and_each_ticket_saved_new(session, tmp_path):
    path = write_export(tmp_path / "12345.xlsx", [
        ticket(1, MONDAY),
        ticket(2, MONDAY, 紧急程度="紧急", 问题分类="城乡建设/燃气/燃气泄漏"),
        ticket(3, MONDAY, 问题分类="城乡建设/供暖/暖气不热"),
        ticket(4, MONDAY, 办理时限=datetime(2026, 11, 5, 18, 0)),
    ], titles=2)
    preview, summary = run(session, path)
    assert preview.mapping.header_row == 2
    assert (summary.imported, summary.updated, summary.rejected) == (4, 0, 0)
    first = saved(session, "GD2026000001")
    assert (first["status"], first["source"], first["request_type"]) == ("待签收", "12345", "求助")
    assert first["category"] == "城乡建设/垃圾分类/垃圾桶满溢"
    assert first["received_at"] == "2026-11-02T09:00:00"
    assert first["dispatched_at"] == "2026-11-02T09:40:00"
    # a general ticket: 7 working days; an emergency: 2 hours; heating: 24 hours; given: kept
    assert (first["kind"], first["due_at"]) == ("一般", "2026-11-11T09:00:00")
    assert (saved(session, "GD2026000002")["kind"], saved(session, "GD2026000002")["due_at"]) == \
        ("紧急", "2026-11-02T11:00:00")
    assert saved(session, "GD2026000003")["due_at"] == "2026-11-03T09:00:00"
    assert saved(session, "GD2026000004")["due_at"] == "2026-11-05T18:00:00"
    assert [e["step"] for e in events(session, first["id"])] == ["待签收"]


def test_the_caller_is_matched_to_a_resident_and_the_address_to_a_place(session, tmp_path):
    community = places.add_community(session, "明春苑社区")
    place = places.add_place(session, community, "明春苑")
    resident = residents.add(session, {"name": "王秀英", "phone": "13900000001",
                                       "birth_date": "1940-03-01", "gender": "女"})
    path = write_export(tmp_path / "12345.xlsx", [
        ticket(1, MONDAY, 联系电话="13900000001", 诉求地址="丰台区花乡街道明春苑3号楼2单元"),
        ticket(2, MONDAY, 联系电话="13911112222", 诉求地址="丰台区某个别处"),
    ])
    run(session, path)
    matched, unmatched = saved(session, "GD2026000001"), saved(session, "GD2026000002")
    assert (matched["resident_id"], matched["place_id"], matched["community_id"]) == \
        (resident, place, community)
    assert matched["building"] == "3号楼"
    assert (unmatched["resident_id"], unmatched["place_id"]) == (None, None)


def test_the_import_matches_callers_as_a_ticket_typed_by_hand_does(session, tmp_path):
    """The import reads the phones and places once instead of asking match() per ticket: the
    same answers, down to who wins a shared phone and which of two place names."""
    community = places.add_community(session, "明春苑社区")
    short = places.add_place(session, community, "明春苑")
    long = places.add_place(session, community, "明春苑北里")
    first = residents.add(session, {"name": "王秀英", "phone": "13900000001",
                                    "birth_date": "1940-03-01", "gender": "女"})
    residents.add(session, {"name": "李淑珍", "phone": "13900000001",     # the same phone, later
                            "birth_date": "1938-07-12", "gender": "女"})
    moved = residents.add(session, {"name": "赵德福", "phone": "13900000003",
                                    "birth_date": "1936-01-20", "gender": "男"})
    residents.archive(session, moved, "迁出")
    calls = [("139-0000-0001", "丰台区花乡街道明春苑北里5号楼"), ("１３９０００００００１", "明春苑3栋"),
             ("13900000003", "丰台区花乡街道明春苑"), ("", "别处12号"), ("不是电话", "明春苑北")]
    path = write_export(tmp_path / "12345.xlsx", [
        ticket(n, MONDAY, 联系电话=phone, 诉求地址=address) for n, (phone, address) in enumerate(calls, 1)])
    run(session, path)
    found = [(r["resident_id"], r["place_id"], r["community_id"], r["building"]) for r in saved(session)]
    assert found == [tuple(ticket_form.match(session, phone, address)) for phone, address in calls]
    assert found[:3] == [(first, long, community, "5号楼"), (first, short, community, "3号楼"),
                         (None, short, community, "")]


@pytest.mark.parametrize("encoding", ["gbk", "utf-8", "utf-8-sig"])
def test_csv_with_synonym_headers_and_three_category_columns(session, tmp_path, encoding):
    rows = [ticket(n, MONDAY, 工单号=f"GBK-{n}", 受理时间=MONDAY, 来电人="李桂兰", 电话="13800000000",
                   地址="银地家园5号楼", 一级分类="城乡建设", 二级分类="物业管理", 三级分类="电梯",
                   反映内容="电梯停运三天", 来电类型="投诉", 办结时限="", 回访满意度="基本满意")
            for n in (1, 2)]
    path = write_export(tmp_path / "12345.csv", rows, SYNONYM_HEADER, encoding=encoding)
    preview, summary = run(session, path)
    assert None not in preview.mapping.columns
    assert summary.imported == 2
    row = saved(session, "GBK-1")
    assert (row["caller_name"], row["category"], row["request_type"]) == ("李桂兰", "城乡建设/物业管理/电梯", "投诉")
    assert (row["content"], row["callback_satisfaction"]) == ("电梯停运三天", "基本满意")
    assert row["callback_at"]      # when the office learned the result


def test_bad_rows_are_refused_with_row_and_field_and_the_rest_imported(session, tmp_path):
    path = write_export(tmp_path / "12345.xlsx", [
        ticket(1, MONDAY),
        ticket(2, "2026-13-40 08:00", 派单时间=""),
        ticket(3, MONDAY, 诉求类型="表扬"),
        ticket(4, MONDAY, 满意度="还行"),
        ticket(5, MONDAY, 工单编号="GD2026000001"),
        ticket(6, MONDAY, 工单编号=""),
        ticket(7, "", 派单时间=""),
        ticket(8, MONDAY, 是否联系="联系过"),
    ])
    preview, summary = run(session, path)
    assert (summary.imported, summary.rejected) == (1, 7)
    lines = rejected_rows.describe(preview)
    expected = ["第4行 来电时间：来电时间“2026-13-40 08:00”不存在",
                "第5行 诉求类型：诉求类型“表扬”看不懂，只能是咨询、求助、投诉、举报或建议",
                "第6行 满意度：满意度“还行”看不懂，只能是满意、基本满意或不满意",
                "第7行 工单编号：工单编号“GD2026000001”与文件第3行重复",
                "第8行 工单编号：工单编号为空",
                "第9行 来电时间：来电时间为空",
                "第10行 是否联系：是否联系“联系过”看不懂，只能是已联系或未联系"]
    for start, line in zip(expected, lines, strict=True):
        assert line.startswith(start), line
    out = rejected_rows.save_rejected(preview, tmp_path / "未导入.xlsx")
    sheet = load_workbook(out).active
    assert sheet.cell(1, 18).value == "错误原因"
    assert sheet.cell(2, 18).value.startswith("第4行：来电时间")
    assert sheet.max_row == 8


def test_a_later_export_updates_by_ticket_number_and_keeps_the_office_progress(session, tmp_path):
    first = [ticket(n, MONDAY) for n in (1, 2, 3)]
    run(session, write_export(tmp_path / "11月.xlsx", first))
    one = saved(session, "GD2026000001")
    # the office worked ticket 1: signed, contacted, fed back
    session.db.execute(
        "UPDATE requests SET status = '已反馈', signed_at = ?, contacted_at = ?, feedback_at = ?, "
        "resolution = '已协调物业更换灯泡' WHERE id = ?",
        ["2026-11-02T10:00:00", "2026-11-02T10:30:00", "2026-11-03T16:00:00", one["id"]])
    later = [ticket(1, MONDAY, 是否联系="已联系", 是否解决="已解决", 满意度="满意"),
             ticket(2, MONDAY, 诉求内容="楼道灯仍然不亮，第二次反映", 联系电话=""),
             ticket(3, MONDAY),
             ticket(4, MONDAY)]
    preview, summary = run(session, write_export(tmp_path / "12月.xlsx", later))
    assert [r.status for r in preview.rows] == ["将更新", "将更新", "将更新", "可导入"]
    assert (summary.imported, summary.updated, summary.skipped) == (1, 2, 1)
    assert count(session, "requests") == 4
    one = saved(session, "GD2026000001")
    assert (one["status"], one["resolution"], one["contacted_at"]) == \
        ("已反馈", "已协调物业更换灯泡", "2026-11-02T10:30:00")
    assert (one["callback_contacted"], one["callback_resolved"], one["callback_satisfaction"]) == \
        ("已联系", "已解决", "满意")
    steps = events(session, one["id"])
    assert [e["step"] for e in steps] == ["待签收", "导入更新"]
    assert "满意度：（空）→满意" in steps[1]["note"] and "是否联系" in steps[1]["note"]
    two = saved(session, "GD2026000002")
    assert two["content"] == "楼道灯仍然不亮，第二次反映"
    assert two["caller_phone"] == "13900000002"           # an empty cell wipes nothing
    assert "诉求内容已更新" in events(session, two["id"])[1]["note"]
    assert len(events(session, saved(session, "GD2026000003")["id"])) == 1   # unchanged: no event

    _, again = run(session, write_export(tmp_path / "12月.xlsx", later))
    assert (again.imported, again.updated, again.skipped) == (0, 0, 4)
    assert count(session, "requests") == 4


def test_a_cancelled_or_failed_import_changes_nothing(session, tmp_path):
    path = sample_export(tmp_path / "12345.xlsx", 600, MONDAY)
    table, mapping = ticket_import.load(path)
    preview = ticket_import.check(session, table, mapping)
    assert len(preview.rows) == 600
    audit_before = count(session, "audit_log")
    cancel = threading.Event()

    def progress(done, total):
        if done >= 250:
            cancel.set()

    with pytest.raises(import_rows.ImportCancelled):
        ticket_import.apply(session, preview, progress=progress, cancel=cancel)
    # a row the database refuses half-way (its word slipped past the check) fails the whole file
    preview.rows[-1].values["request_type"] = "表扬"
    with pytest.raises(sqlite3.IntegrityError):
        ticket_import.apply(session, preview)
    assert (count(session, "requests"), count(session, "request_events")) == (0, 0)
    assert count(session, "audit_log") == audit_before


def test_a_file_without_ticket_numbers_is_explained(session, tmp_path):
    path = write_export(tmp_path / "x.xlsx", [ticket(1, MONDAY)], ["诉求人", "来电时间", "诉求内容"])
    _, mapping = ticket_import.load(path)
    assert ticket_import.missing(mapping) == ["工单编号"]
    with pytest.raises(LedgerFileError, match="找不到表头"):
        ticket_import.load(write_export(tmp_path / "y.xlsx", [{}], ["甲", "乙"]))


@pytest.mark.parametrize("role", [Role.CAPTAIN, Role.SUPERVISOR, Role.ADMIN])
def test_only_staff_import_tickets(db, tmp_path, role):
    path = write_export(tmp_path / "12345.xlsx", [ticket(1, MONDAY)])
    table, mapping = ticket_import.load(path)
    other = Session(db, Actor(7, "某人", role, frozenset({1})))
    with pytest.raises(PermissionDenied):
        ticket_import.check(other, table, mapping)
    staff = Session(db, Actor(None, "刘晓梅", Role.STAFF))
    preview = ticket_import.check(staff, table, mapping)
    with pytest.raises(PermissionDenied):
        ticket_import.apply(other, preview)
    assert ticket_import.apply(staff, preview).imported == 1
