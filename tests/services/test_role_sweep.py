"""Every service the other role tests do not call, run as each role on the whole demo.

The structural test (test_role_registry.py) names the services no role test called; this
file runs them as the five viewers of test_privacy.py (the administrator, staff, a captain
of the team, a captain of another team, a supervisor) and checks, whatever the service
returns (rows, dataclasses, figures): refused exactly where the role may not, with a Chinese
message; no full ID number, phone or emergency contact in it; health and hardship notes only
for a role with 查看健康与困难情况. Then the writes among them: nothing changed when refused.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY

from volunteer_app.domain.requests import Kind
from volunteer_app.domain.weather import AlertType
from volunteer_app.services.admin import (
    audit_log,
    auto_backups,
    dashboard,
    retention,
    settings,
    users,
)
from volunteer_app.services.alerts import access as alert_access
from volunteer_app.services.alerts import (
    after_visits,
    board,
    callers,
    closing,
    duty_shifts,
    figures,
    paper,
    roll_build,
    roll_view,
)
from volunteer_app.services.care import coverage, pairing, visit_list
from volunteer_app.services.hours import certificates, record_hours, record_queries, reports
from volunteer_app.services.ledger import import_header, ledger_stream
from volunteer_app.services.people import consent, lookups, places, resident_facts, residents, teams
from volunteer_app.services.permissions import PermissionDenied, Role
from volunteer_app.services.requests import access as request_access
from volunteer_app.services.requests import (
    dispatch,
    hotspots,
    rates,
    ticket_form,
    ticket_import,
    ticket_queries,
    ticket_save,
    tickets,
)
from volunteer_app.services.scheduling import assigning, fill_gaps, roster, schedule, schedule_facts
from volunteer_app.services.session import Actor, Session
from volunteer_app.services.street import config, reporting

GAOLI = "高立庄夕阳红志愿服务队"     # the demo captain leads this team only
HARDSHIP = "低保户，子女在外地务工"
LOGINS = ("admin", "staff", "captain", "supervisor")
SEES_NOTES = {"staff", "supervisor"}
# viewer -> (login, whose team's targets)
VIEWERS = {"admin": ("admin", "own"), "staff": ("staff", "own"), "own captain": ("captain", "own"),
           "other captain": ("captain", "other"), "supervisor": ("supervisor", "own")}


def as_role(session: Session, login: str) -> Session:
    return Session(session.db, users.authenticate(session.db, login, f"{login}2026"),
                   today=lambda: TODAY)


@dataclasses.dataclass(frozen=True)
class Target:
    team: int
    volunteer: int
    shift: int
    task: int
    assignment: int


@dataclasses.dataclass(frozen=True)
class World:
    own: Target
    other: Target
    alert: int
    ticket: int
    db: Any
    db_path: str


def _target(db, team: int, not_team: int) -> Target:
    volunteer = db.execute(
        "SELECT volunteer_id FROM team_members WHERE team_id = ? AND left_on IS NULL AND volunteer_id NOT IN "
        "(SELECT volunteer_id FROM team_members WHERE team_id = ?) ORDER BY id", [team, not_team]).fetchone()[0]
    shift, task = db.execute("SELECT s.id, t.id FROM shifts s JOIN tasks t ON t.id = s.task_id WHERE "
                             "t.team_id = ? AND EXISTS (SELECT 1 FROM assignments a WHERE a.shift_id = s.id) "
                             "ORDER BY s.id", [team]).fetchone()
    assignment = db.execute("SELECT min(id) FROM assignments WHERE shift_id = ?", [shift]).fetchone()[0]
    return Target(team, volunteer, shift, task, assignment)


def _secrets(db, login: str) -> dict[str, str]:
    """What must not reach ``login``: every full number, and the notes unless they may see them."""
    columns = [("volunteers", "id_number"), ("volunteers", "phone"), ("residents", "id_number"),
               ("residents", "phone"), ("residents", "emergency_contact"), ("requests", "caller_phone")]
    if login not in SEES_NOTES:
        columns += [("residents", "health_notes"), ("residents", "hardship_notes"), ("visits", "health")]
    found = {}
    for table, column in columns:
        for (value,) in db.execute(f"SELECT DISTINCT {column} FROM {table} WHERE length({column}) >= 6"):
            found[value] = f"{table}.{column}"
    return found


@pytest.fixture
def world(full_demo_session) -> World:
    db = full_demo_session.db
    with full_demo_session.write("residents"):     # the demo writes no hardship notes
        db.execute("UPDATE residents SET hardship_notes = ? WHERE id % 7 = 0", [HARDSHIP])
    own = db.execute("SELECT id FROM teams WHERE name = ?", [GAOLI]).fetchone()[0]
    other = db.execute("SELECT min(id) FROM teams WHERE id != ?", [own]).fetchone()[0]
    return World(_target(db, own, other), _target(db, other, own),
                 db.execute("SELECT max(id) FROM alerts").fetchone()[0],
                 db.execute("SELECT min(id) FROM requests").fetchone()[0], db, full_demo_session.path or "")


def _texts(value: Any):
    """Every text inside what a service returned."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _texts(item)


