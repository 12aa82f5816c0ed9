"""Around the plot: the title, legend and footnote, and our own figure sized to hold them."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final

from ...errors import OptionError
from .labels import wrap
from .legend import Handles, legend
from .measure import text_width
from .options import Options
from .style import MARGIN, NOTE_PT, ROW_PT, TITLE_PT
from .theme import Theme

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

__all__ = ["AXIS_IN", "MIN_ROW_PT", "fit_page", "title_lines"]

#: Inches under the plot for the date axis (tick labels and the year under them).
AXIS_IN: Final = 0.4
#: The least height of a row, in points, a chart of a given ``height`` may squeeze to.
MIN_ROW_PT: Final = 11.0


def fit_page(
    figure: Figure,
    ax: Axes,
    handles: Handles,
    note: str,
    options: Options,
    today: bool,
    left_in: float,
    right_in: float,
    rows: float,
    theme: Theme,
) -> None:
    """Size our own figure to its content: title, legend, lanes, date axis, footnote.

    *left_in* and *right_in* are the inches beside the plot, *rows* its height
    in rows, and *today* says whether a "today" label sits above it. With a
    ``height`` option the rows stretch or squeeze to fill that height.
    """
    width = options.width
    lines = title_lines(options.title, (width - 2 * MARGIN) * 72)
    title_in = len(lines) * TITLE_PT * 1.3 / 72 + (0.1 if lines else 0.0)
    made, legend_in = _fit_legend(figure, handles, width)
    today_in = 0.22 if today else 0.12
    note_in = 0.2 if note else 0.0
    top_in = MARGIN + title_in + legend_in + today_in
    plot_in = rows * ROW_PT / 72
    height = top_in + plot_in + AXIS_IN + note_in + MARGIN
    if options.height is not None:
        height = options.height
        plot_in = _squeezed(height, top_in + AXIS_IN + note_in + MARGIN, rows)
    figure.set_size_inches(width, height)
    ax.set_position(
        (
            left_in / width,
            (height - top_in - plot_in) / height,
            (width - left_in - right_in) / width,
            plot_in / height,
        )
    )
    if lines:
        figure.text(
            MARGIN / width,
            1 - MARGIN / height,
            "\n".join(lines),
            ha="left",
            va="top",
            fontsize=TITLE_PT,
            fontweight="bold",
            color=theme.ink,
            linespacing=1.3,
            gid="vnt-title",
        )
    if made is not None:
        made.set_bbox_to_anchor(
            (MARGIN / width, 1 - (MARGIN + title_in) / height), transform=figure.transFigure
        )
    if note:
        _footnote(figure, note, width, height, theme.muted)


def _squeezed(height: float, around_in: float, rows: float) -> float:
    """The plot's height in inches in a figure *height* inches tall, or why it cannot fit."""
    plot_in = height - around_in
    if plot_in < rows * MIN_ROW_PT / 72:
        least = math.ceil((around_in + rows * MIN_ROW_PT / 72) * 100) / 100
        raise OptionError(
            f"height {height:g} is too small for this chart: it needs at least {least:g} "
            "inches (or show fewer categories, a shorter period, or a lower max_rows)"
        )
    return plot_in


def title_lines(title: str | None, width: float) -> list[str]:
    """The title wrapped to *width* points (no lines without a title)."""
    if not title:
        return []
    return wrap(title, width, text_width(TITLE_PT, "bold"))


def _footnote(figure: Figure, note: str, width: float, height: float, colour: str) -> None:
    """The footnote in the figure's bottom left corner (*width* and *height* in inches)."""
    figure.text(
        MARGIN / width,
        MARGIN / height,
        note,
        ha="left",
        va="bottom",
        fontsize=NOTE_PT,
        color=colour,
        gid="vnt-footnote",
    )


def _fit_legend(figure: Figure, handles: Handles, width: float) -> tuple[Legend | None, float]:
    """The figure's legend in as many columns as fit *width* inches, and its height in inches."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    made = None
    height = 0.0
    # As many columns as fit the width: one line of legend when it can be.
    for columns in range(len(handles), 0, -1):
        if made is not None:
            made.remove()
        made = legend(figure, handles, columns, loc="upper left", borderaxespad=0.0)
        extent = made.get_window_extent(renderer)
        height = extent.height / figure.dpi
        if extent.width / figure.dpi <= width - 2 * MARGIN:
            break
    return made, height
