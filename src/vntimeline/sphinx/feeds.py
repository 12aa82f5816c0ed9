"""Feeds in the docs: publish the iCalendar feeds with the HTML, and link to them.

At the end of an HTML build the combined feed and one feed per category of
the project's data file are written into ``<output>/feeds/`` (the folder is
``vntimeline_feed_dir``). Pages link to them with the ``vntimeline-subscribe``
directive or the ``vntimeline-feed`` (https) and ``vntimeline-webcal`` roles.

A link is a placeholder node while the page is read and becomes a real
reference once the page's output address is known (``doctree-resolved``):

* with ``html_baseurl`` set, links are absolute: ``https://host/docs/feeds/…``
  and ``webcal://host/docs/feeds/…``;
* without it, links are relative to the page, and a small script turns the
  webcal link into ``webcal://<the host serving the page>/…`` (and shows the
  feed's full address) when the page is viewed over http(s). Without the
  script, or from a local file, the link still downloads the feed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import ReferenceRole, SphinxDirective
from sphinx.util.osutil import relative_uri

from ..errors import VntimelineError
from .data import check_known, default_path, resolved_file, resolved_timeline

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .._export.ical.feed import FeedOptions

__all__ = [
    "FeedRole",
    "SubscribeDirective",
    "feed_link",
    "resolve_feed_links",
    "write_feeds",
]

logger = logging.getLogger(__name__)

Scheme = Literal["https", "webcal"]
#: Where the feed's change-tracking state is kept: beside the doctrees, never published.
STATE_NAME: Final = "vntimeline-feed-state.json"
#: The word that names the combined feed in a role (``:vntimeline-feed:`all```).
ALL: Final = "all"


class feed_link(nodes.General, nodes.Inline, nodes.Element):  # noqa: N801 (docutils naming)
    """A link to a feed, made into a reference once the page's address is known."""


def _category(env: BuildEnvironment, name: str) -> str | None:
    """Check that *name* (``all`` or a category of the default data) exists; None for all."""
    if name in ("", ALL):
        return None
    resolved = resolved_timeline(env, None)
    check_known("category", (name,), resolved.timeline.categories)
    return name


def _link(
    category: str | None, scheme: Scheme, text: str | None, classes: list[str] | None = None
) -> feed_link:
    """A placeholder for a link to *category*'s feed; *text* None shows the address."""
    node = feed_link("", category=category, scheme=scheme, classes=classes or [])
    node["show_url"] = text is None
    node += nodes.Text(text or "")
    return node


class FeedRole(ReferenceRole):
    """``:vntimeline-feed:`policy``` links a feed over https, ``:vntimeline-webcal:`` by webcal.

    The target is a category or ``all`` (the combined feed); ``Title <policy>``
    sets the link text, which is otherwise the feed's address.
    """

    def __init__(self, scheme: Scheme) -> None:
        super().__init__()
        self.scheme: Scheme = scheme

    def run(self) -> tuple[list[Node], list[system_message]]:
        """Return the placeholder link, or an error if the category is unknown."""
        try:
            category = _category(self.env, self.target.strip())
        except VntimelineError as exc:
            message = self.inliner.reporter.error(f"{self.name}: {exc}", line=self.lineno)
            problem = self.inliner.problematic(self.rawtext, self.rawtext, message)
            return [problem], [message]
        text = self.title if self.has_explicit_title else None
        return [_link(category, self.scheme, text)], []


