"""The note under an ID number field, shared by the resident and volunteer dialogs: what will
be saved when it is not what was typed (a 15-digit old number, full-width digits, spaces)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.identity import IdNumberFacts


def id_number_note(facts: IdNumberFacts | None, typed: str) -> str:
    """Empty when the number is wrong (its error says why) or saved exactly as typed."""
    if facts is None:
        return ""
    if facts.old_number:
        text = QCoreApplication.translate("IdNumberNote", "15位旧号码已转换为18位：%1")
    elif facts.number != typed.strip():
        text = QCoreApplication.translate("IdNumberNote", "将保存为：%1")
    else:
        return ""
    return text.replace("%1", facts.number)
