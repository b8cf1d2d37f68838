"""Masking of personal fields, shared by the services (what a role sees) and the audit log
(what it keeps). ID numbers and phones follow domain.identity (110106********0035,
138****1234); an emergency contact is free text ("女儿 王芳 13912345678"), so each phone
number inside it is masked and the words stay.
"""

from __future__ import annotations

import re

from .identity import mask_id_number, mask_phone

# 7 or more digits, with the dashes and spaces people type inside phone numbers.
_PHONE_IN_TEXT = re.compile(r"\d[\d\- ]{5,}\d")

# Health and hardship notes (PIPL art. 28: sensitive): shown only to a role allowed to see
# them; the audit log records that they changed, never what they say. ``health`` is a
# visit's note on the resident's speech, mobility and illness.
SENSITIVE_NOTES = {"health_notes": "健康情况", "hardship_notes": "困难情况", "health": "身体情况"}
NOTE_FILLED = "已填写"
NOTE_CHANGED = "已修改"
NOTE_CLEARED = "已清空"


def mask_contact(text: str | None) -> str:
    """The contact text with every phone number in it masked."""
    if not text:
        return ""
    return _PHONE_IN_TEXT.sub(lambda m: mask_phone(re.sub(r"\D", "", m.group())), text)


# Which masker each personal column takes (``caller_phone``: a request's caller).
MASKERS = {
    "id_number": mask_id_number,
    "phone": mask_phone,
    "caller_phone": mask_phone,
    "emergency_contact": mask_contact,
}


def is_masked(value: str | None) -> bool:
    return "*" in (value or "")
