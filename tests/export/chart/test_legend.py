"""The legend of the marks shown, and the footnote of what is not."""

from __future__ import annotations

from matplotlib.figure import Figure

from helpers.chart import claim, crowd, labels, show_figure_fixture, show_fixture, text_of, timeline  # noqa: F401 (fixtures)
from vntimeline import Event, ResolvedTimeline
from vntimeline._export.chart.figure import plot


class TestLegend:
    def test_the_legend_explains_each_mark_shown_and_no_other(self, show_figure: Figure) -> None:
        (legend,) = [a for a in show_figure.legends if a.get_gid() == "vnt-legend"]
        texts = [t.get_text() for t in legend.get_texts()]
        assert texts == [
            "Milestone",
            "Span",
            "Day not known: shading spans the possible dates",
            "Sources conflict: hatching spans every date they give",
            "No date reported: range implied by the order of events",
            "No end date reported",
        ]
        only_days = plot(timeline(Event(id="a", title="A", claims=[claim("2025-01-02")])))
        (legend,) = only_days.legends
        assert [t.get_text() for t in legend.get_texts()] == ["Milestone"]


class TestFootnote:
    def test_undated_events_are_counted_in_the_footnote(self, show_figure: Figure) -> None:
        assert "interview" not in labels(show_figure)
        assert "1 event with no known date" in text_of(show_figure, "vnt-footnote")

    def test_labels_left_out_are_counted_in_the_footnote(self) -> None:
        figure = plot(crowd(200), max_rows=10)
        left_out = 200 - len(labels(figure))
        assert left_out > 0
        assert f"{left_out} labels left out where events crowd" in text_of(figure, "vnt-footnote")

    def test_events_outside_the_period_are_left_out_and_counted(
        self, show: ResolvedTimeline
    ) -> None:
        figure = plot(show, since="2025-09", until="2025-11")
        assert "decision-127" not in labels(figure)
        assert "nanning" in labels(figure)
        assert "outside the period" in text_of(figure, "vnt-footnote")
