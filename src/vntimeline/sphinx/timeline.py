"""The ``vntimeline-timeline`` directive: the interactive timeline, with the chart as fallback.

The page of :func:`vntimeline.to_html` is embedded whole, as the ``srcdoc``
of an ``<iframe>``: its style and script then cannot touch the theme's, nor
the theme's touch them, its ids cannot clash with the page's, and it is the
very page ``vntimeline html`` writes (tested once, for both). It needs no
file of its own and makes no request. The frame is as tall as the lanes
need (``:height:`` overrides it).

The static chart of ``vntimeline-chart`` (the same options) is the
fallback: in HTML inside ``<noscript>``, which also hides the frame, so a
reader without JavaScript sees the chart instead of an empty frame; every
other builder (LaTeX, text, man, Texinfo) shows only the chart.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING, Any, ClassVar, Final

from docutils import nodes

from .._locale import label
from .._model.dates import PartialDate
from ..errors import VntimelineError
from .chart import ChartDirective
from .data import check_known, page_lang, parse_list, resolved_timeline

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from .._model.resolved import ResolvedTimeline

__all__ = [
    "TimelineDirective",
    "depart_timeline_html",
    "skip_timeline",
    "timeline_node",
    "visit_timeline_html",
]

#: A CSS length: a number with a unit (or none, meaning pixels).
_LENGTH: Final = re.compile(r"(\d+(?:\.\d+)?)(px|em|rem|vh|%)?")


def _height(argument: str) -> str:
    """The ``:height:`` option: a CSS length such as ``480px``, ``30em`` or ``60vh``."""
    found = _LENGTH.fullmatch((argument or "").strip())
    if found is None or float(found.group(1)) <= 0:
        raise ValueError(f"expected a height such as 480px, 30em or 70vh, got {argument!r}")
    return found.group(1) + (found.group(2) or "px")


class timeline_node(nodes.General, nodes.Element):  # noqa: N801  (docutils names nodes so)
    """The interactive timeline around its fallback chart (the node's children)."""


class TimelineDirective(ChartDirective):
    """``.. vntimeline-timeline::`` the interactive timeline, the chart as its fallback."""

    option_spec: ClassVar[dict[str, Any]] = {
        **ChartDirective.option_spec,
        "height": _height,
    }

    def run(self) -> list[nodes.Node]:
        """Build the page, then the fallback chart, and wrap both in a :class:`timeline_node`."""
        try:
            lang = page_lang(self.env, self.options.get("lang"))
            resolved = resolved_timeline(self.env, self.options.get("data"))
            categories = parse_list(self.options.get("categories"))
            check_known("category", categories, resolved.timeline.categories)
            for option in ("since", "until"):
                if self.options.get(option):
                    PartialDate.parse(self.options[option])
            page, height = self._page(resolved, categories, lang)
        except (VntimelineError, ValueError) as exc:
            raise self.error(f"vntimeline-timeline: {exc}") from None
        name = self.options.pop("name", None)
        node = timeline_node(
            srcdoc=page,
            height=self.options.get("height", f"{height}px"),
            title=f"{label('timeline', lang)}: "
            f"{self.options.get('title') or resolved.timeline.display_name}",
            classes=["vntimeline-timeline", *self.options.get("class", [])],
        )
        if name is not None:  # the name goes on the wrapper, not the fallback inside it
            self.options["name"] = name
            self.add_name(node)
            self.options.pop("name", None)
        # The fallback is the chart directive's own output (an image, or a figure).
        fallback = super().run()
        node.extend(n for n in fallback if not isinstance(n, nodes.system_message))
        return [node, *(n for n in fallback if isinstance(n, nodes.system_message))]

    def _page(
        self, resolved: ResolvedTimeline, categories: tuple[str, ...], lang: str
    ) -> tuple[str, int]:
        """The page and its height, for the directive's options."""
        from .._export.html import sized_html

        return sized_html(
            resolved,
            lang=lang,
            categories=list(categories) or None,
            since=self.options.get("since") or None,
            until=self.options.get("until") or None,
            title=self.options.get("title") or None,
        )


def visit_timeline_html(self: HTML5Translator, node: timeline_node) -> None:
    """Open the frame and the ``<noscript>`` that holds the fallback chart."""
    ids = f' id="{escape(node["ids"][0])}"' if node["ids"] else ""
    more = "".join(f'<span id="{escape(i)}"></span>' for i in node["ids"][1:])
    classes = escape(" ".join(node["classes"]))
    self.body.append(
        f'<div class="{classes}"{ids}>{more}'
        f'<iframe class="vntimeline-timeline-frame" title="{escape(node["title"])}" '
        f'style="height: {escape(node["height"])}" srcdoc="{escape(node["srcdoc"])}">'
        "</iframe><noscript><style>.vntimeline-timeline-frame{display:none}</style>"
    )


def depart_timeline_html(self: HTML5Translator, node: timeline_node) -> None:
    """Close the ``<noscript>`` and the wrapper."""
    self.body.append("</noscript></div>\n")


def skip_timeline(self: Any, node: timeline_node) -> None:
    """For builders other than HTML: nothing of its own, only the fallback chart inside."""
