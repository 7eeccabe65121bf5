"""Bake Planner: with no subcommand opens the window; otherwise runs a CLI command."""

import sys


def _command_line(argv, **window):
    # Imported only once the window's skeleton is painted (the heavy part of start-up).
    from src.cli import main

    return main(argv, **window)


if __name__ == "__main__":
    from src.ui.boot import gui_requested

    if gui_requested(sys.argv[1:]):
        # The window is wanted: paint its title and skeleton before the heavy imports.
        from src.ui.boot import start

        sys.exit(start(sys.argv[1:], _command_line))
    from src.cli import main

    sys.exit(main())
