"""Around the plot: the title, legend and footnote, and our own figure sized to hold them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .labels import wrap
from .legend import Handles, legend
from .measure import text_width
from .options import Options
from .style import INK, MARGIN, MUTED, NOTE_PT, ROW_PT, TITLE_PT

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

__all__ = ["attach", "fit_page"]


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
) -> None:
    """Size our own figure to its content: title, legend, lanes, date axis, footnote.

    *left_in* and *right_in* are the inches beside the plot, *rows* its height
    in rows, and *today* says whether a "today" label sits above it.
    """
    width = options.width
    title_lines = _title_lines(options.title, width)
    title_in = len(title_lines) * TITLE_PT * 1.3 / 72 + (0.1 if title_lines else 0.0)
    made, legend_in = _fit_legend(figure, handles, width)
    today_in = 0.22 if today else 0.12
    plot_in = rows * ROW_PT / 72
    axis_in = 0.4
    note_in = 0.2 if note else 0.0
    top_in = MARGIN + title_in + legend_in + today_in
    height = top_in + plot_in + axis_in + note_in + MARGIN
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
            MARGIN / width,
            1 - MARGIN / height,
            "\n".join(title_lines),
            ha="left",
            va="top",
            fontsize=TITLE_PT,
            fontweight="bold",
            color=INK,
            linespacing=1.3,
            gid="vnt-title",
        )
    if made is not None:
        made.set_bbox_to_anchor(
            (MARGIN / width, 1 - (MARGIN + title_in) / height), transform=figure.transFigure
        )
    if note:
        _footnote(figure, note, width, height)


def _title_lines(title: str | None, width: float) -> list[str]:
    """The title wrapped to a figure *width* inches wide (no lines without a title)."""
    if not title:
        return []
    return wrap(title, (width - 2 * MARGIN) * 72, text_width(TITLE_PT, "bold"))


def _footnote(figure: Figure, note: str, width: float, height: float) -> None:
    """The footnote in the figure's bottom left corner (*width* and *height* in inches)."""
    figure.text(
        MARGIN / width,
        MARGIN / height,
        note,
        ha="left",
        va="bottom",
        fontsize=NOTE_PT,
        color=MUTED,
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


def attach(ax: Axes, handles: Handles, note: str, options: Options, today: bool) -> None:
    """Title, legend and footnote for a chart drawn into someone else's Axes."""
    if handles:
        legend(
            ax,
            handles,
            min(3, len(handles)),
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            borderaxespad=1.6 if today else 0.4,
        )
    if options.title:
        ax.set_title(
            options.title, loc="left", fontsize=TITLE_PT, fontweight="bold", color=INK, pad=48
        )
    if note:
        ax.annotate(
            note,
            (0, 0),
            xycoords="axes fraction",
            xytext=(0, -30),
            textcoords="offset points",
            va="top",
            fontsize=NOTE_PT,
            color=MUTED,
            gid="vnt-footnote",
        )
