"""Every public service that acts for a user (takes the Session), and how it is guarded.

test_role_registry.py fails, naming the function, when a service under volunteer_app/services
takes a Session and is not here, or is here but no role test calls it. How to read a guard:

- ``"LEDGER_READ"``: ``session.require`` of that permission (services/permissions.py);
  ``"SCHEDULE (team)"``: team-scoped, a captain only for the target's team (fails closed);
  ``"A or B"``: either permission (alerts and tickets: run/handle, or read for the report).
- ``"shaped by privacy: ..."``: no permission of its own; what it returns is privacy.shape'd.
- ``"open: ..."``: any logged-in user, and why that is safe (a setting, a count, names that
  every role's list shows anyway, the user's own form).
- ``"step of <service>: ..."``: a piece of the named (registered, role-tested) service, run
  after its check or inside its write; a role test calls the service, not the step.
- ``"the check itself: ..."``: the permission or privacy check other services call.

Names are relative to ``volunteer_app.services``; methods as ``module.Class.method``.
"""

from __future__ import annotations

ALERT_READ = "ALERT_RUN or REPORT_PRINT"          # alerts/access.py: run the warning, or read it for the report
TICKET_READ = "REQUEST_HANDLE or REPORT_PRINT"    # requests/access.py: handle tickets, or read them for the rates