def leaked(value: Any, secrets: dict[str, str]) -> set[str]:
    return {what for text in _texts(value) for secret, what in secrets.items() if secret in text}


def _ledger_check(session: Session, world: World) -> Any:
    """A residents file whose one row carries a registered resident's ID number: the check
    says which record holds it."""
    from ledger_fixtures import write_csv

    from volunteer_app.services.ledger import import_check, import_header

    name, id_number = world.db.execute("SELECT name, id_number FROM residents WHERE id_number != '' "
                                       "ORDER BY id").fetchone()
    path = write_csv(Path(world.db_path).with_name("居民.csv"), [["姓名", "身份证号"], [name, id_number]],
                     "utf-8-sig")
    return import_check.check(session, *import_header.load(path, "residents"), "residents")


MONDAY = date(2026, 11, 23)
Call = Callable[[Session, Target, World], Any]

# service -> the call; each gets the viewer's target (own or other team)
READS: dict[str, Call] = {
    "dashboard.load": lambda s, t, w: dashboard.load(s),
    "audit_log.count": lambda s, t, w: audit_log.count(s, audit_log.AuditQuery()),
    "audit_log.page": lambda s, t, w: audit_log.page(s, audit_log.AuditQuery(), 0, 100_000),
    "audit_log.choices": lambda s, t, w: audit_log.choices(s),
    "auto_backups.listed": lambda s, t, w: auto_backups.listed(s, w.db_path),
    "settings.get": lambda s, t, w: [settings.get(s, key) for key in settings._BY_KEY],
    "users.list_users": lambda s, t, w: users.list_users(s),
    "users.captain_candidates": lambda s, t, w: users.captain_candidates(s),
    "street.config.load": lambda s, t, w: config.load(s),
    "street.reporting.status": lambda s, t, w: reporting.status(s),
    "alerts.board": lambda s, t, w: board.board(s, w.alert),
    "alerts.figures.card": lambda s, t, w: figures.card(s),
    "alerts.figures.warnings": lambda s, t, w: figures.warnings(s),
    "alerts.figures.insured_types": lambda s, t, w: figures.insured_types(s),
    "alerts.after_visits.report_rows": lambda s, t, w: after_visits.report_rows(s, w.alert),
    "alerts.roll_view.roll_rows": lambda s, t, w: roll_view.roll_rows(s, w.alert),
    "alerts.callers.handler_choices": lambda s, t, w: callers.handler_choices(s),
    "alerts.closing.hour_rates": lambda s, t, w: closing.hour_rates(s),
    "alerts.duty_shifts.insurance_warnings": lambda s, t, w: duty_shifts.insurance_warnings(s, w.alert),
    "alerts.roll_build.current_staff": lambda s, t, w: roll_build.current_staff(s),
    "alerts.roll_build.caller_load": lambda s, t, w: roll_build.caller_load(s, w.alert),
    "requests.hotspots.find": lambda s, t, w: hotspots.find(s, 400),
    "requests.hotspots.ticket_numbers": lambda s, t, w: [
        hotspots.ticket_numbers(s, h) for h in hotspots.find(Session(s.db, today=s.today), 400)],
    "requests.rates.month_rates": lambda s, t, w: rates.month_rates(s, "2026-11"),
    "requests.rates.trend": lambda s, t, w: rates.trend(s, "2026-11"),
    "requests.rates.office_figures": lambda s, t, w: rates.office_figures(s, "2026-11"),
    "requests.ticket_queries.rows": lambda s, t, w: ticket_queries.rows(s, "1", {}, datetime(2026, 11, 28, 12)),
    "requests.ticket_queries.history": lambda s, t, w: ticket_queries.history(s, w.ticket),
    "requests.ticket_form.match": lambda s, t, w: ticket_form.match(
        s, s.db.execute("SELECT phone FROM residents WHERE phone != '' ORDER BY id").fetchone()[0], ""),
    "requests.ticket_form.CallerMatcher": lambda s, t, w: ticket_form.CallerMatcher(s),
    "requests.tickets.caller_matcher": lambda s, t, w: tickets.caller_matcher(s),
    "certificates.preview": lambda s, t, w: certificates.preview(s, t.volunteer),
    "certificates.register_count": lambda s, t, w: certificates.register_count(s),
    "reports.monthly_team": lambda s, t, w: reports.monthly_team(s, t.team, "2026-11"),
    "reports.hours_summary": lambda s, t, w: reports.hours_summary(s, "2026-01-01", "2026-12-31"),
    "reports.year_totals": lambda s, t, w: reports.year_totals(s, 2026),
    "record_queries.standings_page": lambda s, t, w: record_queries.standings_page(
        s, record_queries.StandingQuery(team_id=t.team), 0, 10_000),
    "record_queries.lookup_lists": lambda s, t, w: record_queries.lookup_lists(s),
    "record_queries.filter_lists": lambda s, t, w: record_queries.filter_lists(s),
    "record_queries.teams_of": lambda s, t, w: record_queries.teams_of(s, t.volunteer),
    "record_hours.locked_hours": lambda s, t, w: record_hours.locked_hours(s, t.volunteer, "2026-11-20"),
    "lookups.volunteer": lambda s, t, w: lookups.volunteer(s, str(t.volunteer)),
    "lookups.people_counts": lambda s, t, w: lookups.people_counts(s),
    "places.service_types": lambda s, t, w: places.service_types(s),
    "roster.week_roster": lambda s, t, w: roster.week_roster(s, t.team, "2026-W48"),
    "roster.volunteer_shifts": lambda s, t, w: roster.volunteer_shifts(
        s, t.volunteer, date(2026, 1, 1), date(2026, 12, 31)),
    "schedule.tasks": lambda s, t, w: schedule.tasks(s, t.team),
    "schedule_facts.team_members": lambda s, t, w: schedule_facts.team_members(s, t.team),
    "schedule_facts.commitments": lambda s, t, w: schedule_facts.commitments(
        s, date(2026, 11, 1), date(2026, 12, 31), team_id=t.team),
    "schedule_facts.one_shift": lambda s, t, w: schedule_facts.one_shift(s, t.shift),
    "fill_gaps.find_gaps": lambda s, t, w: fill_gaps.find_gaps(s, [t.team], MONDAY),
    "assigning.assignment_row": lambda s, t, w: assigning.assignment_row(s, t.assignment),
    "visit_list.due_dates": lambda s, t, w: visit_list.due_dates(
        s, [r for (r,) in s.db.execute("SELECT id FROM residents ORDER BY id LIMIT 200")], TODAY),
    "coverage.staff_members": lambda s, t, w: coverage.staff_members(s),
    "pairing.load": lambda s, t, w: pairing.load(s),
    "import_check.check": lambda s, t, w: _ledger_check(s, w),
    "import_header.mappable_fields": lambda s, t, w: import_header.mappable_fields(s, "residents"),
    "alerts.roll_view.roll_row": lambda s, t, w: roll_view.roll_row(
        s, s.db.execute("SELECT min(id) FROM alert_roll WHERE alert_id = ?", [w.alert]).fetchone()[0]),
    "alerts.paper.check_sheet": lambda s, t, w: paper.check_sheet(s, w.alert, []),
    "record_queries.standings_count": lambda s, t, w: record_queries.standings_count(
        s, record_queries.StandingQuery(team_id=t.team)),
    "consent.active_pair_count": lambda s, t, w: consent.active_pair_count(
        s, s.db.execute("SELECT min(resident_id) FROM pairings").fetchone()[0]),
    "pairing.cadence": lambda s, t, w: pairing.cadence(s, s.row("residents", 1)),
    # settings, rules and the clock: every role reads them, none holds a personal field
    "lookups.team_id": lambda s, t, w: lookups.team_id(s, str(t.team)),
    "lookups.user_id": lambda s, t, w: lookups.user_id(s, "captain"),
    "residents.stranded_sql": lambda s, t, w: residents.stranded_sql(s),
    "resident_facts.derived": lambda s, t, w: resident_facts.derived(s, s.row("residents", 1)),
    "schedule_facts.rules": lambda s, t, w: schedule_facts.rules(s),
    "record_hours.office_hours": lambda s, t, w: record_hours.office_hours(s),
    "requests.access.now": lambda s, t, w: request_access.now(s),
    "requests.rates.basic_weight": lambda s, t, w: rates.basic_weight(s),
    "requests.rates.current_month": lambda s, t, w: rates.current_month(s),
    "requests.ticket_form.deadline_rule": lambda s, t, w: ticket_form.deadline_rule(s),
    "requests.ticket_form.due_at": lambda s, t, w: ticket_form.due_at(s, datetime(2026, 11, 27, 9), Kind.GENERAL),
    "alerts.access.now": lambda s, t, w: alert_access.now(s),
    "auto_backups.interval_hours": lambda s, t, w: auto_backups.interval_hours(s),
    "settings.max_unpacked_bytes": lambda s, t, w: settings.max_unpacked_bytes(s),
    "settings.missing_issuer": lambda s, t, w: settings.missing_issuer(s),
    "settings.cohorts": lambda s, t, w: settings.cohorts(s),
    "settings.selection_rule": lambda s, t, w: settings.selection_rule(s, AlertType.SNOW),
    "settings.escalation_rule": lambda s, t, w: settings.escalation_rule(s),
    "street.reporting.last_published": lambda s, t, w: reporting.last_published(s),
}

