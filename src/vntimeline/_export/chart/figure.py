"""The Gantt chart of a resolved timeline (matplotlib, imported only when drawing).

Theory of operation
-------------------
1. **Options** (:mod:`vntimeline._export.chart.options`) are checked before
   matplotlib is imported, so a bad value fails fast with a message that
   says what was expected.
2. **Shapes** (:mod:`vntimeline._export.chart.marks`). Each dated event
   becomes a diamond (milestone) or a bar (span), plus the ranges its date
   may lie in, in matplotlib date units. An exact day is a filled diamond
   or the bar's end; anything wider (a month, a year, a reconciled range) is
   a light band with a hollow diamond, or a band at the bar's uncertain end.
   ``conflict`` ranges are hatched and ringed; ``bounded`` ranges (no dated
   claim, only order constraints) have dashed edges and run to the window's
   edge on an open side.
3. **Window** (:mod:`vntimeline._export.chart.layout`). ``since``/``until``
   (else the data's extent, padded) clip the shapes; events wholly outside
   are left out and counted.
4. **Rows** (:mod:`vntimeline._export.chart.labels`, placed lane by lane in
   :mod:`~vntimeline._export.chart.layout`). Labels are fitted and each
   lane's events stacked into rows, in points, so no two labels overlap and
   the figure grows with the content. Widths come from the font's unhinted
   advances (:mod:`~vntimeline._export.chart.measure`) and text is drawn
   unhinted (the figure class enforces it), so measured and drawn widths
   agree at every resolution.
5. **Drawing** uses one collection per lane and mark type (10,000 events
   are a few dozen artists; :mod:`~vntimeline._export.chart.draw`); labels
   are the only per-event artists. The frame (axes, lane names, "today")
   is :mod:`~vntimeline._export.chart.frame`; the title, legend and
   footnote around it are :mod:`~vntimeline._export.chart.page` (our own
   figure) or :mod:`~vntimeline._export.chart.hosted` (someone else's Axes).
   Colours of text and background detail follow the active matplotlib style
   (:mod:`~vntimeline._export.chart.theme`); a category's colour is the one
   passed in ``colors``, else the data's, else its place in the palette.

Everything is drawn on a :class:`matplotlib.figure.Figure` with an Agg
canvas, never pyplot: no global state, no display needed. ``save_chart``
writes files without a date and SVG with a fixed hash salt, so identical
input gives identical bytes.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..._atomic import atomic_path
from ...errors import OptionError
from .area import Area, chart_rc, label_width, lane_colours, make_area
from .draw import draw_lane
from .frame import draw_frame, draw_today
from .hosted import attach
from .layout import clip, lanes_shown, stack, window
from .legend import footnote_text, legend_handles
from .marks import Lane, shapes_by_lane, to_x
from .options import (
    DEFAULT_MAX_ROWS,
    DateLike,
    Options,
    check_dpi,
    check_options,
    formats_of,
    noon,
)
from .page import fit_page
from .theme import Theme, active_theme

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..._model.resolved import ResolvedTimeline

#: The settings charts are drawn and saved with (tests draw with them too).
_rc = chart_rc

__all__ = ["plot", "save_chart", "save_charts"]

#: Per format, the metadata key that would stamp the file with a date or version.
_NO_STAMP: Final = {"svg": "Date", "pdf": "CreationDate", "png": "Software"}


def plot(
    resolved: ResolvedTimeline,
    *,
    categories: Sequence[str] | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
    today: _dt.date | str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    width: float | None = None,
    height: float | None = None,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    colors: Mapping[str, str] | None = None,
    lang: str = "en",
) -> Figure:
    """Draw the timeline as a Gantt chart and return the ``Figure``.

    One lane per category (*categories* in the order given, default: all,
    alphabetically), named by its label, between *since* and *until* (EDTF
    text, PartialDate or date; default: the data's extent), with a "today"
    line on *today*. Without *ax*, makes a figure *width* inches wide
    (default 10) and as tall as the content, or *height* inches (the rows
    stretch or squeeze to fit). With *ax*, draws into that Axes and leaves the
    figure's size alone: the title, legend and lane names stay inside the
    Axes' box, or the figure's layout engine makes room for them. *max_rows*
    caps the rows per lane (``None``: no cap); beyond it crowded events keep
    their marks but lose their labels. *colors* maps categories to colours
    (any colour matplotlib reads), over the data's colours and the palette.
    Text follows the active matplotlib style's text colour. *lang* (``"en"``,
    ``"vi"`` or ``"nl"``) is the language of month names, the legend and the
    footnote.
    """
    options = check_options(
        resolved,
        categories=categories,
        since=since,
        until=until,
        today=today,
        title=title,
        width=width,
        height=height,
        max_rows=max_rows,
        colors=colors,
        lang=lang,
    )
    if ax is not None and options.height is not None:
        raise OptionError("height sets the size of a new figure: with ax, size its figure instead")
    with _rc():
        return _plot(resolved, options, ax)


def save_chart(
    resolved: ResolvedTimeline,
    path: str | os.PathLike[str],
    *,
    categories: Sequence[str] | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
    today: _dt.date | str | None = None,
    title: str | None = None,
    width: float | None = None,
    height: float | None = None,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    colors: Mapping[str, str] | None = None,
    dpi: float | None = None,
    lang: str = "en",
) -> Path:
    """Write the chart to *path* as SVG, PNG or PDF (by extension); return the path.

    Options as for :func:`plot`; *dpi* sets a PNG's resolution (default 150).
    The file is replaced atomically, and identical input gives identical bytes.
    """
    return save_charts(
        resolved,
        [path],
        categories=categories,
        since=since,
        until=until,
        today=today,
        title=title,
        width=width,
        height=height,
        max_rows=max_rows,
        colors=colors,
        dpi=dpi,
        lang=lang,
    )[0]


def save_charts(
    resolved: ResolvedTimeline,
    paths: Sequence[str | os.PathLike[str]],
    *,
    categories: Sequence[str] | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
    today: _dt.date | str | None = None,
    title: str | None = None,
    width: float | None = None,
    height: float | None = None,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    colors: Mapping[str, str] | None = None,
    dpi: float | None = None,
    lang: str = "en",
) -> list[Path]:
    """Write one chart to several files (say an SVG and a PNG), drawing it once.

    As :func:`save_chart` for each path; each file holds the bytes
    :func:`save_chart` would write to it.
    """
    targets = [Path(path) for path in paths]
    formats = formats_of(targets)
    check_dpi(dpi)
    options = check_options(
        resolved,
        categories=categories,
        since=since,
        until=until,
        today=today,
        title=title,
        width=width,
        height=height,
        max_rows=max_rows,
        colors=colors,
        lang=lang,
    )
    with _rc():
        figure = _plot(resolved, options, None)
        page = active_theme(figure.axes[0]).page
        for target, fmt in zip(targets, formats, strict=True):
            # No dates or versions in the file: identical input, identical bytes.
            metadata: dict[str, str | None] = {_NO_STAMP[fmt]: None}
            with atomic_path(target) as tmp:
                figure.savefig(tmp, format=fmt, dpi=dpi or 150, metadata=metadata, facecolor=page)
    return targets


def _plot(resolved: ResolvedTimeline, options: Options, ax: Axes | None) -> Figure:
    """Build the figure (inside the rc context)."""
    zone = resolved.timezone
    palette = lane_colours(resolved.timeline, options)
    shapes, undated = shapes_by_lane(resolved, options.categories)
    low, high = window([s for group in shapes.values() for s in group], options, zone)
    outside = clip(shapes, low, high)
    categories = lanes_shown(options, shapes, palette)
    labels = {c: resolved.timeline.category_label(c) for c in categories}
    area = make_area(ax, options.width, labels)
    theme = active_theme(area.ax)
    lanes, omitted = stack(
        categories,
        shapes,
        palette,
        (low, high),
        area.width,
        label_width(area.host is None),
        options.max_rows,
    )
    draw_frame(
        area.ax, lanes, (low, high), zone, area.names.__getitem__, area.width, theme, options.lang
    )
    today_x = _today_x(options.today, zone, low, high)
    scale = area.width / (high - low)  # points per day
    for lane in lanes:
        draw_lane(area.ax, lane, low, high, scale, today_x, theme)
    note = footnote_text(zone, undated, outside, omitted, options.lang)
    _around(area, lanes, note, options, today_x, theme)
    if today_x is not None:
        assert options.today is not None
        where = (today_x - low) / (high - low)
        draw_today(area.ax, today_x, options.today, where, theme, options.lang)
    return area.figure


def _around(
    area: Area,
    lanes: Sequence[Lane],
    note: str,
    options: Options,
    today_x: float | None,
    theme: Theme,
) -> None:
    """The title, legend and footnote, in our own figure (sized to fit) or the given Axes."""
    handles = legend_handles(lanes, theme, options.lang)
    today = today_x is not None
    if area.host is not None:
        attach(area.ax, area.host, handles, note, options, today, theme)
        return
    rows = sum(lane.height for lane in lanes)
    fit_page(
        area.figure,
        area.ax,
        handles,
        note,
        options,
        today,
        area.left_in,
        area.right_in,
        rows,
        theme,
    )


def _today_x(day: _dt.date | None, zone: str, low: float, high: float) -> float | None:
    """Where the "today" line goes, or ``None`` without one or outside *low*..*high*."""
    if day is None:
        return None
    x = to_x(noon(day, zone))
    return x if low <= x <= high else None
