"""Where the chart is drawn: our own figure or someone else's Axes, with the chart's settings.

Also what each lane is called and coloured: a category's label and colour
come from the timeline (``Timeline.category_label`` and ``category_color``),
a colour passed in ``colors`` wins over both, and a category with neither
keeps its place in the palette (:func:`vntimeline._export.chart.style.colours`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final

import attrs

from .frame import lane_names
from .hosted import Host, host
from .labels import Measure
from .measure import text_width
from .options import Options
from .style import FONT, LABEL_PT, LANE_PT, MARGIN, colours

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..._model.events import Timeline

__all__ = ["Area", "chart_rc", "figure_class", "label_width", "lane_colours", "make_area"]

_RC: Final[dict[str, Any]] = {
    "font.family": [FONT],
    "font.size": LABEL_PT,
    "text.parse_math": False,  # "US$200 million" is not mathtext
    "text.hinting": "no_hinting",  # drawn widths = measured widths, at any dpi
    "svg.fonttype": "path",  # renders the same without the font installed
    "svg.hashsalt": "vntimeline",
    "pdf.fonttype": 42,
    "hatch.linewidth": 0.6,
}


@contextmanager
def chart_rc() -> Iterator[None]:
    """Matplotlib settings for drawing and saving: the font, unhinted text, stable SVG."""
    import matplotlib

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        yield


@functools.cache
def figure_class() -> type[Figure]:
    """The Figure subclass our charts use (made on first use: matplotlib loads lazily)."""
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure

    class ChartFigure(Figure):
        """A Figure that draws with the chart's settings, whoever saves it.

        Labels were spaced for unhinted text in the bundled font; drawing
        with someone else's settings could make them wider than measured.
        """

        def draw(self, renderer: RendererBase) -> None:
            with chart_rc():
                super().draw(renderer)

    return ChartFigure


@attrs.frozen
class Area:
    """Where the lanes are drawn: the figure, its Axes and the plot's width in points."""

    figure: Figure
    ax: Axes
    width: float
    #: Inches left and right of the plot in our own figure.
    left_in: float
    right_in: float
    names: dict[str, str]
    #: The Axes we were given to draw into (``None``: the figure is ours).
    host: Host | None = None


def lane_colours(timeline: Timeline, options: Options) -> dict[str, str]:
    """Each category's colour: from *colors*, else the data's, else its place in the palette."""
    palette = colours(timeline.categories)
    for category, colour in palette.items():
        palette[category] = (
            options.colors.get(category) or timeline.category_color(category) or colour
        )
    return palette


def make_area(ax: Axes | None, width: float, labels: dict[str, str]) -> Area:
    """A new figure *width* inches wide with room for the lane names, else *ax*'s figure.

    *labels* holds each lane's category and its label.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    lane_width = text_width(LANE_PT, "bold")
    if ax is not None:
        figure = ax.get_figure(root=True)
        assert figure is not None
        # Lane names take at most a quarter of the Axes' width.
        most = ax.get_position().width * figure.get_figwidth() * 72 / 4
        names = lane_names(labels, most, lane_width)
        where = host(ax, max(lane_width(n) for n in names.values()))
        return Area(figure, ax, where.width, 0.0, 0.0, names, where)
    figure = figure_class()(figsize=(width, 4.0), dpi=100)
    FigureCanvasAgg(figure)
    # Lane names take at most a quarter of the figure's width.
    names = lane_names(labels, figure.get_figwidth() * 72 / 4, lane_width)
    left_in = MARGIN + (max(lane_width(n) for n in names.values()) + 18.0) / 72
    right_in = 0.3
    plot_pt = (width - left_in - right_in) * 72
    ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    return Area(figure, ax, plot_pt, left_in, right_in, names)


def label_width(own: bool) -> Measure:
    """How wide a label is drawn, in points, in our own figure or (*own* false) another's."""
    measure = text_width(LABEL_PT)
    # Someone else's figure may draw hinted text, up to a tenth wider.
    slack = 1.0 if own else 1.1

    def label_width(text: str) -> float:
        return measure(text) * slack

    return label_width
