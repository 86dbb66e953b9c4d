"""`python -m insights …` is the same as the `insights` command."""

import sys

from insights.cli import main

if __name__ == "__main__":  # not when a build's worker process imports it
    sys.exit(main())
