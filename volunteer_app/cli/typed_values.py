"""Argument values as a Chinese input method types them: full-width digits, letters and signs
(２０２６－１１, ＺＹ２０２６－０００１２) and the full-width space, read as the half-width text
the person meant. Every argument that takes a value has one of these as its argparse ``type=``
(tests/cli/test_typed_arguments.py walks the parser to keep it so):

- :func:`plain` for a day, a month, a week, a login, a choice (a kind, a role, a format):
  the half-width text (the login dialog gets bob, not ｂｏｂ); the services still say what is
  wrong with a value that is not one;
- :func:`text` for free text (names, notes, a warning's wording) and names or codes a finder
  matches as typed first (cli/common.py): only the spaces around it go (a full-width one
  typed by the input method, a newline or tab pasted from Excel or WeChat); full-width
  brackets and commas are right in Chinese text;
- :func:`path` for a file: the spaces around it go, the name itself is kept;
- ``int`` for a count or an id (Python reads full-width digits and spaces around them);
- :func:`street_role` for an account on the street server, checked here with its rule;
- :func:`user_role` for an account's role, in English or as the window names it (社区工作者).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.typed_text import half_width


def plain(text: str) -> str:
    """The half-width text, without the spaces around it (full-width ones too)."""
    return half_width(text).strip()


def text(value: str) -> str:
    """Free text without the spaces, tabs and newlines around it (full-width ones too)."""
    return value.strip()


def path(value: str) -> Path:
    """A file named on the command line, without the spaces around the name."""
    return Path(value.strip())


def street_role(value: str) -> str:
    """An account name on the street server, half-width; refused here, before any connection,
    when the server would refuse it."""
    from ..services.street.config import role_name_problem

    role = plain(value)
    problem = role_name_problem(role)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return role


def user_role(value: str) -> str:
    """An account's role: admin, staff, captain or supervisor, or its Chinese name as the
    window and --help say it (社区工作者, 管理员); anything else as typed, for argparse's
    choices to refuse naming the choices."""
    from ..services.permissions import ROLE_NAMES, USER_ROLES, Role

    word = plain(value)
    chinese = {name: role.value for role, name in ROLE_NAMES.items() if role in USER_ROLES}
    return {**chinese, "管理员": Role.ADMIN.value}.get(word, word)
