"""Starting the street window (``python main.py street --server URL``): no database file, no
login; the server's own account and row-level security decide what may be read."""

from __future__ import annotations

import sys

from .app import display_problem


def run_street_window(url: str) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    from ..refcounts import keep_singletons_alive

    keep_singletons_alive()     # as the main window does (refcounts.py)
    from PySide6.QtWidgets import QApplication

    from . import runner
    from .gui_gc import collect_on_gui_thread
    from .look import apply_look
    from .street_window import StreetWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("邻里帮")   # names the settings folder: never translated
    app.setOrganizationName("LinLiBang")
    apply_look(app)
    collect_on_gui_thread(app)
    window = StreetWindow(url)
    window.show()
    window.start()
    try:
        return app.exec()
    finally:
        window.timer.stop()
        runner.wait_all()       # no job thread outlives the window
