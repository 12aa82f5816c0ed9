"""vntimeline.extract and Find: spans, quotes, values the model accepts, errors, cost."""

from __future__ import annotations

import datetime as _dt
import itertools
import subprocess
import sys
from pathlib import Path

import pytest

import vntimeline
from vntimeline import DateError, Find, OptionError, PartialDate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_004 = SEEDS / "004_e2401dab50313443.txt"


def seed(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as f:
        return f.read()


class TestFind:
    FIND = Find(0, 4, "2021", "2021", "year", None, "In 2021 it began.", "as written")

    def test_json_has_exactly_the_keys_of_design_section_8(self) -> None:
        assert list(self.FIND.to_json()) == [
            "start", "end", "text", "value", "precision", "quote", "note",
        ]  # fmt: skip

    def test_json_carries_the_event_only_when_one_is_set(self) -> None:
        import attrs

        assert attrs.evolve(self.FIND, event="launch").to_json()["event"] == "launch"

    def test_a_find_is_frozen(self) -> None:
        import attrs

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            self.FIND.value = "2022"  # type: ignore[misc]


@pytest.fixture(scope="module")
def finds() -> tuple[Find, ...]:
    return vntimeline.extract(seed(SEED_004), published="2025-09-19T10:00+07:00")


class TestFindsOfASeed:
    def test_each_span_is_exactly_the_text_of_the_find(self, finds: tuple[Find, ...]) -> None:
        text = seed(SEED_004)
        assert finds and all(text[f.start : f.end] == f.text for f in finds)

    def test_finds_come_in_text_order_without_overlap(self, finds: tuple[Find, ...]) -> None:
        assert all(a.end <= b.start for a, b in itertools.pairwise(finds))

    def test_each_quote_is_a_verbatim_sentence_holding_the_find(
        self, finds: tuple[Find, ...]
    ) -> None:
        text = seed(SEED_004)
        for f in finds:
            assert f.quote in text and f.text in f.quote
            assert "\n" not in f.quote

    def test_every_value_is_edtf_the_model_accepts_at_the_stated_precision(
        self, finds: tuple[Find, ...]
    ) -> None:
        for f in finds:
            for part in f.value.split("/") if "[" not in f.value else [f.value]:
                parsed = PartialDate.parse(part)
                assert parsed.precision in ("year", "month", "day", "time")
            assert f.precision in ("year", "month", "day", "time")

    def test_the_roundtable_day_takes_its_year_from_publication(
        self, finds: tuple[Find, ...]
    ) -> None:
        roundtable = next(f for f in finds if f.text == "September 18")
        assert (roundtable.value, roundtable.precision) == ("2025-09-18", "day")
        assert roundtable.quote.startswith("The statement was made by Bui Hoang Phuong")


class TestPublished:
    @pytest.mark.parametrize(
        "published",
        [
            "2025-09-19",
            "2025-09-19T10:00+07:00",
            _dt.date(2025, 9, 19),
            _dt.datetime(2025, 9, 19, 10),
        ],
    )
    def test_accepts_a_day_as_text_date_or_datetime(self, published: object) -> None:
        finds = vntimeline.extract("held on September 18", published=published)  # type: ignore[arg-type]
        assert [f.value for f in finds] == ["2025-09-18"]

    def test_accepts_a_partial_date_of_day_precision(self) -> None:
        published = PartialDate.parse("2025-09-19")
        assert vntimeline.extract("last year", published=published)[0].value == "2024"

    @pytest.mark.parametrize(
        ("published", "message"),
        [
            ("2025-13-01", "month 13"),
            ("2025-09", "expected a day"),
            ("soon", "not a valid date"),
            ("[..2025-09-19]", "expected a single date"),
        ],
    )
    def test_refuses_what_is_not_one_day(self, published: str, message: str) -> None:
        with pytest.raises(DateError, match=message):
            vntimeline.extract("in 2024", published=published)


class TestLanguage:
    def test_a_regional_tag_reads_as_its_language(self) -> None:
        assert vntimeline.extract("vorig jaar", published="2025-09-19", language="nl-BE")

    def test_an_unknown_language_is_refused_naming_the_known_ones(self) -> None:
        with pytest.raises(OptionError, match="expected one of en, nl, vi"):
            vntimeline.extract("in 2024", published="2025-09-19", language="fr")

    def test_text_that_is_not_a_string_is_refused(self) -> None:
        with pytest.raises(TypeError, match="must be a str"):
            vntimeline.extract(b"in 2024", published="2025-09-19")  # type: ignore[arg-type]

    def test_an_empty_text_has_no_finds(self) -> None:
        assert vntimeline.extract("", published="2025-09-19") == ()


class TestCost:
    def test_doubling_an_article_doubles_its_finds(self) -> None:
        text = seed(SEED_004) + "\n\n"
        once = vntimeline.extract(text * 40, published="2025-09-19")
        twice = vntimeline.extract(text * 80, published="2025-09-19")
        assert len(once) > 100
        assert len(twice) == 2 * len(once)

    def test_a_text_without_breaks_or_spaces_still_finishes(self) -> None:
        finds = vntimeline.extract("2024" * 20_000 + " in 2025", published="2025-09-19")
        assert [f.value for f in finds] == ["2025"]

    def test_importing_vntimeline_does_not_import_the_extractor(self) -> None:
        code = "import sys, vntimeline; print('vntimeline._extract' in sys.modules)"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert out.strip() == "False"
