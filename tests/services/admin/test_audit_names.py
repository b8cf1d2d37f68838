"""The 操作日志 page names what each entry is about in Chinese, never by its table name."""

from __future__ import annotations

import ast
from pathlib import Path

from volunteer_app.services.admin import audit_log
from volunteer_app.services.admin.audit_log import AuditQuery

APP = Path(__file__).resolve().parents[3] / "volunteer_app"


def _entities_written_in_code() -> set[str]:
    """The entity of every ``session.audit(action, "table", ...)`` call with a literal table."""
    found = set()
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "audit" and len(node.args) > 1
                    and isinstance(node.args[1], ast.Constant)):
                found.add(node.args[1].value)
    return found


def test_every_audited_entity_has_a_chinese_name():
    written = _entities_written_in_code()
    assert {"alerts", "alert_roll", "residents"} <= written      # the scan finds the calls
    assert sorted(written - set(audit_log.ENTITY_NAMES)) == []


def test_the_demo_warning_entries_read_in_chinese(full_demo_session):
    rows = audit_log.page(full_demo_session, AuditQuery(), 0, 10_000)
    shown = {row["entity_name"] for row in rows}
    assert {"预警", "预警点名"} <= shown
    assert not [name for name in shown if name.isascii()]
