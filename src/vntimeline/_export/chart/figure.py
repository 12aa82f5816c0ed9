"""The Gantt chart of a resolved timeline (matplotlib, imported only when drawing).

Theory of operation
-------------------
1. **Options** are checked before matplotlib is imported, so a bad value
   fails fast with a message that says what was expected.
2. **Shapes** (:mod:`vntimeline._chart_marks`). Each dated event becomes a
   diamond (milestone) or a bar (span), plus the ranges its date may lie
   in, in matplotlib date units. An exact day is a filled diamond or the
   bar's end; anything wider (a month, a year, a reconciled range) is a
   light band with a hollow diamond, or a band at the bar's uncertain end.
   ``conflict`` ranges are hatched and ringed; ``bounded`` ranges (no dated
   claim, only order constraints) have dashed edges and run to the
   window's edge on an open side.
3. **Window.** ``since``/``until`` (else the data's extent, padded) clip
   the shapes; events wholly outside are left out and counted.
4. **Rows** (:mod:`vntimeline._labels`). Labels are fitted and each lane's
   events stacked into rows, in points, so no two labels overlap and the
   figure grows with the content. Widths come from the font's unhinted
   advances and text is drawn unhinted (the figure class enforces it), so
   measured and drawn widths agree at every resolution.
5. **Drawing** uses one collection per lane and mark type (10,000 events
   are a few dozen artists); labels are the only per-event artists.

Everything is drawn on a :class:`matplotlib.figure.Figure` with an Agg
canvas, never pyplot: no global state, no display needed. ``save_chart``
writes files without a date and SVG with a fixed hash salt, so identical
input gives identical bytes.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..._atomic import atomic_path
from ..._model.dates import PartialDate, get_zone
from ..._model.events import suggest
from ...errors import DateError, ExportError, OptionError
from .labels import place, shorten
from .marks import (
    INK,
    LABEL_PT,
    LANE_PAD,
    LANE_PT,
    MUTED,
    PAD_PT,
    Lane,
    Shape,
    box_of,
    draw_frame,
    draw_lane,
    footnote_text,
    legend_handles,
    shape_of,
    to_x,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

    from ..._model.resolved import ResolvedEvent, ResolvedTimeline

__all__ = ["DEFAULT_MAX_ROWS", "FORMATS", "PALETTE", "plot", "save_chart"]

DateLike = PartialDate | str | _dt.date

#: Raised for option values the chart cannot use (a ``ValueError``).
_OptionError = OptionError

#: Okabe & Ito's colour-blind-safe palette, strongest on white first. A
#: category's colour is its place among all the timeline's categories in
#: alphabetical order, so it is the same in every chart of that timeline.
PALETTE: Final = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
#: Rows a lane may use before crowded events lose their labels.
DEFAULT_MAX_ROWS: Final = 24
FORMATS: Final[dict[str, str]] = {".svg": "svg", ".png": "png", ".pdf": "pdf"}

_FONT: Final = "DejaVu Sans"  # bundled with matplotlib; has every Vietnamese letter
_RC: Final[dict[str, Any]] = {
    "font.family": [_FONT],
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
_TITLE_PT, _NOTE_PT = 13.0, 7.5
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ROW_PT: Final = 15.0  # the height of one row of marks and labels
_MARGIN: Final = 0.15  # inches around our own figure's content


@attrs.frozen
class _Options:
    """Checked chart options; dates are epoch seconds."""

    categories: tuple[str, ...]
    explicit: bool
    since: int | None
    until: int | None
    today: _dt.date | None
    title: str | None
    width: float
    max_rows: int | None


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
    options = _options(resolved, categories, since, until, today, title, width, max_rows)
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
    formats = []
    for target in targets:
        fmt = FORMATS.get(target.suffix.lower())
        if fmt is None:
            raise ExportError(
                f"cannot tell the chart format of {str(target)!r}: name it .svg, .png or .pdf"
            )
        formats.append(fmt)
    if dpi is not None and (
        isinstance(dpi, bool) or not isinstance(dpi, int | float) or not 10 <= dpi <= 1200
    ):
        raise _OptionError(f"dpi must be a number from 10 to 1200, got {dpi!r}")
    options = _options(resolved, categories, since, until, today, title, width, max_rows)
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


# -- options -----------------------------------------------------------------


def _options(
    resolved: ResolvedTimeline,
    categories: Sequence[str] | None,
    since: DateLike | None,
    until: DateLike | None,
    today: _dt.date | str | None,
    title: str | None,
    width: float | None,
    max_rows: int | None,
) -> _Options:
    """Check every option, raising a ``ValueError`` subclass that says what was wrong."""
    known = resolved.timeline.categories
    if categories is None:
        lanes, explicit = tuple(sorted(known)), False
    else:
        if isinstance(categories, str) or not all(isinstance(c, str) for c in categories):
            raise _OptionError(f"categories must be a list of names, got {categories!r}")
        lanes, explicit = tuple(categories), True
        if not lanes:
            raise _OptionError("categories is empty: name at least one, or pass None for all")
        for name in lanes:
            if name not in known:
                raise _OptionError(
                    f"no category {name!r} in the timeline"
                    f"{suggest(name, known)}; it has {', '.join(sorted(known))}"
                )
        if len(set(lanes)) != len(lanes):
            raise _OptionError(f"categories names a category twice: {list(lanes)!r}")
    zone = resolved.timezone
    low = None if since is None else _instant(since, zone, "since", end=False)
    high = None if until is None else _instant(until, zone, "until", end=True)
    if low is not None and high is not None and low >= high:
        raise DateError(f"since ({since}) must come before until ({until})")
    if width is not None and (
        isinstance(width, bool) or not isinstance(width, int | float) or not 3 <= width <= 60
    ):
        raise _OptionError(f"width must be a number of inches from 3 to 60, got {width!r}")
    if max_rows is not None and (
        isinstance(max_rows, bool) or not isinstance(max_rows, int) or max_rows < 1
    ):
        raise _OptionError(
            f"max_rows must be a whole number of at least 1, or None, got {max_rows!r}"
        )
    if title is not None and not isinstance(title, str):
        raise _OptionError(f"title must be text or None, got {title!r}")
    return _Options(
        lanes, explicit, low, high, _day(today), title or None, float(width or 10.0), max_rows
    )


def _instant(value: DateLike, zone: str, name: str, *, end: bool) -> int:
    """Epoch seconds of the start (or the exclusive end) of *value* read in *zone*."""
    if isinstance(value, _dt.datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=get_zone(zone))
        return int(moment.timestamp())
    if isinstance(value, _dt.date):
        value = PartialDate(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            value = PartialDate.parse(value.strip())
        except DateError as exc:
            raise DateError(f"{name}: {exc}") from None
    elif not isinstance(value, PartialDate):
        raise DateError(f"{name} must be an EDTF date, a PartialDate or a date, got {value!r}")
    bounds = value.bounds(zone)
    return bounds[1] if end else bounds[0]


def _day(value: _dt.date | str | None) -> _dt.date | None:
    """The "today" option as a date."""
    if value is None or (isinstance(value, _dt.date) and not isinstance(value, _dt.datetime)):
        return value
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DateError(f"today must be a date such as 2025-11-23, got {value!r}")


@contextmanager
def _rc() -> Iterator[None]:
    """Matplotlib settings for drawing and saving: the font, unhinted text, stable SVG."""
    import matplotlib

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        yield


# -- geometry ----------------------------------------------------------------


def _window(shapes: Sequence[Shape], options: _Options, zone: str) -> tuple[float, float]:
    """The x range shown: since..until, else the data's extent with a margin."""
    values = [v for s in shapes for v in (s.a, s.b, s.low, s.high) if math.isfinite(v)]
    if options.today is not None:
        values.append(to_x(_noon(options.today, zone)))
    low = None if options.since is None else to_x(options.since)
    high = None if options.until is None else to_x(options.until)
    if low is None or high is None:
        first = min(values, default=low if low is not None else high)
        last = max(values, default=high if high is not None else low)
        if first is None or last is None:
            # Nothing to show and no bounds: any year will do, and a fixed
            # one (2000) keeps the output reproducible.
            first, last = 10957.0, 11323.0
        margin = max((last - first) * 0.03, 20.0)
        low = first - margin if low is None else low
        high = last + margin if high is None else high
        if high <= low:
            low, high = (low, low + 365.0) if options.since is not None else (high - 365.0, high)
    return low, high