TICKETS = {"staff", "supervisor"}          # 诉求: REQUEST_HANDLE or REPORT_PRINT
ALERTS = {"staff", "supervisor"}           # 极端天气: ALERT_RUN, or reading for the report
# service -> the logins allowed (every other one is refused); absent: every login allowed
ALLOWED: dict[str, set[str]] = {
    "audit_log.count": {"admin", "supervisor"}, "audit_log.page": {"admin", "supervisor"},
    "audit_log.choices": {"admin", "supervisor"}, "auto_backups.listed": {"admin"},
    "users.list_users": {"admin"}, "users.captain_candidates": {"admin"},
    "alerts.board": ALERTS, "alerts.figures.card": ALERTS, "alerts.figures.warnings": ALERTS,
    "alerts.figures.insured_types": ALERTS, "alerts.after_visits.report_rows": ALERTS,
    "alerts.roll_view.roll_rows": ALERTS, "alerts.duty_shifts.insurance_warnings": {"staff"},
    "requests.hotspots.find": TICKETS, "requests.hotspots.ticket_numbers": TICKETS,
    "requests.rates.month_rates": TICKETS, "requests.rates.trend": TICKETS,
    "requests.rates.office_figures": TICKETS, "requests.ticket_queries.rows": TICKETS,
    "requests.ticket_queries.history": TICKETS, "requests.ticket_form.match": {"staff"},
    "requests.ticket_form.CallerMatcher": {"staff"}, "requests.tickets.caller_matcher": {"staff"},
    "certificates.preview": {"supervisor"}, "certificates.register_count": {"supervisor"},
    "reports.monthly_team": {"supervisor"}, "reports.hours_summary": {"supervisor"},
    "reports.year_totals": {"supervisor"}, "pairing.load": {"staff"}, "import_check.check": {"staff"},
    "alerts.roll_view.roll_row": ALERTS, "alerts.paper.check_sheet": ALERTS,
}
# What a service may hold beyond what it shows: the caller matcher keeps every resident's
# phone to compare the callers' with (staff only; it gives back ids, never a number).
# A ledger check shows the file's own numbers back (staff only: it matches them to the ledger).
HOLDS_NUMBERS = {"requests.ticket_form.CallerMatcher", "requests.tickets.caller_matcher", "import_check.check"}


