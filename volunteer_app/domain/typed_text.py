"""Text as a Chinese input method or a paste brings it: full-width digits, letters and signs
made half-width, and the spaces, tabs and newline around a short code taken off.

A module of its own, light on purpose: the login dialog, the command line's argument reading
and the spin boxes' full-width input need only this, and importing the ID-number and name
rules (domain.identity, whose name patterns over all of CJK compile in ~6 ms) would put that
into every start."""

from __future__ import annotations

import unicodedata
from typing import Any


def half_width(raw: Any) -> str:
    """Text as input methods should have typed it: full-width digits, letters and signs made
    half-width (NFKC). Plain ASCII, nearly every cell of a ledger, skips unicodedata."""
    text = raw if type(raw) is str else str(raw if raw is not None else "")
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def clean_code(raw: Any) -> str:
    """A short code typed by hand (楼号, 单元, 门牌, a login, a time of day): half-width as the
    person meant it (an input method's ３号楼, １０１, １４：３０), without the spaces, tabs or
    newline around it that a paste from Excel or WeChat brings."""
    return " ".join(half_width(raw).split())


def login_text(typed: Any) -> str:
    """A login as it is stored and looked up: half-width (an input method's ｗａｎｇｌｉ is
    wangli), without the spaces around it."""
    return half_width(typed or "").strip()


__all__ = ["clean_code", "half_width", "login_text"]
