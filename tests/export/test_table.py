"""Tests of the people's table (``vntimeline resolve --format table``)."""

from __future__ import annotations

import json
import unicodedata

import pytest

import vntimeline
from conftest import RunCli, WriteYaml
from vntimeline import Claim, Event, PartialDate, ResolvedTimeline, Source, Timeline, resolve
from vntimeline._export.table import MIN_WIDTH, display_width, format_table, wrap
from vntimeline.errors import OptionError

SOURCES = (
    Source(id="vna", title="r", publisher="Vietnam News Agency", authority="agency"),
    Source(id="reuters", title="w", publisher="Reuters", authority="agency"),
    Source(id="tuoitre", title="a", publisher="Tuổi Trẻ", authority="press"),
)
LONG_TITLE = (
    "Hội nghị bàn tròn cấp Bộ trưởng về quản trị trí tuệ nhân tạo trong khuôn khổ "
    "Tuần lễ Số quốc tế Việt Nam 2025 tại Hà Nội"
)


def claim(source: str, start: str | None = None, end: str | None = None) -> Claim:
    return Claim(
        source=source,
        start=None if start is None else PartialDate.parse(start),
        end=None if end is None else PartialDate.parse(end),
    )


def sample() -> ResolvedTimeline:
    events = [
        Event(
            id="week",
            title="Vietnam International Digital Week 2025",
            kind="span",
            claims=[claim("vna", "2025-10-27", "2025-10-29")],
        ),
        Event(
            id="step-up",
            title="Overseas Vietnamese intellectuals step up AI cooperation",
            claims=[claim("vna", "2026-03-09"), claim("tuoitre", "2026-03-08")],
        ),
        Event(
            id="tie",
            title="A disputed day",
            claims=[claim("vna", "2026-03-08"), claim("reuters", "2026-03-09")],
        ),
        Event(
            id="forum",
            title=LONG_TITLE,
            claims=[claim("vna", "2025-10-27"), claim("tuoitre", "2025-10")],
        ),
        Event(id="later", title="Chuyện sau", after=["forum"]),
        Event(id="unknown", title="Không rõ ngày", claims=[claim("reuters")]),
        Event(
            id="early",
            title="Strategy",
            claims=[claim("tuoitre", "2021")],
            before=["week"],
            after=["forum"],
        ),
    ]
    return resolve(Timeline(events=events, sources=SOURCES))


def row_of(table: str, text: str) -> str:
    return next(line for line in table.splitlines() if text in line)


class TestDisplayWidth:
    def test_composed_and_decomposed_vietnamese_have_the_same_width(self) -> None:
        composed = "Nguyễn Duy Cừ"
        decomposed = unicodedata.normalize("NFD", composed)
        assert decomposed != composed
        assert display_width(decomposed) == display_width(composed) == len(composed)

    def test_wide_characters_take_two_columns(self) -> None:
        assert display_width("南宁 AI") == 7

    def test_combining_marks_take_no_column(self) -> None:
        assert display_width("e\u0301\u0323") == 1


class TestWrap:
    def test_words_wrap_at_spaces_within_the_width(self) -> None:
        lines = wrap(LONG_TITLE, 30)
        assert all(display_width(line) <= 30 for line in lines)
        assert " ".join(lines) == LONG_TITLE

    def test_a_word_wider_than_the_line_is_cut(self) -> None:
        assert wrap("Trítuệnhântạo", 5) == ["Trítu", "ệnhân", "tạo"]

    def test_white_space_is_collapsed_and_text_normalised(self) -> None:
        assert wrap(unicodedata.normalize("NFD", "Hà  Nội\n2025"), 40) == ["Hà Nội 2025"]