def _refusal_is_explained(error: PermissionDenied) -> None:
    message = str(error)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message
    assert "权限" in message or "只能" in message, message


@pytest.mark.parametrize("viewer", list(VIEWERS))
def test_reads_refuse_or_shape_for_each_role(world, viewer):
    login, whose = VIEWERS[viewer]
    session = as_role(Session(world.db), login)
    secrets = _secrets(world.db, login)
    failures = []
    for name, call in READS.items():
        allowed = login in ALLOWED.get(name, set(LOGINS))
        try:
            shown = call(session, getattr(world, whose), world)
        except PermissionDenied as error:
            _refusal_is_explained(error)
            if allowed:
                failures.append(f"{name}: refused ({error})")
            continue
        except ValueError as error:     # past the check: the closed warning says no in its own words
            shown = str(error)
        if not allowed:
            failures.append(f"{name}: answered, should be refused")
        elif name not in HOLDS_NUMBERS and (found := leaked(shown, secrets)):
            failures.append(f"{name}: shows {sorted(found)}")
    assert not failures, failures




def _ticket_preview(world: World, tmp_path) -> Any:
    """Two tickets from a 12345 export, checked by staff (the check itself is staff's)."""
    path = _ticket_file(tmp_path)
    staff = Session(world.db, Actor(None, "社区工作者", Role.STAFF), today=lambda: TODAY)   # no login entry
    return ticket_import.check(staff, *ticket_import.load(path))


