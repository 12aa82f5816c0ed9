"""Year inference: the narrative's year, the clause's tense, and a mark when neither settles it."""

from __future__ import annotations

import vntimeline


def only(text: str, published: str, language: str = "en") -> vntimeline.Find:
    finds = vntimeline.extract(text, published=published, language=language)
    assert len(finds) >= 1, finds
    return finds[-1]


class TestTheNarrativeYear:
    def test_a_month_takes_the_year_the_previous_sentence_named(self) -> None:
        find = only(
            "In April 2024 the firm announced a plant. It announced a second one in June.",
            "2025-12-03",
        )
        assert (find.value, find.note) == ("2024-06", "year from the preceding 'April 2024'")

    def test_a_past_clause_refuses_a_narrative_year_after_publication(self) -> None:
        find = only(
            "The centre should open in the second quarter of 2027. "
            "On 14 January the university signed a deal.",
            "2026-03-10",
        )
        assert find.value == "2026-01-14"

    def test_a_year_from_another_paragraph_is_not_used(self) -> None:
        find = only(
            "It was founded in 2018.\n\nA report released in October showed gains.", "2025-12-03"
        )
        assert (find.value, find.note) == ("2025-10", "past tense: this year")

    def test_a_clause_without_tense_takes_the_narrative_year_only_from_its_own_sentence(
        self,
    ) -> None:
        find = only("ASML was founded in 1984. A pilot starts on 1 April.", "2026-03-10")
        assert find.value == "2026-04-01"

    def test_that_year_is_the_narrative_year(self) -> None:
        find = only(
            "The push dates back to 2023, when ties were upgraded in September of that year.",
            "2026-02-12",
        )
        assert find.value == "2023-09"

    def test_a_relative_year_anchors_its_own_sentence(self) -> None:
        find = only(
            "Begin volgend jaar volgt een bezoek, waarschijnlijk in februari.", "2025-11-20", "nl"
        )
        assert find.value == "2026-02"

    def test_a_target_year_does_not_anchor(self) -> None:
        find = only(
            "Vietnam aims for a top rank by 2030 and met its partners in June.", "2025-12-03"
        )
        assert find.value == "2025-06"


class TestTense:
    def test_a_past_clause_takes_the_latest_such_date_before_publication(self) -> None:
        assert only("The deal was signed on December 20.", "2025-12-03").value == "2024-12-20"

    def test_a_future_clause_takes_the_first_such_date_after_publication(self) -> None:
        find = only("Phiên tiếp theo dự kiến diễn ra vào ngày 15/1.", "2025-10-28", "vi")
        assert (find.value, find.note) == ("2026-01-15", "future tense: next year")

    def test_an_upcoming_day_in_the_same_year_says_this_year(self) -> None:
        find = only("The summit will be held on October 28.", "2025-09-01")
        assert (find.value, find.note) == ("2025-10-28", "future tense: this year")

    def test_the_tense_of_the_clause_wins_over_another_clause_of_the_sentence(self) -> None:
        find = only(
            "In April 2024 it announced a plan. It announced a second in June and plans more.",
            "2025-12-03",
        )
        assert find.value == "2024-06"


class TestUncertainty:
    def test_a_day_with_no_tense_far_from_publication_is_marked_uncertain(self) -> None:
        find = only("Festival: 1 April.", "2025-11-20", "nl")
        assert (find.value, find.qualifier) == ("2026-04-01?", "?")

    def test_a_day_with_no_tense_close_to_publication_is_not(self) -> None:
        find = only("Festival: 1 december.", "2025-11-20", "nl")
        assert (find.value, find.qualifier) == ("2025-12-01", None)

    def test_n_years_ago_is_approximate(self) -> None:
        find = only("Five years ago it began.", "2025-12-03")
        assert (find.value, find.qualifier, find.precision) == ("2020~", "~", "year")