class TestFormatTable:
    def test_no_line_is_wider_than_80_columns(self) -> None:
        table = format_table(sample())
        assert max(display_width(line) for line in table.splitlines()) <= 80

    @pytest.mark.parametrize("width", [MIN_WIDTH, 60, 100, 132])
    def test_every_width_from_the_minimum_up_is_respected(self, width: int) -> None:
        table = format_table(sample(), width=width)
        assert max(display_width(line) for line in table.splitlines()) <= width

    def test_columns_line_up_whatever_the_diacritics(self) -> None:
        resolved = sample()
        table = format_table(resolved)
        header = table.splitlines()[0]
        status_at, title_at = header.index("STATUS"), header.index("TITLE")
        for r in resolved:
            first_word = r.title.split()[0]
            line = row_of(table, f"  {first_word}")
            assert display_width(line[: line.index(r.status)]) == status_at
            assert display_width(line[: line.index(f"  {first_word}") + 2]) == title_at

    def test_a_decomposed_title_is_aligned_like_a_composed_one(self) -> None:
        nfd = Event(
            id="nfd", title=unicodedata.normalize("NFD", "Cừ Nguyễn"), claims=[claim("vna", "2025")]
        )
        nfc = Event(id="nfc", title="Cừ Nguyễn", claims=[claim("vna", "2025")])
        table = format_table(resolve(Timeline(events=[nfd, nfc], sources=SOURCES)))
        rows = [line for line in table.splitlines() if "Cừ" in unicodedata.normalize("NFC", line)]
        assert len(rows) == 2
        assert rows[0] == rows[1]

    def test_disputed_dates_are_marked_and_the_marks_explained(self) -> None:
        table = format_table(sample())
        assert row_of(table, "step-up".replace("step-up", "Overseas")).startswith("* 2026-03-09")
        assert row_of(table, "A disputed day").startswith("! 2026-03-08/")
        assert "* reconciled: sources disagree" in table
        assert "! conflict: sources tie" in table

    def test_an_order_violation_is_marked(self) -> None:
        table = format_table(sample())
        assert row_of(table, "Strategy").startswith("# 2021")
        assert "# breaks an after/before constraint" in table

    def test_an_undisputed_row_has_no_mark(self) -> None:
        assert row_of(format_table(sample()), "Vietnam International").startswith("  2025-10-27")

    def test_a_span_shows_its_start_and_end(self) -> None:
        assert "2025-10-27 – 2025-10-29" in row_of(format_table(sample()), "Vietnam International")

    def test_rows_show_status_and_number_of_sources(self) -> None:
        row = row_of(format_table(sample()), "A disputed day")
        assert row.split()[:4] == ["!", "2026-03-08/2026-03-09", "conflict", "2"]

    def test_long_titles_wrap_onto_continuation_lines(self) -> None:
        lines = format_table(sample()).splitlines()
        start = next(i for i, line in enumerate(lines) if "Hội nghị" in line)
        assert lines[start + 1].startswith(" " * 20)
        assert "Tuần lễ" in " ".join(lines[start : start + 4])

    def test_rows_run_in_date_order_with_undated_last(self) -> None:
        table = format_table(sample())
        order = [
            table.index(text)
            for text in (
                "Strategy",
                "Hội nghị",
                "Chuyện sau",
                "A disputed day",
                "Overseas",
                "Không rõ ngày",
            )
        ]
        assert order == sorted(order)
        assert row_of(table, "Không rõ ngày").split()[:2] == ["..", "undated"]

    def test_a_bounded_event_shows_its_open_side(self) -> None:
        assert "2025-10-27/.." in row_of(format_table(sample()), "Chuyện sau")

    def test_the_summary_counts_each_status(self) -> None:
        assert "7 events: 2 single-source, 1 agreed".replace(
            "2 single-source, 1 agreed", "1 agreed, 2 single-source"
        ) in format_table(sample())

    def test_a_long_date_wraps_inside_its_column(self) -> None:
        event = Event(
            id="t",
            title="Timed",
            claims=[claim("vna", "2026-03-08T10:00Z"), claim("reuters", "2026-03-08T12:00Z")],
        )
        table = format_table(
            resolve(Timeline(events=[event], sources=SOURCES, timezone="Asia/Ho_Chi_Minh"))
        )
        lines = table.splitlines()
        assert lines[2].startswith("! 2026-03-08T17:00+07:00/")
        assert lines[3].strip() == "2026-03-08T19:00+07:00"

    def test_a_wrapped_span_keeps_the_space_after_its_dash(
        self, write_yaml: WriteYaml, run_cli: RunCli
    ) -> None:
        path = write_yaml(
            """
            sources:
              pr: {title: A, publisher: Press One}
              pr2: {title: B, publisher: Press Two}
            events:
              - id: s
                title: Span
                kind: span
                claims:
                  - {source: pr, start: 2025-10-27, end: 2025-10-30}
                  - {source: pr2, start: 2025-10-27, end: 2025-10-31}
            """
        )
        done = run_cli("resolve", path, "--format", "table")
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert lines[2].startswith("! 2025-10-27 – 2025-10-30/ ")
        assert lines[3].strip() == "2025-10-31"

    def test_the_bundled_data_fits_80_columns(self) -> None:
        table = format_table(resolve(vntimeline.load_default()))
        assert max(display_width(line) for line in table.splitlines()) <= 80
        assert "nanning" not in table  # titles, not ids
        assert "ASEAN–China ministerial" in table