def _noon(day: _dt.date, zone: str) -> int:
    """Epoch seconds of noon on *day* in *zone*: where a day's diamond sits."""
    return int(_dt.datetime(day.year, day.month, day.day, 12, tzinfo=get_zone(zone)).timestamp())


# -- drawing -----------------------------------------------------------------


class _TextWidth:
    """Width in points of text in one font: unhinted advances, cached per character.

    Drawn (unhinted) text is never wider than this plus a fraction of a
    point, at any dpi; measuring every label through a renderer would cost
    a millisecond each.
    """

    def __init__(self, size: float, weight: str = "normal") -> None:
        from matplotlib.font_manager import FontProperties, findfont
        from matplotlib.ft2font import FT2Font

        self._font = FT2Font(findfont(FontProperties(family=_FONT, weight=weight)))
        self._font.set_size(size, 72)  # one pixel per point
        self._size = size
        self._cache: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        """The width of *text* in points (0 for empty text)."""
        if not text:
            return 0.0
        cache = self._cache
        try:
            return 1.0 + sum(map(cache.__getitem__, text))
        except KeyError:
            from matplotlib.ft2font import LoadFlags

            for char in set(text) - cache.keys():
                index = self._font.get_char_index(ord(char))
                if index == 0:  # not in the font: drawn from a fallback, allow an em
                    cache[char] = self._size
                    continue
                glyph = self._font.load_glyph(index, flags=LoadFlags.NO_HINTING)
                cache[char] = glyph.linearHoriAdvance / 65536
            return 1.0 + sum(map(cache.__getitem__, text))


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


