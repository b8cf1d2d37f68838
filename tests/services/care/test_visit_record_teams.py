"""No hour outside a report: a visit's record belongs to its helper's team (staff helpers in no
team go to the community report's 结对探访), old visit records get their team by migration, and
the community's monthly report holds every hour of the month, by source, read back from its PDF."""

from __future__ import annotations

import re
import shutil

import pytest
from pdftext import pdf_text

from volunteer_app.cli import main as cli_main
from volunteer_app.services.care import pairing
from volunteer_app.services.hours import records, reports
from volunteer_app.services.hours.certificates import format_hours
from volunteer_app.store import migrations
from volunteer_app.store.connection import connect
from volunteer_app.store.rows import new_uid, now_text
from volunteer_app.store.visit_teams import m_visit_record_teams

MONTH = "2026-11"


def _row(db, table, **values):
    return db.table(table).insert({"uid": new_uid(), **values}).last_pk


def _people(db):
    """Two teams (one of community 2), a helper in both, a helper in one, a staff helper in none."""
    stamp = now_text()
    for number in (1, 2):
        _row(db, "communities", name=f"社区{number}", created_at=stamp)
    near = _row(db, "teams", name="甲队", community_id=1, created_at=stamp)
    far = _row(db, "teams", name="乙队", community_id=2, created_at=stamp)
    person = {"created_at": stamp, "updated_at": stamp}
    both = _row(db, "volunteers", name="双队帮手", **person)
    one = _row(db, "volunteers", name="乙队帮手", **person)
    staff = _row(db, "volunteers", name="社工帮手", is_staff=1, **person)
    _row(db, "team_members", team_id=far, volunteer_id=both, joined_on="2025-01-01")
    _row(db, "team_members", team_id=near, volunteer_id=both, joined_on="2026-03-01")
    _row(db, "team_members", team_id=far, volunteer_id=one, joined_on="2026-11-10")
    elder = _row(db, "residents", name="高龄老人", community_id=1, consent_visit=1,
                 consent_date="2025-12-01", **person)
    return {"near": near, "far": far, "both": both, "one": one, "staff": staff, "elder": elder}


def _pair(db, helper, elder):
    return _row(db, "pairings", volunteer_id=helper, resident_id=elder, state="结对中",
                started_on="2026-01-01", created_at=now_text())


def _visit(session, pairing_id, day, start="10:00", minutes=60):
    return pairing.log_visit(session, pairing_id, {"visited_on": day, "start_time": start,
                                                   "minutes": minutes, "done": "陪老人聊天"})[1]


def test_a_visit_record_belongs_to_its_helpers_team_and_a_staff_helpers_to_none(session):
    p = _people(session.db)
    both = _visit(session, _pair(session.db, p["both"], p["elder"]), "2026-11-05")
    staff = _visit(session, _pair(session.db, p["staff"], p["elder"]), "2026-11-05")
    one_pair = _pair(session.db, p["one"], p["elder"])
    before_joining = _visit(session, one_pair, "2026-11-06")
    after_joining = _visit(session, one_pair, "2026-11-12")
    team_of = {rid: session.row("service_records", rid)["team_id"]
               for rid in (both, staff, before_joining, after_joining)}
    # In two teams: the one of the elder's community, though joined later.
    assert team_of == {both: p["near"], staff: None, before_joining: None, after_joining: p["far"]}
    assert session.row("service_records", both)["source"] == "探访"


def test_old_visit_records_get_their_team_by_migration_locked_ones_too(tmp_path):
    db = connect(tmp_path / "old.sqlite3")
    before = migrations.MIGRATIONS.index(m_visit_record_teams)
    migrations.apply_migrations(db, target=before)
    p = _people(db)
    stamp = now_text()
    made = {}
    for helper in ("both", "staff", "one"):
        pair = _pair(db, p[helper], p["elder"])
        visit = _row(db, "visits", pairing_id=pair, volunteer_id=p[helper], resident_id=p["elder"],
                     visited_on="2026-11-20", minutes=90, created_at=stamp)
        made[helper] = _row(db, "service_records", volunteer_id=p[helper], date="2026-11-20",
                            hours=1.5, source="探访", visit_id=visit, status="已锁定", created_at=stamp)
    migrations.apply_migrations(db)
    rows = {k: dict(next(db.query("SELECT * FROM service_records WHERE id = ?", [v])))
            for k, v in made.items()}
    assert (rows["both"]["team_id"], rows["one"]["team_id"], rows["staff"]["team_id"]) == (
        p["near"], p["far"], None)
    assert {r["hours"] for r in rows.values()} == {1.5} and {r["status"] for r in rows.values()} == {"已锁定"}
    assert db.execute("SELECT count(*) FROM audit_log WHERE action = '补记队伍'").fetchone()[0] == 2
    # The lock triggers are back: a locked record still refuses a change.
    with pytest.raises(Exception, match="已锁定"):
        db.execute("UPDATE service_records SET hours = 9 WHERE id = ?", [made["both"]])
    db.close()


