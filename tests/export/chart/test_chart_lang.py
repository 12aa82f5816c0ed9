"""The chart in Vietnamese and Dutch: month ticks, legend, footnote, "today", empty lanes."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.figure import Figure

from helpers.chart import show_fixture, text_of  # noqa: F401 (fixtures)
from vntimeline import ResolvedTimeline
from vntimeline._export.chart.figure import _rc, plot, save_chart
from vntimeline.errors import OptionError


def ticks(figure: Figure) -> tuple[list[str], str]:
    """The date axis's tick labels and its offset text, as drawn."""
    with _rc():
        figure.canvas.draw()
    (ax,) = figure.axes
    return [t.get_text() for t in ax.get_xticklabels()], ax.xaxis.get_offset_text().get_text()


def legend_texts(figure: Figure) -> list[str]:
    (legend,) = [a for a in figure.legends if a.get_gid() == "vnt-legend"]
    return [t.get_text() for t in legend.get_texts()]


class TestLegend:
    def test_the_legend_is_vietnamese(self, show: ResolvedTimeline) -> None:
        assert legend_texts(plot(show, lang="vi")) == [
            "Mốc",
            "Giai đoạn",
            "Chưa rõ ngày: vùng tô phủ các ngày có thể",
            "Các nguồn mâu thuẫn: vùng gạch chéo phủ mọi ngày các nguồn đưa ra",
            "Không nguồn nào nêu ngày: khoảng suy ra từ thứ tự các sự kiện",
            "Không có ngày kết thúc",
        ]

    def test_the_legend_is_dutch(self, show: ResolvedTimeline) -> None:
        texts = legend_texts(plot(show, lang="nl"))
        assert texts[:2] == ["Mijlpaal", "Periode"]
        assert "Geen einddatum gemeld" in texts

    def test_a_legend_in_someone_elses_axes_follows_the_language(
        self, show: ResolvedTimeline
    ) -> None:
        host = Figure(figsize=(10, 6))
        ax = host.add_subplot()
        plot(show, ax=ax, lang="nl")
        legend = ax.get_legend()
        assert legend is not None
        assert legend.get_texts()[0].get_text() == "Mijlpaal"


class TestFootnote:
    def test_the_footnote_counts_in_vietnamese(self, show: ResolvedTimeline) -> None:
        note = text_of(plot(show, since="2025-09", until="2025-11", lang="vi"), "vnt-footnote")
        assert note.startswith("Ngày giờ theo múi giờ Asia/Ho_Chi_Minh. Không hiển thị: ")
        assert "1 sự kiện chưa rõ ngày và " in note
        assert "sự kiện nằm ngoài giai đoạn." in note

    def test_dutch_counts_take_the_plural(self, show: ResolvedTimeline) -> None:
        note = text_of(plot(show, since="2025-09", until="2025-11", lang="nl"), "vnt-footnote")
        assert "1 gebeurtenis zonder bekende datum en " in note
        assert "gebeurtenissen buiten de periode." in note


class TestTicks:
    @pytest.mark.parametrize(
        ("lang", "months"),
        [("vi", {"thg 10", "thg 11"}), ("nl", {"okt", "nov"}), ("en", {"Oct", "Nov"})],
    )
    def test_a_season_is_ticked_in_cldr_month_names(
        self, show: ResolvedTimeline, lang: str, months: set[str]
    ) -> None:
        labels, offset = ticks(plot(show, since="2025-09", until="2025-11", lang=lang))
        assert months <= set(labels)
        assert offset == "2025"

    def test_a_month_is_ticked_in_days_with_the_month_in_the_offset(
        self, show: ResolvedTimeline
    ) -> None:
        labels, offset = ticks(plot(show, since="2025-09-10", until="2025-10-20", lang="vi"))
        assert "thg 10" in labels  # the first of the month names it
        assert offset == "thg 10 2025"
        assert all("{" not in label for label in labels)

    def test_a_decade_is_ticked_in_plain_years(self, show: ResolvedTimeline) -> None:
        labels, _ = ticks(plot(show, lang="nl"))
        assert all(label.isdigit() for label in labels)


class TestText:
    def test_today_is_written_in_the_language(self, show: ResolvedTimeline) -> None:
        figure = plot(show, today="2025-11-23", lang="vi")
        assert text_of(figure, "vnt-today-label") == "Hôm nay, 23 thg 11, 2025"
        figure = plot(show, today="2025-11-23", lang="nl")
        assert text_of(figure, "vnt-today-label") == "Vandaag, 23 nov 2025"

    def test_an_empty_lane_says_so_in_the_language(self, show: ResolvedTimeline) -> None:
        figure = plot(show, since="2030", until="2030", categories=["policy", "target"], lang="nl")
        assert (
            text_of(figure, "vnt-empty.policy") == "Geen gedateerde gebeurtenissen in deze periode"
        )


class TestOption:
    def test_an_unknown_language_fails_before_anything_is_drawn(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        with pytest.raises(OptionError, match="unknown language 'fr'; supported: en, vi, nl"):
            plot(show, lang="fr")
        with pytest.raises(OptionError, match="supported: en, vi, nl"):
            save_chart(show, tmp_path / "chart.svg", lang="fr")
        assert not (tmp_path / "chart.svg").exists()

    def test_english_is_the_default_and_other_languages_change_the_file(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        default = save_chart(show, tmp_path / "default.svg", today="2025-11-23").read_bytes()
        english = save_chart(show, tmp_path / "en.svg", today="2025-11-23", lang="en").read_bytes()
        dutch = save_chart(show, tmp_path / "nl.svg", today="2025-11-23", lang="nl").read_bytes()
        assert default == english
        assert dutch != english
