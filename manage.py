#!/usr/bin/env python
"""Same as the `balises` command: Django's manage.py for this project."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from balises.__main__ import main

if __name__ == "__main__":
    main()
