"""Progress reporting shared by long operations (imports, rebuilds, reports).

A long operation takes an optional `progress` callable and calls it as
`progress(done, total, message)`; `total` may be None when unknown. The same operation then shows
a bar in the terminal (`ConsoleProgress`), updates a job record polled by a page (see
`balises.core.jobs`), or reports nothing (`no_progress`).
"""

import sys
import time
from collections.abc import Callable
from typing import TextIO

ProgressCallback = Callable[[int, int | None, str], None]


def no_progress(done: int, total: int | None, message: str = "") -> None:
    """A progress callback that ignores everything."""


class ConsoleProgress:
    """Draws a one-line progress bar on a terminal, at most ten times a second."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self._last = 0.0
        self._is_tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def __call__(self, done: int, total: int | None, message: str = "") -> None:
        now = time.monotonic()
        finished = total is not None and done >= total
        if not finished and now - self._last < 0.1:
            return
        self._last = now
        if total:
            filled = int(self.width * min(done, total) / total)
            bar = "█" * filled + "·" * (self.width - filled)
            line = f"[{bar}] {done}/{total} {message}"
        else:
            line = f"{done} {message}"
        if self._is_tty:
            self.stream.write("\r" + line[:120].ljust(120))
            if finished:
                self.stream.write("\n")
        elif finished or not total or done % max(1, total // 10) == 0:
            self.stream.write(line + "\n")
        self.stream.flush()
