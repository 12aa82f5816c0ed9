"""Lanes named and coloured from the data, the ``colors`` option over both, and the title."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import same_color, to_hex
from matplotlib.figure import Figure

from helpers.chart import claim, gid, marks, text_of, timeline
from vntimeline import Event, ResolvedTimeline
from vntimeline._export.chart.figure import plot, save_chart
from vntimeline._export.chart.style import colours
from vntimeline.errors import OptionError


def two_lanes(**fields: Any) -> ResolvedTimeline:
    """A policy and an industry milestone (lanes: industry, then policy)."""
    return timeline(
        Event(id="law", title="AI law", category="policy", claims=[claim("2025-06-01")]),
        Event(id="fab", title="Chip fab", category="industry", claims=[claim("2025-09-01")]),
        **fields,
    )


def lane_names(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.axes[0].get_yticklabels()]


def diamond_colour(figure: Figure, category: str) -> str:
    (found,) = [c for c in marks(figure, "diamond") if gid(c) == f"vnt-diamond.{category}"]
    faces: Any = found.get_facecolor()
    return str(to_hex(faces[0]))


def swatch_colours(figure: Figure) -> list[str]:
    """The colour bar beside each lane name, top lane first."""
    (swatches,) = [c for c in figure.axes[0].collections if gid(c) == "vnt-lane-swatches"]
    assert isinstance(swatches, LineCollection)
    colors: Any = swatches.get_colors()
    return [str(to_hex(c)) for c in colors]


class TestLaneNames:
    def test_a_lane_is_named_by_its_category_label(self) -> None:
        figure = plot(two_lanes(categories={"policy": {"label": "Chính sách"}}))
        assert lane_names(figure) == ["Industry", "Chính sách"]

    def test_a_category_without_a_label_is_named_by_its_id_in_words(self) -> None:
        event = Event(id="a", title="A", category="digital-economy", claims=[claim("2025-01-02")])
        assert lane_names(plot(timeline(event))) == ["Digital economy"]

    def test_a_long_label_is_shortened_like_any_lane_name(self) -> None:
        label = "Chính sách và pháp luật về trí tuệ nhân tạo của Việt Nam"
        figure = plot(two_lanes(categories={"policy": {"label": label}}), width=4)
        (shown,) = [name for name in lane_names(figure) if name != "Industry"]
        assert shown.endswith("…") and label.startswith(shown[:-1])


class TestColours:
    def test_a_colour_from_the_data_colours_the_lane_marks_and_swatch(self) -> None:
        figure = plot(two_lanes(categories={"policy": {"color": "teal"}}))
        assert same_color(diamond_colour(figure, "policy"), "teal")
        assert same_color(swatch_colours(figure)[1], "teal")

    def test_a_category_without_a_colour_keeps_its_palette_colour(self) -> None:
        palette = colours(["industry", "policy"])
        declared = plot(two_lanes(categories={"policy": {"color": "teal"}}))
        plain = plot(two_lanes())
        for figure in (declared, plain):
            assert same_color(diamond_colour(figure, "industry"), palette["industry"])
        assert same_color(diamond_colour(plain, "policy"), palette["policy"])

    def test_colors_win_over_the_data_and_the_palette(self) -> None:
        resolved = two_lanes(categories={"policy": {"color": "teal"}})
        figure = plot(resolved, colors={"policy": "#ff0000", "industry": "tab:green"})
        assert same_color(diamond_colour(figure, "policy"), "#ff0000")
        assert same_color(diamond_colour(figure, "industry"), "tab:green")
        assert swatch_colours(figure) == [to_hex("tab:green"), "#ff0000"]

    def test_a_colour_for_a_lane_not_shown_is_accepted(self) -> None:
        figure = plot(two_lanes(), categories=["policy"], colors={"industry": "red"})
        assert lane_names(figure) == ["Policy"]

    def test_the_colours_chosen_do_not_change_the_bytes_of_identical_input(
        self, tmp_path: Path
    ) -> None:
        options: dict[str, Any] = {"colors": {"policy": "teal"}, "today": "2025-11-23"}
        first = save_chart(two_lanes(), tmp_path / "a.svg", **options).read_bytes()
        again = save_chart(two_lanes(), tmp_path / "b.svg", **options).read_bytes()
        assert first == again


class TestColorsOption:
    @pytest.mark.parametrize(
        ("colors", "message"),
        [
            ({"polcy": "red"}, r"colors: no category 'polcy'.*did you mean 'policy'"),
            ({"policy": "reddish"}, r"colors: 'reddish' \(for 'policy'\) is not a colour"),
            ({"policy": 5}, r"colors: 5 \(for 'policy'\) is not a colour"),
            ("red", "colors must map category names to colours"),
        ],
    )
    def test_a_bad_mapping_is_refused_naming_what_is_wrong(self, colors: Any, message: str) -> None:
        with pytest.raises(OptionError, match=message):
            plot(two_lanes(), colors=colors)

    def test_a_bad_colour_is_refused_before_a_file_is_written(self, tmp_path: Path) -> None:
        with pytest.raises(OptionError, match="reddish"):
            save_chart(two_lanes(), tmp_path / "c.svg", colors={"policy": "reddish"})
        assert list(tmp_path.iterdir()) == []


class TestTitle:
    def test_a_named_timeline_gets_no_title_unless_one_is_asked_for(self) -> None:
        resolved = two_lanes(name="Vietnam AI policy timeline")
        untitled = plot(resolved)
        assert [t for t in untitled.texts if t.get_gid() == "vnt-title"] == []
        assert text_of(plot(resolved, title="Mốc chính"), "vnt-title") == "Mốc chính"
