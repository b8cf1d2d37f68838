"""Every page and every dialog is usable on the office's screens.

1366×768 at 100% and 1920×1080 at 150% (1280×720 logical), each less a 40-pixel taskbar:
nothing opens larger than the screen, nothing needs more than it to lay out, and every
button is inside its window or in a part that scrolls. Each screen runs in a child process
(tests/screen_probe.py), because Qt fixes the screen when the application starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from volunteer_app.ui.screen_fit import TITLE_BAR

ROOT = Path(__file__).resolve().parents[2]

# name, physical size of the screen's available area (taskbar left out), logical DPI
SCREENS = [
    ("1366×768", 1366, 768 - 40, 96),
    ("1920×1080 at 150%", 1920, 1080 - 60, 144),
]


@pytest.mark.parametrize(("label", "width", "height", "dpi"), SCREENS, ids=[s[0] for s in SCREENS])
def test_every_page_and_dialog_fits(tmp_path, label, width, height, dpi):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": label, "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": dpi, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "screen_probe.py")],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    scale = dpi / 96
    assert report["room"] == [round(width / scale), round(height / scale) - TITLE_BAR]
    assert report["problems"] == []
    assert set(report["defined"]) <= set(report["opened"]), "a dialog the probe does not open"
    assert len(report["pages"]) == 10      # 诉求 added by issue 13, 极端天气 by issue 15
