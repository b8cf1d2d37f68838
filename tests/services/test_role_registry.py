"""Every service that acts for a user is in the guard registry and called by a role test.

The role tests were written service by service; a service added later could be in none of
them. This test imports every module under volunteer_app/services, lists each public
function (and public method of a public class) with a parameter annotated ``Session``, and
fails naming it when it is not in tests/services/role_registry.py, or when no role test calls
it. A role test is a test module under tests/ that acts as a stored user's role (it
authenticates one, or names Role.ADMIN/STAFF/CAPTAIN/SUPERVISOR); "calls it" is read from its
source: the function named through the module it was imported from.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from functools import cache
from pathlib import Path

from role_registry import GUARDS

import volunteer_app.services as services
from volunteer_app.services.permissions import Permission
from volunteer_app.services.session import Session

TESTS = Path(__file__).resolve().parents[1]
PREFIX = "volunteer_app.services."
_SESSION = re.compile(r"(?<![\w.])Session\b")
_ACTS_AS_A_ROLE = re.compile(r"Role\.(ADMIN|STAFF|CAPTAIN|SUPERVISOR)\b|\bauthenticate\(|\bas_role\(")
_OPEN_KINDS = ("open: ", "shaped by privacy: ", "the check itself: ")
_STEP = re.compile(r"^step of ([\w.]+): ?")


def _takes_session(function) -> bool:
    for parameter in inspect.signature(function).parameters.values():
        annotation = parameter.annotation
        if annotation is Session or (isinstance(annotation, str) and _SESSION.search(annotation)):
            return True
    return False


@cache
def acting_services() -> tuple[str, ...]:
    """``module.function`` / ``module.Class.method`` relative to volunteer_app.services."""
    found = []
    for info in pkgutil.walk_packages(services.__path__, PREFIX):
        module = importlib.import_module(info.name)
        short = info.name.removeprefix(PREFIX)
        for name, value in vars(module).items():
            if name.startswith("_") or getattr(value, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(value) and _takes_session(value):
                found.append(f"{short}.{name}")
            elif inspect.isclass(value):
                for attribute, member in vars(value).items():
                    if attribute.startswith("_") and attribute != "__init__":
                        continue
                    member = getattr(member, "__func__", member)      # static and class methods
                    if inspect.isfunction(member) and _takes_session(member):
                        found.append(f"{short}.{name}.{attribute}")
    return tuple(found)


def registry() -> dict[str, str]:
    flat: dict[str, str] = {}
    for group in GUARDS.values():
        for name, guard in group.items():
            assert name not in flat, f"{name} is in the registry twice"
            flat[name] = guard
    return flat


def _names_called(source: str) -> set[str]:
    """Services a test module names, through what it imported from volunteer_app.services."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("volunteer_app.services"):
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}".removeprefix(PREFIX)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PREFIX) and alias.asname:
                    aliases[alias.asname] = alias.name.removeprefix(PREFIX)
    named: set[str] = set(aliases.values())
    attributes: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            attributes.add(node.attr)
            chain, inner = [node.attr], node.value
            while isinstance(inner, ast.Attribute):
                chain.append(inner.attr)
                inner = inner.value
            if isinstance(inner, ast.Name) and inner.id in aliases:
                base = aliases[inner.id]
                for depth in range(1, len(chain) + 1):
                    named.add(".".join([base, *reversed(chain)][: depth + 1]))
    # a method is called when its class is named and the method's name is used (or it is __init__)
    for service in acting_services():
        owner, _, method = service.rpartition(".")
        if owner in named and (method == "__init__" or method in attributes):
            named.add(service)
    return named


@cache
def role_tested() -> frozenset[str]:
    called: set[str] = set()
    for path in sorted(TESTS.rglob("test_*.py")):
        source = path.read_text(encoding="utf-8")
        if _ACTS_AS_A_ROLE.search(source):
            called |= _names_called(source)
    return frozenset(called)


def test_every_acting_service_is_in_the_registry():
    known = registry()
    missing = [name for name in acting_services() if name not in known]
    assert not missing, ("these services take a Session but tests/services/role_registry.py does not say "
                         f"how they are guarded: {missing}")
    gone = sorted(set(known) - set(acting_services()))
    assert not gone, f"the registry names services that no longer take a Session: {gone}"


def test_every_guard_is_a_permission_or_a_reason():
    permissions = {p.name for p in Permission}
    known = registry()
    for name, guard in known.items():
        step = _STEP.match(guard)
        if step:
            assert step.group(1) in known, f"{name}: it is a step of {step.group(1)}, which is not in the registry"
            assert not _STEP.match(known[step.group(1)]), f"{name}: name the service, not another step"
        elif guard.startswith(_OPEN_KINDS):
            assert len(guard.split(": ", 1)[1]) > 8, f"{name}: say why"
        else:
            for part in guard.removesuffix(" (team)").split(" or "):
                assert part in permissions, f"{name}: {guard!r} is not a permission nor a reason"


def test_every_acting_service_is_called_by_a_role_test():
    known, called = registry(), role_tested()
    untested = []
    for name, guard in known.items():
        if guard.startswith("the check itself: "):
            continue                    # tests/services/test_permissions.py, test_privacy.py, test_team_scope.py
        step = _STEP.match(guard)
        target = step.group(1) if step else name
        if target not in called:
            untested.append(name if target == name else f"{name} (a step of {target})")
    assert not untested, ("no role test (tests/services/test_role_sweep.py runs a service as each role) "
                          f"calls these: {untested}")


def test_the_structural_test_sees_what_it_must():
    """The listing finds a method and a function whose Session comes by a string annotation,
    and the reading of the role tests finds a call through a module alias."""
    names = acting_services()
    assert "requests.ticket_form.CallerMatcher.__init__" in names
    assert "street.reporting.publish_configured" in names
    assert "people.residents.get" in role_tested()
    assert len(names) == len(registry())
