"""The interactive timeline: one self-contained HTML file (``vntimeline html``).

Theory
------
The page is small hand-written SVG and JavaScript, inline, with the data as
JSON beside them (:mod:`.page`); no library, no build step, no request. A
library such as vis-timeline would add about 500 KB of script and style, and
still draw none of what the chart draws (uncertainty bands, conflicts,
bounded ranges, open sides); the drawing here is the chart's own geometry
(:mod:`vntimeline._export.chart.marks`, pure Python) sent to the browser.

Python decides everything a reader sees in words (dates, statuses, labels,
in ``en``, ``vi`` or ``nl``) and where each event goes (its lane and row,
:mod:`.data`); the script only scales x to the view, draws what is in view
and shows the panel of sources and quotes for the event in focus. Each
drawn event is an element with ``data-event-id``, ``tabindex="0"``,
``role="button"`` and an ``aria-label`` with its title, date and status.
Zoomed far out over thousands of events, the script draws one path per lane
and mark type instead of one element per event (see ``static/setup.js``).

The same input gives the same bytes: no time stamps; "today" is drawn by the
script from the reader's clock.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..._atomic import atomic_write
from .data import payload
from .options import DateLike, Options, check_options
from .page import natural_height, render_page

if TYPE_CHECKING:
    from ..._model.resolved import ResolvedTimeline

__all__ = ["Options", "check_options", "sized_html", "to_html", "write_html"]


def to_html(
    resolved: ResolvedTimeline,
    *,
    lang: str = "en",
    categories: Sequence[str] | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
    title: str | None = None,
) -> str:
    """The interactive timeline of *resolved* as one self-contained HTML document.

    *lang* (``en``, ``vi`` or ``nl``) is the language of dates and labels;
    *categories* the lanes, in order (default: every category,
    alphabetically); *since* and *until* (EDTF text, a ``datetime.date`` or a
    :class:`~vntimeline.PartialDate`) the period shown at first, leaving out
    events wholly outside it; *title* the page's heading (default: the
    timeline's name). Bad options raise :class:`~vntimeline.errors.OptionError`
    or :class:`~vntimeline.errors.DateError` saying what was expected.
    """
    return sized_html(
        resolved, lang=lang, categories=categories, since=since, until=until, title=title
    )[0]


def sized_html(
    resolved: ResolvedTimeline,
    *,
    lang: str = "en",
    categories: Sequence[str] | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
    title: str | None = None,
) -> tuple[str, int]:
    """:func:`to_html`, and the height in CSS pixels the page needs to show without scrolling.

    The height is what a frame that embeds the page should be (the Sphinx
    directive's default): the lanes' rows are known here, the width is not,
    so a legend that wraps on a narrow screen may still need a scroll.
    """
    options = check_options(
        resolved, lang=lang, categories=categories, since=since, until=until, title=title
    )
    data = payload(resolved, options)
    return render_page(data), natural_height(data)


def write_html(
    resolved: ResolvedTimeline,
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
    categories: Sequence[str] | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
    title: str | None = None,
) -> None:
    """Write :func:`to_html` to *path* (UTF-8), atomically: never half a file."""
    page = to_html(
        resolved, lang=lang, categories=categories, since=since, until=until, title=title
    )
    atomic_write(path, page)
