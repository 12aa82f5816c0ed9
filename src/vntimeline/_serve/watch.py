"""When to read the data file again: only once it changed, and only once it stopped changing.

Theory of operation
-------------------
Reading, parsing and resolving the data file on every request is wasteful,
and it publishes whatever is on disk at that instant, including a file an
editor or ``cp`` is half-way through writing. A file truncated at an event
boundary is still valid YAML and valid data (24 events of 25), so parsing
cannot tell it from a real edit; only time can.

So the store asks a :class:`ChangeWatch` before it reads. The watch compares
the file's *signature* (device, inode, size, and the modification and change
times in nanoseconds, from one ``stat``) with the one last handled: while it
is unchanged, nothing is read. A new signature is read only once it has been
seen unchanged for ``settle`` seconds (a debounce): a writer that is still
writing changes the size or the times, which restarts the wait, so the half
state is never read unless the writer stops for longer than ``settle``
(then it is indistinguishable from an edit that ends there, and is
published; the next write replaces it). ``settle=0`` reads at once.

The store then compares the signature again after reading and rebuilding
(:func:`signature`): if the file moved under it, the result is thrown away
and the next look starts over. Both checks cost one ``stat`` each.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["ChangeWatch", "Clock", "Signature", "signature", "stable_read"]

#: What identifies one version of a file without reading it.
Signature = tuple[int, int, int, int, int]
#: Seconds from an arbitrary start, never going back (:func:`time.monotonic`).
Clock = Callable[[], float]


def signature(path: Path) -> Signature:
    """The signature of the file at *path*; raises :class:`OSError` if it cannot be read."""
    info = path.stat()
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class ChangeWatch:
    """Says when the file at *path* should be read again (see the module's docstring).

    Not thread-safe on its own: the store calls it under its lock.
    """

    def __init__(self, path: Path, *, settle: float = 0.0, clock: Clock = time.monotonic) -> None:
        if settle < 0:
            raise ValueError(f"settle must be zero or more seconds, got {settle!r}")
        self.path = path
        self.settle = settle
        self._clock = clock
        self._handled: Signature | None = None
        self._pending: Signature | None = None
        self._since = 0.0

    def due(self) -> Signature | None:
        """The signature to read now, or None: unchanged since handled, or still settling.

        Raises :class:`OSError` when the file cannot be looked at (deleted,
        no permission).
        """
        current = signature(self.path)
        if current == self._handled:
            return None
        now = self._clock()
        if current != self._pending:
            self._pending, self._since = current, now
        if now - self._since < self.settle:
            return None
        return current

    def handled(self, version: Signature | None) -> None:
        """Record that *version* was read (published or refused): not due again until it changes.

        ``None`` forgets the last version, so the file is due again at once
        (once settled).
        """
        self._handled = version

    def retry_later(self, delay: float) -> None:
        """Make the pending version due again only after *delay* seconds (a failed attempt)."""
        self._since = self._clock() + delay - self.settle


def stable_read(path: Path, attempts: int = 3) -> tuple[bytes, Signature]:
    """Read *path* whole, with the signature it had before and after the read.

    Retried (up to *attempts* times) while the file changes during the read;
    raises :class:`OSError` if it cannot be read, and returns the last read
    if it never holds still.
    """
    data, before = b"", signature(path)
    for _ in range(attempts):
        data = path.read_bytes()
        after = signature(path)
        if after == before:
            return data, after
        before = after
    return data, before
