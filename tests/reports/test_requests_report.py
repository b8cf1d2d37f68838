"""The monthly 接诉即办 report read back from its PDF: the three rates with their formulas, a
late ticket by its number, the trend chart as an image; and from ``python main.py report
requests``."""

from __future__ import annotations

import subprocess

from pdftext import pdf_text

from volunteer_app.cli import main as cli_main
from volunteer_app.domain.requests import Status
from volunteer_app.reports.requests_report import gather, overdue_text, write_requests_pdf
from volunteer_app.services.requests import rates, tickets

MONTH = "2026-11"


def month_of_tickets(session) -> dict[str, str]:
    """Three tickets of November: one late and still open, one closed and called back
    satisfied, one called back 未解决 (hand-worked rates over the demo's own)."""
    late = tickets.add(session, {"source": "电话", "caller_name": "柳春燕", "caller_phone": "13911112222",
                                 "address": "明春苑5号楼", "category": "城乡建设/供暖/暖气不热",
                                 "urgency": "紧急", "content": "暖气片冰凉，家里有卧床老人",
                                 "received_at": "2026-11-20 08:30"})
    done = tickets.add(session, {"source": "来访", "caller_name": "韩立新", "address": "明春苑2号楼",
                                 "category": "城乡建设/物业管理/电梯", "content": "电梯按钮失灵",
                                 "received_at": "2026-11-26 10:00"})
    for step in (Status.SIGNED, Status.CONTACTED, Status.HANDLING):
        tickets.advance(session, done, step)
    tickets.advance(session, done, Status.FEEDBACK, note="物业已修好按钮")
    tickets.advance(session, done, Status.CLOSED)
    tickets.record_callback(session, done, "已联系", "已解决", "满意")
    tickets.record_callback(session, late, "未联系", "未解决", "不满意")
    return {"late": tickets.get(session, late)["ticket_no"], "done": tickets.get(session, done)["ticket_no"]}


def test_the_report_shows_the_rates_the_formulas_and_the_late_ticket(demo_session, tmp_path, qapp):
    numbers = month_of_tickets(demo_session)
    report = gather(demo_session, MONTH)
    expected = rates.month_rates(demo_session, MONTH)
    assert report.rates == expected and report.rates["rated"] >= 2
    assert numbers["late"] in [t["ticket_no"] for t in report.late]
    assert numbers["done"] not in [t["ticket_no"] for t in report.late]
    path = write_requests_pdf(report, tmp_path / "接诉即办.pdf", "明春苑社区居委会", "2026-11-28")
    text = pdf_text(path)
    flat = "".join(text.split())
    assert "2026年11月接诉即办工作月报" in flat
    for key, title in (("response_rate", "响应率"), ("resolution_rate", "解决率"),
                       ("satisfaction_rate", "满意率")):
        assert f"{expected[key] * 100:.1f}%" in flat, title
        assert title in flat
    assert "已联系÷有回访结果的工单" in flat
    assert numbers["late"] in flat
    assert f"本月受理诉求{expected['received']}件" in flat
    assert "柳春燕" not in flat and "13911112222" not in flat      # no caller on paper
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True,
                            check=True).stdout
    assert len(images.strip().splitlines()) >= 3                    # header lines + the chart


def test_the_command_line_writes_the_report_and_refuses_a_bad_month(demo_session, tmp_path, capsys, qapp):
    numbers = month_of_tickets(demo_session)
    out = tmp_path / "月报.pdf"
    assert cli_main(["report", "requests", "--month", MONTH, "--out", str(out),
                     "--db", demo_session.path]) == 0
    said = capsys.readouterr().out
    assert "接诉即办月报" in said and "响应率" in said
    assert numbers["late"] in "".join(pdf_text(out).split())
    assert cli_main(["report", "requests", "--month", "2026-13", "--out", str(out),
                     "--db", demo_session.path]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "2026-13" in err


def test_overdue_is_counted_from_closing_or_from_now():
    assert overdue_text({"due_at": "2026-11-01T10:00:00", "closed_at": "2026-11-03T11:00:00"}) == "2天"
    assert overdue_text({"due_at": "2026-11-01T10:00:00", "closed_at": None, "minutes_left": -90}) == "1小时"
