"""The chart's marks: each event's geometry, and drawing it one collection per mark type.

x values are matplotlib date units (days since 1970-01-01 UTC, matplotlib's
default epoch); y values are rows, counted down from the top lane. Every
collection carries a ``gid`` (``vnt-<mark>.<category>``) so tests, and
people restyling the figure, can find it; they also become SVG ids.

===============  ==============================================================
mark             drawn for
===============  ==============================================================
``diamond``      a milestone on an exact day (filled)
``diamond-open`` a milestone whose day is not known (hollow, over its range)
``bar``          a span, from its first certain day to its last
``bar-bounded``  a span placed only by order constraints (dashed edge)
``range``        the possible dates of a date coarser than a day (light band)
``range-*``      the same for ``conflict`` (hatched) and ``bounded`` (dashed)
``conflict``     a ring on an event whose sources tie
``open-end``     a dashed whisker: a span with no end date reported
===============  ==============================================================
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from .labels import Box, Placement

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..._model.resolved import ResolvedEvent

__all__ = [
    "Lane",
    "Shape",
    "box_of",
    "draw_frame",
    "draw_lane",
    "footnote_text",
    "legend_handles",
    "shape_of",
    "to_x",
]

INK, MUTED, NEUTRAL = "#1a1a1a", "#595959", "#6b6b6b"
LABEL_PT, LANE_PT = 8.0, 9.0
LANE_PAD: Final = 0.35  # rows of air above and below a lane's rows
PAD_PT: Final = 4.0  # between a mark and its label (the same pad _labels.place uses)
DIAMOND: Final = 6.5  # marker size in points; a diamond is 1.41 times as wide
RING: Final = 13.0
WHISKER_PT: Final = 18.0
MIN_BAR_PT: Final = 3.0
_BAR, _BAND = 0.56, 0.74  # heights, in rows
_DAY: Final = 86400.0

BandStyle = Literal["range", "conflict", "bounded"]


@attrs.frozen
class Shape:
    """One event's geometry in days: its mark runs from ``a`` to ``b`` (equal for a diamond)."""

    event: ResolvedEvent
    milestone: bool
    a: float
    b: float
    hollow: bool = False
    bands: tuple[tuple[float, float], ...] = ()
    band: BandStyle = "range"
    conflict: bool = False
    open_end: bool = False

    @property
    def low(self) -> float:
        """The earliest x anything of this event is drawn at."""
        return min((self.a, *(lo for lo, _ in self.bands)))

    @property
    def high(self) -> float:
        """The latest x anything of this event is drawn at."""
        return max((self.b, *(hi for _, hi in self.bands)))


@attrs.frozen
class Lane:
    """One category's shapes, with their boxes and placements, and its rows."""

    category: str
    colour: str
    shapes: tuple[Shape, ...]
    boxes: tuple[Box, ...]
    placements: tuple[Placement, ...]
    top: float
    height: float


def to_x(seconds: int | None, open_value: float = 0.0) -> float:
    """Epoch seconds as matplotlib date units; *open_value* for an open side (None)."""
    return open_value if seconds is None else seconds / _DAY


def shape_of(event: ResolvedEvent) -> Shape | None:
    """The geometry of one event (see the module docstring), or ``None`` if undated."""
    start, end = event.start, event.end
    if start is None:
        return None
    if event.status == "bounded":
        low, high = to_x(start.start, -math.inf), to_x((end or start).end, math.inf)
        if event.kind == "span":
            return Shape(event, False, low, high, band="bounded")
        finite = [v for v in (low, high) if math.isfinite(v)]
        # With one side open, the diamond sits on the side that is known.
        centre = sum(finite) / len(finite) if finite else 0.0
        return Shape(event, True, centre, centre, True, ((low, high),), "bounded")
    conflict = event.status == "conflict"
    band: BandStyle = "conflict" if conflict else "range"
    lo, hi = to_x(start.start), to_x(start.end)
    if event.kind != "span":
        centre = (lo + hi) / 2
        if start.exact:
            return Shape(event, True, centre, centre, conflict=conflict)
        return Shape(event, True, centre, centre, True, ((lo, hi),), band, conflict)
    bands = [] if start.exact else [(lo, hi)]
    if end is None:
        # No end reported: a stub on the start's day (or its range's middle),
        # and a whisker of fixed length in points, added when drawing.
        a, b = (lo, hi) if start.exact else ((lo + hi) / 2, (lo + hi) / 2)
        return Shape(event, False, a, b, False, tuple(bands), band, conflict, open_end=True)
    # The bar covers what is certain: from the start's last possible day
    # to the end's first, or the whole day of an exact side.
    a = lo if start.exact else hi
    end_lo, end_hi = to_x(end.start), to_x(end.end)
    b = end_hi if end.exact else end_lo
    if not end.exact and (end_lo, end_hi) not in bands:
        bands.append((end_lo, end_hi))
    return Shape(event, False, min(a, b), max(a, b), False, tuple(bands), band, conflict)


