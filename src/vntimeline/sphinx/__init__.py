"""Sphinx extension: charts, event tables and feeds rendered from the data at build time.

Add it to a project's ``conf.py``::

    extensions = ["vntimeline.sphinx"]
    vntimeline_data = "../data/events.yaml"   # optional; default: the bundled dataset

Directives
    ``vntimeline-chart``       the Gantt chart (SVG, with a PNG fallback)
    ``vntimeline-events``      a table of events: date, status, title, sources
    ``vntimeline-conflicts``   the disputed dates and the resolver's explanations
    ``vntimeline-subscribe``   webcal and https links to a feed

Roles
    ``vntimeline-feed``, ``vntimeline-webcal``   a link to a feed (``all`` or a category)

Settings
    ``vntimeline_data``          the default data file, relative to ``conf.py``
    ``vntimeline_feeds``         publish the feeds with HTML output (default ``True``)
    ``vntimeline_feed_dir``      their folder in the output (default ``"feeds"``)
    ``vntimeline_feed_options``  a :class:`vntimeline.FeedOptions` for them

Every data file a page uses is a dependency of that page, so editing it
rebuilds the page; the extension is safe for parallel reading and writing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Final

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.fileutil import copy_asset_file

from .. import __version__
from .._model.resolved import STATUSES, ResolvedEvent, ResolvedTimeline
from ..errors import VntimelineError
from .chart import ChartDirective
from .data import check_known, parse_list, remember_default_path, resolved_timeline
from .feeds import (
    FeedRole,
    SubscribeDirective,
    depart_feed_link_text,
    feed_link,
    resolve_feed_links,
    visit_feed_link_text,
    write_feeds,
)
from .tables import conflicts_table, events_table, sorted_by_date

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__all__ = ["ConflictsDirective", "EventsDirective", "setup"]

STATIC_DIR: Final = Path(__file__).parent / "static"
DISPUTED: Final = ("reconciled", "conflict")


def _sort(argument: str) -> str:
    return str(directives.choice(argument, ("date", "file")))


class _TableDirective(SphinxDirective):
    """What the two table directives share: the data file and the event filters."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "data": directives.unchanged,
        "categories": directives.unchanged,
        "category": directives.unchanged,
        "status": directives.unchanged,
        "events": directives.unchanged,
        "sort": _sort,
        "caption": directives.unchanged,
        "class": directives.class_option,
        "name": directives.unchanged,
    }
    #: The statuses shown when the ``:status:`` option is not given.
    statuses: ClassVar[tuple[str, ...]] = STATUSES

    def select(self, resolved: ResolvedTimeline) -> list[ResolvedEvent]:
        """The events the options ask for, sorted as asked."""
        categories = parse_list(self.options.get("categories")) + parse_list(
            self.options.get("category")
        )
        check_known("category", categories, resolved.timeline.categories)
        statuses = parse_list(self.options.get("status")) or self.statuses
        check_known("status", statuses, self.statuses)
        ids = parse_list(self.options.get("events"))
        check_known("event", ids, tuple(r.id for r in resolved))
        chosen = [
            r
            for r in resolved
            if (not categories or r.category in categories)
            and r.status in statuses
            and (not ids or r.id in ids)
        ]
        if self.options.get("sort", "date") == "date":
            return sorted_by_date(chosen)
        return chosen

    def run(self) -> list[nodes.Node]:
        """Build the table (or a sentence when no event matches)."""
        try:
            resolved = resolved_timeline(self.env, self.options.get("data"))
            events = self.select(resolved)
        except VntimelineError as exc:
            raise self.error(f"{self.name}: {exc}") from None
        if not events:
            para = nodes.paragraph(
                self.empty, self.empty, classes=["vntimeline-empty", *self.options.get("class", [])]
            )
            return [para]
        table = self.table(resolved, events)
        table["classes"] += self.options.get("class", [])
        self.add_name(table)
        return [table, *self.notes(resolved, events)]

    #: The sentence shown when no event matches.
    empty: ClassVar[str] = "No events match."

    def table(self, resolved: ResolvedTimeline, events: list[ResolvedEvent]) -> nodes.table:
        """The table of *events*."""
        raise NotImplementedError

    def notes(self, resolved: ResolvedTimeline, events: list[ResolvedEvent]) -> list[nodes.Node]:
        """Anything shown below the table."""
        return []


class EventsDirective(_TableDirective):
    """``.. vntimeline-events::`` a table of events, filterable by category, status and id."""

    def table(self, resolved: ResolvedTimeline, events: list[ResolvedEvent]) -> nodes.table:
        """The events table."""
        return events_table(resolved, events, title=self.options.get("caption"))


class ConflictsDirective(_TableDirective):
    """``.. vntimeline-conflicts::`` the disputed dates, with the resolver's explanations."""

    statuses = DISPUTED
    empty = "No disputed dates: every source agrees, or only one source dates each event."

    def table(self, resolved: ResolvedTimeline, events: list[ResolvedEvent]) -> nodes.table:
        """The disputed-dates table."""
        return conflicts_table(resolved, events, title=self.options.get("caption"))

    def notes(self, resolved: ResolvedTimeline, events: list[ResolvedEvent]) -> list[nodes.Node]:
        """The order constraints the data breaks, if any."""
        if not resolved.violations:
            return []
        intro = "Order constraints that dated events break:"
        items = nodes.bullet_list()
        for violation in resolved.violations:
            items += nodes.list_item("", nodes.paragraph(str(violation), str(violation)))
        return [nodes.paragraph(intro, intro, classes=["vntimeline-violations"]), items]


def _builder_inited(app: Sphinx) -> None:
    """Remember the default data file; give HTML output the script and stylesheet."""
    remember_default_path(app)
    if app.builder.format == "html":
        # Copied here rather than added to html_static_path: changing a
        # setting would make every build report a changed configuration.
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        for asset in sorted(STATIC_DIR.iterdir()):
            copy_asset_file(asset, static / asset.name, force=True)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives, roles and settings of the extension."""
    from .._export.ical.feed import FeedOptions

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
    app.add_directive("vntimeline-chart", ChartDirective)
    app.add_directive("vntimeline-events", EventsDirective)
    app.add_directive("vntimeline-conflicts", ConflictsDirective)
    app.add_directive("vntimeline-subscribe", SubscribeDirective)
    app.add_role("vntimeline-feed", FeedRole("https"))
    app.add_role("vntimeline-webcal", FeedRole("webcal"))
    fallback = (visit_feed_link_text, depart_feed_link_text)
    app.add_node(
        feed_link, html=fallback, latex=fallback, text=fallback, man=fallback, texinfo=fallback
    )
    app.add_js_file("vntimeline.js", loading_method="defer")
    app.add_css_file("vntimeline.css")
    app.connect("builder-inited", _builder_inited)
    app.connect("doctree-resolved", resolve_feed_links)
    app.connect("build-finished", write_feeds)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
