"""The ``vntimeline-subscribe`` directive: a block with the webcal and https links to a feed."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..errors import VntimelineError
from .links import feed_category, link_placeholder

__all__ = ["SubscribeDirective"]


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
            category = feed_category(self.env, self.arguments[0] if self.arguments else "")
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
        webcal += link_placeholder(category, "webcal", "Subscribe (webcal)", ["vntimeline-button"])
        webcal += nodes.Text(" \N{EM DASH} opens your calendar app to subscribe")
        links += nodes.list_item("", webcal)
        intro = (
            "Or give your calendar app the feed\u2019s address "
            "(Google Calendar: \u201cFrom URL\u201d):"
        )
        address = nodes.paragraph(classes=["vntimeline-feed-address"])
        address += link_placeholder(category, "https", None)
        links += nodes.list_item("", nodes.paragraph(intro, intro), address)
        box += links
        return [box]
