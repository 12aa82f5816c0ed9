"""The main job: validate, resolve, and write every output into one folder.

Every output is first written into a staging folder; only when all of them
succeeded is the whole set published, in one step (see
:mod:`vntimeline._publish`): a failed or killed build leaves the previous
outputs as they were, and a file of a category that went away is removed.

The feeds continue the history of the data file (SEQUENCE and
LAST-MODIFIED, see :mod:`vntimeline._export.ical.state`): it is read from
``<stem>.feed-state.json`` beside the data and from the copy published with
the last build, and written back to both only once the new set is
published, so a failed build never advances it.

A build of unchanged data keeps the outputs the last build wrote, and one
that must render some outputs again reuses the timeline it loaded, both
through the cache in ``<out>/.vntimeline-cache`` (see :mod:`vntimeline._cache`).
No output is ever written over the data file or a file it reads
(:func:`refuse_input_paths`).
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import attrs

from ._load.loader import load, seed_folders
from ._resolve.resolver import resolve
from .errors import ExportError, OptionError

if TYPE_CHECKING:
    from ._cache import BuildCache
    from ._export.ical import FeedOptions, Revision
    from ._model.events import Timeline
    from ._model.resolved import ResolvedTimeline
    from ._publish import Publisher

__all__ = ["build", "input_paths", "refuse_input_paths"]

RESOLVED_JSON = "resolved.json"
CHART_NAME = "timeline"


def build(
    data: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    options: FeedOptions | None = None,
) -> list[Path]:
    """Build every output of the data file *data* into folder *out*; return their paths.

    Writes ``resolved.json``, the combined feed and one feed per category
    (with *options*, whose name and public URL override the file's), and the
    combined chart (SVG and PNG) and one SVG chart per category (the feeds
    and charts in the language ``options.lang``), and
    publishes them together. Outputs the last build into *out* wrote from
    the same inputs and options are kept as they are. Refuses (with
    :class:`~vntimeline.errors.OptionError`) to write over the data file or a
    file it reads.
    """
    from ._cache import BuildCache
    from ._export.ical import FeedOptions
    from ._export.ical.state import feed_state_path
    from ._publish import Publisher

    source, target = Path(data), Path(out)
    options = options or FeedOptions()
    # The history belongs to the data file: beside it unless the options say otherwise.
    state = options.state_file or feed_state_path(source)
    refuse_input_paths(source, [target], state=state)
    with Publisher(target) as publisher:
        history = _history(options, state, publisher)
        # The options shape the feeds: a build with other options keeps none of them.
        variant = repr(attrs.evolve(options, state_file=None))
        cache = BuildCache(source, target, variant=variant)
        unchanged = cache.complete(_digest(history))
        if unchanged is not None and publisher.current.is_dir():
            _save_state(options, state, history)
            return [target / name for name in unchanged]
        timeline = cache.timeline()
        loaded = timeline is None
        if timeline is None:
            timeline = load(source)
        plan = _plan(timeline, options.lang)
        refuse_input_paths(source, [target / name for name in plan.names], timeline=timeline)
        try:
            written, history = _write(timeline, plan, history, cache, publisher, options)
        except ExportError:
            raise
        except OSError as exc:
            raise ExportError(f"cannot write to {target}: {exc.strerror or exc}") from exc
        _save_state(options, state, history)
        cache.save(timeline, plan.names, _digest(history), loaded=loaded)
        return written


def _write(
    timeline: Timeline,
    plan: _Plan,
    history: dict[str, Revision],
    cache: BuildCache,
    publisher: Publisher,
    options: FeedOptions,
) -> tuple[list[Path], dict[str, Revision]]:
    """Render what is not kept into staging, then publish the set; the paths and new history."""
    from ._export.ical.state import STATE_FILENAME, dump_history

    resolved = resolve(timeline)
    staging = publisher.staging()
    kept = cache.kept(plan.names, _digest(history))
    for name in kept:
        publisher.keep(name)
    history = _write_feeds(resolved, plan, kept, staging, options, history)
    _draw_combined_chart(resolved, kept, staging, options.lang)
    for name, render in plan.outputs:
        if name not in kept and render is not None:
            render(resolved, staging / name)
    if options.track_changes:
        # The history travels with the outputs it numbered: published with them, in one step.
        (staging / STATE_FILENAME).write_text(dump_history(history), encoding="utf-8")
    old_names = cache.previous_outputs()
    return publisher.publish(plan.names, old_names=old_names), history


def _history(options: FeedOptions, state: Path, publisher: Publisher) -> dict[str, Revision]:
    """The feed history: every copy known (beside the data, last build's, old layout's), merged."""
    from ._export.ical.state import STATE_FILENAME, read_history

    if not options.track_changes:
        return {}
    copies = [state, publisher.current / STATE_FILENAME, publisher.out / STATE_FILENAME]
    return read_history(copies)


def _save_state(options: FeedOptions, state: Path, history: Mapping[str, Revision]) -> None:
    """Write the history beside the data, where that is allowed (the outputs carry a copy)."""
    from ._export.ical.state import save_history, state_is_writable

    if options.track_changes and history and state_is_writable(state):
        save_history(state, history)


def _digest(history: Mapping[str, Revision]) -> str:
    """A SHA-256 of a feed history: what the feeds' numbers depend on."""
    from ._export.ical.state import dump_history

    return hashlib.sha256(dump_history(history).encode("utf-8")).hexdigest()


def input_paths(
    data: Path, *, timeline: Timeline | None = None, state: Path | None = None
) -> dict[Path, str]:
    """Every file a command reading *data* reads, with what it is (for messages).

    The data file, its feed history (*state*, else ``<stem>.feed-state.json``
    beside it) and, given the loaded *timeline*, every seed file it quotes.
    """
    from ._export.ical.state import feed_state_path

    found = {data: "the data file", state or feed_state_path(data): "the feed state file"}
    if timeline is not None:
        for name in sorted({s.seed for s in timeline.sources if s.seed is not None}):
            for folder in seed_folders(data, None):
                if (folder / name).is_file():
                    found[folder / name] = "the seed file"
                    break
    return found


def refuse_input_paths(
    data: Path,
    outputs: Iterable[str | os.PathLike[str]],
    *,
    timeline: Timeline | None = None,
    state: Path | None = None,
) -> None:
    """Raise :class:`~vntimeline.errors.OptionError` if an output is a file *data* reads.

    Every command that writes calls this before writing: a typo such as
    ``vntimeline ics data/events.yaml -o data/events.yaml`` must never
    replace the hand-written data. Paths are compared resolved (symbolic
    links, ``./``, ``..``) and, for files that exist, by identity (hard links).
    """
    inputs = input_paths(data, timeline=timeline, state=state)
    for output in outputs:
        for path, what in inputs.items():
            if _same_file(Path(output), path):
                raise OptionError(
                    f"refusing to write {os.fspath(output)} over {what} {path}; "
                    "choose another output"
                )


def _same_file(a: Path, b: Path) -> bool:
    """Whether *a* and *b* name the same file (the same resolved path, or the same inode)."""
    try:
        if os.path.realpath(a) == os.path.realpath(b):
            return True
        return a.exists() and b.exists() and a.samefile(b)
    except (OSError, ValueError):
        return False


class _Plan(NamedTuple):
    """The outputs of a build: every file's name, and how each is written."""

    #: Each output's name, and what renders it alone (None: written with others).
    outputs: list[tuple[str, Callable[[ResolvedTimeline, Path], object] | None]]
    #: Each feed's name and its category (None for the combined feed).
    feeds: dict[str, str | None]

    @property
    def names(self) -> list[str]:
        """Every output's name, in the order the build returns them."""
        return [name for name, _ in self.outputs]


def _plan(timeline: Timeline, lang: str = "en") -> _Plan:
    """What a build of *timeline* writes (charts in *lang*)."""
    from ._export.ical import feed_filename

    feeds: dict[str, str | None] = {feed_filename(None): None}
    outputs: list[tuple[str, Callable[[ResolvedTimeline, Path], object] | None]] = [
        (RESOLVED_JSON, _resolved_json),
        (feed_filename(None), None),
        (f"{CHART_NAME}.svg", None),
        (f"{CHART_NAME}.png", None),
    ]
    for category in timeline.categories:
        feeds[feed_filename(category)] = category
        outputs.append((feed_filename(category), None))
        chart = functools.partial(_chart, category, lang=lang)
        outputs.append((f"{CHART_NAME}-{category}.svg", chart))
    return _Plan(outputs, feeds)


def _resolved_json(resolved: ResolvedTimeline, path: Path) -> None:
    """Write ``resolved.json``."""
    path.write_text(resolved.dumps() + "\n", encoding="utf-8")


def _write_feeds(
    resolved: ResolvedTimeline,
    plan: _Plan,
    kept: set[str],
    staging: Path,
    options: FeedOptions,
    history: dict[str, Revision],
) -> dict[str, Revision]:
    """Write the feeds not kept into *staging*; the history with their revisions."""
    from ._export.ical import write_feeds

    stale = {category: staging / name for name, category in plan.feeds.items() if name not in kept}
    if not stale:
        return history
    # Feeds are written together: each event is rendered once for all of them.
    # The history is written by the caller, once the set is published.
    return write_feeds(resolved, stale, options=options, state=None, history=history)


def _draw_combined_chart(
    resolved: ResolvedTimeline, kept: set[str], staging: Path, lang: str = "en"
) -> None:
    """Draw the combined chart's SVG and PNG, those not kept, into *staging*."""
    from ._export.chart.figure import save_charts

    # The combined chart is drawn once for its SVG and its PNG.
    charts = [
        staging / name for name in (f"{CHART_NAME}.svg", f"{CHART_NAME}.png") if name not in kept
    ]
    if charts:
        save_charts(resolved, charts, lang=lang)


def _chart(category: str, resolved: ResolvedTimeline, path: Path, *, lang: str = "en") -> None:
    """Draw the SVG chart of one category into *path*."""
    from ._export.chart.figure import save_charts

    save_charts(resolved, [path], categories=[category], lang=lang)
