"""Publish the iCalendar feeds with the HTML output, and say where they are.

At the end of an HTML build (``build-finished``) the combined feed and one
feed per category of the project's data file are written into
``<output>/feeds/`` (the folder is ``vntimeline_feed_dir``), with the
``vntimeline_feed_options``. Their change-tracking state is kept beside the
doctrees, never published (see ``docs/explanation/feeds.rst``), and starts
from the data file's own history (``<stem>.feed-state.json`` beside it, which
``vntimeline build`` keeps and the project commits): a docs build in a fresh
checkout, with no doctrees yet, continues the committed numbers instead of
starting every event at ``SEQUENCE:0`` again. The docs build only reads the
data's history, never writes it: the feeds it publishes may be rendered with
other options than the command line's, and two writers of one history would
raise each other's numbers in turn. Pages link to the feeds through
:mod:`.links`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
from sphinx.util import logging

from ..errors import VntimelineError
from .data import default_path, resolved_file

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .._export.ical import FeedOptions

__all__ = ["STATE_NAME", "absolute_feed_url", "feed_dir", "feed_options", "write_feeds"]

logger = logging.getLogger(__name__)

#: Where the feed's change-tracking state is kept: beside the doctrees, never published.
STATE_NAME: Final = "vntimeline-feed-state.json"


def feed_dir(app: Sphinx) -> str:
    """The output folder of the feeds, relative to the HTML output, without slashes."""
    return str(app.config.vntimeline_feed_dir).strip("/") or "feeds"


def absolute_feed_url(app: Sphinx, name: str) -> str | None:
    """The feed's absolute https URL when ``html_baseurl`` is set."""
    base = str(getattr(app.config, "html_baseurl", "") or "")
    if not base:
        return None
    return f"{base.rstrip('/')}/{feed_dir(app)}/{name}"


def feed_options(app: Sphinx) -> FeedOptions:
    """``vntimeline_feed_options`` with the state file beside the doctrees and the public URL.

    The public URL comes from ``html_baseurl`` unless the options give one
    (with neither, the data file's ``url``); the feeds' name is the data
    file's ``name`` unless the options give one.
    """
    from .._export.ical import FeedOptions

    options = app.config.vntimeline_feed_options or FeedOptions()
    if not isinstance(options, FeedOptions):
        raise VntimelineError(
            "vntimeline_feed_options must be a vntimeline.FeedOptions, "
            f"got {type(options).__name__}"
        )
    changes: dict[str, Any] = {}
    if options.track_changes and options.state_file is None:
        changes["state_file"] = Path(app.doctreedir) / STATE_NAME
    base = absolute_feed_url(app, "")
    if options.public_url is None and base is not None:
        changes["public_url"] = base
    return attrs.evolve(options, **changes) if changes else options


def write_feeds(app: Sphinx, exception: BaseException | None) -> None:
    """Write the combined and per-category feeds into the HTML output (``build-finished``)."""
    if exception is not None or app.builder.format != "html" or not app.config.vntimeline_feeds:
        return
    from .._export.ical import FEED_BASENAME, feed_filename, write_ical

    path = default_path(app.env)
    try:
        resolved = resolved_file(path)
        options = feed_options(app)
        _continue_history(options, path)
        folder = Path(app.outdir) / feed_dir(app)
        written = {feed_filename(None)}
        write_ical(resolved, folder / feed_filename(None), options=options)
        for category in resolved.timeline.categories:
            written.add(feed_filename(category))
            write_ical(
                resolved, folder / feed_filename(category), category=category, options=options
            )
    except (VntimelineError, OSError) as exc:
        logger.warning(
            "vntimeline: cannot publish the feeds: %s", exc, type="vntimeline", subtype="feed"
        )
        return
    # A category that left the data must not leave its old feed behind.
    for old in folder.glob(f"{FEED_BASENAME}*.ics"):
        if old.name not in written:
            old.unlink(missing_ok=True)
    logger.info(
        "vntimeline: wrote %d feeds into %s", len(written), os.path.relpath(folder, app.outdir)
    )


def _continue_history(options: FeedOptions, data: str | os.PathLike[str]) -> None:
    """Merge the data file's committed feed history into the docs' own state file.

    Merging keeps each event's furthest revision, so it can only raise a
    number, never lower one; the data's history itself is left as it is.
    """
    from .._export.ical.state import feed_state_path, read_history, save_history

    state = options.state_file
    if not options.track_changes or state is None:
        return
    committed = feed_state_path(data)
    if Path(state).resolve() == committed.resolve() or not committed.is_file():
        return
    Path(state).parent.mkdir(parents=True, exist_ok=True)
    save_history(state, read_history([state, committed]))  # unchanged: not rewritten
