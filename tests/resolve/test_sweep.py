"""The sweep for the heaviest agreeing set, seen through resolve(): exact ties, touching, parts."""

from __future__ import annotations

from helpers.resolve import claim, one
from vntimeline import Policy


class TestHeaviestSet:
    def test_the_result_is_the_common_part_of_the_winning_set(self) -> None:
        r = one(claim("gov", "2025"), claim("tuoitre", "2025-10-27"), claim("vna", "2024"))
        assert r.status == "reconciled"
        assert r.start is not None
        assert (r.start.value, r.start.precision) == ("2025-10-27", "day")

    def test_touching_intervals_do_not_agree(self) -> None:
        r = one(claim("vna", "2025-10-27"), claim("tuoitre", "2025-10-28"))
        assert r.status == "reconciled"
        assert r.start is not None and r.start.value == "2025-10-27"

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


class TestExactWeights:
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
