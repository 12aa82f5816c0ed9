"""The bundled dataset, data/events.yaml: Vietnam's AI policy timeline from the seeds.

These tests read the data through the public API (``vntimeline.load_default``)
and the seed articles straight from the repository's ``seeds/`` folder, so a
quote that drifts from its article, an orphaned source or a renamed id fails
here before it reaches the feeds and charts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

import vntimeline
from conftest import vntimeline_cli
from vntimeline import Claim, Event, Source, Timeline

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"

#: The chart lanes and feed categories, exactly these six.
CATEGORIES = frozenset({"policy", "diplomacy", "industry", "research", "cooperation", "target"})

#: Ids that checks outside the project rely on.
REQUIRED_IDS = (
    "national-ai-strategy",
    "resolution-57",
    "nanning-roundtable",
    "digital-week-2025",
    "vineu-expansion",
    "ov-cooperation-step-up",
)


def collapse(text: str) -> str:
    """Text with every run of white space turned into one space."""
    return re.sub(r"\s+", " ", text).strip()


def claims(timeline: Timeline) -> Iterator[tuple[Event, Claim]]:
    """Every claim in the timeline, with its event."""
    for event in timeline.events:
        for claim in event.claims:
            yield event, claim


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return vntimeline.load_default()


@pytest.fixture(scope="module")
def sources(timeline: Timeline) -> dict[str, Source]:
    return {source.id: source for source in timeline.sources}


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    """The seed articles by file name, white space collapsed."""
    return {
        path.name: collapse(path.read_text(encoding="utf-8"))
        for path in sorted(SEEDS.iterdir())
        if path.is_file()
    }


class TestQuotes:
    def test_every_claim_from_a_seeded_source_quotes_its_seed_verbatim(
        self, timeline: Timeline, sources: dict[str, Source], seeds: dict[str, str]
    ) -> None:
        missing = []
        for event, claim in claims(timeline):
            seed = sources[claim.source].seed
            if seed is None:
                continue
            if claim.quote is None or collapse(claim.quote) not in seeds[seed]:
                missing.append(f"{event.id} / {claim.source}: {claim.quote!r}")
        assert not missing, "quotes not found in their seeds:\n" + "\n".join(missing)

    def test_every_seed_a_source_names_is_a_file_in_seeds(
        self, sources: dict[str, Source], seeds: dict[str, str]
    ) -> None:
        named = {source.seed for source in sources.values() if source.seed is not None}
        assert named <= set(seeds), f"no such seed files: {sorted(named - set(seeds))}"

    def test_every_seed_article_is_the_text_of_some_source(
        self, sources: dict[str, Source], seeds: dict[str, str]
    ) -> None:
        named = {source.seed for source in sources.values()}
        assert set(seeds) <= named, f"seeds no source names: {sorted(set(seeds) - named)}"

    def test_every_claim_carries_a_quote_even_when_its_source_has_no_seed(
        self, timeline: Timeline
    ) -> None:
        bare = [
            f"{event.id} / {claim.source}" for event, claim in claims(timeline) if not claim.quote
        ]
        assert not bare, f"claims without a quote: {bare}"

    def test_claims_that_reach_us_through_a_seed_say_which_seed_reported_them(
        self, timeline: Timeline, sources: dict[str, Source], seeds: dict[str, str]
    ) -> None:
        # A source without a seed whose quote is a seed's words (an article the
        # aggregator cites, the ministry page behind the Dutch translation).
        silent = [
            f"{event.id} / {claim.source}"
            for event, claim in claims(timeline)
            if sources[claim.source].seed is None
            and claim.quote is not None
            and any(collapse(claim.quote) in text for text in seeds.values())
            and "reported via" not in (claim.note or "")
        ]
        assert not silent, f"claims that do not say which seed reported them: {silent}"

    def test_the_cited_articles_and_the_ministry_page_are_sources_without_a_seed(
        self, sources: dict[str, Source]
    ) -> None:
        for source_id in ("vnanet-2026-03-09", "vietnamnet-2026-03-08", "mst-2025-10-27"):
            assert sources[source_id].seed is None


class TestCitations:
    def test_every_source_is_cited_by_some_claim(self, timeline: Timeline) -> None:
        cited = {claim.source for _, claim in claims(timeline)}
        uncited = sorted(source.id for source in timeline.sources if source.id not in cited)
        assert not uncited, f"sources no claim cites: {uncited}"

    def test_every_claim_cites_a_known_source(
        self, timeline: Timeline, sources: dict[str, Source]
    ) -> None:
        unknown = sorted({claim.source for _, claim in claims(timeline)} - set(sources))
        assert not unknown


class TestRequiredIds:
    @pytest.mark.parametrize("event_id", REQUIRED_IDS)
    def test_the_id_relied_on_outside_the_project_exists(
        self, timeline: Timeline, event_id: str
    ) -> None:
        assert event_id in {event.id for event in timeline.events}

    def test_digital_week_2025_is_a_span(self, timeline: Timeline) -> None:
        assert timeline.event("digital-week-2025").kind == "span"

    def test_the_2021_strategy_and_decision_127_are_one_event(self, timeline: Timeline) -> None:
        strategy = timeline.event("national-ai-strategy")
        assert any("127/QD-TTg" in alias for alias in strategy.aliases)
        assert not [e.id for e in timeline.events if e.id != strategy.id and "127" in e.title]


class TestDisagreements:
    def test_the_strategy_keeps_both_the_2021_and_the_five_years_ago_readings(
        self, timeline: Timeline
    ) -> None:
        starts = {str(c.start) for c in timeline.event("national-ai-strategy").claims if c.start}
        assert any(start.startswith("2021") for start in starts)
        assert any(start.startswith("2020") for start in starts)

    def test_the_step_up_keeps_both_publication_dates_as_on_or_before(
        self, timeline: Timeline
    ) -> None:
        starts = {str(c.start) for c in timeline.event("ov-cooperation-step-up").claims if c.start}
        assert {"[..2026-03-08]", "[..2026-03-09]"} <= starts

    def test_the_step_up_resolves_to_on_or_before_8_march(self, timeline: Timeline) -> None:
        step_up = vntimeline.resolve(timeline)["ov-cooperation-step-up"]

        assert step_up.start is not None and step_up.start.latest is not None
        assert step_up.start.latest.isoformat() == "2026-03-08"
        assert step_up.dissent == ()
        assert "on or before 8 March 2026" in step_up.explanation

    def test_the_two_founding_years_of_vinai_are_a_conflict(self, timeline: Timeline) -> None:
        vinai = vntimeline.resolve(timeline)["vinai-research-founded"]

        assert vinai.status == "conflict"
        assert vinai.start is not None and vinai.start.value == "2018/2019"

    def test_the_ai_law_is_passed_and_in_force_with_outside_sources(
        self, timeline: Timeline
    ) -> None:
        resolved = vntimeline.resolve(timeline)

        passed, in_force = resolved["ai-law"], resolved["ai-law-in-force"]
        assert passed.start is not None and passed.start.value == "2025-12-10"
        assert in_force.start is not None and in_force.start.value == "2026-03-01"
        # The seed's plan ("later this year") stays beside what happened.
        assert "2025?" in {str(c.start) for c in timeline.event("ai-law").claims}

    def test_vineu_was_founded_before_its_expansion(self, timeline: Timeline) -> None:
        resolved = vntimeline.resolve(timeline)

        expansion = resolved["vineu-expansion"]
        assert "vineu-founded" in timeline.event("vineu-expansion").after
        assert expansion.start is not None and expansion.start.earliest is not None
        assert expansion.start.earliest.isoformat() == "2021-10-16"

    def test_the_vineu_expansion_is_ordered_between_the_strategy_and_the_step_up(
        self, timeline: Timeline
    ) -> None:
        expansion = timeline.event("vineu-expansion")
        assert "national-ai-strategy" in expansion.after
        assert "ov-cooperation-step-up" in expansion.before

    def test_every_read_date_of_a_seeded_claim_without_a_full_date_says_how_it_was_read(
        self, timeline: Timeline, sources: dict[str, Source]
    ) -> None:
        # A quote that shows no four-digit year cannot justify a dated claim alone.
        unexplained = [
            f"{event.id} / {claim.source}"
            for event, claim in claims(timeline)
            if claim.start is not None
            and sources[claim.source].seed is not None
            and claim.quote is not None
            and not re.search(r"\b(19|20)\d\d\b", claim.quote)
            and not claim.note
        ]
        assert not unexplained, f"dates read without a note: {unexplained}"


class TestCategories:
    def test_every_event_is_in_one_of_the_six_categories(self, timeline: Timeline) -> None:
        stray = {e.id: e.category for e in timeline.events if e.category not in CATEGORIES}
        assert not stray, f"categories outside {sorted(CATEGORIES)}: {stray}"

    def test_all_six_categories_are_in_use(self, timeline: Timeline) -> None:
        assert {event.category for event in timeline.events} == CATEGORIES


class TestNames:
    def test_event_titles_and_aliases_are_nfc(self, timeline: Timeline) -> None:
        texts = [event.title for event in timeline.events]
        texts += [alias for event in timeline.events for alias in event.aliases]
        texts += [event.location for event in timeline.events if event.location]
        odd = [text for text in texts if not unicodedata.is_normalized("NFC", text)]
        assert not odd, f"not NFC: {odd}"

    def test_source_titles_and_publishers_are_nfc(self, timeline: Timeline) -> None:
        texts = [source.title for source in timeline.sources]
        texts += [source.publisher for source in timeline.sources]
        odd = [text for text in texts if not unicodedata.is_normalized("NFC", text)]
        assert not odd, f"not NFC: {odd}"

    def test_quotes_and_notes_are_nfc(self, timeline: Timeline) -> None:
        texts = [text for _, c in claims(timeline) for text in (c.quote, c.note) if text]
        odd = [text for text in texts if not unicodedata.is_normalized("NFC", text)]
        assert not odd, f"not NFC: {odd}"

    def test_vietnamese_names_keep_their_diacritics(self, timeline: Timeline) -> None:
        interview = timeline.event("vna-interview-nguyen-duy-cu")
        assert "Nguyễn Duy Cừ" in interview.title


class TestValidate:
    def test_the_command_line_validates_the_bundled_data(self) -> None:
        result = vntimeline_cli("validate", cwd=ROOT)
        assert result.returncode == 0, result.stdout + result.stderr

    def test_the_command_line_validates_the_file_in_the_repository(self) -> None:
        result = vntimeline_cli("validate", ROOT / "data" / "events.yaml", cwd=ROOT)
        assert result.returncode == 0, result.stdout + result.stderr
