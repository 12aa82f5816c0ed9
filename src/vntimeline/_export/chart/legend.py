"""What the chart explains beside the lanes: the legend of its marks, and the footnote.

Both are in the chart's language (:mod:`vntimeline._locale`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..._locale import label, list_of, plural
from .marks import Lane
from .style import DIAMOND, LABEL_PT, NEUTRAL, RING, darker
from .theme import Theme

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

__all__ = ["Handles", "footnote_text", "legend", "legend_handles"]

#: Legend entries: a handle (an artist, or a tuple drawn on top of each other) and its text.
Handles = list[tuple[Any, str]]


def legend_handles(lanes: Sequence[Lane], theme: Theme, lang: str = "en") -> Handles:
    """A legend entry (handle, text in *lang*) for every kind of mark the chart shows, in grey.

    The "today" line is not listed: it carries its own label.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    shapes = [s for lane in lanes for s in lane.shapes]
    edge = darker(NEUTRAL)
    entries: list[tuple[bool, Any, str]] = [
        (any(s.milestone and not s.hollow for s in shapes), _diamond(None), "milestone"),
        (
            any(not s.milestone and s.band != "bounded" for s in shapes),
            Patch(facecolor=NEUTRAL, edgecolor=edge, linewidth=0.5),
            "span",
        ),
        (
            any(s.band == "range" and (s.bands or s.hollow) for s in shapes),
            (Patch(facecolor=NEUTRAL, alpha=0.22, linewidth=0), _diamond(theme.paper)),
            "chart.uncertain",
        ),
        (
            any(s.conflict for s in shapes),
            _conflict(theme.ink),
            "chart.conflict",
        ),
        (
            any(s.band == "bounded" for s in shapes),
            Patch(
                facecolor=(*darker(NEUTRAL, 0), 0.10),
                edgecolor=edge,
                linestyle="--",
                linewidth=0.8,
            ),
            "chart.bounded",
        ),
        (
            any(s.open_end for s in shapes),
            Line2D([], [], color=edge, linestyle=(0, (3, 2)), linewidth=1.2),
            "chart.open_end",
        ),
        (
            any(s.open_sides for s in shapes),
            Line2D(
                [],
                [],
                linestyle="",
                marker=">",
                markersize=6,
                markerfacecolor=edge,
                markeredgewidth=0,
            ),
            "chart.open_side",
        ),
    ]
    return [(handle, label(key, lang)) for shown, handle, key in entries if shown]


def _diamond(hollow: str | None) -> Line2D:
    """A grey diamond, filled or hollow (filled with the colour *hollow*), as lanes draw them."""
    from matplotlib.lines import Line2D

    return Line2D(
        [],
        [],
        linestyle="",
        marker="D",
        markersize=DIAMOND,
        markerfacecolor=hollow or NEUTRAL,
        markeredgecolor=darker(NEUTRAL),
        markeredgewidth=1.3 if hollow else 0.6,
    )


def _conflict(ink: str) -> tuple[Patch, Line2D]:
    """A grey hatched band under a ring, as the lanes draw a conflict."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    band = Patch(
        facecolor=(*darker(NEUTRAL, 0), 0.12),
        hatch="////",
        edgecolor=darker(NEUTRAL),
        linewidth=0,
    )
    ring = Line2D(
        [],
        [],
        linestyle="",
        marker="o",
        markersize=RING * 0.85,
        markerfacecolor="none",
        markeredgecolor=ink,
        markeredgewidth=1.1,
    )
    return band, ring


def legend(owner: Figure | Axes, handles: Handles, columns: int, **where: Any) -> Legend:
    """A frameless legend of *handles* in *columns* columns (tuples drawn on top of each other)."""
    from matplotlib.legend_handler import HandlerTuple

    made = owner.legend(
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
    made.set_gid("vnt-legend")
    return made


def footnote_text(zone: str, undated: int, outside: int, omitted: int, lang: str = "en") -> str:
    """The line under the chart, in *lang*: the time zone, and what is not shown."""
    parts = [label("chart.zone", lang).format(zone=zone)]
    hidden = []
    if undated:
        hidden.append(plural("chart.undated", undated, lang))
    if outside:
        hidden.append(plural("chart.outside", outside, lang))
    if hidden:
        parts.append(label("chart.not_shown", lang).format(items=list_of(hidden, lang)))
    if omitted:
        parts.append(plural("chart.omitted", omitted, lang))
    return " ".join(parts)