def _duty_plan(world: World) -> duty_shifts.Plan:
    from volunteer_app.domain import weather

    row = world.db.execute("SELECT type, started_at FROM alerts WHERE id = ?", [world.alert]).fetchone()
    communities = tuple(r[0] for r in world.db.execute(
        "SELECT community_id FROM alert_communities WHERE alert_id = ?", [world.alert]))
    return duty_shifts.Plan(world.alert, weather.AlertType(row[0]), datetime.fromisoformat(row[1]),
                            None, communities)


def _member(world: World, target: Target) -> int:
    return world.db.execute("SELECT volunteer_id FROM team_members WHERE team_id = ? AND role = '队员' "
                            "AND left_on IS NULL ORDER BY id DESC", [target.team]).fetchone()[0]


# service -> (the call, the tables it would change, the viewers allowed)
WRITES: dict[str, tuple[Callable[..., Any], tuple[str, ...], set[str]]] = {
    "ticket_save.save": (lambda s, t, w, tmp: ticket_save.save(s, _ticket_preview(w, tmp), None, None, "12345"),
                         ("requests", "request_events"), {"staff"}),
    "duty_shifts.make": (lambda s, t, w, tmp: duty_shifts.make(s, _duty_plan(w)),
                         ("tasks", "shifts", "assignments"), {"staff"}),
    "street.reporting.check_typed": (
        lambda s, t, w, tmp: reporting.check_typed(s, "postgresql://street@127.0.0.1:9/street?hostaddr=127.0.0.1",
                                                   "street"), (), {"admin"}),
    "teams.set_role": (lambda s, t, w, tmp: teams.set_role(s, t.team, _member(w, t), "副队长"),
                       ("team_members",), {"staff", "own captain"}),
    "teams.remove_member": (lambda s, t, w, tmp: teams.remove_member(s, t.team, _member(w, t)),
                            ("team_members",), {"staff", "own captain"}),
    "teams.rename": (lambda s, t, w, tmp: teams.rename(s, t.team, "改名的队伍"), ("teams",), {"staff"}),
    "schedule.update_task": (lambda s, t, w, tmp: schedule.update_task(s, t.task, {"notes": "改了任务说明"}),
                             ("tasks",), {"staff", "own captain"}),
    "dispatch.dispatch_to_staff": (lambda s, t, w, tmp: dispatch.dispatch_to_staff(s, w.ticket, _staff(w)),
                                   ("requests", "request_events"), {"staff"}),
    "dispatch.dispatch_to_team": (
        lambda s, t, w, tmp: dispatch.dispatch_to_team(s, w.ticket, t.team, 1, datetime(2026, 11, 29, 9),
                                                       datetime(2026, 11, 29, 11)),
        ("requests", "tasks", "shifts"), {"staff"}),
    "duty_shifts.record_insurance": (lambda s, t, w, tmp: duty_shifts.record_insurance(s, w.alert, "团体意外险"),
                                     ("tasks",), {"staff"}),
    "ticket_import.import_file": (lambda s, t, w, tmp: ticket_import.import_file(s, _ticket_file(tmp)),
                                  ("requests", "request_events"), {"staff"}),
    "ledger_stream.import_file": (lambda s, t, w, tmp: ledger_stream.import_file(s, _residents_file(tmp), "residents"),
                                  ("residents",), {"staff"}),
    "retention.purge": (lambda s, t, w, tmp: retention.purge(s), ("residents", "volunteers"), {"admin"}),
    "users.change_role": (lambda s, t, w, tmp: users.change_role(s, _user(w, "supervisor"), "staff"),
                          ("users",), {"admin"}),
    "users.set_active": (lambda s, t, w, tmp: users.set_active(s, _user(w, "supervisor"), False), ("users",), {"admin"}),
    "users.deactivate": (lambda s, t, w, tmp: users.deactivate(s, _user(w, "supervisor")), ("users",), {"admin"}),
    # the window publishes in the background whoever is logged in; nothing is set up here
    "street.reporting.publish_configured": (lambda s, t, w, tmp: reporting.publish_configured(s), (),
                                            set(VIEWERS)),
}