class SubscribeDirective(SphinxDirective):
    """``.. vntimeline-subscribe:: [category]``: the webcal and https links to a feed.

    The directive's content, if any, replaces the sentence that introduces the
    links.
    """

    has_content = True
    optional_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        """Return a block with the two links."""
        try:
            category = _category(self.env, self.arguments[0] if self.arguments else "")
        except VntimelineError as exc:
            raise self.error(f"vntimeline-subscribe: {exc}") from None
        box = nodes.container(classes=["vntimeline-subscribe", *self.options.get("class", [])])
        if self.content:
            box += self.parse_content_to_nodes()
        else:
            what = "the timeline" if category is None else f"the {category} events"
            intro = f"Subscribe to {what} in your calendar app, and it stays up to date:"
            box += nodes.paragraph(intro, intro)
        links = nodes.bullet_list(classes=["vntimeline-subscribe-links"])
        webcal = nodes.paragraph()
        webcal += _link(category, "webcal", "Subscribe (webcal)", ["vntimeline-button"])
        webcal += nodes.Text(" \N{EM DASH} opens your calendar app to subscribe")
        links += nodes.list_item("", webcal)
        intro = (
            "Or give your calendar app the feed\u2019s address "
            "(Google Calendar: \u201cFrom URL\u201d):"
        )
        address = nodes.paragraph(classes=["vntimeline-feed-address"])
        address += _link(category, "https", None)
        links += nodes.list_item("", nodes.paragraph(intro, intro), address)
        box += links
        return [box]


def feed_dir(app: Sphinx) -> str:
    """The output folder of the feeds, relative to the HTML output, without slashes."""
    return str(app.config.vntimeline_feed_dir).strip("/") or "feeds"


def _absolute(app: Sphinx, name: str) -> str | None:
    """The feed's absolute https URL when ``html_baseurl`` is set."""
    base = str(getattr(app.config, "html_baseurl", "") or "")
    if not base:
        return None
    return f"{base.rstrip('/')}/{feed_dir(app)}/{name}"


def resolve_feed_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Turn every feed placeholder of the page into a reference (``doctree-resolved``)."""
    from .._export.ical.feed import feed_filename

    for node in list(doctree.findall(feed_link)):
        name = feed_filename(node["category"])
        absolute = _absolute(app, name)
        classes = ["vntimeline-feed", f"vntimeline-{node['scheme']}", *node["classes"]]
        if absolute is not None:
            uri = absolute
            if node["scheme"] == "webcal":
                uri = "webcal://" + absolute.split("://", 1)[-1]
        elif app.builder.format == "html":
            uri = relative_uri(app.builder.get_target_uri(docname), f"{feed_dir(app)}/{name}")
        else:
            uri = ""
        if node["show_url"]:
            classes.append("vntimeline-feed-url")
        # A relative address means little to a reader: show the path from the
        # docs' root (the script replaces it with the full address when served).
        text = node.astext() or absolute or f"{feed_dir(app)}/{name}"
        if not uri:
            replacement: nodes.Node = nodes.literal(text, text, classes=classes)
        else:
            label: nodes.Node = nodes.literal(text, text) if node["show_url"] else nodes.Text(text)
            replacement = nodes.reference("", "", label, refuri=uri, classes=classes)
        node.replace_self(replacement)


def feed_options(app: Sphinx) -> FeedOptions:
    """``vntimeline_feed_options`` with the state file beside the doctrees and the public URL.

    The public URL comes from ``html_baseurl`` unless the options give one.
    """
    from .._export.ical.feed import FeedOptions

    options = app.config.vntimeline_feed_options or FeedOptions()
    if not isinstance(options, FeedOptions):
        raise VntimelineError(
            "vntimeline_feed_options must be a vntimeline.FeedOptions, "
            f"got {type(options).__name__}"
        )
    changes: dict[str, Any] = {}
    if options.track_changes and options.state_file is None:
        changes["state_file"] = Path(app.doctreedir) / STATE_NAME
    base = _absolute(app, "")
    if options.public_url is None and base is not None:
        changes["public_url"] = base
    return attrs.evolve(options, **changes) if changes else options


def write_feeds(app: Sphinx, exception: BaseException | None) -> None:
    """Write the combined and per-category feeds into the HTML output (``build-finished``)."""
    if exception is not None or app.builder.format != "html" or not app.config.vntimeline_feeds:
        return
    from .._export.ical.feed import FEED_BASENAME, feed_filename, write_ical

    path = default_path(app.env)
    try:
        resolved = resolved_file(path)
        options = feed_options(app)
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


def visit_feed_link_text(self: Any, node: feed_link) -> None:
    """Fallback for builders that skip ``doctree-resolved``: the link's text only."""


def depart_feed_link_text(self: Any, node: feed_link) -> None:
    """Nothing to close."""
