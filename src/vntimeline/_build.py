"""The main job: validate, resolve, and write every output into one folder.

Everything is first written into a staging folder beside the target; only
when every output succeeded are the files moved into place (each move is an
atomic rename), so a failed build leaves the previous outputs untouched.

A build of unchanged data keeps the outputs the last build wrote, and one
that must render some outputs again reuses the timeline it loaded, both
through the cache in ``<out>/.vntimeline-cache`` (see :mod:`vntimeline._cache`).
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import attrs

from ._load.loader import load
from ._resolve.resolver import resolve
from .errors import ExportError

if TYPE_CHECKING:
    from ._export.ical import FeedOptions
    from ._model.resolved import ResolvedTimeline

__all__ = ["build"]

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
    combined chart (SVG and PNG) and one SVG chart per category. Outputs the
    last build into *out* wrote from the same inputs and options are kept as
    they are.
    """
    from ._cache import BuildCache
    from ._export.ical import STATE_FILENAME, FeedOptions

    target = Path(out)
    # The feed state (per-event SEQUENCE) lives beside the published feeds,
    # not in the staging folder, so it survives from one build to the next.
    state = target / STATE_FILENAME
    options = options or FeedOptions()
    # The options shape the feeds: a build with other options keeps none of them.
    cache = BuildCache(Path(data), target, variant=repr(attrs.evolve(options, state_file=None)))
    options = attrs.evolve(options, state_file=state)
    unchanged = cache.complete(state)
    if unchanged is not None:
        return [target / name for name in unchanged]

    timeline = cache.timeline()
    loaded = timeline is None
    if timeline is None:
        timeline = load(data)
    resolved = resolve(timeline)
    staging = _staging(target)
    try:
        plan = _plan(resolved, timeline.categories)
        kept = cache.kept(plan.names, state)
        _write_feeds(resolved, plan, kept, staging, options)
        _draw_combined_chart(resolved, kept, staging)
        for name, render in plan.outputs:
            if name not in kept and render is not None:
                render(staging / name)
        written = _move_into_place(plan.names, kept, staging, target)
        cache.save(timeline, plan.names, state, loaded=loaded)
        return written
    except OSError as exc:
        raise ExportError(f"cannot write to {target}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


class _Plan(NamedTuple):
    """The outputs of a build: every file's name, and how each is written."""

    #: Each output's name, and what renders it alone (None: written with others).
    outputs: list[tuple[str, Callable[[Path], object] | None]]
    #: Each feed's name and its category (None for the combined feed).
    feeds: dict[str, str | None]

    @property
    def names(self) -> list[str]:
        """Every output's name, in the order the build returns them."""
        return [name for name, _ in self.outputs]


def _plan(resolved: ResolvedTimeline, categories: Iterable[str]) -> _Plan:
    """What a build of *resolved* writes."""
    from ._export.ical import feed_filename

    feeds: dict[str, str | None] = {feed_filename(None): None}
    outputs: list[tuple[str, Callable[[Path], object] | None]] = [
        (
            RESOLVED_JSON,
            lambda path: path.write_text(resolved.dumps() + "\n", encoding="utf-8"),
        ),
        (feed_filename(None), None),
        (f"{CHART_NAME}.svg", None),
        (f"{CHART_NAME}.png", None),
    ]
    for category in categories:
        feeds[feed_filename(category)] = category
        outputs.append((feed_filename(category), None))
        outputs.append(
            (
                f"{CHART_NAME}-{category}.svg",
                functools.partial(_chart, resolved, category=category),
            )
        )
    return _Plan(outputs, feeds)


def _staging(target: Path) -> Path:
    """A new staging folder inside *target* (made if needed)."""
    try:
        target.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".vntimeline-build-", dir=target))
    except OSError as exc:
        raise ExportError(f"cannot write to {target}: {exc.strerror or exc}") from exc


def _write_feeds(
    resolved: ResolvedTimeline, plan: _Plan, kept: set[str], staging: Path, options: FeedOptions
) -> None:
    """Write the feeds not kept into *staging*, continuing the SEQUENCE numbers in the state."""
    from ._export.ical import write_feeds

    stale = {category: staging / name for name, category in plan.feeds.items() if name not in kept}
    if stale and options.state_file is not None:
        # Feeds are written together: each event is rendered once for all of them.
        write_feeds(resolved, stale, options=options, state=options.state_file)


def _draw_combined_chart(resolved: ResolvedTimeline, kept: set[str], staging: Path) -> None:
    """Draw the combined chart's SVG and PNG, those not kept, into *staging*."""
    from ._export.chart.figure import save_charts

    # The combined chart is drawn once for its SVG and its PNG.
    charts = [
        staging / name for name in (f"{CHART_NAME}.svg", f"{CHART_NAME}.png") if name not in kept
    ]
    if charts:
        save_charts(resolved, charts)


def _move_into_place(names: list[str], kept: set[str], staging: Path, target: Path) -> list[Path]:
    """Move each new output from *staging* into *target* (atomic renames); every output's path."""
    written = []
    for name in names:
        final = target / name
        if name not in kept:
            (staging / name).replace(final)
        written.append(final)
    return written


def _chart(resolved: ResolvedTimeline, path: Path, *, category: str) -> None:
    """Draw the SVG chart of one category into *path*."""
    from ._export.chart.figure import save_charts

    save_charts(resolved, [path], categories=[category])
