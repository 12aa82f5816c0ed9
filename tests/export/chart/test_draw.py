"""Drawing a lane: one collection per lane and mark type, each mark as shown."""

from __future__ import annotations

import io
from typing import Any

import matplotlib
import numpy as np
from matplotlib.collections import Collection
from matplotlib.figure import Figure

from helpers.chart import (  # noqa: F401 (fixtures)
    claim,
    count,
    crowd,
    gid,
    marks,
    show_figure_fixture,
    show_fixture,
    timeline,
)
from vntimeline import Event, ResolvedTimeline
from vntimeline._export.chart.figure import plot
from vntimeline._export.chart.style import PALETTE


class TestMarks:
    def test_every_milestone_is_one_diamond(self, show: ResolvedTimeline,
                                            show_figure: Figure) -> None:  # fmt: skip
        milestones = [e for e in show if e.dated and e.kind == "milestone"]
        assert count(show_figure, "diamond", "diamond-open") == len(milestones) == 8

    def test_every_span_is_one_bar(self, show: ResolvedTimeline, show_figure: Figure) -> None:
        spans = [e for e in show if e.dated and e.kind == "span"]
        assert count(show_figure, "bar", "bar-bounded") == len(spans) == 4

    def test_exact_days_are_filled_and_others_hollow(self, show_figure: Figure) -> None:
        # decision-127 and resolution-57 are days; ai-law, eu-forum, fpt-factory,
        # targets-2030 (month or year), nanning (conflict range), vineu (bounded) are not.
        assert count(show_figure, "diamond") == 2
        assert count(show_figure, "diamond-open") == 6

    def test_each_date_coarser_than_a_day_gets_one_shaded_range(
        self, show: ResolvedTimeline, show_figure: Figure
    ) -> None:
        coarse = [
            date for e in show if e.status not in ("bounded", "undated")
            for date in {e.start, e.end} if date is not None and not date.exact
        ]  # fmt: skip
        # ai-law, eu-forum, fpt-factory, targets-2030, nanning, fpt-city (both ends)
        assert count(show_figure, "range", "range-conflict") == len(coarse) == 7

    def test_conflicts_are_ringed_and_hatched(self, show_figure: Figure) -> None:
        assert count(show_figure, "conflict") == 1
        assert count(show_figure, "range-conflict") == 1
        assert all(c.get_hatch() == "////" for c in marks(show_figure, "range-conflict"))

    def test_bounded_events_get_a_dashed_range(self, show_figure: Figure) -> None:
        assert count(show_figure, "range-bounded") == 1
        (collection,) = marks(show_figure, "range-bounded")
        styles: Any = collection.get_linestyle()
        assert styles[0][1] is not None  # a dash pattern, not solid

    def test_a_span_without_an_end_gets_an_open_whisker(self, show_figure: Figure) -> None:
        assert count(show_figure, "open-end") == 1

    def test_a_category_keeps_its_colour_in_every_chart(self, show: ResolvedTimeline,
                                                        show_figure: Figure) -> None:  # fmt: skip
        def policy_colour(figure: Figure) -> Any:
            (diamonds,) = [c for c in marks(figure, "diamond") if gid(c).endswith(".policy")]
            return tuple(np.asarray(diamonds.get_facecolor())[0])

        alone = plot(show, categories=["policy"])
        assert policy_colour(alone) == policy_colour(show_figure)
        assert policy_colour(alone) == matplotlib.colors.to_rgba(PALETTE[3])


class TestCollections:
    def test_one_collection_per_lane_and_mark_type_however_many_events(self) -> None:
        many = crowd(600)
        figure = plot(many, max_rows=5)
        mark_collections = [c for c in figure.findobj(Collection)
                            if str(c.get_gid()).startswith("vnt-")]  # fmt: skip
        assert len(mark_collections) <= 12
        assert count(figure, "diamond", "diamond-open") == 600

    def test_ten_thousand_events_render_with_a_few_dozen_artists(self) -> None:
        events = [
            Event(id=f"e{i}", title=f"Sự kiện {i}", category=f"c{i % 5}",
                  kind="span" if i % 5 == 0 else "milestone",
                  claims=[claim(f"{2018 + i % 13}-{i % 12 + 1:02d}",
                                f"{2019 + i % 13}" if i % 5 == 0 else None)])
            for i in range(10_000)
        ]  # fmt: skip
        # Few rows: labels are the per-event cost, and this is about the marks.
        figure = plot(timeline(*events), max_rows=3)
        png = io.BytesIO()
        figure.savefig(png, format="png", dpi=50)
        assert png.getvalue().startswith(b"\x89PNG")
        assert count(figure, "diamond", "diamond-open", "bar") == 10_000
        assert len([c for c in figure.findobj(Collection)
                    if str(c.get_gid()).startswith("vnt-")]) <= 5 * 9 + 3  # fmt: skip