#: Open dates as a file gives them: "on or before", "on or after", a span still going on.
OPEN_DATA = """
    sources:
      tt: {title: A, publisher: Tuổi Trẻ, authority: press, published: 2026-03-08}
      vna: {title: B, publisher: Vietnam News Agency, authority: agency, published: 2026-03-09}
    events:
      - id: step-up
        title: Step up
        claims:
          - {source: tt, start: '[..2026-03-08]'}
          - {source: vna, start: '[..2026-03-09]'}
      - id: since
        title: Since September
        claims:
          - {source: tt, start: '[2025-09..]'}
      - id: programme
        title: AI programme
        kind: span
        claims:
          - {source: tt, start: 2025-10, end: ..}
"""


class TestOpenDatesOnTheCommandLine:
    """``vntimeline resolve`` on open dates, through the real command line."""

    def test_the_table_shows_each_open_value_as_edtf(
        self, write_yaml: WriteYaml, run_cli: RunCli
    ) -> None:
        done = run_cli("resolve", write_yaml(OPEN_DATA), "--format", "table")

        assert (done.returncode, done.stderr) == (0, "")
        table = done.stdout
        assert row_of(table, "Step up").split()[:3] == ["[..2026-03-08]", "agreed", "2"]
        assert row_of(table, "Since September").split()[:2] == ["[2025-09..]", "single-source"]
        assert row_of(table, "AI programme").split()[:4] == ["2025-10", "–", "..", "single-source"]
        assert max(display_width(line) for line in table.splitlines()) <= 80

    def test_the_json_has_null_on_each_open_side(
        self, write_yaml: WriteYaml, run_cli: RunCli
    ) -> None:
        done = run_cli("resolve", write_yaml(OPEN_DATA), "--format", "json")

        assert (done.returncode, done.stderr) == (0, "")
        events = {e["id"]: e for e in json.loads(done.stdout)["events"]}
        assert events["step-up"]["status"] == "agreed"
        assert events["step-up"]["start"] == {
            "value": "[..2026-03-08]",
            "precision": "day",
            "earliest": None,
            "latest": "2026-03-08",
        }
        assert events["since"]["start"] == {
            "value": "[2025-09..]",
            "precision": "month",
            "earliest": "2025-09-01",
            "latest": None,
        }
        assert events["programme"]["start"]["latest"] == "2025-10-31"
        end = events["programme"]["end"]
        assert (end["value"], end["earliest"], end["latest"]) == ("..", None, None)
        assert "reported that day by Tuổi Trẻ" in events["step-up"]["explanation"]

    def test_the_json_is_the_library_s_json(self, write_yaml: WriteYaml, run_cli: RunCli) -> None:
        path = write_yaml(OPEN_DATA)

        done = run_cli("resolve", path, "--format", "json")

        assert json.loads(done.stdout) == json.loads(resolve(vntimeline.load(path)).dumps())


class TestLanguage:
    def test_headers_statuses_and_legend_are_vietnamese(self) -> None:
        table = format_table(sample(), lang="vi")
        assert table.splitlines()[0].split() == ["NGÀY", "TRẠNG", "THÁI", "NGUỒN", "TIÊU", "ĐỀ"]
        assert "7 sự kiện: 1 thống nhất, 2 một nguồn, 1 đã dung hòa, 1 mâu thuẫn," in table
        assert (
            "* đã dung hòa: các nguồn không khớp nhau; hiển thị cách đọc có trọng số lớn hơn"
            in table
        )
        assert "! mâu thuẫn: các nguồn ngang nhau" in table
        assert "# vi phạm một ràng buộc trước/sau (xem phần giải thích)" in table

    def test_dutch_statuses_are_written_in_the_status_column(self) -> None:
        table = format_table(sample(), lang="nl")
        assert table.splitlines()[0].split() == ["DATUM", "STATUS", "BRON", "TITEL"]
        assert "tegenstrijdig" in row_of(table, "A disputed day")

    @pytest.mark.parametrize("lang", ["vi", "nl"])
    def test_the_columns_stay_aligned_within_the_width(self, lang: str) -> None:
        lines = format_table(sample(), width=80, lang=lang).splitlines()
        # Every title (and its continuation lines) starts in the same column.
        starts = {
            display_width(line[: line.index(title)])
            for title in ("A disputed day", "Chuyện sau", "Không rõ ngày", "Strategy", "Week 2025")
            for line in lines
            if title in line
        }
        assert len(starts) == 1
        assert all(display_width(line) <= 80 for line in lines)

    def test_dates_stay_edtf_in_every_language(self) -> None:
        assert "2026-03-08/2026-03-09" in row_of(format_table(sample(), lang="vi"), "A disputed")

    def test_english_is_the_default(self) -> None:
        assert format_table(sample()) == format_table(sample(), lang="en")

    def test_an_unknown_language_is_refused(self) -> None:
        with pytest.raises(OptionError, match="supported: en, vi, nl"):
            format_table(sample(), lang="de")
