"""Finds as claims: their keys, their YAML, and the review document grouped by event."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import vntimeline
from helpers.finds import THAIRATH_SEED, VIR_SEED, find_in, seed_text
from vntimeline._extract.claims import claim_fields, review_yaml, scalar
from vntimeline._extract.find import Find


def a_find(value: str, quote: str = "It opened in 2025.", note: str = "as written") -> Find:
    return Find(0, 4, "2025", value, "year", None, quote, note)


class TestClaimFields:
    def test_a_day_is_the_start(self) -> None:
        assert claim_fields(a_find("2025-09-18"), "vir", "milestone") == {
            "source": "vir",
            "start": "2025-09-18",
            "quote": "It opened in 2025.",
            "note": "as written",
        }

    def test_an_interval_is_the_start_and_end_of_a_span(self) -> None:
        fields = claim_fields(a_find("2025-10-27/2025-10-29"), "vir", "span")
        assert (fields["start"], fields["end"]) == ("2025-10-27", "2025-10-29")

    def test_an_interval_is_a_range_for_a_milestone(self) -> None:
        assert claim_fields(a_find("2017/2018"), "s", "milestone")["start"] == "[2017..2018]"

    def test_an_open_interval_is_an_open_range_for_a_milestone(self) -> None:
        assert claim_fields(a_find("2025-09/.."), "s", "milestone")["start"] == "[2025-09..]"

    def test_an_open_end_stays_open_for_a_span(self) -> None:
        fields = claim_fields(a_find("2025-09/.."), "s", "span")
        assert (fields["start"], fields["end"]) == ("2025-09", "..")

    def test_the_quote_is_one_line(self) -> None:
        fields = claim_fields(a_find("2025", quote="It opened\n  in 2025."), "s", "milestone")
        assert fields["quote"] == "It opened in 2025."

    def test_a_value_no_claim_can_hold_is_refused(self) -> None:
        with pytest.raises(vntimeline.DataError, match="2025-13"):
            claim_fields(a_find("2025-13"), "s", "milestone")


class TestScalar:
    @pytest.mark.parametrize(
        "value", ["2025-09-18", "2020~", "2024-41", "2025?", "2024-12-22T09:00+07:00"]
    )
    def test_dates_are_written_plain(self, value: str) -> None:
        assert scalar("start", value) == value

    def test_a_range_is_quoted(self) -> None:
        assert yaml.safe_load(f"k: {scalar('start', '[..2026-03-08]')}") == {"k": "[..2026-03-08]"}

    @given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
    def test_text_reads_back_as_itself(self, value: str) -> None:
        assert yaml.safe_load(f"k: {scalar('quote', value)}") == {"k": value}
        assert yaml.safe_load(f"[{{k: {scalar('quote', value, flow=True)}}}]") == [{"k": value}]

    def test_text_that_needs_no_quotes_has_none(self) -> None:
        assert scalar("quote", "held on September 18 in Nanning") == (
            "held on September 18 in Nanning"
        )


def as_text(document: str) -> Any:
    """A YAML document with every scalar read as text, as the loader reads the data file."""
    return yaml.load(document, Loader=yaml.BaseLoader)


def review(finds: list[Find], source: str | None = "vir-2025-09-19") -> Any:
    timeline = vntimeline.load_default()
    return review_yaml(finds, timeline=timeline, source=source, title="from article.txt")


class TestReviewYaml:
    def finds(self) -> list[Find]:
        text = seed_text(VIR_SEED)
        return [
            attrs.evolve(find_in(text, "September 18", "2025-09-18"), event="nanning-roundtable"),
            find_in(text, "between 2023 and 2024", "2023/2024", precision="year"),
            attrs.evolve(
                find_in(text, "2025", "2025", precision="year", after="roundtable 2025"),
                event="nanning-roundtable",
            ),
        ]

    def test_claims_are_grouped_by_event(self) -> None:
        document = as_text(review(self.finds()))
        assert document[0]["id"] == "nanning-roundtable"
        assert [c["start"] for c in document[0]["claims"]] == ["2025-09-18", "2025"]
        assert document[0]["claims"][0]["source"] == "vir-2025-09-19"
        assert document[0]["claims"][0]["quote"].endswith("held on September 18 in Nanning.")

    def test_unmatched_finds_are_stub_events_under_a_new_events_comment(self) -> None:
        text = review(self.finds())
        document = as_text(text)
        assert "# -- new events?" in text
        assert text.index("# -- new events?") < text.index("- id: new-event-1")
        assert document[1]["id"] == "new-event-1"
        assert document[1]["title"] == "TODO"
        assert document[1]["claims"][0]["start"] == "[2023..2024]"

    def test_without_a_source_the_claims_say_what_to_fill_in(self) -> None:
        text = review(self.finds(), source=None)
        assert "source: TODO  # the id of this article's source" in text
        assert as_text(text)[0]["claims"][0]["source"] == "TODO"

    def test_no_finds_is_an_empty_list(self) -> None:
        assert as_text(review([])) == []

    def test_the_claims_paste_into_the_data_file(self, tmp_path: Any) -> None:
        from helpers.finds import copy_dataset
        from vntimeline._extract.into import insert_claims

        path = copy_dataset(tmp_path)
        text = seed_text(THAIRATH_SEED)
        finds = [
            attrs.evolve(
                find_in(text, "in 2018", "2018", precision="year"), event="vinai-research-founded"
            ),
        ]
        document = as_text(
            review_yaml(
                finds, timeline=vntimeline.load(path), source="thairath-2025-12-03", title="t"
            )
        )
        pasted = {item["id"]: item["claims"] for item in document}
        new = insert_claims(path.read_text(encoding="utf-8"), pasted)
        timeline = vntimeline.loads(new, seeds_dir=tmp_path / "seeds")
        assert timeline.event("vinai-research-founded").claims[-1].quote == finds[0].quote
