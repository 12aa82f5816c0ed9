"""Around the plot: our own figure sized to its content, or someone else's Axes."""

from __future__ import annotations

from matplotlib.figure import Figure

from helpers.chart import (
    count,
    crowd,
    labels,
    show_fixture,  # noqa: F401 (fixtures)
)
from vntimeline import ResolvedTimeline
from vntimeline._export.chart.figure import plot


class TestPage:
    def test_the_figure_grows_with_the_content(self, show: ResolvedTimeline) -> None:
        small = plot(show, categories=["target"])
        large = plot(show)
        taller = plot(crowd(60), max_rows=None)
        assert small.get_figheight() < large.get_figheight() < taller.get_figheight()
        assert small.get_figwidth() == large.get_figwidth() == 10.0

    def test_a_chart_draws_into_a_given_axes_and_returns_its_figure(
        self, show: ResolvedTimeline
    ) -> None:
        figure = Figure(figsize=(8, 5))
        ax = figure.add_subplot()
        assert plot(show, ax=ax, title="Trong trục") is figure
        assert figure.get_size_inches().tolist() == [8, 5]
        assert len(labels(figure)) == 12
        assert count(figure, "diamond", "diamond-open") == 8
