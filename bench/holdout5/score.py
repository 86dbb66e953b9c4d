"""Score the reader on the blind held-out pages in bench/holdout5/, with set 3's scorer.

Run from the worktree root:  PYTHONPATH=src .venv/bin/python bench/holdout5/score.py [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "holdout3"))

from score import main  # noqa: E402  (bench/holdout3/score.py)

if __name__ == "__main__":
    main(HERE)
