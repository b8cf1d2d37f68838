"""The residents' ledger through its service: writes with their audit entries, errors in
Chinese beside the right field, pinyin keys kept on rename, 悬空老人 under the setting in
force, and the table's queries checked against plain Python over the same rows."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from conftest import TODAY
from stdnum.cn import ric

from volunteer_app.domain.people import Cohorts, HousingRule, age_on, pinyin_keys
from volunteer_app.services.admin import settings
from volunteer_app.services.people import places, residents, volunteers
from volunteer_app.services.people.residents import ResidentError, ResidentQuery


def id_number(area: str, birth: str, serial: str) -> str:
    """A valid 18-digit ID number (check digit computed) for a birth date like 1931-02-11."""
    body = f"{area}{birth.replace('-', '')}{serial}"
    return body + ric.calc_check_digit(body + "0")  # stdnum ignores the last character


def audit_rows(session, entity="residents"):
    return [dict(r) for r in session.db.query(
        "SELECT * FROM audit_log WHERE entity = ? ORDER BY id", [entity])]


def count_rows(session, table):
    return session.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# -- writes and their audit entries --------------------------------------------------------

def test_add_writes_the_resident_and_a_masked_audit_entry(session):
    number = id_number("110106", "1931-02-11", "042")
    heard = []
    session.subscribe(heard.append)

    resident_id = residents.add(session, {
        "name": "张建国", "id_number": number, "phone": "13912345678", "floor": "5",
        "building": "3号楼", "lives_alone": True})

    row = session.row("residents", resident_id)
    assert (row["birth_date"], row["gender"]) == ("1931-02-11", "女")  # from the ID number
    assert (row["name_initials"], row["name_pinyin"]) == ("zjg", "zhangjianguo")
    assert row["phone_tail"] == "5678"
    assert row["risk_level"] == "高"  # 95, fifth floor without a lift: 悬空老人
    [entry] = audit_rows(session)
    assert (entry["user_name"], entry["action"], entry["entity_id"]) == ("系统管理员", "新增", resident_id)
    assert entry["before"] is None
    after = json.loads(entry["after"])
    assert after["name"] == "张建国" and after["building"] == "3号楼"
    assert number not in entry["after"] and "13912345678" not in entry["after"]
    assert after["id_number"].startswith("110106") and "*" in after["id_number"]
    assert "*" in after["phone"]
    assert heard == [frozenset({"residents"})]


def test_update_audits_only_what_changed(session):
    resident_id = residents.add(session, {"name": "王秀英", "birth_date": "1935-06-01",
                                          "gender": "女", "phone": "13900001111"})
    residents.update(session, resident_id, {"name": "王秀英", "birth_date": "1935-06-01",
                                            "gender": "女", "phone": "13900002222", "floor": "4"})
    entry = audit_rows(session)[-1]
    assert (entry["action"], entry["entity_id"]) == ("修改", resident_id)
    before, after = json.loads(entry["before"]), json.loads(entry["after"])
    assert {"phone", "phone_tail", "floor"} <= set(after)
    assert "name" not in after and "birth_date" not in after
    assert before["floor"] is None and after["floor"] == 4
    assert "13900001111" not in entry["before"] and "13900002222" not in entry["after"]
    assert session.row("residents", resident_id)["phone"] == "13900002222"


def test_rename_keeps_the_pinyin_columns_in_step(session):
    resident_id = residents.add(session, {"name": "张建国", "birth_date": "1940-01-01", "gender": "男"})
    residents.update(session, resident_id, {"name": "阿依古丽·买买提", "birth_date": "1940-01-01",
                                            "gender": "女"})
    row = session.row("residents", resident_id)
    assert (row["name_initials"], row["name_pinyin"]) == pinyin_keys("阿依古丽·买买提")
    assert row["name_initials"] == "ayglmmt"
    assert [r["name"] for r in residents.page(session, ResidentQuery(text="aygl"), 0, 10)] == [
        "阿依古丽·买买提"]
    assert residents.count(session, ResidentQuery(text="zjg")) == 0
    after = json.loads(audit_rows(session)[-1]["after"])
    assert after["name_initials"] == "ayglmmt"


def test_archive_keeps_the_row_releases_pairs_and_audits_the_reason(session):
    resident_id = residents.add(session, {"name": "郑桂兰", "birth_date": "1931-02-11", "gender": "女"})
    helper_id = volunteers.add(session, {"name": "韩秀梅", "birth_date": "1984-05-02", "gender": "女",
                                         "phone": "13800001111"})
    with session.write("pairings"):
        session.db.execute(
            "INSERT INTO pairings (uid, volunteer_id, resident_id, state, created_at) "
            "VALUES ('p-1', ?, ?, '结对中', '2026-01-01')", [helper_id, resident_id])

    residents.archive(session, resident_id, "搬到女儿家居住")

    row = session.row("residents", resident_id)
    assert row["archived_at"] and row["archive_reason"] == "搬到女儿家居住"
    pairing = session.db.execute("SELECT state, end_reason FROM pairings").fetchone()
    assert tuple(pairing) == ("已解除", "居民已归档")
    entry = audit_rows(session)[-1]
    assert (entry["action"], entry["detail"]) == ("归档", "搬到女儿家居住")
    assert residents.count(session, ResidentQuery()) == 0
    assert residents.count(session, ResidentQuery(include_archived=True)) == 1


def test_the_change_and_its_audit_entry_commit_together(session):
    """If the audit entry cannot be written, the resident is not saved either."""
    session.db.execute("CREATE TEMP TRIGGER audit_refuses BEFORE INSERT ON audit_log "
                       "BEGIN SELECT RAISE(ABORT, '审计日志写不进去'); END")
    heard = []
    session.subscribe(heard.append)
    with pytest.raises(Exception, match="审计日志写不进去"):
        residents.add(session, {"name": "李桂兰", "birth_date": "1936-03-03", "gender": "女"})
    assert count_rows(session, "residents") == 0
    assert heard == []  # nothing committed, so nobody is told of a change
    session.db.execute("DROP TRIGGER audit_refuses")
    resident_id = residents.add(session, {"name": "李桂兰", "birth_date": "1936-03-03", "gender": "女"})
    session.db.execute("CREATE TEMP TRIGGER audit_refuses BEFORE INSERT ON audit_log "
                       "BEGIN SELECT RAISE(ABORT, '审计日志写不进去'); END")
    with pytest.raises(Exception, match="审计日志写不进去"):
        residents.archive(session, resident_id, "测试")
    assert session.row("residents", resident_id)["archived_at"] is None


# -- errors in Chinese, beside their field -------------------------------------------------

@pytest.mark.parametrize(("fields", "field", "words"), [
    ({"name": "", "birth_date": "1940-01-01", "gender": "男"}, "name", ["姓名"]),
    ({"name": "赵淑珍", "id_number": "110105194912310021", "gender": "女"}, "id_number",
     ["身份证号", "校验位"]),
    ({"name": "赵淑珍", "id_number": "110105194902300028"}, "id_number", ["身份证号", "出生日期不存在"]),
    ({"name": "赵淑珍", "birth_date": "1940-02-30", "gender": "女"}, "birth_date", ["出生日期", "不存在"]),
    ({"name": "赵淑珍", "gender": "女"}, "birth_date", ["出生日期"]),
    ({"name": "赵淑珍", "birth_date": "1940-01-01", "gender": ""}, "gender", ["性别"]),
    ({"name": "赵淑珍", "birth_date": "1940-01-01", "gender": "女", "phone": "1391234"}, "phone",
     ["联系电话"]),
    ({"name": "赵淑珍", "birth_date": "1940-01-01", "gender": "女", "floor": "五楼"}, "floor", ["楼层"]),
    ({"name": "赵淑珍", "birth_date": "1940-01-01", "gender": "女", "floor": "99"}, "floor", ["楼层", "60"]),
])
def test_a_wrong_field_is_named_in_chinese_and_nothing_is_saved(session, fields, field, words):
    with pytest.raises(ResidentError) as refused:
        residents.add(session, fields)
    message = refused.value.errors[field]
    for word in words:
        assert word in message
    assert re.search(r"[\u4e00-\u9fff]", str(refused.value))
    assert count_rows(session, "residents") == 0
    assert audit_rows(session) == []


def test_a_second_resident_with_the_same_id_number_is_refused(session):
    number = id_number("110106", "1931-02-11", "042")
    residents.add(session, {"name": "郑桂兰", "id_number": number})
    with pytest.raises(ResidentError) as refused:
        residents.add(session, {"name": "郑桂芝", "id_number": number})
    assert "已登记给居民“郑桂兰”" in refused.value.errors["id_number"]
    assert count_rows(session, "residents") == 1


def test_a_refused_update_changes_nothing(session):
    resident_id = residents.add(session, {"name": "周凤英", "birth_date": "1933-07-07", "gender": "女"})
    before = session.row("residents", resident_id)
    with pytest.raises(ResidentError) as refused:
        residents.update(session, resident_id, {"name": "周凤英", "birth_date": "1933-07-07",
                                                "gender": "女", "phone": "12345"})
    assert "联系电话" in refused.value.errors["phone"]
    assert session.row("residents", resident_id) == before
    assert len(audit_rows(session)) == 1
    with pytest.raises(ResidentError, match="找不到编号为999的居民"):
        residents.update(session, 999, {"name": "周凤英"})


# -- 悬空老人 under the setting in force ---------------------------------------------------

def test_stranded_follows_the_floor_threshold_setting(session):
    third = residents.add(session, {"name": "孙淑兰", "birth_date": "1938-04-04", "gender": "女",
                                    "floor": "3", "has_lift": False})
    lift = residents.add(session, {"name": "马建军", "birth_date": "1938-04-04", "gender": "男",
                                   "floor": "9", "has_lift": True})
    stairs = residents.add(session, {"name": "朱秀兰", "birth_date": "1938-04-04", "gender": "女",
                                     "floor": "1", "cannot_use_stairs": True})
    young = residents.add(session, {"name": "胡国庆", "birth_date": "1990-04-04", "gender": "男",
                                    "floor": "6"})

    def stranded_ids() -> set[int]:
        rows = residents.page(session, ResidentQuery(only_stranded=True), 0, 100)
        assert residents.count(session, ResidentQuery(only_stranded=True)) == len(rows)
        flagged = {r["id"] for r in residents.page(session, ResidentQuery(), 0, 100) if r["stranded"]}
        assert flagged == {r["id"] for r in rows}
        return flagged

    def risk(resident_id: int) -> str:
        return session.row("residents", resident_id)["risk_level"]

    assert stranded_ids() == {third, stairs}            # default: above the 2nd floor
    assert risk(third) == "高"
    settings.put(session, "housing.floor_threshold", 3)
    assert stranded_ids() == {stairs}                    # the 3rd floor is no longer "high"
    assert risk(third) == "一般" and risk(stairs) == "高"  # the stored level follows the rule
    entry = audit_rows(session, "settings")[-1]
    assert "1位居民" in entry["detail"]
    settings.put(session, "housing.floor_threshold", 0)
    assert stranded_ids() == {third, stairs}            # a lift still helps; the young are not elders
    assert lift not in stranded_ids() and young not in stranded_ids()
    assert risk(third) == "高" and risk(young) == "一般"


# -- the table's queries against plain Python ---------------------------------------------

NAMES = ["王秀英", "王建国", "李桂兰", "张建国", "张丽", "赵淑珍", "陈玉兰", "杨国强", "黄小明",
         "周凤英", "吴振华", "徐桂芳", "孙淑兰", "马建军", "朱秀兰", "胡国庆", "郭凤兰", "何玉珍",
         "高建华", "林秀云", "罗德明", "郑桂兰", "阿依古丽·买买提", "王丽", "张秀英", "李建民",
         "赵德胜", "陈桂英", "杨淑芬", "黄建平"]
BUILDINGS = ["1号楼", "2号楼", "3号楼", "10号楼", "甲5号院", ""]


@pytest.fixture
def ledger(session):
    """Thirty residents of every kind, added through the service; two archived."""
    community = places.add_community(session, "高立庄社区", "花乡街道")
    courtyard = places.add_place(session, community, "明春苑")
    other = places.add_place(session, community, "银地家园")
    for i, name in enumerate(NAMES):
        year = 1926 + (i * 7) % 70
        fields = {
            "name": name, "birth_date": f"{year}-{(i % 12) + 1:02d}-{(i * 3) % 28 + 1:02d}",
            "gender": "女" if i % 2 else "男",
            "phone": {7: "010-67812377", 2: "13912345678"}.get(i, f"139{i * 7919 % 10**8:08d}"),
            "building": BUILDINGS[i % len(BUILDINGS)], "floor": str(i % 7),
            "has_lift": i % 5 == 0, "cannot_use_stairs": i % 11 == 3, "lives_alone": i % 3 == 0,
            "place_id": courtyard if i % 4 else other, "community_id": community,
        }
        resident_id = residents.add(session, fields)
        if i in (4, 17):
            residents.archive(session, resident_id, "迁出")
    return session


def _plain_rows(session) -> list[dict]:
    rows = [dict(r) for r in session.db.query(
        "SELECT r.*, p.name AS place FROM residents r LEFT JOIN places p ON p.id = r.place_id")]
    rule, cohorts = settings.housing_rule(session), settings.cohorts(session)
    for row in rows:
        row["age"] = age_on(row["birth_date"], TODAY)
        row["stranded"] = rule.is_stranded(row["floor"], bool(row["has_lift"]),
                                           bool(row["cannot_use_stairs"]), row["age"])
        row["senior"] = cohorts.is_senior(row["birth_date"], TODAY)
    return rows


def _matches(row: dict, text: str) -> bool:
    text = text.strip().lower()
    if not text:
        return True
    if re.fullmatch(r"[a-z]+", text):
        initials, full = pinyin_keys(row["name"])
        return initials.startswith(text) or full.startswith(text)
    if re.fullmatch(r"\d+", text):
        digits = re.sub(r"\D", "", row["phone"] or "")
        return (digits.endswith(text) or row["building"] == text
                or row["building"].startswith(text + "号"))
    return text in row["name"] or text in row["building"] or text in (row["place"] or "")


def _expected(session, query: ResidentQuery) -> list[dict]:
    rows = [r for r in _plain_rows(session)
            if (query.include_archived or r["archived_at"] is None)
            and _matches(r, query.text)
            and (not query.only_stranded or r["stranded"])
            and (not query.only_seniors or r["senior"])
            and (not query.only_alone or r["lives_alone"])]
    # Age sorts by the birth date, so two people of one age keep their order by birthday.
    key = {"name": lambda r: pinyin_keys(r["name"])[1], "age": lambda r: r["birth_date"],
           "floor": lambda r: r["floor"], "building": lambda r: r["building"],
           "risk_level": lambda r: r["risk_level"], "id": lambda r: r["id"],
           "stranded": lambda r: r["stranded"], "lives_alone": lambda r: r["lives_alone"]}[query.sort]
    rows.sort(key=lambda r: r["id"])
    # Stable: ties stay in id order, as in SQL. The oldest have the earliest birth dates.
    rows.sort(key=key, reverse=query.descending != (query.sort == "age"))
    return rows


QUERIES = [
    ResidentQuery(),
    ResidentQuery(text="王"),                 # a surname
    ResidentQuery(text="建"),                 # the first character of a given name
    ResidentQuery(text="zjg"),                # pinyin initials
    ResidentQuery(text="ZH"),                 # initials typed in capitals
    ResidentQuery(text="zhang"),              # full pinyin
    ResidentQuery(text="ay"),                 # a minority name joined by the middle dot
    ResidentQuery(text="5678"),               # the last four digits of a phone
    ResidentQuery(text="9"),                  # one digit: phone tails and buildings
    ResidentQuery(text="1"),                  # building 1 (not 10) and tails ending in 1
    ResidentQuery(text="812377"),             # six digits of the landline
    ResidentQuery(text="3号"),                # building by name
    ResidentQuery(text="明春苑"),             # the courtyard
    ResidentQuery(text=" 张 "),               # spaces around what was typed
    ResidentQuery(only_stranded=True),
    ResidentQuery(only_seniors=True),
    ResidentQuery(only_alone=True, text="王"),
    ResidentQuery(include_archived=True),
    ResidentQuery(sort="name"),
    ResidentQuery(sort="name", descending=True),
    ResidentQuery(sort="age"),
    ResidentQuery(sort="age", descending=True),
    ResidentQuery(sort="floor", descending=True),
    ResidentQuery(sort="building"),
    ResidentQuery(sort="risk_level", only_seniors=True),
    ResidentQuery(text="1", sort="age", include_archived=True),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr(q)[14:-1].replace(" ", ""))
def test_count_and_pages_agree_with_plain_python(ledger, query):
    expected = _expected(ledger, query)
    assert residents.count(ledger, query) == len(expected)
    got = []
    for offset in range(0, len(expected) + 7, 7):  # pages of seven, one past the end
        got += residents.page(ledger, query, offset, 7)
    assert [r["id"] for r in got] == [r["id"] for r in expected]
    for row, plain in zip(got, expected, strict=True):
        assert row["age"] == plain["age"]
        assert bool(row["stranded"]) == plain["stranded"]
        assert row["place"] == plain["place"]
        assert row["phone"] != plain["phone"] or not plain["phone"]  # lists show phones masked


def test_the_queries_used_here_do_find_rows(ledger):
    """Guard against a test data set in which every filter trivially returns nothing."""
    for query in QUERIES:
        assert _expected(ledger, query), query


def test_queries_follow_a_changed_senior_age(ledger):
    query = ResidentQuery(only_seniors=True)
    before = residents.count(ledger, query)
    settings.put(ledger, "cohort.resident_min_age", 80)
    cohorts = replace(Cohorts(), resident_min_age=80)
    expected = [r for r in _plain_rows(ledger)
                if r["archived_at"] is None and cohorts.is_senior(r["birth_date"], TODAY)]
    assert residents.count(ledger, query) == len(expected) > before


def test_housing_rule_in_python_matches_the_default_setting(session):
    assert settings.housing_rule(session) == HousingRule()
