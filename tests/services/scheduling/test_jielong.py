"""WeChat 接龙 threads as captains paste them: the names read out, matched to volunteers
(exact, pinyin, close, none) in a real database, and put on a shift through the scheduler."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from volunteer_app.domain.jielong import CIRCLED, clean_name, parse_jielong
from volunteer_app.domain.scheduling import Recurrence, Slot
from volunteer_app.services.people import teams, volunteers
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.scheduling import assigning, jielong, schedule
from volunteer_app.services.session import Actor, Session

WECHAT_TOOL = """#接龙
周六铲冰 8:00集合
明春苑北门，自带手套，约1.5小时

例 张三 带铁锹

1. 韩建国
2. 李秀兰 🙋
3. 王淑珍（带铁锹）
4. 赵德明 +1
5. 夕阳红-刘桂芳
6. 韩建国
"""

TYPED_BY_HAND = """【接龙】12月6日 文化活动彩排
1、陈志强👍🏻
2、3号楼杨玉梅
3、黄海涛 家属2人
4、周佩琴带孩子
5、明春苑-3-502-孙立新
6、
7、王淑珍、赵德明
"""

CIRCLED_AND_BRACKETS = """＃接龙：困难老人探访
①　李秀兰[玫瑰]
② 张珊(下午才有空)
③ 刘桂芳🌸🌸
④ 阿依古丽·买买提【3单元】
⑤ 韩建国-5号楼
"""

NO_NUMBERS = """#接龙
周日捡拾垃圾
韩建国
李秀兰🙏
王淑珍（迟到半小时）
"""

FLATTENED = "#接龙 周六铲冰 8:00集合 约1.5小时 1. 韩建国 2. 李秀兰 🙋 3、王淑珍（带铁锹） 4. 赵德明 +1"

WINDOWS_LINES = "#接龙 垃圾分类值守\r\n\r\n1 韩建国\r\n2 李秀兰 ✅\r\n(3) 王淑珍\r\n10. 赵德明\r\n"


@pytest.mark.parametrize(("text", "title", "names"), [
    (WECHAT_TOOL, "周六铲冰 8:00集合", ["韩建国", "李秀兰", "王淑珍", "赵德明", "刘桂芳"]),
    (TYPED_BY_HAND, "12月6日 文化活动彩排",
     ["陈志强", "杨玉梅", "黄海涛", "周佩琴", "孙立新", "王淑珍", "赵德明"]),
    (CIRCLED_AND_BRACKETS, "困难老人探访", ["李秀兰", "张珊", "刘桂芳", "阿依古丽·买买提", "韩建国"]),
    (NO_NUMBERS, "周日捡拾垃圾", ["韩建国", "李秀兰", "王淑珍"]),
    (WINDOWS_LINES, "垃圾分类值守", ["韩建国", "李秀兰", "王淑珍", "赵德明"]),
    (FLATTENED, "周六铲冰 8:00集合 约1.5小时", ["韩建国", "李秀兰", "王淑珍", "赵德明"]),
])
def test_threads_in_real_styles_parse_to_the_names(text, title, names):
    thread = parse_jielong(text)
    assert thread.title == title
    assert thread.names == names


def test_entries_keep_what_was_written_beside_the_name():
    thread = parse_jielong(WECHAT_TOOL)
    assert thread.description == "明春苑北门，自带手套，约1.5小时"     # no entry from "1.5小时"
    notes = {e.name: e.note for e in thread.entries}
    assert notes["王淑珍"] == "带铁锹" and notes["赵德明"] == "+1" and notes["刘桂芳"] == "夕阳红"
    assert [e.number for e in thread.entries] == [1, 2, 3, 4, 5, 6]      # the duplicate is an entry
    typed = {e.name: e.note for e in parse_jielong(TYPED_BY_HAND).entries}
    assert typed["杨玉梅"] == "3号楼" and typed["黄海涛"] == "家属2人" and typed["周佩琴"] == "带孩子"
    assert typed["孙立新"] == "明春苑-3-502"
    assert [e.number for e in parse_jielong(CIRCLED_AND_BRACKETS).entries] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(("written", "name"), [
    ("李带娣", "李带娣"),            # a name with 带 in it is not "bringing" anyone
    ("张三丰😄😄", "张三丰"),
    ("张三(带铁锹", "张三"),          # bracket never closed
    ("王五 8点到", "王五"),
    ("赵六＋2", "赵六"),
    ("欧阳娜娜 🙋‍♀️", "欧阳娜娜"),     # emoji with a joiner and a variation selector
    ("🌸", ""),
])
def test_clean_name(written, name):
    assert clean_name(written)[0] == name


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国秀兰淑珍德明桂芳志强玉梅海涛佩琴立新红军丽娟春华文静子轩雨萱浩然思远嘉怡俊杰梓涵欣怡"
DECORATIONS = ["{}", "{} 🙋", "{}🌸", "{}（带铁锹）", "{} +1", "夕阳红-{}", "3号楼{}", "{}带孩子",
               "{} 家属2人", "{}[强]", "明春苑-3-502-{}", "{}-5号楼", "{}👍🏻", "{}(下午)", "{} 🙋‍♀️"]
NUMBERINGS = ["{n}. ", "{n}.", "{n}、", "{n} ", "({n}) ", "{n}）", "{c}", "{c} "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SURNAMES), st.text(GIVEN, min_size=1, max_size=2)),
                min_size=1, max_size=30, unique_by=lambda t: t[0] + t[1]),
       st.data())
def test_any_decorated_thread_gives_back_its_names(people, data):
    names = [surname + given for surname, given in people]
    numbering = data.draw(st.sampled_from(NUMBERINGS))
    lines = ["#接龙", data.draw(st.sampled_from(["周六铲冰 8:00集合", "困难老人探访", "12月6日 文化活动"])),
             "", "例 张三"]
    for n, name in enumerate(names, 1):
        decoration = data.draw(st.sampled_from(DECORATIONS))
        lines.append(numbering.format(n=n, c=CIRCLED[n - 1]) + decoration.format(name))
    assert parse_jielong("\n".join(lines)).names == names


def test_a_thread_with_no_names():
    thread = parse_jielong("#接龙\n周六铲冰\n\n例 张三\n")
    assert (thread.title, thread.names) == ("周六铲冰", [])
    assert parse_jielong("").names == []


# -- matching against a real database --------------------------------------------------------

MEMBERS = ["韩建国", "李秀兰", "张珊", "王伟", "王伟", "刘阳", "郑小红", "陈志强"]
OTHERS = ["刘洋", "赵德明", "孙立新", "李秀英"]


def _volunteer(session, name, i, **extra):
    return volunteers.add(session, {"name": name, "gender": "女" if i % 2 else "男",
                                    "birth_date": f"{1960 + i}-03-0{1 + i % 9}",
                                    "availability": "6am,6pm,7am,7pm", **extra})


@pytest.fixture
def team(session):
    team_id = teams.create(session, "高立庄夕阳红志愿服务队")
    ids: dict[str, list[int]] = {}
    for i, name in enumerate(MEMBERS):
        ids.setdefault(name, []).append(_volunteer(session, name, i))
        teams.add_member(session, team_id, ids[name][-1])
    for i, name in enumerate(OTHERS):
        ids.setdefault(name, []).append(_volunteer(session, name, 20 + i))
    _volunteer(session, "周佩琴", 30, status="退出")
    return team_id, ids


def test_names_match_exact_pinyin_close_or_none(session, team):
    team_id, ids = team
    written = ["韩建国", "张山", "王伟", "刘洋", "赵德明", "曾小红", "明春苑孙立新", "陈志刚", "李秀英",
               "周佩琴", "欧阳娜娜"]
    found = {m.name: m for m in jielong.match_names(session, team_id, written)}
    assert [m.name for m in jielong.match_names(session, team_id, written)] == written

    def check(name, how, sure, volunteer=None, candidates=None):
        match = found[name]
        assert (match.how, match.sure) == (how, sure), match
        assert match.volunteer_id == (ids[volunteer][0] if volunteer else None)
        if candidates is not None:
            assert [c[1] for c in match.candidates] == candidates

    check("韩建国", "exact", True, "韩建国")
    check("张山", "pinyin", True, "张珊")                      # homophone of a member
    check("王伟", "exact", False, candidates=["王伟", "王伟"])  # two members share the name
    assert {c[0] for c in found["王伟"].candidates} == set(ids["王伟"])
    check("刘洋", "pinyin", True, "刘阳")      # the member who sounds the same, before a non-member
    check("赵德明", "exact", True, "赵德明")    # not in the team, but the only one in the ledger
    check("曾小红", "close", False, candidates=["郑小红"])      # zeng / zheng, one character off
    check("明春苑孙立新", "close", False, candidates=["孙立新"])
    check("陈志刚", "close", False, candidates=["陈志强"])
    check("李秀英", "exact", True, "李秀英")    # exact beats the member 李秀兰 one character off
    check("周佩琴", "none", False, candidates=[])               # left the volunteers: not offered
    check("欧阳娜娜", "none", False, candidates=[])
    assert "同名" in found["王伟"].reason and "确认" in found["曾小红"].reason


def test_close_matches_offer_members_first(session, team):
    team_id, ids = team
    match = jielong.match_names(session, team_id, ["李秀蓝兰"])[0]   # one character too many
    assert match.how == "close" and [c[1] for c in match.candidates] == ["李秀兰"]
    other_team = teams.create(session, "新发地村青年先锋队")
    teams.add_member(session, other_team, ids["李秀英"][0])
    match = jielong.match_names(session, other_team, ["李秀华"])[0]
    assert [c[1] for c in match.candidates][:1] == ["李秀英"]           # the member comes first
    assert set(c[1] for c in match.candidates) == {"李秀英", "李秀兰"}


def test_matching_is_for_whoever_schedules_the_team(db, team):
    team_id, _ = team
    captain = Session(db, Actor(user_id=None, name="别队队长", role=Role.CAPTAIN, team_ids=frozenset({99})),
                      today=lambda: date(2026, 11, 28))
    with pytest.raises(PermissionDenied):
        jielong.match_names(captain, team_id, ["韩建国"])


def test_assigning_the_chosen_names_reports_each_one(session, team):
    team_id, ids = team
    types = dict(session.db.execute("SELECT name, id FROM service_types").fetchall())
    task = schedule.create_task(session, {"team_id": team_id, "service_type_id": types["铲冰除雪"],
                                          "title": "周六铲冰"}, Recurrence("once"),
                                [Slot(time(8), time(11))], date(2026, 12, 5), date(2026, 12, 5),
                                min_people=2, max_people=4)
    shift_id = session.db.execute("SELECT id FROM shifts WHERE task_id = ?", [task]).fetchone()[0]
    thread = parse_jielong(WECHAT_TOOL.replace("王淑珍", "张山").replace("夕阳红-刘桂芳", "赵德明"))
    matches = jielong.match_names(session, team_id, thread.names)
    chosen = [(m.name, m.volunteer_id or m.candidates[0][0]) for m in matches]
    results = jielong.assign_names(session, shift_id, chosen)
    by_name = {r.name: r for r in results}
    assert by_name["韩建国"].status == "assigned" and by_name["韩建国"].assignment_id
    assert by_name["张山"].status == "assigned"                       # 张珊, by pinyin
    assert by_name["赵德明"].status == "blocked"                      # not in this team
    assert any("不是本队队员" in r for r in by_name["赵德明"].reasons)
    assert by_name["赵德明"].message.startswith("不能安排")
    # Saturday is outside 李秀兰's free time only if she filled it in: she did (weekends), so
    # she is assigned; someone with no availability written down comes back as a warning.
    warned = _volunteer(session, "新队员", 40, availability="")
    teams.add_member(session, team_id, warned)
    again = jielong.assign_names(session, shift_id, [("新队员", warned), ("韩建国", ids["韩建国"][0])])
    assert [r.status for r in again] == ["warning", "blocked"]
    assert "空闲时间" in again[0].reasons[0] and "已经在这个班次里了" in again[1].reasons[0]
    accepted = jielong.assign_names(session, shift_id, [("新队员", warned)], accept_warnings=True)
    assert accepted[0].status == "assigned"
    on_shift = {a["name"] for a in assigning.assignments(session, shift_id)}
    assert on_shift == {"韩建国", "李秀兰", "张珊", "新队员"}
