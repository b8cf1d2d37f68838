"""Demo step 1: communities, places, teams, volunteers and residents."""

from __future__ import annotations

import functools
import json
from datetime import date

from ...domain.availability import PARTS, Availability
from ...domain.people import HousingRule, age_on, pinyin_keys
from ...domain.risk import risk_level
from ...store.rows import new_uid, now_text
from ..session import Session
from . import DemoContext
from .names import NameMaker

COMMUNITIES = (
    ("银地第二社区", "社区"),
    ("明春苑社区", "社区"),
    ("高立庄社区", "社区"),
    ("新发地村", "村"),
)
# place, kind, community, residents per scale unit, floors, has lift, share aged 90+
PLACES = (
    ("银地家园", "小区", "银地第二社区", 260, 6, False, 0.03),
    ("干休所大院", "院落", "银地第二社区", 90, 5, False, 0.70),   # military retirees, walk-ups
    ("明春苑", "小区", "明春苑社区", 250, 18, True, 0.03),
    ("郭公庄北街", "街巷", "明春苑社区", 90, 3, False, 0.04),
    ("高立庄", "院落", "高立庄社区", 160, 5, False, 0.05),
    ("新发地村", "村", "新发地村", 150, 2, False, 0.04),
)
SERVICE_POINTS = (
    ("明春苑垃圾分类驿站", "垃圾分类驿站", "明春苑社区"),
    ("银地家园垃圾分类驿站", "垃圾分类驿站", "银地第二社区"),
    ("高立庄党群服务中心", "活动中心", "高立庄社区"),
    ("新发地村委会", "活动中心", "新发地村"),
)
# team, community, members per scale unit, birth years, skills that are common there
TEAMS = (
    ("高立庄夕阳红志愿服务队", "高立庄社区", 20, (1952, 1966), ("文艺", "心理疏导")),
    ("银地第二社区居民志愿服务队", "银地第二社区", 26, (1972, 1995), ("驾驶", "电工", "会用智能手机")),
    ("新发地村青年先锋队", "新发地村", 16, (1986, 2003), ("体力好", "驾驶", "水暖")),
)
STAFF_PER_SCALE = 8
NEEDS = ("跑腿代办", "陪同就医", "上下楼", "代购药品", "聊天陪伴")


def build_places(session: Session, ctx: DemoContext) -> None:
    db, stamp = session.db, now_text()
    for name, kind in COMMUNITIES:
        ctx.community_ids[name] = db.table("communities").insert(
            {"uid": new_uid(), "name": name, "street": "花乡街道", "kind": kind, "created_at": stamp}).last_pk
    for name, kind, community, *_ in PLACES + SERVICE_POINTS:
        ctx.place_ids[name] = db.table("places").insert(
            {"uid": new_uid(), "community_id": ctx.community_ids[community], "name": name, "kind": kind,
             "address": f"北京市丰台区花乡街道{name}", "created_at": stamp}).last_pk


@functools.lru_cache(maxsize=65536)
def _keys(name: str) -> tuple[str, str]:
    return pinyin_keys(name)


def _availability(maker: NameMaker, retired: bool) -> str:
    slots = set()
    days = range(1, 8) if retired else (6, 7)
    for day in days:
        for part in PARTS:
            if maker.random.random() < (0.6 if retired else 0.7):
                slots.add((day, part))
    if not retired and maker.random.random() < 0.5:
        slots |= {(d, "ev") for d in range(1, 6)}
    return Availability(frozenset(slots)).to_text()


def volunteer_row(maker: NameMaker, ctx: DemoContext, number: int, years: tuple[int, int],
                   skills: tuple[str, ...], community: str, place: str, staff: bool = False) -> dict:
    birth = maker.birth_date(*years)
    gender = maker.gender()
    name = maker.name(birth.year)
    initials, full = _keys(name)
    retired = birth.year < 1966
    chosen = sorted({s for s in skills if maker.random.random() < 0.4})
    stamp = now_text()
    return {
        "uid": new_uid(), "volunteer_no": f"ZY{ctx.today.year}-{number:05d}", "name": name,
        "name_initials": initials, "name_pinyin": full, "gender": gender,
        "birth_date": birth.isoformat(),
        "id_number": maker.id_number(birth, gender) if maker.random.random() < 0.9 else None,
        "phone": maker.mobile(), "community_id": ctx.community_ids[community],
        "place_id": ctx.place_ids[place], "building": f"{maker.random.randint(1, 12)}号楼",
        "skills": json.dumps(chosen, ensure_ascii=False),
        "availability": _availability(maker, retired and not staff),
        "weekly_hours_cap": 4 if retired else 8, "health_limit": 1 if retired and maker.random.random() < 0.3 else 0,
        "is_staff": 1 if staff else 0, "helper_capacity": 2 if maker.random.random() < 0.7 else 3,
        "status": "在册", "joined_on": f"{maker.random.randint(2018, ctx.today.year - 1)}-03-05",
        "created_at": stamp, "updated_at": stamp,
    }


