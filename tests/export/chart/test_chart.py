"""The Gantt chart: what it draws, where labels go, its options, its files, its looks.

Baseline images live in ``tests/baseline/``. To regenerate them after an
intended change, run ``VNTIMELINE_REGENERATE_BASELINES=1 pytest tests/test_chart.py``
and look at every changed image before committing it.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pytest
from matplotlib.artist import Artist
from matplotlib.collections import Collection, PathCollection
from matplotlib.figure import Figure
from matplotlib.testing.compare import compare_images
from matplotlib.text import Text
from matplotlib.transforms import Bbox

import vntimeline
from vntimeline import Claim, Event, PartialDate, ResolvedTimeline, Source, Timeline, resolve
from vntimeline._export.chart.figure import PALETTE, _rc, plot, save_chart
from vntimeline._export.chart.labels import Box, place, shorten
from vntimeline.errors import DateError, ExportError, VntimelineError

BASELINE = Path(__file__).parent / "baseline"
REGENERATE = os.environ.get("VNTIMELINE_REGENERATE_BASELINES") == "1"
#: Whole images: allows for text rasterised by another FreeType build.
TOLERANCE_IMAGE = 6.0
#: Images without text: marks and layout are rendered by Agg alone.
TOLERANCE_MARKS = 0.5


# -- building timelines -------------------------------------------------------

SOURCES = [
    Source(id="gov", title="Official gazette", publisher="Chính phủ", authority="official"),
    Source(id="press-a", title="Article A", publisher="Báo A"),
    Source(id="press-b", title="Article B", publisher="Báo B"),
]


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def claim(start: str, end: str | None = None, source: str = "press-a") -> Claim:
    return Claim(source=source, start=d(start), end=None if end is None else d(end))


def timeline(*events: Event) -> ResolvedTimeline:
    return resolve(Timeline(events=events, sources=SOURCES))


def showcase(*, ai_law: str = "2025") -> ResolvedTimeline:
    """Every kind of mark, Vietnamese titles, an undated event, six lanes."""
    return timeline(
        Event(id="decision-127",
              title="Quyết định 127/QĐ-TTg: chiến lược quốc gia về trí tuệ nhân tạo đến năm 2030",
              category="policy", aliases=["Quyết định 127/QĐ-TTg"],
              claims=[claim("2021-01-26", source="gov")]),
        Event(id="resolution-57", title="Nghị quyết 57-NQ/TW", category="policy",
              claims=[claim("2024-12-22", source="gov"), claim("2024-12")]),
        Event(id="ai-law", title="Luật Trí tuệ nhân tạo", category="policy",
              claims=[claim(ai_law)]),
        Event(id="nanning", title="ASEAN–China roundtable on AI, Nanning", category="diplomacy",
              claims=[claim("2025-09-18"), claim("2025-09-20", source="press-b")]),
        Event(id="hanoi-convention", title="Hanoi Convention signing", kind="span",
              category="diplomacy", claims=[claim("2025-10-25", "2025-10-26")]),
        Event(id="digital-week", title="Vietnam International Digital Week 2025", kind="span",
              category="cooperation", claims=[claim("2025-10-27", "2025-10-29", "press-b")]),
        Event(id="eu-forum", title="Diễn đàn Hợp tác Số Việt Nam – EU", category="cooperation",
              claims=[claim("2025-10", source="press-b")]),
        Event(id="vineu", title="VINEU mở rộng ra hơn 10 quốc gia", category="cooperation",
              after=["decision-127"], before=["digital-week"]),
        Event(id="fpt-factory", title="FPT AI Factory", category="industry",
              claims=[claim("2024-04")]),
        Event(id="fpt-city", title="FPT AI city, Bình Định", kind="span", category="industry",
              claims=[claim("2023-03", "2026")]),
        Event(id="nvidia-centre", title="Nvidia R&D centre in Việt Nam", kind="span",
              category="research", claims=[claim("2024-12-05", source="press-b")]),
        Event(id="interview", title="Phỏng vấn TS Nguyễn Duy Cừ", category="research"),
        Event(id="targets-2030", title="Mục tiêu 2030: top 4 ASEAN", category="target",
              claims=[claim("2030", source="gov")]),
    )  # fmt: skip


def crowd(count: int = 200) -> ResolvedTimeline:
    """*count* events in one lane, most of them in September 2025, some the same day."""
    events = []
    for i in range(count):
        if i % 4 == 0:
            start = "2025-09"
        elif i % 4 == 1:
            start = "2025-09-15"
        else:
            start = f"2025-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}"
        title = f"Hội nghị số {i} về trí tuệ nhân tạo" + " và chuyển đổi số" * (i % 3)
        events.append(Event(id=f"e{i}", title=title, category="policy", claims=[claim(start)]))
    return timeline(*events)


# -- looking at figures --------------------------------------------------------


def gid(artist: Artist) -> str:
    return artist.get_gid() or ""


def marks(figure: Figure, mark: str) -> list[Collection]:
    """The collections of one mark type (gid ``vnt-<mark>.<category>``), every lane."""
    return [c for c in figure.findobj(Collection) if gid(c).split(".")[0] == f"vnt-{mark}"]


def count(figure: Figure, *kinds: str) -> int:
    """How many items the collections of *kinds* draw."""
    total = 0
    for kind in kinds:
        for c in marks(figure, kind):
            items = c.get_offsets() if isinstance(c, PathCollection) else c.get_paths()
            total += len(np.asarray(items, dtype=object))
    return total


def labels(figure: Figure) -> dict[str, Text]:
    """Event id -> its label."""
    return {
        gid(t).split(".", 1)[1]: t for t in figure.findobj(Text)
        if gid(t).startswith("vnt-label.")
    }  # fmt: skip


def day_of(x: float) -> dt.date:
    """The UTC date of a matplotlib date value (days since 1970)."""
    return (dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=x)).date()


def text_of(figure: Figure, gid: str) -> str:
    found = [t.get_text() for t in figure.findobj(Text) if t.get_gid() == gid]
    assert len(found) == 1, f"expected one text {gid!r}, found {found!r}"
    return found[0]


def extents(figure: Figure, texts: list[Text]) -> list[Bbox]:
    """Window extents of *texts* as the chart draws them."""
    with _rc():
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        return [t.get_window_extent(renderer) for t in texts]


def overlapping(boxes: list[Bbox]) -> list[tuple[int, int]]:
    """Pairs of boxes that share any area (sweep over x)."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i].x0)
    found = []
    for n, i in enumerate(order):
        for j in order[n + 1 :]:
            if boxes[j].x0 >= boxes[i].x1:
                break
            if boxes[i].overlaps(boxes[j]):
                found.append((i, j))
    return found