@functools.lru_cache(maxsize=8)
def _text_width(size: float, weight: str = "normal") -> _TextWidth:
    """A shared (cached) measurer per font size and weight."""
    return _TextWidth(size, weight)


def _plot(resolved: ResolvedTimeline, options: _Options, ax: Axes | None) -> Figure:
    """Build the figure (inside the rc context)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    every = sorted(resolved.timeline.categories)
    colours = {c: PALETTE[every.index(c) % len(PALETTE)] for c in every}
    shapes: dict[str, list[Shape]] = {c: [] for c in options.categories}
    undated = 0
    for event in resolved:
        if event.category in shapes:
            shape = shape_of(event)
            if shape is None:
                undated += 1
            else:
                shapes[event.category].append(shape)
    low, high = _window([s for group in shapes.values() for s in group], options, resolved.timezone)
    outside = 0
    for category, group in shapes.items():
        inside = [s for s in group if s.low < high and s.high > low]
        outside += len(group) - len(inside)
        shapes[category] = inside
    # Lanes the caller did not ask for by name are dropped when empty.
    categories = [c for c in options.categories if options.explicit or shapes[c]]
    # A timeline with no events still gets a (labelled, empty) lane.
    categories = categories or list(options.categories) or ["general"]
    for category in categories:
        shapes.setdefault(category, [])
        colours.setdefault(category, PALETTE[0])

    own = ax is None
    if ax is None:
        figure = _figure_class()(figsize=(options.width, 4.0), dpi=100)
        FigureCanvasAgg(figure)
    else:
        root = ax.get_figure(root=True)
        assert root is not None
        figure = root
    # Lane names take at most a quarter of the figure's width.
    lane_width = _text_width(LANE_PT, "bold")
    most = figure.get_figwidth() * 72 / 4
    names = {c: shorten(_lane_name(c), most, lane_width) or c[:1] for c in categories}
    left_in = right_in = 0.0
    if ax is None:
        left_in = _MARGIN + (max(lane_width(n) for n in names.values()) + 18.0) / 72
        right_in = 0.3
        plot_pt = (options.width - left_in - right_in) * 72
        ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    else:
        plot_pt = ax.get_position().width * figure.get_figwidth() * 72

    measure = _text_width(LABEL_PT)
    # Someone else's figure may draw hinted text, up to a tenth wider.
    slack = 1.0 if own else 1.1

    def label_width(text: str) -> float:
        return measure(text) * slack

    scale = plot_pt / (high - low)  # points per day
    lanes: list[Lane] = []
    omitted, top = 0, 0.0
    for category in categories:
        group = sorted(shapes[category], key=lambda s: (s.low, s.a, s.event.id))
        boxes = [box_of(s, low, high, scale) for s in group]
        placements = place(
            boxes,
            [_labels(s.event) for s in group],
            plot_pt,
            label_width,
            max_rows=options.max_rows,
            limit=min(200.0, plot_pt * 0.45),
            pad=PAD_PT,
        )
        omitted += sum(1 for p in placements if p.side is None)
        height = max([p.row + 1 for p in placements], default=1) + 2 * LANE_PAD
        lanes.append(
            Lane(
                category,
                colours[category],
                tuple(group),
                tuple(boxes),
                tuple(placements),
                top,
                height,
            )
        )
        top += height

    draw_frame(ax, lanes, low, high, resolved.timezone, names.__getitem__, plot_pt)
    today_x = None
    if options.today is not None:
        today_x = to_x(_noon(options.today, resolved.timezone))
        if not low <= today_x <= high:
            today_x = None
    for lane in lanes:
        draw_lane(ax, lane, low, high, scale, today_x)
    handles = legend_handles(lanes)
    note = footnote_text(resolved.timezone, undated, outside, omitted)
    if own:
        _layout(figure, ax, handles, note, options, today_x is not None, left_in, right_in, top)
    else:
        _attach(ax, handles, note, options, today_x is not None)
    if today_x is not None:
        assert options.today is not None
        _draw_today(ax, today_x, options.today, (today_x - low) / (high - low))
    return figure


def _labels(event: ResolvedEvent) -> list[str]:
    """Candidate label texts: the title, then the aliases (shorter names readers know)."""
    return [event.title, *event.event.aliases]


def _lane_name(category: str) -> str:
    """A category slug as a lane label: ``digital-economy`` -> ``Digital economy``."""
    text = category.replace("-", " ")
    return text[:1].upper() + text[1:]


def _draw_today(ax: Axes, x: float, day: _dt.date, where: float) -> None:
    """The "today" line, and its date above the plot (*where*: its place, 0 to 1)."""
    from matplotlib.transforms import blended_transform_factory

    ax.axvline(x, color=INK, linewidth=0.9, alpha=0.85, zorder=6, gid="vnt-today")
    # Spelt out, not strftime("%b"), which follows the locale.
    text = f"Today, {day.day} {_MONTHS[day.month - 1]} {day.year}"
    ha = "left" if where < 0.08 else "right" if where > 0.92 else "center"
    ax.text(
        x,
        1.0,
        text,
        transform=blended_transform_factory(ax.transData, ax.transAxes),
        ha=ha,
        va="bottom",
        fontsize=_NOTE_PT,
        color=INK,
        fontweight="bold",
        gid="vnt-today-label",
    )


def _layout(
    figure: Figure,
    ax: Axes,
    handles: list[tuple[Any, str]],
    note: str,
    options: _Options,
    today: bool,
    left_in: float,
    right_in: float,
    rows: float,
) -> None:
    """Size our own figure to its content: title, legend, lanes, date axis, footnote."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    width = options.width
    title_lines: list[str] = []
    if options.title:
        bold = _text_width(_TITLE_PT, "bold")
        title_lines = _wrap(options.title, (width - 2 * _MARGIN) * 72, bold)
    title_in = len(title_lines) * _TITLE_PT * 1.3 / 72 + (0.1 if title_lines else 0.0)
    canvas = figure.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    legend = None
    legend_in = 0.0
    # As many columns as fit the width: one line of legend when it can be.
    for columns in range(len(handles), 0, -1):
        if legend is not None:
            legend.remove()
        legend = _legend(figure, handles, columns, loc="upper left", borderaxespad=0.0)
        extent = legend.get_window_extent(renderer)
        legend_in = extent.height / figure.dpi
        if extent.width / figure.dpi <= width - 2 * _MARGIN:
            break
    today_in = 0.22 if today else 0.12
    plot_in = rows * _ROW_PT / 72
    axis_in = 0.4
    note_in = 0.2 if note else 0.0
    top_in = _MARGIN + title_in + legend_in + today_in
    height = top_in + plot_in + axis_in + note_in + _MARGIN
    figure.set_size_inches(width, height)
    ax.set_position(
        (
            left_in / width,
            (height - top_in - plot_in) / height,
            (width - left_in - right_in) / width,
            plot_in / height,
        )
    )
    if title_lines:
        figure.text(
            _MARGIN / width,
            1 - _MARGIN / height,
            "\n".join(title_lines),
            ha="left",
            va="top",
            fontsize=_TITLE_PT,
            fontweight="bold",
            color=INK,
            linespacing=1.3,
            gid="vnt-title",
        )
    if legend is not None:
        legend.set_bbox_to_anchor(
            (_MARGIN / width, 1 - (_MARGIN + title_in) / height), transform=figure.transFigure
        )
    if note:
        figure.text(
            _MARGIN / width,
            _MARGIN / height,
            note,
            ha="left",
            va="bottom",
            fontsize=_NOTE_PT,
            color=MUTED,
            gid="vnt-footnote",
        )


