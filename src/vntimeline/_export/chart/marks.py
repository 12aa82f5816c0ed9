"""What each event becomes on the chart: its shape in days, and the box it takes in points.

x values are matplotlib date units (days since 1970-01-01 UTC, matplotlib's
default epoch); y values are rows, counted down from the top lane. Each
dated event becomes a diamond (a milestone) or a bar (a span), plus the
ranges its date may lie in: an exact day is a filled diamond or the bar's
end; anything wider (a month, a year, a reconciled range) is a band with a
hollow diamond, or a band at the bar's uncertain end. ``conflict`` ranges
are hatched and ringed; ``bounded`` ranges (no dated claim, only order
constraints, see ``docs/explanation/resolving.rst``) run to the window's
edge on an open side. :mod:`vntimeline._export.chart.draw` draws them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, Literal

import attrs

from .labels import Box, Placement
from .style import DIAMOND, MIN_BAR_PT, RING, WHISKER_PT

if TYPE_CHECKING:
    from ..._model.resolved import ResolvedEvent, ResolvedTimeline

__all__ = [
    "BandStyle",
    "Lane",
    "Shape",
    "box_of",
    "padded_extent",
    "shape_of",
    "shapes_by_lane",
    "to_x",
]

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

    @property
    def open_sides(self) -> bool:
        """Whether a side reaches as far as any date can (drawn as an arrow to the edge)."""
        return not (math.isfinite(self.low) and math.isfinite(self.high))


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
    # An open side ("on or before") reaches as far as any date can.
    lo, hi = to_x(start.start, -math.inf), to_x(start.end, math.inf)
    if event.kind != "span":
        centre = _centre(lo, hi)
        if start.exact:
            return Shape(event, True, centre, centre, conflict=conflict)
        return Shape(event, True, centre, centre, True, ((lo, hi),), band, conflict)
    bands = [] if start.exact else [(lo, hi)]
    if end is None:
        # No end reported: a stub on the start's day (or its range's middle),
        # and a whisker of fixed length in points, added when drawing.
        a, b = (lo, hi) if start.exact else (_centre(lo, hi), _centre(lo, hi))
        return Shape(event, False, a, b, False, tuple(bands), band, conflict, open_end=True)
    # The bar covers what is certain: from the start's last possible day
    # to the end's first, or the whole day of an exact side; a span still
    # going on (an end open on both sides) runs to the edge.
    a = lo if start.exact or not math.isfinite(hi) else hi
    end_lo, end_hi = to_x(end.start, -math.inf), to_x(end.end, math.inf)
    b = end_hi if end.exact or not math.isfinite(end_lo) else end_lo
    if not end.exact and math.isfinite(end_lo) and (end_lo, end_hi) not in bands:
        bands.append((end_lo, end_hi))
    return Shape(event, False, min(a, b), max(a, b), False, tuple(bands), band, conflict)


def _centre(lo: float, hi: float) -> float:
    """Where a diamond goes over ``lo..hi``: the middle, or the known side of an open range."""
    if math.isfinite(lo) and math.isfinite(hi):
        return (lo + hi) / 2
    return lo if math.isfinite(lo) else hi


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


def shapes_by_lane(
    resolved: ResolvedTimeline, categories: Sequence[str]
) -> tuple[dict[str, list[Shape]], int]:
    """The shapes of the events in each of *categories*, and how many of them are undated."""
    shapes: dict[str, list[Shape]] = {c: [] for c in categories}
    undated = 0
    for event in resolved:
        if event.category in shapes:
            shape = shape_of(event)
            if shape is None:
                undated += 1
            else:
                shapes[event.category].append(shape)
    return shapes, undated


def padded_extent(
    shapes: Sequence[Shape], low: float | None, high: float | None, *, also: Sequence[float] = ()
) -> tuple[float, float]:
    """The days shown: *low*..*high* where given, else the shapes' extent with a margin.

    Shared by the chart and the interactive page, so both show the same
    period; *also* adds x values that must be in view (the chart's "today").
    """
    if low is not None and high is not None:
        return low, high
    values = [v for s in shapes for v in (s.a, s.b, s.low, s.high) if math.isfinite(v)]
    values.extend(also)
    first = min(values, default=low if low is not None else high)
    last = max(values, default=high if high is not None else low)
    if first is None or last is None:
        # Nothing to show and no bounds: any year will do, and a fixed
        # one (2000) keeps the output reproducible.
        first, last = 10957.0, 11323.0
    margin = max((last - first) * 0.03, 20.0)
    since_given = low is not None
    low = first - margin if low is None else low
    high = last + margin if high is None else high
    if high <= low:
        low, high = (low, low + 365.0) if since_given else (high - 365.0, high)
    return low, high
