"""Around the plot: our own figure sized to its content, or someone else's Axes."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib.image
import pytest
from matplotlib.figure import Figure

from conftest import RunCli
from helpers.chart import (
    count,
    crowd,
    labels,
    show_fixture,  # noqa: F401 (fixtures)
)
from vntimeline import ResolvedTimeline, default_data_path
from vntimeline._export.chart.figure import plot, save_chart
from vntimeline.errors import OptionError


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


class TestHeight:
    def test_a_height_sets_the_figure_height_and_the_rows_fill_it(
        self, show: ResolvedTimeline
    ) -> None:
        natural = plot(show)
        tall = plot(show, height=natural.get_figheight() * 2)
        assert tall.get_figheight() == natural.get_figheight() * 2
        assert tall.get_figwidth() == natural.get_figwidth()
        natural_rows = natural.axes[0].get_position().height * natural.get_figheight()
        tall_rows = tall.axes[0].get_position().height * tall.get_figheight()
        assert tall_rows > natural_rows + natural.get_figheight() * 0.9
        assert tall.axes[0].get_ylim() == natural.axes[0].get_ylim()
        assert set(labels(tall)) == set(labels(natural))

    def test_a_height_a_little_short_squeezes_the_rows(self, show: ResolvedTimeline) -> None:
        natural = plot(show)
        short = plot(show, height=natural.get_figheight() * 0.9)
        assert short.get_figheight() == natural.get_figheight() * 0.9
        assert len(labels(short)) == len(labels(natural))

    def test_a_height_too_small_for_the_content_says_what_it_needs(
        self, show: ResolvedTimeline
    ) -> None:
        with pytest.raises(OptionError, match=r"height 1 is too small .* at least [\d.]+ inches"):
            plot(show, height=1)

    @pytest.mark.parametrize("height", [0, -2, math.nan, math.inf, True, "5", 1000])
    def test_a_height_that_is_not_a_positive_finite_number_is_refused(
        self, show: ResolvedTimeline, height: object
    ) -> None:
        with pytest.raises(OptionError, match="height must be a number of inches above 0"):
            plot(show, height=height)  # type: ignore[arg-type]

    def test_a_height_with_someone_else_s_axes_is_refused(self, show: ResolvedTimeline) -> None:
        ax = Figure().add_subplot()
        with pytest.raises(OptionError, match="with ax, size its figure instead"):
            plot(show, ax=ax, height=5)

    def test_a_saved_png_is_as_tall_as_asked(self, show: ResolvedTimeline, tmp_path: Path) -> None:
        path = save_chart(show, tmp_path / "c.png", height=6, width=8, dpi=50)
        assert matplotlib.image.imread(path).shape[:2] == (300, 400)

    def test_the_command_line_takes_a_height(self, run_cli: RunCli, tmp_path: Path) -> None:
        done = run_cli("chart", default_data_path(), "-o", "c.png", "--height", "9")
        assert done.returncode == 0, done.stderr
        assert matplotlib.image.imread(tmp_path / "c.png").shape[0] == 9 * 150

    @pytest.mark.parametrize("value", ["0", "tall", "0.5"])
    def test_the_command_line_refuses_a_bad_height_with_one_line(
        self, run_cli: RunCli, tmp_path: Path, value: str
    ) -> None:
        done = run_cli("chart", default_data_path(), "-o", "c.png", "--height", value)
        assert done.returncode == 2
        assert "Traceback" not in done.stderr
        assert "height" in done.stderr.strip().splitlines()[-1]
        assert not (tmp_path / "c.png").exists()
