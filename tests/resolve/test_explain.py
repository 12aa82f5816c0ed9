"""The explanation's words: weights as people write them, dates in prose, who said what."""

from __future__ import annotations

from fractions import Fraction

from helpers.resolve import claim, one
from vntimeline._resolve.explain import format_weight


class TestWords:
    def test_weights_are_shown_as_people_write_them(self) -> None:
        assert [format_weight(Fraction(x)) for x in ("3", "3/2", "1/8", "2/3", "1000001/1000")] == [
            "3",
            "1.5",
            "0.125",
            "2/3",
            "1000.001",
        ]

    def test_a_month_is_named_in_words(self) -> None:
        assert "April 2024" in one(claim("agg", "2024-04")).explanation

    def test_the_explanation_says_who_said_what_in_words(self) -> None:
        r = one(claim("gov", "2021-01-26"), claim("tuoitre", "2021"))
        assert "Government Portal (official, weight 4) says 26 January 2021" in r.explanation
        assert "Tuổi Trẻ (press, weight 2) says 2021" in r.explanation
        assert "agree on 26 January 2021" in r.explanation


class TestUndatedSources:
    def test_a_source_that_gives_no_date_is_mentioned_but_not_counted(self) -> None:
        r = one(claim("tuoitre", "2025-09-18"), claim("vna"))
        assert r.status == "single-source"
        assert r.sources == ("tuoitre",)
        assert r.explanation.endswith("Cited without a date by Vietnam News Agency.")

    def test_an_undated_claim_of_a_source_that_also_dates_it_is_not_mentioned(self) -> None:
        r = one(claim("tuoitre", "2025-09-18"), claim("tuoitre"))
        assert "without a date" not in r.explanation
