"""Drawing one lane: its marks, one collection per mark type, and its labels.

Every collection carries a ``gid`` (``vnt-<mark>.<category>``) so tests, and
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
``open-before``  an arrow at the left edge: a date open towards the past
``open-after``   an arrow at the right edge: open towards the future (a span
                 still going on, a date "on or after")
===============  ==============================================================
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .marks import Lane, Shape
from .style import (
    BAND,
    BAR,
    DIAMOND,
    LABEL_PT,
    LANE_PAD,
    MIN_BAR_PT,
    PAD_PT,
    RING,
    WHISKER_PT,
    darker,
)
from .theme import Theme

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["draw_lane", "rect"]

#: Mark type -> what to draw for it (points, polygons or line segments).
Marks = dict[str, list[Any]]
Rgb = tuple[float, float, float]


def rect(x0: float, x1: float, y: float, height: float) -> list[tuple[float, float]]:
    """The corners of a rectangle from *x0* to *x1*, *height* tall, centred on *y*."""
    top, bottom = y - height / 2, y + height / 2
    return [(x0, top), (x1, top), (x1, bottom), (x0, bottom)]


def draw_lane(
    ax: Axes,
    lane: Lane,
    low: float,
    high: float,
    scale: float,
    today: float | None,
    theme: Theme,
) -> None:
    """Draw one lane's marks (a collection per mark type) and labels.

    Labels that the *today* line (an x) crosses get a halo of the background
    colour, so the line does not strike through them; only those, as a halo
    triples a label's cost. Text and halos take their colours from *theme*.
    """
    marks = _marks(lane, low, high, scale)
    colour, edge = lane.colour, darker(lane.colour)
    _draw_polygons(ax, lane.category, marks, _polygon_styles(colour, edge))
    _draw_whiskers(ax, lane.category, marks, edge)
    _draw_points(ax, lane.category, marks, _point_styles(colour, edge, theme))
    _draw_labels(ax, lane, low, scale, today, theme)


def _marks(lane: Lane, low: float, high: float, scale: float) -> Marks:
    """What each of the lane's shapes draws, gathered by mark type."""
    marks: Marks = {}

    def add(mark: str, item: Any) -> None:
        marks.setdefault(mark, []).append(item)

    def clip(x: float) -> float:
        return min(max(x, low), high)

    for shape, place in zip(lane.shapes, lane.placements, strict=True):
        y = lane.top + LANE_PAD + place.row + 0.5
        for lo, hi in shape.bands:
            add(
                f"range-{shape.band}" if shape.band != "range" else "range",
                rect(clip(lo), clip(hi), y, BAND),
            )
        if shape.milestone:
            add("diamond-open" if shape.hollow else "diamond", (shape.a, y))
            middle = shape.a
        else:
            a, b = clip(shape.a), max(clip(shape.b), clip(shape.a) + MIN_BAR_PT / scale)
            add("bar-bounded" if shape.band == "bounded" else "bar", rect(a, b, y, BAR))
            middle = (a + b) / 2
            if shape.open_end:
                add("open-end", [(b, y), (b + WHISKER_PT / scale, y)])
        if shape.conflict:
            add("conflict", (middle, y))
        if shape.open_sides:
            _add_arrows(add, shape, y, low, high)
    return marks


def _add_arrows(add: Any, shape: Shape, y: float, low: float, high: float) -> None:
    """Arrows at the edges a shape's open sides run into."""
    if shape.low == -math.inf:
        add("open-before", (low, y))
    if shape.high == math.inf:
        add("open-after", (high, y))


