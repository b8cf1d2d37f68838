"""邻里帮: start the window, or run a command (see ``python main.py --help``).

This is the front door: it alone decides between the window and a command, so the command
line (volunteer_app.cli) never imports the window (volunteer_app.ui). The window path
imports nothing heavy before ui.app, which brings Qt in on its own schedule (bench/startup.py).
"""

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from volunteer_app import cli
    from volunteer_app.cli.street_view import window_server as street_window_server

    line = list(sys.argv[1:] if argv is None else argv)
    street_server = street_window_server(line)
    if street_server is not None:
        from volunteer_app.ui.street_app import run_street_window

        return run_street_window(street_server)
    db_path = cli.window_database(line)
    if db_path is None:
        return cli.main(line)
    from volunteer_app.ui.app import run_window

    return run_window(db_path)


if __name__ == "__main__":
    sys.exit(main())