def build_teams_and_volunteers(session: Session, ctx: DemoContext) -> None:
    db, maker = session.db, NameMaker(ctx.seed + 1)
    number = 0
    home = {"高立庄社区": "高立庄", "银地第二社区": "银地家园", "新发地村": "新发地村", "明春苑社区": "明春苑"}
    descriptions = {
        "高立庄夕阳红志愿服务队": "退休居民组成，擅长文艺活动和邻里陪伴",
        "银地第二社区居民志愿服务队": "社区居民骨干，负责垃圾分类值守和困难帮扶",
        "新发地村青年先锋队": "村里的年轻人，冲在铲冰除雪和物资配送一线",
    }
    for team, community, size, years, skills in TEAMS:
        team_id = db.table("teams").insert({
            "uid": new_uid(), "name": team, "community_id": ctx.community_ids[community],
            "description": descriptions[team], "created_at": now_text()}).last_pk
        ctx.team_ids[team] = team_id
        rows = []
        for _ in range(size * ctx.scale):
            number += 1
            rows.append(volunteer_row(maker, ctx, number, years, skills, community, home[community]))
        db.table("volunteers").insert_all(rows, batch_size=500)
        ids = [r[0] for r in db.execute("SELECT id FROM volunteers ORDER BY id DESC LIMIT ?", [len(rows)])][::-1]
        ctx.volunteer_ids[team] = ids
        groups = "ABCD"
        db.table("team_members").insert_all([
            {"uid": new_uid(), "team_id": team_id, "volunteer_id": vid,
             "role": "队长" if i == 0 else ("副队长" if i == 1 else "队员"),
             "rota_group": groups[i % 4], "joined_on": f"{ctx.today.year - 1}-03-05"}
            for i, vid in enumerate(ids)], batch_size=500)
    # Community staff: young workers of the committee, most born in the 1980s (80后 helpers).
    rows = []
    for _ in range(STAFF_PER_SCALE * ctx.scale):
        number += 1
        community = maker.random.choice(list(home))
        rows.append(volunteer_row(maker, ctx, number, (1981, 1993), ("驾驶", "会用智能手机"),
                                   community, home[community], staff=True))
    db.table("volunteers").insert_all(rows, batch_size=500)
    ctx.staff_ids = [r[0] for r in db.execute("SELECT id FROM volunteers ORDER BY id DESC LIMIT ?",
                                              [len(rows)])][::-1]
    # A few helpers also serve in a second team: a volunteer may be in several teams.
    second = ctx.team_ids["银地第二社区居民志愿服务队"]
    for vid in ctx.volunteer_ids["新发地村青年先锋队"][2:5]:
        db.table("team_members").insert({"uid": new_uid(), "team_id": second, "volunteer_id": vid,
                                         "role": "队员", "joined_on": f"{ctx.today.year}-01-10"})


def build_residents(session: Session, ctx: DemoContext) -> None:
    db, maker = session.db, NameMaker(ctx.seed + 2)
    rule = HousingRule()
    rows = []
    for place, _kind, community, per_scale, floors, lift, senior_share in PLACES:
        for _ in range(per_scale * ctx.scale):
            rows.append(_resident_row(maker, ctx, rule, place, community, floors, lift, senior_share))
    db.table("residents").insert_all(rows, batch_size=1000)


