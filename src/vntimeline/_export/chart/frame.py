"""The frame around the lanes: limits, the date axis, lane names, shading, rules, "today"."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..._locale import label, short_date
from ..._model.dates import get_zone
from .draw import rect
from .labels import Measure, shorten
from .marks import Lane
from .style import LABEL_PT, LANE_PT, NOTE_PT
from .theme import Theme
from .ticks import date_formatter

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.transforms import Transform

__all__ = ["draw_frame", "draw_today", "lane_names"]


def lane_names(labels: Mapping[str, str], most: float, measure: Measure) -> dict[str, str]:
    """Each category's lane name: its label (*labels*), shortened to *most* points."""
    return {
        category: shorten(label, most, measure) or label[:1] or category[:1]
        for category, label in labels.items()
    }


def draw_frame(
    ax: Axes,
    lanes: Sequence[Lane],
    limits: tuple[float, float],
    zone: str,
    name: Callable[[str], str],
    width: float,
    theme: Theme,
    lang: str,
) -> None:
    """Limits, the date axis, lane names, colour swatches, shading and rules (*width*: points).

    *limits* are the dates at the plot's edges; month names and the empty
    lanes' note are in *lang*.
    """
    total = sum(lane.height for lane in lanes)
    ax.set_xlim(*limits)
    ax.set_ylim(total, 0)
    _date_axis(ax, zone, width, theme.muted, lang)
    ax.tick_params(axis="y", length=0, pad=12, labelsize=LANE_PT, labelcolor=theme.ink)
    ax.set_yticks(
        [lane.top + lane.height / 2 for lane in lanes],
        [name(lane.category) for lane in lanes],
        fontweight="bold",
    )
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(theme.spine)
    ax.grid(axis="x", color=theme.grid, linewidth=0.6)
    ax.set_axisbelow(True)
    across = ax.get_yaxis_transform()  # x in axes fractions, y in rows
    _draw_stripes(ax, lanes, across, theme)
    _draw_swatches(ax, lanes, across)
    empty = label("chart.empty_lane", lang)
    for lane in lanes:
        if not lane.shapes:
            ax.text(
                0.5,
                lane.top + lane.height / 2,
                empty,
                transform=across,
                ha="center",
                va="center",
                fontsize=LABEL_PT,
                fontstyle="italic",
                color=theme.muted,
                gid=f"vnt-empty.{lane.category}",
            )


def _date_axis(ax: Axes, zone: str, width: float, colour: str, lang: str) -> None:
    """Date ticks in *zone*, about one per 40 points of a plot *width* points wide."""
    from matplotlib.dates import AutoDateLocator

    tz = get_zone(zone)
    # About one tick per 40 points: yearly ticks for 2018-2030 on a 10-inch chart.
    ticks = max(4, int(width / 40))
    locator = AutoDateLocator(tz=tz, minticks=3, maxticks=ticks)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(date_formatter(locator, tz, lang))
    ax.tick_params(axis="x", labelsize=LABEL_PT, colors=colour, length=3, width=0.6)


def _draw_stripes(ax: Axes, lanes: Sequence[Lane], across: Transform, theme: Theme) -> None:
    """Every other lane shaded, and a rule between lanes, across the whole plot."""
    from matplotlib.collections import LineCollection, PolyCollection

    shading = [
        rect(0, 1, lane.top + lane.height / 2, lane.height) for i, lane in enumerate(lanes) if i % 2
    ]
    rules = [[(0, lane.top), (1, lane.top)] for lane in lanes[1:]]
    if shading:
        ax.add_collection(
            PolyCollection(
                shading,
                transform=across,
                facecolors=theme.shading,
                linewidths=0,
                zorder=0,
                gid="vnt-lane-shading",
            ),
            autolim=False,
        )
    if rules:
        ax.add_collection(
            LineCollection(
                rules,
                transform=across,
                colors=theme.rules,
                linewidths=0.6,
                zorder=0.6,
                gid="vnt-lane-rules",
            ),
            autolim=False,
        )


def _draw_swatches(ax: Axes, lanes: Sequence[Lane], across: Transform) -> None:
    """A bar of each lane's colour just left of the plot, beside its name."""
    from matplotlib.collections import LineCollection
    from matplotlib.transforms import ScaledTranslation

    figure = ax.get_figure(root=True)
    assert figure is not None
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


def draw_today(ax: Axes, x: float, day: _dt.date, where: float, theme: Theme, lang: str) -> None:
    """The "today" line, and its date in *lang* above the plot (*where*: its place, 0 to 1)."""
    from matplotlib.transforms import blended_transform_factory

    ax.axvline(x, color=theme.ink, linewidth=0.9, alpha=0.85, zorder=6, gid="vnt-today")
    # Spelt out, not strftime("%b"), which follows the process's locale.
    text = label("chart.today", lang).format(date=short_date(day, lang))
    ha = "left" if where < 0.08 else "right" if where > 0.92 else "center"
    ax.text(
        x,
        1.0,
        text,
        transform=blended_transform_factory(ax.transData, ax.transAxes),
        ha=ha,
        va="bottom",
        fontsize=NOTE_PT,
        color=theme.ink,
        fontweight="bold",
        gid="vnt-today-label",
    )
