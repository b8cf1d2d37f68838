"""邻里帮: start the window, or run a command (see ``python main.py --help``)."""

import sys

from volunteer_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
