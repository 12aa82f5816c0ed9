"""Sphinx extension: charts, event tables and feeds rendered from the data at build time.

Add it to a project's ``conf.py``::

    extensions = ["vntimeline.sphinx"]
    vntimeline_data = "../data/events.yaml"   # optional; default: the bundled dataset

Directives
    ``vntimeline-chart``       the Gantt chart (SVG, with a PNG fallback)
    ``vntimeline-events``      a table of events: date, status, title, sources
    ``vntimeline-conflicts``   the disputed dates and the resolver's explanations
    ``vntimeline-subscribe``   webcal and https links to a feed
    ``vntimeline-timeline``    the interactive timeline (HTML), the chart as its fallback

Roles
    ``vntimeline-feed``, ``vntimeline-webcal``   a link to a feed (``all`` or a category)

Settings
    ``vntimeline_data``          the default data file, relative to ``conf.py``
    ``vntimeline_feeds``         publish the feeds with HTML output (default ``True``)
    ``vntimeline_feed_dir``      their folder in the output (default ``"feeds"``)
    ``vntimeline_feed_options``  a :class:`vntimeline.FeedOptions` for them
    ``vntimeline_lang``          the charts' and tables' language: ``en`` (default), ``vi``, ``nl``

Every data file a page uses is a dependency of that page, so editing it
rebuilds the page; the extension is safe for parallel reading and writing.

This module only registers the pieces: each directive has its module
(:mod:`.chart`, :mod:`.events`, :mod:`.conflicts`, :mod:`.subscribe`), the
roles and links are in :mod:`.links`, the published feeds in :mod:`.feeds`,
and :mod:`.data`, :mod:`.tables` and :mod:`.text` hold what they share.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .. import __version__
from .assets import copy_static_files
from .chart import ChartDirective
from .conflicts import ConflictsDirective
from .data import remember_default_path
from .events import EventsDirective
from .feeds import write_feeds
from .ids import UniqueIds
from .links import (
    FeedRole,
    depart_feed_link_text,
    feed_link,
    resolve_feed_links,
    visit_feed_link_text,
)
from .subscribe import SubscribeDirective
from .timeline import (
    TimelineDirective,
    depart_timeline_html,
    skip_timeline,
    timeline_node,
    visit_timeline_html,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__all__ = ["ConflictsDirective", "EventsDirective", "setup"]


def _add_config_values(app: Sphinx) -> None:
    """The extension's settings (``vntimeline_*`` in ``conf.py``)."""
    from .._export.ical import FeedOptions

    app.add_config_value(
        "vntimeline_data",
        None,
        "env",
        types=frozenset({str, os.PathLike, type(None)}),
        description="the default data file, relative to conf.py",
    )
    app.add_config_value(
        "vntimeline_feeds",
        True,
        "html",
        types=frozenset({bool}),
        description="publish the feeds with HTML output",
    )
    app.add_config_value(
        "vntimeline_feed_dir",
        "feeds",
        "html",
        types=frozenset({str}),
        description="the folder of the feeds in the HTML output",
    )
    app.add_config_value(
        "vntimeline_feed_options",
        None,
        "html",
        types=frozenset({FeedOptions, type(None)}),
        description="a vntimeline.FeedOptions for the published feeds",
    )
    app.add_config_value(
        "vntimeline_lang",
        "en",
        "env",
        types=frozenset({str}),
        description="the language of the charts and tables: en, vi or nl",
    )


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives, roles and settings of the extension."""
    _add_config_values(app)
    app.add_directive("vntimeline-chart", ChartDirective)
    app.add_directive("vntimeline-events", EventsDirective)
    app.add_directive("vntimeline-conflicts", ConflictsDirective)
    app.add_directive("vntimeline-subscribe", SubscribeDirective)
    app.add_directive("vntimeline-timeline", TimelineDirective)
    skip = (skip_timeline, skip_timeline)
    app.add_node(
        timeline_node,
        html=(visit_timeline_html, depart_timeline_html),
        latex=skip,
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.add_post_transform(UniqueIds)
    app.add_role("vntimeline-feed", FeedRole("https"))
    app.add_role("vntimeline-webcal", FeedRole("webcal"))
    fallback = (visit_feed_link_text, depart_feed_link_text)
    app.add_node(
        feed_link, html=fallback, latex=fallback, text=fallback, man=fallback, texinfo=fallback
    )
    app.add_js_file("vntimeline.js", loading_method="defer")
    app.add_css_file("vntimeline.css")
    # Two listeners, run in this order: the default data file first, then the assets.
    app.connect("builder-inited", remember_default_path)
    app.connect("builder-inited", copy_static_files)
    app.connect("doctree-resolved", resolve_feed_links)
    app.connect("build-finished", write_feeds)
    return {
        "version": __version__,
        # 2: the feed_link node moved to vntimeline.sphinx.links, so doctrees
        # pickled before cannot be read; a new version makes Sphinx read every page again.
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