@pytest.fixture(scope="module")
def show() -> ResolvedTimeline:
    return showcase()


@pytest.fixture(scope="module")
def show_figure(show: ResolvedTimeline) -> Figure:
    return plot(show, today="2025-11-23", title="Việt Nam và trí tuệ nhân tạo")


# -- structure -----------------------------------------------------------------


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

    def test_undated_events_are_counted_in_the_footnote(self, show_figure: Figure) -> None:
        assert "interview" not in labels(show_figure)
        assert "1 event with no known date" in text_of(show_figure, "vnt-footnote")

    def test_every_dated_event_has_a_label(self, show: ResolvedTimeline,
                                           show_figure: Figure) -> None:  # fmt: skip
        assert set(labels(show_figure)) == {e.id for e in show if e.dated}

    def test_one_collection_per_lane_and_mark_type_however_many_events(self) -> None:
        many = crowd(600)
        figure = plot(many, max_rows=5)
        mark_collections = [c for c in figure.findobj(Collection)
                            if str(c.get_gid()).startswith("vnt-")]  # fmt: skip
        assert len(mark_collections) <= 12
        assert count(figure, "diamond", "diamond-open") == 600

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


class TestLanes:
    def test_one_lane_per_category_in_alphabetical_order(self, show_figure: Figure) -> None:
        (ax,) = show_figure.axes
        names = [t.get_text() for t in ax.get_yticklabels()]
        assert names == ["Cooperation", "Diplomacy", "Industry", "Policy", "Research", "Target"]

    def test_categories_given_set_the_lanes_and_their_order(self, show: ResolvedTimeline) -> None:
        (ax,) = plot(show, categories=["target", "policy"]).axes
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Target", "Policy"]

    def test_a_category_keeps_its_colour_in_every_chart(self, show: ResolvedTimeline,
                                                        show_figure: Figure) -> None:  # fmt: skip
        def policy_colour(figure: Figure) -> Any:
            (diamonds,) = [c for c in marks(figure, "diamond") if gid(c).endswith(".policy")]
            return tuple(np.asarray(diamonds.get_facecolor())[0])

        alone = plot(show, categories=["policy"])
        assert policy_colour(alone) == policy_colour(show_figure)
        assert policy_colour(alone) == matplotlib.colors.to_rgba(PALETTE[3])

    def test_lanes_left_empty_by_the_period_are_dropped_unless_asked_for(
        self, show: ResolvedTimeline
    ) -> None:
        (ax,) = plot(show, since="2030", until="2030").axes
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Target"]
        figure = plot(show, since="2030", until="2030", categories=["policy", "target"])
        assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == ["Policy", "Target"]
        assert text_of(figure, "vnt-empty.policy") == "No dated events in this period"

    def test_a_long_category_name_is_shortened_to_leave_room_for_the_plot(self) -> None:
        name = "a-very-long-category-name-that-goes-on-and-on-and-on"
        event = Event(id="a", title="A", category=name, claims=[claim("2025-01-02")])
        (ax,) = plot(timeline(event), width=4).axes
        (text,) = [t.get_text() for t in ax.get_yticklabels()]
        assert text == "A very long…"
        assert ax.get_position().width > 0.5

    def test_the_figure_grows_with_the_content(self, show: ResolvedTimeline) -> None:
        small = plot(show, categories=["target"])
        large = plot(show)
        taller = plot(crowd(60), max_rows=None)
        assert small.get_figheight() < large.get_figheight() < taller.get_figheight()
        assert small.get_figwidth() == large.get_figwidth() == 10.0


