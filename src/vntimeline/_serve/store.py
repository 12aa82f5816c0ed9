"""The feed store: the feeds of one data file, kept in memory and rebuilt when it changes.

Theory of operation
-------------------
The store holds every feed: the combined ``vntimeline.ics`` and one
``vntimeline-<category>.ics`` per category, each with the validators an HTTP
front needs, in one immutable :class:`Snapshot` that is swapped whole, so a
request sees every feed of one version of the data and never a mix. It knows
nothing of sockets or requests: the front reads :attr:`FeedStore.snapshot`
(no lock, no file system) and something else, the server's watcher, calls
:meth:`FeedStore.refresh` now and then.

:meth:`~FeedStore.refresh` asks its :class:`~.watch.ChangeWatch` whether the
data file changed and has settled (one ``stat``; see :mod:`.watch` for why a
half-written file is not published). Only then is it read and hashed; an
unchanged hash stops there. Otherwise the file is loaded, validated,
resolved and every feed rendered; the new snapshot replaces the old one only
when all of that succeeded, the file did not change meanwhile, and the
history was saved. If anything fails, the error is logged (once per version
of the file) and the last good feeds stay.

Validators come from the content and are computed once per change: the ETag
is a hash of a feed's bytes, and Last-Modified the newest ``LAST-MODIFIED``
written in the feed, so neither depends on the file's modification time
(``git checkout`` and ``cp -p`` set old ones). Should a change leave that
newest date where it was (an event removed), the store serves one second
past the previous Last-Modified instead, so that within a run a changed feed
always has a later date; the ETag is what tells versions apart for certain.

SEQUENCE and LAST-MODIFIED continue the data file's feed history
(:func:`~vntimeline._export.ical.state.feed_state_path`, beside the data
file, and the options' state file if they name one), read at start and
written back, atomically, after each successful rebuild that changed it,
never after a failed one (see ``docs/explanation/feeds.rst``). Where it
cannot be written (the bundled data of an installed package, a read-only
folder) the history is kept in memory only. The feeds' name, URL and UIDs
are the options' where given, else the data file's own (its ``name`` and
``url``), as in ``vntimeline ics``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import logging
import os
import re
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from .._export.ical import FeedOptions, Revision, feed_filename
from .._export.ical.render import render_feeds
from .._export.ical.state import (
    feed_state_path,
    merge_histories,
    read_history,
    save_history,
    state_is_writable,
)
from ..errors import DataError, ExportError, VntimelineError
from .watch import ChangeWatch, Clock, Signature, signature, stable_read

if TYPE_CHECKING:
    from .._model.resolved import ResolvedTimeline

__all__ = ["FeedStore", "Loader", "Published", "Snapshot", "feed_order", "load_and_resolve"]

log = logging.getLogger("vntimeline.serve")

#: Turns the data file into the resolved timeline the feeds are rendered from.
Loader = Callable[[Path], "ResolvedTimeline"]
_UNREADABLE: Final = "unreadable"  # stands for a digest while the file cannot be read
#: How long to wait before retrying a rebuild whose history could not be saved.
_RETRY_SAVE: Final = 5.0
#: A LAST-MODIFIED content line: always UTC, as the feed writes it.
_LAST_MODIFIED: Final = re.compile(rb"^LAST-MODIFIED:(\d{8}T\d{6}Z)\r?$", re.MULTILINE)


def load_and_resolve(path: Path) -> ResolvedTimeline:
    """Load *path* and resolve it with the default policy (the store's default loader)."""
    from .._load.loader import load
    from .._resolve.resolver import resolve

    return resolve(load(path))


@attrs.frozen
class Published:
    """One feed as served: its bytes, validators, and title and size for the index."""

    body: bytes
    #: A strong entity tag: a quoted hash of :attr:`body`.
    etag: str
    #: Seconds since 1970 of the feed's newest LAST-MODIFIED; None for a feed with no event.
    last_modified: int | None
    title: str
    events: int


@attrs.frozen
class Snapshot:
    """Every feed of one version of the data, as served; replaced whole, never changed."""

    #: The feeds by file name, the combined feed first.
    feeds: Mapping[str, Published]
    #: The combined feed's display name.
    name: str
    #: How many times the feeds changed since the store was made (0 at first).
    generation: int


class FeedStore:
    """The feeds of one data file, rebuilt by :meth:`refresh` when the file changes.

    The data file is loaded on construction, so a broken file raises here
    rather than leaving nothing to serve. *settle* is how long a changed file
    must stay unchanged before it is read (0: at once); *clock* measures it.
    Safe to use from several threads.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        options: FeedOptions | None = None,
        loader: Loader | None = None,
        settle: float = 0.0,
        clock: Clock | None = None,
    ) -> None:
        self.path = Path(path)
        self.options = FeedOptions() if options is None else options
        self._loader: Loader = load_and_resolve if loader is None else loader
        self._watch = (
            ChangeWatch(self.path, settle=settle)
            if clock is None
            else ChangeWatch(self.path, settle=settle, clock=clock)
        )
        self._lock = threading.Lock()
        self._state_files = self._history_files()
        self._history: dict[str, Revision] = {}  # as last saved (read again at each rebuild)
        self._tried: str | None = None
        self._unsaved = False  # whether the history was found unsavable (said once)
        self._snapshot = Snapshot({}, "", 0)
        with self._lock:
            self._load_first()

    @property
    def snapshot(self) -> Snapshot:
        """The feeds now served (read without locking: it is replaced, never changed)."""
        return self._snapshot

    @property
    def name(self) -> str:
        """The combined feed's display name, as in the feeds last built."""
        return self._snapshot.name

    def feeds(self) -> Mapping[str, Published]:
        """The feeds, by file name."""
        return self._snapshot.feeds

    def refresh(self) -> bool:
        """Rebuild the feeds if the data file changed and settled; whether any feed changed.

        On failure the previous feeds stay and the error is logged.
        """
        with self._lock:
            try:
                version = self._watch.due()
                if version is None:
                    return False
                data, read = stable_read(self.path)
            except OSError as exc:
                self._fail(f"cannot read {self.path}: {exc.strerror or exc}", _UNREADABLE)
                self._watch.handled(None)
                return False
            if read != version:  # written again since it settled: wait for it to settle anew
                return False
            return self._rebuild(data, version, initial=False)

    def _load_first(self) -> None:
        """The first load: like a rebuild, but any failure raises."""
        for _attempt in range(3):  # again if the file changes while it is loaded
            try:
                data, version = stable_read(self.path)
            except OSError as exc:
                raise ExportError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
            self._rebuild(data, version, initial=True)
            if self._snapshot.feeds:
                return
        raise ExportError(f"{self.path} kept changing while it was loaded; try again")

    def _rebuild(self, data: bytes, version: Signature, *, initial: bool) -> bool:
        """Build, check and publish the feeds of *data* (the file at *version*)."""
        digest = hashlib.sha256(data).hexdigest()
        if digest == self._tried:
            self._watch.handled(version)
            return False
        try:
            feeds, history, name = self._build()
        except Exception as exc:  # a bug must not take the feeds down either
            if initial:
                raise
            if isinstance(exc, VntimelineError):
                self._fail(_describe(exc), digest)
            else:
                log.exception("rebuilding the feeds from %s failed", self.path)
                self._fail("(the traceback is above)", digest)
            self._watch.handled(version)
            return False
        if self._moved(version):  # the loader may have read another version: start over
            return False
        try:
            self._save(history)
        except ExportError as exc:
            if initial:
                raise
            log.error("%s\nnot publishing the new feeds; retrying in %gs", exc, _RETRY_SAVE)
            self._watch.retry_later(_RETRY_SAVE)
            return False
        self._tried = digest
        self._watch.handled(version)
        changed = self._publish(feeds, name)
        if not initial:
            log.info(
                "reloaded %s: %s",
                self.path,
                f"{changed} feed(s) changed" if changed else "no feed changed",
            )
        return bool(changed)

    def _moved(self, version: Signature) -> bool:
        """Whether the file changed while it was being loaded (then the result is thrown away)."""
        try:
            return signature(self.path) != version
        except OSError:
            return True

    def _fail(self, message: str, digest: str) -> None:
        """Log a failed reload, once per version of the file."""
        if digest != self._tried:
            log.error(
                "%s\nstill serving the feeds of the last good version of %s", message, self.path
            )
        self._tried = digest

    def _history_files(self) -> list[Path]:
        """The state files the history is read from: beside the data, and the options' one."""
        files = [feed_state_path(self.path)]
        if self.options.state_file is not None:
            files.append(self.options.state_file)
        return files

    def _save(self, history: dict[str, Revision]) -> None:
        """Write the history where it may be written, if it changed; raises ExportError."""
        if not self.options.track_changes or history == self._history:
            return
        writable = [path for path in self._state_files if state_is_writable(path)]
        if not writable and not self._unsaved:
            log.info(
                "the feed history of %s cannot be saved beside it: "
                "SEQUENCE numbers are kept only while the server runs",
                self.path,
            )
            self._unsaved = True
        for path in writable:
            save_history(path, history)
        self._history = history

    def _build(self) -> tuple[dict[str, tuple[bytes, str, int]], dict[str, Revision], str]:
        """Every feed's bytes, title and event count, the updated history, and the name."""
        resolved = self._loader(self.path)
        identity = self.options.identity(resolved.timeline)
        categories: list[str | None] = [None, *resolved.timeline.categories]
        known = self._history
        if self.options.track_changes:
            # another command (`vntimeline build`) may have numbered changes since: continue
            # from the furthest revision of each event, as every command does
            known = merge_histories(known, read_history(self._state_files))
        history = dict(known)
        feeds = {}
        for category, parts in render_feeds(resolved, categories, self.options, known):
            history.update(parts.revisions)
            title = identity.feed_name(category)
            feeds[feed_filename(category)] = (b"".join(parts.data), title, len(parts.revisions))
        return feeds, history, identity.name

    def _publish(self, feeds: dict[str, tuple[bytes, str, int]], name: str) -> int:
        """Swap in new feeds, keeping the validators of those whose bytes are unchanged."""
        old = self._snapshot
        changed = 0
        published = {}
        for filename in sorted(feeds, key=feed_order):
            body, title, count = feeds[filename]
            before = old.feeds.get(filename)
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            if before is not None and before.etag == etag:
                same = before.title == title
                published[filename] = before if same else attrs.evolve(before, title=title)
                continue
            last_modified = newest_last_modified(body)
            # a changed feed never shows an earlier or equal date while the server runs
            if (
                before is not None
                and before.last_modified is not None
                and (last_modified is None or last_modified <= before.last_modified)
            ):
                last_modified = before.last_modified + 1
            published[filename] = Published(body, etag, last_modified, title, count)
            changed += 1
        changed += len(old.feeds.keys() - feeds.keys())
        generation = old.generation + 1 if changed and old.feeds else old.generation
        self._snapshot = Snapshot(published, name, generation)
        return changed


def newest_last_modified(body: bytes) -> int | None:
    """The newest LAST-MODIFIED of an iCalendar feed, in seconds since 1970 (None if none)."""
    stamps = _LAST_MODIFIED.findall(body)
    if not stamps:
        return None
    newest = max(stamps).decode("ascii")  # one fixed format: text order is time order
    moment = _dt.datetime.strptime(newest, "%Y%m%dT%H%M%SZ").replace(tzinfo=_dt.UTC)
    return int(moment.timestamp())


def feed_order(name: str) -> tuple[int, str]:
    """Sort key for feed names: the combined feed first, then the categories by name."""
    return (0 if name == feed_filename(None) else 1, name)


def _describe(exc: VntimelineError) -> str:
    """An error as log text: each data problem on its own line."""
    if isinstance(exc, DataError):
        return "\n".join(str(problem) for problem in exc.problems)
    return str(exc)
