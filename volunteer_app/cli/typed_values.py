"""Argument values as a Chinese input method types them: full-width digits, letters and signs
(２０２６－１１, ＺＹ２０２６－０００１２) and the full-width space, read as the half-width text
the person meant. Used as argparse ``type=`` for the arguments that take a day, a month, a
week or a login (the login dialog gets bob, not ｂｏｂ); the services still say what is wrong
with a value that is not one.

Free text (names, notes, a warning's wording) is not touched here: full-width brackets and
commas are right in Chinese text, and a name is matched as typed first (cli/common.py).
"""

from __future__ import annotations

from ..domain.identity import half_width


def plain(text: str) -> str:
    """The half-width text, without the spaces around it (full-width ones too)."""
    return half_width(text).strip()