class TestLabels:
    def test_no_two_labels_overlap_in_a_crowded_lane(self) -> None:
        figure = plot(crowd(200))
        texts = list(labels(figure).values())
        assert len(texts) >= 24
        assert overlapping(extents(figure, texts)) == []

    def test_with_no_row_cap_every_crowded_event_is_labelled_and_none_overlap(self) -> None:
        figure = plot(crowd(200), max_rows=None)
        texts = list(labels(figure).values())
        assert len(texts) == 200
        assert overlapping(extents(figure, texts)) == []

    def test_labels_left_out_are_counted_in_the_footnote(self) -> None:
        figure = plot(crowd(200), max_rows=10)
        left_out = 200 - len(labels(figure))
        assert left_out > 0
        assert f"{left_out} labels left out where events crowd" in text_of(figure, "vnt-footnote")

    def test_labels_stay_inside_the_plot(self, show_figure: Figure) -> None:
        (ax,) = show_figure.axes
        with _rc():
            frame = ax.get_window_extent(show_figure.canvas.get_renderer())  # type: ignore[attr-defined]
        for box in extents(show_figure, list(labels(show_figure).values())):
            assert frame.x0 - 0.5 <= box.x0 and box.x1 <= frame.x1 + 0.5

    def test_labels_do_not_cover_any_diamond(self, show_figure: Figure) -> None:
        texts = list(labels(show_figure).values())
        half = 4.7 * show_figure.dpi / 72  # a diamond's half width, in pixels
        diamonds = [
            Bbox.from_extents(x - half, y - half, x + half, y + half)
            for c in marks(show_figure, "diamond") + marks(show_figure, "diamond-open")
            for x, y in c.get_offset_transform().transform(c.get_offsets())
        ]
        assert len(diamonds) == 8
        for box in extents(show_figure, texts):
            assert not any(box.overlaps(diamond) for diamond in diamonds)

    def test_a_long_title_gives_way_to_an_alias_that_fits(self, show_figure: Figure) -> None:
        assert labels(show_figure)["decision-127"].get_text() == "Quyết định 127/QĐ-TTg"

    def test_a_long_title_without_alias_is_shortened_with_an_ellipsis(self) -> None:
        title = "Chương trình " + " ".join(f"hợp tác {i}" for i in range(40))
        figure = plot(timeline(Event(id="long", title=title, claims=[claim("2025-01-02")])))
        text = labels(figure)["long"].get_text()
        assert text.endswith("…") and title.startswith(text[:-1].rstrip())
        (box,) = extents(figure, [labels(figure)["long"]])
        assert box.width <= 200 * figure.dpi / 72 + 1

    def test_titles_with_dollar_signs_are_not_read_as_mathtext(self) -> None:
        title = "FPT announces a US$200 million AI Factory"
        figure = plot(timeline(Event(id="fpt", title=title, claims=[claim("2024-04")])))
        figure.canvas.draw()  # would fail on unbalanced $ if parsed as math
        assert labels(figure)["fpt"].get_text() == title


