"""A chart drawn into someone else's Axes: room for its lane names, title, legend and footnote.

Without a layout engine, everything the chart draws stays inside the box
the Axes had when it was given: the Axes is moved in from the box's edges
(left for the lane names, above for the title and legend, below for the
date axis and footnote). With a layout engine (``plt.subplots(layout=
"constrained")`` or ``"tight"``) the Axes is left where it is: the title,
legend and footnote are the Axes' own artists, and the engine makes room for
them as for any title and legend.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from .labels import wrap
from .legend import Handles, legend
from .measure import text_width
from .options import Options
from .page import AXIS_IN, title_lines
from .style import NOTE_PT, TITLE_PT
from .theme import Theme

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

__all__ = ["Host", "attach", "host"]

#: Inches kept free right of the plot (the last date label, the arrows on the edge).
RIGHT_IN: Final = 0.2
#: The narrowest plot, in points, however small the Axes.
MIN_WIDTH_PT: Final = 36.0


@attrs.frozen
class Host:
    """The Axes a chart is drawn into: its box, and the room left beside the plot."""

    #: The Axes' box when given: left, bottom, width, height in figure fractions.
    box: tuple[float, float, float, float]
    #: Whether the figure has a layout engine (then the Axes is not moved).
    engine: bool
    #: Inches between the box's edges and the plot (0 with a layout engine).
    left_in: float
    right_in: float
    #: The plot's width in points.
    width: float


def _figure(ax: Axes) -> Figure:
    figure = ax.get_figure(root=True)
    assert figure is not None
    return figure


def host(ax: Axes, names_pt: float) -> Host:
    """How much of *ax* the plot gets, with lane names *names_pt* points wide on its left."""
    figure = _figure(ax)
    fig_w = float(figure.get_figwidth())
    pos = ax.get_position()
    box = (float(pos.x0), float(pos.y0), float(pos.width), float(pos.height))
    names_in = (names_pt + 18.0) / 72
    if figure.get_layout_engine() is not None:
        # The engine makes room for the lane names when it lays the figure
        # out; until then, count only the room already left of the Axes.
        width_in = box[2] * fig_w - max(0.0, names_in - box[0] * fig_w)
        return Host(box, True, 0.0, 0.0, max(width_in * 72, MIN_WIDTH_PT))
    width_in = box[2] * fig_w - names_in - RIGHT_IN
    return Host(box, False, names_in, RIGHT_IN, max(width_in * 72, MIN_WIDTH_PT))


def attach(
    ax: Axes, where: Host, handles: Handles, note: str, options: Options, today: bool, theme: Theme
) -> None:
    """Title, legend and footnote of a chart drawn into *ax* (see the module's docstring).

    *today* says whether a "today" label sits just above the plot.
    """
    figure = _figure(ax)
    today_in = 0.22 if today else 0.12
    title = title_lines(options.title, where.width)
    title_in = len(title) * TITLE_PT * 1.3 / 72
    legend_in = _legend(ax, handles, where.width, today_in)
    notes = wrap(note, where.width, text_width(NOTE_PT), lines=4) if note else []
    note_in = len(notes) * NOTE_PT * 1.25 / 72 + (0.05 if notes else 0.0)
    if not where.engine:
        fig_w, fig_h = (float(v) for v in figure.get_size_inches())
        x0, y0, w, h = where.box
        top_in = today_in + legend_in + (0.1 + title_in if title else 0.0)
        bottom_in = AXIS_IN + note_in
        plot_in = max(h * fig_h - top_in - bottom_in, 0.1 * h * fig_h)
        ax.set_position(
            (
                x0 + where.left_in / fig_w,
                y0 + bottom_in / fig_h,
                w - (where.left_in + where.right_in) / fig_w,
                plot_in / fig_h,
            )
        )
    if title:
        made = ax.set_title(
            "\n".join(title),
            loc="left",
            fontsize=TITLE_PT,
            fontweight="bold",
            color=theme.ink,
            linespacing=1.3,
            va="bottom",
            pad=(today_in + legend_in + 0.1) * 72,
        )
        made.set_gid("vnt-title")
    if notes:
        ax.annotate(
            "\n".join(notes),
            (0, 0),
            xycoords="axes fraction",
            xytext=(0, -AXIS_IN * 72),
            textcoords="offset points",
            va="top",
            fontsize=NOTE_PT,
            color=theme.muted,
            gid="vnt-footnote",
        )


def _legend(ax: Axes, handles: Handles, width: float, today_in: float) -> float:
    """The legend above the plot, in as many columns as fit *width* points; its height in inches.

    It sits *today_in* inches above the plot, clear of the "today" label.
    """
    from matplotlib.transforms import ScaledTranslation

    if not handles:
        return 0.0
    figure = _figure(ax)
    anchor = ax.transAxes + ScaledTranslation(0, today_in, figure.dpi_scale_trans)
    made: Legend | None = None
    height = 0.0
    for columns in range(len(handles), 0, -1):
        if made is not None:
            made.remove()
        made = legend(
            ax,
            handles,
            columns,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            bbox_transform=anchor,
            borderaxespad=0.0,
        )
        extent = made.get_window_extent()
        height = extent.height / figure.dpi
        if extent.width <= width / 72 * figure.dpi:
            break
    return height
