"""Open sides in the chart: "on or before", "on or after", "still going on" reach the edge."""

from __future__ import annotations

import datetime as dt
import math
import warnings

import numpy as np
from matplotlib.figure import Figure

from helpers.chart import (  # noqa: F401 (fixtures)
    bundled_fixture,
    claim,
    count,
    day_of,
    gid,
    labels,
    marks,
    timeline,
)
from vntimeline import Event, ResolvedTimeline
from vntimeline._export.chart.figure import plot

OPEN_SIDE = "Open side: on or before (after) a date, or still going on"


def open_timeline() -> ResolvedTimeline:
    """A milestone open before, one open after, a span still going on, and a closed one."""
    return timeline(
        Event(id="step-up", title="Step up", category="cooperation",
              claims=[claim("[..2026-03-08]")]),
        Event(id="since", title="Since September", category="policy",
              claims=[claim("[2025-09..]")]),
        Event(id="programme", title="AI programme", kind="span", category="industry",
              claims=[claim("2025-10", "..")]),
        Event(id="factory", title="AI factory", category="industry",
              claims=[claim("2024-04-15")]),
    )  # fmt: skip


def offsets(figure: Figure, mark: str) -> list[tuple[float, float]]:
    """The (x, y) of every point of one mark type, every lane."""
    points = [np.asarray(c.get_offsets(), dtype=float) for c in marks(figure, mark)]
    return [(float(x), float(y)) for group in points for x, y in group]


def legend_texts(figure: Figure) -> list[str]:
    return [t.get_text() for legend in figure.legends for t in legend.get_texts()]


class TestArrows:
    def test_each_open_side_gets_an_arrow_in_its_lane(self) -> None:
        figure = plot(open_timeline())

        before = {gid(c) for c in marks(figure, "open-before")}
        after = {gid(c) for c in marks(figure, "open-after")}
        assert before == {"vnt-open-before.cooperation"}
        assert after == {"vnt-open-after.policy", "vnt-open-after.industry"}
        assert count(figure, "open-before") == 1
        assert count(figure, "open-after") == 2

    def test_arrows_sit_on_the_edges_of_the_plot(self) -> None:
        figure = plot(open_timeline())
        low, high = figure.axes[0].get_xlim()

        assert [x for x, _y in offsets(figure, "open-before")] == [low]
        assert [x for x, _y in offsets(figure, "open-after")] == [high, high]

    def test_the_window_is_finite_and_around_the_known_dates(self) -> None:
        low, high = plot(open_timeline()).axes[0].get_xlim()

        assert math.isfinite(low) and math.isfinite(high)
        # 15 April 2024 to 8 March 2026 are known; a margin of weeks on each side.
        assert dt.date(2024, 1, 1) <= day_of(low) <= dt.date(2024, 4, 15)
        assert dt.date(2026, 3, 8) <= day_of(high) <= dt.date(2026, 6, 30)

    def test_a_lone_open_milestone_is_shown_near_its_known_day_not_in_1970(self) -> None:
        figure = plot(timeline(Event(id="a", title="A", claims=[claim("[..2026-03-08]")])))
        low, high = figure.axes[0].get_xlim()

        assert dt.date(2025, 12, 1) <= day_of(low) <= dt.date(2026, 3, 8) <= day_of(high)
        assert day_of(high) <= dt.date(2026, 6, 1)
        ((diamond_x, _y),) = offsets(figure, "diamond-open")
        assert day_of(diamond_x) == dt.date(2026, 3, 8)  # on the known side
        assert set(labels(figure)) == {"a"}

    def test_a_span_still_going_on_runs_to_the_right_edge(self) -> None:
        figure = plot(open_timeline(), categories=["industry"])
        high = figure.axes[0].get_xlim()[1]

        (bar,) = marks(figure, "bar")
        right = max(
            float(np.asarray(path.vertices, dtype=float)[:, 0].max()) for path in bar.get_paths()
        )
        assert right == high
        assert count(figure, "open-end") == 0  # not "no end date reported"

    def test_a_side_closed_by_an_order_constraint_gets_no_arrow(self) -> None:
        figure = plot(
            timeline(
                Event(id="strategy", title="Strategy", claims=[claim("2021-10-16")]),
                Event(
                    id="step-up",
                    title="Step up",
                    after=["strategy"],
                    claims=[claim("[..2026-03-08]")],
                ),
            )
        )

        assert count(figure, "open-before", "open-after") == 0
        assert dt.date(2021, 1, 1) <= day_of(figure.axes[0].get_xlim()[0])


class TestLegend:
    def test_the_open_side_entry_is_shown_when_an_open_side_is_drawn(self) -> None:
        assert OPEN_SIDE in legend_texts(plot(open_timeline()))

    def test_the_open_side_entry_is_left_out_when_none_is_drawn(self) -> None:
        closed = plot(timeline(Event(id="a", title="A", claims=[claim("2025-09")])))
        assert count(closed, "open-before", "open-after") == 0
        assert OPEN_SIDE not in legend_texts(closed)
        assert legend_texts(closed) == ["Day not known: shading spans the possible dates"]


class TestBundledData:
    def test_the_bundled_data_draws_with_every_arrow_on_an_edge(
        self, bundled: ResolvedTimeline
    ) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            figure = plot(bundled, today="2025-11-23")
        low, high = figure.axes[0].get_xlim()

        assert math.isfinite(low) and math.isfinite(high)
        assert dt.date(1990, 1, 1) < day_of(low) < day_of(high) < dt.date(2040, 1, 1)
        assert {x for x, _y in offsets(figure, "open-before")} <= {low}
        assert {x for x, _y in offsets(figure, "open-after")} <= {high}
        drawn = count(figure, "open-before", "open-after") > 0
        assert (OPEN_SIDE in legend_texts(figure)) == drawn
