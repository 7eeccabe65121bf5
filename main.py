"""Bake Planner: with no subcommand opens the window; otherwise runs a CLI command."""

import sys

from src.cli import main

if __name__ == "__main__":
    sys.exit(main())
