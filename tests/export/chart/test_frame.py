"""The frame: lane names, date ticks and the today line."""

from __future__ import annotations

import datetime as dt

import numpy as np
from matplotlib.figure import Figure

from helpers.chart import claim, day_of, show_figure_fixture, show_fixture, text_of, timeline  # noqa: F401 (fixtures)
from vntimeline import Event, ResolvedTimeline
from vntimeline._export.chart.figure import _rc, plot


class TestLaneNames:
    def test_a_long_category_name_is_shortened_to_leave_room_for_the_plot(self) -> None:
        name = "a-very-long-category-name-that-goes-on-and-on-and-on"
        event = Event(id="a", title="A", category=name, claims=[claim("2025-01-02")])
        (ax,) = plot(timeline(event), width=4).axes
        (text,) = [t.get_text() for t in ax.get_yticklabels()]
        assert text == "A very long…"
        assert ax.get_position().width > 0.5


class TestTicks:
    def test_a_decade_is_ticked_in_years(self, show_figure: Figure) -> None:
        with _rc():
            show_figure.canvas.draw()
        years = [int(t.get_text()) for t in show_figure.axes[0].get_xticklabels()]
        assert len(years) >= 10
        assert years == list(range(years[0], years[0] + len(years)))

    def test_a_season_is_ticked_in_months(self, show: ResolvedTimeline) -> None:
        figure = plot(show, since="2025-09", until="2025-11")
        with _rc():
            figure.canvas.draw()
        ticks = [t.get_text() for t in figure.axes[0].get_xticklabels()]
        assert {"Oct", "Nov"} <= set(ticks)


class TestToday:
    def test_today_draws_a_dated_line(self, show: ResolvedTimeline, show_figure: Figure) -> None:
        (line,) = [a for a in show_figure.axes[0].lines if a.get_gid() == "vnt-today"]
        x = float(np.asarray(line.get_xdata())[0])
        assert day_of(x) == dt.date(2025, 11, 23)
        assert text_of(show_figure, "vnt-today-label") == "Today, 23 Nov 2025"

    def test_no_today_no_line(self, show: ResolvedTimeline) -> None:
        assert [a for a in plot(show).axes[0].lines if a.get_gid() == "vnt-today"] == []

    def test_today_outside_the_period_is_not_drawn(self, show: ResolvedTimeline) -> None:
        figure = plot(show, since="2021", until="2022", today="2025-11-23")
        assert [a for a in figure.axes[0].lines if a.get_gid() == "vnt-today"] == []
