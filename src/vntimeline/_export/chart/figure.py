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
   footnote around it are :mod:`~vntimeline._export.chart.page`.

Everything is drawn on a :class:`matplotlib.figure.Figure` with an Agg
canvas, never pyplot: no global state, no display needed. ``save_chart``
writes files without a date and SVG with a fixed hash salt, so identical
input gives identical bytes.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..._atomic import atomic_path
from .draw import draw_lane
from .frame import draw_frame, draw_today, lane_names
from .labels import Measure
from .layout import clip, lanes_shown, stack, window
from .legend import footnote_text, legend_handles
from .marks import shapes_by_lane, to_x
from .measure import text_width
from .options import (
    DEFAULT_MAX_ROWS,
    DateLike,
    Options,
    check_dpi,
    check_options,
    formats_of,
    noon,
)
from .page import attach, fit_page
from .style import FONT, LABEL_PT, LANE_PT, MARGIN, colours

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..._model.resolved import ResolvedTimeline

__all__ = ["plot", "save_chart", "save_charts"]

_RC: Final[dict[str, Any]] = {
    "font.family": [FONT],
    "font.size": LABEL_PT,
    "text.parse_math": False,  # "US$200 million" is not mathtext
    "text.hinting": "no_hinting",  # drawn widths = measured widths, at any dpi
    "svg.fonttype": "path",  # renders the same without the font installed
    "svg.hashsalt": "vntimeline",
    "pdf.fonttype": 42,
    "hatch.linewidth": 0.6,
}
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
    max_rows: int | None = DEFAULT_MAX_ROWS,
) -> Figure:
    """Draw the timeline as a Gantt chart and return the ``Figure``.

    One lane per category (*categories* in the order given, default: all,
    alphabetically), between *since* and *until* (EDTF text, PartialDate or
    date; default: the data's extent), with a "today" line on *today*. With
    *ax*, draws into that Axes and leaves the figure's size alone; otherwise
    makes a figure *width* inches wide (default 10) as tall as the content.
    *max_rows* caps the rows per lane (``None``: no cap); beyond it crowded
    events keep their marks but lose their labels.
    """
    options = check_options(resolved, categories, since, until, today, title, width, max_rows)
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
    max_rows: int | None = DEFAULT_MAX_ROWS,
    dpi: float | None = None,
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
        max_rows=max_rows,
        dpi=dpi,
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
    max_rows: int | None = DEFAULT_MAX_ROWS,
    dpi: float | None = None,
) -> list[Path]:
    """Write one chart to several files (say an SVG and a PNG), drawing it once.

    As :func:`save_chart` for each path; each file holds the bytes
    :func:`save_chart` would write to it.
    """
    targets = [Path(path) for path in paths]
    formats = formats_of(targets)
    check_dpi(dpi)
    options = check_options(resolved, categories, since, until, today, title, width, max_rows)
    with _rc():
        figure = _plot(resolved, options, None)
        for target, fmt in zip(targets, formats, strict=True):
            # No dates or versions in the file: identical input, identical bytes.
            metadata: dict[str, str | None] = {_NO_STAMP[fmt]: None}
            with atomic_path(target) as tmp:
                figure.savefig(
                    tmp, format=fmt, dpi=dpi or 150, metadata=metadata, facecolor="white"
                )
    return targets


@contextmanager
def _rc() -> Iterator[None]:
    """Matplotlib settings for drawing and saving: the font, unhinted text, stable SVG."""
    import matplotlib

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        yield


@functools.cache
def _figure_class() -> type[Figure]:
    """The Figure subclass our charts use (made on first use: matplotlib loads lazily)."""
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure

    class ChartFigure(Figure):
        """A Figure that draws with the chart's settings, whoever saves it.

        Labels were spaced for unhinted text in the bundled font; drawing
        with someone else's settings could make them wider than measured.
        """

        def draw(self, renderer: RendererBase) -> None:
            with _rc():
                super().draw(renderer)

    return ChartFigure


@attrs.frozen
class _Area:
    """Where the lanes are drawn: the figure, its Axes and the plot's width in points."""

    figure: Figure
    ax: Axes
    #: Whether the figure is ours (else the caller's, drawn into their Axes).
    own: bool
    width: float
    #: Inches left and right of the plot in our own figure (0 in someone else's).
    left_in: float
    right_in: float
    names: dict[str, str]


def _plot(resolved: ResolvedTimeline, options: Options, ax: Axes | None) -> Figure:
    """Build the figure (inside the rc context)."""
    zone = resolved.timezone
    palette = colours(resolved.timeline.categories)
    shapes, undated = shapes_by_lane(resolved, options.categories)
    low, high = window([s for group in shapes.values() for s in group], options, zone)
    outside = clip(shapes, low, high)
    categories = lanes_shown(options, shapes, palette)
    area = _area(ax, options.width, categories)
    lanes, omitted = stack(
        categories,
        shapes,
        palette,
        (low, high),
        area.width,
        _label_width(area.own),
        options.max_rows,
    )
    draw_frame(area.ax, lanes, low, high, zone, area.names.__getitem__, area.width)
    today_x = _today_x(options.today, zone, low, high)
    scale = area.width / (high - low)  # points per day
    for lane in lanes:
        draw_lane(area.ax, lane, low, high, scale, today_x)
    handles = legend_handles(lanes)
    note = footnote_text(zone, undated, outside, omitted)
    today = today_x is not None
    if area.own:
        rows = sum(lane.height for lane in lanes)
        fit_page(
            area.figure, area.ax, handles, note, options, today, area.left_in, area.right_in, rows
        )
    else:
        attach(area.ax, handles, note, options, today)
    if today_x is not None:
        assert options.today is not None
        draw_today(area.ax, today_x, options.today, (today_x - low) / (high - low))
    return area.figure


def _area(ax: Axes | None, width: float, categories: Sequence[str]) -> _Area:
    """A new figure *width* inches wide with room for the lane names, else *ax*'s figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if ax is None:
        figure = _figure_class()(figsize=(width, 4.0), dpi=100)
        FigureCanvasAgg(figure)
    else:
        root = ax.get_figure(root=True)
        assert root is not None
        figure = root
    # Lane names take at most a quarter of the figure's width.
    lane_width = text_width(LANE_PT, "bold")
    names = lane_names(categories, figure.get_figwidth() * 72 / 4, lane_width)
    if ax is not None:
        plot_pt = ax.get_position().width * figure.get_figwidth() * 72
        return _Area(figure, ax, False, plot_pt, 0.0, 0.0, names)
    left_in = MARGIN + (max(lane_width(n) for n in names.values()) + 18.0) / 72
    right_in = 0.3
    plot_pt = (width - left_in - right_in) * 72
    ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    return _Area(figure, ax, True, plot_pt, left_in, right_in, names)


def _label_width(own: bool) -> Measure:
    """How wide a label is drawn, in points, in our own figure or (*own* false) another's."""
    measure = text_width(LABEL_PT)
    # Someone else's figure may draw hinted text, up to a tenth wider.
    slack = 1.0 if own else 1.1

    def label_width(text: str) -> float:
        return measure(text) * slack

    return label_width


def _today_x(day: _dt.date | None, zone: str, low: float, high: float) -> float | None:
    """Where the "today" line goes, or ``None`` without one or outside *low*..*high*."""
    if day is None:
        return None
    x = to_x(noon(day, zone))
    return x if low <= x <= high else None
