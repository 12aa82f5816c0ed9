"""The coverage audit: the dates of each seed that no claim covers."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import vntimeline
from conftest import RunCli, WriteYaml
from helpers.finds import SEEDS
from vntimeline._extract.check import audit, quote_spans


class TestQuoteSpans:
    def test_a_quote_is_found_with_white_space_collapsed(self) -> None:
        text = "The roundtable was held on\nSeptember 18   in Nanning."
        assert quote_spans(text, "held on September 18 in Nanning") == [(19, 52)]

    def test_every_place_of_a_repeated_quote_is_found(self) -> None:
        assert quote_spans("AI week. AI week.", "AI week") == [(0, 7), (9, 16)]

    def test_a_quote_that_is_not_there_has_no_place(self) -> None:
        assert quote_spans("AI week.", "AI month") == []


SMALL = """\
sources:
  news:
    title: News
    publisher: P
    published: 2025-09-19
    language: en
    seed: news.txt
  wire:
    title: Wire
    publisher: W
events:
  - id: roundtable
    title: Roundtable
    claims:
      - source: news
        start: 2025-09-18
        quote: held on September 18
"""
NEWS = (
    "September 19, 2025\n"
    "The roundtable was held on September 18 in Nanning, a year after the 2024 forum.\n"
    "Prices rose in 2023.\n"
    "Exports fell in March 2024.\n"
)


def uncovered(path: Path) -> list[str]:
    found, _notes = audit(vntimeline.load(path), [path.parent / "seeds"])
    return [str(item) for item in found]


class TestAudit:
    def test_dates_no_claim_covers_are_listed_with_their_place(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(SMALL, seeds={"news.txt": NEWS})
        seed = path.parent / "seeds" / "news.txt"
        assert uncovered(path) == [
            f"{seed}:3:16: '2023' (2023) not covered by any claim of news",
            f"{seed}:4:17: 'March 2024' (2024-03) not covered by any claim of news",
        ]

    def test_a_claim_covers_every_date_of_the_sentence_its_quote_overlaps(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(SMALL, seeds={"news.txt": NEWS})
        assert not [line for line in uncovered(path) if "'2024'" in line]

    def test_a_claim_of_an_unseeded_source_that_quotes_the_seed_covers_it(
        self, write_yaml: WriteYaml
    ) -> None:
        data = SMALL + "      - source: wire\n        quote: Prices rose in 2023.\n"
        path = write_yaml(data, seeds={"news.txt": NEWS})
        assert [line.split(": ", 1)[1] for line in uncovered(path)] == [
            "'March 2024' (2024-03) not covered by any claim of news"
        ]

    def test_the_publication_day_of_the_byline_is_covered_by_published(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(SMALL, seeds={"news.txt": NEWS})
        assert not [line for line in uncovered(path) if "September 19" in line]

    def test_a_source_without_a_published_date_is_read_as_of_its_latest_claim(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(
            SMALL.replace("    published: 2025-09-19\n", ""), seeds={"news.txt": NEWS}
        )
        found, notes = audit(vntimeline.load(path), [path.parent / "seeds"])
        assert notes == ["news: no published date; years read as of 2025-09-18"]
        assert "'September 19, 2025'" in str(found[0])

    def test_a_language_the_extractor_does_not_read_is_skipped_with_a_note(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(SMALL.replace("language: en", "language: fr"), seeds={"news.txt": NEWS})
        found, notes = audit(vntimeline.load(path), [path.parent / "seeds"])
        assert (found, notes) == ([], ["news: language 'fr' is not read; skipped"])


class TestAuditOfTheBundledData:
    def test_the_dataset_leaves_only_dates_that_are_no_events_uncovered(self) -> None:
        timeline = vntimeline.load_default()
        found, notes = audit(timeline, [SEEDS])
        lines = [str(item) for item in found]
        assert any(
            "'between 2023 and 2024' (2023/2024) not covered by any claim of vir-2025-09-19" in line
            for line in lines
        )
        assert not [line for line in lines if "'September 18'" in line or "22 Dec 2024" in line]
        assert len(notes) == 3  # three seeds have no published date
        assert len(lines) <= 15


class TestCheckCommand:
    def test_lists_the_uncovered_dates_and_counts_them(
        self, write_yaml: WriteYaml, run_cli: RunCli
    ) -> None:
        path = write_yaml(SMALL, seeds={"news.txt": NEWS})
        done = run_cli("extract", "--check", path)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert len(lines) == 2
        assert all(
            re.fullmatch(r".+news\.txt:\d+:\d+: '.+' \(.+\) not covered by any claim of news", line)
            for line in lines
        )
        assert done.stderr == "2 date expressions not covered by any claim, in 1 seed\n"

    def test_a_fully_covered_file_says_so(self, write_yaml: WriteYaml, run_cli: RunCli) -> None:
        path = write_yaml(SMALL, seeds={"news.txt": "The roundtable was held on September 18.\n"})
        done = run_cli("extract", "--check", path)
        assert (done.returncode, done.stdout) == (0, "")
        assert done.stderr == "0 date expressions not covered by any claim\n"

    def test_a_broken_data_file_is_bad_data(self, write_yaml: WriteYaml, run_cli: RunCli) -> None:
        path = write_yaml(
            SMALL.replace("start: 2025-09-18", "start: 2025-09-31"), seeds={"news.txt": NEWS}
        )
        done = run_cli("extract", "--check", path)
        assert done.returncode == 1
        assert re.match(rf"{re.escape(str(path))}:16:16: .*day 31", done.stderr)
        assert done.stdout == ""

    def test_an_article_with_check_is_bad_usage(
        self, write_yaml: WriteYaml, run_cli: RunCli
    ) -> None:
        path = write_yaml(SMALL, seeds={"news.txt": NEWS})
        done = run_cli("extract", path.parent / "seeds" / "news.txt", "--check", path)
        assert done.returncode == 2
        assert (
            "--check reads the seeds of the data file, so it takes no article FILE" in done.stderr
        )


class TestQuoteSpansInDecomposedText:
    def test_a_quote_in_nfc_is_found_in_a_seed_written_in_nfd(self) -> None:
        text = unicodedata.normalize("NFD", "Tại Hà Nội ngày 27/10.")
        (span,) = quote_spans(text, "Hà Nội ngày 27/10")
        assert text[span[0] : span[1]] == unicodedata.normalize("NFD", "Hà Nội ngày 27/10")
