"""Where events go: the period shown, the lanes shown and their order."""

from __future__ import annotations

import datetime as dt

from matplotlib.figure import Figure

from helpers.chart import day_of, show_figure_fixture, show_fixture, text_of  # noqa: F401 (fixtures)
from vntimeline import ResolvedTimeline, Timeline, resolve
from vntimeline._export.chart.figure import plot


class TestLanes:
    def test_one_lane_per_category_in_alphabetical_order(self, show_figure: Figure) -> None:
        (ax,) = show_figure.axes
        names = [t.get_text() for t in ax.get_yticklabels()]
        assert names == ["Cooperation", "Diplomacy", "Industry", "Policy", "Research", "Target"]

    def test_categories_given_set_the_lanes_and_their_order(self, show: ResolvedTimeline) -> None:
        (ax,) = plot(show, categories=["target", "policy"]).axes
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Target", "Policy"]

    def test_lanes_left_empty_by_the_period_are_dropped_unless_asked_for(
        self, show: ResolvedTimeline
    ) -> None:
        (ax,) = plot(show, since="2030", until="2030").axes
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Target"]
        figure = plot(show, since="2030", until="2030", categories=["policy", "target"])
        assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == ["Policy", "Target"]
        assert text_of(figure, "vnt-empty.policy") == "No dated events in this period"

    def test_a_timeline_with_no_events_draws_an_empty_lane(self) -> None:
        figure = plot(resolve(Timeline(events=[])))
        assert text_of(figure, "vnt-empty.general") == "No dated events in this period"


class TestWindow:
    def test_since_and_until_set_the_period_shown(self, show: ResolvedTimeline) -> None:
        (ax,) = plot(show, since="2025-09", until="2025-11").axes
        low, high = ax.get_xlim()
        assert day_of(low) == dt.date(2025, 8, 31)  # 00:00 +07:00
        assert day_of(high) == dt.date(2025, 11, 30)
