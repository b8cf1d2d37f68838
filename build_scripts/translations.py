"""Qt translations: ``update`` refreshes the .ts sources from the UI code, ``compile`` builds .qm.

    python build_scripts/translations.py update    # after changing UI text
    python build_scripts/translations.py compile   # run by make run / make test
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"找不到 {name}，请先运行 make（它会安装 PySide6）。")
    return found


def update() -> None:
    sources = sorted(str(p) for p in (ROOT / "volunteer_app" / "ui").rglob("*.py"))
    for language in LANGUAGES:
        target = TRANSLATIONS / f"linlibang_{language}.ts"
        # -no-obsolete: a string gone from the code leaves the .ts too (git keeps its history)
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-source-language", "zh_CN",
                        "-target-language", language, "-no-obsolete", "-ts", str(target)], check=True)


def compile_all() -> None:
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)], check=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    {"update": update, "compile": compile_all}[command]()