def _polygon_styles(colour: str, edge: Rgb) -> dict[str, dict[str, Any]]:
    """The look of each polygon mark (bands and bars), in drawing order."""
    return {
        "range": {"facecolors": colour, "alpha": 0.22, "linewidths": 0, "zorder": 1},
        "range-conflict": {
            "facecolors": (*darker(colour, 0), 0.12),
            "hatch": "////",
            "hatchcolors": [edge],
            "edgecolors": "none",
            "linewidths": 0,
            "zorder": 1,
        },
        "range-bounded": {
            "facecolors": (*darker(colour, 0), 0.10),
            "edgecolors": edge,
            "linestyles": "--",
            "linewidths": 0.8,
            "zorder": 1,
        },
        "bar": {"facecolors": colour, "edgecolors": edge, "linewidths": 0.5, "zorder": 3},
        "bar-bounded": {
            "facecolors": (*darker(colour, 0), 0.15),
            "edgecolors": edge,
            "linestyles": "--",
            "linewidths": 1.0,
            "zorder": 3,
        },
    }


def _point_styles(colour: str, edge: Rgb, theme: Theme) -> dict[str, dict[str, Any]]:
    """The look of each point mark (diamonds and conflict rings), in drawing order."""

    def diamond(face: str, width: float) -> dict[str, Any]:
        return {
            "marker": "D",
            "s": DIAMOND**2,
            "facecolors": face,
            "edgecolors": [edge],
            "linewidths": width,
            "zorder": 4,
        }

    return {
        "diamond": diamond(colour, 0.6),
        "diamond-open": diamond(theme.paper, 1.3),
        "open-before": {"marker": "<", "s": 36, "facecolors": [edge], "linewidths": 0, "zorder": 4},
        "open-after": {"marker": ">", "s": 36, "facecolors": [edge], "linewidths": 0, "zorder": 4},
        "conflict": {
            "marker": "o",
            "s": RING**2,
            "facecolors": "none",
            "edgecolors": theme.ink,
            "linewidths": 1.1,
            "zorder": 5,
        },
    }


def _draw_polygons(
    ax: Axes, category: str, marks: Marks, styles: dict[str, dict[str, Any]]
) -> None:
    """One polygon collection per polygon mark type the lane has."""
    from matplotlib.collections import PolyCollection

    for mark, style in styles.items():
        if mark in marks:
            ax.add_collection(
                PolyCollection(marks[mark], gid=f"vnt-{mark}.{category}", **style),
                autolim=False,
            )


def _draw_whiskers(ax: Axes, category: str, marks: Marks, edge: Rgb) -> None:
    """The dashed whiskers of spans with no end reported, as one line collection."""
    from matplotlib.collections import LineCollection

    if "open-end" in marks:
        ax.add_collection(
            LineCollection(
                marks["open-end"],
                colors=[edge],
                linewidths=1.2,
                linestyles=[(0, (3, 2))],
                zorder=3,
                gid=f"vnt-open-end.{category}",
            ),
            autolim=False,
        )


def _draw_points(ax: Axes, category: str, marks: Marks, styles: dict[str, dict[str, Any]]) -> None:
    """One scatter collection per point mark type the lane has."""
    for mark, style in styles.items():
        if mark in marks:
            xs, ys = zip(*marks[mark], strict=True)
            ax.scatter(xs, ys, gid=f"vnt-{mark}.{category}", **style)


def _draw_labels(
    ax: Axes, lane: Lane, low: float, scale: float, today: float | None, theme: Theme
) -> None:
    """The lane's labels, each on its side of its mark (see :func:`draw_lane`)."""
    from matplotlib.patheffects import withStroke
    from matplotlib.transforms import ScaledTranslation

    figure = ax.get_figure(root=True)
    assert figure is not None
    right = ax.transData + ScaledTranslation(PAD_PT / 72, 0, figure.dpi_scale_trans)
    left = ax.transData + ScaledTranslation(-PAD_PT / 72, 0, figure.dpi_scale_trans)
    halo = [withStroke(linewidth=2.2, foreground=theme.paper)]
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
                "facecolor": theme.paper,
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
            color=theme.ink,
            gid=f"vnt-label.{shape.event.id}",
            zorder=7,
            path_effects=halo
            if today_pt is not None and place.left <= today_pt <= place.right
            else None,
            **extra,
        )