def _legend(
    owner: Figure | Axes, handles: list[tuple[Any, str]], columns: int, **where: Any
) -> Legend:
    """A frameless legend of *handles* in *columns* columns (tuples drawn on top of each other)."""
    from matplotlib.legend_handler import HandlerTuple

    legend = owner.legend(
        [h for h, _ in handles],
        [t for _, t in handles],
        ncols=max(columns, 1),
        frameon=False,
        fontsize=LABEL_PT,
        handlelength=2.2,
        columnspacing=1.6,
        borderpad=0.0,
        handler_map={tuple: HandlerTuple(ndivide=1)},
        **where,
    )
    legend.set_gid("vnt-legend")
    return legend


def _attach(
    ax: Axes, handles: list[tuple[Any, str]], note: str, options: _Options, today: bool
) -> None:
    """Title, legend and footnote for a chart drawn into someone else's Axes."""
    if handles:
        _legend(
            ax,
            handles,
            min(3, len(handles)),
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            borderaxespad=1.6 if today else 0.4,
        )
    if options.title:
        ax.set_title(
            options.title, loc="left", fontsize=_TITLE_PT, fontweight="bold", color=INK, pad=48
        )
    if note:
        ax.annotate(
            note,
            (0, 0),
            xycoords="axes fraction",
            xytext=(0, -30),
            textcoords="offset points",
            va="top",
            fontsize=_NOTE_PT,
            color=MUTED,
            gid="vnt-footnote",
        )


def _wrap(text: str, limit: float, measure: _TextWidth, lines: int = 3) -> list[str]:
    """Greedy word wrap to *limit* points in at most *lines* lines (the last shortened)."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and measure(f"{line} {words[0]}") <= limit:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words:
        out[-1] = shorten(f"{out[-1]} {' '.join(words)}", limit, measure)
    return [shorten(line, limit, measure) or line for line in out]