class TestShorten:
    @staticmethod
    def width(text: str) -> float:
        return 5.0 * len(text)

    def test_text_that_fits_is_kept(self) -> None:
        assert shorten("Việt Nam", 40, self.width) == "Việt Nam"

    def test_long_text_is_cut_at_a_word_with_an_ellipsis(self) -> None:
        assert shorten("Nghị quyết về chuyển đổi số", 80, self.width) == "Nghị quyết về…"

    def test_a_letter_and_its_combining_mark_are_never_split(self) -> None:
        decomposed = "Vie\u0323\u0302t"  # "Việt" written with combining marks
        cut = shorten(decomposed + " Nam xa xa", 20, self.width)
        assert cut == "Việ…"  # NFC first, so the marks travel with their letter

    def test_nothing_fits_gives_empty_text(self) -> None:
        assert shorten("Việt Nam", 6, self.width) == ""


class TestPlace:
    @staticmethod
    def width(text: str) -> float:
        return 6.0 * len(text)

    def test_events_far_apart_share_a_row(self) -> None:
        boxes = [Box(0, 8, 0, 8), Box(300, 308, 300, 308)]
        rows = [p.row for p in place(boxes, [["abc"], ["abc"]], 600, self.width)]
        assert rows == [0, 0]

    def test_events_whose_labels_would_collide_take_new_rows(self) -> None:
        boxes = [Box(0, 8, 0, 8), Box(10, 18, 10, 18), Box(20, 28, 20, 28)]
        placements = place(boxes, [["abcdef"]] * 3, 600, self.width)
        assert [p.row for p in placements] == [0, 1, 2]

    def test_a_label_near_the_right_edge_goes_left(self) -> None:
        (p,) = place([Box(590, 598, 590, 598)], [["abcdef"]], 600, self.width)
        assert p.side == "left" and p.right == 598 and p.left == 590 - 4 - 36

    def test_a_label_with_no_room_outside_goes_inside_its_bar(self) -> None:
        (p,) = place([Box(0, 600, 0, 600, roomy=True)], [["abcdef"]], 600, self.width)
        assert p.side == "inside"

    def test_past_the_row_cap_marks_stay_and_labels_go(self) -> None:
        boxes = [Box(0, 8, 0, 8)] * 5
        placements = place(boxes, [["abc"]] * 5, 600, self.width, max_rows=2)
        assert [p.side for p in placements] == ["right", "right", None, None, None]
        assert max(p.row for p in placements) == 2  # one extra row gathers the marks

    def test_the_same_input_gives_the_same_layout(self) -> None:
        boxes = [Box(i % 7 * 10, i % 7 * 10 + 8, i % 7 * 10, i % 7 * 10 + 8) for i in range(30)]
        texts = [[f"event {i}"] for i in range(30)]
        assert place(boxes, texts, 600, self.width) == place(boxes, texts, 600, self.width)


@pytest.fixture(scope="module")
def bundled() -> ResolvedTimeline:
    return resolve(vntimeline.load_default())


