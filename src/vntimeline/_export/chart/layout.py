"""Where the events go: the period shown, the lanes shown, and each lane's rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .labels import Measure, place
from .marks import Lane, Shape, box_of, padded_extent, to_x
from .options import Options, noon
from .style import LANE_PAD, PAD_PT, PALETTE

if TYPE_CHECKING:
    from ..._model.resolved import ResolvedEvent

__all__ = ["clip", "lanes_shown", "stack", "window"]


def window(shapes: Sequence[Shape], options: Options, zone: str) -> tuple[float, float]:
    """The x range shown: since..until, else the data's extent with a margin."""
    low = None if options.since is None else to_x(options.since)
    high = None if options.until is None else to_x(options.until)
    today = () if options.today is None else (to_x(noon(options.today, zone)),)
    return padded_extent(shapes, low, high, also=today)


def clip(shapes: dict[str, list[Shape]], low: float, high: float) -> int:
    """Leave out the shapes wholly outside *low*..*high*; return how many were left out."""
    outside = 0
    for category, group in shapes.items():
        inside = [s for s in group if s.low < high and s.high > low]
        outside += len(group) - len(inside)
        shapes[category] = inside
    return outside


def lanes_shown(
    options: Options, shapes: dict[str, list[Shape]], colours: dict[str, str]
) -> list[str]:
    """The categories that get a lane, each given shapes and a colour (if it had none)."""
    # Lanes the caller did not ask for by name are dropped when empty.
    categories = [c for c in options.categories if options.explicit or shapes[c]]
    # A timeline with no events still gets a (labelled, empty) lane.
    categories = categories or list(options.categories) or ["general"]
    for category in categories:
        shapes.setdefault(category, [])
        colours.setdefault(category, PALETTE[0])
    return categories


def stack(
    categories: Sequence[str],
    shapes: dict[str, list[Shape]],
    colours: dict[str, str],
    period: tuple[float, float],
    width: float,
    measure: Measure,
    max_rows: int | None,
) -> tuple[list[Lane], int]:
    """Each category's lane, its events labelled and stacked into rows, top to bottom.

    *period* is the x range shown, *width* the plot's width in points and
    *measure* gives a label's. Returns the lanes and how many labels were
    left out where events crowd.
    """
    low, high = period
    scale = width / (high - low)  # points per day
    lanes: list[Lane] = []
    omitted, top = 0, 0.0
    for category in categories:
        group = sorted(shapes[category], key=lambda s: (s.low, s.a, s.event.id))
        boxes = [box_of(s, low, high, scale) for s in group]
        placements = place(
            boxes,
            [_texts(s.event) for s in group],
            width,
            measure,
            max_rows=max_rows,
            limit=min(200.0, width * 0.45),
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
    return lanes, omitted


def _texts(event: ResolvedEvent) -> list[str]:
    """Candidate label texts: the title, then the aliases (shorter names readers know)."""
    return [event.title, *event.event.aliases]
