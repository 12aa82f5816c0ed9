"""A chart drawn into someone else's Axes keeps its title, legend and lane names in view."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import matplotlib.pyplot as plt
import pytest
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from helpers.chart import (
    extents,
    labels,
    overlapping,
    show_fixture,  # noqa: F401 (fixtures)
)
from vntimeline import ResolvedTimeline
from vntimeline._export.chart.figure import _rc, plot

TITLE = "Việt Nam và trí tuệ nhân tạo: các mốc chính"


def drawn(figure: Figure) -> dict[str, Bbox]:
    """Window extents of the title, legend, lane names and footnote, as drawn."""
    with _rc():
        figure.canvas.draw()
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    (ax,) = figure.axes
    parts: dict[str, Artist] = {"plot": ax}
    legend = ax.get_legend()
    assert legend is not None
    parts["legend"] = legend
    for text in figure.findobj(Text):
        name = text.get_gid() or ""
        if name in ("vnt-title", "vnt-footnote", "vnt-today-label"):
            parts[name.removeprefix("vnt-")] = text
    for n, lane in enumerate(ax.get_yticklabels()):
        parts[f"lane {n}: {lane.get_text()}"] = lane
    return {key: artist.get_window_extent(renderer) for key, artist in parts.items()}


def outside(figure: Figure, boxes: dict[str, Bbox]) -> list[str]:
    """The names of the boxes that are not wholly inside the figure."""
    page = figure.bbox
    return [
        name
        for name, box in boxes.items()
        if box.x0 < page.x0 - 0.5
        or box.y0 < page.y0 - 0.5
        or box.x1 > page.x1 + 0.5
        or box.y1 > page.y1 + 0.5
    ]


@pytest.fixture(name="subplots")
def subplots_fixture() -> Iterator[Any]:
    """``plt.subplots`` with the keywords given; every figure made is closed afterwards."""
    made: list[Figure] = []

    def make(**kwargs: Any) -> tuple[Figure, Axes]:
        figure, ax = plt.subplots(**kwargs)
        made.append(figure)
        return figure, ax

    yield make
    for figure in made:
        plt.close(figure)


class TestPlainSubplots:
    def test_the_title_legend_lane_names_and_footnote_lie_inside_the_figure(
        self, show: ResolvedTimeline, subplots: Any
    ) -> None:
        figure, ax = subplots()
        plot(show, ax=ax, title=TITLE, today="2025-11-23")
        boxes = drawn(figure)
        assert len(boxes) == 5 + 6  # title, plot, legend, footnote, today; six lanes
        assert outside(figure, boxes) == []

    def test_the_plot_shrinks_within_the_box_the_axes_had(
        self, show: ResolvedTimeline, subplots: Any
    ) -> None:
        figure, ax = subplots()
        box = ax.get_position()
        plot(show, ax=ax, title=TITLE)
        inner = ax.get_position()
        assert box.x0 < inner.x0 < inner.x1 < box.x1
        assert box.y0 < inner.y0 < inner.y1 < box.y1
        assert figure.get_size_inches().tolist() == [6.4, 4.8]

    def test_title_legend_today_and_plot_are_stacked_without_overlap(
        self, show: ResolvedTimeline, subplots: Any
    ) -> None:
        figure, ax = subplots(figsize=(10, 8))
        plot(show, ax=ax, title=TITLE, today="2025-11-23")
        boxes = drawn(figure)
        stack = [boxes[k] for k in ("title", "legend", "today-label", "plot")]
        assert all(upper.y0 >= lower.y1 for upper, lower in itertools.pairwise(stack))

    def test_the_check_sees_a_title_pushed_out_of_the_figure(
        self, show: ResolvedTimeline, subplots: Any
    ) -> None:
        figure, ax = subplots()
        plot(show, ax=ax, title=TITLE)
        assert outside(figure, drawn(figure)) == []
        ax.set_title(TITLE, loc="left", pad=400)  # the same title, pushed up
        assert outside(figure, drawn(figure)) == ["title"]


class TestLayoutEngines:
    @pytest.mark.parametrize("layout", ["constrained", "tight"])
    def test_the_engine_makes_room_and_labels_still_do_not_overlap(
        self, show: ResolvedTimeline, subplots: Any, layout: str
    ) -> None:
        figure, ax = subplots(layout=layout)
        plot(show, ax=ax, title=TITLE, today="2025-11-23")
        boxes = drawn(figure)
        assert outside(figure, boxes) == []
        assert overlapping(extents(figure, list(labels(figure).values()))) == []
        assert boxes["title"].y0 >= boxes["legend"].y1

    def test_the_axes_stays_in_the_engine_s_layout(
        self, show: ResolvedTimeline, subplots: Any
    ) -> None:
        figure, ax = subplots(layout="constrained")
        plot(show, ax=ax, title=TITLE)
        assert ax.get_in_layout()
        assert figure.get_layout_engine() is not None