def _resident_row(maker: NameMaker, ctx: DemoContext, rule: HousingRule, place: str, community: str,
                  floors: int, lift: bool, senior_share: float) -> dict:
    r = maker.random
    senior = r.random() < senior_share
    today = ctx.today
    birth = (maker.birth_date(today.year - 99, today.year - 90) if senior
             else maker.birth_date(today.year - 89, today.year - 3))
    age = age_on(birth, today) or 0
    gender = maker.gender()
    name = maker.name(birth.year)
    initials, full = _keys(name)
    floor = r.randint(1, floors)
    cannot_use_stairs = 1 if age >= 85 and r.random() < 0.35 else 0
    lives_alone = 1 if age >= 70 and r.random() < 0.3 else 0
    empty_nest = 1 if age >= 65 and not lives_alone and r.random() < 0.3 else 0
    disabled = 1 if age >= 60 and r.random() < 0.08 else 0
    dementia = 1 if age >= 80 and r.random() < 0.06 else 0
    hardship = 1 if r.random() < 0.03 else 0
    stranded = rule.is_stranded(floor, lift, bool(cannot_use_stairs), age)
    level = risk_level(age, stranded=stranded, lives_alone=bool(lives_alone), empty_nest=bool(empty_nest),
                       dementia=bool(dementia), disabled=bool(disabled), hardship=bool(hardship))
    phone = maker.landline() if age >= 80 and r.random() < 0.5 else maker.mobile()
    consent = 1 if age >= 85 and r.random() < 0.85 else 0
    needs = sorted({n for n in NEEDS if r.random() < 0.35}) if age >= 85 else []
    if stranded and age >= 85:
        needs = sorted(set(needs) | {"上下楼"})
    stamp = now_text()
    return {
        "uid": new_uid(), "name": name, "name_initials": initials, "name_pinyin": full,
        "gender": gender, "birth_date": birth.isoformat(),
        "id_number": maker.id_number(birth, gender) if r.random() < 0.92 else None,
        "phone": phone, "phone_tail": phone.replace("-", "")[-4:],
        "community_id": ctx.community_ids[community], "place_id": ctx.place_ids[place],
        "building": f"{r.randint(1, 12)}号楼", "unit": f"{r.randint(1, 4)}单元",
        "room": f"{floor}{r.randint(1, 4):02d}", "floor": floor, "has_lift": 1 if lift else 0,
        "cannot_use_stairs": cannot_use_stairs, "lives_alone": lives_alone, "empty_nest": empty_nest,
        "disabled": disabled, "dementia": dementia, "hardship": hardship,
        "family_nearby": 0 if lives_alone and r.random() < 0.6 else 1, "risk_level": level.value,
        "needs": json.dumps(needs, ensure_ascii=False),
        "preferred_visit_times": _availability(maker, True) if age >= 85 else "",
        "gender_preference": (gender if r.random() < 0.15 else None) if age >= 85 else None,
        **_health(age >= 90 and r.random() < 0.4, today),
        "consent_visit": consent, "consent_date": f"{today.year}-0{r.randint(1, 9)}-1{r.randint(0, 9)}" if consent else None,
        "consent_method": "书面" if consent else "",
        "consent_scope": "上门探访、结对帮扶" if consent else "",
        "created_at": stamp, "updated_at": stamp,
    }



def _health(noted: bool, today: date) -> dict:
    """Health notes only with the separate consent they need: the resident, last December."""
    if not noted:
        return {"health_notes": "", "sensitive_consent": 0, "health_consent_by": "",
                "health_consent_date": None}
    return {"health_notes": "高血压，行动不便", "sensitive_consent": 1, "health_consent_by": "本人",
            "health_consent_date": f"{today.year - 1}-12-01"}


FAMILY = ("儿子", "女儿", "女儿", "儿子", "儿媳", "侄子", "老伴")


def add_family_contacts(session: Session, ctx: DemoContext) -> None:
    """Most elders have a family contact (紧急联系人): the second number a weather roll-call
    tries. A random stream of its own, so every other demo row stays as it was."""
    maker = NameMaker(ctx.seed + 11)
    r = maker.random
    cutoff = date(ctx.today.year - 60, ctx.today.month, 1).isoformat()
    rows = session.db.execute("SELECT id, name FROM residents WHERE birth_date <= ? ORDER BY id", [cutoff])
    updates = []
    for resident_id, name in rows.fetchall():
        if r.random() < 0.75:
            relation = r.choice(FAMILY)
            kin = maker.name(1975)
            if relation in ("儿子", "女儿") and "·" not in name:
                kin = name[0] + kin[1:]
            updates.append((f"{relation} {kin} {maker.mobile()}", resident_id))
    session.db.conn.executemany("UPDATE residents SET emergency_contact = ? WHERE id = ?", updates)
