"""``--lang en|vi|nl`` on the command line: chart, ics, resolve and build."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import RunCli


def _descriptions(data: bytes) -> list[str]:
    return [str(event["DESCRIPTION"]) for event in Calendar.from_ical(data).walk("VEVENT")]


class TestChartCommand:
    def test_a_vietnamese_chart_differs_from_the_english_one(
        self, run_cli: RunCli, example_file: Path, tmp_path: Path
    ) -> None:
        english = run_cli("chart", example_file, "-o", tmp_path / "en.svg", "--today", "2025-10-01")
        vietnamese = run_cli(
            "chart",
            example_file,
            "-o",
            tmp_path / "vi.svg",
            "--today",
            "2025-10-01",
            "--lang",
            "vi",
        )
        assert english.returncode == vietnamese.returncode == 0, vietnamese.stderr
        assert (tmp_path / "en.svg").read_bytes() != (tmp_path / "vi.svg").read_bytes()

    def test_lang_en_is_the_default(
        self, run_cli: RunCli, example_file: Path, tmp_path: Path
    ) -> None:
        assert run_cli("chart", example_file, "-o", tmp_path / "a.svg").returncode == 0
        assert (
            run_cli("chart", example_file, "-o", tmp_path / "b.svg", "--lang", "en").returncode == 0
        )
        assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


class TestIcsCommand:
    def test_the_descriptions_use_vietnamese_words_and_dates(
        self, run_cli: RunCli, example_file: Path
    ) -> None:
        done = run_cli("ics", example_file, "-o", "-", "--lang", "vi")
        assert done.returncode == 0, done.stderr
        text = "\n".join(_descriptions(done.stdout.encode("utf-8")))
        assert "Trạng thái: một nguồn — chỉ một nguồn công bố đưa ra ngày." in text
        assert "Ngày: 18 tháng 9, 2025 (EDTF 2025-09-18, chính xác đến ngày)" in text
        assert "Nguồn:" in text and "Status:" not in text

    def test_the_summaries_mark_a_bounded_date_in_dutch(
        self, run_cli: RunCli, example_file: Path
    ) -> None:
        done = run_cli("ics", example_file, "-o", "-", "--lang", "nl")
        assert done.returncode == 0, done.stderr
        summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(done.stdout).walk("VEVENT")]
        assert any(s.startswith("[begrensd: op of na 27 oktober 2025]") for s in summaries)

    def test_english_stays_the_default(self, run_cli: RunCli, example_file: Path) -> None:
        done = run_cli("ics", example_file, "-o", "-")
        text = "\n".join(_descriptions(done.stdout.encode("utf-8")))
        assert "Status: single source — only one publisher gives a date." in text


class TestResolveCommand:
    def test_the_table_speaks_vietnamese(self, run_cli: RunCli, example_file: Path) -> None:
        done = run_cli("resolve", example_file, "--lang", "vi")
        assert done.returncode == 0, done.stderr
        header, *_ = done.stdout.splitlines()
        assert header.split() == ["NGÀY", "TRẠNG", "THÁI", "NGUỒN", "TIÊU", "ĐỀ"]
        assert "4 sự kiện: 1 thống nhất, 2 một nguồn, 1 khoanh vùng." in done.stdout

    def test_the_table_speaks_dutch(self, run_cli: RunCli, example_file: Path) -> None:
        done = run_cli("resolve", example_file, "--lang", "nl")
        assert "4 gebeurtenissen: 1 eensgezind, 2 één bron, 1 begrensd." in done.stdout


class TestBuildCommand:
    def test_feeds_and_charts_are_built_in_the_language_asked_for(
        self, run_cli: RunCli, example_file: Path, tmp_path: Path
    ) -> None:
        dutch = run_cli("build", example_file, "-o", tmp_path / "nl", "--lang", "nl")
        english = run_cli("build", example_file, "-o", tmp_path / "en")
        assert dutch.returncode == english.returncode == 0, dutch.stderr
        feed = (tmp_path / "nl" / "vntimeline.ics").read_bytes()
        assert "Status: één bron" in "\n".join(_descriptions(feed))
        chart = "timeline-diplomacy.svg"
        assert (tmp_path / "nl" / chart).read_bytes() != (tmp_path / "en" / chart).read_bytes()


class TestUnknownLanguage:
    @pytest.mark.parametrize(
        "command",
        [
            ("chart", "-o", "out.svg"),
            ("ics", "-o", "out.ics"),
            ("build", "-o", "out"),
            ("resolve",),
        ],
    )
    def test_an_unknown_language_exits_2_naming_the_supported_ones(
        self, run_cli: RunCli, example_file: Path, tmp_path: Path, command: tuple[str, ...]
    ) -> None:
        done = run_cli(*command, example_file, "--lang", "fr")
        assert done.returncode == 2
        message = done.stderr.strip().splitlines()[-1]
        assert "--lang" in message and "'fr'" in message
        assert all(f"'{lang}'" in message for lang in ("en", "vi", "nl"))
        assert "Traceback" not in done.stderr
        assert not any((tmp_path / name).exists() for name in ("out.svg", "out.ics", "out"))
