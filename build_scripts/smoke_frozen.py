"""Smoke test of the frozen build: the command-line program of dist/LinLiBang builds the demo
community, checks and backs it up, and matches pairs (pypinyin, stdnum, the schema file and
scipy all have to be inside the build for that).

    python build_scripts/smoke_frozen.py [dist/LinLiBang]      # run by make package
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(folder: Path) -> int:
    program = folder / ("linlibang-cli.exe" if sys.platform == "win32" else "linlibang-cli")
    if not program.exists():
        print(f"找不到 {program}：请先运行 make package。", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "demo.sqlite3"
        steps = [["demo", "--db", str(db)], ["check", "--db", str(db)],
                 ["backup", "--out", str(Path(scratch) / "backup.sqlite3"), "--db", str(db)],
                 ["match", "--json", "--db", str(db)]]
        for step in steps:
            done = subprocess.run([str(program), *step], capture_output=True, text=True,
                                  encoding="utf-8", timeout=300)
            if done.returncode != 0:
                print(f"{program.name} {step[0]} 失败（{done.returncode}）：{done.stderr.strip()}",
                      file=sys.stderr)
                return 1
            print(f"{program.name} {step[0]}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "LinLiBang"))
