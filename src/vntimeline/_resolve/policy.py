"""How much each claim weighs: the resolver's policy and the Protocol it follows.

The resolver asks one question of a policy: *how heavy is this source's
claim of this date?* :class:`Policy` answers it by the rules in
``docs/explanation/resolving.rst`` (authority weights, a source's own
``weight``, half for ``?`` and ``%``) and lets every number be changed.
Anything else with a matching ``weight`` method can be passed to
:func:`vntimeline.resolve` instead (see :class:`WeightPolicy`).

Options are checked when the policy is built, so a bad one fails at once
with :class:`~vntimeline.errors.PolicyError`, not halfway through a resolve.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Final, Protocol, runtime_checkable

import attrs

from .._model.dates import EventDate
from .._model.events import AUTHORITIES, AUTHORITY_WEIGHTS, Source, suggest
from ..errors import PolicyError

__all__ = [
    "DEFAULT_UNCERTAIN_FACTOR",
    "Policy",
    "Weight",
    "WeightPolicy",
    "exact_weight",
]

#: A weight as a policy may give it: an int, a float or an exact Fraction.
Weight = float | Fraction

#: How much a ``?`` or ``%`` claim counts, relative to a sure one.
DEFAULT_UNCERTAIN_FACTOR: Final = 0.5


@runtime_checkable
class WeightPolicy(Protocol):
    """What :func:`vntimeline.resolve` needs from a policy: one ``weight`` method.

    ``weight(source, date)`` returns how heavily *source*'s claim of *date*
    counts, as a positive finite number (``int``, ``float`` or
    :class:`~fractions.Fraction`). It must be a pure function of its
    arguments: the resolver calls it once per distinct ``(source id, date)``
    pair and reuses the answer. Floats are read by their shortest decimal
    form (``0.1`` is exactly one tenth) so that ties are exact; anything that
    is not a positive finite number makes ``resolve`` raise
    :class:`~vntimeline.errors.PolicyError`.

    *date* is a :class:`~vntimeline.PartialDate` or, for a claim of "on or
    before" and the like, a :class:`~vntimeline.DateRange`.

    Example, a policy that trusts no claim that ends before 2020::

        class Recent:
            def weight(self, source, date):
                old = date.bounds("UTC")[1] <= PartialDate.parse("2020").bounds("UTC")[0]
                return 1 if old else Policy().weight(source, date)
    """

    def weight(self, source: Source, date: EventDate) -> Weight:
        """The weight of *source*'s claim that the event happened at *date*."""
        ...


def exact_weight(value: object, what: str) -> Fraction:
    """*value* as an exact positive Fraction, or :class:`PolicyError` naming *what*."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise PolicyError(f"{what} must be a positive number, got {value!r}")
    if isinstance(value, numbers.Rational):  # int, Fraction: already exact
        exact = Fraction(int(value.numerator), int(value.denominator))
    else:
        number = float(value)
        if not math.isfinite(number):
            raise PolicyError(f"{what} must be a positive finite number, got {value!r}")
        # The shortest repr is what the user wrote: 0.1 means one tenth, so
        # 0.1 + 0.2 ties with 0.3 as a person expects.
        exact = Fraction(repr(number))
    if exact <= 0:
        raise PolicyError(f"{what} must be positive, got {value!r}")
    return exact


def _authority_weights(value: object) -> Mapping[str, Weight]:
    """Check and freeze the authority table: all four authorities, positive weights."""
    if not isinstance(value, Mapping):
        raise PolicyError(
            "authority_weights must be a mapping of authority to weight, "
            f"got {type(value).__name__}"
        )
    for key in value:
        if key not in AUTHORITY_WEIGHTS:
            hint = suggest(key, AUTHORITIES) if isinstance(key, str) else ""
            raise PolicyError(
                f"authority_weights has unknown authority {key!r}{hint}; "
                f"expected {', '.join(AUTHORITIES)}"
            )
    missing = [name for name in AUTHORITIES if name not in value]
    if missing:
        raise PolicyError(
            f"authority_weights is missing {', '.join(map(repr, missing))}; "
            f"it needs a weight for each of {', '.join(AUTHORITIES)}"
        )
    for key, weight in value.items():
        exact_weight(weight, f"authority_weights[{key!r}]")
    return MappingProxyType({name: value[name] for name in AUTHORITIES})


def _source_weights(value: object) -> Mapping[str, Weight]:
    """Check and freeze the per-source overrides: source id to positive weight."""
    if not isinstance(value, Mapping):
        raise PolicyError(
            f"source_weights must be a mapping of source id to weight, got {type(value).__name__}"
        )
    for key, weight in value.items():
        if not isinstance(key, str) or not key:
            raise PolicyError(f"source_weights keys must be source ids, got {key!r}")
        exact_weight(weight, f"source_weights[{key!r}]")
    return MappingProxyType(dict(sorted(value.items())))


def _check_factor(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    """The uncertain factor lies in (0, 1]: a doubt may lighten a claim, never weigh it up."""
    exact = exact_weight(value, "uncertain_factor")
    if exact > 1:
        raise PolicyError(f"uncertain_factor must be in (0, 1], got {value!r}")


@attrs.frozen
class Policy:
    """The standard weighing: by authority, or the source's own weight; doubt counts less.

    A claim weighs, in order of precedence, ``source_weights[source.id]``,
    then ``source.weight``, then ``authority_weights[source.authority]``;
    a ``?`` or ``%`` date is multiplied by ``uncertain_factor``. ``~`` does
    not change the weight.
    """

    authority_weights: Mapping[str, Weight] = attrs.field(
        factory=lambda: dict(AUTHORITY_WEIGHTS),
        converter=_authority_weights,
        hash=False,
    )
    uncertain_factor: Weight = attrs.field(
        default=DEFAULT_UNCERTAIN_FACTOR, validator=_check_factor
    )
    source_weights: Mapping[str, Weight] = attrs.field(
        factory=dict,
        converter=_source_weights,
        hash=False,
    )

    def base_weight(self, source: Source) -> Fraction:
        """The weight of a sure claim by *source*, before any doubt is counted."""
        if source.id in self.source_weights:
            return exact_weight(self.source_weights[source.id], f"source_weights[{source.id!r}]")
        if source.weight is not None:
            return exact_weight(source.weight, f"weight of source {source.id!r}")
        return exact_weight(
            self.authority_weights[source.authority], f"authority_weights[{source.authority!r}]"
        )

    def weight(self, source: Source, date: EventDate) -> Fraction:
        """The weight of *source*'s claim of *date* (see the class docstring)."""
        base = self.base_weight(source)
        if date.uncertain:
            return base * exact_weight(self.uncertain_factor, "uncertain_factor")
        return base