GUARDS: dict[str, dict[str, str]] = {
    "Ledgers: residents, volunteers, teams, places, consent": {
        "people.consent.end_pairs":
            "step of people.residents.update: ends pairs inside the withdrawal's write",
        "people.consent.check_health_consent":
            "step of people.residents.update: checks a form's consent fields",
        "people.consent.active_pair_count":
            "open: a count of one resident's active pairs (the withdrawal's warning)",
        "people.lookups.team_id": "open: a team id from its name or id (the command line's --team)",
        "people.lookups.volunteer":
            "open: a volunteer's id and name from an id or volunteer number (what LEDGER_READ "
            "lists anyway)",
        "people.lookups.user_id": "open: an account id from a login (the command line)",
        "people.lookups.people_counts": "open: how many residents and volunteers the file holds",
        "people.person_community.settle": "step of people.residents.add: the community of a form's place",
        "people.places.communities": "open: community names",
        "people.places.places": "open: place names and addresses of buildings, no one's home",
        "people.places.add_community": "RESIDENT_WRITE",
        "people.places.add_place": "RESIDENT_WRITE",
        "people.places.set_flood_prone": "RESIDENT_WRITE",
        "people.places.find_place": "open: a place by name",
        "people.places.find_community": "open: a community by name",
        "people.places.service_types": "open: the service types' names",
        "people.resident_facts.derived":
            "open: age, 悬空 and tier of the form the user is typing (the resident dialog); the "
            "user's own values",
        "people.resident_risk.recompute":
            "step of admin.settings.put: every resident's stored tier again, inside the "
            "setting's write",
        "people.residents.validate": "open: checks a form the user typed; gives back the user's own values",
        "people.residents.add": "RESIDENT_WRITE",
        "people.residents.update": "RESIDENT_WRITE",
        "people.residents.archive": "RESIDENT_WRITE",
        "people.residents.get": "LEDGER_READ",
        "people.residents.stranded_sql": "open: SQL text of the 悬空老人 rule",
        "people.residents.count": "LEDGER_READ",
        "people.residents.page": "LEDGER_READ",
        "people.teams.create": "TEAM_WRITE",
        "people.teams.rename": "TEAM_WRITE",
        "people.teams.archive": "TEAM_WRITE",
        "people.teams.add_member": "TEAM_MEMBERS (team)",
        "people.teams.set_role": "TEAM_MEMBERS (team)",
        "people.teams.remove_member": "TEAM_MEMBERS (team)",
        "people.teams.list_teams": "LEDGER_READ",
        "people.teams.members": "LEDGER_READ",
        "people.volunteers.validate": "open: checks a form the user typed; gives back the user's own values",
        "people.volunteers.add": "VOLUNTEER_WRITE",
        "people.volunteers.update": "VOLUNTEER_WRITE",
        "people.volunteers.archive": "VOLUNTEER_WRITE",
        "people.volunteers.get": "LEDGER_READ",
        "people.volunteers.count": "LEDGER_READ",
        "people.volunteers.page": "LEDGER_READ",
    },
    "Tasks, shifts and assignments": {
        "scheduling.assigning.candidates": "LEDGER_READ",
        "scheduling.assigning.check": "LEDGER_READ",
        "scheduling.assigning.assign": "SCHEDULE (team)",
        "scheduling.assigning.assignment_row":
            "open: one assignment (volunteer name, shift times, team) as every role's week "
            "grid shows it; no numbers",
        "scheduling.assigning.assignments": "LEDGER_READ",
        "scheduling.assigning.unassign": "SCHEDULE (team)",
        "scheduling.assigning.propose_fill": "SCHEDULE (team)",
        "scheduling.assigning.fill_picks":
            "step of scheduling.assigning.propose_fill: the proposals, after SCHEDULE for the "
            "team",
        "scheduling.assigning.apply_fill": "SCHEDULE (team)",
        "scheduling.attendance.confirm": "SCHEDULE (team)",
        "scheduling.attendance.decline": "SCHEDULE (team)",
        "scheduling.attendance.no_show": "SCHEDULE (team)",
        "scheduling.attendance.check_in": "SCHEDULE (team)",
        "scheduling.attendance.check_out": "SCHEDULE (team)",
        "scheduling.attendance.complete": "SCHEDULE (team)",
        "scheduling.fill_gaps.find_gaps":
            "open: the week's gaps and proposals (names and shifts) every role's week grid "
            "shows; proposes, saves nothing",
        "scheduling.jielong.match_names": "SCHEDULE (team)",
        "scheduling.jielong.assign_names": "SCHEDULE (team)",
        "scheduling.roster.week_roster": "LEDGER_READ",
        "scheduling.roster.volunteer_shifts": "LEDGER_READ",
        "scheduling.schedule.create_task": "SCHEDULE (team)",
        "scheduling.schedule.task": "LEDGER_READ",
        "scheduling.schedule.tasks": "LEDGER_READ",
        "scheduling.schedule.update_task": "SCHEDULE (team)",
        "scheduling.schedule.archive_task": "SCHEDULE (team)",
        "scheduling.schedule.update_shift": "SCHEDULE (team)",
        "scheduling.schedule.cancel_shift": "SCHEDULE (team)",
        "scheduling.schedule.set_rota_group": "TEAM_MEMBERS (team)",
        "scheduling.schedule.rota_groups": "LEDGER_READ",
        "scheduling.schedule.between": "LEDGER_READ",
        "scheduling.schedule.week": "LEDGER_READ",
        "scheduling.schedule.shift": "LEDGER_READ",
        "scheduling.schedule_facts.rules": "open: the scheduling rules' settings",
        "scheduling.schedule_facts.team_members":
            "open: a team's members with availability and hours held, as the week grid shows "
            "every role; no numbers",
        "scheduling.schedule_facts.volunteer": "open: one member as above",
        "scheduling.schedule_facts.shift_rows":
            "step of scheduling.assigning.propose_fill: shift rows for a query its caller "
            "checked",
        "scheduling.schedule_facts.commitments":
            "open: who is on which shift, as the week grid shows every role",
        "scheduling.schedule_facts.one_shift": "open: one shift as the week grid shows it",
        "scheduling.service_types.list_all": "LEDGER_READ",
        "scheduling.service_types.get": "open: a service type's name and settings",
        "scheduling.service_types.create": "TEAM_WRITE",
        "scheduling.service_types.update": "TEAM_WRITE",
        "scheduling.service_types.archive": "TEAM_WRITE",
    },
    "80后帮90后: pairs, visits, 包户 coverage": {
        "care.coverage.risk_expression": "step of care.coverage.uncovered_count: SQL text",
        "care.coverage.uncovered_sql": "step of care.coverage.uncovered_count: SQL text",
        "care.coverage.uncovered_count": "LEDGER_READ",
        "care.coverage.staff_members": "LEDGER_READ",
        "care.coverage.check_responsible":
            "step of care.coverage.assign: why a 包户人 cannot be chosen, inside the assign's "
            "check",
        "care.coverage.responsible_values": "step of care.coverage.assign: the columns the assign saves",
        "care.coverage.assign": "RESIDENT_WRITE",
        "care.pairing.weights": "open: the matcher's weights, a setting",
        "care.pairing.forbidden_pairs":
            "step of care.pairing.propose: (volunteer id, resident id) pairs not to repeat, "
            "after PAIRING",
        "care.pairing.load": "PAIRING",
        "care.pairing.propose": "PAIRING",
        "care.pairing.cadence": "open: days between visits of a resident's tier, a setting",
        "care.pairing.accept": "PAIRING",
        "care.pairing.reject": "PAIRING",
        "care.pairing.release": "PAIRING",
        "care.pairing.active_pairs": "LEDGER_READ",
        "care.pairing.late_list": "LEDGER_READ",
        "care.pairing.visit_fields": "step of care.pairing.log_visit: the checked fields of a visit form",
        "care.pairing.may_log_visit": "the check itself: VISIT_LOG for the helper's team",
        "care.pairing.log_visit": "VISIT_LOG",
        "care.pairing.visits_of": "LEDGER_READ",
        "care.visit_list.visit_list": "LEDGER_READ",
        "care.visit_list.late_list": "LEDGER_READ",
        "care.visit_list.may_log_visit":
            "the check itself: VISIT_LOG for the helper's team (staff visits: VISIT_LOG)",
        "care.visit_list.log_visit": "VISIT_LOG (team)",
        "care.visit_list.log_staff_visit": "VISIT_LOG",
        "care.visit_list.due_dates": "open: a due date per resident id, no personal field",
    },
    "Service records, hours, certificates and reports": {
        "hours.certificates.check_issuer": "the check itself: REPORT_PRINT and the issuer's settings",
        "hours.certificates.issue": "REPORT_PRINT",
        "hours.certificates.preview": "REPORT_PRINT",
        "hours.certificates.issue_batch": "REPORT_PRINT",
        "hours.certificates.handler_name":
            "step of hours.certificates.issue_batch: the 经办人 to print (given, the setting or the user)",
        "hours.certificates.register": "REPORT_PRINT",
        "hours.certificates.register_count": "REPORT_PRINT",
        "hours.certificates.register_page": "REPORT_PRINT",
        "hours.record_hours.office_hours": "open: the office hours setting",
        "hours.record_hours.locked_hours":
            "open: a volunteer's locked hours on one day, a number (the record dialog's cap)",
        "hours.record_hours.rules":
            "step of hours.records.add_manual: cap, rounding and office hours for a record "
            "being saved",
        "hours.record_hours.recap_day":
            "step of hours.records.add_manual: recomputes the day's unlocked records inside "
            "the record's write",
        "hours.record_queries.count": "LEDGER_READ",
        "hours.record_queries.page": "LEDGER_READ",
        "hours.record_queries.totals": "LEDGER_READ",
        "hours.record_queries.verified_hours":
            "step of hours.certificates.issue: a number for the certificate, after "
            "REPORT_PRINT",
        "hours.record_queries.volunteer_stars": "LEDGER_READ",
        "hours.record_queries.standings_count": "LEDGER_READ",
        "hours.record_queries.standings_page": "LEDGER_READ",
        "hours.record_queries.lookup_lists": "LEDGER_READ",
        "hours.record_queries.filter_lists": "LEDGER_READ",
        "hours.record_queries.teams_of":
            "open: a volunteer's current teams (names), what the team lists show every role",
        "hours.records.add_manual": "RECORD_WRITE (team)",
        "hours.records.manual_row": "step of hours.records.add_manual: the checked columns of a record form",
        "hours.records.from_assignment": "SCHEDULE (team)",
        "hours.records.from_visit": "VISIT_LOG (team)",
        "hours.records.update": "RECORD_WRITE (team)",
        "hours.records.delete": "RECORD_WRITE (team)",
        "hours.records.verify": "RECORD_VERIFY",
        "hours.records.amend": "RECORD_VERIFY",
        "hours.reports.monthly_team": "REPORT_PRINT",
        "hours.reports.hours_summary": "REPORT_PRINT",
        "hours.reports.year_totals": "REPORT_PRINT",
    },
    "诉求 (12345 tickets), rates and hotspots": {
        "requests.access.can_read": "the check itself: REQUEST_HANDLE or REPORT_PRINT",
        "requests.access.require_read":
            "the check itself: REQUEST_HANDLE or REPORT_PRINT, refused in Chinese",
        "requests.access.require_handle": "the check itself: REQUEST_HANDLE",
        "requests.access.now": "open: the session's clock",
        "requests.access.shape_ticket":
            "the check itself: a ticket shaped by privacy, the caller's name and address only "
            "for VIEW_FULL_IDENTITY",
        "requests.access.write_event":
            "step of requests.tickets.advance: a history line inside the step's write",
        "requests.dispatch.dispatch_to_staff": "REQUEST_HANDLE",
        "requests.dispatch.dispatch_to_team": "REQUEST_HANDLE",
        "requests.figures.dashboard": TICKET_READ,
        "requests.hotspots.find": TICKET_READ,
        "requests.hotspots.ticket_numbers": TICKET_READ,
        "requests.hotspots.to_task": "REQUEST_HANDLE",
        "requests.hotspots.to_reminder": "REQUEST_HANDLE",
        "requests.rates.basic_weight": "open: the weight of a basic rate, a setting",
        "requests.rates.month_rates": TICKET_READ,
        "requests.rates.trend": TICKET_READ,
        "requests.rates.formulas": TICKET_READ,
        "requests.rates.office_figures": TICKET_READ,
        "requests.rates.current_month": "open: this month as YYYY-MM",
        "requests.ticket_form.deadline_rule": "open: the deadline rule, a setting",
        "requests.ticket_form.due_at": "open: a deadline computed from a time and a kind",
        "requests.ticket_form.match": "REQUEST_HANDLE",
        "requests.ticket_form.CallerMatcher.__init__": "REQUEST_HANDLE",
        "requests.ticket_form.clean": "step of requests.tickets.add: the checked values of a ticket form",
        "requests.ticket_import.check": "REQUEST_HANDLE",
        "requests.ticket_import.apply": "IMPORT",
        "requests.ticket_import.import_file": "REQUEST_HANDLE",
        "requests.ticket_queries.rows": TICKET_READ,
        "requests.ticket_queries.history": TICKET_READ,
        "requests.ticket_rows.TicketReader.__init__":
            "step of requests.ticket_import.check: reads a 12345 file after REQUEST_HANDLE",
        "requests.ticket_save.save": "REQUEST_HANDLE",
        "requests.tickets.match_caller": "REQUEST_HANDLE",
        "requests.tickets.caller_matcher": "REQUEST_HANDLE",
        "requests.tickets.add": "REQUEST_HANDLE",
        "requests.tickets.get": TICKET_READ,
        "requests.tickets.list_tickets": TICKET_READ,
        "requests.tickets.events": TICKET_READ,
        "requests.tickets.reveal_caller": "REQUEST_HANDLE",
        "requests.tickets.advance": "REQUEST_HANDLE",
        "requests.tickets.reopen": "REQUEST_HANDLE",
        "requests.tickets.record_callback": "REQUEST_HANDLE",
    },
    "Extreme-weather warnings: roll-call, board, paper, closing": {
        "alerts.access.can_read":
            "the check itself: whether the role reads warnings (ALERT_RUN or REPORT_PRINT)",
        "alerts.access.can_run": "the check itself: ALERT_RUN",
        "alerts.access.require_read": "the check itself: ALERT_RUN or REPORT_PRINT, refused in Chinese",
        "alerts.access.require_run": "the check itself: ALERT_RUN",
        "alerts.access.sees_phones":
            "the check itself: full phones on an open warning's roll-call for "
            "VIEW_FULL_IDENTITY",
        "alerts.access.now": "open: the session's clock",
        "alerts.access.alert": ALERT_READ,
        "alerts.access.open_alerts": ALERT_READ,
        "alerts.access.latest_alert": ALERT_READ,
        "alerts.access.volunteer_on_roll":
            "step of alerts.callers.assign_need: a volunteer's name, after the caller's "
            "ALERT_RUN",
        "alerts.after_visits.after_visits": ALERT_READ,
        "alerts.after_visits.report_rows": ALERT_READ,
        "alerts.attempts.log_attempt": "ALERT_RUN",
        "alerts.attempts.log_for_resident": "ALERT_RUN",
        "alerts.attempts.attempts": ALERT_READ,
        "alerts.board.board": ALERT_READ,
        "alerts.board.status_json": ALERT_READ,
        "alerts.callers.callers": ALERT_READ,
        "alerts.callers.handler_choices":
            "open: names of the community's staff and volunteers, what LEDGER_READ (every "
            "role) lists anyway; no numbers",
        "alerts.callers.assign_need": "ALERT_RUN",
        "alerts.callers.need_done": "ALERT_RUN",
        "alerts.closing.close": "ALERT_RUN",
        "alerts.closing.hour_rates": "open: the hours a call or a door visit counts, a setting",
        "alerts.closing.write_event":
            "step of alerts.closing.close: a timeline line inside the close's write",
        "alerts.duty_shifts.roll_places": "step of alerts.duty_shifts.make: place names of the roll-call",
        "alerts.duty_shifts.flood_places": "step of alerts.duty_shifts.make: the low-lying places",
        "alerts.duty_shifts.places_for": "step of alerts.duty_shifts.make: one of the two above",
        "alerts.duty_shifts.make": "ALERT_RUN",
        "alerts.duty_shifts.insurance_warnings": "ALERT_RUN",
        "alerts.duty_shifts.record_insurance": "ALERT_RUN",
        "alerts.escalation.escalate_if_due":
            "step of alerts.attempts.log_attempt: inside the attempt's write, after ALERT_RUN",
        "alerts.escalation.assign_door": "ALERT_RUN",
        "alerts.escalation.door_visitor":
            "step of alerts.attempts.log_attempt: who is sent to the door (through "
            "escalate_if_due), inside the attempt's write",
        "alerts.escalation.event": "step of alerts.attempts.log_attempt: a timeline line inside the write",
        "alerts.escalation.surname": "step of alerts.attempts.log_attempt: 王某, the name the timeline keeps",
        "alerts.figures.card": ALERT_READ,
        "alerts.figures.warnings": ALERT_READ,
        "alerts.figures.insured_types": ALERT_READ,
        "alerts.paper.call_sheet_data": ALERT_READ,
        "alerts.paper.line_ids": ALERT_READ,
        "alerts.paper.wechat_texts": "ALERT_RUN",
        "alerts.paper.check_sheet": ALERT_READ,
        "alerts.paper.log_sheet": "ALERT_RUN",
        "alerts.report_data.report_data": ALERT_READ,
        "alerts.roll_build.select":
            "step of alerts.start.start: who the roll-call holds, inside the start's write "
            "(ALERT_RUN)",
        "alerts.roll_build.current_staff":
            "open: ids of the community's current staff by community; no names, no numbers",
        "alerts.roll_build.insert_rows":
            "step of alerts.start.start: the roll-call's INSERT inside the start's write",
        "alerts.roll_build.caller_load":
            "open: how many residents each caller id has on a warning; counts of ids only",
        "alerts.roll_view.fetch":
            "step of alerts.roll_view.roll_rows: the query behind it, given the warning its "
            "caller checked",
        "alerts.roll_view.audit_phones":
            "step of alerts.roll_view.roll_rows: the audit line of a list that left with full "
            "phones",
        "alerts.roll_view.roll_rows": ALERT_READ,
        "alerts.roll_view.roll_row": ALERT_READ,
        "alerts.roll_view.alert_id_of":
            "the check itself: the warning of a roll entry, after the read permission",
        "alerts.start.start": "ALERT_RUN",
        "alerts.start.preview": "ALERT_RUN",
    },
    "Import and export of the Excel ledgers": {
        "ledger.import_apply.apply": "IMPORT",
        "ledger.import_check.check": "IMPORT",
        "ledger.import_header.mappable_fields":
            "shaped by privacy: health and hardship columns only for VIEW_SENSITIVE",
        "ledger.ledger_export.export": "EXPORT",
        "ledger.ledger_stream.import_file": "IMPORT",
    },
    "Administration: users, settings, backups, audit log, dashboard, retention": {
        "admin.audit_log.count": "AUDIT_READ",
        "admin.audit_log.page": "AUDIT_READ",
        "admin.audit_log.choices": "AUDIT_READ",
        "admin.audit_log.export": "AUDIT_READ",
        "admin.auto_backups.listed": "BACKUP",
        "admin.auto_backups.interval_hours":
            "open: a number of hours from the settings; the 设置 page and the window's timer "
            "read it for every role",
        "admin.backups.backup": "BACKUP",
        "admin.dashboard.load": "LEDGER_READ",
        "admin.retention.cutoff":
            "step of admin.retention.purge: the day before which archived people are "
            "anonymised; a date, no data",
        "admin.retention.due": "step of admin.retention.purge: ids only, read inside the purge's check",
        "admin.retention.purge": "SETTINGS",
        "admin.settings.get":
            "open: the committee's settings (cohorts, cadences, certificate issuer); secrets "
            "live in the keyring, never here",
        "admin.settings.put": "SETTINGS",
        "admin.settings.missing_issuer": "open: which of the issuer's three settings (printed on every certificate) are blank",
        "admin.settings.max_unpacked_bytes": "open: a size limit for the import's file check",
        "admin.settings.housing_rule": "open: the 悬空老人 rule every role's resident list applies",
        "admin.settings.cohorts": "open: the 80后/90后 birth-year settings every page shows",
        "admin.settings.visit_cadence": "open: days between visits by risk tier, a setting",
        "admin.settings.selection_rule": "open: who a warning's roll-call holds, a setting",
        "admin.settings.escalation_rule": "open: when an unanswered call escalates, a setting",
        "admin.users.list_users": "USERS",
        "admin.users.add_user": "USERS",
        "admin.users.change_role": "USERS",
        "admin.users.reset_password": "USERS",
        "admin.users.set_active": "USERS",
        "admin.users.deactivate": "USERS",
        "admin.users.captain_candidates": "USERS",
        "admin.users.log_out": "open: the person at the window records that they leave it (换人登录): "
                               "their own 退出登录 entry, nothing read",
    },
    "Publishing to the street server": {
        "street.config.load":
            "open: the street server's address and user (the status bar reads it for every "
            "role); passwords live in the keyring",
        "street.config.save": "SETTINGS",
        "street.config.save_with_secrets": "SETTINGS",
        "street.derived.fill_residents":
            "step of street.reporting.publish_configured: the declared, de-identified columns",
        "street.outbox.pending_count": "open: how many changes wait to be published (the status bar)",
        "street.outbox.pending": "step of street.reporting.publish_configured: through street.publish.publish",
        "street.outbox.max_seq": "step of street.reporting.publish_configured: through street.publish.publish",
        "street.outbox.all_uids": "step of street.reporting.publish_configured: through street.publish.publish",
        "street.outbox.row_data":
            "step of street.reporting.publish_configured: only street/published.py's declared "
            "columns, no name, number or note",
        "street.outbox.enqueue_band_changes":
            "step of street.reporting.publish_configured: through street.publish.publish",
        "street.outbox.acked_seq": "step of street.reporting.publish_configured: through street.publish.publish",
        "street.outbox.set_acked": "step of street.reporting.publish_configured: through street.publish.publish",
        "street.outbox.source_uid": "step of street.reporting.publish_configured: through street.publish.publish",
        "street.publish.publish": "step of street.reporting.publish_configured: the publish itself",
        "street.publish_rows.latest_seqs":
            "step of street.reporting.publish_configured: through street.publish.publish",
        "street.publish_rows.rows_of":
            "step of street.reporting.publish_configured: through street.publish.publish",
        "street.publish_rows.all_rows":
            "step of street.reporting.publish_configured: through street.publish.publish",
        "street.publish_rows.total_rows":
            "step of street.reporting.publish_configured: through street.publish.publish",
        "street.publish_rows.digest":
            "step of street.reporting.publish_configured: through street.publish.publish",
        "street.publish_rows.digest_now":
            "step of street.reporting.publish_configured: through street.publish.publish",
        "street.publish_rows.community_names": "step of street.reporting.publish_configured: community names",
        "street.publish_rows.key_changed":
            "step of street.reporting.publish_configured: through street.publish.publish",
        "street.publish_rows.note_key":
            "step of street.reporting.publish_configured: through street.publish.publish",
        "street.reporting.status": "open: the status bar's last publish time and waiting count",
        "street.reporting.last_published": "open: the time of the last publish, for the status bar",
        "street.reporting.check_typed": "SETTINGS",
        "street.reporting.publish_configured":
            "open: the window publishes in the background whoever is logged in, to the server "
            "设置 (SETTINGS) saved; what leaves is street/published.py's declaration (no name, "
            "number or note) and the user gets counts back",
    },
    "The demo community": {
        "demo.build": "SETTINGS",
        "demo.alerts.mark_facts": "step of demo.build: fills a new, empty file inside the build's write",
        "demo.alerts.mark_low_places": "step of demo.build: fills a new, empty file inside the build's write",
        "demo.alerts.build_winter_warning":
            "step of demo.build: fills a new, empty file inside the build's write",
        "demo.coverage.build_staff_coverage":
            "step of demo.build: fills a new, empty file inside the build's write",
        "demo.pairing.build_pairs_and_visits":
            "step of demo.build: fills a new, empty file inside the build's write",
        "demo.people.build_places": "step of demo.build: fills a new, empty file inside the build's write",
        "demo.people.build_teams_and_volunteers":
            "step of demo.build: fills a new, empty file inside the build's write",
        "demo.people.build_residents": "step of demo.build: fills a new, empty file inside the build's write",
        "demo.people.add_family_contacts":
            "step of demo.build: fills a new, empty file inside the build's write",
        "demo.records.build_records": "step of demo.build: fills a new, empty file inside the build's write",
        "demo.records.build_certificates":
            "step of demo.build: fills a new, empty file inside the build's write",
        "demo.request_life.create_team_task":
            "step of demo.build: a team task of a demo ticket (through demo.requests), inside "
            "the build's write",
        "demo.requests.build_requests":
            "step of demo.build: fills a new, empty file inside the build's write",
        "demo.schedule.build_schedule":
            "step of demo.build: fills a new, empty file inside the build's write",
        "demo.users.build_users": "step of demo.build: fills a new, empty file inside the build's write",
    },
    "Privacy and team scope (the checks themselves)": {
        "audited_files.write_audited":
            "step of ledger.ledger_export.export: writes the file an export (or "
            "audit_log.export) checked, with its audit line",
        "privacy.shape": "the check itself: the shaping every service calls",
        "privacy.shape_all": "the check itself: the shaping every service calls",
        "privacy.restore_stored": "the check itself: a masked value saved unchanged keeps the stored one",
        "privacy.team_serves": "the check itself: whether a captain's team serves a resident",
        "privacy.may_reveal": "the check itself: who may reveal which field",
        "privacy.may_reveal_any": "the check itself: whether to offer 显示完整号码",
        "privacy.revealable_fields": "the check itself: the fields the user may reveal",
        "privacy.reveal": "LEDGER_READ",
        "scope.volunteer_team_ids": "the check itself: the teams a target belongs to",
        "scope.may_act_on_volunteer": "the check itself: a team-scoped permission on a volunteer",
        "scope.require_volunteer":
            "the check itself: a team-scoped permission on a volunteer, refused in Chinese",
    },
}
