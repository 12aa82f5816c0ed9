"""Scenario and property tests of the resolver (DESIGN section 4)."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence
from fractions import Fraction

import hypothesis.strategies as st
import pendulum
import pytest
from hypothesis import given, settings

import vntimeline
from vntimeline import (
    Claim,
    Event,
    PartialDate,
    Policy,
    PolicyError,
    ResolvedEvent,
    ResolvedTimeline,
    Source,
    Timeline,
    resolve,
)
from vntimeline._resolve.resolver import QUALIFIER_OF_SET, format_weight

SOURCES = (
    Source(id="gov", title="Decision", publisher="Government Portal", authority="official"),
    Source(id="vna", title="Report", publisher="Vietnam News Agency", authority="agency"),
    Source(id="reuters", title="Wire", publisher="Reuters", authority="agency"),
    Source(id="tuoitre", title="Article", publisher="Tuổi Trẻ", authority="press"),
    Source(id="tuoitre-2", title="Follow-up", publisher="Tuổi Trẻ", authority="press"),
    Source(id="vnexpress", title="Story", publisher="VnExpress", authority="press"),
    Source(id="thanhnien", title="Piece", publisher="Thanh Niên", authority="press"),
    Source(id="agg", title="Digest", publisher="AI Digest", authority="aggregator"),
)


def claim(source: str, start: str | None = None, end: str | None = None) -> Claim:
    return Claim(
        source=source,
        start=None if start is None else PartialDate.parse(start),
        end=None if end is None else PartialDate.parse(end),
    )


def event(
    event_id: str = "e",
    *claims: Claim,
    kind: str = "milestone",
    timezone: str = "Asia/Ho_Chi_Minh",
    after: Sequence[str] = (),
    before: Sequence[str] = (),
) -> Event:
    return Event(
        id=event_id,
        title=f"Event {event_id}",
        kind=kind,  # type: ignore[arg-type]
        timezone=timezone,
        claims=claims,
        after=after,
        before=before,
    )


def timeline(*events: Event, sources: Sequence[Source] = SOURCES) -> Timeline:
    return Timeline(events=events, sources=sources)


def one(
    *claims: Claim,
    kind: str = "milestone",
    timezone: str = "Asia/Ho_Chi_Minh",
    policy: Policy | None = None,
) -> ResolvedEvent:
    """Resolve a single event made of *claims*."""
    return resolve(timeline(event("e", *claims, kind=kind, timezone=timezone)), policy)["e"]


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

    def test_the_explanation_says_who_said_what_in_words(self) -> None:
        r = one(claim("gov", "2021-01-26"), claim("tuoitre", "2021"))
        assert "Government Portal (official, weight 4) says 26 January 2021" in r.explanation
        assert "Tuổi Trẻ (press, weight 2) says 2021" in r.explanation
        assert "agree on 26 January 2021" in r.explanation

    def test_a_source_that_gives_no_date_is_mentioned_but_not_counted(self) -> None:
        r = one(claim("tuoitre", "2025-09-18"), claim("vna"))
        assert r.status == "single-source"
        assert r.sources == ("tuoitre",)
        assert r.explanation.endswith("Cited without a date by Vietnam News Agency.")

    def test_an_undated_claim_of_a_source_that_also_dates_it_is_not_mentioned(self) -> None:
        r = one(claim("tuoitre", "2025-09-18"), claim("tuoitre"))
        assert "without a date" not in r.explanation

    def test_a_month_is_named_in_words(self) -> None:
        assert "April 2024" in one(claim("agg", "2024-04")).explanation


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

    def test_the_result_is_the_common_part_of_the_winning_set(self) -> None:
        r = one(claim("gov", "2025"), claim("tuoitre", "2025-10-27"), claim("vna", "2024"))
        assert r.status == "reconciled"
        assert r.start is not None
        assert (r.start.value, r.start.precision) == ("2025-10-27", "day")

    def test_touching_intervals_do_not_agree(self) -> None:
        r = one(claim("vna", "2025-10-27"), claim("tuoitre", "2025-10-28"))
        assert r.status == "reconciled"
        assert r.start is not None and r.start.value == "2025-10-27"

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

    def test_the_conflict_spans_every_tied_candidate(self) -> None:
        r = one(
            claim("vna", "2026-03-08"),
            claim("reuters", "2026-03-12"),
            claim("tuoitre", "2026-03-10"),
            claim("agg", "2026-03-10"),
        )
        assert r.status == "conflict"
        assert r.start is not None and r.start.value == "2026-03-08/2026-03-12"
        assert r.sources == ("agg", "reuters", "tuoitre", "vna")

    def test_a_lighter_claim_outside_the_tie_is_dissent(self) -> None:
        r = one(claim("vna", "2026-03-08"), claim("reuters", "2026-03-09"), claim("agg", "2026-04"))
        assert r.status == "conflict"
        assert [d.source for d in r.dissent] == ["agg"]
        assert r.dissent[0].reason.startswith("outweighed: aggregator 1 vs tied readings")

    def test_halves_add_up_exactly_to_a_tie(self) -> None:
        r = one(
            claim("tuoitre", "2026-03-08?"),
            claim("vnexpress", "2026-03-08?"),
            claim("vna", "2026-03-09?"),
            claim("agg", "2026-03"),
        )
        # 1 + 1 + aggregator 1 (March) = 3 against 1.5 + 1 = 2.5: no tie here...
        assert r.status == "reconciled"
        r = one(
            claim("tuoitre", "2026-03-08?"),
            claim("vnexpress", "2026-03-08?"),
            claim("thanhnien", "2026-03-09"),
        )
        # ... but 1 + 1 against 2 is one.
        assert r.status == "conflict"

    def test_decimal_weights_tie_exactly(self) -> None:
        policy = Policy(source_weights={"tuoitre": 0.1, "vnexpress": 0.2, "thanhnien": 0.3})
        r = one(
            claim("tuoitre", "2026-03-08"),
            claim("vnexpress", "2026-03-08"),
            claim("thanhnien", "2026-03-09"),
            policy=policy,
        )
        assert r.status == "conflict"

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

    def test_a_break_by_a_span_known_only_by_a_clock_time_end_names_its_minute(self) -> None:
        resolved = resolve(
            timeline(
                event("x", claim("gov", "2026")),
                event("s", claim("tuoitre", None, "2025-10-30T18:00Z"), kind="span", after=["x"]),
            )
        )
        [violation] = resolved["s"].violations
        assert "s is dated no later than 31 October 2025, 01:00 but" in violation.message

    def test_a_conflict_on_either_side_makes_the_event_a_conflict(self) -> None:
        r = one(
            claim("vna", "2025-10-27", "2025-10-29"),
            claim("reuters", "2025-10-27", "2025-10-30"),
            kind="span",
        )
        assert r.status == "conflict"
        assert r.end is not None and r.end.value == "2025-10-29/2025-10-30"


class TestUndatedAndBounded:
    def test_an_event_without_dated_claims_or_constraints_is_undated(self) -> None:
        r = one(claim("vna"))
        assert (r.status, r.start, r.end, r.sources) == ("undated", None, None, ())
        assert r.explanation == (
            "No source gives a date. Cited without a date by Vietnam News Agency."
        )

    def test_an_event_after_a_dated_one_is_bounded_below(self) -> None:
        resolved = resolve(
            timeline(event("x", claim("gov", "2021-01-26")), event("a", after=["x"]))
        )
        a = resolved["a"]
        assert a.status == "bounded"
        assert a.start is not None
        assert (a.start.value, a.start.precision) == ("2021-01-26/..", "day")
        assert a.start.to_json() == {
            "value": "2021-01-26/..",
            "precision": "day",
            "earliest": "2021-01-26",
            "latest": None,
        }
        assert "after x (dated 26 January 2021)" in a.explanation

    def test_an_event_before_a_dated_one_is_bounded_above(self) -> None:
        resolved = resolve(timeline(event("y", claim("vna", "2026-03")), event("a", before=["y"])))
        a = resolved["a"]
        assert a.start is not None
        assert (a.start.value, a.start.precision) == ("../2026-03", "month")
        assert (a.start.earliest, a.start.latest) == (None, pendulum.Date(2026, 3, 31))

    def test_bounds_on_both_sides_take_the_finer_precision(self) -> None:
        resolved = resolve(
            timeline(
                event("x", claim("gov", "2021")),
                event("y", claim("vna", "2026-03-09")),
                event("a", after=["x"], before=["y"]),
            )
        )
        a = resolved["a"].start
        assert a is not None
        assert (a.value, a.precision) == ("2021-01-01/2026-03-09", "day")

    def test_after_a_span_means_after_its_end(self) -> None:
        resolved = resolve(
            timeline(
                event("week", claim("vna", "2025-10-27", "2025-10-29"), kind="span"),
                event("a", after=["week"]),
            )
        )
        assert resolved["a"].start is not None
        assert resolved["a"].start.value == "2025-10-29/.."

    def test_bounds_pass_through_a_chain_of_undated_events(self) -> None:
        resolved = resolve(
            timeline(
                event("x", claim("gov", "2021-01-26")),
                event("b", after=["x"]),
                event("c", after=["b"]),
                event("y", claim("vna", "2025"), after=["c"]),
            )
        )
        c = resolved["c"]
        assert c.status == "bounded"
        assert c.start is not None and c.start.value == "2021-01-26/2025-12-31"
        assert "set by x" in c.explanation

    def test_the_tighter_of_two_lower_bounds_wins(self) -> None:
        resolved = resolve(
            timeline(
                event("x", claim("gov", "2021")),
                event("z", claim("gov", "2023-05")),
                event("a", after=["z", "x"]),
            )
        )
        assert resolved["a"].start is not None
        assert resolved["a"].start.value == "2023-05/.."

    def test_constraints_between_undated_events_give_no_bound(self) -> None:
        resolved = resolve(timeline(event("a"), event("b", after=["a"])))
        assert [r.status for r in resolved] == ["undated", "undated"]

    def test_a_dated_event_that_breaks_an_order_keeps_its_status_and_is_reported(self) -> None:
        resolved = resolve(
            timeline(
                event("x", claim("gov", "2021-01-26")),
                event("a", claim("tuoitre", "2020"), after=["x"]),
            )
        )
        a = resolved["a"]
        assert a.status == "single-source"
        assert a.start is not None and a.start.value == "2020"
        assert [(v.event, v.other, v.relation) for v in a.violations] == [("a", "x", "after")]
        assert resolved.violations == a.violations
        assert "Order problem: a is dated 2020 but must come after x" in a.explanation
        assert resolved["x"].violations == ()

    def test_a_dated_event_that_overlaps_its_bound_is_not_a_violation(self) -> None:
        resolved = resolve(
            timeline(
                event("x", claim("gov", "2021-01-26")),
                event("a", claim("tuoitre", "2021"), after=["x"]),
            )
        )
        assert resolved.violations == ()
        assert resolved["a"].start is not None and resolved["a"].start.value == "2021"

    def test_a_dated_event_is_never_narrowed_by_its_neighbours(self) -> None:
        resolved = resolve(
            timeline(
                event("x", claim("gov", "2021-06")),
                event("a", claim("tuoitre", "2021"), before=["x"]),
            )
        )
        assert resolved["a"].start is not None and resolved["a"].start.value == "2021"

    def test_a_break_seen_through_an_undated_event_is_reported_on_the_dated_one(self) -> None:
        resolved = resolve(
            timeline(
                event("x", claim("gov", "2025")),
                event("b", after=["x"]),
                event("a", claim("tuoitre", "2020"), after=["b"]),
            )
        )
        assert [(v.event, v.other) for v in resolved["a"].violations] == [("a", "b")]
        assert "set by x" in resolved["a"].violations[0].message

    def test_a_constraint_declared_by_the_earlier_event_is_reported_on_it(self) -> None:
        resolved = resolve(
            timeline(
                event("x", claim("gov", "2025"), before=["a"]), event("a", claim("tuoitre", "2020"))
            )
        )
        assert [(v.event, v.other, v.relation) for v in resolved.violations] == [
            ("x", "a", "before")
        ]

    def test_both_ends_of_a_bound_are_named_at_the_precision_it_reports(self) -> None:
        resolved = resolve(
            timeline(
                event("a", claim("gov", "2021-01-26")),
                event("c", claim("vna", "2021-03")),
                event("b", after=["a"], before=["c"]),
            )
        )
        assert resolved.to_json()["events"][2]["start"] == {
            "value": "2021-01-26/2021-03-31",
            "precision": "day",
            "earliest": "2021-01-26",
            "latest": "2021-03-31",
        }

    def test_a_bound_from_a_clock_time_is_named_by_its_minute(self) -> None:
        resolved = resolve(
            timeline(
                event("a", claim("tuoitre", "2026-03-08T20:00Z")),
                event("b", after=["a"]),
                event("c", before=["a"]),
            )
        )
        starts = {e["id"]: e["start"] for e in resolved.to_json()["events"]}
        assert starts["b"]["value"] == "2026-03-09T03:00+07:00/.."
        assert starts["c"]["value"] == "../2026-03-09T03:00+07:00"
        assert "before a (dated 9 March 2026, 03:00)." in resolved["c"].explanation

    def test_a_bound_from_a_time_with_seconds_keeps_its_seconds(self) -> None:
        resolved = resolve(
            timeline(
                event("a", claim("tuoitre", "2026-03-08T20:00:30Z")),
                event("b", after=["a"]),
                event("c", before=["a"]),
            )
        )
        assert resolved["b"].start is not None and resolved["c"].start is not None
        assert resolved["b"].start.value == "2026-03-09T03:00:30+07:00/.."
        assert resolved["c"].start.value == "../2026-03-09T03:00:30+07:00"

    def test_a_clock_time_and_a_day_are_both_named_to_the_minute(self) -> None:
        resolved = resolve(
            timeline(
                event("a", claim("gov", "2026-03-01")),
                event("c", claim("vna", "2026-03-08T20:00Z")),
                event("b", after=["a"], before=["c"]),
            )
        )
        b = resolved["b"].start
        assert b is not None
        assert (b.value, b.precision) == ("2026-03-01T00:00+07:00/2026-03-09T03:00+07:00", "time")

    def test_contradictory_bounds_are_reported(self) -> None:
        resolved = resolve(
            timeline(
                event("x", claim("gov", "2025")),
                event("y", claim("gov", "2020")),
                event("a", after=["x"], before=["y"]),
            )
        )
        a = resolved["a"]
        assert a.status == "bounded"
        assert [(v.other, v.relation) for v in a.violations] == [("y", "before")]
        assert "no possible date" in a.explanation


class TestPolicyPlugging:
    def test_a_custom_policy_decides_the_weights(self) -> None:
        class TrustTheNewspaper:
            def weight(self, source: Source, date: PartialDate) -> float:
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

    def test_weights_are_shown_as_people_write_them(self) -> None:
        assert [format_weight(Fraction(x)) for x in ("3", "3/2", "1/8", "2/3", "1000001/1000")] == [
            "3",
            "1.5",
            "0.125",
            "2/3",
            "1000.001",
        ]


class TestResolvedTimeline:
    def test_resolve_returns_events_in_file_order_with_lookup(self) -> None:
        resolved = resolve(
            timeline(event("b", claim("vna", "2025")), event("a", claim("vna", "2024")))
        )
        assert isinstance(resolved, ResolvedTimeline)
        assert [r.id for r in resolved] == ["b", "a"]
        assert resolved["a"].start is not None and resolved["a"].start.value == "2024"

    def test_the_json_follows_design_section_6(self) -> None:
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