def _staff(world: World) -> int:
    return world.db.execute("SELECT min(id) FROM volunteers WHERE is_staff = 1").fetchone()[0]


def _user(world: World, login: str) -> int:
    return world.db.execute("SELECT id FROM users WHERE login = ?", [login]).fetchone()[0]


def _ticket_file(folder) -> Path:
    from ticket_fixtures import ticket, write_export

    return write_export(folder / "12345.xlsx", [ticket(n, datetime(2026, 11, 20, 9 + n)) for n in (1, 2)])


def _residents_file(folder) -> Path:
    from ledger_fixtures import make_id, write_csv

    return write_csv(folder / "居民.csv", [["姓名", "身份证号"], ["新居民", make_id(date(1936, 5, 6), male=True)]],
                     "utf-8-sig")


@pytest.mark.parametrize("viewer", list(VIEWERS))
@pytest.mark.parametrize("service", list(WRITES))
def test_writes_change_nothing_when_refused(world, tmp_path, service, viewer):
    from volunteer_app.services.street.server import StreetServerError

    login, whose = VIEWERS[viewer]
    call, tables, allowed = WRITES[service]
    session = as_role(Session(world.db), login)

    def snapshot():
        return [list(world.db.execute(f"SELECT * FROM {t} ORDER BY id")) for t in (*tables, "audit_log")]

    before = snapshot()
    if viewer in allowed:
        # allowed: past the check, a closed warning, no server there or none set up may still say no
        with contextlib.suppress(StreetServerError, ValueError):
            call(session, getattr(world, whose), world, tmp_path)
        return
    with pytest.raises(PermissionDenied) as refused:
        call(session, getattr(world, whose), world, tmp_path)
    _refusal_is_explained(refused.value)
    assert snapshot() == before