class TestBundledData:
    def test_every_dated_event_is_drawn_once_and_labelled(self, bundled: ResolvedTimeline) -> None:
        figure = plot(bundled, today="2025-11-23")
        dated = [e for e in bundled if e.dated]
        assert count(figure, "diamond", "diamond-open") == sum(e.kind == "milestone" for e in dated)
        assert count(figure, "bar", "bar-bounded") == sum(e.kind == "span" for e in dated)
        assert set(labels(figure)) == {e.id for e in dated}

    def test_no_labels_overlap_and_no_glyph_is_missing(self, bundled: ResolvedTimeline) -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            figure = plot(bundled, today="2025-11-23")
            boxes = extents(figure, list(labels(figure).values()))
        assert overlapping(boxes) == []
        assert [str(w.message) for w in caught] == []

    def test_one_chart_per_category_draws_only_that_lane(self, bundled: ResolvedTimeline) -> None:
        for category in bundled.timeline.categories:
            (ax,) = plot(bundled, categories=[category]).axes
            assert [t.get_text().lower() for t in ax.get_yticklabels()] == [
                category.replace("-", " ")
            ]


class TestDiacritics:
    def test_vietnamese_titles_draw_without_missing_glyphs(self, show: ResolvedTimeline) -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            figure = plot(show, title="Nghị quyết 57-NQ/TW — Việt Nam")
            with _rc():
                figure.canvas.draw()
        assert [str(w.message) for w in caught if "Glyph" in str(w.message)] == []
        assert labels(figure)["resolution-57"].get_text() == "Nghị quyết 57-NQ/TW"

    def test_the_check_would_see_a_missing_glyph(self) -> None:
        # A character DejaVu Sans lacks, to show the test above can fail.
        event = Event(id="han", title="漢字 title", claims=[claim("2025-01-02")])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            figure = plot(timeline(event))
            with _rc():
                figure.canvas.draw()
        assert any("Glyph" in str(w.message) for w in caught)


class TestWindow:
    def test_since_and_until_set_the_period_shown(self, show: ResolvedTimeline) -> None:
        (ax,) = plot(show, since="2025-09", until="2025-11").axes
        low, high = ax.get_xlim()
        assert day_of(low) == dt.date(2025, 8, 31)  # 00:00 +07:00
        assert day_of(high) == dt.date(2025, 11, 30)

    def test_since_and_until_accept_text_partial_dates_and_dates(
        self, show: ResolvedTimeline
    ) -> None:
        a = plot(show, since="2025-09-01", until="2025-11-30").axes[0].get_xlim()
        b = plot(show, since=d("2025-09-01"), until=d("2025-11-30")).axes[0].get_xlim()
        c = plot(show, since=dt.date(2025, 9, 1), until=dt.date(2025, 11, 30)).axes[0].get_xlim()
        assert a == b == c

    def test_events_outside_the_period_are_left_out_and_counted(
        self, show: ResolvedTimeline
    ) -> None:
        figure = plot(show, since="2025-09", until="2025-11")
        assert "decision-127" not in labels(figure)
        assert "nanning" in labels(figure)
        assert "outside the period" in text_of(figure, "vnt-footnote")

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

    def test_until_before_since_is_refused(self, show: ResolvedTimeline) -> None:
        with pytest.raises(DateError, match=r"since .* must come before until"):
            plot(show, since="2026", until="2025")

    def test_a_bad_date_is_refused_naming_the_option(self, show: ResolvedTimeline) -> None:
        with pytest.raises(DateError, match="since: '2025-13' is not a valid date"):
            plot(show, since="2025-13")
        with pytest.raises(DateError, match="until must be an EDTF date"):
            plot(show, until=2025)  # type: ignore[arg-type]


class TestToday:
    def test_today_draws_a_dated_line(self, show: ResolvedTimeline, show_figure: Figure) -> None:
        (line,) = [a for a in show_figure.axes[0].lines if a.get_gid() == "vnt-today"]
        x = float(np.asarray(line.get_xdata())[0])
        assert day_of(x) == dt.date(2025, 11, 23)
        assert text_of(show_figure, "vnt-today-label") == "Today, 23 Nov 2025"

    def test_today_accepts_a_date(self, show: ResolvedTimeline) -> None:
        figure = plot(show, today=dt.date(2025, 11, 23))
        assert text_of(figure, "vnt-today-label") == "Today, 23 Nov 2025"

    def test_no_today_no_line(self, show: ResolvedTimeline) -> None:
        assert [a for a in plot(show).axes[0].lines if a.get_gid() == "vnt-today"] == []

    def test_today_outside_the_period_is_not_drawn(self, show: ResolvedTimeline) -> None:
        figure = plot(show, since="2021", until="2022", today="2025-11-23")
        assert [a for a in figure.axes[0].lines if a.get_gid() == "vnt-today"] == []

    def test_a_bad_today_is_refused(self, show: ResolvedTimeline) -> None:
        with pytest.raises(DateError, match="today must be a date such as 2025-11-23"):
            plot(show, today="tomorrow")