def _month_sums(session):
    return {r[0]: (r[1], r[2]) for r in session.db.execute(
        "SELECT source, count(*), sum(hours) FROM service_records WHERE date LIKE ? "
        "AND status != '已更正' GROUP BY 1", [MONTH + "-%"])}


def test_the_community_report_holds_every_hour_of_the_month_by_source(demo_session, tmp_path, qapp):
    from volunteer_app.reports.monthly import write_monthly_pdf

    db = demo_session.db
    sums = _month_sums(demo_session)
    visits = dict(db.execute(
        "SELECT team_id IS NULL, count(*) FROM service_records WHERE source = '探访' AND date LIKE ? "
        "GROUP BY 1", [MONTH + "-%"]).fetchall())
    assert visits[0] > 0 and visits[1] > 0       # visits of team helpers and of staff helpers
    total = db.execute("SELECT count(*), sum(hours) FROM service_records WHERE date LIKE ? "
                       "AND status != '已更正'", [MONTH + "-%"]).fetchone()
    report = reports.monthly_team(demo_session, None, MONTH)
    assert (report.records, report.hours) == (total[0], pytest.approx(total[1]))
    by_source = {s["source"]: (s["records"], s["hours"]) for s in report.sources}
    for source, (count, hours) in sums.items():
        assert by_source[source] == (count, pytest.approx(hours))
    assert sum(t["hours"] for t in report.teams) == pytest.approx(total[1])
    teamless = db.execute("SELECT sum(hours) FROM service_records WHERE source = '探访' "
                          "AND team_id IS NULL AND date LIKE ?", [MONTH + "-%"]).fetchone()[0]
    assert sum(v["hours"] for v in report.teamless_visits) == pytest.approx(teamless)
    # Each team's report and the teamless records add up to the community's.
    teams = [r[0] for r in db.execute("SELECT id FROM teams")]
    no_team = db.execute("SELECT coalesce(sum(hours), 0) FROM service_records WHERE team_id IS NULL "
                         "AND status != '已更正' AND date LIKE ?", [MONTH + "-%"]).fetchone()[0]
    assert sum(reports.monthly_team(demo_session, t, MONTH).hours for t in teams) + no_team == \
        pytest.approx(report.hours)

    text = pdf_text(write_monthly_pdf(report, tmp_path / "全社区.pdf"))
    flat = re.sub(r"\s+", " ", text)
    assert f"本月服务记录 {report.records} 条，服务时长 {format_hours(report.hours)} 小时" in text.replace("\n", "")
    for source, (count, hours) in sums.items():
        assert re.search(rf"{source}\s+{count}\s+{re.escape(format_hours(hours))}\s", flat + " "), source
    assert re.search(rf"合计\s+{report.records}\s+{re.escape(format_hours(report.hours))}\s", flat)
    assert "结对探访（不属任何队伍的帮手" in flat and "不属任何队伍" in flat
    for visit in report.teamless_visits:
        assert re.search(rf"{visit['name']}\s+\S+\s+{visit['records']}\s+"
                         rf"{re.escape(format_hours(visit['hours']))}", flat), visit["name"]


def test_a_team_report_states_its_hours_by_source(demo_session, tmp_path, qapp):
    from volunteer_app.reports.monthly import write_monthly_pdf

    team_id = demo_session.db.execute("SELECT team_id FROM service_records WHERE source = '探访' "
                                      "AND team_id IS NOT NULL LIMIT 1").fetchone()[0]
    report = reports.monthly_team(demo_session, team_id, MONTH)
    expected = dict((r[0], r[1]) for r in demo_session.db.execute(
        "SELECT source, sum(hours) FROM service_records WHERE team_id = ? AND date LIKE ? "
        "AND status != '已更正' GROUP BY 1", [team_id, MONTH + "-%"]))
    assert expected.get("探访", 0) > 0
    assert {s["source"]: s["hours"] for s in report.sources if s["records"]} == pytest.approx(expected)
    assert not report.teams and not report.teamless_visits
    flat = re.sub(r"\s+", " ", pdf_text(write_monthly_pdf(report, tmp_path / "队.pdf")))
    assert re.search(rf"探访\s+\d+\s+{re.escape(format_hours(expected['探访']))}\s", flat)
    assert "不属任何队伍" not in flat


def test_cli_monthly_for_the_whole_community(demo_template, tmp_path, capsys, qapp):
    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, db)
    out = tmp_path / "全社区.pdf"
    assert cli_main(["report", "monthly", "--month", MONTH, "--out", str(out), "--db", str(db)]) == 0
    said = capsys.readouterr().out
    assert "全社区" in said and "结对探访（不属任何队伍的帮手" in pdf_text(out)


def test_editing_a_visit_record_keeps_its_team(session):
    p = _people(session.db)
    record_id = _visit(session, _pair(session.db, p["both"], p["elder"]), "2026-11-05")
    records.update(session, record_id, {"end_time": "11:30"})
    row = session.row("service_records", record_id)
    assert (row["team_id"], row["source"], row["hours"]) == (p["near"], "探访", 1.5)
