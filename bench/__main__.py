"""Run every benchmark module (or those named on the command line) and print their figures.

``python -m bench NAME... --json`` prints, as the last line, one JSON object of the
figures the named modules returned: each module's ``main()`` returns a ``dict`` of its
headline figures (keys named in its docstring), or ``None`` when it has none.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    as_json = "--json" in argv
    here = Path(__file__).parent
    names = [a for a in argv if a != "--json"]
    names = names or sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_"))
    figures: dict[str, object] = {}
    # One QApplication for every module: a module that renders PDFs alone would otherwise make
    # a QGuiApplication, and the widget benches after it could not make theirs.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 (kept for the whole run)
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        if not hasattr(module, "main"):
            continue
        # With --json the readable tables go to stderr, so stdout's last line is the JSON.
        with contextlib.redirect_stdout(sys.stderr) if as_json else contextlib.nullcontext():
            print(f"\n=== bench.{name} ===", flush=True)
            started = time.perf_counter()
            figures.update(module.main() or {})
            print(f"(bench.{name}: {time.perf_counter() - started:.1f} s)", flush=True)
    if as_json:
        print(json.dumps(figures, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
