"""Text and background colours follow the active matplotlib style."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.image
import matplotlib.style
import numpy as np
import pytest
from matplotlib.colors import same_color, to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text

from helpers.chart import (
    claim,
    gid,
    labels,
    show_fixture,  # noqa: F401 (fixtures)
    timeline,
)
from vntimeline import Event, ResolvedTimeline
from vntimeline._export.chart.figure import plot, save_chart
from vntimeline._export.chart.style import INK


def luminance(colour: Any) -> float:
    r, g, b = to_rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def halo(text: Text) -> Any:
    """The colour of a label's halo (``withStroke`` keeps it in its graphics context)."""
    (effect,) = text.get_path_effects()
    return effect._gc["foreground"]  # type: ignore[attr-defined]


class Dark:
    """A chart drawn under ``dark_background``, with that style's colours."""

    def __init__(self, figure: Figure, text: Any, background: Any) -> None:
        self.figure, self.text, self.background = figure, text, background


@pytest.fixture(scope="module", name="dark")
def dark_fixture(show: ResolvedTimeline) -> Dark:
    with matplotlib.style.context("dark_background"):
        rc = matplotlib.rcParams
        figure = plot(show, today="2025-11-23", title="Trên nền tối")
        return Dark(figure, rc["text.color"], rc["axes.facecolor"])


class TestDarkStyle:
    def test_labels_take_the_style_text_colour_not_the_background(self, dark: Dark) -> None:
        assert not same_color(dark.text, dark.background)
        for label in labels(dark.figure).values():
            assert same_color(label.get_color(), dark.text)
            assert not same_color(label.get_color(), dark.background)

    def test_lane_names_ticks_legend_title_and_footnote_take_it_too(self, dark: Dark) -> None:
        ax = dark.figure.axes[0]
        texts = [*ax.get_yticklabels(), *ax.get_xticklabels()]
        texts += [t for legend in dark.figure.legends for t in legend.get_texts()]
        texts += [t for t in dark.figure.texts if gid(t) in ("vnt-title", "vnt-footnote")]
        assert len(texts) > 10
        assert [t.get_text() for t in texts if not same_color(t.get_color(), dark.text)] == []

    def test_halos_are_the_background_so_text_stands_out(self, dark: Dark) -> None:
        haloed = [t for t in labels(dark.figure).values() if t.get_path_effects()]
        assert haloed
        for text in haloed:
            assert same_color(halo(text), dark.background)

    def test_a_label_inside_a_bar_sits_on_the_background(self) -> None:
        decade = Event(
            id="plan", title="Plan", kind="span", claims=[claim("2020-01-01", "2030-12-31")]
        )
        with matplotlib.style.context("dark_background"):
            figure = plot(timeline(decade), since="2020", until="2030")
            background = matplotlib.rcParams["axes.facecolor"]
        box = labels(figure)["plan"].get_bbox_patch()
        assert box is not None
        assert same_color(box.get_facecolor()[:3], background)

    def test_lane_shading_stays_near_the_background_and_far_from_the_text(self, dark: Dark) -> None:
        (shading,) = [c for c in dark.figure.axes[0].collections if gid(c) == "vnt-lane-shading"]
        shade = luminance(shading.get_facecolor()[0])
        assert luminance(dark.background) < shade < 0.15 < 0.85 < luminance(dark.text)

    def test_a_saved_chart_is_filled_with_the_style_background(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        with matplotlib.style.context("dark_background"):
            path = save_chart(show, tmp_path / "dark.png", dpi=20)
        corner = matplotlib.image.imread(path)[0, 0, :3]
        assert np.allclose(corner, to_rgb("black"))


class TestDefaultStyle:
    def test_the_default_style_keeps_the_chart_own_ink_and_white_halos(
        self, show: ResolvedTimeline
    ) -> None:
        figure = plot(show, today="2025-11-23")
        assert all(same_color(t.get_color(), INK) for t in labels(figure).values())
        haloed = [t for t in labels(figure).values() if t.get_path_effects()]
        assert haloed and all(same_color(halo(t), "white") for t in haloed)

    def test_naming_the_default_style_changes_no_byte(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        plain = save_chart(show, tmp_path / "plain.svg", today="2025-11-23").read_bytes()
        with matplotlib.style.context("default"):
            named = save_chart(show, tmp_path / "named.svg", today="2025-11-23").read_bytes()
        with matplotlib.style.context("dark_background"):
            dark = save_chart(show, tmp_path / "dark.svg", today="2025-11-23").read_bytes()
        assert named == plain != dark
