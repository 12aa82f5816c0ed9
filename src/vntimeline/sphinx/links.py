"""Links to the feeds: the placeholder node and the ``vntimeline-feed``/``-webcal`` roles.

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

from typing import TYPE_CHECKING, Any, Final, Literal

from docutils import nodes
from sphinx.util.docutils import ReferenceRole
from sphinx.util.osutil import relative_uri

from ..errors import VntimelineError
from .data import check_known, resolved_timeline
from .feeds import absolute_feed_url, feed_dir

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = [
    "FeedRole",
    "Scheme",
    "depart_feed_link_text",
    "feed_category",
    "feed_link",
    "link_placeholder",
    "resolve_feed_links",
    "visit_feed_link_text",
]

Scheme = Literal["https", "webcal"]
#: The word that names the combined feed in a role (``:vntimeline-feed:`all```).
ALL: Final = "all"


class feed_link(nodes.General, nodes.Inline, nodes.Element):  # noqa: N801 (docutils naming)
    """A link to a feed, made into a reference once the page's address is known."""


def feed_category(env: BuildEnvironment, name: str) -> str | None:
    """Check that *name* (``all`` or a category of the default data) exists; None for all."""
    if name in ("", ALL):
        return None
    resolved = resolved_timeline(env, None)
    check_known("category", (name,), resolved.timeline.categories)
    return name


def link_placeholder(
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
            category = feed_category(self.env, self.target.strip())
        except VntimelineError as exc:
            message = self.inliner.reporter.error(f"{self.name}: {exc}", line=self.lineno)
            problem = self.inliner.problematic(self.rawtext, self.rawtext, message)
            return [problem], [message]
        text = self.title if self.has_explicit_title else None
        return [link_placeholder(category, self.scheme, text)], []


def resolve_feed_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Turn every feed placeholder of the page into a reference (``doctree-resolved``)."""
    from .._export.ical import feed_filename

    for node in list(doctree.findall(feed_link)):
        name = feed_filename(node["category"])
        absolute = absolute_feed_url(app, name)
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


def visit_feed_link_text(self: Any, node: feed_link) -> None:
    """Fallback for builders that skip ``doctree-resolved``: the link's text only."""


def depart_feed_link_text(self: Any, node: feed_link) -> None:
    """Nothing to close."""