class TestOptions:
    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({"categories": "policy"}, "categories must be a list of names"),
            ({"categories": []}, "categories is empty"),
            ({"categories": ["polcy"]}, r"no category 'polcy'.*did you mean 'policy'"),
            ({"categories": ["policy", "policy"]}, "names a category twice"),
            ({"width": 1}, "width must be a number of inches from 3 to 60"),
            ({"width": True}, "width must be a number"),
            ({"max_rows": 0}, "max_rows must be a whole number of at least 1"),
            ({"max_rows": 2.5}, "max_rows must be a whole number"),
            ({"title": 5}, "title must be text"),
        ],
    )
    def test_bad_options_are_refused_with_a_reason(
        self, show: ResolvedTimeline, options: dict[str, Any], message: str
    ) -> None:
        with pytest.raises(ValueError, match=message) as info:
            plot(show, **options)
        assert isinstance(info.value, VntimelineError)

    def test_a_chart_draws_into_a_given_axes_and_returns_its_figure(
        self, show: ResolvedTimeline
    ) -> None:
        figure = Figure(figsize=(8, 5))
        ax = figure.add_subplot()
        assert plot(show, ax=ax, title="Trong trục") is figure
        assert figure.get_size_inches().tolist() == [8, 5]
        assert len(labels(figure)) == 12
        assert count(figure, "diamond", "diamond-open") == 8

    def test_matplotlib_is_imported_only_when_drawing(self) -> None:
        code = "import sys, vntimeline; print('matplotlib' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONPATH": _src_path()})  # fmt: skip
        assert out.stdout.strip() == "False"

    def test_the_public_api_exports_plot_and_save_chart(self) -> None:
        assert vntimeline.plot is plot and vntimeline.save_chart is save_chart

    def test_a_timeline_with_no_events_draws_an_empty_lane(self) -> None:
        figure = plot(resolve(Timeline(events=[])))
        assert text_of(figure, "vnt-empty.general") == "No dated events in this period"


def _src_path() -> str:
    return os.pathsep.join([str(Path(vntimeline.__file__).parent.parent),
                            os.environ.get("PYTHONPATH", "")])  # fmt: skip


# -- files ---------------------------------------------------------------------


