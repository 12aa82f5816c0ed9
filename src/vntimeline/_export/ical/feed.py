"""The iCalendar feed's entry points: render a feed, or write feeds and their state.

A feed holds one decided date per event, written so every client agrees:
:mod:`.placement` says where each event lands and what subscribers see,
:mod:`.render` why identical input gives identical bytes, and :mod:`.state`
how SEQUENCE and LAST-MODIFIED only ever go up (see
``docs/explanation/feeds.rst``).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING

import attrs

from ..._atomic import atomic_stream
from .options import FeedOptions
from .render import render_feeds
from .state import STATE_FILENAME, Revision, load_history, save_history

if TYPE_CHECKING:
    from ..._model.resolved import ResolvedTimeline

__all__ = ["Feed", "render", "to_ical", "write_feeds", "write_ical"]


@attrs.frozen
class Feed:
    """One rendered feed: its bytes and the revision of every event in it."""

    data: bytes
    revisions: dict[str, Revision]
    #: Titles of the events left out because no date is known.
    undated: tuple[str, ...]


def to_ical(
    resolved: ResolvedTimeline, *, category: str | None = None, options: FeedOptions | None = None
) -> bytes:
    """The feed of *resolved* (only *category* if given) as iCalendar bytes."""
    options = FeedOptions() if options is None else options
    history: dict[str, Revision] = {}
    if options.track_changes and options.state_file is not None:
        history = load_history(options.state_file)
    return render(resolved, category=category, options=options, history=history).data


def write_ical(
    resolved: ResolvedTimeline,
    path: str | os.PathLike[str],
    *,
    category: str | None = None,
    options: FeedOptions | None = None,
) -> None:
    """Write the feed to *path* atomically, then update the change-tracking state file."""
    options = FeedOptions() if options is None else options
    state = options.state_file or Path(path).parent / STATE_FILENAME
    write_feeds(resolved, {category: Path(path)}, options=options, state=state)


def write_feeds(
    resolved: ResolvedTimeline,
    paths: Mapping[str | None, Path],
    *,
    options: FeedOptions,
    state: Path | None,
    history: Mapping[str, Revision] | None = None,
) -> dict[str, Revision]:
    """Write several feeds of one timeline (key ``None``: the combined feed), atomically.

    Each event is rendered once, for every feed it is in. The history is
    *history* if given, else the state file at *state*, read once; when
    ``options.track_changes``, the updated history is written to *state* (if
    not None) once, after every feed was written, and returned in any case.
    """
    if history is None:
        history = load_history(state) if options.track_changes and state is not None else {}
    revisions: dict[str, Revision] = {}
    for category, feed in render_feeds(resolved, list(paths), options, history):
        atomic_stream(paths[category], functools.partial(_write_parts, feed.data))
        revisions.update(feed.revisions)
    if not options.track_changes:
        return dict(history)
    merged = {**history, **revisions}
    if state is not None:
        save_history(state, merged)
    return merged


def _write_parts(parts: list[bytes], handle: IO[bytes]) -> None:
    """Write the pieces of a feed's bytes to *handle*."""
    handle.writelines(parts)


def render(
    resolved: ResolvedTimeline,
    *,
    category: str | None,
    options: FeedOptions,
    history: Mapping[str, Revision],
) -> Feed:
    """Build the feed and the revisions it used (the pure core of :func:`to_ical`)."""
    for _category, parts in render_feeds(resolved, [category], options, history):
        return Feed(b"".join(parts.data), parts.revisions, parts.undated)
    raise AssertionError("one feed asked for, none rendered")
