"""Scenario and property tests of the resolver (see ``docs/explanation/resolving.rst``)."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence

import hypothesis.strategies as st
import pendulum
import pytest
from hypothesis import given, settings

import vntimeline
from helpers.resolve import SOURCES, claim, event, one, timeline
from vntimeline import (
    Claim,
    EventDate,
    PartialDate,
    Policy,
    PolicyError,
    ResolvedEvent,
    ResolvedTimeline,
    Source,
    resolve,
)
from vntimeline._resolve.resolver import QUALIFIER_OF_SET


def value(resolved: ResolvedEvent) -> str:
    assert resolved.start is not None
    return resolved.start.value


def days(resolved: ResolvedEvent) -> tuple[str, str]:
    assert resolved.start is not None
    return str(resolved.start.earliest), str(resolved.start.latest)


class TestAgreement:
    def test_a_year_and_a_day_in_it_agree_on_the_day_at_day_precision(self) -> None:
        r = one(claim("gov", "2021-01-26"), claim("tuoitre", "2021"))
        assert r.status == "agreed"
        assert r.start is not None
        assert (r.start.value, r.start.precision) == ("2021-01-26", "day")
        assert days(r) == ("2021-01-26", "2021-01-26")
        assert r.dissent == ()
        assert r.sources == ("gov", "tuoitre")

    def test_a_month_and_a_year_agree_on_the_month(self) -> None:
        r = one(claim("vna", "2024"), claim("vnexpress", "2024-04"))
        assert r.start is not None
        assert (r.start.value, r.start.precision) == ("2024-04", "month")
        assert days(r) == ("2024-04-01", "2024-04-30")

    def test_two_articles_of_one_publisher_are_a_single_source(self) -> None:
        r = one(claim("tuoitre", "2025-09-18"), claim("tuoitre-2", "2025-09-18"))
        assert r.status == "single-source"
        assert r.sources == ("tuoitre", "tuoitre-2")

    def test_two_publishers_that_agree_make_it_agreed(self) -> None:
        r = one(claim("tuoitre", "2025-09-18"), claim("vnexpress", "2025-09"))
        assert r.status == "agreed"
        assert "2 publishers agree" in r.explanation

    def test_one_claim_resolves_to_exactly_that_claim(self) -> None:
        r = one(claim("agg", "2024-04"))
        assert r.status == "single-source"
        assert r.start is not None
        assert (r.start.value, r.start.precision) == ("2024-04", "month")
        assert (r.start.start, r.start.end) == bounds_of("2024-04")
        assert r.sources == ("agg",)

    def test_a_doubt_every_claim_shares_is_kept_on_the_value(self) -> None:
        assert value(one(claim("tuoitre", "2021?"), claim("vna", "2021?"))) == "2021?"
        assert value(one(claim("tuoitre", "2021~"), claim("vna", "2021-05~"))) == "2021-05~"
        assert value(one(claim("tuoitre", "2021%"), claim("vna", "2021%"))) == "2021%"

    def test_uncertain_and_both_qualifiers_share_the_doubt_only(self) -> None:
        r = one(claim("tuoitre", "2021?"), claim("vna", "2021%"))
        assert r.start is not None and r.start.value == "2021?"

    def test_a_doubt_not_every_claim_shares_is_dropped(self) -> None:
        r = one(claim("tuoitre", "2021?"), claim("vna", "2021-03-01"))
        assert r.start is not None and r.start.value == "2021-03-01"

    def test_the_qualifier_table_covers_every_combination(self) -> None:
        assert sorted(QUALIFIER_OF_SET.values()) == ["", "%", "?", "~"]


class TestReconciled:
    def test_the_heavier_authority_wins_and_the_other_is_dissent(self) -> None:
        r = one(claim("vna", "2026-03-09"), claim("tuoitre", "2026-03-08"))
        assert r.status == "reconciled"
        assert r.start is not None and r.start.value == "2026-03-09"
        assert r.sources == ("vna",)
        assert [d.to_json() for d in r.dissent] == [
            {
                "source": "tuoitre",
                "value": "2026-03-08",
                "reason": "outweighed: press 2 vs agency 3 (9 March 2026)",
            }
        ]
        assert (
            "Vietnam News Agency (agency, weight 3) outweighs Tuổi Trẻ (press, weight 2): "
            "9 March 2026; 8 March 2026 kept as dissent."
        ) in r.explanation

    def test_a_weighted_majority_beats_a_single_heavier_source(self) -> None:
        r = one(
            claim("vna", "2026-03-09"),
            claim("tuoitre", "2026-03-08"),
            claim("vnexpress", "2026-03-08T10:00"),
        )
        # press 2 + press 2 (they agree on 8 March) = 4 > agency 3.
        assert r.status == "reconciled"
        assert r.start is not None and r.start.value == "2026-03-08T10:00+07:00"
        assert r.sources == ("tuoitre", "vnexpress")
        assert [d.source for d in r.dissent] == ["vna"]
        assert "press 2 + press 2 = 4" in r.dissent[0].reason

    def test_an_uncertain_claim_counts_half(self) -> None:
        # official 4 halved is 2, press is 2: a tie, not a win for the official source.
        r = one(claim("gov", "2026-03-09?"), claim("tuoitre", "2026-03-08"))
        assert r.status == "conflict"
        r = one(claim("vna", "2026-03-09%"), claim("tuoitre", "2026-03-08"))
        assert r.status == "reconciled"
        assert r.start is not None and r.start.value == "2026-03-08"
        assert "weight 1.5, uncertain" in r.explanation

    def test_an_approximate_claim_keeps_its_full_weight(self) -> None:
        r = one(claim("vna", "2026-03-09~"), claim("tuoitre", "2026-03-08"))
        assert r.start is not None and r.start.value == "2026-03-09~"

    def test_dissent_is_sorted_by_source_then_value(self) -> None:
        r = one(
            claim("gov", "2020"),
            claim("vnexpress", "2022"),
            claim("agg", "2023"),
            claim("tuoitre", "2024"),
            claim("agg", "2019"),
        )
        assert [(d.source, d.value) for d in r.dissent] == [
            ("agg", "2019"),
            ("agg", "2023"),
            ("tuoitre", "2024"),
            ("vnexpress", "2022"),
        ]


class TestConflict:
    def test_equal_weights_on_different_days_are_a_conflict_spanning_both(self) -> None:
        r = one(claim("vna", "2026-03-08"), claim("reuters", "2026-03-09"))
        assert r.status == "conflict"
        assert r.start is not None
        assert (r.start.value, r.start.precision) == ("2026-03-08/2026-03-09", "day")
        assert days(r) == ("2026-03-08", "2026-03-09")
        assert r.sources == ("reuters", "vna")
        assert r.dissent == ()
        assert "No date is chosen" in r.explanation
        assert "8 March 2026 according to Vietnam News Agency" in r.explanation

    def test_a_lighter_claim_outside_the_tie_is_dissent(self) -> None:
        r = one(claim("vna", "2026-03-08"), claim("reuters", "2026-03-09"), claim("agg", "2026-04"))
        assert r.status == "conflict"
        assert [d.source for d in r.dissent] == ["agg"]
        assert r.dissent[0].reason.startswith("outweighed: aggregator 1 vs tied readings")

    def test_the_timeline_lists_its_conflicts(self) -> None:
        resolved = resolve(
            timeline(
                event("a", claim("vna", "2026-03-08"), claim("reuters", "2026-03-09")),
                event("b", claim("vna", "2026-03-08")),
            )
        )
        assert [r.id for r in resolved.conflicts()] == ["a"]


class TestTimeZones:
    def test_a_utc_time_late_in_the_day_falls_on_the_next_local_day(self) -> None:
        r = one(claim("vna", "2026-03-08T20:00Z"), claim("tuoitre", "2026-03-09"))
        assert r.status == "agreed"
        assert r.start is not None
        assert r.start.precision == "time"
        assert r.start.value == "2026-03-09T03:00+07:00"
        assert days(r) == ("2026-03-09", "2026-03-09")
        assert "9 March 2026, 03:00 local time" in r.explanation

    def test_the_same_utc_time_disagrees_with_the_utc_day_in_hanoi(self) -> None:
        r = one(claim("vna", "2026-03-08T20:00Z"), claim("tuoitre", "2026-03-08"))
        assert r.status == "reconciled"
        assert r.start is not None and days(r) == ("2026-03-09", "2026-03-09")

    def test_in_the_events_own_zone_the_utc_time_stays_on_its_day(self) -> None:
        r = one(
            claim("vna", "2026-03-08T20:00Z"),
            claim("tuoitre", "2026-03-08"),
            timezone="Europe/London",
        )
        assert r.status == "agreed"
        assert r.start is not None and days(r) == ("2026-03-08", "2026-03-08")


class TestSpans:
    def test_start_and_end_are_resolved_separately(self) -> None:
        r = one(
            claim("vna", "2025-10-27", "2025-10-29"),
            claim("tuoitre", "2025-10-27", "2025-10-30"),
            kind="span",
        )
        assert r.status == "reconciled"
        assert r.start is not None and r.start.value == "2025-10-27"
        assert r.end is not None and r.end.value == "2025-10-29"
        assert [d.to_json() for d in r.dissent] == [
            {
                "source": "tuoitre",
                "value": "2025-10-30",
                "reason": "end outweighed: press 2 vs agency 3 (29 October 2025)",
            }
        ]
        assert r.explanation.startswith("Start: ")
        assert " End: " in r.explanation

    def test_a_claim_without_an_end_takes_no_part_in_the_end(self) -> None:
        r = one(
            claim("vna", "2025-10-27"), claim("tuoitre", "2025-10-27", "2025-10-29"), kind="span"
        )
        assert r.status == "agreed"
        assert r.end is not None and r.end.value == "2025-10-29"

    def test_a_span_known_only_by_its_end_starts_no_later_than_it(self) -> None:
        r = one(claim("vna", None, "2025-10-29"), kind="span")
        assert r.status == "single-source"
        assert r.start is not None and r.start.start is None
        assert r.start.value == "../2025-10-29"
        assert r.end is not None and r.end.value == "2025-10-29"

    def test_a_span_known_only_by_a_clock_time_end_starts_no_later_than_its_minute(
        self,
    ) -> None:
        r = resolve(timeline(event("s", claim("tuoitre", None, "2025-10-30T18:00Z"), kind="span")))
        start = r.to_json()["events"][0]["start"]
        assert (start["value"], start["precision"]) == ("../2025-10-31T01:00+07:00", "time")

    def test_a_conflict_on_either_side_makes_the_event_a_conflict(self) -> None:
        r = one(
            claim("vna", "2025-10-27", "2025-10-29"),
            claim("reuters", "2025-10-27", "2025-10-30"),
            kind="span",
        )
        assert r.status == "conflict"
        assert r.end is not None and r.end.value == "2025-10-29/2025-10-30"


class TestUndated:
    def test_an_event_without_dated_claims_or_constraints_is_undated(self) -> None:
        r = one(claim("vna"))
        assert (r.status, r.start, r.end, r.sources) == ("undated", None, None, ())
        assert r.explanation == (
            "No source gives a date. Cited without a date by Vietnam News Agency."
        )


class TestPolicyPlugging:
    def test_a_custom_policy_decides_the_weights(self) -> None:
        class TrustTheNewspaper:
            def weight(self, source: Source, date: EventDate) -> float:
                return 10 if source.authority == "press" else 1

        tl = timeline(event("e", claim("vna", "2026-03-09"), claim("tuoitre", "2026-03-08")))
        r = resolve(tl, TrustTheNewspaper())["e"]
        assert r.start is not None and r.start.value == "2026-03-08"
        assert r.dissent[0].reason == "outweighed: agency 1 vs press 10 (8 March 2026)"

    def test_source_weight_overrides_in_the_policy_change_the_outcome(self) -> None:
        r = one(
            claim("vna", "2026-03-09"),
            claim("tuoitre", "2026-03-08"),
            policy=Policy(source_weights={"tuoitre": 5}),
        )
        assert r.start is not None and r.start.value == "2026-03-08"

    def test_a_sources_own_weight_is_used(self) -> None:
        sources = [
            *SOURCES[:-1],
            Source(id="agg", title="t", publisher="AI Digest", authority="aggregator", weight=9),
        ]
        tl = timeline(
            event("e", claim("vna", "2026-03-09"), claim("agg", "2026-03-08")), sources=sources
        )
        r = resolve(tl)["e"]
        assert r.start is not None and r.start.value == "2026-03-08"

    @pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), "3", None, True])
    def test_a_policy_returning_a_bad_weight_is_a_policy_error(self, bad: object) -> None:
        class Broken:
            def weight(self, source: Source, date: PartialDate) -> object:
                return bad

        with pytest.raises(PolicyError, match="the policy's weight for source 'vna'"):
            resolve(timeline(event("e", claim("vna", "2026"))), Broken())  # type: ignore[arg-type]

    def test_an_object_without_a_weight_method_is_refused(self) -> None:
        with pytest.raises(PolicyError, match="needs a weight"):
            resolve(timeline(), object())  # type: ignore[arg-type]


class TestResolvedTimeline:
    def test_resolve_returns_events_in_file_order_with_lookup(self) -> None:
        resolved = resolve(
            timeline(event("b", claim("vna", "2025")), event("a", claim("vna", "2024")))
        )
        assert isinstance(resolved, ResolvedTimeline)
        assert [r.id for r in resolved] == ["b", "a"]
        assert resolved["a"].start is not None and resolved["a"].start.value == "2024"

    def test_the_json_follows_the_data_format(self) -> None:
        resolved = resolve(
            timeline(event("e", claim("vna", "2026-03-09"), claim("tuoitre", "2026-03-08")))
        )
        doc = json.loads(resolved.dumps())
        assert doc["timezone"] == "Asia/Ho_Chi_Minh"
        assert doc["events"][0] == {
            "id": "e",
            "title": "Event e",
            "category": "general",
            "kind": "milestone",
            "status": "reconciled",
            "start": {
                "value": "2026-03-09",
                "precision": "day",
                "earliest": "2026-03-09",
                "latest": "2026-03-09",
            },
            "end": None,
            "sources": ["vna"],
            "dissent": [
                {
                    "source": "tuoitre",
                    "value": "2026-03-08",
                    "reason": "outweighed: press 2 vs agency 3 (9 March 2026)",
                }
            ],
            "explanation": doc["events"][0]["explanation"],
        }


# -- properties ---------------------------------------------------------------------

SOURCE_IDS = [s.id for s in SOURCES]


@st.composite
def dates(draw: st.DrawFn) -> str:
    """EDTF values in 2024-2025: years, months, days, times, with qualifiers."""
    year = draw(st.sampled_from([2024, 2025]))
    shape = draw(st.sampled_from(["year", "month", "day", "day", "time"]))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    text = {
        "year": f"{year}",
        "month": f"{year}-{month:02d}",
        "day": f"{year}-{month:02d}-{day:02d}",
        "time": f"{year}-{month:02d}-{day:02d}T{draw(st.integers(0, 23)):02d}:00Z",
    }[shape]
    return text + draw(st.sampled_from(["", "", "", "?", "~", "%"]))


claims_st = st.lists(st.tuples(st.sampled_from(SOURCE_IDS), dates()), min_size=1, max_size=6)


def claims_of(pairs: Sequence[tuple[str, str]]) -> list[Claim]:
    return [claim(source, text) for source, text in pairs]


def bounds_of(text: str) -> tuple[int, int]:
    return PartialDate.parse(text).bounds("Asia/Ho_Chi_Minh")


class TestProperties:
    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.tuples(claims_st, st.booleans()), min_size=1, max_size=5), st.randoms())
    def test_the_result_does_not_depend_on_the_order_of_claims_or_events(
        self,
        specs: list[tuple[list[tuple[str, str]], bool]],
        rnd: random.Random,
    ) -> None:
        events = []
        for i, (pairs, chained) in enumerate(specs):
            after = [f"e{i - 1}"] if chained and i else []
            events.append(event(f"e{i}", *claims_of(pairs), after=after))
        undated = event("u", after=[e.id for e in events[::2]], before=[])
        base = resolve(timeline(*events, undated))
        shuffled_events = [
            event(e.id, *rnd.sample(e.claims, len(e.claims)), after=e.after) for e in events
        ]
        all_events = [*shuffled_events, undated]
        rnd.shuffle(all_events)
        other = resolve(timeline(*all_events, sources=rnd.sample(SOURCES, len(SOURCES))))
        for r in base:
            assert other[r.id].to_json() == r.to_json()
            assert other[r.id].violations == r.violations

    @settings(max_examples=200, deadline=None)
    @given(claims_st)
    def test_the_result_lies_inside_the_claims(self, pairs: list[tuple[str, str]]) -> None:
        r = one(*claims_of(pairs))
        assert r.start is not None and r.start.start is not None and r.start.end is not None
        intervals = [bounds_of(text) for _s, text in pairs]
        lo, hi = r.start.start, r.start.end
        assert lo < hi
        # A conflict spans its tied readings, so it may cover a gap between them;
        # it still never leaves the claims' overall extent.
        assert min(a for a, _b in intervals) <= lo and hi <= max(b for _a, b in intervals)
        if r.status != "conflict":
            assert any(a <= lo and hi <= b for a, b in intervals)

    @settings(max_examples=100, deadline=None)
    @given(st.sampled_from(SOURCE_IDS), dates())
    def test_one_claim_resolves_to_exactly_that_claim(self, source: str, text: str) -> None:
        r = one(claim(source, text))
        assert r.start is not None
        assert (r.start.start, r.start.end) == bounds_of(text)
        assert r.start.precision == PartialDate.parse(text).precision
        assert r.status == "single-source"
        assert r.sources == (source,)

    @settings(max_examples=200, deadline=None)
    @given(claims_st, st.sampled_from(SOURCE_IDS), st.booleans())
    def test_adding_a_claim_that_agrees_never_widens_the_result(
        self,
        pairs: list[tuple[str, str]],
        source: str,
        coarse: bool,
    ) -> None:
        before = one(*claims_of(pairs))
        assert before.start is not None and before.start.start is not None
        assert before.start.end is not None
        lo, hi = before.start.start, before.start.end
        zone = pendulum.timezone("Asia/Ho_Chi_Minh")
        first = dt.datetime.fromtimestamp(lo, zone)
        last = dt.datetime.fromtimestamp(hi - 1, zone)
        # A claim whose interval holds the whole result: the result itself
        # where it is one unit, else its year, else the decade.
        text = before.start.value.rstrip("?~%")
        if coarse or "/" in text:
            text = str(first.year) if first.year == last.year else "202X"
        after = one(*claims_of(pairs), claim(source, text))
        assert after.start is not None and after.start.start is not None
        assert after.start.end is not None
        assert lo <= after.start.start and after.start.end <= hi


class TestBundledData:
    def test_every_bundled_event_resolves_with_an_explanation(self) -> None:
        resolved = resolve(vntimeline.load_default())
        assert len(resolved) > 0
        for r in resolved:
            assert r.explanation
            cited = {c.source for c in r.event.claims}
            assert set(r.sources) <= cited
            assert (r.start is None) == (r.status == "undated")
            if r.status in ("reconciled", "conflict"):
                assert r.dissent or r.status == "conflict"

    def test_the_nanning_roundtable_is_dated_18_september_2025(self) -> None:
        r = resolve(vntimeline.load_default())["nanning-roundtable"]
        assert r.start is not None and r.start.value == "2025-09-18"
