"""The whole chart: how it looks, the bundled data, Vietnamese text.

Baseline images live in ``tests/export/chart/baseline/``. To regenerate them
after an intended change, run ``VNTIMELINE_REGENERATE_BASELINES=1 pytest
tests/export/chart/test_chart.py`` and look at every changed image before
committing it.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.testing.compare import compare_images
from matplotlib.text import Text

from helpers.chart import (  # noqa: F401 (fixtures)
    bundled_fixture,
    claim,
    count,
    extents,
    labels,
    overlapping,
    show_fixture,
    showcase,
    timeline,
)
from vntimeline import Event, ResolvedTimeline
from vntimeline._export.chart.figure import _rc, plot

BASELINE = Path(__file__).parent / "baseline"
REGENERATE = os.environ.get("VNTIMELINE_REGENERATE_BASELINES") == "1"
#: Whole images: allows for text rasterised by another FreeType build.
TOLERANCE_IMAGE = 6.0
#: Images without text: marks and layout are rendered by Agg alone.
TOLERANCE_MARKS = 0.5


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
            assert [t.get_text() for t in ax.get_yticklabels()] == [
                bundled.timeline.category_label(category)
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