class TestSaveChart:
    @pytest.mark.parametrize(
        ("name", "magic"),
        [("c.svg", b"<?xml"), ("c.png", b"\x89PNG"), ("c.pdf", b"%PDF"), ("C.SVG", b"<?xml")],
    )
    def test_the_extension_picks_the_format(
        self, show: ResolvedTimeline, tmp_path: Path, name: str, magic: bytes
    ) -> None:
        path = save_chart(show, tmp_path / name, dpi=40)
        assert path == tmp_path / name
        assert path.read_bytes().startswith(magic)

    def test_an_unknown_extension_is_refused_and_writes_nothing(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        with pytest.raises(ExportError, match=r"name it \.svg, \.png or \.pdf"):
            save_chart(show, tmp_path / "chart.jpeg")
        assert list(tmp_path.iterdir()) == []

    def test_an_unwritable_path_raises_export_error(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        (tmp_path / "file").write_text("not a folder")
        with pytest.raises(ExportError, match="cannot write"):
            save_chart(show, tmp_path / "file" / "chart.svg")
        (tmp_path / "folder.svg").mkdir()
        with pytest.raises(ExportError, match="cannot write"):
            save_chart(show, tmp_path / "folder.svg")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder.svg"]

    def test_a_failed_save_leaves_the_old_file_and_no_temporary(
        self, show: ResolvedTimeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "chart.svg"
        target.write_text("old chart")

        def broken(self: Figure, fname: Any, **kwargs: Any) -> None:
            Path(fname).write_text("half a chart")
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(Figure, "savefig", broken)
        with pytest.raises(RuntimeError, match="disk on fire"):
            save_chart(show, target)
        assert target.read_text() == "old chart"
        assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]

    def test_a_bad_dpi_is_refused(self, show: ResolvedTimeline, tmp_path: Path) -> None:
        with pytest.raises(ValueError, match="dpi must be a number from 10 to 1200"):
            save_chart(show, tmp_path / "c.png", dpi=0)

    def test_identical_input_gives_identical_svg_bytes(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        first = save_chart(show, tmp_path / "a.svg", today="2025-11-23").read_bytes()
        again = save_chart(showcase(), tmp_path / "b.svg", today="2025-11-23").read_bytes()
        assert first == again
        assert b"<dc:date>" not in first

    def test_svg_bytes_do_not_depend_on_the_process(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        here = save_chart(show, tmp_path / "here.svg").read_bytes()
        code = ("import sys; sys.path.insert(0, sys.argv[2]); import test_chart as t; "
                "t.save_chart(t.showcase(), sys.argv[1])")  # fmt: skip
        env = {**os.environ, "PYTHONPATH": _src_path(), "PYTHONHASHSEED": "12345"}
        subprocess.run([sys.executable, "-c", code, str(tmp_path / "there.svg"),
                        str(Path(__file__).parent)], check=True, env=env)  # fmt: skip
        assert (tmp_path / "there.svg").read_bytes() == here

    def test_text_is_drawn_as_paths_so_the_svg_needs_no_font(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        svg = save_chart(show, tmp_path / "c.svg").read_text(encoding="utf-8")
        assert "<text" not in svg and "font-family" not in svg
        assert 'id="vnt-label.resolution-57"' in svg and 'id="vnt-diamond.policy"' in svg

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


# -- images --------------------------------------------------------------------


def _hide_text(figure: Figure) -> Iterator[Text]:
    for text in figure.findobj(Text):
        if text.get_visible():
            text.set_visible(False)
            yield text


def check_image(
    figure: Figure, name: str, tmp_path: Path, *, tolerance: float, update: bool = REGENERATE
) -> None:
    """Compare *figure* (saved at 70 dpi) with ``baseline/<name>.png`` (first *update* it)."""
    expected = BASELINE / f"{name}.png"
    actual = tmp_path / f"{name}.png"
    with _rc():
        figure.savefig(actual, dpi=70, metadata={"Software": None})
    if update:
        BASELINE.mkdir(exist_ok=True)
        expected.write_bytes(actual.read_bytes())
    result = compare_images(str(expected), str(actual), tol=tolerance)
    assert result is None, result


class TestImages:
    def test_the_showcase_looks_as_it_did(self, show: ResolvedTimeline, tmp_path: Path) -> None:
        figure = plot(show, today="2025-11-23", width=9,
                      title="Việt Nam và trí tuệ nhân tạo: các mốc chính")  # fmt: skip
        check_image(figure, "showcase", tmp_path, tolerance=TOLERANCE_IMAGE)

    def test_the_showcase_marks_are_where_they_were(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        figure = plot(show, today="2025-11-23", width=9, title="Tiêu đề")
        assert list(_hide_text(figure))
        check_image(figure, "showcase-marks", tmp_path, tolerance=TOLERANCE_MARKS)

    def test_a_zoomed_chart_looks_as_it_did(self, show: ResolvedTimeline, tmp_path: Path) -> None:
        figure = plot(show, since="2025-09", until="2025-11", categories=["diplomacy",
                      "cooperation"], today="2025-11-23", width=7)  # fmt: skip
        check_image(figure, "zoomed", tmp_path, tolerance=TOLERANCE_IMAGE)

    def test_the_marks_comparison_notices_an_event_moved_by_a_year(self, tmp_path: Path) -> None:
        figure = plot(showcase(ai_law="2026"), today="2025-11-23", width=9, title="Tiêu đề")
        list(_hide_text(figure))
        with pytest.raises(AssertionError, match="RMS"):
            check_image(figure, "showcase-marks", tmp_path, tolerance=TOLERANCE_MARKS,
                        update=False)  # fmt: skip
