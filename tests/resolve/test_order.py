"""Order constraints: bounds for undated events, violations by dated ones."""

from __future__ import annotations

import pendulum

from helpers.resolve import claim, event, timeline
from vntimeline import resolve


class TestBounded:
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


class TestViolations:
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

    def test_a_break_by_a_span_known_only_by_a_clock_time_end_names_its_minute(self) -> None:
        resolved = resolve(
            timeline(
                event("x", claim("gov", "2026")),
                event("s", claim("tuoitre", None, "2025-10-30T18:00Z"), kind="span", after=["x"]),
            )
        )
        [violation] = resolved["s"].violations
        assert "s is dated no later than 31 October 2025, 01:00 but" in violation.message

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
