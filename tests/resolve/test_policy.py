"""Tests of the weight policy: defaults, precedence, validation, the Protocol."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from vntimeline import PartialDate, Policy, PolicyError, Source, WeightPolicy
from vntimeline._model.events import AUTHORITY_WEIGHTS
from vntimeline._resolve.policy import exact_weight


def source(authority: str = "press", weight: float | None = None, sid: str = "s") -> Source:
    return Source(
        id=sid,
        title="t",
        publisher="p",
        authority=authority,  # type: ignore[arg-type]
        weight=weight,
    )


SURE = PartialDate.parse("2025-09-18")


class TestDefaultPolicy:
    @pytest.mark.parametrize(
        ("authority", "expected"), [("official", 4), ("agency", 3), ("press", 2), ("aggregator", 1)]
    )
    def test_each_authority_has_its_design_weight(self, authority: str, expected: int) -> None:
        assert Policy().weight(source(authority), SURE) == expected

    @pytest.mark.parametrize("text", ["2025-09-18?", "2025%"])
    def test_an_uncertain_date_counts_half(self, text: str) -> None:
        assert Policy().weight(source("agency"), PartialDate.parse(text)) == Fraction(3, 2)

    def test_an_approximate_date_keeps_its_weight(self) -> None:
        assert Policy().weight(source("agency"), PartialDate.parse("2025~")) == 3

    def test_a_sources_own_weight_replaces_its_authoritys(self) -> None:
        assert Policy().weight(source("press", weight=2.5), SURE) == Fraction(5, 2)

    def test_a_policy_override_beats_the_sources_own_weight(self) -> None:
        policy = Policy(source_weights={"s": 7})
        assert policy.weight(source("press", weight=2.5), SURE) == 7
        assert policy.weight(source("press", sid="other"), SURE) == 2

    def test_the_uncertain_factor_is_configurable(self) -> None:
        policy = Policy(uncertain_factor=0.25)
        assert policy.weight(source("official"), PartialDate.parse("2025?")) == 1

    def test_authority_weights_are_configurable(self) -> None:
        policy = Policy(authority_weights={**AUTHORITY_WEIGHTS, "press": 3.5})
        assert policy.weight(source("press"), SURE) == Fraction(7, 2)

    def test_weights_are_exact_fractions(self) -> None:
        policy = Policy(source_weights={"a": 0.1, "b": 0.2, "c": 0.3})
        total = policy.weight(source(sid="a"), SURE) + policy.weight(source(sid="b"), SURE)
        assert total == policy.weight(source(sid="c"), SURE)

    def test_the_policy_follows_the_protocol(self) -> None:
        assert isinstance(Policy(), WeightPolicy)

    def test_a_policy_is_frozen(self) -> None:
        policy = Policy()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            policy.uncertain_factor = 1  # type: ignore[misc]
        with pytest.raises(TypeError):
            policy.authority_weights["press"] = 9  # type: ignore[index]

    def test_the_options_are_copied_so_later_changes_do_not_leak_in(self) -> None:
        weights = dict(AUTHORITY_WEIGHTS)
        policy = Policy(authority_weights=weights)
        weights["press"] = 100
        assert policy.weight(source("press"), SURE) == 2

    def test_equal_options_make_equal_policies(self) -> None:
        assert Policy(source_weights={"a": 1}) == Policy(source_weights={"a": 1})
        assert Policy() != Policy(uncertain_factor=1)
        assert hash(Policy()) == hash(Policy())


class TestPolicyValidation:
    def test_a_missing_authority_is_rejected(self) -> None:
        with pytest.raises(PolicyError, match="missing 'aggregator'"):
            Policy(authority_weights={"official": 4, "agency": 3, "press": 2})

    def test_an_unknown_authority_is_rejected_with_a_suggestion(self) -> None:
        with pytest.raises(
            PolicyError,
            match=r"unknown authority 'offical' \(did you mean "
            r"'official'\?\)",
        ):
            Policy(authority_weights={**AUTHORITY_WEIGHTS, "offical": 4})

    @pytest.mark.parametrize(
        "bad", [0, -1, float("nan"), float("inf"), "2", None, True, Decimal(2)]
    )
    def test_an_authority_weight_that_is_not_a_positive_number_is_rejected(
        self,
        bad: object,
    ) -> None:
        with pytest.raises(PolicyError, match=r"authority_weights\['press'\] must be"):
            Policy(authority_weights={**AUTHORITY_WEIGHTS, "press": bad})

    @pytest.mark.parametrize("bad", [0, -0.5, 1.01, 2, float("nan"), "0.5", None])
    def test_an_uncertain_factor_outside_zero_to_one_is_rejected(self, bad: object) -> None:
        with pytest.raises(PolicyError, match="uncertain_factor must"):
            Policy(uncertain_factor=bad)  # type: ignore[arg-type]

    def test_an_uncertain_factor_of_one_ignores_doubt(self) -> None:
        assert Policy(uncertain_factor=1).weight(source(), PartialDate.parse("2025?")) == 2

    @pytest.mark.parametrize("bad", [0, -3, float("inf"), "heavy"])
    def test_a_bad_source_weight_is_rejected(self, bad: object) -> None:
        with pytest.raises(PolicyError, match=r"source_weights\['vna'\] must be"):
            Policy(source_weights={"vna": bad})

    def test_a_source_weight_key_must_be_a_source_id(self) -> None:
        with pytest.raises(PolicyError, match="keys must be source ids"):
            Policy(source_weights={3: 1})

    @pytest.mark.parametrize("field", ["authority_weights", "source_weights"])
    def test_a_table_that_is_not_a_mapping_is_rejected(self, field: str) -> None:
        with pytest.raises(PolicyError, match=f"{field} must be a mapping"):
            Policy(**{field: [("press", 2)]})  # type: ignore[arg-type]

    def test_a_policy_error_is_also_a_value_error(self) -> None:
        with pytest.raises(ValueError, match="uncertain_factor"):
            Policy(uncertain_factor=0)


class TestExactWeight:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (3, Fraction(3)),
            (0.1, Fraction(1, 10)),
            (Fraction(2, 3), Fraction(2, 3)),
            (1.5, Fraction(3, 2)),
        ],
    )
    def test_numbers_become_the_fraction_a_person_means(
        self, value: float, expected: Fraction
    ) -> None:
        assert exact_weight(value, "w") == expected

    def test_the_message_names_what_was_wrong(self) -> None:
        with pytest.raises(PolicyError, match=r"^the weight must be positive, got -2$"):
            exact_weight(-2, "the weight")