def box_of(shape: Shape, low: float, high: float, scale: float) -> Box:
    """What *shape* occupies, in points from the plot's left edge (*scale*: points per day)."""

    def pt(x: float) -> float:
        return (min(max(x, low), high) - low) * scale

    half = RING / 2 if shape.conflict else DIAMOND * 0.71
    if shape.milestone:
        left, right = pt(shape.a) - half, pt(shape.a) + half
    else:
        left, right = pt(shape.a), max(pt(shape.b), pt(shape.a) + MIN_BAR_PT)
        if shape.conflict:
            middle = (left + right) / 2
            left, right = min(left, middle - half), max(right, middle + half)
        if shape.open_end:
            right += WHISKER_PT
    ranges = [(pt(lo), pt(hi)) for lo, hi in shape.bands]
    return Box(
        left,
        right,
        min([left, *(r[0] for r in ranges)]),
        max([right, *(r[1] for r in ranges)]),
        roomy=not shape.milestone,
    )


def _darker(colour: str, amount: float = 0.35) -> tuple[float, float, float]:
    """*colour* mixed with black: edges that stay visible on light fills (yellow)."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return (r * (1 - amount), g * (1 - amount), b * (1 - amount))


def _rect(x0: float, x1: float, y: float, height: float) -> list[tuple[float, float]]:
    top, bottom = y - height / 2, y + height / 2
    return [(x0, top), (x1, top), (x1, bottom), (x0, bottom)]


def draw_lane(
    ax: Axes, lane: Lane, low: float, high: float, scale: float, today: float | None = None
) -> None:
    """Draw one lane's marks (a collection per mark type) and labels.

    Labels that the *today* line (an x) crosses get a white halo, so the line
    does not strike through them; only those, as a halo triples a label's cost.
    """
    from matplotlib.collections import LineCollection, PolyCollection
    from matplotlib.patheffects import withStroke
    from matplotlib.transforms import ScaledTranslation

    figure = ax.get_figure(root=True)
    assert figure is not None
    colour, edge = lane.colour, _darker(lane.colour)
    marks: dict[str, list[Any]] = {}

    def add(mark: str, item: Any) -> None:
        marks.setdefault(mark, []).append(item)

    def clip(x: float) -> float:
        return min(max(x, low), high)

    for shape, place in zip(lane.shapes, lane.placements, strict=True):
        y = lane.top + LANE_PAD + place.row + 0.5
        for lo, hi in shape.bands:
            add(
                f"range-{shape.band}" if shape.band != "range" else "range",
                _rect(clip(lo), clip(hi), y, _BAND),
            )
        if shape.milestone:
            add("diamond-open" if shape.hollow else "diamond", (shape.a, y))
            middle = shape.a
        else:
            a, b = clip(shape.a), max(clip(shape.b), clip(shape.a) + MIN_BAR_PT / scale)
            add("bar-bounded" if shape.band == "bounded" else "bar", _rect(a, b, y, _BAR))
            middle = (a + b) / 2
            if shape.open_end:
                add("open-end", [(b, y), (b + WHISKER_PT / scale, y)])
        if shape.conflict:
            add("conflict", (middle, y))
    styles: dict[str, dict[str, Any]] = {
        "range": {"facecolors": colour, "alpha": 0.22, "linewidths": 0, "zorder": 1},
        "range-conflict": {
            "facecolors": (*_darker(colour, 0), 0.12),
            "hatch": "////",
            "hatchcolors": [edge],
            "edgecolors": "none",
            "linewidths": 0,
            "zorder": 1,
        },
        "range-bounded": {
            "facecolors": (*_darker(colour, 0), 0.10),
            "edgecolors": edge,
            "linestyles": "--",
            "linewidths": 0.8,
            "zorder": 1,
        },
        "bar": {"facecolors": colour, "edgecolors": edge, "linewidths": 0.5, "zorder": 3},
        "bar-bounded": {
            "facecolors": (*_darker(colour, 0), 0.15),
            "edgecolors": edge,
            "linestyles": "--",
            "linewidths": 1.0,
            "zorder": 3,
        },
    }
    for mark, style in styles.items():
        if mark in marks:
            ax.add_collection(
                PolyCollection(marks[mark], gid=f"vnt-{mark}.{lane.category}", **style),
                autolim=False,
            )
    if "open-end" in marks:
        ax.add_collection(
            LineCollection(
                marks["open-end"],
                colors=[edge],
                linewidths=1.2,
                linestyles=[(0, (3, 2))],
                zorder=3,
                gid=f"vnt-open-end.{lane.category}",
            ),
            autolim=False,
        )
    points: dict[str, dict[str, Any]] = {
        "diamond": {
            "marker": "D",
            "s": DIAMOND**2,
            "facecolors": colour,
            "edgecolors": [edge],
            "linewidths": 0.6,
            "zorder": 4,
        },
        "diamond-open": {
            "marker": "D",
            "s": DIAMOND**2,
            "facecolors": "white",
            "edgecolors": [edge],
            "linewidths": 1.3,
            "zorder": 4,
        },
        "conflict": {
            "marker": "o",
            "s": RING**2,
            "facecolors": "none",
            "edgecolors": INK,
            "linewidths": 1.1,
            "zorder": 5,
        },
    }
    for mark, style in points.items():
        if mark in marks:
            xs, ys = zip(*marks[mark], strict=True)
            ax.scatter(xs, ys, gid=f"vnt-{mark}.{lane.category}", **style)
    right = ax.transData + ScaledTranslation(PAD_PT / 72, 0, figure.dpi_scale_trans)
    left = ax.transData + ScaledTranslation(-PAD_PT / 72, 0, figure.dpi_scale_trans)
    halo = [withStroke(linewidth=2.2, foreground="white")]
    today_pt = None if today is None else (today - low) * scale
    for shape, box, place in zip(lane.shapes, lane.boxes, lane.placements, strict=True):
        if place.side is None:
            continue
        y = lane.top + LANE_PAD + place.row + 0.5
        anchor = low + (box.mark_left if place.side != "right" else box.mark_right) / scale
        extra: dict[str, Any] = {}
        if place.side == "inside":
            extra["bbox"] = {
                "boxstyle": "square,pad=0.1",
                "facecolor": "white",
                "alpha": 0.85,
                "edgecolor": "none",
            }
        ax.text(
            anchor,
            y,
            place.text,
            transform=left if place.side == "left" else right,
            ha="right" if place.side == "left" else "left",
            va="center",
            fontsize=LABEL_PT,
            color=INK,
            gid=f"vnt-label.{shape.event.id}",
            zorder=7,
            path_effects=halo
            if today_pt is not None and place.left <= today_pt <= place.right
            else None,
            **extra,
        )


def draw_frame(
    ax: Axes,
    lanes: Sequence[Lane],
    low: float,
    high: float,
    zone: str,
    name: Callable[[str], str],
    width: float,
) -> None:
    """Limits, the date axis, lane names, colour swatches, shading and rules (*width*: points)."""
    from matplotlib.collections import LineCollection, PolyCollection
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.transforms import ScaledTranslation

    from ..._model.dates import get_zone

    figure = ax.get_figure(root=True)
    assert figure is not None
    total = sum(lane.height for lane in lanes)
    ax.set_xlim(low, high)
    ax.set_ylim(total, 0)
    tz = get_zone(zone)
    # About one tick per 40 points: yearly ticks for 2018-2030 on a 10-inch chart.
    ticks = max(4, int(width / 40))
    locator = AutoDateLocator(tz=tz, minticks=3, maxticks=ticks)  # type: ignore[no-untyped-call]
    formatter = ConciseDateFormatter(locator, tz=tz)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)
    ax.tick_params(axis="x", labelsize=LABEL_PT, colors=MUTED, length=3, width=0.6)
    ax.tick_params(axis="y", length=0, pad=12, labelsize=LANE_PT, labelcolor=INK)
    ax.set_yticks(
        [lane.top + lane.height / 2 for lane in lanes],
        [name(lane.category) for lane in lanes],
        fontweight="bold",
    )
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color("#8c8c8c")
    ax.grid(axis="x", color="#e3e3e3", linewidth=0.6)
    ax.set_axisbelow(True)
    across = ax.get_yaxis_transform()  # x in axes fractions, y in rows
    shading = [
        _rect(0, 1, lane.top + lane.height / 2, lane.height)
        for i, lane in enumerate(lanes)
        if i % 2
    ]
    if shading:
        ax.add_collection(
            PolyCollection(
                shading,
                transform=across,
                facecolors="#f5f5f5",
                linewidths=0,
                zorder=0,
                gid="vnt-lane-shading",
            ),
            autolim=False,
        )
    if len(lanes) > 1:
        rules = [[(0, lane.top), (1, lane.top)] for lane in lanes[1:]]
        ax.add_collection(
            LineCollection(
                rules,
                transform=across,
                colors="#d6d6d6",
                linewidths=0.6,
                zorder=0.6,
                gid="vnt-lane-rules",
            ),
            autolim=False,
        )
    swatch = across + ScaledTranslation(-6 / 72, 0, figure.dpi_scale_trans)
    ax.add_collection(
        LineCollection(
            [[(0, lane.top + 0.15), (0, lane.top + lane.height - 0.15)] for lane in lanes],
            transform=swatch,
            colors=[lane.colour for lane in lanes],
            linewidths=4.0,
            clip_on=False,
            gid="vnt-lane-swatches",
        ),
        autolim=False,
    )
    for lane in lanes:
        if not lane.shapes:
            ax.text(
                0.5,
                lane.top + lane.height / 2,
                "No dated events in this period",
                transform=across,
                ha="center",
                va="center",
                fontsize=LABEL_PT,
                fontstyle="italic",
                color=MUTED,
                gid=f"vnt-empty.{lane.category}",
            )


def legend_handles(lanes: Sequence[Lane]) -> list[tuple[Any, str]]:
    """A legend entry (handle, text) for every kind of mark the chart shows, in grey.

    The "today" line is not listed: it carries its own label.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    shapes = [s for lane in lanes for s in lane.shapes]
    edge = _darker(NEUTRAL)

    def diamond(hollow: bool) -> Line2D:
        return Line2D(
            [],
            [],
            linestyle="",
            marker="D",
            markersize=DIAMOND,
            markerfacecolor="white" if hollow else NEUTRAL,
            markeredgecolor=edge,
            markeredgewidth=1.3 if hollow else 0.6,
        )

    entries: list[tuple[bool, Any, str]] = [
        (any(s.milestone and not s.hollow for s in shapes), diamond(False), "Milestone"),
        (
            any(not s.milestone and s.band != "bounded" for s in shapes),
            Patch(facecolor=NEUTRAL, edgecolor=edge, linewidth=0.5),
            "Span",
        ),
        (
            any(s.band == "range" and (s.bands or s.hollow) for s in shapes),
            (Patch(facecolor=NEUTRAL, alpha=0.22, linewidth=0), diamond(True)),
            "Day not known: shading spans the possible dates",
        ),
        (
            any(s.conflict for s in shapes),
            (
                Patch(
                    facecolor=(*_darker(NEUTRAL, 0), 0.12),
                    hatch="////",
                    edgecolor=edge,
                    linewidth=0,
                ),
                Line2D(
                    [],
                    [],
                    linestyle="",
                    marker="o",
                    markersize=RING * 0.85,
                    markerfacecolor="none",
                    markeredgecolor=INK,
                    markeredgewidth=1.1,
                ),
            ),
            "Sources conflict: hatching spans every date they give",
        ),
        (
            any(s.band == "bounded" for s in shapes),
            Patch(
                facecolor=(*_darker(NEUTRAL, 0), 0.10),
                edgecolor=edge,
                linestyle="--",
                linewidth=0.8,
            ),
            "No date reported: range implied by the order of events",
        ),
        (
            any(s.open_end for s in shapes),
            Line2D([], [], color=edge, linestyle=(0, (3, 2)), linewidth=1.2),
            "No end date reported",
        ),
    ]
    return [(handle, text) for shown, handle, text in entries if shown]


def footnote_text(zone: str, undated: int, outside: int, omitted: int) -> str:
    """The line under the chart: the time zone, and what is not shown."""

    def events(n: int) -> str:
        return f"{n} event{'s' if n != 1 else ''}"

    parts = [f"Dates in {zone} time."]
    hidden = []
    if undated:
        hidden.append(f"{events(undated)} with no known date")
    if outside:
        hidden.append(f"{events(outside)} outside the period")
    if hidden:
        parts.append("Not shown: " + " and ".join(hidden) + ".")
    if omitted:
        parts.append(f"{omitted} label{'s' if omitted != 1 else ''} left out where events crowd.")
    return " ".join(parts)
