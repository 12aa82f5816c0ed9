"""Claims as weighted intervals, the sweep for the heaviest agreeing set, and bounds.

Theory of operation
-------------------
A claim of one side of an event is a :class:`Rec`: the half-open interval
``[lo, hi)`` of epoch seconds its date covers in the event's zone, and an
exact weight. When the intervals of a side share no common part,
:func:`heaviest_sets` finds the heaviest *maximal* sets of claims that do
(see ``docs/explanation/resolving.rst``):

* Weights are scaled to integers by the least common denominator, so sums
  are exact: two claims of 0.5 tie with one of 1.
* Every interval adds its weight at its start and takes it away at its end.
  Sorting the end points and walking them once keeps a running total; a
  maximal set is where a start is followed directly by an end, and its
  common part runs from that start to that end. That is O(k log k).

Tie-breaks
----------
=================================  ==========================================
claims of one side                 sorted by (start, end, source id, text)
two intervals that only touch      do not agree (``[a, t)`` and ``[t, b)``):
                                   at one instant, ends sort before starts
equal members found twice          one candidate (each maximal set is
                                   visited once by the sweep)
=================================  ==========================================

Order constraints pass bounds, not intervals: a :class:`Bound` is an instant
with the precision and unit to name it by; :func:`later_lower` and
:func:`earlier_upper` keep the tighter of two (see :mod:`.order`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Final, NamedTuple

from .._model.dates import PRECISIONS, EventDate, Precision, time_unit

__all__ = [
    "RANK",
    "Bound",
    "Info",
    "Rec",
    "earlier_upper",
    "heaviest_sets",
    "later_lower",
    "naming_unit",
    "sort_claims",
]

#: Precisions from coarsest to finest: a larger rank is a finer precision.
RANK: Final[dict[str, int]] = {p: i for i, p in enumerate(PRECISIONS)}


class Info(NamedTuple):
    """What one source's claim of one date weighs, and how to name it in prose."""

    weight: Fraction
    label: str  # "Vietnam News Agency (agency, weight 3)"
    short: str  # "agency 3", for dissent reasons
    publisher: str


class Rec(NamedTuple):
    """One claim on one side, as the resolver works on it."""

    lo: int
    hi: int
    source: str
    date: EventDate
    info: Info

    @property
    def text(self) -> str:
        """The claim's EDTF text, as written (made only where it is shown)."""
        return str(self.date)


def sort_claims(recs: list[Rec]) -> None:
    """Sort by (start, end, source id, text), never by file order.

    The text is only needed to break a tie between two claims of one source
    with the same interval (``2021`` and ``2021?``), so it is made only then.
    """
    recs.sort(key=lambda r: (r.lo, r.hi, r.source))
    for a, b in itertools.pairwise(recs):
        if (a.lo, a.hi, a.source) == (b.lo, b.hi, b.source):
            recs.sort(key=lambda r: (r.lo, r.hi, r.source, r.text))
            return


def heaviest_sets(recs: Sequence[Rec]) -> tuple[int, int, list[tuple[int, int]]]:
    """The heaviest maximal agreeing sets: (weight unit, top weight, their common parts).

    Weights are scaled to integers by the least common denominator (so sums
    are exact); the top weight is in those units. A maximal set is where a
    start is followed directly by an end: its common part runs from that
    start to that end. Each maximal set shows up exactly once, so equal
    members never count as two candidates; the parts come out in time order.
    """
    unit = math.lcm(*(r.info.weight.denominator for r in recs))
    points: list[tuple[int, int, int]] = []
    for r in recs:
        w = r.info.weight.numerator * (unit // r.info.weight.denominator)
        # (instant, 0 for an end / 1 for a start, change): ends sort first at a
        # shared instant, since [a, t) and [t, b) have nothing in common.
        points.append((r.lo, 1, w))
        points.append((r.hi, 0, -w))
    points.sort()
    best, total = 0, 0
    parts: list[tuple[int, int]] = []
    for i, (x, is_start, change) in enumerate(points):
        total += change
        if is_start and points[i + 1][1] == 0:
            if total > best:
                best, parts = total, [(x, points[i + 1][0])]
            elif total == best:
                parts.append((x, points[i + 1][0]))
    return unit, best, parts


class Bound(NamedTuple):
    """A bound an order constraint passes on: the instant, and where it came from."""

    instant: int
    precision: Precision
    unit: int  # seconds in one unit of the originating interval (see naming_unit)
    origin: str  # the dated event whose date it is
    via: str  # the neighbour it arrived through


def naming_unit(lo: int, hi: int, precision: Precision) -> int:
    """Seconds in one unit of ``[lo, hi)`` at *precision*, to name an end of it by.

    A bound is an instant, but formatting needs an interval: a time is named
    by its minute (or its second, if the source gave seconds), so the bound
    keeps that width. Coarser units are named by any instant inside them,
    so one second will do (and days, months and years vary in length).
    """
    return time_unit(lo, hi) if precision == "time" else 1


def _bound_key(bound: Bound) -> tuple[int, int, str, str]:
    """Tie-break of two bounds at one instant: finer precision and unit, then smaller ids."""
    return -RANK[bound.precision], bound.unit, bound.origin, bound.via


def later_lower(a: Bound | None, b: Bound) -> Bound:
    """The tighter lower bound: later instant, then finer precision, then smaller ids."""
    if a is None:
        return b
    if a.instant != b.instant:
        return a if a.instant > b.instant else b
    return min(a, b, key=_bound_key)


def earlier_upper(a: Bound | None, b: Bound) -> Bound:
    """The tighter upper bound: earlier instant, then finer precision, then smaller ids."""
    if a is None:
        return b
    if a.instant != b.instant:
        return a if a.instant < b.instant else b
    return min(a, b, key=_bound_key)
