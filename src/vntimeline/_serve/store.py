"""The feed store: the feeds of one data file, kept in memory and rebuilt when it changes.

Theory of operation
-------------------
The store holds every feed: the combined ``vntimeline.ics`` and one
``vntimeline-<category>.ics`` per category, each with the validators an HTTP
front needs. It knows nothing of sockets or requests; the front calls
:meth:`FeedStore.refresh` before answering and :meth:`FeedStore.feeds` to
answer.

:meth:`~FeedStore.refresh` reads the data file and compares its SHA-256 with
the last one it tried. When it differs, the file is loaded and resolved again
and the feeds rebuilt; if that fails, the error is logged (once per version
of the file) and the last good feeds stay. A feed whose bytes change gets a
new strong ETag (a hash of its bytes) and a later Last-Modified time. SEQUENCE
numbers are tracked in memory from the store's creation, starting from the
options' state file if they name one (see ``docs/explanation/feeds.rst``).
The feeds' name, URL and UIDs are the options' where given, else the data
file's own (its ``name`` and ``url``), as in ``vntimeline ics``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from .._export.ical import FeedOptions, Revision, feed_filename, load_history
from .._export.ical.feed import render
from ..errors import DataError, ExportError, VntimelineError

if TYPE_CHECKING:
    from .._model.resolved import ResolvedTimeline

__all__ = ["FeedStore", "Loader", "Published", "feed_order", "load_and_resolve"]

log = logging.getLogger("vntimeline.serve")

#: Turns the data file into the resolved timeline the feeds are rendered from.
Loader = Callable[[Path], "ResolvedTimeline"]
_UNREADABLE: Final = "unreadable"  # stands for a digest while the file cannot be read


def load_and_resolve(path: Path) -> ResolvedTimeline:
    """Load *path* and resolve it with the default policy (the store's default loader)."""
    from .._load.loader import load
    from .._resolve.resolver import resolve

    return resolve(load(path))


@attrs.frozen
class Published:
    """One feed as served: its bytes, validator and title for the index."""

    body: bytes
    etag: str
    last_modified: int
    title: str
    events: int


class FeedStore:
    """The feeds of one data file, rebuilt by :meth:`refresh` when the file changes.

    The data file is loaded on construction, so a broken file raises here
    rather than leaving nothing to serve. Safe to use from several threads.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        options: FeedOptions | None = None,
        loader: Loader | None = None,
    ) -> None:
        self.path = Path(path)
        self.options = FeedOptions() if options is None else options
        self._loader: Loader = load_and_resolve if loader is None else loader
        self._lock = threading.Lock()
        self._feeds: dict[str, Published] = {}
        self._history: dict[str, Revision] = {}
        if self.options.track_changes and self.options.state_file is not None:
            self._history = load_history(self.options.state_file)
        self._tried: str | None = None
        self._name = ""
        self.refresh(initial=True)

    @property
    def name(self) -> str:
        """The combined feed's display name, as in the feeds last built."""
        with self._lock:
            return self._name

    def feeds(self) -> Mapping[str, Published]:
        """The feeds, by file name (a snapshot)."""
        with self._lock:
            return dict(self._feeds)

    def refresh(self, *, initial: bool = False) -> bool:
        """Rebuild the feeds if the data file changed; whether any feed changed.

        On failure the previous feeds stay (the error is logged), except on the
        first load, which raises.
        """
        with self._lock:
            try:
                data = self.path.read_bytes()
            except OSError as exc:
                if initial:
                    raise ExportError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
                self._fail(f"cannot read {self.path}: {exc.strerror or exc}", _UNREADABLE)
                return False
            digest = hashlib.sha256(data).hexdigest()
            if digest == self._tried:
                return False
            try:
                feeds, history, name = self._build()
            except VntimelineError as exc:
                if initial:
                    raise
                self._fail(_describe(exc), digest)
                return False
            except Exception:  # a bug must not take the feeds down either
                if initial:
                    raise
                log.exception("rebuilding the feeds from %s failed", self.path)
                self._fail("(the traceback is above)", digest)
                return False
            self._tried = digest
            changed = self._publish(feeds)
            self._history = history
            self._name = name
            if not initial:
                log.info(
                    "reloaded %s: %s",
                    self.path,
                    f"{changed} feed(s) changed" if changed else "no feed changed",
                )
            return bool(changed)

    def _fail(self, message: str, digest: str) -> None:
        """Log a failed reload, once per version of the file."""
        if digest != self._tried:
            log.error(
                "%s\nstill serving the feeds of the last good version of %s", message, self.path
            )
        self._tried = digest

    def _build(self) -> tuple[dict[str, tuple[bytes, str, int]], dict[str, Revision], str]:
        """Every feed's bytes, title and event count, the updated history, and the name."""
        resolved = self._loader(self.path)
        identity = self.options.identity(resolved.timeline)
        history = dict(self._history)
        feeds = {}
        for category in (None, *resolved.timeline.categories):
            feed = render(resolved, category=category, options=self.options, history=history)
            history.update(feed.revisions)
            title = identity.feed_name(category)
            feeds[feed_filename(category)] = (feed.data, title, len(feed.revisions))
        return feeds, history, identity.name

    def _publish(self, feeds: dict[str, tuple[bytes, str, int]]) -> int:
        """Swap in new feeds, keeping the validators of those whose bytes are unchanged."""
        try:
            mtime = int(self.path.stat().st_mtime)
        except OSError:
            mtime = int(time.time())
        changed = 0
        published = {}
        for name, (body, title, count) in feeds.items():
            old = self._feeds.get(name)
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            if old is not None and old.etag == etag:
                published[name] = old
                continue
            # Last-Modified has one-second resolution: make every change a later second.
            last_modified = mtime if old is None else max(mtime, old.last_modified + 1)
            published[name] = Published(body, etag, last_modified, title, count)
            changed += 1
        self._feeds = published
        return changed


def feed_order(name: str) -> tuple[int, str]:
    """Sort key for feed names: the combined feed first, then the categories by name."""
    return (0 if name == feed_filename(None) else 1, name)


def _describe(exc: VntimelineError) -> str:
    """An error as log text: each data problem on its own line."""
    if isinstance(exc, DataError):
        return "\n".join(str(problem) for problem in exc.problems)
    return str(exc)
