"""Labels: fitted, shortened, stacked into rows, never overlapping."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from helpers.chart import (  # noqa: F401 (fixtures)
    claim,
    crowd,
    extents,
    labels,
    marks,
    overlapping,
    show_figure_fixture,
    show_fixture,
    timeline,
)
from vntimeline import Event, ResolvedTimeline
from vntimeline._export.chart.figure import _rc, plot
from vntimeline._export.chart.labels import Box, place, shorten


class TestLabels:
    def test_every_dated_event_has_a_label(self, show: ResolvedTimeline,
                                           show_figure: Figure) -> None:  # fmt: skip
        assert set(labels(show_figure)) == {e.id for e in show if e.dated}

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
